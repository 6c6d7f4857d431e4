import type { Job, JobState } from '../../../../shared/jobs';
import { isPending } from './jobFormat';

/**
 * The jobs a fresh list should announce: each that finished or came to need a decision since
 * the last list. Lists are refreshed in batches, so a job can be added and reach Needs
 * decision between two of them; `decisions` holds the jobs the queue's events said entered
 * Needs decision, so none goes unannounced whatever the timing. Nothing is announced for the
 * first list (what was settled before the studio opened).
 */
export function newlySettled(
  before: ReadonlyMap<number, JobState> | null,
  list: readonly Job[],
  decisions: ReadonlySet<number>,
): Job[] {
  if (before === null) return [];
  return list.filter((job) => {
    const was = before.get(job.id);
    if (job.state === 'needs_decision') return was !== 'needs_decision' || decisions.has(job.id);
    if (isPending(job.state)) return false;
    return was === undefined ? false : isPending(was) || was === 'needs_decision';
  });
}

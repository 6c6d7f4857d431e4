/**
 * A job's life: queued → submitting → running → downloading → succeeded | failed | canceled,
 * plus needs_decision for a paid submission whose fate is unknown. Every state change in the
 * store goes through canMove, so a transition the table does not list is a bug, not a state.
 * The states themselves are part of the contract (src/shared/jobs.ts).
 */
import { ACTIVE_STATES, isTerminal, JobState, TERMINAL_STATES } from '../../shared/jobs';

export { ACTIVE_STATES, isTerminal, JobState, TERMINAL_STATES };

const MOVES: Readonly<Record<JobState, readonly JobState[]>> = {
  // submitting: a remote request is about to go out. running: the built-in engine starts.
  queued: ['submitting', 'running', 'canceled', 'failed'],
  // running: the service gave an id. queued: it said no (429, 5xx) or certainly never got it.
  // needs_decision: its answer was lost and the service cannot be asked.
  submitting: ['running', 'queued', 'failed', 'canceled', 'needs_decision'],
  // queued: the built-in engine restarts after a crash or a stop.
  running: ['downloading', 'succeeded', 'failed', 'canceled', 'queued'],
  downloading: ['succeeded', 'failed', 'canceled', 'running'],
  // The creator chose: send it again, attach the remote id they found, or give up.
  needs_decision: ['queued', 'running', 'canceled'],
  succeeded: [],
  // Retry: from the start, or (remote id known) back to checking on it.
  failed: ['queued', 'running'],
  canceled: ['queued'],
};

export function canMove(from: JobState, to: JobState): boolean {
  return MOVES[from].includes(to);
}

/** The states a job may be in before moving to `to`. */
export function sourcesOf(to: JobState): JobState[] {
  return JobState.options.filter((from) => canMove(from, to));
}

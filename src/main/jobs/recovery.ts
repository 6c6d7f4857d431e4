/**
 * What a start does after a crash, before the runner takes jobs: built-in renders left
 * mid-way go back to the queue; a paid submission caught between "recorded" and "remote id
 * known" on a provider that cannot be asked is shown as needing a decision (never sent
 * again blindly); providers that can be asked are asked by the runner; remote jobs with an id
 * resume polling. Stored files that no database row points at (written just before a crash
 * killed the transaction that would have recorded them) are removed. The store's temp folder
 * is already emptied when the store opens.
 */
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { ProviderRegistry } from '../providers/types';
import type { MediaStore } from '../storage/store';
import type { Emit } from './events';
import type { JobStore } from './store';

export interface RecoveryReport {
  /** Remote jobs with an id that will be polled again. */
  resumed: number;
  /** Built-in renders sent back to the queue. */
  restarted: number;
  /** Submissions the runner will look up at the provider. */
  toLookUp: number;
  /** Paid submissions that now need the creator's decision. */
  needsDecision: number;
  /** Stored files no row referred to, removed. */
  orphanFiles: number;
}

/**
 * Removes stored objects that no media row names and that were written before `before`
 * (so a file another part of the studio is storing right now is never touched).
 */
export async function sweepOrphanMedia(db: Database, store: MediaStore, before: number): Promise<string[]> {
  const known = new Set(
    db
      .prepare<[], { id: string }>('SELECT id FROM media')
      .all()
      .map((row) => row.id),
  );
  const removed: string[] = [];
  let shards: string[];
  try {
    shards = await readdir(store.root);
  } catch {
    return removed;
  }
  for (const shard of shards) {
    if (!/^[0-9a-f]{2}$/.test(shard)) continue;
    for (const name of await readdir(join(store.root, shard))) {
      if (known.has(name) || store.pathOf(name) === null) continue;
      const path = join(store.root, shard, name);
      const info = await stat(path).catch(() => null);
      if (!info?.isFile() || info.mtimeMs >= before) continue;
      await rm(path, { force: true });
      removed.push(name);
    }
  }
  return removed;
}

export async function recoverJobs(options: {
  db: Database;
  jobs: JobStore;
  store: MediaStore;
  providers: ProviderRegistry;
  emit: Emit;
  now: () => number;
}): Promise<RecoveryReport> {
  const { jobs, providers, emit, now } = options;
  const report: RecoveryReport = { resumed: 0, restarted: 0, toLookUp: 0, needsDecision: 0, orphanFiles: 0 };
  // File times are wall-clock times, whatever clock the queue was given.
  const startedAt = Date.now();
  for (const job of jobs.unfinished()) {
    const provider = providers.get(job.provider);
    if (!provider) continue;
    if (provider.kind === 'local') {
      const moved = jobs.move(job.id, 'queued', { progress: 0 }, now(), ['running', 'submitting', 'downloading']);
      emit('jobs.changed', { jobId: moved.id, projectId: moved.projectId, state: moved.state });
      report.restarted++;
    } else if (job.remoteId !== null) {
      report.resumed++;
    } else if (provider.lookup || !provider.capabilities.paid) {
      report.toLookUp++;
    } else {
      const label = provider.capabilities.label;
      const moved = jobs.move(
        job.id,
        'needs_decision',
        {
          error_code: 'unknown_submission',
          error_message:
            `Shotline stopped while sending this job to ${label}. ${label} may have accepted it and may charge for it, ` +
            `and Shotline cannot ask ${label} about it. Check your ${label} dashboard, then send it again, attach the job you find there, or cancel.`,
        },
        now(),
        ['submitting'],
      );
      emit('jobs.changed', { jobId: moved.id, projectId: moved.projectId, state: moved.state });
      report.needsDecision++;
    }
  }
  report.orphanFiles = (await sweepOrphanMedia(options.db, options.store, startedAt)).length;
  return report;
}

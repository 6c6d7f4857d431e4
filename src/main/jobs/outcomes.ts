/**
 * How a run records what happened to its job: each move is written, then announced; a failure
 * or a cancel charges what the provider says it cost in the same transaction; progress is
 * written at most every progressIntervalMs.
 */
import type { JobState } from '../../shared/jobs';
import { describeWait } from '../providers/errors';
import type { RunDeps } from './runContext';
import { JobConflict, type JobRecord, type MoveFields } from './store';

type OutcomeDeps = Pick<RunDeps, 'jobs' | 'ledger' | 'emit' | 'now' | 'policy' | 'progressIntervalMs' | 'log'>;

export class JobOutcomes {
  private readonly lastProgress = new Map<number, { at: number; value: number }>();

  constructor(private readonly o: OutcomeDeps) {}

  changed(job: JobRecord): void {
    this.o.emit('jobs.changed', { jobId: job.id, projectId: job.projectId, state: job.state });
  }

  move(job: JobRecord, to: JobState, fields: MoveFields, from?: readonly JobState[]): JobRecord {
    const moved = this.o.jobs.move(job.id, to, fields, this.o.now(), from);
    this.changed(moved);
    return moved;
  }

  /** Ends a job as failed, charging what the provider says it cost (if anything). */
  fail(job: JobRecord, code: string, message: string, costUsd: number | null = null): void {
    this.settle(job, 'failed', { error_code: code, error_message: message }, costUsd);
  }

  finishCanceled(job: JobRecord, note: string | null, costUsd: number | null): void {
    this.settle(
      job,
      'canceled',
      { cancel_requested: 1, error_code: note === null ? null : 'cancel_unconfirmed', error_message: note },
      costUsd,
    );
  }

  private settle(job: JobRecord, to: 'failed' | 'canceled', fields: MoveFields, costUsd: number | null): void {
    const now = this.o.now();
    const settled = this.o.jobs.transaction(() => {
      const moved = this.o.jobs.move(
        job.id,
        to,
        { ...fields, finished_at: now, retry_at: null, cost_actual_usd: costUsd },
        now,
      );
      if (costUsd !== null) this.o.ledger.charge(moved, costUsd, now);
      return moved;
    });
    this.changed(settled);
    if (costUsd !== null && costUsd > 0) this.o.emit('jobs.spendChanged', {});
  }

  succeeded(job: JobRecord, projectId: number): void {
    this.changed(job);
    this.o.emit('clips.changed', { projectId });
    this.o.emit('projects.changed', {});
    if ((job.costActualUsd ?? 0) > 0) this.o.emit('jobs.spendChanged', {});
  }

  /** A cancel that arrived while the job was busy, honoured once it is safe to. */
  cancelIfRequested(jobId: number, note: string | null): boolean {
    const job = this.o.jobs.find(jobId);
    if (!job?.cancelRequested || job.state === 'succeeded' || job.state === 'failed' || job.state === 'canceled')
      return false;
    this.finishCanceled(job, note, null);
    return true;
  }

  progress(job: JobRecord, fraction: number): void {
    const value = Math.min(1, Math.max(0, fraction));
    const now = this.o.now();
    const last = this.lastProgress.get(job.id);
    if (last && (Math.abs(value - last.value) < 0.005 || now - last.at < this.o.progressIntervalMs) && value < 1)
      return;
    this.lastProgress.set(job.id, { at: now, value });
    this.o.jobs.setProgress(job.id, value, now);
    this.o.emit('jobs.progress', { jobId: job.id, projectId: job.projectId, state: job.state, progress: value });
  }

  /** The run has ended: its progress throttle is no longer needed. */
  forget(jobId: number): void {
    this.lastProgress.delete(jobId);
  }

  /** A run threw something it did not expect: fail the job, or for a remote job that may cost money, retry it later. */
  crashed(jobId: number, error: unknown): void {
    const job = this.o.jobs.find(jobId);
    if (!job) return;
    if (error instanceof JobConflict) return; // someone else settled it (a cancel, a decision)
    this.o.log(`job ${jobId} stopped unexpectedly`, error);
    if (
      job.state === 'succeeded' ||
      job.state === 'failed' ||
      job.state === 'canceled' ||
      job.state === 'needs_decision'
    )
      return;
    const message = `Something went wrong inside Shotline: ${error instanceof Error ? error.message : String(error)}`;
    try {
      if (job.provider !== 'local' && (job.state === 'submitting' || job.remoteId !== null)) {
        // A remote job that may already cost money is not failed blindly: try it again later.
        const delay = this.o.policy.maxDelayMs;
        this.o.jobs.patch(
          job.id,
          {
            retry_at: this.o.now() + delay,
            error_code: 'internal',
            error_message: `${message}. Trying again in ${describeWait(delay)}.`,
          },
          this.o.now(),
          ['submitting', 'running', 'downloading'],
        );
        this.changed(this.o.jobs.get(job.id));
        return;
      }
      this.fail(job, 'internal', message);
    } catch (nested) {
      this.o.log(`job ${jobId} could not be marked failed`, nested);
    }
  }
}

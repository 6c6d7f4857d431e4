/**
 * What a creator does to jobs: enqueue, edit, cancel, retry, move to front, duplicate and
 * decide what to do with a submission whose fate is unknown. Each checks the job's state and
 * says why when it cannot act, writes the change, then announces it and wakes the scheduler.
 */
import { StudioError } from '../../shared/errors';
import { EnqueueJob, isTerminal, JobDecision, UpdateJob, type Job } from '../../shared/jobs';
import { PROVIDERS } from '../../shared/prompt/providers';
import type { Emit } from './events';
import { parseInput, type JobPreparation } from './prepare';
import type { Scheduler } from './scheduler';
import { publicJob, type JobRecord, type JobStore, type MoveFields } from './store';

export interface JobOperations {
  enqueue(input: EnqueueJob): Job;
  update(input: UpdateJob): Job;
  cancel(id: number): Job;
  retry(id: number): Job;
  moveToFront(id: number): Job;
  duplicate(id: number): Job;
  decide(id: number, decision: JobDecision): Job;
}

export interface OperationDeps {
  jobs: JobStore;
  preparation: JobPreparation;
  runner: Pick<Scheduler, 'isActive' | 'cancelActive' | 'nudge'>;
  emit: Emit;
  now: () => number;
  newKey: () => string;
}

/** Failures after which a retry resumes following the remote job instead of sending it again. */
const RESUMABLE = new Set(['lost_contact', 'download_failed']);

const stateName = (job: { state: string }): string => job.state.replace('_', ' ');

export class QueueOperations implements JobOperations {
  private readonly jobs: JobStore;
  private readonly prep: JobPreparation;
  private readonly runner: OperationDeps['runner'];
  private readonly now: () => number;

  constructor(private readonly d: OperationDeps) {
    this.jobs = d.jobs;
    this.prep = d.preparation;
    this.runner = d.runner;
    this.now = d.now;
  }

  private changed(job: JobRecord): Job {
    const shown = publicJob(job);
    this.d.emit('jobs.changed', { jobId: shown.id, projectId: shown.projectId, state: shown.state });
    this.runner.nudge();
    return shown;
  }

  private editable(id: number, what: string): Job {
    const job = publicJob(this.jobs.get(id));
    if (job.state !== 'queued' || this.runner.isActive(id)) {
      throw new StudioError('conflict', `Only a queued job can be ${what}; job ${id} is ${stateName(job)}.`);
    }
    return job;
  }

  enqueue(raw: EnqueueJob): Job {
    const input = parseInput(EnqueueJob, raw, 'jobs.enqueue');
    this.prep.assertProject(input.projectId);
    // A continuation's clip is the new clip's parent: it joins the clip's lineage as a remix.
    const parentClipId = input.continueFrom?.clipId ?? input.parentClipId ?? null;
    if (parentClipId !== null) this.prep.assertClip(parentClipId);
    this.prep.requireReady(input.provider);
    const prepared = this.prep.prepare({
      provider: input.provider,
      promptText: input.promptText,
      options: input.options,
      remix: input.remix,
      parentClipId,
      continueMode: input.continueFrom?.mode ?? null,
    });
    this.prep.checkBudget(prepared.costEstimateUsd, null);
    const job = this.jobs.insert(
      {
        ...prepared,
        projectId: input.projectId,
        priority: input.priority,
        parentClipId,
        idempotencyKey: this.d.newKey(),
      },
      this.now(),
    );
    return this.changed(job);
  }

  update(raw: UpdateJob): Job {
    const input = parseInput(UpdateJob, raw, 'jobs.update');
    const job = this.editable(input.id, 'edited');
    const providerId = input.provider ?? job.provider;
    if (providerId !== job.provider) this.prep.requireReady(providerId);
    const prepared = this.prep.prepare({
      provider: providerId,
      promptText: input.promptText ?? job.promptText,
      options: input.options ?? job.params.options,
      remix: job.params.remix,
      parentClipId: job.parentClipId,
      continueMode: job.params.continueMode,
    });
    this.prep.checkBudget(prepared.costEstimateUsd, job.id);
    if (!this.jobs.rewrite(job.id, { ...prepared, priority: input.priority ?? job.priority }, this.now())) {
      throw new StudioError('conflict', `Job ${job.id} started before the edit could be saved.`);
    }
    return this.changed(this.jobs.get(job.id));
  }

  cancel(id: number): Job {
    const job = this.jobs.get(id);
    if (isTerminal(job.state))
      throw new StudioError(
        'conflict',
        `Job ${id} already ${job.state === 'succeeded' ? 'succeeded' : `is ${job.state}`}; there is nothing to cancel.`,
      );
    if (!this.runner.isActive(id) && (job.state === 'queued' || job.state === 'needs_decision')) {
      const fields: MoveFields = { finished_at: this.now(), cancel_requested: 1, retry_at: null };
      return this.changed(this.jobs.move(id, 'canceled', fields, this.now(), ['queued', 'needs_decision']));
    }
    // A running job is stopped by its run, which settles it once it is safe to.
    this.jobs.patch(id, { cancel_requested: 1 }, this.now(), [
      'queued',
      'submitting',
      'running',
      'downloading',
      'needs_decision',
    ]);
    if (!this.runner.cancelActive(id)) this.runner.nudge();
    return this.changed(this.jobs.get(id));
  }

  retry(id: number): Job {
    const job = this.jobs.get(id);
    // A settled job may still be tidying up in the runner (its slot frees a moment later); that is fine.
    if (this.runner.isActive(id) && !isTerminal(job.state))
      throw new StudioError('conflict', `Job ${id} is running; there is nothing to retry yet.`);
    if (job.state === 'failed' && job.remoteId !== null && job.errorCode !== null && RESUMABLE.has(job.errorCode)) {
      const fields: MoveFields = {
        error_code: null,
        error_message: null,
        finished_at: null,
        retry_at: null,
        cancel_requested: 0,
        cost_actual_usd: null,
      };
      return this.changed(this.jobs.move(id, 'running', fields, this.now(), ['failed']));
    }
    if (job.state !== 'failed' && job.state !== 'canceled') {
      throw new StudioError(
        'conflict',
        `Only a failed or canceled job can be retried; job ${id} is ${stateName(job)}.`,
      );
    }
    this.prep.requireReady(job.provider);
    this.prep.checkBudget(job.costEstimateUsd ?? 0, job.id);
    return this.changed(
      this.jobs.move(id, 'queued', freshAttempt(this.d.newKey()), this.now(), ['failed', 'canceled']),
    );
  }

  moveToFront(id: number): Job {
    const job = this.editable(id, 'moved');
    const top = this.jobs.topQueuedPriority(job.provider) ?? job.priority;
    const others = this.jobs
      .list({ states: ['queued'], limit: 1000 })
      .filter((other) => other.provider === job.provider && other.id !== id);
    const needed = others.some((other) => other.priority >= job.priority) ? top + 1 : job.priority;
    if (!this.jobs.setPriority(id, needed, this.now()))
      throw new StudioError('conflict', `Job ${id} started before it could be moved.`);
    return this.changed(this.jobs.get(id));
  }

  duplicate(id: number): Job {
    const job = this.jobs.get(id);
    return this.enqueue({
      projectId: job.projectId,
      provider: job.provider,
      promptText: job.promptText,
      options: job.params.options,
      ...(job.parentClipId === null ? {} : { parentClipId: job.parentClipId }),
      ...(job.parentClipId !== null && job.params.continueMode !== null
        ? { continueFrom: { clipId: job.parentClipId, mode: job.params.continueMode } }
        : {}),
      remix: job.params.remix,
      priority: job.priority,
    });
  }

  decide(id: number, raw: JobDecision): Job {
    const decision = parseInput(JobDecision, raw, 'jobs.decide');
    const job = this.jobs.get(id);
    if (job.state !== 'needs_decision') {
      throw new StudioError('conflict', `Job ${id} is ${stateName(job)}; only a job waiting for a decision takes one.`);
    }
    const label = PROVIDERS[job.provider].label;
    const from = ['needs_decision'] as const;
    if (decision.action === 'resubmit') {
      this.prep.requireReady(job.provider);
      const fields: MoveFields = {
        error_code: null,
        error_message: null,
        retry_at: null,
        submitted_at: null,
        idempotency_key: this.d.newKey(),
        progress: 0,
      };
      return this.changed(this.jobs.move(id, 'queued', fields, this.now(), from));
    }
    if (decision.action === 'attach') {
      if (this.jobs.remoteIds(job.provider, id).has(decision.remoteId)) {
        throw new StudioError('conflict', `Another job already follows ${label} job ${decision.remoteId}.`);
      }
      const fields: MoveFields = {
        remote_id: decision.remoteId,
        error_code: null,
        error_message: null,
        retry_at: null,
      };
      return this.changed(this.jobs.move(id, 'running', fields, this.now(), from));
    }
    const fields: MoveFields = {
      finished_at: this.now(),
      cancel_requested: 1,
      error_code: 'abandoned',
      error_message: `Given up without knowing whether ${label} made it; if it did, it is not in the library.`,
    };
    return this.changed(this.jobs.move(id, 'canceled', fields, this.now(), from));
  }
}

/** A retried job starts over: a new idempotency key, so it can never be mistaken for the earlier submission. */
function freshAttempt(idempotencyKey: string): MoveFields {
  return {
    attempts: 0,
    progress: 0,
    error_code: null,
    error_message: null,
    remote_id: null,
    idempotency_key: idempotencyKey,
    retry_at: null,
    submitted_at: null,
    started_at: null,
    finished_at: null,
    cost_actual_usd: null,
    cancel_requested: 0,
  };
}

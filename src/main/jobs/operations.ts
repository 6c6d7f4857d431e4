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

export function jobOperations(d: OperationDeps): JobOperations {
  const { jobs, preparation: prep, runner, now } = d;

  const changed = (job: JobRecord): Job => {
    const shown = publicJob(job);
    d.emit('jobs.changed', { jobId: shown.id, projectId: shown.projectId, state: shown.state });
    runner.nudge();
    return shown;
  };

  function editable(id: number, what: string): Job {
    const job = publicJob(jobs.get(id));
    if (job.state !== 'queued' || runner.isActive(id)) {
      throw new StudioError('conflict', `Only a queued job can be ${what}; job ${id} is ${stateName(job)}.`);
    }
    return job;
  }

  function enqueue(raw: EnqueueJob): Job {
    const input = parseInput(EnqueueJob, raw, 'jobs.enqueue');
    prep.assertProject(input.projectId);
    if (input.parentClipId !== undefined) prep.assertClip(input.parentClipId);
    prep.requireReady(input.provider);
    const prepared = prep.prepare({
      provider: input.provider,
      promptText: input.promptText,
      options: input.options,
      remix: input.remix,
      parentClipId: input.parentClipId ?? null,
    });
    prep.checkBudget(prepared.costEstimateUsd, null);
    const job = jobs.insert(
      {
        ...prepared,
        projectId: input.projectId,
        priority: input.priority,
        parentClipId: input.parentClipId ?? null,
        idempotencyKey: d.newKey(),
      },
      now(),
    );
    return changed(job);
  }

  function update(raw: UpdateJob): Job {
    const input = parseInput(UpdateJob, raw, 'jobs.update');
    const job = editable(input.id, 'edited');
    const providerId = input.provider ?? job.provider;
    if (providerId !== job.provider) prep.requireReady(providerId);
    const prepared = prep.prepare({
      provider: providerId,
      promptText: input.promptText ?? job.promptText,
      options: input.options ?? job.params.options,
      remix: job.params.remix,
      parentClipId: job.parentClipId,
    });
    prep.checkBudget(prepared.costEstimateUsd, job.id);
    if (!jobs.rewrite(job.id, { ...prepared, priority: input.priority ?? job.priority }, now())) {
      throw new StudioError('conflict', `Job ${job.id} started before the edit could be saved.`);
    }
    return changed(jobs.get(job.id));
  }

  function cancel(id: number): Job {
    const job = jobs.get(id);
    if (isTerminal(job.state))
      throw new StudioError(
        'conflict',
        `Job ${id} already ${job.state === 'succeeded' ? 'succeeded' : `is ${job.state}`}; there is nothing to cancel.`,
      );
    if (!runner.isActive(id) && (job.state === 'queued' || job.state === 'needs_decision')) {
      const fields: MoveFields = { finished_at: now(), cancel_requested: 1, retry_at: null };
      return changed(jobs.move(id, 'canceled', fields, now(), ['queued', 'needs_decision']));
    }
    // A running job is stopped by its run, which settles it once it is safe to.
    jobs.patch(id, { cancel_requested: 1 }, now(), [
      'queued',
      'submitting',
      'running',
      'downloading',
      'needs_decision',
    ]);
    if (!runner.cancelActive(id)) runner.nudge();
    return changed(jobs.get(id));
  }

  function retry(id: number): Job {
    const job = jobs.get(id);
    // A settled job may still be tidying up in the runner (its slot frees a moment later); that is fine.
    if (runner.isActive(id) && !isTerminal(job.state))
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
      return changed(jobs.move(id, 'running', fields, now(), ['failed']));
    }
    if (job.state !== 'failed' && job.state !== 'canceled') {
      throw new StudioError(
        'conflict',
        `Only a failed or canceled job can be retried; job ${id} is ${stateName(job)}.`,
      );
    }
    prep.requireReady(job.provider);
    prep.checkBudget(job.costEstimateUsd ?? 0, job.id);
    return changed(jobs.move(id, 'queued', freshAttempt(d.newKey()), now(), ['failed', 'canceled']));
  }

  function moveToFront(id: number): Job {
    const job = editable(id, 'moved');
    const top = jobs.topQueuedPriority(job.provider) ?? job.priority;
    const others = jobs
      .list({ states: ['queued'], limit: 1000 })
      .filter((other) => other.provider === job.provider && other.id !== id);
    const needed = others.some((other) => other.priority >= job.priority) ? top + 1 : job.priority;
    if (!jobs.setPriority(id, needed, now()))
      throw new StudioError('conflict', `Job ${id} started before it could be moved.`);
    return changed(jobs.get(id));
  }

  function duplicate(id: number): Job {
    const job = jobs.get(id);
    return enqueue({
      projectId: job.projectId,
      provider: job.provider,
      promptText: job.promptText,
      options: job.params.options,
      ...(job.parentClipId === null ? {} : { parentClipId: job.parentClipId }),
      remix: job.params.remix,
      priority: job.priority,
    });
  }

  function decide(id: number, raw: JobDecision): Job {
    const decision = parseInput(JobDecision, raw, 'jobs.decide');
    const job = jobs.get(id);
    if (job.state !== 'needs_decision') {
      throw new StudioError('conflict', `Job ${id} is ${stateName(job)}; only a job waiting for a decision takes one.`);
    }
    const label = PROVIDERS[job.provider].label;
    const from = ['needs_decision'] as const;
    if (decision.action === 'resubmit') {
      prep.requireReady(job.provider);
      const fields: MoveFields = {
        error_code: null,
        error_message: null,
        retry_at: null,
        submitted_at: null,
        idempotency_key: d.newKey(),
        progress: 0,
      };
      return changed(jobs.move(id, 'queued', fields, now(), from));
    }
    if (decision.action === 'attach') {
      if (jobs.remoteIds(job.provider, id).has(decision.remoteId)) {
        throw new StudioError('conflict', `Another job already follows ${label} job ${decision.remoteId}.`);
      }
      const fields: MoveFields = {
        remote_id: decision.remoteId,
        error_code: null,
        error_message: null,
        retry_at: null,
      };
      return changed(jobs.move(id, 'running', fields, now(), from));
    }
    const fields: MoveFields = {
      finished_at: now(),
      cancel_requested: 1,
      error_code: 'abandoned',
      error_message: `Given up without knowing whether ${label} made it; if it did, it is not in the library.`,
    };
    return changed(jobs.move(id, 'canceled', fields, now(), from));
  }

  return { enqueue, update, cancel, retry, moveToFront, duplicate, decide };
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

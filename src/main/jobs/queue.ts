/**
 * The generation queue the studio owns: createJobQueue() returns every job operation (enqueue,
 * edit, duplicate, move to front, cancel, retry, decide), spend and budget, and the runner's
 * start, stop and crash recovery. Prompts are parsed and compiled here with the shared
 * compiler, so a job stores exactly the body its provider will receive.
 */
import { randomInt, randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { StudioError } from '../../shared/errors';
import { compile } from '../../shared/prompt/compile/index';
import type { CompileOptions } from '../../shared/prompt/compile/types';
import type { Diagnostic } from '../../shared/prompt/diagnostics';
import { lint } from '../../shared/prompt/lint';
import { modelFor, PROVIDERS, type ProviderId } from '../../shared/prompt/providers';
import type { Clips } from '../library/clips';
import { describeProviders } from '../providers/index';
import type { ProviderRegistry } from '../providers/types';
import type { MediaStore } from '../storage/store';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './backoff';
import { Ledger } from './ledger';
import { recoverJobs, type RecoveryReport } from './recovery';
import type { Emit } from './events';
import { Scheduler } from './scheduler';
import { realSleep, type Sleep } from './signals';
import {
  EnqueueJob,
  isTerminal,
  JobDecision,
  UpdateJob,
  type Job,
  type JobParams,
  type JobState,
  type Spend,
} from '../../shared/jobs';
import { JobStore, publicJob, type NewJob } from './store';

export interface JobQueueOptions {
  db: Database;
  store: MediaStore;
  clips: Clips;
  providers: ProviderRegistry;
  /** Where job events go (the studio's EventHub). */
  events: Emit;
  now?: () => number;
  /** Waits for backoff and polling; tests pass a clock that skips ahead. */
  sleep?: Sleep;
  random?: () => number;
  policy?: Partial<RetryPolicy>;
  /** Jobs at once per provider; defaults from each provider's capabilities (the built-in engine: 1). */
  concurrency?: Partial<Record<ProviderId, number>>;
  pollIntervalMs?: Partial<Record<ProviderId, number>>;
  requestTimeoutMs?: number;
  progressIntervalMs?: number;
  /** How long stop() lets a submission already sent finish (default 10 s). */
  submitGraceMs?: number;
  log?: (message: string, error?: unknown) => void;
  newKey?: () => string;
  newSeed?: () => number;
}

export interface JobQueue {
  enqueue(input: EnqueueJob): Job;
  list(filter?: { projectId?: number; states?: readonly JobState[]; limit?: number; offset?: number }): Job[];
  get(id: number): Job;
  update(input: UpdateJob): Job;
  cancel(id: number): Job;
  retry(id: number): Job;
  moveToFront(id: number): Job;
  duplicate(id: number): Job;
  decide(id: number, decision: JobDecision): Job;
  spend(month?: string): Spend;
  /** Spend per month for the last `months` months, oldest first. */
  spendHistory(months?: number): { month: string; spentUsd: number }[];
  budget(): number | null;
  setBudget(monthlyUsd: number | null): void;
  concurrency(provider: ProviderId): number;
  setConcurrency(provider: ProviderId, jobs: number): void;
  /** Capabilities of every provider and whether it can take a job now. */
  providers(): ReturnType<typeof describeProviders>;
  /** Run once at start, before start(): fixes what a crash left and sweeps orphan files. */
  recover(): Promise<RecoveryReport>;
  start(): void;
  /** Stops taking jobs and waits for running ones to stop; remote jobs resume at the next start. */
  stop(): Promise<void>;
  readonly running: boolean;
  /** Jobs running in this process right now. */
  activeCount(): number;
}

const DEFAULT_POLL_MS: Record<ProviderId, number> = {
  local: 1000,
  comfyui: 1000,
  veo: 10_000,
  runway: 5_000,
  'openai-videos': 5_000,
};

/** Failures after which a retry resumes following the remote job instead of sending it again. */
const RESUMABLE = new Set(['lost_contact', 'download_failed']);

/** "The prompt has 2 errors to fix before it can be queued: line 3: …; line 5: …" */
export function describePromptErrors(errors: readonly Diagnostic[]): string {
  const shown = errors.slice(0, 3).map((d) => `line ${d.range.line}: ${d.message}`);
  const more = errors.length > shown.length ? `; and ${errors.length - shown.length} more` : '';
  const count = errors.length === 1 ? '1 error' : `${errors.length} errors`;
  return `The prompt has ${count} to fix before it can be queued: ${shown.join('; ')}${more}`;
}

type Prepared = Omit<NewJob, 'projectId' | 'idempotencyKey' | 'parentClipId' | 'priority'>;

export function createJobQueue(options: JobQueueOptions): JobQueue {
  const now = options.now ?? Date.now;
  const emit = options.events;
  const jobs = new JobStore(options.db);
  const ledger = new Ledger(options.db, now);
  const newKey = options.newKey ?? randomUUID;
  const newSeed = options.newSeed ?? (() => randomInt(0, 2 ** 31 - 1));
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.policy };
  const concurrency = new Map<ProviderId, number>();
  for (const [id, provider] of options.providers) {
    concurrency.set(id, options.concurrency?.[id] ?? provider.capabilities.defaultConcurrency);
  }
  const runner = new Scheduler({
    jobs,
    ledger,
    ingest: { db: options.db, store: options.store, clips: options.clips, jobs, ledger },
    store: options.store,
    providers: options.providers,
    emit,
    now,
    sleep: options.sleep ?? realSleep,
    random: options.random ?? Math.random,
    policy,
    concurrency,
    pollIntervalMs: (provider) => options.pollIntervalMs?.[provider] ?? DEFAULT_POLL_MS[provider],
    requestTimeoutMs: options.requestTimeoutMs ?? 60_000,
    progressIntervalMs: options.progressIntervalMs ?? 250,
    submitGraceMs: options.submitGraceMs ?? 10_000,
    log: options.log ?? ((message, error) => console.error(message, error)),
  });

  const changed = (job: Job): Job => {
    emit('jobs.changed', { jobId: job.id, projectId: job.projectId, state: job.state });
    runner.nudge();
    return job;
  };

  function provider(id: ProviderId) {
    const found = options.providers.get(id);
    if (!found) throw new StudioError('invalid_input', `${PROVIDERS[id].label} is not available in this studio.`);
    return found;
  }

  function requireReady(id: ProviderId): void {
    const readiness = provider(id).ready();
    if (!readiness.ok)
      throw new StudioError('invalid_input', readiness.message ?? `${PROVIDERS[id].label} is not set up.`);
  }

  function prepare(
    id: ProviderId,
    promptText: string,
    asked: CompileOptions,
    remix: boolean,
    parentClipId: number | null,
  ): Prepared {
    const { model, known } = modelFor(id, asked.model);
    if (!known) {
      const names = PROVIDERS[id].models.map((m) => m.id).join(', ');
      throw new StudioError(
        'invalid_input',
        `${PROVIDERS[id].label} has no model "${asked.model ?? ''}"; choose one of ${names}.`,
      );
    }
    const seed = asked.seed ?? (model.seed ? newSeed() : undefined);
    const { doc, diagnostics } = lint(promptText, { provider: id, model: model.id });
    const errors = diagnostics.filter((d) => d.severity === 'error');
    if (errors.length > 0) throw new StudioError('invalid_input', describePromptErrors(errors));
    const compiled = compile(id, doc, { ...asked, ...(seed === undefined ? {} : { seed }) });
    let remixOf: string | null = null;
    if (remix) {
      if (parentClipId === null)
        throw new StudioError('invalid_input', 'remix: choose the clip to remix (parentClipId).');
      if (!model.remix)
        throw new StudioError('invalid_input', `${model.label} cannot remix a clip; choose another model or provider.`);
      if (id !== 'local') {
        const origin = jobs.clipOrigin(parentClipId);
        if (origin?.provider !== id || origin.remoteId === null) {
          throw new StudioError(
            'invalid_input',
            `${PROVIDERS[id].label} can remix only clips it made itself; clip ${parentClipId} was made ${origin ? `with ${origin.provider}` : 'elsewhere'}.`,
          );
        }
        remixOf = origin.remoteId;
      }
    }
    const request = compiled.request;
    const params: JobParams = {
      model: compiled.model,
      durationMs: compiled.output.durationMs,
      width: compiled.output.size.width,
      height: compiled.output.size.height,
      audio: compiled.output.audio,
      fps: 'fps' in request && typeof request.fps === 'number' ? request.fps : null,
      seed: seed ?? null,
      remix,
      options: asked,
    };
    return {
      provider: id,
      model: compiled.model,
      promptText,
      promptJson: JSON.stringify(doc),
      params,
      seed: seed ?? null,
      request: { model: compiled.model, request, remixOf },
      costEstimateUsd: compiled.estimatedCostUsd,
      notes: compiled.notes,
    };
  }

  function checkBudget(costEstimateUsd: number, exceptJobId: number | null): void {
    if (costEstimateUsd > 0) ledger.check(costEstimateUsd, { exceptJobId, includeQueued: true });
  }

  function assertProject(projectId: number): void {
    const row = options.db.prepare<[number], { id: number }>('SELECT id FROM projects WHERE id = ?').get(projectId);
    if (!row) throw new StudioError('not_found', `Project ${projectId} does not exist; it may have been deleted.`);
  }

  function assertClip(clipId: number): void {
    const row = options.db.prepare<[number], { id: number }>('SELECT id FROM clips WHERE id = ?').get(clipId);
    if (!row) throw new StudioError('not_found', `Clip ${clipId} does not exist; it may have been deleted.`);
  }

  function parseInput<T>(
    schema: {
      safeParse(
        input: unknown,
      ): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
    },
    input: unknown,
    call: string,
  ): T {
    const parsed = schema.safeParse(input);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : 'input';
    throw new StudioError('invalid_input', `${call}: ${where}: ${issue?.message ?? 'invalid'}`);
  }

  function enqueue(raw: EnqueueJob): Job {
    const input = parseInput(EnqueueJob, raw, 'jobs.enqueue');
    assertProject(input.projectId);
    if (input.parentClipId !== undefined) assertClip(input.parentClipId);
    requireReady(input.provider);
    const prepared = prepare(input.provider, input.promptText, input.options, input.remix, input.parentClipId ?? null);
    checkBudget(prepared.costEstimateUsd, null);
    const job = jobs.insert(
      {
        ...prepared,
        projectId: input.projectId,
        priority: input.priority,
        parentClipId: input.parentClipId ?? null,
        idempotencyKey: newKey(),
      },
      now(),
    );
    return changed(publicJob(job));
  }

  function editable(id: number, what: string): Job {
    const job = publicJob(jobs.get(id));
    if (job.state !== 'queued' || runner.isActive(id)) {
      throw new StudioError(
        'conflict',
        `Only a queued job can be ${what}; job ${id} is ${job.state.replace('_', ' ')}.`,
      );
    }
    return job;
  }

  return {
    enqueue,

    list: (filter = {}) => jobs.list(filter).map(publicJob),

    get: (id) => publicJob(jobs.get(id)),

    update(raw) {
      const input = parseInput(UpdateJob, raw, 'jobs.update');
      const job = editable(input.id, 'edited');
      const providerId = input.provider ?? job.provider;
      if (providerId !== job.provider) requireReady(providerId);
      const prepared = prepare(
        providerId,
        input.promptText ?? job.promptText,
        input.options ?? job.params.options,
        job.params.remix,
        job.parentClipId,
      );
      checkBudget(prepared.costEstimateUsd, job.id);
      if (!jobs.rewrite(job.id, { ...prepared, priority: input.priority ?? job.priority }, now())) {
        throw new StudioError('conflict', `Job ${job.id} started before the edit could be saved.`);
      }
      return changed(publicJob(jobs.get(job.id)));
    },

    cancel(id) {
      const job = jobs.get(id);
      if (isTerminal(job.state))
        throw new StudioError(
          'conflict',
          `Job ${id} already ${job.state === 'succeeded' ? 'succeeded' : `is ${job.state}`}; there is nothing to cancel.`,
        );
      if (!runner.isActive(id) && (job.state === 'queued' || job.state === 'needs_decision')) {
        const moved = jobs.move(id, 'canceled', { finished_at: now(), cancel_requested: 1, retry_at: null }, now(), [
          'queued',
          'needs_decision',
        ]);
        return changed(publicJob(moved));
      }
      jobs.patch(id, { cancel_requested: 1 }, now(), [
        'queued',
        'submitting',
        'running',
        'downloading',
        'needs_decision',
      ]);
      if (!runner.cancelActive(id)) runner.nudge();
      return changed(publicJob(jobs.get(id)));
    },

    retry(id) {
      const job = jobs.get(id);
      // A settled job may still be tidying up in the runner (its slot frees a moment later); that is fine.
      if (runner.isActive(id) && !isTerminal(job.state))
        throw new StudioError('conflict', `Job ${id} is running; there is nothing to retry yet.`);
      if (job.state === 'failed' && job.remoteId !== null && job.errorCode !== null && RESUMABLE.has(job.errorCode)) {
        const moved = jobs.move(
          id,
          'running',
          {
            error_code: null,
            error_message: null,
            finished_at: null,
            retry_at: null,
            cancel_requested: 0,
            cost_actual_usd: null,
          },
          now(),
          ['failed'],
        );
        return changed(publicJob(moved));
      }
      if (job.state !== 'failed' && job.state !== 'canceled') {
        throw new StudioError(
          'conflict',
          `Only a failed or canceled job can be retried; job ${id} is ${job.state.replace('_', ' ')}.`,
        );
      }
      requireReady(job.provider);
      checkBudget(job.costEstimateUsd ?? 0, job.id);
      const moved = jobs.move(
        id,
        'queued',
        {
          attempts: 0,
          progress: 0,
          error_code: null,
          error_message: null,
          remote_id: null,
          idempotency_key: newKey(),
          retry_at: null,
          submitted_at: null,
          started_at: null,
          finished_at: null,
          cost_actual_usd: null,
          cancel_requested: 0,
        },
        now(),
        ['failed', 'canceled'],
      );
      return changed(publicJob(moved));
    },

    moveToFront(id) {
      const job = editable(id, 'moved');
      const top = jobs.topQueuedPriority(job.provider) ?? job.priority;
      const others = jobs
        .list({ states: ['queued'], limit: 1000 })
        .filter((other) => other.provider === job.provider && other.id !== id);
      const needed = others.some((other) => other.priority >= job.priority) ? top + 1 : job.priority;
      if (!jobs.setPriority(id, needed, now()))
        throw new StudioError('conflict', `Job ${id} started before it could be moved.`);
      return changed(publicJob(jobs.get(id)));
    },

    duplicate(id) {
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
    },

    decide(id, raw) {
      const decision = parseInput(JobDecision, raw, 'jobs.decide');
      const job = jobs.get(id);
      if (job.state !== 'needs_decision') {
        throw new StudioError(
          'conflict',
          `Job ${id} is ${job.state.replace('_', ' ')}; only a job waiting for a decision takes one.`,
        );
      }
      const label = PROVIDERS[job.provider].label;
      if (decision.action === 'resubmit') {
        requireReady(job.provider);
        const moved = jobs.move(
          id,
          'queued',
          {
            error_code: null,
            error_message: null,
            retry_at: null,
            submitted_at: null,
            idempotency_key: newKey(),
            progress: 0,
          },
          now(),
          ['needs_decision'],
        );
        return changed(publicJob(moved));
      }
      if (decision.action === 'attach') {
        if (jobs.remoteIds(job.provider, id).has(decision.remoteId)) {
          throw new StudioError('conflict', `Another job already follows ${label} job ${decision.remoteId}.`);
        }
        const moved = jobs.move(
          id,
          'running',
          { remote_id: decision.remoteId, error_code: null, error_message: null, retry_at: null },
          now(),
          ['needs_decision'],
        );
        return changed(publicJob(moved));
      }
      const moved = jobs.move(
        id,
        'canceled',
        {
          finished_at: now(),
          cancel_requested: 1,
          error_code: 'abandoned',
          error_message: `Given up without knowing whether ${label} made it; if it did, it is not in the library.`,
        },
        now(),
        ['needs_decision'],
      );
      return changed(publicJob(moved));
    },

    spend: (month) => ledger.summary(month),
    spendHistory: (months) => ledger.history(months),
    budget: () => ledger.budget(),
    setBudget(monthlyUsd) {
      if (monthlyUsd !== null && !(monthlyUsd > 0))
        throw new StudioError('invalid_input', 'A monthly budget must be more than $0, or none.');
      ledger.setBudget(monthlyUsd);
      emit('jobs.spendChanged', {});
    },

    concurrency: (id) => concurrency.get(id) ?? 1,
    setConcurrency(id, count) {
      if (!Number.isInteger(count) || count < 1 || count > 16) {
        throw new StudioError('invalid_input', `Jobs at once must be a whole number from 1 to 16, got ${count}.`);
      }
      provider(id);
      concurrency.set(id, count);
      runner.nudge();
    },

    providers: () => describeProviders(options.providers),

    async recover() {
      if (runner.started) throw new StudioError('conflict', 'Recovery runs before the queue starts.');
      return recoverJobs({ db: options.db, jobs, store: options.store, providers: options.providers, emit, now });
    },

    start: () => runner.start(),
    stop: () => runner.stop(),
    get running() {
      return runner.started;
    },
    activeCount: () => runner.activeCount(),
  };
}

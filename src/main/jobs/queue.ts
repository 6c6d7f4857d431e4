/**
 * The generation queue the studio owns: createJobQueue() assembles the job store, the ledger,
 * the scheduler that runs jobs, the preparation of new jobs (prepare.ts) and the creator's
 * operations on them (operations.ts), and adds spend and budget, concurrency and crash recovery.
 */
import { randomInt, randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { StudioError } from '../../shared/errors';
import type { ProviderId } from '../../shared/prompt/providers';
import type { Clips } from '../library/clips';
import { describeProviders } from '../providers/index';
import type { ProviderRegistry } from '../providers/types';
import type { MediaStore } from '../storage/store';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './backoff';
import type { Emit } from './events';
import { Ledger } from './ledger';
import { QueueOperations, type JobOperations } from './operations';
import { JobPreparation } from './prepare';
import { recoverJobs, type RecoveryReport } from './recovery';
import { Scheduler } from './scheduler';
import { realSleep, type Sleep } from './signals';
import type { Job, JobState, Spend } from '../../shared/jobs';
import { JobStore, publicJob } from './store';
import { log } from '../log/logger';

export { describePromptErrors } from './prepare';

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

export interface JobQueue extends JobOperations {
  list(filter?: { projectId?: number; states?: readonly JobState[]; limit?: number; offset?: number }): Job[];
  get(id: number): Job;
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

export function createJobQueue(options: JobQueueOptions): JobQueue {
  const now = options.now ?? Date.now;
  const emit = options.events;
  const jobs = new JobStore(options.db);
  const ledger = new Ledger(options.db, now);
  const concurrency = new Map<ProviderId, number>();
  for (const [id, provider] of options.providers) {
    concurrency.set(id, options.concurrency?.[id] ?? provider.capabilities.defaultConcurrency);
  }
  const runner = createScheduler(options, { jobs, ledger, concurrency, now });
  const preparation = new JobPreparation({
    db: options.db,
    jobs,
    ledger,
    providers: options.providers,
    newSeed: options.newSeed ?? (() => randomInt(0, 2 ** 31 - 1)),
    now,
  });
  const ops = new QueueOperations({ jobs, preparation, runner, emit, now, newKey: options.newKey ?? randomUUID });
  return {
    enqueue: (input) => ops.enqueue(input),
    update: (input) => ops.update(input),
    cancel: (id) => ops.cancel(id),
    retry: (id) => ops.retry(id),
    moveToFront: (id) => ops.moveToFront(id),
    duplicate: (id) => ops.duplicate(id),
    decide: (id, decision) => ops.decide(id, decision),
    list: (filter = {}) => jobs.list(filter).map(publicJob),
    get: (id) => publicJob(jobs.get(id)),

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
      preparation.provider(id);
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

function createScheduler(
  options: JobQueueOptions,
  parts: { jobs: JobStore; ledger: Ledger; concurrency: Map<ProviderId, number>; now: () => number },
): Scheduler {
  const { jobs, ledger } = parts;
  return new Scheduler({
    ...parts,
    ingest: { db: options.db, store: options.store, clips: options.clips, jobs, ledger },
    store: options.store,
    providers: options.providers,
    emit: options.events,
    sleep: options.sleep ?? realSleep,
    random: options.random ?? Math.random,
    policy: { ...DEFAULT_RETRY_POLICY, ...options.policy },
    pollIntervalMs: (provider) => options.pollIntervalMs?.[provider] ?? DEFAULT_POLL_MS[provider],
    requestTimeoutMs: options.requestTimeoutMs ?? 60_000,
    progressIntervalMs: options.progressIntervalMs ?? 250,
    submitGraceMs: options.submitGraceMs ?? 10_000,
    log: options.log ?? ((message, error) => log.error(message, error)),
  });
}

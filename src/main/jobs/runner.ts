/**
 * Runs jobs: as many per provider as its concurrency allows, highest priority first. The
 * built-in engine renders into a temp file; a remote job is recorded as submitting before its
 * request is sent, then polled by remote id, then downloaded. Retries of 429 and 5xx answers
 * wait as long as the service asks (Retry-After) or back off exponentially, and are durable
 * (retry_at). A submission whose answer was lost is looked up where the provider allows it,
 * else left for the creator to decide. Nothing here keeps state a crash could lose: the jobs
 * table says what to do next, so a restart resumes where the last run stopped.
 */
import type { z } from 'zod';
import type { ProviderId } from '../../shared/prompt/providers';
import { describeWait, isTransient, provesNotSent, ProviderError, type ProviderErrorKind } from '../providers/errors';
import type { LocalProvider, Provider, ProviderRegistry, RemoteProvider, RemoteStatus } from '../providers/types';
import type { MediaStore } from '../storage/store';
import { backoffDelay, type RetryPolicy } from './backoff';
import { BadOutput, ingestOutput, type IngestDeps } from './ingest';
import { BudgetExceeded, type Ledger } from './ledger';
import type { JobState, jobEvents } from '../../shared/jobs';
import { JobConflict, type JobRecord, type JobStore, type MoveFields } from './store';

/** The events the queue emits: its own, and the library's when a job makes a clip. */
export type JobEventName = keyof typeof jobEvents | 'clips.changed' | 'projects.changed';
export type JobEventPayloads = {
  [K in keyof typeof jobEvents]: z.output<(typeof jobEvents)[K]>;
} & { 'clips.changed': { projectId: number }; 'projects.changed': Record<string, never> };

export type Emit = <K extends JobEventName>(name: K, payload: JobEventPayloads[K]) => void;
export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

export interface RunnerOptions {
  jobs: JobStore;
  ledger: Ledger;
  ingest: IngestDeps;
  store: MediaStore;
  providers: ProviderRegistry;
  emit: Emit;
  now: () => number;
  sleep: Sleep;
  random: () => number;
  policy: RetryPolicy;
  concurrency: ReadonlyMap<ProviderId, number>;
  /** Time between status checks of a remote job, per provider. */
  pollIntervalMs: (provider: ProviderId) => number;
  /** Bound on lookups and cancel calls made outside a provider's own request timeout. */
  requestTimeoutMs: number;
  /** Least time between two progress writes of the same job. */
  progressIntervalMs: number;
  /**
   * How long stop() lets a submission already on the wire finish, so a normal quit learns the
   * remote id instead of leaving the job for a lookup or a decision at the next start.
   */
  submitGraceMs: number;
  log: (message: string, error?: unknown) => void;
}

/** Why a running job's signal fired. */
const STOP = 'stop';
const CANCEL = 'cancel';

/** Shares of a remote job's progress bar: generating, downloading, making the clip. */
const GENERATE_SHARE = 0.9;
const DOWNLOAD_SHARE = 0.95;
/** The built-in engine: rendering, then making the clip. */
const RENDER_SHARE = 0.85;

interface Active {
  provider: ProviderId;
  /**
   * Aborts a grace period after stop, never on cancel: an in-flight submission is not cut off
   * by a cancel (its id is learned and the remote job stopped) nor at once by a quit.
   */
  stop: AbortController;
  /** Aborts on stop or cancel. */
  any: AbortController;
  promise: Promise<void>;
}

/** Resolves after ms, or early when the signal aborts. */
export function realSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (isAborted(signal)) {
      resolve();
      return;
    }
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, Math.min(Math.max(0, ms), 2_147_483_647));
    signal.addEventListener('abort', done, { once: true });
  });
}

function untilAborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (isAborted(signal)) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

/** Read through a call so the compiler does not assume an await left it unchanged. */
function isAborted(signal: AbortSignal): boolean {
  return signal.aborted;
}

function asProviderError(error: unknown): ProviderError {
  if (error instanceof ProviderError) return error;
  return new ProviderError('connection', error instanceof Error ? error.message : String(error));
}

function codeOf(error: ProviderError): string {
  return error.code ?? error.kind;
}

export class Runner {
  private readonly active = new Map<number, Active>();
  private running = false;
  private wake = new AbortController();
  private loopDone: Promise<void> | null = null;
  private readonly lastProgress = new Map<number, { at: number; value: number }>();

  constructor(private readonly o: RunnerOptions) {}

  get started(): boolean {
    return this.running;
  }

  isActive(jobId: number): boolean {
    return this.active.has(jobId);
  }

  activeCount(): number {
    return this.active.size;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loopDone = this.loop();
  }

  /** Stops taking jobs and interrupts the ones running; remote jobs resume at the next start. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake.abort();
    const grace = setTimeout(() => {
      for (const entry of this.active.values()) entry.stop.abort(STOP);
    }, this.o.submitGraceMs);
    for (const entry of this.active.values()) entry.any.abort(STOP);
    await Promise.allSettled([...this.active.values()].map((entry) => entry.promise));
    clearTimeout(grace);
    await this.loopDone;
    this.loopDone = null;
  }

  /** Something changed (a job was added, moved or freed a slot): look again. */
  nudge(): void {
    this.wake.abort();
  }

  /** Interrupts a running job for a cancel; false when this process is not running it. */
  cancelActive(jobId: number): boolean {
    const entry = this.active.get(jobId);
    if (!entry) return false;
    entry.any.abort(CANCEL);
    return true;
  }

  private limit(provider: ProviderId): number {
    return this.o.concurrency.get(provider) ?? 1;
  }

  private busy(provider: ProviderId): number {
    let count = 0;
    for (const entry of this.active.values()) if (entry.provider === provider) count++;
    return count;
  }

  private async loop(): Promise<void> {
    while (this.running) {
      this.wake = new AbortController();
      try {
        this.fill();
      } catch (error) {
        this.o.log('the job runner could not pick the next job', error);
      }
      const waiting = [...this.o.providers.keys()].filter((id) => this.busy(id) < this.limit(id));
      const next = this.o.jobs.nextRetryAt(waiting, [...this.active.keys()]);
      if (next === null) await untilAborted(this.wake.signal);
      else await this.o.sleep(Math.max(0, next - this.o.now()), this.wake.signal);
    }
  }

  private fill(): void {
    for (const [id, provider] of this.o.providers) {
      let free = this.limit(id) - this.busy(id);
      while (free > 0 && this.running) {
        const job = this.o.jobs.nextRunnable(id, this.o.now(), [...this.active.keys()]);
        if (!job) break;
        this.launch(job, provider);
        free--;
      }
    }
  }

  private launch(job: JobRecord, provider: Provider): void {
    const stop = new AbortController();
    const any = new AbortController();
    const entry: Active = { provider: job.provider, stop, any, promise: Promise.resolve() };
    this.active.set(job.id, entry);
    entry.promise = (async () => {
      try {
        if (provider.kind === 'local') await this.runLocal(job, provider, any.signal);
        else await this.runRemote(job, provider, stop.signal, any.signal);
      } catch (error) {
        this.crashed(job.id, error);
      } finally {
        this.active.delete(job.id);
        this.lastProgress.delete(job.id);
        this.nudge();
      }
    })();
  }

  // ---------------------------------------------------------------- state changes

  private changed(job: JobRecord): void {
    this.o.emit('jobs.changed', { jobId: job.id, projectId: job.projectId, state: job.state });
  }

  private move(job: JobRecord, to: JobState, fields: MoveFields, from?: readonly JobState[]): JobRecord {
    const moved = this.o.jobs.move(job.id, to, fields, this.o.now(), from);
    this.changed(moved);
    return moved;
  }

  /** Ends a job as failed, charging what the provider says it cost (if anything). */
  private fail(job: JobRecord, code: string, message: string, costUsd: number | null = null): void {
    const now = this.o.now();
    const failed = this.o.jobs.transaction(() => {
      const moved = this.o.jobs.move(
        job.id,
        'failed',
        { error_code: code, error_message: message, finished_at: now, retry_at: null, cost_actual_usd: costUsd },
        now,
      );
      if (costUsd !== null) this.o.ledger.charge(moved, costUsd, now);
      return moved;
    });
    this.changed(failed);
    if (costUsd !== null && costUsd > 0) this.o.emit('jobs.spendChanged', {});
  }

  private finishCanceled(job: JobRecord, note: string | null, costUsd: number | null): void {
    const now = this.o.now();
    const canceled = this.o.jobs.transaction(() => {
      const moved = this.o.jobs.move(
        job.id,
        'canceled',
        {
          finished_at: now,
          retry_at: null,
          cancel_requested: 1,
          error_code: note === null ? null : 'cancel_unconfirmed',
          error_message: note,
          cost_actual_usd: costUsd,
        },
        now,
      );
      if (costUsd !== null) this.o.ledger.charge(moved, costUsd, now);
      return moved;
    });
    this.changed(canceled);
    if (costUsd !== null && costUsd > 0) this.o.emit('jobs.spendChanged', {});
  }

  private crashed(jobId: number, error: unknown): void {
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

  /** A cancel that arrived while the job was busy, honoured once it is safe to. */
  private cancelIfRequested(jobId: number, note: string | null): boolean {
    const job = this.o.jobs.find(jobId);
    if (!job?.cancelRequested || job.state === 'succeeded' || job.state === 'failed' || job.state === 'canceled')
      return false;
    this.finishCanceled(job, note, null);
    return true;
  }

  private progress(job: JobRecord, fraction: number): void {
    const value = Math.min(1, Math.max(0, fraction));
    const now = this.o.now();
    const last = this.lastProgress.get(job.id);
    if (last && (Math.abs(value - last.value) < 0.005 || now - last.at < this.o.progressIntervalMs) && value < 1)
      return;
    this.lastProgress.set(job.id, { at: now, value });
    this.o.jobs.setProgress(job.id, value, now);
    this.o.emit('jobs.progress', { jobId: job.id, projectId: job.projectId, state: job.state, progress: value });
  }

  private label(provider: Provider): string {
    return provider.capabilities.label;
  }

  // ---------------------------------------------------------------- the built-in engine

  private async runLocal(job: JobRecord, provider: LocalProvider, signal: AbortSignal): Promise<void> {
    let current = job;
    if (current.state !== 'queued') {
      // Left mid-render by an earlier run: renders restart from the beginning.
      current = this.move(current, 'queued', { progress: 0 });
    }
    if (current.cancelRequested) {
      this.finishCanceled(current, null, null);
      return;
    }
    const ready = provider.ready();
    if (!ready.ok) {
      this.fail(current, 'not_configured', ready.message ?? 'The built-in engine is not available.');
      return;
    }
    const now = this.o.now();
    current = this.move(
      current,
      'running',
      {
        attempts: current.attempts + 1,
        started_at: current.startedAt ?? now,
        progress: 0,
        error_code: null,
        error_message: null,
        retry_at: null,
      },
      ['queued'],
    );
    const out = this.o.store.tempPath('.mp4');
    try {
      const report = await provider.render(current.request, {
        signal,
        outPath: out,
        onProgress: (fraction) => this.progress(current, fraction * RENDER_SHARE),
      });
      signal.throwIfAborted();
      const result = await ingestOutput(this.o.ingest, current, out, {
        // The built-in engine runs on this computer: free, and recorded as such.
        costUsd: 0,
        report,
        signal,
        now: this.o.now,
        onProgress: (fraction) => this.progress(current, RENDER_SHARE + fraction * (1 - RENDER_SHARE)),
      });
      this.succeeded(result.job, result.clip.projectId);
    } catch (error) {
      if (isAborted(signal)) {
        if (signal.reason === CANCEL) this.finishCanceled(current, null, null);
        else this.move(current, 'queued', { progress: 0 }, ['running']);
        return;
      }
      if (error instanceof JobConflict) throw error;
      const failure =
        error instanceof BadOutput
          ? new ProviderError('rejected', error.message, { code: 'bad_output' })
          : asProviderError(error);
      this.fail(
        current,
        failure.code ?? 'render_failed',
        `The built-in engine could not render this clip: ${failure.message}`,
      );
    } finally {
      await this.o.store.removeTemp(out);
    }
  }

  private succeeded(job: JobRecord, projectId: number): void {
    this.changed(job);
    this.o.emit('clips.changed', { projectId });
    this.o.emit('projects.changed', {});
    if ((job.costActualUsd ?? 0) > 0) this.o.emit('jobs.spendChanged', {});
  }

  // ---------------------------------------------------------------- remote providers

  private async runRemote(
    job: JobRecord,
    provider: RemoteProvider,
    stopSignal: AbortSignal,
    signal: AbortSignal,
  ): Promise<void> {
    let current: JobRecord | null = job;
    if (current.state === 'queued') {
      if (current.cancelRequested) {
        this.finishCanceled(current, null, null);
        return;
      }
      current = await this.submit(current, provider, stopSignal, signal);
    } else if (current.state === 'submitting' && current.remoteId === null) {
      // Left mid-send by an earlier run: the service may or may not have it.
      current = await this.resolveUnknown(
        current,
        provider,
        signal,
        `Shotline stopped while sending this job to ${this.label(provider)}`,
        null,
      );
    }
    if (current === null) return;
    current = this.o.jobs.get(current.id);
    if (current.retryAt !== null) {
      // Its wait is over (that is why it was picked); clear it so it is not waited for again.
      this.o.jobs.patch(current.id, { retry_at: null }, this.o.now(), ['running', 'downloading']);
      current = this.o.jobs.get(current.id);
    }
    if (current.cancelRequested) {
      await this.cancelRemote(current, provider);
      return;
    }
    await this.follow(current, provider, signal, job.state !== 'queued');
  }

  /** Sends the job. Returns it running (remote id known), or null when it ended, waits for a retry or needs a decision. */
  private async submit(
    job: JobRecord,
    provider: RemoteProvider,
    stopSignal: AbortSignal,
    signal: AbortSignal,
  ): Promise<JobRecord | null> {
    const ready = provider.ready();
    if (!ready.ok) {
      this.fail(job, 'not_configured', ready.message ?? `${this.label(provider)} is not set up.`);
      return null;
    }
    if (provider.capabilities.paid) {
      try {
        this.o.ledger.check(job.costEstimateUsd ?? 0, { exceptJobId: job.id, includeQueued: false });
      } catch (error) {
        if (!(error instanceof BudgetExceeded)) throw error;
        this.fail(job, 'over_budget', error.message);
        return null;
      }
    }
    const now = this.o.now();
    // The record of the paid request, committed before the request exists.
    const sending = this.move(
      job,
      'submitting',
      { attempts: job.attempts + 1, submitted_at: now, started_at: job.startedAt ?? now, retry_at: null, progress: 0 },
      ['queued'],
    );
    let remoteId: string;
    try {
      ({ remoteId } = await provider.submit(sending.request, {
        idempotencyKey: sending.idempotencyKey,
        submittedAt: now,
        signal: stopSignal,
      }));
    } catch (error) {
      // Stopping mid-send leaves the job as submitting: the next start looks it up.
      if (isAborted(stopSignal)) return null;
      return this.submitFailed(sending, provider, asProviderError(error), signal);
    }
    return this.move(sending, 'running', { remote_id: remoteId, progress: 0, error_code: null, error_message: null }, [
      'submitting',
    ]);
  }

  private async submitFailed(
    job: JobRecord,
    provider: RemoteProvider,
    failure: ProviderError,
    signal: AbortSignal,
  ): Promise<JobRecord | null> {
    const kind: ProviderErrorKind = failure.kind;
    if (provesNotSent(kind)) return this.notAccepted(job, provider, failure);
    if (kind === 'timeout' || kind === 'connection' || kind === 'malformed' || kind === 'canceled') {
      return this.resolveUnknown(job, provider, signal, failure.message, failure);
    }
    this.fail(job, codeOf(failure), `${this.label(provider)} refused this job: ${failure.message}`);
    return null;
  }

  /** The service certainly did not take the job: try again later, or give up after the last attempt. */
  private notAccepted(job: JobRecord, provider: RemoteProvider, failure: ProviderError): null {
    if (this.cancelIfRequested(job.id, null)) return null;
    const max = this.o.policy.maxSubmitAttempts;
    if (job.attempts >= max) {
      this.fail(
        job,
        codeOf(failure),
        `${this.label(provider)} did not take this job after ${job.attempts} attempts. The last answer was: ${failure.message} Try again later.`,
      );
      return null;
    }
    const delay = backoffDelay(job.attempts, this.o.policy, failure.retryAfterMs, this.o.random);
    this.move(
      job,
      'queued',
      {
        retry_at: this.o.now() + delay,
        progress: 0,
        error_code: codeOf(failure),
        error_message: `${failure.message} Trying again in ${describeWait(delay)} (attempt ${job.attempts + 1} of ${max}).`,
      },
      ['submitting'],
    );
    return null;
  }

  /**
   * The answer to a submission was lost. Ask the service where it can be asked; a free
   * provider is simply sent again; a paid one that cannot be asked waits for the creator.
   */
  private async resolveUnknown(
    job: JobRecord,
    provider: RemoteProvider,
    signal: AbortSignal,
    why: string,
    failure: ProviderError | null,
  ): Promise<JobRecord | null> {
    const label = this.label(provider);
    if (provider.lookup) {
      for (let attempt = 1; ; attempt++) {
        try {
          const result = await provider.lookup(job.request, {
            idempotencyKey: job.idempotencyKey,
            submittedAt: job.submittedAt ?? job.updatedAt,
            exclude: this.o.jobs.remoteIds(job.provider, job.id),
            signal: AbortSignal.any([signal, AbortSignal.timeout(this.o.requestTimeoutMs)]),
          });
          if (result.found) {
            return this.move(job, 'running', { remote_id: result.remoteId, error_code: null, error_message: null }, [
              'submitting',
            ]);
          }
          return this.notAccepted(
            job,
            provider,
            failure ?? new ProviderError('connection', `${why}; ${label} does not have it.`),
          );
        } catch (error) {
          if (isAborted(signal)) {
            // A cancel while asking: the creator wants it gone either way.
            if (signal.reason === CANCEL) {
              this.finishCanceled(
                job,
                `Canceled while Shotline was checking whether ${label} had received it; it may still run there.`,
                null,
              );
            }
            return null;
          }
          if (attempt >= 3) {
            // Free providers cost nothing to ask twice: send it again later.
            if (!provider.capabilities.paid) return this.notAccepted(job, provider, asProviderError(error));
            break;
          }
          const lookupFailure = asProviderError(error);
          await this.o.sleep(backoffDelay(attempt, this.o.policy, lookupFailure.retryAfterMs, this.o.random), signal);
        }
      }
    } else if (!provider.capabilities.paid) {
      return this.notAccepted(job, provider, failure ?? new ProviderError('connection', why));
    }
    if (
      this.cancelIfRequested(
        job.id,
        `Canceled while it was being sent; ${label} may have received it anyway and may charge for it.`,
      )
    ) {
      return null;
    }
    this.move(
      job,
      'needs_decision',
      {
        error_code: 'unknown_submission',
        error_message:
          `${why.replace(/[.\s]+$/, '')}. ${label} may have accepted this job and may charge for it, and Shotline could not find out. ` +
          `Check your ${label} dashboard, then send it again, attach the job you find there, or cancel.`,
      },
      ['submitting'],
    );
    return null;
  }

  /** Polls until the remote job settles, downloads the output and makes the clip. */
  private async follow(job: JobRecord, provider: RemoteProvider, signal: AbortSignal, resumed: boolean): Promise<void> {
    const label = this.label(provider);
    const remoteId = job.remoteId;
    if (remoteId === null) throw new Error(`job ${job.id} has no remote id to follow`);
    let current = job;
    const unwatch = provider.watch?.(remoteId, (fraction) => {
      if (current.state === 'running') this.progress(current, fraction * GENERATE_SHARE);
    });
    try {
      const settled = await this.pollUntilSettled(current, provider, remoteId, signal, resumed);
      if (settled === null) return;
      if (current.state === 'running')
        current = this.move(current, 'downloading', { progress: GENERATE_SHARE }, ['running']);
      await this.downloadAndIngest(current, provider, remoteId, settled, signal, label);
    } finally {
      unwatch?.();
    }
  }

  private async pollUntilSettled(
    job: JobRecord,
    provider: RemoteProvider,
    remoteId: string,
    signal: AbortSignal,
    resumed: boolean,
  ): Promise<RemoteStatus | null> {
    const label = this.label(provider);
    const interval = this.o.pollIntervalMs(job.provider);
    let delay = resumed ? 0 : interval;
    let failures = 0;
    for (;;) {
      if (delay > 0) await this.o.sleep(delay, signal);
      if (isAborted(signal)) {
        await this.aborted(job, provider, signal);
        return null;
      }
      let status: RemoteStatus;
      try {
        status = await provider.poll(remoteId, { signal });
      } catch (error) {
        if (isAborted(signal)) {
          await this.aborted(job, provider, signal);
          return null;
        }
        const failure = asProviderError(error);
        if (failure.kind === 'not_found') {
          this.fail(
            job,
            'remote_missing',
            `${label} no longer knows this job: ${failure.message} It may have expired or been deleted.`,
          );
          return null;
        }
        if (!isTransient(failure.kind)) {
          // The remote job still exists; a retry resumes following it rather than paying again.
          this.fail(
            job,
            'lost_contact',
            `Shotline could not check on this job at ${label}: ${failure.message} It may still finish there: retry to check again.`,
          );
          return null;
        }
        failures++;
        if (failures > this.o.policy.maxPollFailures) {
          this.fail(
            job,
            'lost_contact',
            `Lost contact with ${label} while checking on this job (${failures} failed checks; the last: ${failure.message}). ` +
              `It may still finish there: retry to check again.`,
          );
          return null;
        }
        delay = backoffDelay(failures, this.o.policy, failure.retryAfterMs, this.o.random);
        this.o.jobs.patch(
          job.id,
          {
            error_code: codeOf(failure),
            error_message: `Checking on it failed (${failure.message}); trying again in ${describeWait(delay)}.`,
          },
          this.o.now(),
          ['running', 'downloading'],
        );
        this.changed(this.o.jobs.get(job.id));
        continue;
      }
      if (failures > 0 || job.errorMessage !== null) {
        failures = 0;
        this.o.jobs.patch(job.id, { error_code: null, error_message: null }, this.o.now(), ['running', 'downloading']);
      }
      if (status.state === 'queued' || status.state === 'running') {
        if (status.progress !== null) this.progress(job, status.progress * GENERATE_SHARE);
        delay = interval;
        continue;
      }
      if (status.state === 'failed') {
        const error = status.error ?? {
          code: 'failed',
          message: `${label} could not make this video.`,
          filtered: false,
        };
        this.fail(
          job,
          error.filtered && error.code === 'failed' ? 'content_filtered' : error.code,
          error.message,
          status.costUsd ?? 0,
        );
        return null;
      }
      if (status.state === 'canceled') {
        this.finishCanceled(this.o.jobs.get(job.id), `Canceled at ${label}.`, status.costUsd ?? null);
        return null;
      }
      return status;
    }
  }

  private async downloadAndIngest(
    job: JobRecord,
    provider: RemoteProvider,
    remoteId: string,
    settled: RemoteStatus,
    signal: AbortSignal,
    label: string,
  ): Promise<void> {
    let output = settled.output;
    const costUsd = settled.costUsd ?? job.costEstimateUsd ?? 0;
    for (let failures = 0; ;) {
      const tmp = this.o.store.tempPath('.mp4');
      try {
        await provider.download(remoteId, output, { signal, toPath: tmp });
        this.progress(job, DOWNLOAD_SHARE);
        const result = await ingestOutput(this.o.ingest, job, tmp, {
          costUsd,
          signal,
          now: this.o.now,
          onProgress: (fraction) => this.progress(job, DOWNLOAD_SHARE + fraction * (1 - DOWNLOAD_SHARE)),
        });
        this.succeeded(result.job, result.clip.projectId);
        return;
      } catch (error) {
        if (isAborted(signal)) {
          await this.aborted(job, provider, signal);
          return;
        }
        if (error instanceof BadOutput) {
          this.fail(job, 'bad_output', `${label} sent a file Shotline cannot use: ${error.message}`, costUsd);
          return;
        }
        if (error instanceof JobConflict || !(error instanceof ProviderError)) throw error;
        failures++;
        const retryable = isTransient(error.kind) || error.kind === 'not_found' || error.kind === 'auth';
        if (!retryable || failures > this.o.policy.maxPollFailures) {
          this.fail(
            job,
            'download_failed',
            `${label} finished the video but Shotline could not download it: ${error.message} Retry to try the download again.`,
          );
          return;
        }
        await this.o.sleep(backoffDelay(failures, this.o.policy, error.retryAfterMs, this.o.random), signal);
        // Signed output URLs expire: ask again where the file is.
        try {
          const fresh = await provider.poll(remoteId, { signal });
          if (fresh.state === 'succeeded') output = fresh.output;
        } catch {
          // keep the last known output and try it again
        }
      } finally {
        await this.o.store.removeTemp(tmp);
      }
    }
  }

  /** The job's signal fired: stop leaves it for the next start; cancel stops it at the provider. */
  private async aborted(job: JobRecord, provider: RemoteProvider, signal: AbortSignal): Promise<void> {
    if (signal.reason === CANCEL) await this.cancelRemote(this.o.jobs.get(job.id), provider);
  }

  private async cancelRemote(job: JobRecord, provider: RemoteProvider): Promise<void> {
    const label = this.label(provider);
    if (job.remoteId === null) {
      this.finishCanceled(job, null, null);
      return;
    }
    if (!provider.cancel) {
      // Counted as spent: the service may well finish it and bill it.
      this.finishCanceled(
        job,
        `${label} has no way to stop a job once it has started; it may still finish there and be billed.`,
        provider.capabilities.paid ? (job.costEstimateUsd ?? null) : null,
      );
      return;
    }
    let lastError: ProviderError | null = null;
    for (let attempt = 1; attempt <= 3; attempt++) {
      try {
        await provider.cancel(job.remoteId, { signal: AbortSignal.timeout(this.o.requestTimeoutMs) });
        this.finishCanceled(job, null, null);
        return;
      } catch (error) {
        lastError = asProviderError(error);
        if (!isTransient(lastError.kind)) break;
        await this.o.sleep(
          backoffDelay(attempt, this.o.policy, lastError.retryAfterMs, this.o.random),
          new AbortController().signal,
        );
      }
    }
    this.finishCanceled(
      job,
      `Shotline asked ${label} to stop this job but could not reach it (${lastError?.message ?? 'no answer'}); it may still finish there and be billed.`,
      provider.capabilities.paid ? (job.costEstimateUsd ?? null) : null,
    );
  }
}

/**
 * Sending a job to a remote service. The paid request is recorded as submitting (with its
 * idempotency key) before it is sent. A 429 or 5xx answer means the service did not take it:
 * it is sent again after a durable wait. A lost answer (timeout, dropped connection, broken
 * reply) is looked up where the provider allows it; a free provider is simply sent again; a
 * paid one that cannot be asked waits for the creator's decision, so it is never paid twice
 * unknowingly.
 */
import { describeWait, provesNotSent, ProviderError, type ProviderErrorKind } from '../providers/errors';
import type { ContinueFile, RemoteProvider } from '../providers/types';
import { backoffDelay } from './backoff';
import { BudgetExceeded } from './ledger';
import { asProviderError, codeOf, type RunContext } from './runContext';
import { CANCEL, isAborted } from './signals';
import type { JobRecord } from './store';

/** How many times a lost submission is looked up before it is treated as unknown. */
const LOOKUP_ATTEMPTS = 3;

/** Sends the job. Returns it running (remote id known), or null when it ended, waits for a retry or needs a decision. */
export async function submit(
  run: RunContext,
  job: JobRecord,
  provider: RemoteProvider,
  stopSignal: AbortSignal,
  signal: AbortSignal,
): Promise<JobRecord | null> {
  if (!mayBeSent(run, job, provider)) return null;
  const source = sourceFile(run, job);
  if (source === undefined) return null;
  const now = run.now();
  // The record of the paid request, committed before the request exists.
  const sending = run.outcomes.move(
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
      source,
    }));
  } catch (error) {
    // Stopping mid-send leaves the job as submitting: the next start looks it up.
    if (isAborted(stopSignal)) return null;
    return submitFailed(run, sending, provider, asProviderError(error), signal);
  }
  return run.outcomes.move(
    sending,
    'running',
    { remote_id: remoteId, progress: 0, error_code: null, error_message: null },
    ['submitting'],
  );
}

/**
 * The parent clip's file for a job that sends the clip itself (video to video, video input);
 * null when the job sends none; undefined when the clip is gone (the job has failed).
 */
function sourceFile(run: RunContext, job: JobRecord): ContinueFile | null | undefined {
  const ref = job.request.continueFrom;
  // Veo extends the video its earlier operation made; nothing is uploaded.
  if (!ref || ref.mode === 'extend') return null;
  const media = run.jobs.clipMedia(ref.clipId);
  const path = media ? run.store.pathOf(media.mediaId) : null;
  if (!media || path === null) {
    run.outcomes.fail(
      job,
      'source_missing',
      `Clip ${ref.clipId}, which this job carries on, is no longer in the library; remix another clip or regenerate.`,
    );
    return undefined;
  }
  const extension = media.mimeType === 'video/quicktime' ? 'mov' : media.mimeType === 'video/webm' ? 'webm' : 'mp4';
  return { path, mimeType: media.mimeType, bytes: media.bytes, name: `shotline-clip-${ref.clipId}.${extension}` };
}

/** The provider is set up and, for a paid one, the month's budget allows the job; else the job fails. */
function mayBeSent(run: RunContext, job: JobRecord, provider: RemoteProvider): boolean {
  const ready = provider.ready();
  if (!ready.ok) {
    run.outcomes.fail(job, 'not_configured', ready.message ?? `${provider.capabilities.label} is not set up.`);
    return false;
  }
  if (!provider.capabilities.paid) return true;
  try {
    run.ledger.check(job.costEstimateUsd ?? 0, { exceptJobId: job.id, includeQueued: false });
    return true;
  } catch (error) {
    if (!(error instanceof BudgetExceeded)) throw error;
    run.outcomes.fail(job, 'over_budget', error.message);
    return false;
  }
}

async function submitFailed(
  run: RunContext,
  job: JobRecord,
  provider: RemoteProvider,
  failure: ProviderError,
  signal: AbortSignal,
): Promise<JobRecord | null> {
  const kind: ProviderErrorKind = failure.kind;
  if (provesNotSent(kind)) return notAccepted(run, job, provider, failure);
  if (kind === 'timeout' || kind === 'connection' || kind === 'malformed' || kind === 'canceled') {
    return resolveUnknown(run, job, provider, signal, failure.message, failure);
  }
  run.outcomes.fail(job, codeOf(failure), `${provider.capabilities.label} refused this job: ${failure.message}`);
  return null;
}

/** The service certainly did not take the job: try again later, or give up after the last attempt. */
function notAccepted(run: RunContext, job: JobRecord, provider: RemoteProvider, failure: ProviderError): null {
  if (run.outcomes.cancelIfRequested(job.id, null)) return null;
  const max = run.policy.maxSubmitAttempts;
  if (job.attempts >= max) {
    run.outcomes.fail(
      job,
      codeOf(failure),
      `${provider.capabilities.label} did not take this job after ${job.attempts} attempts. The last answer was: ${failure.message} Try again later.`,
    );
    return null;
  }
  const delay = backoffDelay(job.attempts, run.policy, failure.retryAfterMs, run.random);
  run.outcomes.move(
    job,
    'queued',
    {
      retry_at: run.now() + delay,
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
export async function resolveUnknown(
  run: RunContext,
  job: JobRecord,
  provider: RemoteProvider,
  signal: AbortSignal,
  why: string,
  failure: ProviderError | null,
): Promise<JobRecord | null> {
  if (provider.lookup) {
    const found = await lookUp(run, job, provider, signal, why, failure);
    if (found !== 'unknown') return found;
  } else if (!provider.capabilities.paid) {
    return notAccepted(run, job, provider, failure ?? new ProviderError('connection', why));
  }
  return needsDecision(run, job, provider, why);
}

/** Asks the service for the submission: the job (found, or resent later), null (ended), or 'unknown' (could not ask). */
async function lookUp(
  run: RunContext,
  job: JobRecord,
  provider: RemoteProvider,
  signal: AbortSignal,
  why: string,
  failure: ProviderError | null,
): Promise<JobRecord | null | 'unknown'> {
  const label = provider.capabilities.label;
  if (!provider.lookup) return 'unknown';
  for (let attempt = 1; ; attempt++) {
    try {
      const result = await provider.lookup(job.request, {
        idempotencyKey: job.idempotencyKey,
        submittedAt: job.submittedAt ?? job.updatedAt,
        exclude: run.jobs.remoteIds(job.provider, job.id),
        signal: AbortSignal.any([signal, AbortSignal.timeout(run.requestTimeoutMs)]),
      });
      if (result.found) {
        return run.outcomes.move(
          job,
          'running',
          { remote_id: result.remoteId, error_code: null, error_message: null },
          ['submitting'],
        );
      }
      return notAccepted(
        run,
        job,
        provider,
        failure ?? new ProviderError('connection', `${why}; ${label} does not have it.`),
      );
    } catch (error) {
      if (isAborted(signal)) {
        // A cancel while asking: the creator wants it gone either way.
        if (signal.reason === CANCEL) {
          run.outcomes.finishCanceled(
            job,
            `Canceled while Shotline was checking whether ${label} had received it; it may still run there.`,
            null,
          );
        }
        return null;
      }
      const lookupFailure = asProviderError(error);
      if (attempt >= LOOKUP_ATTEMPTS) {
        // Free providers cost nothing to ask twice: send it again later.
        return provider.capabilities.paid ? 'unknown' : notAccepted(run, job, provider, lookupFailure);
      }
      await run.sleep(backoffDelay(attempt, run.policy, lookupFailure.retryAfterMs, run.random), signal);
    }
  }
}

/** Nobody can say whether the paid service took the job: the creator decides (unless they already canceled). */
function needsDecision(run: RunContext, job: JobRecord, provider: RemoteProvider, why: string): null {
  const label = provider.capabilities.label;
  const canceled = run.outcomes.cancelIfRequested(
    job.id,
    `Canceled while it was being sent; ${label} may have received it anyway and may charge for it.`,
  );
  if (canceled) return null;
  run.outcomes.move(
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

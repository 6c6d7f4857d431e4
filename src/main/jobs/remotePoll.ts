/**
 * Following a remote job until it settles. Checks are spaced by the provider's poll interval;
 * a check that fails for a passing reason (timeout, 429, 5xx) is tried again with backoff, up
 * to maxPollFailures; a job the service no longer knows fails; one it failed or canceled ends
 * as such, charged what the service says it cost.
 */
import { describeWait, isTransient, type ProviderError } from '../providers/errors';
import type { RemoteProvider, RemoteStatus } from '../providers/types';
import { backoffDelay } from './backoff';
import { asProviderError, codeOf, type RunContext } from './runContext';
import { isAborted } from './signals';
import type { JobRecord } from './store';

/** Share of the progress bar for generating; downloading and making the clip follow. */
export const GENERATE_SHARE = 0.9;

export interface PollTarget {
  job: JobRecord;
  provider: RemoteProvider;
  remoteId: string;
  signal: AbortSignal;
  /** Called when the signal fires (a quit or a cancel). */
  aborted: () => Promise<void>;
}

/** The succeeded status, or null when the job ended otherwise or the run was interrupted. */
export async function pollUntilSettled(run: RunContext, t: PollTarget, resumed: boolean): Promise<RemoteStatus | null> {
  const interval = run.pollIntervalMs(t.job.provider);
  let delay = resumed ? 0 : interval;
  let failures = 0;
  for (;;) {
    if (delay > 0) await run.sleep(delay, t.signal);
    if (isAborted(t.signal)) {
      await t.aborted();
      return null;
    }
    let status: RemoteStatus;
    try {
      status = await t.provider.poll(t.remoteId, { signal: t.signal });
    } catch (error) {
      if (isAborted(t.signal)) {
        await t.aborted();
        return null;
      }
      failures++;
      const wait = checkFailed(run, t, asProviderError(error), failures);
      if (wait === null) return null;
      delay = wait;
      continue;
    }
    if (failures > 0 || t.job.errorMessage !== null) {
      failures = 0;
      run.jobs.patch(t.job.id, { error_code: null, error_message: null }, run.now(), ['running', 'downloading']);
    }
    if (status.state === 'queued' || status.state === 'running') {
      if (status.progress !== null) run.outcomes.progress(t.job, status.progress * GENERATE_SHARE);
      delay = interval;
      continue;
    }
    return settledStatus(run, t, status);
  }
}

/** A status check failed: the wait before the next one, or null when the job has failed. */
function checkFailed(run: RunContext, t: PollTarget, failure: ProviderError, failures: number): number | null {
  const label = t.provider.capabilities.label;
  if (failure.kind === 'not_found') {
    run.outcomes.fail(
      t.job,
      'remote_missing',
      `${label} no longer knows this job: ${failure.message} It may have expired or been deleted.`,
    );
    return null;
  }
  if (!isTransient(failure.kind)) {
    // The remote job still exists; a retry resumes following it rather than paying again.
    run.outcomes.fail(
      t.job,
      'lost_contact',
      `Shotline could not check on this job at ${label}: ${failure.message} It may still finish there: retry to check again.`,
    );
    return null;
  }
  if (failures > run.policy.maxPollFailures) {
    run.outcomes.fail(
      t.job,
      'lost_contact',
      `Lost contact with ${label} while checking on this job (${failures} failed checks; the last: ${failure.message}). ` +
        `It may still finish there: retry to check again.`,
    );
    return null;
  }
  const delay = backoffDelay(failures, run.policy, failure.retryAfterMs, run.random);
  run.jobs.patch(
    t.job.id,
    {
      error_code: codeOf(failure),
      error_message: `Checking on it failed (${failure.message}); trying again in ${describeWait(delay)}.`,
    },
    run.now(),
    ['running', 'downloading'],
  );
  run.outcomes.changed(run.jobs.get(t.job.id));
  return delay;
}

/** The service says the job is over: the status when it succeeded, else the job ends here and null. */
function settledStatus(run: RunContext, t: PollTarget, status: RemoteStatus): RemoteStatus | null {
  const label = t.provider.capabilities.label;
  if (status.state === 'failed') {
    const error = status.error ?? { code: 'failed', message: `${label} could not make this video.`, filtered: false };
    run.outcomes.fail(
      t.job,
      error.filtered && error.code === 'failed' ? 'content_filtered' : error.code,
      error.message,
      status.costUsd ?? 0,
    );
    return null;
  }
  if (status.state === 'canceled') {
    run.outcomes.finishCanceled(run.jobs.get(t.job.id), `Canceled at ${label}.`, status.costUsd ?? null);
    return null;
  }
  return status;
}

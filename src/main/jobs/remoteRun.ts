/**
 * A job for a remote service: sent (or, if an earlier run was cut off mid-send, looked up),
 * followed by remote id until it settles, downloaded and made into a clip. A quit leaves the
 * job where it is for the next start; a cancel asks the service to stop it.
 */
import { diskFullError, isDiskFull } from '../storage/diskFull';
import { isTransient, ProviderError } from '../providers/errors';
import type { RemoteProvider, RemoteStatus } from '../providers/types';
import { backoffDelay } from './backoff';
import { BadOutput, ingestOutput } from './ingest';
import { GENERATE_SHARE, pollUntilSettled } from './remotePoll';
import { resolveUnknown, submit } from './remoteSubmit';
import { asProviderError, type RunContext } from './runContext';
import { CANCEL, isAborted } from './signals';
import { JobConflict, type JobRecord } from './store';

/** Where the progress bar stands once the file is downloaded; the rest is making the clip. */
const DOWNLOAD_SHARE = 0.95;
/** How many times a cancel is sent before the job is marked canceled without confirmation. */
const CANCEL_ATTEMPTS = 3;

export async function runRemote(
  run: RunContext,
  job: JobRecord,
  provider: RemoteProvider,
  stopSignal: AbortSignal,
  signal: AbortSignal,
): Promise<void> {
  let current: JobRecord | null = job;
  if (current.state === 'queued') {
    if (current.cancelRequested) {
      run.outcomes.finishCanceled(current, null, null);
      return;
    }
    current = await submit(run, current, provider, stopSignal, signal);
  } else if (current.state === 'submitting' && current.remoteId === null) {
    // Left mid-send by an earlier run: the service may or may not have it.
    const why = `Shotline stopped while sending this job to ${provider.capabilities.label}`;
    current = await resolveUnknown(run, current, provider, signal, why, null);
  }
  if (current === null) return;
  current = run.jobs.get(current.id);
  if (current.retryAt !== null) {
    // Its wait is over (that is why it was picked); clear it so it is not waited for again.
    run.jobs.patch(current.id, { retry_at: null }, run.now(), ['running', 'downloading']);
    current = run.jobs.get(current.id);
  }
  if (current.cancelRequested) {
    await cancelRemote(run, current, provider);
    return;
  }
  await follow(run, current, provider, signal, job.state !== 'queued');
}

/** Polls until the remote job settles, downloads the output and makes the clip. */
async function follow(
  run: RunContext,
  job: JobRecord,
  provider: RemoteProvider,
  signal: AbortSignal,
  resumed: boolean,
): Promise<void> {
  const remoteId = job.remoteId;
  if (remoteId === null) throw new Error(`job ${job.id} has no remote id to follow`);
  let current = job;
  const unwatch = provider.watch?.(remoteId, (fraction) => {
    if (current.state === 'running') run.outcomes.progress(current, fraction * GENERATE_SHARE);
  });
  const aborted = (): Promise<void> => abortedRemote(run, job, provider, signal);
  try {
    const settled = await pollUntilSettled(run, { job: current, provider, remoteId, signal, aborted }, resumed);
    if (settled === null) return;
    if (current.state === 'running')
      current = run.outcomes.move(current, 'downloading', { progress: GENERATE_SHARE }, ['running']);
    await downloadAndIngest(run, { job: current, provider, remoteId, signal, aborted }, settled);
  } finally {
    unwatch?.();
  }
}

interface Download {
  job: JobRecord;
  provider: RemoteProvider;
  remoteId: string;
  signal: AbortSignal;
  aborted: () => Promise<void>;
}

async function downloadAndIngest(run: RunContext, d: Download, settled: RemoteStatus): Promise<void> {
  const { job, provider, remoteId, signal } = d;
  let output = settled.output;
  const costUsd = settled.costUsd ?? job.costEstimateUsd ?? 0;
  for (let failures = 1; ; failures++) {
    const tmp = run.store.tempPath('.mp4');
    try {
      await provider.download(remoteId, output, { signal, toPath: tmp });
      run.outcomes.progress(job, DOWNLOAD_SHARE);
      const result = await ingestOutput(run.ingest, job, tmp, {
        costUsd,
        signal,
        now: run.now,
        onProgress: (fraction) => run.outcomes.progress(job, DOWNLOAD_SHARE + fraction * (1 - DOWNLOAD_SHARE)),
      });
      run.outcomes.succeeded(result.job, result.clip.projectId);
      return;
    } catch (error) {
      const retryable = await retryableDownloadError(run, d, error, failures, costUsd);
      if (retryable === null) return;
      await run.sleep(backoffDelay(failures, run.policy, retryable.retryAfterMs, run.random), signal);
      // Signed output URLs expire: ask again where the file is.
      output = await freshOutput(d, output);
    } finally {
      await run.store.removeTemp(tmp);
    }
  }
}

/** The error when a failed download is tried again; null when the job has been settled instead. */
async function retryableDownloadError(
  run: RunContext,
  d: Download,
  error: unknown,
  failures: number,
  costUsd: number,
): Promise<ProviderError | null> {
  const label = d.provider.capabilities.label;
  if (isAborted(d.signal)) {
    await d.aborted();
    return null;
  }
  if (error instanceof BadOutput) {
    run.outcomes.fail(d.job, 'bad_output', `${label} sent a file Shotline cannot use: ${error.message}`, costUsd);
    return null;
  }
  if (isDiskFull(error)) {
    run.outcomes.fail(d.job, 'disk_full', diskFullError('the download', run.store.libraryFolder).message, costUsd);
    return null;
  }
  if (error instanceof JobConflict || !(error instanceof ProviderError)) throw error;
  const retryable = isTransient(error.kind) || error.kind === 'not_found' || error.kind === 'auth';
  if (retryable && failures <= run.policy.maxPollFailures) return error;
  run.outcomes.fail(
    d.job,
    'download_failed',
    `${label} finished the video but Shotline could not download it: ${error.message} Retry to try the download again.`,
  );
  return null;
}

async function freshOutput(d: Download, output: unknown): Promise<unknown> {
  try {
    const fresh = await d.provider.poll(d.remoteId, { signal: d.signal });
    return fresh.state === 'succeeded' ? fresh.output : output;
  } catch {
    // keep the last known output and try it again
    return output;
  }
}

/** The job's signal fired: stop leaves it for the next start; cancel stops it at the provider. */
async function abortedRemote(
  run: RunContext,
  job: JobRecord,
  provider: RemoteProvider,
  signal: AbortSignal,
): Promise<void> {
  if (signal.reason === CANCEL) await cancelRemote(run, run.jobs.get(job.id), provider);
}

async function cancelRemote(run: RunContext, job: JobRecord, provider: RemoteProvider): Promise<void> {
  const label = provider.capabilities.label;
  // Counted as spent when unconfirmed: the service may well finish it and bill it.
  const unconfirmedCost = provider.capabilities.paid ? (job.costEstimateUsd ?? null) : null;
  if (job.remoteId === null) {
    run.outcomes.finishCanceled(job, null, null);
    return;
  }
  if (!provider.cancel) {
    run.outcomes.finishCanceled(
      job,
      `${label} has no way to stop a job once it has started; it may still finish there and be billed.`,
      unconfirmedCost,
    );
    return;
  }
  let lastError: ProviderError | null = null;
  for (let attempt = 1; attempt <= CANCEL_ATTEMPTS; attempt++) {
    try {
      await provider.cancel(job.remoteId, { signal: AbortSignal.timeout(run.requestTimeoutMs) });
      run.outcomes.finishCanceled(job, null, null);
      return;
    } catch (error) {
      lastError = asProviderError(error);
      if (!isTransient(lastError.kind)) break;
      const wait = backoffDelay(attempt, run.policy, lastError.retryAfterMs, run.random);
      await run.sleep(wait, new AbortController().signal);
    }
  }
  run.outcomes.finishCanceled(
    job,
    `Shotline asked ${label} to stop this job but could not reach it (${lastError?.message ?? 'no answer'}); it may still finish there and be billed.`,
    unconfirmedCost,
  );
}

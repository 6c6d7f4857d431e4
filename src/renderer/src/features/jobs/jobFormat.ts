/** How the Jobs screen words a job: its state, its times, its cost. Pure, so the views stay small. */
import type { Job, JobState } from '../../../../shared/jobs';
import { formatElapsed } from '../../../../shared/time';

export const STATE_LABEL: Record<JobState, string> = {
  queued: 'Queued',
  submitting: 'Sending',
  running: 'Running',
  downloading: 'Downloading',
  succeeded: 'Done',
  failed: 'Failed',
  canceled: 'Canceled',
  needs_decision: 'Needs decision',
};

/** The four state colours of the theme: queued / running / done / failed. */
export type StateTone = 'queued' | 'running' | 'done' | 'failed';

export function toneOf(state: JobState): StateTone {
  switch (state) {
    case 'queued':
    case 'canceled':
      return 'queued';
    case 'submitting':
    case 'running':
    case 'downloading':
      return 'running';
    case 'succeeded':
      return 'done';
    case 'failed':
    case 'needs_decision':
      return 'failed';
  }
}

/** Jobs still on their way: they belong in the Queue list. */
export function isPending(state: JobState): boolean {
  return state !== 'succeeded' && state !== 'failed' && state !== 'canceled';
}

export function isActive(state: JobState): boolean {
  return state === 'submitting' || state === 'running' || state === 'downloading';
}

/** "0:07", "2:05", "1:02:03": elapsed and remaining times. */
export const formatSpan = formatElapsed;

export function formatUsd(usd: number): string {
  return `$${usd.toFixed(2)}`;
}

/** "free", "≈ $3.20", or "$3.20" once billed. */
export function formatCost(job: Pick<Job, 'costEstimateUsd' | 'costActualUsd'>): string {
  if (job.costActualUsd !== null) return job.costActualUsd === 0 ? 'free' : formatUsd(job.costActualUsd);
  if (job.costEstimateUsd === null || job.costEstimateUsd === 0) return 'free';
  return `≈ ${formatUsd(job.costEstimateUsd)}`;
}

/** "2 s", "1 min 5 s": a clip's length in the job line. */
export function formatLength(ms: number): string {
  const seconds = Math.round(ms / 100) / 10;
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  const rest = Math.round(seconds - minutes * 60);
  return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
}

/**
 * How long a provider takes per second of clip, from the jobs it finished lately (the median,
 * so one stalled job does not skew it); null until it has finished one.
 */
export function workRates(jobs: readonly Job[]): Map<Job['provider'], number> {
  const samples = new Map<Job['provider'], number[]>();
  for (const job of jobs) {
    if (job.state !== 'succeeded' || job.startedAt === null || job.finishedAt === null) continue;
    const list = samples.get(job.provider) ?? [];
    if (list.length >= 12) continue;
    list.push((job.finishedAt - job.startedAt) / Math.max(1, job.params.durationMs));
    samples.set(job.provider, list);
  }
  const rates = new Map<Job['provider'], number>();
  for (const [provider, list] of samples) {
    const sorted = [...list].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)];
    if (median !== undefined) rates.set(provider, median);
  }
  return rates;
}

export interface Timing {
  /** Time since it started running (or, while queued, since it was queued). */
  elapsedMs: number;
  /** Time left: from its own progress once that says enough, else from the provider's recent jobs. */
  remainingMs: number | null;
  /** The whole job, for a queued job: what it should take once it starts. */
  estimateMs: number | null;
}

export function timingOf(job: Job, now: number, rate: number | undefined): Timing {
  const typical = rate === undefined ? null : rate * job.params.durationMs;
  if (job.state === 'queued' || job.state === 'needs_decision' || job.startedAt === null) {
    return { elapsedMs: Math.max(0, now - job.createdAt), remainingMs: null, estimateMs: typical };
  }
  const end = job.finishedAt ?? now;
  const elapsedMs = Math.max(0, end - job.startedAt);
  if (!isPending(job.state)) return { elapsedMs, remainingMs: null, estimateMs: null };
  let remainingMs: number | null = null;
  if (job.progress >= 0.1) remainingMs = (elapsedMs * (1 - job.progress)) / job.progress;
  else if (typical !== null) remainingMs = Math.max(0, typical - elapsedMs);
  return { elapsedMs, remainingMs, estimateMs: typical };
}

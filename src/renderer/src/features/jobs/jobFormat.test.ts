import { describe, expect, test } from 'vitest';
import { aJob } from '../../../../../test/renderer/records';
import { formatCost, formatLength, isActive, isPending, timingOf, toneOf, workRates } from './jobFormat';

describe('job states', () => {
  test('each state has the tone of the theme colour it is drawn in', () => {
    expect(toneOf('queued')).toBe('queued');
    expect(toneOf('canceled')).toBe('queued');
    expect(toneOf('submitting')).toBe('running');
    expect(toneOf('downloading')).toBe('running');
    expect(toneOf('succeeded')).toBe('done');
    expect(toneOf('needs_decision')).toBe('failed');
  });

  test('a job waiting for a decision is still pending but not active', () => {
    expect(isPending('needs_decision')).toBe(true);
    expect(isActive('needs_decision')).toBe(false);
    expect(isPending('canceled')).toBe(false);
    expect(isActive('running')).toBe(true);
  });
});

describe('formatCost', () => {
  test('an estimate is approximate, a billed amount exact, and nothing costs "free"', () => {
    expect(formatCost({ costEstimateUsd: 3.2, costActualUsd: null })).toBe('≈ $3.20');
    expect(formatCost({ costEstimateUsd: 3.2, costActualUsd: 2.5 })).toBe('$2.50');
    expect(formatCost({ costEstimateUsd: null, costActualUsd: null })).toBe('free');
    expect(formatCost({ costEstimateUsd: 3.2, costActualUsd: 0 })).toBe('free');
  });
});

describe('formatLength', () => {
  test('seconds under a minute keep one decimal; longer clips read in minutes', () => {
    expect(formatLength(2000)).toBe('2 s');
    expect(formatLength(4_250)).toBe('4.3 s');
    expect(formatLength(60_000)).toBe('1 min');
    expect(formatLength(65_000)).toBe('1 min 5 s');
  });
});

describe('workRates', () => {
  test('takes the median time per clip second of each provider, so one stalled job does not skew it', () => {
    const done = (id: number, seconds: number, provider: 'local' | 'veo' = 'local') =>
      aJob({ id, provider, state: 'succeeded', startedAt: 0, finishedAt: seconds * 1000 });
    const rates = workRates([done(1, 4), done(2, 8), done(3, 400), done(4, 40, 'veo')]);
    // 4 s clips: 1, 2 and 100 ms of work per ms of clip; the median is 2.
    expect(rates.get('local')).toBe(2);
    expect(rates.get('veo')).toBe(10);
  });

  test('ignores jobs that did not finish', () => {
    const rates = workRates([
      aJob({ state: 'failed', startedAt: 0, finishedAt: 1000 }),
      aJob({ state: 'running', startedAt: 0 }),
    ]);
    expect(rates.size).toBe(0);
  });
});

describe('timingOf', () => {
  test('a queued job counts from when it was queued and shows what it should take', () => {
    const timing = timingOf(aJob({ createdAt: 1_000 }), 6_000, 2);
    expect(timing).toEqual({ elapsedMs: 5_000, remainingMs: null, estimateMs: 8_000 });
  });

  test('a running job with enough progress extrapolates from its own pace', () => {
    const job = aJob({ state: 'running', startedAt: 10_000, progress: 0.25 });
    expect(timingOf(job, 20_000, 2).remainingMs).toBe(30_000);
  });

  test('early on, a running job falls back to the provider’s typical time', () => {
    const job = aJob({ state: 'running', startedAt: 10_000, progress: 0.05 });
    expect(timingOf(job, 13_000, 2).remainingMs).toBe(5_000);
    expect(timingOf(job, 13_000, undefined).remainingMs).toBeNull();
  });

  test('a finished job shows how long it ran and nothing left', () => {
    const job = aJob({ state: 'succeeded', startedAt: 10_000, finishedAt: 17_000, progress: 1 });
    expect(timingOf(job, 99_000, 2)).toEqual({ elapsedMs: 7_000, remainingMs: null, estimateMs: null });
  });
});

import { describe, expect, test } from 'vitest';
import type { Job, JobState } from '../../../../shared/jobs';
import { newlySettled } from './settled';

const job = (id: number, state: JobState): Job => ({ id, state }) as Job;
const states = (...jobs: Job[]): Map<number, JobState> => new Map(jobs.map((j) => [j.id, j.state]));
const ids = (jobs: Job[]): [number, JobState][] => jobs.map((j) => [j.id, j.state]);

describe('which jobs a fresh list announces', () => {
  test('nothing from the first list: those were settled before the studio opened', () => {
    expect(newlySettled(null, [job(1, 'needs_decision'), job(2, 'failed')], new Set([1]))).toEqual([]);
  });

  test('a job added and parked for a decision within one refresh batch is announced', () => {
    const before = states(job(1, 'running'));
    expect(ids(newlySettled(before, [job(1, 'running'), job(2, 'needs_decision')], new Set()))).toEqual([
      [2, 'needs_decision'],
    ]);
  });

  test('a job sent again and parked again between two lists is announced again', () => {
    const before = states(job(1, 'needs_decision'));
    expect(newlySettled(before, [job(1, 'needs_decision')], new Set())).toEqual([]);
    expect(ids(newlySettled(before, [job(1, 'needs_decision')], new Set([1])))).toEqual([[1, 'needs_decision']]);
  });

  test('finished jobs are announced once, when they leave a pending state', () => {
    const before = states(job(1, 'running'), job(2, 'failed'), job(3, 'needs_decision'));
    const list = [job(1, 'succeeded'), job(2, 'failed'), job(3, 'canceled'), job(4, 'queued')];
    expect(ids(newlySettled(before, list, new Set()))).toEqual([
      [1, 'succeeded'],
      [3, 'canceled'],
    ]);
  });
});

import { act, renderHook, waitFor } from '@testing-library/react';
import type { JSX, ReactNode } from 'react';
import { describe, expect, test, vi } from 'vitest';
import type { Job, Spend } from '../../../../shared/jobs';
import { fakeStudio } from '../../../../../test/renderer/fakeStudio';
import { aJob } from '../../../../../test/renderer/records';
import { ToastProvider } from '../../components/Toasts';
import { useJobs } from './useJobs';

const wrapper = ({ children }: { children: ReactNode }): JSX.Element => <ToastProvider>{children}</ToastProvider>;

const spend: Spend = {
  month: '2026-05',
  spentUsd: 0,
  reservedUsd: 0,
  budgetUsd: null,
  remainingUsd: null,
  byProject: [],
  byProvider: [],
};

function serveJobs(initial: Job[]): { set: (jobs: Job[]) => void } {
  let jobs = initial;
  fakeStudio.answer('jobs.list', () => jobs);
  fakeStudio.answer('jobs.spend', () => spend);
  fakeStudio.answer('jobs.providers', () => []);
  return { set: (next) => (jobs = next) };
}

const listCalls = (): number => fakeStudio.calls.filter((c) => c.name === 'jobs.list').length;

describe('useJobs', () => {
  test('hears each job that finishes while watching, after one reload for a burst of changes', async () => {
    const server = serveJobs([
      aJob({ id: 1, state: 'running' }),
      aJob({ id: 2, state: 'queued' }),
      aJob({ id: 3, state: 'failed' }),
    ]);
    const onSettled = vi.fn<(job: Job) => void>();
    const { result } = renderHook(() => useJobs(onSettled), { wrapper });
    await waitFor(() => expect(result.current.jobs).toHaveLength(3));
    expect(result.current.pendingCount).toBe(2);

    server.set([
      aJob({ id: 1, state: 'succeeded' }),
      aJob({ id: 2, state: 'running' }),
      aJob({ id: 3, state: 'failed' }),
    ]);
    act(() => {
      fakeStudio.emit('jobs.changed', { jobId: 1, projectId: 1, state: 'succeeded' });
      fakeStudio.emit('jobs.changed', { jobId: 2, projectId: 1, state: 'running' });
      fakeStudio.emit('jobs.spendChanged', {});
    });
    await waitFor(() => expect(result.current.pendingCount).toBe(1));
    expect(listCalls()).toBe(2);
    // Job 3 had failed before the screen opened; only job 1 finished while it watched.
    expect(onSettled.mock.calls.map(([job]) => [job.id, job.state])).toEqual([[1, 'succeeded']]);
  });

  test('progress is patched in place without a reload', async () => {
    serveJobs([aJob({ id: 1, state: 'running', progress: 0.2 })]);
    const { result } = renderHook(() => useJobs(() => undefined), { wrapper });
    await waitFor(() => expect(result.current.jobs).toHaveLength(1));
    act(() => {
      fakeStudio.emit('jobs.progress', { jobId: 1, projectId: 1, state: 'downloading', progress: 0.9 });
    });
    expect(result.current.jobs?.[0]).toMatchObject({ progress: 0.9, state: 'downloading' });
    expect(listCalls()).toBe(1);
  });
});

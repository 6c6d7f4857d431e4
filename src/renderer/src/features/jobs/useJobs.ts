import { useCallback, useEffect, useRef, useState } from 'react';
import type { Job, JobState, ProviderStatus, Spend } from '../../../../shared/jobs';
import { studio } from '../../api/client';
import { useOnReconnect, useStudioEvent } from '../../api/hooks';
import { useCoalescedRefresh } from '../../api/useCoalescedRefresh';
import { useToaster } from '../../components/Toasts';
import { isPending } from './jobFormat';
import { newlySettled } from './settled';

export interface JobsState {
  /** Unfinished jobs in the order they run, then finished ones newest first; null until loaded. */
  jobs: Job[] | null;
  spend: Spend | null;
  providers: ProviderStatus[] | null;
  /** Jobs queued or under way. */
  pendingCount: number;
  refresh: () => void;
}

/** How many jobs the screen keeps; older finished ones stay in the library as clips. */
const LIST_LIMIT = 500;
const REFRESH_COALESCE_MS = 100;

/**
 * Every job in the library, kept fresh by the queue's events: a list refresh after
 * jobs.changed (coalesced: a batch changes many at once), progress patched in place from
 * jobs.progress. `onSettled` hears each job that finished or needs a decision while the
 * studio was watching (not the ones already settled when it opened).
 */
export function useJobs(onSettled: (job: Job) => void): JobsState {
  const toaster = useToaster();
  const [jobs, setJobs] = useState<Job[] | null>(null);
  const [spend, setSpend] = useState<Spend | null>(null);
  const [providers, setProviders] = useState<ProviderStatus[] | null>(null);
  const generation = useRef(0);
  const known = useRef<Map<number, JobState> | null>(null);
  /** Jobs the queue said entered Needs decision since the last list (a batch may hide the moment). */
  const decisions = useRef(new Set<number>());
  const settled = useRef(onSettled);
  useEffect(() => {
    settled.current = onSettled;
  });

  const load = useCallback(() => {
    const mine = ++generation.current;
    const flagged = new Set(decisions.current);
    Promise.all([studio.call('jobs.list', { limit: LIST_LIMIT }), studio.call('jobs.spend', {})]).then(
      ([list, money]) => {
        if (mine !== generation.current) return;
        const before = known.current;
        known.current = new Map(list.map((job) => [job.id, job.state]));
        for (const id of flagged) decisions.current.delete(id);
        for (const job of newlySettled(before, list, flagged)) settled.current(job);
        setJobs(list);
        setSpend(money);
      },
      (error: unknown) => {
        if (mine === generation.current) toaster.error('Could not load the jobs', error);
      },
    );
  }, [toaster]);

  const loadProviders = useCallback(() => {
    studio.call('jobs.providers', {}).then(setProviders, (error: unknown) => {
      toaster.error('Could not load the providers', error);
    });
  }, [toaster]);

  useEffect(() => {
    load();
    loadProviders();
  }, [load, loadProviders]);

  const refresh = useCoalescedRefresh(load, REFRESH_COALESCE_MS);

  useStudioEvent('jobs.changed', (change) => {
    if (change.state === 'needs_decision') decisions.current.add(change.jobId);
    refresh();
  });
  useStudioEvent('jobs.spendChanged', refresh);
  // A key, ComfyUI server or workflow saved in Settings changes which providers are ready.
  useStudioEvent('settings.changed', loadProviders);
  useStudioEvent('jobs.progress', (p) => {
    setJobs((list) =>
      list === null
        ? list
        : list.map((job) =>
            job.id === p.jobId && isPending(job.state) && job.progress !== p.progress
              ? { ...job, progress: p.progress, state: p.state }
              : job,
          ),
    );
  });
  useOnReconnect(() => {
    load();
    loadProviders();
  });

  const pendingCount = jobs?.filter((job) => isPending(job.state)).length ?? 0;
  return { jobs, spend, providers, pendingCount, refresh };
}

import { useCallback, useEffect, useRef, useState } from 'react';
import type { Clip } from '../../../../shared/domain';
import { studio } from '../../api/client';
import { useOnReconnect, useStudioEvent } from '../../api/hooks';
import { useCoalescedRefresh } from '../../api/useCoalescedRefresh';
import { useToaster } from '../../components/Toasts';

export interface ClipsState {
  /** The open project's clips (or the search hits); null while the first answer is pending. */
  clips: Clip[] | null;
  /** The search text these clips answer, '' for the whole project. */
  query: string;
  refresh: () => void;
}

const REFRESH_COALESCE_MS = 120;

/**
 * Clips of one project, or the hits of a search inside it. Imports emit 'clips.changed'
 * once per file, so refreshes are coalesced.
 */
export function useClips(projectId: number | null, query: string): ClipsState {
  const [state, setState] = useState<{ key: string; clips: Clip[] | null; query: string }>({
    key: '',
    clips: null,
    query: '',
  });
  const toaster = useToaster();
  const generation = useRef(0);
  const key = `${projectId ?? ''}|${query}`;

  const load = useCallback(() => {
    if (projectId === null) return;
    const mine = ++generation.current;
    const request =
      query.trim() === ''
        ? studio.call('clips.list', { projectId })
        : studio.call('clips.search', { query, projectId });
    request.then(
      (clips) => {
        if (mine === generation.current) setState({ key, clips, query });
      },
      (error: unknown) => {
        if (mine !== generation.current) return;
        setState((previous) => ({ key, clips: previous.key === key ? previous.clips : [], query }));
        toaster.error(query.trim() === '' ? 'Could not load the clips' : 'Search failed', error);
      },
    );
  }, [projectId, query, key, toaster]);

  useEffect(() => {
    load();
  }, [load]);

  const refresh = useCoalescedRefresh(load, REFRESH_COALESCE_MS);

  useStudioEvent('clips.changed', (payload) => {
    if (payload.projectId === projectId) refresh();
  });
  useOnReconnect(load);

  // While a search is loading, keep the previous hits on screen; never show another project's clips.
  const sameProject = state.key.split('|')[0] === String(projectId ?? '');
  return { clips: sameProject ? state.clips : null, query: sameProject ? state.query : query, refresh };
}

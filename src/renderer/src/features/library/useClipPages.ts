import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { Clip } from '../../../../shared/domain';
import type { ClipHit } from '../../../../shared/library/calls';
import type { ClipQuery } from '../../../../shared/library/organise';
import { studio } from '../../api/client';
import { useOnReconnect, useStudioEvent } from '../../api/hooks';
import { messageOf } from '../../api/messages';
import { useCoalescedRefresh } from '../../api/useCoalescedRefresh';
import { ClipPageCache, JUMP_SETTLE_MS, PAGE_SIZE } from './clipPageCache';

const REFRESH_COALESCE_MS = 120;

export interface ClipPages {
  /** Clips the query finds; null until the first answer. */
  total: number | null;
  /** Why this query's clips could not be loaded; gone with the next query or the next page that loads. */
  error: string | null;
  hitAt(index: number): ClipHit | undefined;
  /** Loads the pages that hold rows start..end (inclusive), if not loaded or loading. */
  ensure(start: number, end: number): void;
  /** A loaded clip by id. */
  find(id: number): Clip | undefined;
  /** Index of a loaded clip, or -1. */
  indexOf(id: number): number;
  /** The ids of rows start..end (inclusive) in the query's order, from the studio: loaded or not. */
  idRange(start: number, end: number): Promise<number[]>;
  /** Tells `listener` when a page has loaded; what shows rows re-renders then (useLoadedPages). */
  readonly subscribe: (listener: () => void) => () => void;
  /** Changes whenever a page loads. */
  readonly version: () => number;
}

interface State {
  key: string;
  total: number | null;
  error: string | null;
  /** Counts reloads after a change, so what shows a loaded clip (the viewer) reads it again. */
  reloads: number;
}

/**
 * One project's clips as the library query sees them, loaded a page at a time as the
 * grid scrolls, so 100,000 clips cost what the screen shows. Pages live in a cache outside
 * React state: a page loaded by scrolling re-renders only the grid or list showing it
 * (useLoadedPages); a new total, an error or a reload after a change re-render the studio. A
 * change reloads the loaded pages on screen and keeps them there meanwhile; the other loaded
 * pages are read again when they come back into view (ClipPageCache.markStale). During fast
 * jumps across the library, pages far from what is loaded wait JUMP_SETTLE_MS so only the
 * place the jumps stop at is fetched.
 */
export function useClipPages(projectId: number | null, query: ClipQuery): ClipPages {
  const key = `${projectId ?? ''}|${JSON.stringify(query)}`;
  const [state, setState] = useState<State>({ key, total: null, error: null, reloads: 0 });
  // eslint-disable-next-line react-hooks/exhaustive-deps -- a new query starts an empty cache
  const cache = useMemo(() => new ClipPageCache(), [key]);
  const loading = useRef(new Set<string>());
  const generation = useRef(0);
  const current: State = state.key === key ? state : { key, total: null, error: null, reloads: state.reloads };

  const fetchPage = useCallback(
    (page: number, mine: number, reload: boolean) => {
      if (projectId === null) return;
      const token = `${key}#${page}#${mine}`;
      if (loading.current.has(token)) return;
      loading.current.add(token);
      studio.call('library.query', { projectId, query, offset: page * PAGE_SIZE, limit: PAGE_SIZE }).then(
        (answer) => {
          loading.current.delete(token);
          if (mine !== generation.current) return;
          cache.set(page, answer.hits);
          setState((previous) =>
            previous.key === key && previous.total === answer.total && previous.error === null && !reload
              ? previous
              : { key, total: answer.total, error: null, reloads: previous.reloads + (reload ? 1 : 0) },
          );
        },
        (error: unknown) => {
          loading.current.delete(token);
          if (mine !== generation.current) return;
          setState((previous) => ({
            key,
            total: previous.key === key ? previous.total : 0,
            error: messageOf(error),
            reloads: previous.reloads,
          }));
        },
      );
    },
    [projectId, query, key, cache],
  );

  /** The rows last asked for: what the grid or list shows. */
  const shown = useRef<{ start: number; end: number } | null>(null);

  // A change reads again the loaded pages on screen only; the others are read again when they
  // come back into view, and show what they had meanwhile.
  const reload = useCallback(() => {
    const mine = ++generation.current;
    const loaded = cache.loadedPages();
    const rows = shown.current;
    const onScreen =
      rows === null ? [] : ClipPageCache.pagesOf(rows.start, rows.end).filter((page) => loaded.includes(page));
    const fresh = onScreen.length > 0 ? onScreen : [loaded.includes(0) || loaded.length === 0 ? 0 : (loaded[0] ?? 0)];
    cache.markStale(fresh);
    for (const page of fresh) fetchPage(page, mine, true);
  }, [fetchPage, cache]);

  useEffect(() => {
    const mine = ++generation.current;
    fetchPage(0, mine, false);
  }, [fetchPage]);

  const refresh = useCoalescedRefresh(reload, REFRESH_COALESCE_MS);
  useStudioEvent('clips.changed', (payload) => {
    if (payload.projectId === projectId) refresh();
  });
  useOnReconnect(reload);

  // The rows a jump landed on, fetched when the jumps settle; replaced by each newer jump.
  const landing = useRef<{ start: number; end: number } | null>(null);
  const settle = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (settle.current) clearTimeout(settle.current);
      settle.current = null;
      landing.current = null;
    },
    [fetchPage],
  );

  const ensure = useCallback(
    (start: number, end: number) => {
      shown.current = { start, end };
      const { pages, near } = cache.missing(start, end);
      if (pages.length === 0) return;
      if (near) {
        // A page a change left out of date re-renders what reads loaded clips when it is read again.
        for (const page of pages) fetchPage(page, generation.current, cache.isStale(page));
        return;
      }
      landing.current = { start, end };
      settle.current ??= setTimeout(() => {
        settle.current = null;
        const rows = landing.current;
        landing.current = null;
        if (!rows) return;
        for (const page of cache.missing(rows.start, rows.end).pages)
          fetchPage(page, generation.current, cache.isStale(page));
      }, JUMP_SETTLE_MS);
    },
    [fetchPage, cache],
  );

  const idRange = useCallback(
    async (start: number, end: number): Promise<number[]> => {
      if (projectId === null) return [];
      const answer = await studio.call('library.queryIdRange', {
        projectId,
        query,
        offset: start,
        limit: end - start + 1,
      });
      return answer.ids;
    },
    [projectId, query],
  );

  const { total, error, reloads } = current;
  return useMemo<ClipPages>(
    () => ({
      total,
      error,
      hitAt: (index) => cache.hitAt(index),
      ensure,
      find: (id) => cache.hitAt(cache.indexOf(id))?.clip,
      indexOf: (id) => cache.indexOf(id),
      idRange,
      subscribe: cache.subscribe,
      version: cache.version,
    }),
    // A reload re-renders what reads loaded clips (reloads), though the cache is the same.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [cache, total, error, reloads, ensure, idRange],
  );
}

/** Re-renders the calling component whenever a page of `pages` loads. */
export function useLoadedPages(pages: ClipPages): void {
  useSyncExternalStore(pages.subscribe, pages.version);
}

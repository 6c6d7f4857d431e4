import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Clip } from '../../../../shared/domain';
import type { ClipHit } from '../../../../shared/library/calls';
import type { ClipQuery } from '../../../../shared/library/organise';
import { studio } from '../../api/client';
import { useOnReconnect, useStudioEvent } from '../../api/hooks';
import { messageOf } from '../../api/messages';
import { useCoalescedRefresh } from '../../api/useCoalescedRefresh';

/** Clips per request; the grid asks for the pages its visible rows need. */
export const PAGE_SIZE = 200;
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
}

interface State {
  key: string;
  total: number | null;
  pages: ReadonlyMap<number, readonly ClipHit[]>;
  error: string | null;
}

/**
 * One project's clips as the library query sees them, loaded a page at a time as the
 * grid scrolls, so 100,000 clips cost what the screen shows. A change reloads the pages
 * already loaded and keeps them on screen meanwhile.
 */
export function useClipPages(projectId: number | null, query: ClipQuery): ClipPages {
  const key = `${projectId ?? ''}|${JSON.stringify(query)}`;
  const [state, setState] = useState<State>({ key, total: null, pages: new Map(), error: null });
  const loading = useRef(new Set<string>());
  const generation = useRef(0);
  const current: State =
    state.key === key ? state : { key, total: null, pages: new Map<number, readonly ClipHit[]>(), error: null };

  const fetchPage = useCallback(
    (page: number, mine: number) => {
      if (projectId === null) return;
      const token = `${key}#${page}#${mine}`;
      if (loading.current.has(token)) return;
      loading.current.add(token);
      studio.call('library.query', { projectId, query, offset: page * PAGE_SIZE, limit: PAGE_SIZE }).then(
        (answer) => {
          loading.current.delete(token);
          if (mine !== generation.current) return;
          setState((previous) => {
            const base = previous.key === key ? previous.pages : new Map<number, readonly ClipHit[]>();
            const pages = new Map(base);
            pages.set(page, answer.hits);
            return { key, total: answer.total, pages, error: null };
          });
        },
        (error: unknown) => {
          loading.current.delete(token);
          if (mine !== generation.current) return;
          setState((previous) => ({
            key,
            total: previous.key === key ? previous.total : 0,
            pages: previous.pages,
            error: messageOf(error),
          }));
        },
      );
    },
    [projectId, query, key],
  );

  const pagesRef = useRef(current.pages);
  // Before any passive effect (the grid asks for pages in one), so ensure() sees what is loaded.
  useLayoutEffect(() => {
    pagesRef.current = current.pages;
  });

  const reload = useCallback(() => {
    const mine = ++generation.current;
    const loaded = [...pagesRef.current.keys()];
    for (const page of loaded.length > 0 ? loaded : [0]) fetchPage(page, mine);
  }, [fetchPage]);

  useEffect(() => {
    const mine = ++generation.current;
    fetchPage(0, mine);
  }, [fetchPage]);

  const refresh = useCoalescedRefresh(reload, REFRESH_COALESCE_MS);
  useStudioEvent('clips.changed', (payload) => {
    if (payload.projectId === projectId) refresh();
  });
  useOnReconnect(reload);

  const ensure = useCallback(
    (start: number, end: number) => {
      for (let page = Math.floor(Math.max(0, start) / PAGE_SIZE); page <= Math.floor(end / PAGE_SIZE); page++) {
        if (!pagesRef.current.has(page)) fetchPage(page, generation.current);
      }
    },
    [fetchPage],
  );

  const { pages, total, error } = current;
  return {
    total,
    error,
    hitAt: (index) => pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE],
    ensure,
    find: (id) => {
      for (const hits of pages.values()) {
        const hit = hits.find((h) => h.clip.id === id);
        if (hit) return hit.clip;
      }
      return undefined;
    },
    indexOf: (id) => {
      for (const [page, hits] of pages) {
        const at = hits.findIndex((h) => h.clip.id === id);
        if (at !== -1) return page * PAGE_SIZE + at;
      }
      return -1;
    },
  };
}

import { useCallback, useEffect, useRef } from 'react';

/**
 * A refresh that runs `load` once, `delayMs` after the first request, however many requests
 * arrive meanwhile: the studio sends one event per imported file or changed job, and a batch
 * should cost one reload. A pending refresh is dropped when `load` changes (the caller loads
 * afresh then) or the component goes away.
 */
export function useCoalescedRefresh(load: () => void, delayMs: number): () => void {
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(
    () => () => {
      if (pending.current) clearTimeout(pending.current);
      pending.current = null;
    },
    [load],
  );

  return useCallback(() => {
    if (pending.current) return;
    pending.current = setTimeout(() => {
      pending.current = null;
      load();
    }, delayMs);
  }, [load, delayMs]);
}

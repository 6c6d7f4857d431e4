import { useCallback, useRef, useState } from 'react';

/**
 * Wraps an action that answers with a promise so it runs once at a time: a second call while the
 * first is under way (a double click on Queue, Enter pressed twice) does nothing. `busy` is for the
 * button, which is disabled meanwhile; the ref decides, so even two clicks in one frame queue once.
 */
export function useSingleFlight<A extends unknown[]>(
  action: ((...args: A) => unknown) | undefined,
): { run: (...args: A) => void; busy: boolean } {
  const running = useRef(false);
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    (...args: A) => {
      if (!action || running.current) return;
      running.current = true;
      setBusy(true);
      void Promise.resolve()
        .then(() => action(...args))
        .catch(() => undefined)
        .finally(() => {
          running.current = false;
          setBusy(false);
        });
    },
    [action],
  );
  return { run, busy };
}

import { useCallback, useEffect, useRef, useState } from 'react';

/** Faster than this (pixels a millisecond: three screens a second on a laptop) a card is gone before its poster would show. */
export const FAST_SCROLL_PX_PER_MS = 3;
/** Two scroll steps in a row this long are a fling however slowly the frames come (a wheel notch is shorter). */
export const FLING_STEP_PX = 150;
/** How long after the last fast movement the scroll counts as slow again. */
export const SCROLL_SETTLE_MS = 150;

export interface FastScroll {
  /** True from a scroll faster than FAST_SCROLL_PX_PER_MS (or further than the viewport at once) until SCROLL_SETTLE_MS pass without one. */
  fast: boolean;
  /**
   * Tells where the scroll is now and how tall its viewport is. The virtualizer calls it with
   * the offset it has read already: reading scrollTop here again would lay out the rows it just
   * rendered a second time within the event.
   */
  moved: (offset: number, viewport: number) => void;
}

/**
 * Whether a scroller is being flung or jumped across. The grid loads no poster for cards that
 * only fly past; what it shows when the scroll slows or stops loads then.
 */
export function useFastScroll(): FastScroll {
  const [fast, setFast] = useState(false);
  const last = useRef<{ offset: number; time: number; distance: number } | null>(null);
  const settle = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (settle.current) clearTimeout(settle.current);
    },
    [],
  );
  const moved = useCallback((offset: number, viewport: number) => {
    const now = performance.now();
    const before = last.current ?? { offset, time: now, distance: 0 };
    const distance = Math.abs(offset - before.offset);
    last.current = { offset, time: now, distance };
    // A first movement after a pause (a wheel notch) is measured over the pause: slow. A busy
    // page's frames come late, so long steps one after another count as a fling whatever the speed.
    const elapsed = Math.max(now - before.time, 1);
    const flung = distance >= FLING_STEP_PX && before.distance >= FLING_STEP_PX;
    if (!flung && distance <= viewport && distance / elapsed <= FAST_SCROLL_PX_PER_MS) return;
    setFast(true);
    if (settle.current) clearTimeout(settle.current);
    settle.current = setTimeout(() => {
      settle.current = null;
      setFast(false);
    }, SCROLL_SETTLE_MS);
  }, []);
  return { fast, moved };
}

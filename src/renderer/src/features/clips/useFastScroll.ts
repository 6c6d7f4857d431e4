import { useEffect, useState, type RefObject } from 'react';

/** Faster than this (pixels a millisecond: three screens a second on a laptop) a card is gone before its poster would show. */
export const FAST_SCROLL_PX_PER_MS = 3;
/** How long after the last fast movement the scroll counts as slow again. */
export const SCROLL_SETTLE_MS = 150;

/**
 * Whether `scroller` is being flung or jumped across: true from a scroll faster than
 * FAST_SCROLL_PX_PER_MS (or further than its own height at once) until SCROLL_SETTLE_MS pass
 * without one. The grid loads no poster for cards that only fly past; what it shows when the
 * scroll slows or stops loads then.
 */
export function useFastScroll(scroller: RefObject<HTMLElement | null>): boolean {
  const [fast, setFast] = useState(false);
  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    let lastTop = element.scrollTop;
    let lastTime = performance.now();
    let settle: ReturnType<typeof setTimeout> | null = null;
    const onScroll = (): void => {
      const now = performance.now();
      const top = element.scrollTop;
      const moved = Math.abs(top - lastTop);
      // A first movement after a pause (a wheel notch) is measured over the pause: slow.
      const elapsed = Math.max(now - lastTime, 1);
      lastTop = top;
      lastTime = now;
      if (moved <= element.clientHeight && moved / elapsed <= FAST_SCROLL_PX_PER_MS) return;
      setFast(true);
      if (settle) clearTimeout(settle);
      settle = setTimeout(() => {
        settle = null;
        setFast(false);
      }, SCROLL_SETTLE_MS);
    };
    element.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      element.removeEventListener('scroll', onScroll);
      if (settle) clearTimeout(settle);
    };
  }, [scroller]);
  return fast;
}

import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';

/**
 * Asks for one render of the calling component at the start of the next animation frame, however
 * often it is asked before then (a render meanwhile answers what was asked before it). Call it
 * before the hooks that ask for renders from their effects. A frame that has rendered the component already (a scroll does,
 * before animation frame callbacks run) is left alone and the render waits for the frame after:
 * two renders in one frame would style and lay out the page twice.
 */
export function useNextFrameRender(): () => void {
  const [, setRenders] = useState(0);
  const lastRender = useRef(-Infinity);
  const wanted = useRef(false);
  const frame = useRef<number | null>(null);

  // Whatever was asked for before this render, it has shown.
  useLayoutEffect(() => {
    lastRender.current = performance.now();
    wanted.current = false;
  });
  useEffect(
    () => () => {
      if (frame.current !== null) cancelAnimationFrame(frame.current);
      frame.current = null;
    },
    [],
  );

  return useCallback(() => {
    wanted.current = true;
    const tick = (frameStart: number): void => {
      frame.current = null;
      if (!wanted.current) return;
      if (lastRender.current >= frameStart) {
        frame.current = requestAnimationFrame(tick);
        return;
      }
      wanted.current = false;
      flushSync(() => setRenders((n) => n + 1));
    };
    frame.current ??= requestAnimationFrame(tick);
  }, []);
}

/**
 * Zooming the waveform with the mouse wheel or a trackpad, around the time under the pointer.
 * wavesurfer's Zoom plugin zooms on every wheel event, reading the layout before each step; a
 * trackpad sends several events a frame, and each zoom re-lays out the waveform, the ruler and
 * thousands of cue regions. Here the wheel's deltas are summed and the zoom is applied once per
 * animation frame, from the view as it stood at the frame's start (one layout read a frame).
 */
import type WaveSurfer from 'wavesurfer.js';

export interface WheelZoomOptions {
  /** px/s added per unit of wheel delta (wavesurfer's Zoom plugin `scale`). */
  scale: number;
  /** The closest zoom, in px/s. */
  maxPxPerSec: number;
  /** Summed deltas smaller than this wait for more (a trackpad's jitter does not zoom). */
  deltaThreshold?: number;
}

export interface WheelView {
  /** The zoom now; 0 until the creator zooms, when the waveform fits the view. */
  pxPerSec: number;
  viewPx: number;
  scrollPx: number;
  durationSec: number;
}

/**
 * The zoom and scroll after a summed wheel `delta` (negative zooms in, as the wheel's deltaY)
 * with the pointer `pointerX` px from the view's left edge: the time under the pointer
 * (`pointSec`, when the previous step already knew it) stays under it, and the zoom never goes
 * below the fitted view or above the closest zoom.
 */
export function wheelZoomStep(
  view: WheelView,
  delta: number,
  pointerX: number,
  options: WheelZoomOptions,
  pointSec?: number,
): { pxPerSec: number; scrollPx: number; pointSec: number } {
  const fit = view.viewPx / view.durationSec;
  const current = view.pxPerSec > 0 ? Math.max(view.pxPerSec, fit) : fit;
  const point = pointSec ?? (view.scrollPx + pointerX) / current;
  const wanted = Math.min(options.maxPxPerSec, Math.max(0, current - delta * options.scale));
  if (wanted <= fit) return { pxPerSec: fit, scrollPx: 0, pointSec: point };
  return { pxPerSec: wanted, scrollPx: Math.max(0, point * wanted - pointerX), pointSec: point };
}

/** What the batching needs from the page; the default is the browser's own frame clock. */
export interface FrameClock {
  request: (run: () => void) => number;
  cancel: (handle: number) => void;
}

const browserFrames: FrameClock = {
  request: (run) => requestAnimationFrame(() => run()),
  cancel: (handle) => cancelAnimationFrame(handle),
};

/**
 * Sums wheel deltas between frames and hands them on once a frame: `apply` gets the summed
 * delta and the last pointer position. Deltas under the threshold are kept for the next frame.
 */
export function wheelBatcher(
  apply: (delta: number, pointerClientX: number) => void,
  threshold: number,
  clock: FrameClock = browserFrames,
): { add: (deltaY: number, clientX: number) => void; stop: () => void } {
  let sum = 0;
  let clientX = 0;
  let frame: number | null = null;
  const flush = (): void => {
    frame = null;
    if (Math.abs(sum) < threshold) return;
    const delta = sum;
    sum = 0;
    apply(delta, clientX);
  };
  return {
    add(deltaY, x) {
      sum += deltaY;
      clientX = x;
      frame ??= clock.request(flush);
    },
    stop() {
      if (frame !== null) clock.cancel(frame);
      frame = null;
      sum = 0;
    },
  };
}

/** Zooms `ws` with the wheel over its view, once a frame; returns what takes it away again. */
export function attachWheelZoom(ws: WaveSurfer, options: WheelZoomOptions, clock?: FrameClock): () => void {
  const scroller = ws.getWrapper().parentElement;
  if (!scroller) return () => undefined;
  // The time under a pointer that has not moved since the last step, while the view is where
  // that step put it: taken again from the scroll, which the page rounds to whole pixels, the
  // zoom would drift away from the pointer a little each frame.
  let last: { pointerX: number; scrollPx: number; pointSec: number } | null = null;
  const batch = wheelBatcher(
    (delta, clientX) => {
      const durationSec = ws.getDuration();
      if (!(durationSec > 0)) return;
      // The frame's reads, before anything below writes.
      const viewPx = scroller.clientWidth;
      const pointerX = clientX - scroller.getBoundingClientRect().left;
      const view = { pxPerSec: ws.options.minPxPerSec, viewPx, scrollPx: scroller.scrollLeft, durationSec };
      const still = last !== null && last.pointerX === pointerX && Math.abs(last.scrollPx - view.scrollPx) <= 1;
      const next = wheelZoomStep(view, delta, pointerX, options, still ? last?.pointSec : undefined);
      last = { pointerX, scrollPx: next.scrollPx, pointSec: next.pointSec };
      if (next.pxPerSec === view.pxPerSec && next.scrollPx === view.scrollPx) return;
      ws.zoom(next.pxPerSec);
      scroller.scrollLeft = next.scrollPx;
    },
    options.deltaThreshold ?? 5,
    clock,
  );
  const onWheel = (event: WheelEvent): void => {
    // A sideways swipe scrolls the view, as the browser does it.
    if (Math.abs(event.deltaX) >= Math.abs(event.deltaY)) return;
    if (!(ws.getDuration() > 0)) return;
    event.preventDefault();
    batch.add(event.deltaY, event.clientX);
  };
  scroller.addEventListener('wheel', onWheel, { passive: false });
  return () => {
    scroller.removeEventListener('wheel', onWheel);
    batch.stop();
  };
}

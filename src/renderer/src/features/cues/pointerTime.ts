/**
 * Times under the pointer on the waveform. The waveform's wrapper is as wide as the whole clip at
 * the current zoom (it scrolls inside its track), so a place across it is a time whatever the
 * zoom and scroll.
 */

/**
 * wavesurfer 8's drag selection (`enableDragSelection`) starts its region this many pixels past
 * the pointer and carries the offset to the end of the drag: the end it reports is this far on.
 */
export const DRAG_SELECTION_OFFSET_PX = 5;

/** Seconds at a pointer's clientX, over a wrapper at `left` that is `width` pixels wide. */
export function secondsAt(clientX: number, wrapper: { left: number; width: number }, durationSec: number): number {
  if (wrapper.width <= 0) return 0;
  return Math.max(0, Math.min(durationSec, ((clientX - wrapper.left) / wrapper.width) * durationSec));
}

/**
 * The range the creator dragged across, from the region wavesurfer made of it: its end is where
 * the pointer was let go (or pressed, for a drag to the left), not the plugin's 5 px past it. An
 * end the plugin clamped to the clip's end stays there: the pointer was within those pixels of it.
 */
export function draggedRange(
  region: { start: number; end: number },
  durationSec: number,
  wrapperWidthPx: number,
): { start: number; end: number } {
  if (wrapperWidthPx <= 0 || region.end >= durationSec) return { start: region.start, end: region.end };
  const offset = (DRAG_SELECTION_OFFSET_PX / wrapperWidthPx) * durationSec;
  return { start: region.start, end: Math.max(region.start, region.end - offset) };
}

/**
 * The open cue timeline's height: the creator drags its top edge (or uses the arrow keys on it)
 * and the studio remembers the height. Pure, so the limits are tested apart from any layout;
 * CueTimeline.css applies the same limits (the section gets them as custom properties), so a
 * remembered height from a taller window still leaves this one's clips room.
 */

/** The bar and a waveform worth reading. */
export const MIN_TIMELINE = 200;
/** What the timeline always leaves the clips above it: their toolbar, the library's controls and a row of cards. */
export const CANVAS_KEEP = 360;
/** One arrow key's step; Page Up and Page Down take four. */
export const STEP = 16;

export const CUE_TIMELINE_HEIGHT_KEY = 'shotline.cueTimelineHeight';

/** The tallest the timeline may be in a workspace `room` pixels high (never under the least). */
export function maxTimeline(room: number): number {
  return Math.max(MIN_TIMELINE, Math.floor(room - CANVAS_KEEP));
}

export function clampTimeline(height: number, room: number): number {
  return Math.min(maxTimeline(room), Math.max(MIN_TIMELINE, Math.round(height)));
}

/** A remembered height, or null (the style sheet's default) for none or one that is not a height. */
export function parseTimelineHeight(stored: string | null): number | null {
  if (stored === null || !/^\d{1,5}$/.test(stored)) return null;
  const height = Number(stored);
  return height >= MIN_TIMELINE ? height : null;
}

/** The height a key on the timeline's edge asks for, or null for a key the edge does not take. */
export function keyedTimeline(key: string, height: number, room: number): number | null {
  const step = { ArrowUp: STEP, ArrowDown: -STEP, PageUp: STEP * 4, PageDown: -STEP * 4 }[key];
  if (step !== undefined) return clampTimeline(height + step, room);
  if (key === 'Home') return MIN_TIMELINE;
  if (key === 'End') return maxTimeline(room);
  return null;
}

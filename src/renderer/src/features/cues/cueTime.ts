/** Times as the cue timeline shows them. */

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Always with milliseconds, for the playhead and the cue list: "00:03.000". */
export function formatClock(ms: number): string {
  const whole = Math.max(0, Math.round(ms));
  return `${pad(Math.floor(whole / 60_000), 2)}:${pad(Math.floor((whole % 60_000) / 1000), 2)}.${pad(whole % 1000, 3)}`;
}

/** The ruler's labels: "00:03", or "00:03.250" between whole seconds. */
export function formatRuler(seconds: number): string {
  const ms = Math.round(seconds * 1000);
  return ms % 1000 === 0 ? formatClock(ms).slice(0, 5) : formatClock(ms);
}

/**
 * The frame a time falls in, rounded to the nearest start, as the EDL and OTIO exports count
 * frames (`round(ms × fps / 1000)`).
 */
export function frameAt(ms: number, fps: number): number {
  return Math.round((ms * fps) / 1000);
}

/** Where a frame starts, in whole milliseconds, as the EDL and OTIO imports read it back. */
export function frameStartMs(frame: number, fps: number): number {
  return Math.round((frame * 1000) / fps);
}

/** The nearest frame start, in whole milliseconds: a time that survives every export unchanged. */
export function snapToFrame(ms: number, fps: number): number {
  if (!(fps > 0)) return Math.round(ms);
  return frameStartMs(frameAt(ms, fps), fps);
}

/**
 * `frames` frames on from the frame `ms` is nearest to. Counted in frames, not by adding
 * 1000 / fps to a rounded time, which drifts off the frame grid a millisecond at a time.
 */
export function stepFrames(ms: number, fps: number, frames: number): number {
  if (!(fps > 0)) return Math.round(ms + frames * 40);
  return frameStartMs(frameAt(ms, fps) + frames, fps);
}

/**
 * A cue's times as the timeline stores them: whole milliseconds, on frame starts when snapping,
 * and a range always at least one frame (or one millisecond) long.
 */
export function cueTimes(
  startMs: number,
  endMs: number | null,
  fps: number,
  snap: boolean,
): { startMs: number; endMs: number | null } {
  const at = (ms: number): number => (snap ? snapToFrame(ms, fps) : Math.round(ms));
  const start = at(startMs);
  if (endMs === null) return { startMs: start, endMs: null };
  const shortest = snap ? stepFrames(start, fps, 1) : start + 1;
  return { startMs: start, endMs: Math.max(shortest, at(endMs)) };
}

/** The range I and O mark, in either order; null until both are set and apart. */
export function markedRange(marks: { in: number | null; out: number | null }): { in: number; out: number } | null {
  if (marks.in === null || marks.out === null || marks.in === marks.out) return null;
  return { in: Math.min(marks.in, marks.out), out: Math.max(marks.in, marks.out) };
}

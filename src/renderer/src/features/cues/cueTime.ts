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

/** The nearest frame boundary, in whole milliseconds. */
export function snapToFrame(ms: number, fps: number): number {
  if (!(fps > 0)) return Math.round(ms);
  return Math.round((Math.round((ms * fps) / 1000) * 1000) / fps);
}

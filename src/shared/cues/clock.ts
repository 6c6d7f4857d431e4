/** Timestamps as subtitle and label files write them. */

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** "HH:MM:SS<sep>mmm": SRT uses a comma, WebVTT a period. */
export function subtitleClock(ms: number, separator: ',' | '.'): string {
  const whole = Math.max(0, Math.round(ms));
  const hours = Math.floor(whole / 3_600_000);
  const minutes = Math.floor((whole % 3_600_000) / 60_000);
  const seconds = Math.floor((whole % 60_000) / 1000);
  return `${pad(hours, 2)}:${pad(minutes, 2)}:${pad(seconds, 2)}${separator}${pad(whole % 1000, 3)}`;
}

/** Reads "HH:MM:SS,mmm" / "HH:MM:SS.mmm" (and WebVTT's "MM:SS.mmm"); null when it is not one. */
export function readSubtitleClock(text: string, separator: ',' | '.'): number | null {
  const sep = separator === ',' ? ',' : '\\.';
  const m = new RegExp(`^(?:(\\d{1,3}):)?(\\d{2}):(\\d{2})${sep}(\\d{3})$`).exec(text.trim());
  if (!m) return null;
  const [, h = '0', min = '', sec = '', ms = ''] = m;
  if (Number(min) > 59 || Number(sec) > 59) return null;
  return ((Number(h) * 60 + Number(min)) * 60 + Number(sec)) * 1000 + Number(ms);
}

/** Seconds with a fixed number of decimals, as Audacity and CSV files carry them. */
export function seconds(ms: number, decimals: number): string {
  return (ms / 1000).toFixed(decimals);
}

/** Reads a decimal number of seconds to whole milliseconds; null when it is not a plain number. */
export function readSeconds(text: string): number | null {
  const t = text.trim();
  if (!/^\d{1,6}(?:\.\d+)?$/.test(t)) return null;
  return Math.round(Number(t) * 1000);
}

/** A point cue shown as a subtitle lasts this long, within the clip. */
export const POINT_CUE_SUBTITLE_MS = 500;

/**
 * Where a cue shows as a subtitle. A range as it is; a point for POINT_CUE_SUBTITLE_MS from it,
 * or, when the clip ends sooner, for the POINT_CUE_SUBTITLE_MS up to it (`pointAtEnd`: the point
 * is the subtitle's end), so a point at the clip's last moment still shows and reads back exact.
 */
export function subtitleSpan(
  startMs: number,
  endMs: number | null,
  durationMs: number,
): { fromMs: number; toMs: number; pointAtEnd: boolean } {
  if (endMs !== null) return { fromMs: startMs, toMs: endMs, pointAtEnd: false };
  if (startMs + POINT_CUE_SUBTITLE_MS <= durationMs || startMs === 0)
    return {
      fromMs: startMs,
      toMs: Math.max(startMs, Math.min(startMs + POINT_CUE_SUBTITLE_MS, durationMs)),
      pointAtEnd: false,
    };
  return { fromMs: Math.max(0, startMs - POINT_CUE_SUBTITLE_MS), toMs: startMs, pointAtEnd: true };
}

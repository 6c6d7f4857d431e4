/**
 * Prose segments (`[00:04-00:08]` become shots) and the clock their words are read on: a time
 * inside a segment's span is on the clip's clock, any other counts from the segment's start.
 */
import { formatDuration, formatTime, parseTime } from '../time';

/** A segment mark in prose: `[00:00-00:02]`, `[0s – 2s]`. */
export const SEGMENT = /\[\s*(\d[\d:.]{0,11}s?)\s*[-–—]\s*(\d[\d:.]{0,11}s?)\s*\]\s*/g;

/** A clock time in prose ("at 00:05", "00:05.5"), not an hour of the day ("7:30 pm"). */
const CLIP_CLOCK = /(?<![\d:.])(\d{1,2}:[0-5]\d(?:\.\d{1,3})?)(?![\d:]|\s?(?:am|pm|a\.m\.|p\.m\.)(?![a-z]))/gi;

/** A moment written in seconds after "at": "at 3s", "at 2.5 sec", "at 4 seconds". */
const AT_SECONDS = /\b(at\s+)(\d{1,4}(?:\.\d{1,3})?)\s?(?:s|secs?|seconds?)\b/gi;

/**
 * Inside a `[00:04-00:08]` segment, a time in its words that falls within the segment's span is
 * on the clip's clock: "at 00:05" or "at 5s" there is 1 s into the shot, as the shot's own fields
 * count. Any other time counts from the segment's start ("at 1s" in `[00:04-00:08]` is 1 s into
 * the shot), and a clock on the wall ("07:30") is left as written.
 */
export function onShotClock(text: string, segmentStartMs: number, durationMs: number | null): string {
  if (segmentStartMs === 0 || durationMs === null) return text;
  const inSegment = (ms: number): boolean => isInSegment(ms, segmentStartMs, durationMs);
  return text
    .replace(CLIP_CLOCK, (clock: string) => {
      const parsed = parseTime(clock);
      if (!parsed.ok || !inSegment(parsed.ms)) return clock;
      return formatTime(parsed.ms - segmentStartMs);
    })
    .replace(AT_SECONDS, (written: string, at: string, seconds: string) => {
      const ms = Math.round(Number(seconds) * 1000);
      if (!inSegment(ms)) return written;
      return `${at}${formatDuration(ms - segmentStartMs)}`;
    });
}

/** Whether a time on the clip's clock falls within a segment: then it is read as clip time. */
export function isInSegment(ms: number, segmentStartMs: number, durationMs: number | null): boolean {
  return durationMs !== null && ms >= segmentStartMs && ms <= segmentStartMs + durationMs;
}

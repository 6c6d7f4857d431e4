/**
 * Times as creators write them ("00:05", "0:05.250", "5s", "5.5s", "1m05s") and as
 * Shotline stores them: integer milliseconds. Every place that reads or prints a
 * time goes through these functions so that printing and reading always agree.
 */

/** The longest time Shotline accepts anywhere: just under 24 hours. */
export const MAX_TIME_MS = 24 * 60 * 60 * 1000 - 1;

export type TimeParse = { ok: true; ms: number } | { ok: false; error: string };

const HINT = 'write it like 00:05, 0:05.250, 5s, 5.5s or 1m05s';

// Every pattern is anchored and uses bounded, non-overlapping repetitions, so a long
// or hostile input fails in linear time.
const CLOCK = /^(\d{1,4}):(\d{1,2})(?:\.(\d+))?$/;
const HOURS_CLOCK = /^(\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.(\d+))?$/;
const SECONDS = /^(\d{1,5})(?:\.(\d+))?s$/;
const MINUTES = /^(\d{1,4})m(?:(\d{1,2})(?:\.(\d+))?s)?$/;
const MILLIS = /^(\d{1,8})ms$/;
const BARE_NUMBER = /^\d{1,8}(?:\.\d{1,8})?$/;

function fail(error: string): TimeParse {
  return { ok: false, error };
}

/** "5" → 500, "25" → 250, "250" → 250; more than three digits is finer than Shotline stores. */
function fractionMs(digits: string | undefined, original: string): number | string {
  if (digits === undefined || digits === '') return 0;
  if (digits.length > 3) return `${original} is finer than a millisecond; use at most three decimals`;
  return Number(digits.padEnd(3, '0'));
}

function done(ms: number, original: string): TimeParse {
  if (ms > MAX_TIME_MS) return fail(`${original} is longer than 24 hours`);
  return { ok: true, ms };
}

/**
 * Reads one time. Clock times are minutes:seconds (or hours:minutes:seconds) with two
 * seconds digits; unit times end in s, m…s or ms. A bare number is refused because
 * "5" could mean frames, seconds or minutes.
 */
/**
 * A time as written in a sentence: spaces inside it ("3 s", "2.5 sec") and a unit spelled out
 * ("4 seconds") read as parseTime's own forms.
 */
export function parseWrittenTime(input: string): TimeParse {
  return parseTime(input.replace(/\s+/g, '').replace(/(?:secs?|seconds?)$/i, 's'));
}

export function parseTime(input: string): TimeParse {
  const text = input.trim().toLowerCase();
  if (text === '') return fail(`a time is missing; ${HINT}`);
  if (text.length > 32) return fail(`"${input.slice(0, 20)}…" is not a time; ${HINT}`);

  let m = HOURS_CLOCK.exec(text);
  if (m) {
    const [, h = '', min = '', sec = '', frac] = m;
    if (min.length !== 2 || sec.length !== 2)
      return fail(`${text} needs two digits for minutes and seconds, like 1:02:05`);
    if (Number(min) >= 60) return fail(`${text} has ${min} minutes; minutes go up to 59`);
    if (Number(sec) >= 60) return fail(`${text} has ${sec} seconds; seconds go up to 59`);
    const f = fractionMs(frac, text);
    if (typeof f === 'string') return fail(f);
    return done(((Number(h) * 60 + Number(min)) * 60 + Number(sec)) * 1000 + f, text);
  }

  m = CLOCK.exec(text);
  if (m) {
    const [, min = '', sec = '', frac] = m;
    if (sec.length !== 2) return fail(`${text} needs two digits for seconds, like ${min}:0${sec}`);
    if (Number(sec) >= 60)
      return fail(
        `${text} has ${sec} seconds; seconds go up to 59, so write ${formatTime((Number(min) * 60 + Number(sec)) * 1000)}`,
      );
    const f = fractionMs(frac, text);
    if (typeof f === 'string') return fail(f);
    return done((Number(min) * 60 + Number(sec)) * 1000 + f, text);
  }

  m = MILLIS.exec(text);
  if (m) return done(Number(m[1]), text);

  m = SECONDS.exec(text);
  if (m) {
    const [, sec = '', frac] = m;
    const f = fractionMs(frac, text);
    if (typeof f === 'string') return fail(f);
    return done(Number(sec) * 1000 + f, text);
  }

  m = MINUTES.exec(text);
  if (m) {
    const [, min = '', sec, frac] = m;
    if (sec !== undefined && Number(sec) >= 60) return fail(`${text} has ${sec} seconds; seconds go up to 59`);
    const f = fractionMs(frac, text);
    if (typeof f === 'string') return fail(f);
    return done((Number(min) * 60 + Number(sec ?? '0')) * 1000 + f, text);
  }

  if (BARE_NUMBER.test(text))
    return fail(`${text} has no unit; write ${text}s for seconds or 00:${text.padStart(2, '0')} as a clock time`);
  return fail(`"${input.trim()}" is not a time; ${HINT}`);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/**
 * The canonical clock form: "00:05", "00:05.250", "01:05", "75:00". Minutes grow past
 * 59 instead of adding hours, so one pattern covers every stored time.
 */
export function formatTime(ms: number): string {
  const whole = Math.max(0, Math.round(ms));
  const minutes = Math.floor(whole / 60_000);
  const seconds = Math.floor((whole % 60_000) / 1000);
  const millis = whole % 1000;
  const base = `${pad(minutes, 2)}:${pad(seconds, 2)}`;
  return millis === 0 ? base : `${base}.${pad(millis, 3)}`;
}

/** The canonical length form for durations: "8s", "8.25s", "75s". */
export function formatDuration(ms: number): string {
  const whole = Math.max(0, Math.round(ms));
  const seconds = Math.floor(whole / 1000);
  const millis = whole % 1000;
  if (millis === 0) return `${seconds}s`;
  return `${seconds}.${pad(millis, 3).replace(/0+$/, '')}s`;
}

/** A stopwatch reading for elapsed and remaining times, to the second: "0:07", "2:05", "1:02:03". */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  return hours > 0 ? `${hours}:${pad(minutes, 2)}:${pad(seconds, 2)}` : `${minutes}:${pad(seconds, 2)}`;
}

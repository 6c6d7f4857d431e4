/**
 * Audio items in natural phrasing. "door slam at 00:05", "a door slams at 5s",
 * "at 0:05 the door slams", "bell @ 00:02", "00:02 a bell rings", "[00:02] bell",
 * "00:02 – bell", "bell (00:02)", "rain from 00:02 to 00:06", "[00:02-00:06] rain" and
 * "rain until 00:04" are timed events; an hour of the day ("at 7:30 pm", "at 07:30 in the
 * morning") is not a moment in the shot. Anything without a time phrase is ambience for the whole shot. Items are separated
 * by commas and semicolons, so a sound whose name holds one is written in double quotes:
 * `"glass, breaking" at 00:02`; nothing between quotes is read as a time.
 */
import { formatTime, parseTime, parseWrittenTime } from '../time';
import type { DiagnosticCode, Severity, Span } from './diagnostics';
import { collapse, quotedRanges, splitItems, stripFullStops, words } from './text';

export type AudioItem =
  | { kind: 'ambience'; text: string }
  | { kind: 'event'; label: string; startMs: number; endMs: number | null }
  | { kind: 'none' };

/** A problem inside one item; the span is relative to the item text. */
export interface ItemProblem {
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  span: Span;
}

const RANGE_WORDS = new Set(['to', 'until', 'till', 'through', '-', '–', '—']);

/** A word that is trying to be a time: it starts with a digit. "at dusk" is not one. */
function timeCandidate(word: string): string | null {
  if (word.length > 40) return null;
  // "at 00:05, the door slams": the comma after a time closes it.
  const bare = word.replace(/[.!?),]+$/, '');
  // "at 7:30pm" is an hour of the day.
  if (/\d(?:am|pm)$/i.test(bare)) return null;
  return /^\d[\d:.a-z]{0,31}$/i.test(bare) ? bare : null;
}

/**
 * A moment before the shot: a minus after "at" or "@" (with or without a space), or touching the
 * digits after a space or an opening bracket ("-2s", "(-00:02)"). A dash with a space after it,
 * not after "at", sets a time off instead ("bell - 00:02").
 */
const BEFORE_SHOT =
  /(?:(?:\bat|@)\s*[-−–]\s*|(?:^|[\s([])[-−])(\d{1,5}(?:[:.]\d{1,3}){0,2}\s?(?:ms|s|secs?|seconds?)?)(?![\w:])/i;

/** A unit written apart from its number: "3 s", "2.5 sec", "4 seconds", "300 ms". */
const SPACED_UNIT = /^(?:s|secs?|seconds?|ms)[.!?)]*$/i;
const NUMBER = /^\d{1,5}(?:\.\d{1,3})?$/;

/** Joins a number and the unit written after it into one time word: "3 s" reads as 3s. */
function joinUnits(all: { word: string; from: number; to: number }[]): { word: string; from: number; to: number }[] {
  const out: { word: string; from: number; to: number }[] = [];
  for (let i = 0; i < all.length; i++) {
    const w = all[i];
    const unit = all[i + 1];
    if (!w) continue;
    if (unit && NUMBER.test(w.word) && SPACED_UNIT.test(unit.word)) {
      const trail = /[.!?)]*$/.exec(unit.word)?.[0] ?? '';
      const ms = unit.word.toLowerCase().startsWith('ms');
      out.push({ word: `${w.word}${ms ? 'ms' : 's'}${trail}`, from: w.from, to: unit.to });
      i += 1;
    } else out.push(w);
  }
  return out;
}

interface Phrase {
  /** Word indexes the phrase covers, inclusive. */
  first: number;
  last: number;
  startMs: number;
  endMs: number | null;
}

/**
 * Reads one comma-separated audio item. The item is never silently lost: a time that
 * does not parse leaves the item as ambience text and reports where the time went wrong.
 */
export function readAudioItem(raw: string): { item: AudioItem; problems: ItemProblem[] } {
  const problems: ItemProblem[] = [];
  const all = joinUnits(splitAtSigns(words(raw)));
  // A closing full stop ends the sentence, not the label or the time.
  const lastWord = all[all.length - 1];
  if (lastWord) {
    const stripped = stripFullStops(lastWord.word);
    if (stripped === '') all.pop();
    else
      all[all.length - 1] = {
        word: stripped,
        from: lastWord.from,
        to: lastWord.to - (lastWord.word.length - stripped.length),
      };
  }
  if (all.length === 0) return { item: { kind: 'none' }, problems };
  const quoted = quotedRanges(raw);
  // "glass breaks -2s", "at - 2s", "(-2s)": a moment before the shot, never the 2 s a dash would set off.
  const early = BEFORE_SHOT.exec(raw);
  if (early && !quoted.some((q) => early.index >= q.from && early.index < q.to)) {
    const from = early.index + (early[0].length - early[0].trimStart().length);
    problems.push({
      code: 'bad-time',
      severity: 'error',
      message: `A sound cannot come before its shot starts (-${early[1]?.replace(/\s+/g, '') ?? ''}); times count from 00:00, the start of the shot.`,
      span: { from, to: early.index + early[0].length },
    });
    return { item: { kind: 'ambience', text: all.map((w) => w.word).join(' ') }, problems };
  }

  const lower = all.map((w) => (quoted.some((q) => w.from >= q.from && w.from < q.to) ? '' : w.word.toLowerCase()));
  const phrases: Phrase[] = [];
  let broken = false;

  const readTime = (i: number): number | null | 'bad' => {
    const w = all[i];
    if (!w || lower[i] === '') return null;
    const candidate = timeCandidate(w.word);
    if (candidate === null) return null;
    const parsed = parseTime(candidate);
    if (parsed.ok) return parsed.ms;
    problems.push({
      code: 'bad-time',
      severity: 'error',
      message: `This time does not read: ${parsed.error}.`,
      span: { from: w.from, to: w.from + candidate.length },
    });
    return 'bad';
  };

  for (let i = 0; i < all.length; i++) {
    const word = lower[i];
    if (word === 'at' || word === '@') {
      // "at 7:30 pm", "at 07:30 in the morning": an hour of the day, not a moment in the shot.
      if (
        HOUR_OF_DAY.test(
          all
            .slice(i + 2, i + 5)
            .map((w) => w.word)
            .join(' '),
        )
      )
        continue;
      const t = readTime(i + 1);
      if (t === 'bad') broken = true;
      else if (t !== null) {
        phrases.push({ first: i, last: i + 1, startMs: t, endMs: null });
        i += 1;
      }
    } else if (word === 'until' || word === 'till') {
      const t = readTime(i + 1);
      if (t === 'bad') broken = true;
      else if (t !== null) {
        if (t === 0) {
          problems.push({
            code: 'bad-range',
            severity: 'error',
            message: 'A sound that lasts until 00:00 never plays; give it a later end.',
            span: span(all, i, i + 1),
          });
          broken = true;
        } else phrases.push({ first: i, last: i + 1, startMs: 0, endMs: t });
        i += 1;
      }
    } else if (word === 'from' || word === 'between') {
      const start = readTime(i + 1);
      if (start === 'bad') {
        broken = true;
        continue;
      }
      if (start === null) continue;
      const joiner = lower[i + 2];
      const joins = joiner !== undefined && (word === 'between' ? joiner === 'and' : RANGE_WORDS.has(joiner));
      const end = joins ? readTime(i + 3) : null;
      if (end === 'bad') {
        broken = true;
        i += 3;
      } else if (end === null) {
        phrases.push({ first: i, last: i + 1, startMs: start, endMs: null });
        i += 1;
      } else {
        if (end <= start) {
          problems.push({
            code: 'bad-range',
            severity: 'error',
            message: `This sound ends at ${formatTime(end)}, not after its start at ${formatTime(start)}; give it an end later than its start.`,
            span: span(all, i, i + 3),
          });
          phrases.push({ first: i, last: i + 3, startMs: start, endMs: null });
        } else phrases.push({ first: i, last: i + 3, startMs: start, endMs: end });
        i += 3;
      }
    }
  }

  if (broken) return { item: { kind: 'ambience', text: all.map((w) => w.word).join(' ') }, problems };
  const phrase = phrases[0];
  if (!phrase) {
    const marked = quoted.length > 0 ? null : readMarkedTime(raw);
    if (marked) return markedEvent(raw, marked, problems);
    return { item: { kind: 'ambience', text: all.map((w) => w.word).join(' ') }, problems };
  }

  for (const extra of phrases.slice(1)) {
    problems.push({
      code: 'multiple-times',
      severity: 'warning',
      message:
        'One sound item can hold one time, so this second time is ignored; list each timed sound as its own item, separated by commas.',
      span: span(all, extra.first, extra.last),
    });
  }
  // A mask rather than a search per word: an item can hold thousands of time phrases.
  const inPhrase = new Uint8Array(all.length);
  for (const p of phrases) inPhrase.fill(1, p.first, p.last + 1);
  const label = unquote(
    all
      .filter((_, i) => inPhrase[i] === 0)
      .map((w) => w.word)
      .join(' '),
  );
  if (label === '') {
    problems.push({
      code: 'event-label-missing',
      severity: 'error',
      message: 'This time has no sound to go with it; name the sound, like "door slam at 00:05".',
      span: span(all, phrase.first, phrase.last),
    });
    return { item: { kind: 'none' }, problems };
  }
  return { item: { kind: 'event', label, startMs: phrase.startMs, endMs: phrase.endMs }, problems };
}

/** What after a time makes it an hour of the day: "7:30 pm", "07:30 in the morning", "6 o'clock". */
const HOUR_OF_DAY =
  /^(?:am|pm|a\.m\.?|p\.m\.?|o'clock|o’clock|hours?|hrs?|h|in\s+the\s+(?:morning|afternoon|evening)|at\s+night|tonight|sharp)\b/i;

/** "bell @00:02": the sign and the time are two words. */
function splitAtSigns(all: { word: string; from: number; to: number }[]): { word: string; from: number; to: number }[] {
  return all.flatMap((w) =>
    /^@\d/.test(w.word)
      ? [
          { word: '@', from: w.from, to: w.from + 1 },
          { word: w.word.slice(1), from: w.from + 1, to: w.to },
        ]
      : [w],
  );
}

/** A time as a mark: minutes and seconds ("00:02", "0:02.5"), or a number of seconds ("2s", "2.5 sec"). */
const CLOCK_MARK = String.raw`\d{1,2}:\d{2}(?:\.\d{1,3})?`;
const SECONDS_MARK = String.raw`\d{1,3}(?:\.\d{1,3})?\s?(?:ms|s|secs?|seconds?)`;
const MARK = `(?:${CLOCK_MARK}|${SECONDS_MARK})`;
const SPAN_JOIN = String.raw`\s*(?:[-–—]|to)\s*`;
/** "[00:02]", "[2s]", "[00:02-00:06]" at the start of an item, and what sets it off from the label. */
const LEADING_BRACKET = new RegExp(
  String.raw`^\s*\[\s*(${MARK})(?:${SPAN_JOIN}(${MARK}))?\s*\]\s*(?:[-–—:,]\s*)?`,
  'i',
);
/** "00:02 a bell rings", "00:02 – bell", "00:02-00:06 rain": a clock time opening an item. */
const LEADING_CLOCK = new RegExp(
  String.raw`^\s*(${CLOCK_MARK})(?:${SPAN_JOIN}(${CLOCK_MARK}))?(?![\d:])(?:\s*[-–—:,]\s*|\s+)`,
  'i',
);
/** "2s – bell": seconds open an item only when a dash or colon sets them off. */
const LEADING_SECONDS = new RegExp(
  String.raw`^\s*(${SECONDS_MARK})(?:${SPAN_JOIN}(${SECONDS_MARK}))?\s*[-–—:]\s*`,
  'i',
);
/** "bell (00:02)", "bell [00:02]", "bell – 00:02", "bell: 2s" at the end of an item. */
const TRAILING_MARK = new RegExp(
  String.raw`(?:\s*[(\[]\s*(${MARK})(?:${SPAN_JOIN}(${MARK}))?\s*[)\]]|\s+[-–—]\s*(${MARK})|:\s*(${MARK}))\s*[.!]*$`,
  'i',
);

interface MarkedTime {
  start: string;
  end: string | null;
  /** Where the label is in the item. */
  labelFrom: number;
  labelTo: number;
  /** Where the time is in the item. */
  markFrom: number;
  markTo: number;
}

/** A time set off at the start or end of an item, without "at": "[00:02] bell", "00:02 – bell", "bell (00:02)". */
function readMarkedTime(raw: string): MarkedTime | null {
  const lead = LEADING_BRACKET.exec(raw) ?? LEADING_CLOCK.exec(raw) ?? LEADING_SECONDS.exec(raw);
  if (lead?.[1] !== undefined) {
    const rest = raw.slice(lead[0].length);
    // "07:30 in the morning", "the 1970s": an hour or a decade, not a moment in the shot.
    if (HOUR_OF_DAY.test(rest) || /^\d*0s$/i.test(lead[1])) return null;
    const markFrom = raw.length - raw.trimStart().length;
    return {
      start: lead[1],
      end: lead[2] ?? null,
      labelFrom: lead[0].length,
      labelTo: raw.length,
      markFrom,
      markTo: markFrom + lead[0].trim().length,
    };
  }
  // Only the item's end is searched: the mark is short, and a long item then costs no more.
  const tailFrom = Math.max(0, raw.length - 64);
  const trail = TRAILING_MARK.exec(raw.slice(tailFrom));
  const start = trail?.[1] ?? trail?.[3] ?? trail?.[4];
  if (!trail || start === undefined || /^\d*0s$/i.test(start)) return null;
  const at = tailFrom + trail.index;
  return { start, end: trail[2] ?? null, labelFrom: 0, labelTo: at, markFrom: at, markTo: raw.length };
}

function markMs(mark: string): number | null {
  const parsed = parseWrittenTime(mark);
  return parsed.ok ? parsed.ms : null;
}

/** The event a marked time gives, with the problems a label or span can have. */
function markedEvent(
  raw: string,
  marked: MarkedTime,
  problems: ItemProblem[],
): { item: AudioItem; problems: ItemProblem[] } {
  const markSpan = { from: marked.markFrom, to: marked.markTo };
  const startMs = markMs(marked.start);
  if (startMs === null) return { item: { kind: 'ambience', text: stripFullStops(collapse(raw)) }, problems };
  let endMs = marked.end === null ? null : markMs(marked.end);
  if (endMs !== null && endMs <= startMs) {
    problems.push({
      code: 'bad-range',
      severity: 'error',
      message: `This sound ends at ${formatTime(endMs)}, not after its start at ${formatTime(startMs)}; give it an end later than its start.`,
      span: markSpan,
    });
    endMs = null;
  }
  const label = unquote(stripFullStops(collapse(raw.slice(marked.labelFrom, marked.labelTo))));
  if (label === '') {
    problems.push({
      code: 'event-label-missing',
      severity: 'error',
      message: 'This time has no sound to go with it; name the sound, like "door slam at 00:05".',
      span: markSpan,
    });
    return { item: { kind: 'none' }, problems };
  }
  return { item: { kind: 'event', label, startMs, endMs }, problems };
}

/** A label written in one pair of double quotes, `"glass, breaking"`, is the words between them. */
function unquote(label: string): string {
  return /^"[^"]*"$/.test(label) ? label.slice(1, -1).trim() : label;
}

/** A timed sound: "at 2s", "at 00:04", "at 3 s". */
const TIMED = /(?:\bat\s+|@\s*)\d[\d:.]*\s?(?:s|sec|secs|seconds?|ms)?\b/i;

/**
 * "a door slams at 2s and a dog barks at 4s" is two sounds: an item splits at an "and" that has
 * a timed sound on each side. Offsets are relative to the item.
 */
export function splitTimedSounds(raw: string): { text: string; from: number }[] {
  const parts: { text: string; from: number }[] = [];
  let start = 0;
  const quoted = quotedRanges(raw);
  for (const m of raw.matchAll(/\s+and\s+/gi)) {
    if (quoted.some((q) => m.index > q.from && m.index < q.to)) continue;
    const before = raw.slice(start, m.index);
    const after = raw.slice(m.index + m[0].length);
    const nextAnd = after.search(/\s+and\s+/i);
    const next = nextAnd === -1 ? after : after.slice(0, nextAnd);
    // "door at 1s and at 2s" is one sound given two times, not two sounds.
    if (TIMED.test(before) && TIMED.test(next) && !/^(?:at|from|until|till|between)\b/i.test(next)) {
      parts.push({ text: before, from: start });
      start = m.index + m[0].length;
    }
  }
  parts.push({ text: raw.slice(start), from: start });
  return parts;
}

function span(all: readonly { from: number; to: number }[], first: number, last: number): Span {
  return { from: all[first]?.from ?? 0, to: all[last]?.to ?? all[first]?.to ?? 0 };
}

/**
 * A sound's name as an Audio line writes it: bare when it reads back as itself, otherwise in
 * double quotes (a name holding a comma or semicolon, or words that read as a time: "door at 5s").
 */
export function writeAudioLabel(label: string): string {
  const bare = `${label} at 00:00`;
  if (isOneAudioItem(bare)) {
    const { item, problems } = readAudioItem(bare);
    if (problems.length === 0 && item.kind === 'event' && item.label === label) return label;
  }
  return `"${label}"`;
}

/**
 * Whether text stays one item of an Audio line wherever it is written: no comma or semicolon
 * splits it, no "and" joins two timed sounds, and no lone double quote pairs with a later item's.
 */
export function isOneAudioItem(text: string): boolean {
  if ((text.split('"').length - 1) % 2 !== 0) return false;
  const items = splitItems({ text, from: 0 }, { quotes: true });
  return items.length === 1 && items[0]?.text === text && splitTimedSounds(text).length === 1;
}

/** The canonical phrasing: "label at 00:05" or "label from 00:02 to 00:06". */
export function formatAudioEvent(event: { label: string; startMs: number; endMs: number | null }): string {
  const label = writeAudioLabel(event.label);
  return event.endMs === null
    ? `${label} at ${formatTime(event.startMs)}`
    : `${label} from ${formatTime(event.startMs)} to ${formatTime(event.endMs)}`;
}

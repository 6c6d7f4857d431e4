/**
 * Audio items in natural phrasing. "door slam at 00:05", "a door slams at 5s",
 * "at 0:05 the door slams", "rain from 00:02 to 00:06" and "rain until 00:04" are timed
 * events; anything without a time phrase is ambience for the whole shot. Items are separated
 * by commas and semicolons, so a sound whose name holds one is written in double quotes:
 * `"glass, breaking" at 00:02`; nothing between quotes is read as a time.
 */
import { formatTime, parseTime } from '../time';
import type { DiagnosticCode, Severity, Span } from './diagnostics';
import { quotedRanges, splitItems, stripFullStops, words } from './text';

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
  return /^\d[\d:.a-z]{0,31}$/i.test(bare) ? bare : null;
}

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
  const all = joinUnits(words(raw));
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
    if (word === 'at') {
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
  if (!phrase) return { item: { kind: 'ambience', text: all.map((w) => w.word).join(' ') }, problems };

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

/** A label written in one pair of double quotes, `"glass, breaking"`, is the words between them. */
function unquote(label: string): string {
  return /^"[^"]*"$/.test(label) ? label.slice(1, -1).trim() : label;
}

/** A timed sound: "at 2s", "at 00:04", "at 3 s". */
const TIMED = /\bat\s+\d[\d:.]*\s?(?:s|sec|secs|seconds?|ms)?\b/i;

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

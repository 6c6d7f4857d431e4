/** Dialogue entries: `[00:02] Girl: "Go on, fly!"`, one per line. */
import { formatTime, parseTime, parseWrittenTime } from '../time';
import type { ItemProblem } from './audio';
import { collapse } from './text';

export interface DialogueEntry {
  atMs: number;
  speaker: string;
  line: string;
}

/** An entry as read: `atMs` is null for an untimed line (`Mia: "Hi."`), spoken after the one before. */
export interface ReadEntry {
  atMs: number | null;
  speaker: string;
  line: string;
}

const CLOSING: Readonly<Record<string, string>> = { '"': '"', '“': '”', '”': '”', '„': '“' };

export interface DialogueRead {
  entry: ReadEntry | null;
  problems: ItemProblem[];
  /** The line opens a quote it never closes; the parser may join the next line and retry. */
  unterminated: boolean;
}

/** Reads one entry; spans in problems are relative to raw. */
export function readDialogueEntry(raw: string): DialogueRead {
  const problems: ItemProblem[] = [];
  const lead = raw.length - raw.trimStart().length;
  const text = raw.trim();
  const whole = { from: lead, to: lead + text.length };
  if (!text.startsWith('[')) {
    if (UNTIMED.test(text)) return readSpoken(text, lead, -1, null, problems);
    problems.push({
      code: 'bad-dialogue',
      severity: 'error',
      message:
        'A dialogue line needs a speaker and the words in quotes, like Girl: "Go on, fly!" or [00:02] Girl: "Go on, fly!".',
      span: whole,
    });
    return { entry: null, problems, unterminated: false };
  }
  const close = text.indexOf(']');
  if (close === -1 || close > 40) {
    problems.push({
      code: 'bad-dialogue',
      severity: 'error',
      message: 'The time in brackets is not closed; write it like [00:02].',
      span: whole,
    });
    return { entry: null, problems, unterminated: false };
  }
  const timeText = text.slice(1, close);
  const time = parseTime(timeText);
  if (!time.ok) {
    problems.push({
      code: 'bad-time',
      severity: 'error',
      message: `This time does not read: ${time.error}.`,
      span: { from: lead + 1, to: lead + close },
    });
  }
  return readSpoken(text, lead, close, time.ok ? time.ms : undefined, problems);
}

/** An untimed line: a speaker, a colon and an opening quote. */
const UNTIMED = /^[^:[\]"“”„]{1,40}:\s*["“”„]/;

/**
 * The speaker and the words after the time (or at the start, for an untimed line, when `close`
 * is -1); `atMs` undefined when the time did not read, null when there is none.
 */
function readSpoken(
  text: string,
  lead: number,
  close: number,
  atMs: number | null | undefined,
  problems: ItemProblem[],
): DialogueRead {
  const whole = { from: lead, to: lead + text.length };
  const rest = text.slice(close + 1);
  const colon = rest.indexOf(':');
  const speaker = colon === -1 ? '' : collapse(rest.slice(0, colon));
  if (colon === -1 || speaker === '') {
    problems.push({
      code: 'bad-dialogue',
      severity: 'error',
      message: 'Say who speaks before a colon, like [00:02] Girl: "Go on, fly!".',
      span: { from: lead + close + 1, to: whole.to },
    });
    return { entry: null, problems, unterminated: false };
  }
  const spoken = rest.slice(colon + 1).trim();
  const spokenFrom =
    lead + close + 1 + colon + 1 + (rest.slice(colon + 1).length - rest.slice(colon + 1).trimStart().length);
  let line = spoken;
  let unterminated = false;
  let at = atMs;
  const open = spoken[0];
  const closing = open === undefined ? undefined : CLOSING[open];
  if (closing !== undefined) {
    const closeAt = closingQuote(spoken, closing);
    if (closeAt > 0) {
      line = spoken.slice(1, closeAt);
      const after = spoken.slice(closeAt + 1);
      const afterFrom = spokenFrom + closeAt + 1 + (after.length - after.trimStart().length);
      at = readAfterQuote(after.trim(), afterFrom, at, problems);
    } else {
      unterminated = true;
      line = spoken.slice(1);
      problems.push({
        code: 'unterminated-quote',
        severity: 'error',
        message: 'This quote is never closed; end the spoken words with a closing quote mark.',
        span: { from: spokenFrom, to: spokenFrom + 1 },
      });
    }
  }
  if (at === undefined) return { entry: null, problems, unterminated };
  if (!unterminated && collapse(line) === '')
    problems.push({
      code: 'bad-dialogue',
      severity: 'warning',
      message: `${speaker}'s line has no words, so nothing is said; put the words between the quotes, like ${speaker}: "Hi."`,
      span: whole,
    });
  return { entry: { atMs: at, speaker, line: collapse(line) }, problems, unterminated };
}

/**
 * Where the words' quote closes: the last closing mark (a straight or curly one: writers mix
 * them), once straight quotes pair up (an odd count leaves one open). -1 when it never closes.
 */
function closingQuote(spoken: string, closing: string): number {
  if (spoken.length < 2) return -1;
  const curly = spoken.lastIndexOf('”');
  if (spoken[0] === '"' && (spoken.match(/"/g) ?? []).length % 2 === 1) return curly > 0 ? curly : -1;
  return Math.max(spoken.lastIndexOf(closing), spoken.lastIndexOf('"'), curly);
}

/** A moment as written: "00:03", "3s", "3.5 s", "3 seconds", "0:03.5", "1m05s", with a minus when before the shot. */
const TIME = String.raw`[-−–]?\s?\d(?:[\d:]|\.\d)*(?:\s?(?:ms|s|secs?|seconds?|m\d{1,2}s))?`;
/**
 * A moment written after the words, and what follows it: `"Hi." at 00:03`, `@ 3s`, `(00:03)`,
 * `(at 3s)`, `[3s]`, `- 00:05`; a minus touching the digits (`-1s`) is a moment before the shot.
 */
const MOMENT_AFTER = new RegExp(
  String.raw`^,?\s*(?:(?:at|@)\s*(${TIME})|\(\s*(?:(?:at|@)\s*)?(${TIME})\s*\)|\[\s*(${TIME})\s*\]|[-–—]\s+(${TIME})|([-−]${TIME}))(?![\w:])(.*)$`,
  'i',
);
/** "at 7:30 pm", "at 6 o'clock": an hour of the day, which a line cannot be timed by. */
const HOUR_OF_DAY =
  /\d\s*(?:am|pm|a\.m\.?|p\.m\.?|o'clock|o’clock)\b|\b(?:in the morning|in the evening|at night|tonight)\b/i;

/**
 * Reads what follows a line's closing quote. A moment there times the line (the same moment as a
 * [00:02] before the speaker); anything else is not spoken, and a warning says it is left out.
 * Returns the line's time: `at` unchanged, or the moment read.
 */
function readAfterQuote(
  after: string,
  from: number,
  at: number | null | undefined,
  problems: ItemProblem[],
): number | null | undefined {
  if (after === '' || /^[.!?…,;]+$/.test(after)) return at;
  const leftOut = (words: string, wordsFrom: number): void => {
    problems.push({
      code: 'bad-dialogue',
      severity: 'warning',
      message: `Only the words in quotes are spoken, so “${words}” after them is left out; put a sound in Audio, or time the line like [00:02] Mia: "Hi."`,
      span: { from: wordsFrom, to: wordsFrom + words.length },
    });
  };
  const moment = HOUR_OF_DAY.test(after) ? null : MOMENT_AFTER.exec(after);
  const written = (moment?.[1] ?? moment?.[2] ?? moment?.[3] ?? moment?.[4] ?? moment?.[5])?.trim();
  if (!moment || written === undefined) {
    leftOut(after, from);
    return at;
  }
  const rest = (moment[6] ?? '').trim().replace(/^[,;:]\s*/, '');
  const restWords = rest.replace(/^[.!?…,;]+$/, '');
  if (restWords !== '') leftOut(rest, from + after.length - rest.length);
  const timeSpan = { from, to: from + after.length - (moment[6] ?? '').length };
  if (/^[-−–]/.test(written)) {
    problems.push({
      code: 'bad-time',
      severity: 'error',
      message: `A line cannot come before its shot starts (${written.replace(/\s+/g, '')}); times count from 00:00, the start of the shot.`,
      span: timeSpan,
    });
    return undefined;
  }
  const time = parseWrittenTime(written);
  if (!time.ok) {
    problems.push({
      code: 'bad-time',
      severity: 'error',
      message: `This time does not read: ${time.error}.`,
      span: timeSpan,
    });
    return undefined;
  }
  if (typeof at === 'number') {
    problems.push({
      code: 'multiple-times',
      severity: 'warning',
      message: `This line is already timed at ${formatTime(at)}, so the ${formatTime(time.ms)} after it is ignored; keep one time.`,
      span: timeSpan,
    });
    return at;
  }
  return at === null ? time.ms : at;
}

/** Where a second speaker starts on the same line: a closing quote, then `Name: "` (or `[00:03] Name: "`). */
const NEXT_SPEAKER = new RegExp(
  String.raw`["”](\s*,?\s*(?:(?:at|@)\s*${TIME}|\(\s*(?:(?:at|@)\s*)?${TIME}\s*\))\s*[.,;]?)?\s+(?=(?:\[[^\]\n]{1,24}\]\s*)?[^:"“”„[\]\s][^:"“”„[\]]{0,39}:\s*["“„])`,
  'gi',
);

/**
 * `Anna: "Go." Ben: "Now?"` is two lines: splits a line where a new speaker starts after a
 * closing quote. Offsets are relative to the text.
 */
export function splitSpeakers(text: string): { text: string; from: number }[] {
  const parts: { text: string; from: number }[] = [];
  let start = 0;
  for (const m of text.matchAll(NEXT_SPEAKER)) {
    // Only a quote that closes one: the words before it hold an odd number of quote marks.
    const before = text.slice(start, m.index + 1);
    if (((before.match(/["“”„]/g) ?? []).length & 1) !== 0) continue;
    // A moment written after the line ("at 00:03", "(3s)") is the line's own; one in brackets
    // before the next speaker ("[00:03] Ben:") is that line's.
    parts.push({ text: text.slice(start, m.index + 1 + (m[1]?.length ?? 0)), from: start });
    start = m.index + m[0].length;
  }
  parts.push({ text: text.slice(start), from: start });
  return parts;
}

/** How long a line takes to say at a natural pace, for timing lines and checking overlaps. */
export function speechMs(line: string): number {
  const wordCount = line.split(/\s+/).filter((w) => w !== '').length;
  return Math.max(600, wordCount * 400);
}

/** A pause between one speaker's line and the next. */
const TURN_GAP_MS = 300;
/** When the first untimed line of a shot starts. */
const FIRST_LINE_MS = 500;

/** When a shot's first untimed line is spoken, if no line comes before it. */
export const FIRST_LINE_AT_MS = FIRST_LINE_MS;

/** When the next untimed line may start after this one: once it is said and a short pause has passed. */
export function afterLineMs(line: DialogueEntry): number {
  return line.atMs + speechMs(line.line) + TURN_GAP_MS;
}

/** The canonical entry: `[00:02] Girl: "Go on, fly!"`. */
export function formatDialogueEntry(entry: DialogueEntry): string {
  return `[${formatTime(entry.atMs)}] ${entry.speaker}: "${entry.line}"`;
}

/** Speakers are read up to the first colon, so they may not hold one, nor open with a bracket. */
export function isCanonicalSpeaker(speaker: string): boolean {
  return speaker !== '' && speaker === collapse(speaker) && !speaker.includes(':') && !speaker.startsWith('[');
}

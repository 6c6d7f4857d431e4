/** Dialogue entries: `[00:02] Girl: "Go on, fly!"`, one per line. */
import { formatTime, parseTime } from '../time';
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
  const open = spoken[0];
  const closing = open === undefined ? undefined : CLOSING[open];
  if (closing !== undefined) {
    const last = spoken[spoken.length - 1];
    if (spoken.length >= 2 && (last === closing || last === '"')) line = spoken.slice(1, -1);
    else {
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
  if (atMs === undefined) return { entry: null, problems, unterminated };
  return { entry: { atMs, speaker, line: collapse(line) }, problems, unterminated };
}

/** Where a second speaker starts on the same line: a closing quote, then `Name: "` (or `[00:03] Name: "`). */
const NEXT_SPEAKER = /["”]\s+(?=(?:\[[^\]\n]{1,24}\]\s*)?[^:"“”„[\]\s][^:"“”„[\]]{0,39}:\s*["“„])/g;

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
    parts.push({ text: before, from: start });
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

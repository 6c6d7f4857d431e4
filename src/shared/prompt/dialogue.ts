/** Dialogue entries: `[00:02] Girl: "Go on, fly!"`, one per line. */
import { formatTime, parseTime } from '../time';
import type { ItemProblem } from './audio';
import { collapse } from './text';

export interface DialogueEntry {
  atMs: number;
  speaker: string;
  line: string;
}

const CLOSING: Readonly<Record<string, string>> = { '"': '"', '“': '”', '”': '”', '„': '“' };

export interface DialogueRead {
  entry: DialogueEntry | null;
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
    problems.push({
      code: 'bad-dialogue',
      severity: 'error',
      message: 'A dialogue line needs a time, a speaker and the words, like [00:02] Girl: "Go on, fly!".',
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
  if (!time.ok) return { entry: null, problems, unterminated };
  return { entry: { atMs: time.ms, speaker, line: collapse(line) }, problems, unterminated };
}

/** The canonical entry: `[00:02] Girl: "Go on, fly!"`. */
export function formatDialogueEntry(entry: DialogueEntry): string {
  return `[${formatTime(entry.atMs)}] ${entry.speaker}: "${entry.line}"`;
}

/** Speakers are read up to the first colon, so they may not hold one, nor open with a bracket. */
export function isCanonicalSpeaker(speaker: string): boolean {
  return speaker !== '' && speaker === collapse(speaker) && !speaker.includes(':') && !speaker.startsWith('[');
}

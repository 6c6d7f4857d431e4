/**
 * Small text rules shared by the parser, the formatter and the schemas, so that what the
 * formatter prints is exactly what the parser reads back.
 */
import type { Span } from './diagnostics';

/** Tabs, newlines and runs of spaces become one space; ends are trimmed. */
export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Text the parser can hand back unchanged: one line, single spaces, no padding. */
export function isCanonicalText(text: string): boolean {
  return text === collapse(text);
}

/** List items (negatives, ambience) are split on these, so they may not contain them. */
export const LIST_SEPARATORS = /[,;]/;

/** A list item as the parser yields it: trimmed, collapsed, without a closing full stop. */
export function cleanItem(text: string): string {
  return stripFullStops(collapse(text));
}

/** Drops closing full stops; a loop rather than /\.+$/, which backtracks on long runs of dots. */
export function stripFullStops(text: string): string {
  let end = text.length;
  while (end > 0 && (text[end - 1] === '.' || text[end - 1] === ' ')) end--;
  return text.slice(0, end);
}

export function isCanonicalItem(text: string): boolean {
  return text !== '' && !LIST_SEPARATORS.test(text) && cleanItem(text) === text;
}

/** One piece of a value, with where it starts in the original text. */
export interface Piece {
  text: string;
  from: number;
  /** The piece is an item of a list ("- a bell rings", "1. wide shot"): it ends what came before it. */
  item?: boolean;
}

/** A list item's marker at the start of a line: "- ", "• ", "* ", "1. ", "2) ". */
const LIST_MARKER = /^(?:[-–•*·‣◦▪●]|\d{1,3}[.)])[ \t]+(?=\S)/;

/** How long the list marker opening a text is (0 when it has none). */
export function listMarkerLength(text: string): number {
  return LIST_MARKER.exec(text)?.[0].length ?? 0;
}

/** An item that is only a moment in the shot: "at 00:05", "At 3 s", "@ 00:05", "00:05", "[00:05]". */
const LEADING_MOMENT =
  /^\s*(?:(?:at\s+|@\s*)(?:\d{1,2}:\d{2}(?:\.\d{1,3})?|\d+(?:\.\d+)?\s?s(?:ec(?:ond)?s?)?)|\[?\s*\d{1,2}:\d{2}(?:\.\d{1,3})?\s*\]?)\s*$/i;

/** An item timed by its own words: "door at 1s", "rain from 00:02". */
function hasOwnTime(item: string): boolean {
  return /(?:\b(?:at|from|until|till|between)\s+|@\s*)\d/i.test(item);
}

/**
 * Splits a line's value on commas and semicolons, keeping the offset of each item's
 * first and last non-space character. With `quotes` (the Audio line), a comma or semicolon
 * between a pair of double quotes belongs to its item: `"glass, breaking" at 00:02` is one
 * sound. A double quote with no partner after it is an ordinary character.
 */
export function splitItems(piece: Piece, options: { quotes?: boolean } = {}): { text: string; span: Span }[] {
  const out: { text: string; span: Span }[] = [];
  let start = 0;
  const { text } = piece;
  for (let i = 0; i <= text.length; i++) {
    const ch = text[i];
    if (options.quotes && ch === '"') {
      const close = text.indexOf('"', i + 1);
      if (close !== -1) {
        i = close;
        continue;
      }
    }
    if (i === text.length || ch === ',' || ch === ';') {
      const raw = text.slice(start, i);
      // "at 00:05, the door slams": a moment set off by a comma times the item after it.
      if (ch === ',' && LEADING_MOMENT.test(raw) && !hasOwnTime(text.slice(i + 1).split(/[,;]/, 1)[0] ?? '')) continue;
      const lead = raw.length - raw.trimStart().length;
      const trimmed = raw.trim();
      if (trimmed !== '') {
        const from = piece.from + start + lead;
        out.push({ text: trimmed, span: { from, to: from + trimmed.length } });
      }
      start = i + 1;
    }
  }
  return out;
}

/** The stretches of a text between a pair of double quotes, each from its opening quote to its closing one. */
export function quotedRanges(text: string): Span[] {
  const out: Span[] = [];
  for (let open = text.indexOf('"'); open !== -1;) {
    const close = text.indexOf('"', open + 1);
    if (close === -1) break;
    out.push({ from: open, to: close + 1 });
    open = text.indexOf('"', close + 1);
  }
  return out;
}

/** Words with their offsets inside a string; whitespace separates them. */
export function words(text: string): { word: string; from: number; to: number }[] {
  const out: { word: string; from: number; to: number }[] = [];
  const re = /\S+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ word: m[0], from: m.index, to: m.index + m[0].length });
  return out;
}

/** Optimal-string-alignment distance: typos that swap two letters cost one edit. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  const at = (i: number, j: number): number => d[i * cols + j] ?? 0;
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      d[i * cols + j] = best;
    }
  }
  return at(a.length, b.length);
}

/** Calls `read` with each line of the text (without its \n or \r\n) and the offset it starts at. */
export function forEachLine(text: string, read: (line: string, from: number) => void): void {
  let pos = 0;
  for (;;) {
    const nl = text.indexOf('\n', pos);
    const lineEnd = nl === -1 ? text.length : nl;
    const contentEnd = lineEnd > pos && text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd;
    read(text.slice(pos, contentEnd), pos);
    if (nl === -1) break;
    pos = nl + 1;
  }
}

/** A `Shot N:` heading's words that are a sentence, not a title: three words or more ending with a stop. */
export function isSentenceHeading(text: string): boolean {
  return /^\S+(?:\s+\S+){2,}[.!?]$/.test(text);
}

/**
 * The text lines of a cue in SRT and WebVTT: the label, the note's lines, and a last line that
 * keeps the kind and whether the cue is a point (`[sfx · point]`; `[sfx · point at end]` when the
 * point is where the subtitle ends), so a file read back gives the same cues.
 */
import { CUE_KINDS, type CueData, type CueKind } from './types';

/**
 * The mark, read leniently: editors re-saving a file may pad it, change its case, or turn the
 * middle dot into another separator (or into "Â·" through the wrong code page).
 */
const MARK = /^\[\s*(sfx|dialogue|music|ambience|note)(?:\s*(?:Â?·|•|-|\|)\s*point(\s+at\s+end)?)?\s*\]$/i;

export function cueTextLines(cue: CueData, options: { pointAtEnd?: boolean } = {}): string[] {
  const point = cue.endMs === null ? (options.pointAtEnd ? ' · point at end' : ' · point') : '';
  const mark = `[${cue.kind}${point}]`;
  return [cue.label, ...(cue.note === '' ? [] : cue.note.split('\n')), mark];
}

export interface CueText {
  label: string;
  note: string;
  kind: CueKind | undefined;
  point: boolean;
  /** The point is where the subtitle ends, not where it starts. */
  pointAtEnd: boolean;
}

/** Reads lines written by cueTextLines, or a plain subtitle (its first line the label, the rest the note). */
export function readCueText(lines: readonly string[]): CueText {
  const last = (lines.at(-1) ?? '').trim();
  const mark = MARK.exec(last);
  const body = mark ? lines.slice(0, -1) : lines;
  const kind = mark ? CUE_KINDS.find((k) => k === mark[1]?.toLowerCase()) : undefined;
  const point = mark !== null && /point/i.test(last);
  return {
    label: body[0] ?? '',
    note: body.slice(1).join('\n'),
    kind,
    point,
    pointAtEnd: point && mark[2] !== undefined,
  };
}

/**
 * Subtitle files from other tools carry styling: HTML-like tags (`<i>`, `<b>`, `<u>`,
 * `<font color=…>`, and WebVTT's `<c.yellow>`, `<lang en>`, `<ruby>`, timestamps) and ASS
 * override blocks (`{\an8}`, `{\i1}`, `{\pos(10,20)}`); a cue keeps the words only. WebVTT's voice
 * tag `<v Anna>` keeps the speaker, as `Anna: `.
 */
export function withoutStyling(line: string): string {
  return line
    .replace(/<v(?:\.[\w.-]+)?\s+([^>]+)>/gi, (_, speaker: string) => `${speaker.trim()}: `)
    .replace(/<\/?(?:i|b|u|s|c|v|lang|ruby|rt|font)\b[^>]*>/gi, '')
    .replace(/<\d{2}:[\d:.]+>/g, '')
    .replace(/\{\\[^{}]*\}/g, '');
}

const JOINER = '\u2060';

/**
 * Our own text that would read as styling (`<B>`, `{\\an8}` in a label) gets a word joiner after
 * its `<` or `{`, one more if it had some, so withoutStyling leaves it and a file read back gives
 * the same label. Readers show it unchanged.
 */
export function guardStyling(line: string, { tags = true }: { tags?: boolean } = {}): string {
  const braces = line.replace(/\{(\u2060*)(?=\\)/g, `{${JOINER}$1`);
  // WebVTT writes every "<" as &lt;, so only SubRip needs its tags guarded.
  return tags ? braces.replace(/<(\u2060*)(?=\/?[A-Za-z]|\d)/g, `<${JOINER}$1`) : braces;
}

export function unguardStyling(line: string): string {
  return line.replace(/<\u2060(\u2060*)/g, '<$1').replace(/\{\u2060(\u2060*)/g, '{$1');
}

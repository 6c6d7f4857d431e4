/**
 * The text lines of a cue in SRT and WebVTT: the label, the note's lines, and a last line that
 * keeps the kind and whether the cue is a point, so a file read back gives the same cues.
 */
import { CUE_KINDS, type CueData, type CueKind } from './types';

const MARK = /^\[(sfx|dialogue|music|ambience|note)( · point)?\]$/;

export function cueTextLines(cue: CueData): string[] {
  const mark = `[${cue.kind}${cue.endMs === null ? ' · point' : ''}]`;
  return [cue.label, ...(cue.note === '' ? [] : cue.note.split('\n')), mark];
}

export interface CueText {
  label: string;
  note: string;
  kind: CueKind | undefined;
  point: boolean;
}

/** Reads lines written by cueTextLines, or a plain subtitle (its first line the label, the rest the note). */
export function readCueText(lines: readonly string[]): CueText {
  const last = lines.at(-1) ?? '';
  const mark = lines.length >= 2 ? MARK.exec(last) : null;
  const body = mark ? lines.slice(0, -1) : lines;
  const kind = mark ? CUE_KINDS.find((k) => k === mark[1]) : undefined;
  return { label: body[0] ?? '', note: body.slice(1).join('\n'), kind, point: mark?.[2] !== undefined };
}

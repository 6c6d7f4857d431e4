/**
 * A cue as the timeline edits it and as every cue file format reads and writes it.
 * Times are integer milliseconds from the start of the clip. A point cue has no end.
 */
import { z } from 'zod';

export const CUE_KINDS = ['sfx', 'dialogue', 'music', 'ambience', 'note'] as const;
export const CueKind = z.enum(CUE_KINDS);
export type CueKind = z.infer<typeof CueKind>;

/** Each kind's colour until the creator picks another. */
export const DEFAULT_KIND_COLORS: Readonly<Record<CueKind, string>> = {
  sfx: '#e5484d',
  dialogue: '#3e8ef7',
  music: '#a06cd5',
  ambience: '#3fb950',
  note: '#f5c800',
};

// Control characters (tab, newlines, NUL…) and the bidi overrides that can disguise text.
// eslint-disable-next-line no-control-regex
const UNSAFE_LABEL = /[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/;
// eslint-disable-next-line no-control-regex
const UNSAFE_NOTE = /[\u0000-\u0009\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/;

export const CueLabel = z
  .string()
  .trim()
  .min(1, 'a cue needs a label')
  .max(200, 'a cue label is at most 200 characters')
  .refine((text) => !UNSAFE_LABEL.test(text), 'a cue label is one line, without tabs or control characters');

/** Notes may run over several lines; blank lines and trailing spaces are dropped, as subtitle formats require. */
export const CueNote = z
  .string()
  .max(4000, 'a cue note is at most 4,000 characters')
  .transform(normaliseNote)
  .refine((text) => !UNSAFE_NOTE.test(text), 'a cue note has no control characters besides line breaks');

export const CueColor = z.string().regex(/^#[0-9a-f]{6}$/, 'a cue colour is written #rrggbb in lowercase');

export const CueData = z
  .strictObject({
    startMs: z.number().int().min(0, 'cue start must not be negative'),
    endMs: z.number().int().nullable(),
    label: CueLabel,
    note: CueNote,
    kind: CueKind,
    color: CueColor.nullable(),
  })
  .refine((cue) => cue.endMs === null || cue.endMs > cue.startMs, {
    error: 'a range cue must end after it starts (a point cue has no end)',
    path: ['endMs'],
  });
export type CueData = z.infer<typeof CueData>;

export function normaliseNote(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== '')
    .join('\n');
}

/** What a file needs besides the cues: the clip's length (to clamp) and frame rate (for frame-based formats). */
export interface CueFileContext {
  durationMs: number;
  fps: number;
  /** Names the timeline in formats that have one. */
  title?: string;
  /** A clip with sound and no picture: timeline formats put it on an audio track. */
  audioOnly?: boolean;
}

export const CUE_FORMATS = ['audacity', 'srt', 'webvtt', 'csv', 'otio', 'edl'] as const;
export const CueFormat = z.enum(CUE_FORMATS);
export type CueFormat = z.infer<typeof CueFormat>;

/** A cue file that cannot be read: the message names the line (1-based) and what was wrong there. */
export class CueFileError extends Error {
  constructor(
    readonly line: number,
    readonly problem: string,
  ) {
    super(`line ${line}: ${problem}`);
    this.name = 'CueFileError';
  }
}

/** A cue read from a file, before the library checks it: the fields the format could carry. */
export interface ReadCue {
  /** The line of the file the cue starts on, for errors; absent where a format has no lines to name. */
  line?: number;
  startMs: number;
  endMs: number | null;
  label: string;
  note?: string;
  kind?: CueKind;
  color?: string | null;
}

export interface CueFileFormat {
  readonly id: CueFormat;
  /** The menu item's name. */
  readonly label: string;
  /** The article the name takes as it is said ("an SRT subtitles file", "a CSV file"). */
  readonly article: 'a' | 'an';
  readonly extension: string;
  readonly mimeType: string;
  write(cues: readonly CueData[], context: CueFileContext): string;
  /** Throws CueFileError naming the first bad line; returns cues in file order. */
  read(text: string, context: CueFileContext): ReadCue[];
}

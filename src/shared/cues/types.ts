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

/**
 * A note as typed or pasted, made storable: a tab (a spreadsheet's cell break) becomes a space,
 * Windows and old Mac line ends become line breaks, and other control characters go.
 */
export function storableNote(text: string): string {
  return text
    .replace(/\t/g, ' ')
    .replace(/\r\n?/g, '\n')
    .replace(new RegExp(UNSAFE_NOTE.source, 'g'), '');
}

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

export const RANGE_ORDER_PROBLEM = 'a range cue must end after it starts (a point cue has no end)';

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
    error: RANGE_ORDER_PROBLEM,
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

/** One bad line of a cue file: where (1-based) and what was wrong there. */
export interface CueFileProblem {
  line: number;
  problem: string;
}

/** How many bad lines an error spells out; the rest are counted. */
export const PROBLEMS_SPELLED_OUT = 3;
/** How many bad lines' numbers an error lists. */
export const PROBLEM_LINES_LISTED = 6;

/**
 * Bad places in a file, as an import error gives them: `line 2: …` for one; for several, how
 * many, which (the first few numbers) and what was wrong at the first few:
 * `4 lines have mistakes (lines 2, 5, 7 and 9): line 2: …; line 5: …; line 7: …; and 1 more`.
 * `where` is "line 3", or "cue 3" where a format has no lines.
 */
export function describeProblems(problems: readonly { where: string; problem: string }[]): string {
  const [first] = problems;
  if (!first) return 'no mistakes';
  if (problems.length === 1) return `${first.where}: ${first.problem}`;
  const byLine = problems.every((p) => p.where.startsWith('line '));
  const numbers = problems.slice(0, PROBLEM_LINES_LISTED).map((p) => p.where.replace(/^\S+ /, ''));
  const unlisted = problems.length - numbers.length;
  const listed =
    unlisted > 0
      ? `${numbers.join(', ')} and ${unlisted} more`
      : `${numbers.slice(0, -1).join(', ')} and ${numbers.at(-1) ?? ''}`;
  const spelled = problems.slice(0, PROBLEMS_SPELLED_OUT).map((p) => `${p.where}: ${p.problem}`);
  const rest = problems.length - spelled.length;
  return (
    `${problems.length} ${byLine ? 'lines' : 'cues'} have mistakes (${byLine ? 'lines' : 'cues'} ${listed}): ` +
    `${spelled.join('; ')}${rest > 0 ? `; and ${rest} more` : ''}`
  );
}

/**
 * A cue file that cannot be read: every bad line (1-based) and what was wrong there, the first
 * as `line` and `problem`. Readers go on past a bad line, so one error names them all.
 */
export class CueFileError extends Error {
  readonly problems: readonly CueFileProblem[];

  constructor(
    readonly line: number,
    readonly problem: string,
    more: readonly CueFileProblem[] = [],
  ) {
    const problems = [{ line, problem }, ...more];
    super(describeProblems(problems.map((p) => ({ where: `line ${p.line}`, problem: p.problem }))));
    this.name = 'CueFileError';
    this.problems = problems;
  }

  static of(problems: readonly CueFileProblem[]): CueFileError {
    const [first, ...more] = problems;
    if (!first) throw new Error('a cue file error needs a problem');
    return new CueFileError(first.line, first.problem, more);
  }
}

/**
 * Reads each item (a line, a block, a row, a marker); a bad one's CueFileError is kept and the
 * reading goes on, so the error thrown at the end names every bad line, in file order. `null`
 * is an item that holds no cue.
 */
export function readEach<T, R>(items: readonly T[], read: (item: T) => R | null): R[] {
  const out: R[] = [];
  const problems: CueFileProblem[] = [];
  for (const item of items) {
    try {
      const result = read(item);
      if (result === null) continue;
      // A range that ends before it starts is named with the file's other bad lines, not after them.
      const cue = result as Partial<ReadCue>;
      if (typeof cue.line === 'number' && typeof cue.startMs === 'number' && typeof cue.endMs === 'number')
        if (cue.endMs <= cue.startMs) throw new CueFileError(cue.line, RANGE_ORDER_PROBLEM);
      out.push(result);
    } catch (error) {
      if (!(error instanceof CueFileError)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length > 0) throw CueFileError.of(problems.sort((a, b) => a.line - b.line));
  return out;
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
  /** Throws CueFileError naming every bad line; returns cues in file order. */
  read(text: string, context: CueFileContext): ReadCue[];
}

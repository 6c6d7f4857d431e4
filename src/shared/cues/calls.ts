/** The contract's cue calls and event: a clip's cues, edited one by one or read from and written to files. */
import { z } from 'zod';
import { RowId } from '../domain';
import { PeakFile, PeakLevelReply } from './peaks';
import { CueColor, CueData, CueFormat, CueKind, CueLabel, CueNote } from './types';

export const Cue = z.object({
  id: RowId,
  clipId: RowId,
  startMs: z.number().int().min(0),
  endMs: z.number().int().nullable(),
  label: z.string(),
  note: z.string(),
  kind: CueKind,
  color: z.string().nullable(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
  /** Copied from the parent clip when this remix was made, to check the remix kept its timing. */
  inherited: z.boolean().optional(),
});
export type Cue = z.infer<typeof Cue>;

export const CuePatch = z
  .object({
    startMs: z.number().int().min(0, 'cue start must not be negative').optional(),
    endMs: z.number().int().nullable().optional(),
    label: CueLabel.optional(),
    note: CueNote.optional(),
    kind: CueKind.optional(),
    color: CueColor.nullable().optional(),
  })
  .strict();
export type CuePatch = z.infer<typeof CuePatch>;

/** The most cues one call may create or one file may bring. */
export const MAX_CUES_PER_CALL = 5000;
/** The largest cue file read, in characters. */
// Two million characters stay under the browser studio's 8 MiB message limit even when every
// character takes three bytes (most non-Latin scripts).
export const MAX_CUE_FILE_CHARS = 2_000_000;

export const cueCalls = {
  'cues.list': { input: z.strictObject({ clipId: RowId }), output: z.array(Cue) },
  'cues.create': {
    input: z.strictObject({ clipId: RowId, cues: z.array(CueData).min(1).max(MAX_CUES_PER_CALL) }),
    output: z.array(Cue),
  },
  'cues.update': { input: z.strictObject({ id: RowId, patch: CuePatch }), output: Cue },
  'cues.delete': {
    input: z.strictObject({ ids: z.array(RowId).min(1).max(MAX_CUES_PER_CALL) }),
    output: z.object({ deleted: z.number().int() }),
  },
  'cues.import': {
    input: z.strictObject({
      clipId: RowId,
      format: CueFormat,
      text: z
        .string()
        .max(
          MAX_CUE_FILE_CHARS,
          'This cue file is larger than 2,000,000 characters. Nothing was imported: split it and import each part.',
        ),
    }),
    /** The cues added, and how many of the file's were left out as exact copies of the clip's (or each other). */
    output: z.object({ cues: z.array(Cue), skipped: z.number().int().nonnegative() }),
  },
  'cues.export': {
    input: z.strictObject({ clipId: RowId, format: CueFormat, ids: z.array(RowId).max(MAX_CUES_PER_CALL).optional() }),
    output: z.object({ fileName: z.string(), mimeType: z.string(), text: z.string() }),
  },
  /** The clip's waveform peaks, computed and stored on first open; null for a clip without sound. */
  'cues.peaks': { input: z.strictObject({ clipId: RowId }), output: PeakFile.nullable() },
  /**
   * The one level of the clip's peaks a view at `pixelsPerSecond` draws (computed first, like
   * cues.peaks, when none are stored); null for a clip without sound.
   */
  'cues.peakLevel': {
    input: z.strictObject({ clipId: RowId, pixelsPerSecond: z.number().positive().max(1_000_000) }),
    output: PeakLevelReply.nullable(),
  },
} as const;

export const PeaksState = z.enum(['computing', 'done', 'failed']);
export type PeaksState = z.infer<typeof PeaksState>;

export const cueEvents = {
  'cues.changed': z.object({ clipId: RowId }),
  /**
   * A clip's waveform peaks being computed in the background: `computing` with the fraction
   * done, then `done` (read them with cues.peaks) or `failed` with a message to show.
   */
  'cues.peaksProgress': z.object({
    clipId: RowId,
    state: PeaksState,
    fraction: z.number().min(0).max(1),
    message: z.string().optional(),
  }),
} as const;

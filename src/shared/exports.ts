/** The contract's export calls: clips out of the library as tagged files, projects as one bundle file and back. */
import { z } from 'zod';
import { CueFormat } from './cues/types';
import { ImportSource, Project, RowId } from './domain';

/** The most clips one export call takes (a multi-selection). */
export const MAX_EXPORT_CLIPS = 500;

export const ExportId = z.string().regex(/^[0-9a-f]{32}$/, 'must be an export id');

/** A file the studio has written and keeps for an hour, to be downloaded (browser) or saved (desktop). */
export const ExportedFile = z.object({
  id: ExportId,
  fileName: z.string(),
  bytes: z.number().int().nonnegative(),
});
export type ExportedFile = z.infer<typeof ExportedFile>;

const TaskId = z.string().min(1).max(64);

export const ExportPhase = z.enum(['export', 'write', 'read', 'verify', 'store', 'done']);
export type ExportPhase = z.infer<typeof ExportPhase>;

export const exportCalls = {
  /**
   * Exported copies of clips: each saved under its title and date, with its prompt, seed, provider
   * and model as tags (stream copy), and its cues beside it when `sidecar` names a cue format.
   */
  'exports.clips': {
    input: z.strictObject({
      ids: z.array(RowId).min(1, 'choose at least one clip to export').max(MAX_EXPORT_CLIPS),
      sidecar: CueFormat.nullable().default(null),
      taskId: TaskId.optional(),
    }),
    output: z.object({
      files: z.array(ExportedFile.extend({ kind: z.enum(['clip', 'cues']), clipId: RowId })),
      notes: z.array(z.string()),
    }),
  },
  /** One bundle file of a project: its clips, prompts, cues, tags, lineage and media. */
  'exports.project': {
    input: z.strictObject({ projectId: RowId, taskId: TaskId.optional() }),
    /** `clips` are those the project shows; `trashed` those in its Trash, which the bundle keeps too. */
    output: z.object({
      file: ExportedFile,
      clips: z.number().int(),
      trashed: z.number().int(),
      cues: z.number().int(),
    }),
  },
  /** Reads a bundle into a new project of this library; a damaged bundle is refused whole. */
  'exports.importProject': {
    input: z.strictObject({ source: ImportSource, taskId: TaskId.optional() }),
    output: z.object({
      project: Project,
      /** The clips in the new project, and those that arrive in the Trash (trashed in the bundle's library). */
      clips: z.number().int(),
      trashed: z.number().int().nonnegative(),
      cues: z.number().int(),
      notes: z.array(z.string()),
    }),
  },
  /** Forgets exported files once they are saved (they are swept after an hour otherwise). */
  'exports.discard': {
    input: z.strictObject({
      ids: z
        .array(ExportId)
        .min(1)
        .max(MAX_EXPORT_CLIPS * 2),
    }),
    output: z.object({ ok: z.literal(true) }),
  },
} as const;

export const exportEvents = {
  /** Progress of a long export or bundle import, matched to its call by taskId. */
  'exports.progress': z.object({
    taskId: TaskId,
    phase: ExportPhase,
    fraction: z.number().min(0).max(1),
  }),
} as const;

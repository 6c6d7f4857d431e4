import { z } from 'zod';
import { ClipFlag, ColorLabel } from './library/labels';

/** Row ids are SQLite integer keys. */
export const RowId = z.number().int().positive();

/** Media objects are addressed by the SHA-256 of their bytes, never by a path. */
export const MediaId = z.string().regex(/^[0-9a-f]{64}$/, 'must be a 64-character lowercase SHA-256 hex id');
export type MediaId = z.infer<typeof MediaId>;

/** Bidirectional formatting characters: an override (U+202E) can make "gpj.exe" read as "exe.jpg". */
const BIDI_CONTROLS = new Set([
  0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069,
]);

/** C0 and C1 controls (newline, tab and NUL among them) and the Unicode line and paragraph separators. */
const isControl = (code: number): boolean =>
  code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029;

/**
 * A title or name as one clean line: controls become spaces, bidirectional formatting
 * characters go, runs of white space shrink to one, and the ends are trimmed.
 */
export function cleanTitle(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (BIDI_CONTROLS.has(code)) continue;
    out += isControl(code) ? ' ' : char;
  }
  return out.replace(/\s+/g, ' ').trim();
}

export const ProjectName = z
  .string()
  .overwrite(cleanTitle)
  .min(1, 'project name must not be empty')
  .max(120, 'project name must be at most 120 characters');

export const Project = z.object({
  id: RowId,
  name: z.string(),
  archived: z.boolean(),
  clipCount: z.number().int().nonnegative(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
});
export type Project = z.infer<typeof Project>;

export const ClipTitle = z
  .string()
  .overwrite(cleanTitle)
  .min(1, 'clip title must not be empty')
  .max(200, 'clip title must be at most 200 characters');

export const Clip = z.object({
  id: RowId,
  projectId: RowId,
  title: z.string(),
  promptText: z.string().nullable(),
  provider: z.string(),
  model: z.string().nullable(),
  seed: z.number().int().nullable(),
  durationMs: z.number().int().nonnegative(),
  width: z.number().int().nonnegative().nullable(),
  height: z.number().int().nonnegative().nullable(),
  fps: z.number().nonnegative().nullable(),
  mediaId: MediaId,
  mimeType: z.string(),
  videoCodec: z.string().nullable(),
  audioCodec: z.string().nullable(),
  posterId: MediaId.nullable(),
  /** The poster at the size of a library card (src/main/media/cardPoster.ts); null until made. */
  cardPosterId: MediaId.nullable(),
  spriteId: MediaId.nullable(),
  peaksId: MediaId.nullable(),
  parentId: RowId.nullable(),
  rating: z.number().int().min(0).max(5).nullable(),
  flag: ClipFlag.nullable(),
  colorLabel: ColorLabel.nullable(),
  /** Tag names, alphabetical. */
  tags: z.array(z.string()),
  /** Size of the clip's media file. */
  bytes: z.number().int().nonnegative(),
  createdAt: z.number().int(),
  /** When the clip went to the Trash; null for a clip in its project. */
  trashedAt: z.number().int().nullable(),
});
export type Clip = z.infer<typeof Clip>;

/** Where an imported file comes from: a path on the studio's machine, or bytes uploaded to the browser studio. */
export const ImportSource = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('path'), path: z.string().min(1, 'path must not be empty') }),
  z.strictObject({
    kind: z.literal('upload'),
    uploadId: z.string().regex(/^[0-9a-f]{32}$/, 'must be an upload id returned by the upload endpoint'),
    name: z.string().min(1, 'name must not be empty').max(255),
  }),
]);
export type ImportSource = z.infer<typeof ImportSource>;

export const ImportPhase = z.enum(['upload', 'probe', 'copy', 'poster', 'done', 'failed']);
export type ImportPhase = z.infer<typeof ImportPhase>;

export const ImportFailure = z.object({ name: z.string(), message: z.string() });
export type ImportFailure = z.infer<typeof ImportFailure>;
/** A file of an import that was in the project already (imported before, or earlier in the same import): nothing was added for it. */
export const ImportAlready = z.object({ name: z.string(), clipId: RowId });
export type ImportAlready = z.infer<typeof ImportAlready>;

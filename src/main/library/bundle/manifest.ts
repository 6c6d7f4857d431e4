/**
 * A project bundle (`.shotline` file) is a POSIX tar holding, in order:
 *   shotline-project.json    the manifest below (project, media rows, clip rows, cue rows, tags,
 *                            smart collections)
 *   media/ab/<sha256>        each stored file the clips point at, named by its SHA-256
 *   shotline-project.sha256  the SHA-256 of the manifest's bytes, as hex
 * Rows keep the library's own column names, so a column a later version adds travels with them.
 * Clip and cue ids are the exporting library's; an importing library gives them new ones.
 */
import { z } from 'zod';

export const BUNDLE_FORMAT = 'shotline-project';
export const BUNDLE_VERSION = 1;
export const BUNDLE_EXTENSION = 'shotline';
export const MANIFEST_ENTRY = 'shotline-project.json';
export const CHECKSUM_ENTRY = 'shotline-project.sha256';
/** Larger manifests (hundreds of thousands of clips with long prompts) are refused rather than read into memory. */
export const MAX_MANIFEST_BYTES = 256 * 1024 ** 2;

export const mediaEntryName = (id: string): string => `media/${id.slice(0, 2)}/${id}`;
export const MEDIA_ENTRY = /^media\/([0-9a-f]{2})\/([0-9a-f]{64})$/;

const Cell = z.union([z.string(), z.number(), z.null()]);
const Row = z.record(z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, 'not a column name'), Cell);
const WithId = <T extends z.ZodType>(id: T) => Row.and(z.object({ id }));

export const MediaRow = WithId(z.string().regex(/^[0-9a-f]{64}$/)).and(
  z.object({ bytes: z.number().int().nonnegative() }),
);
export const KeyedRow = WithId(z.number().int().positive());
export type BundleRow = z.infer<typeof Row>;

export const BundleHead = z.object({ format: z.string(), version: z.number().int() });

export const Manifest = z.object({
  format: z.literal(BUNDLE_FORMAT),
  version: z.literal(BUNDLE_VERSION),
  exportedAt: z.number().int(),
  app: z.string(),
  project: z.object({ name: z.string().min(1).max(200) }),
  media: z.array(MediaRow),
  clips: z.array(KeyedRow),
  cues: z.array(KeyedRow),
  clipTags: z.array(z.object({ clipId: z.number().int().positive(), tag: z.string().min(1).max(200) })),
  /**
   * Smart collections: name and query (search, filter, sort; no ids). Older bundles have none. A
   * query is read through ClipQuery on import, so one this version cannot read is left out with a note.
   */
  savedFilters: z.array(z.object({ name: z.string().min(1).max(200), query: z.unknown() })).default([]),
});
export type Manifest = z.infer<typeof Manifest>;

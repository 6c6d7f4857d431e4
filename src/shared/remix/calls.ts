/** The contract's lineage calls: a clip's ancestors and descendants, and what a remix changed. */
import { z } from 'zod';
import { MediaId, RowId } from '../domain';
import { PromptDiff } from './promptDiff';

/** One version in a family: enough to list it, draw it and pick it for Compare. */
export const LineageNode = z.object({
  id: RowId,
  parentId: RowId.nullable(),
  projectId: RowId,
  title: z.string(),
  provider: z.string(),
  model: z.string().nullable(),
  seed: z.number().int().nullable(),
  durationMs: z.number().int().nonnegative(),
  posterId: MediaId.nullable(),
  rating: z.number().int().min(0).max(5).nullable(),
  createdAt: z.number().int(),
  /** When the version was moved to the Trash; null for a live one. Kept in the family so its line reads whole. */
  trashedAt: z.number().int().nullable(),
  /** Steps from the first version listed (the oldest ancestor). */
  depth: z.number().int().nonnegative(),
  /** Its number in the whole family, whatever the scope asked for: 1 for the original, then by creation order. */
  version: z.number().int().positive(),
});
export type LineageNode = z.infer<typeof LineageNode>;

/** line: the clip's ancestors, itself and its descendants; family: every version descended from its oldest ancestor. */
export const LineageScope = z.enum(['line', 'family']);
export type LineageScope = z.infer<typeof LineageScope>;

export const Lineage = z.object({
  clipId: RowId,
  /** Oldest ancestor first; every node's parent comes before it. */
  nodes: z.array(LineageNode),
});
export type Lineage = z.infer<typeof Lineage>;

export const lineageCalls = {
  'lineage.get': {
    input: z.strictObject({ clipId: RowId, scope: LineageScope.default('line') }),
    output: Lineage,
  },
  /** What a remix changed against its parent, stored when it was made; null for a clip without a parent. */
  'lineage.changes': {
    input: z.strictObject({ clipId: RowId }),
    output: PromptDiff.nullable(),
  },
} as const;

/** How a creator organises clips: flags, colour labels, tags, and the query that sorts and filters the library. */
import { z } from 'zod';
import { cleanTitle } from '../domain';
import { ColorLabel } from './labels';

export { CLIP_FLAGS, ClipFlag, COLOR_LABELS, ColorLabel } from './labels';

export const Rating = z
  .number({ error: 'rating must be a whole number from 0 (no rating) to 5' })
  .int('rating must be a whole number from 0 (no rating) to 5')
  .min(0, 'rating must be from 0 (no rating) to 5')
  .max(5, 'rating must be from 0 (no rating) to 5');

export const MAX_TAG_CHARS = 40;
export const TagName = z
  .string()
  .overwrite(cleanTitle)
  .min(1, 'a tag must not be empty')
  .max(MAX_TAG_CHARS, `a tag must be at most ${MAX_TAG_CHARS} characters`);

/** Keys the library sorts by; the list view's columns use the same names. */
export const SORT_KEYS = [
  'created',
  'title',
  'duration',
  'rating',
  'size',
  'fps',
  'provider',
  'model',
  'seed',
  'tags',
  'relevance',
] as const;
export const SortKey = z.enum(SORT_KEYS);
export type SortKey = z.infer<typeof SortKey>;

/**
 * The order a sort starts in when it is chosen: words A to Z, numbers, dates and ratings from
 * the most (newest, longest, best) down.
 */
export function firstDirection(by: SortKey): 'asc' | 'desc' {
  return by === 'title' || by === 'provider' || by === 'model' || by === 'tags' ? 'asc' : 'desc';
}

export const ClipSort = z.strictObject({
  by: SortKey.default('created'),
  dir: z.enum(['asc', 'desc']).default('desc'),
});
export type ClipSort = z.infer<typeof ClipSort>;

const EpochMs = z.number().int().min(0, 'a date must not be before 1970');

export const ClipFilter = z
  .strictObject({
    provider: z.string().min(1).max(40).optional(),
    tag: TagName.optional(),
    /** Clips rated at least this many stars. */
    minRating: z
      .number()
      .int()
      .min(1, 'minimum rating must be from 1 to 5')
      .max(5, 'minimum rating must be from 1 to 5')
      .optional(),
    flag: z.enum(['pick', 'reject', 'flagged', 'unflagged']).optional(),
    color: ColorLabel.optional(),
    hasCues: z.boolean().optional(),
    isRemix: z.boolean().optional(),
    /** Made at or after this time (epoch ms). */
    from: EpochMs.optional(),
    /** Made before this time (epoch ms). */
    to: EpochMs.optional(),
  })
  .refine((f) => f.from === undefined || f.to === undefined || f.from <= f.to, {
    error: 'the date range ends before it starts',
    path: ['to'],
  });
export type ClipFilter = z.infer<typeof ClipFilter>;

export const MAX_SEARCH_CHARS = 200;

/** What the library shows: search text, filters and sort, as a smart collection saves them. */
export const ClipQuery = z.strictObject({
  text: z
    .string()
    .trim()
    .max(MAX_SEARCH_CHARS, `search text must be at most ${MAX_SEARCH_CHARS} characters`)
    .default(''),
  filter: ClipFilter.default({}),
  sort: ClipSort.default({ by: 'created', dir: 'desc' }),
});
export type ClipQuery = z.infer<typeof ClipQuery>;
export type ClipQueryInput = z.input<typeof ClipQuery>;

/** A stretch of a search snippet; `match` marks the words the search found. */
export const SnippetPart = z.object({ text: z.string(), match: z.boolean() });
export type SnippetPart = z.infer<typeof SnippetPart>;

export const SavedFilterName = z
  .string()
  .overwrite(cleanTitle)
  .min(1, 'a saved filter needs a name')
  .max(80, 'a saved filter name must be at most 80 characters');

export const SavedFilter = z.object({
  id: z.number().int().positive(),
  projectId: z.number().int().positive(),
  name: z.string(),
  query: ClipQuery,
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
});
export type SavedFilter = z.infer<typeof SavedFilter>;

/** The most clips one bulk call changes. */
export const MAX_BULK_CLIPS = 100_000;

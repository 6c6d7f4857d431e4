/** The contract's library-organisation calls: query pages, ratings, flags, labels, tags, moves, the Trash, saved filters. */
import { z } from 'zod';
import { Clip, RowId } from '../domain';
import { ClipFlag, ColorLabel } from './labels';
import { ClipQuery, MAX_BULK_CLIPS, Rating, SavedFilter, SavedFilterName, SnippetPart, TagName } from './organise';

/** The most clips one page brings; the grid asks for a page as it scrolls. */
export const MAX_PAGE = 500;

const ClipIds = z
  .array(RowId)
  .min(1, 'choose at least one clip')
  .max(MAX_BULK_CLIPS, `one change reaches at most ${MAX_BULK_CLIPS.toLocaleString('en')} clips`);

const TagNames = z.array(TagName).min(1, 'name at least one tag').max(20, 'at most 20 tags at once');

const Changed = z.object({ changed: z.number().int().nonnegative() });

/** A clip a move left where it was: the project it was sent to has a clip with its file. */
export const MoveAlready = z.object({
  clipId: RowId,
  title: z.string(),
  sameAs: z.object({ clipId: RowId, title: z.string() }),
});
export type MoveAlready = z.infer<typeof MoveAlready>;

const Moved = Changed.extend({ already: z.array(MoveAlready) });

export const ClipHit = z.object({
  clip: Clip,
  snippet: z.array(SnippetPart).nullable(),
  /** The clip's version number in its family (1 for the original, by creation order); null for a clip with no other version. */
  version: z.number().int().positive().nullable(),
});
export type ClipHit = z.infer<typeof ClipHit>;

export const TagUse = z.object({ name: z.string(), count: z.number().int().nonnegative() });
export type TagUse = z.infer<typeof TagUse>;

export const libraryCalls = {
  /** One page of a project's clips (never the Trash), searched, filtered and sorted, with the total. */
  'library.query': {
    input: z.strictObject({
      projectId: RowId,
      query: ClipQuery.default({ text: '', filter: {}, sort: { by: 'created', dir: 'desc' } }),
      offset: z.number().int().min(0, 'offset must not be negative').default(0),
      limit: z.number().int().min(1).max(MAX_PAGE, `a page holds at most ${MAX_PAGE} clips`).default(200),
    }),
    output: z.object({ total: z.number().int().nonnegative(), hits: z.array(ClipHit) }),
  },
  /**
   * Every clip a query finds (its search and filters; the order is not kept), for Select all: at
   * most MAX_BULK_CLIPS, with the total, so a larger set can be told apart.
   */
  'library.queryIds': {
    input: z.strictObject({
      projectId: RowId,
      query: ClipQuery.default({ text: '', filter: {}, sort: { by: 'created', dir: 'desc' } }),
    }),
    output: z.object({ total: z.number().int().nonnegative(), ids: z.array(RowId) }),
  },
  /**
   * The ids of the clips at `offset` to `offset + limit - 1` in a query's order (its search,
   * filters and sort), as its pages list them, without the clips themselves: a Shift+click's
   * range reaches clips on pages the grid has not loaded. At most MAX_BULK_CLIPS.
   */
  'library.queryIdRange': {
    input: z.strictObject({
      projectId: RowId,
      query: ClipQuery.default({ text: '', filter: {}, sort: { by: 'created', dir: 'desc' } }),
      offset: z.number().int().min(0, 'offset must not be negative'),
      limit: z
        .number()
        .int()
        .min(1, 'a range holds at least one clip')
        .max(MAX_BULK_CLIPS, `one change reaches at most ${MAX_BULK_CLIPS.toLocaleString('en')} clips`),
    }),
    output: z.object({ ids: z.array(RowId) }),
  },
  /** How many of these clips are outside the Trash, and their length and file size together. */
  'library.selectionSummary': {
    input: z.strictObject({ ids: ClipIds }),
    output: z.object({
      clips: z.number().int().nonnegative(),
      durationMs: z.number().int().nonnegative(),
      bytes: z.number().int().nonnegative(),
    }),
  },
  /** Rating 0 clears the stars. */
  'library.setRating': { input: z.strictObject({ ids: ClipIds, rating: Rating }), output: Changed },
  /** null clears the pick or reject. */
  'library.setFlag': { input: z.strictObject({ ids: ClipIds, flag: ClipFlag.nullable() }), output: Changed },
  'library.setColor': { input: z.strictObject({ ids: ClipIds, color: ColorLabel.nullable() }), output: Changed },
  'library.addTags': { input: z.strictObject({ ids: ClipIds, tags: TagNames }), output: Changed },
  'library.removeTags': { input: z.strictObject({ ids: ClipIds, tags: TagNames }), output: Changed },
  /** Tags in use, most used first; with a prefix, those starting with it, then those with a later word starting with it (the tag box's suggestions). */
  'library.tags': {
    input: z.strictObject({
      projectId: RowId.optional(),
      prefix: z.string().max(40).default(''),
      limit: z.number().int().min(1).max(200).default(20),
    }),
    output: z.array(TagUse),
  },
  /**
   * Moves clips to another project; a clip whose file (the same SHA-256) a clip there already has
   * stays where it is and is listed in `already`, with the clip it matches. `putBack` is an undo's
   * move: the clips return to the project they came from even where it holds their file too (as
   * it did before they left).
   */
  'library.move': {
    input: z.strictObject({ ids: ClipIds, projectId: RowId, putBack: z.boolean().default(false) }),
    output: Moved,
  },
  /** Moves clips to the Trash; clips.delete does the same for one. */
  'library.trash': { input: z.strictObject({ ids: ClipIds }), output: Changed },
  'library.restore': { input: z.strictObject({ ids: ClipIds }), output: Changed },
  /** The Trash of the whole library, most recently trashed first. */
  'library.trashList': {
    input: z.strictObject({
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(MAX_PAGE).default(200),
    }),
    output: z.object({
      total: z.number().int().nonnegative(),
      /** What emptying the Trash would free: files its clips use that no other clip does. */
      bytes: z.number().int().nonnegative(),
      /** Clips in the Trash with remixes outside it (those remixes stay, under the nearest version left). */
      withRemixes: z.number().int().nonnegative(),
      /**
       * Each with what emptying frees for it: its file, poster, card poster, sprite sheet and
       * waveform that no clip outside the Trash uses; a file trashed clips share counts once,
       * under the oldest. Over the whole Trash these add up to `bytes`.
       */
      clips: z.array(
        Clip.extend({
          freesBytes: z.number().int().nonnegative(),
          /** How many other clips, in the Trash or not, use its video or audio file (a project imported twice, say). */
          sharesFileWith: z.number().int().nonnegative(),
          /** The clip's project; restoring a clip of a deleted project brings that project back. */
          project: z.object({ name: z.string(), deleted: z.boolean() }),
        }),
      ),
    }),
  },
  /** Deletes the clips in the Trash for good, and the files no other clip uses; says how much space that freed. */
  'library.emptyTrash': {
    input: z.strictObject({}),
    output: z.object({
      clips: z.number().int().nonnegative(),
      /** The clips deleted for good. */
      ids: z.array(RowId),
      files: z.number().int().nonnegative(),
      bytesFreed: z.number().int().nonnegative(),
      /** Deleted projects removed with their last clip. */
      projects: z.number().int().nonnegative(),
    }),
  },
  'library.filters': { input: z.strictObject({ projectId: RowId }), output: z.array(SavedFilter) },
  /** Saving under a name the project already uses replaces that filter. */
  'library.saveFilter': {
    input: z.strictObject({ projectId: RowId, name: SavedFilterName, query: ClipQuery }),
    output: SavedFilter,
  },
  'library.deleteFilter': { input: z.strictObject({ id: RowId }), output: z.object({ ok: z.literal(true) }) },
} as const;

export const libraryEvents = {
  /** Clips went into or out of the Trash, or it was emptied. */
  'library.trashChanged': z.object({}),
  /** A project's saved filters changed. */
  'library.filtersChanged': z.object({ projectId: RowId }),
  /**
   * Card posters being made in the background for clips that lack them: posters done of those
   * lacking one when it began; the last event has `done` equal to `total`.
   */
  'library.cardPostersProgress': z.object({ done: z.number().int().nonnegative(), total: z.number().int().positive() }),
} as const;

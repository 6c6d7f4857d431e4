/**
 * A clip's sprite sheet: the thumbnails the library scrubs through on hover, so the renderer
 * never decodes video to show a frame. One JPEG row of SPRITE_TILES frames, each
 * SPRITE_TILE_WIDTH pixels wide (height follows the clip's shape), frame i taken at
 * (i + 0.5) / SPRITE_TILES of the clip. Renders keep one as they are ingested; imports and
 * clips from older libraries get theirs in the background (`clips.sprite`).
 */
import { z } from 'zod';
import { MediaId, RowId } from './domain';

export const SPRITE_TILES = 10;
export const SPRITE_TILE_WIDTH = 160;

/** The tile shown with the pointer at `fraction` (0 at the left edge, 1 at the right) of a card. */
export function spriteTileAt(fraction: number, tiles = SPRITE_TILES): number {
  if (!Number.isFinite(fraction)) return 0;
  return Math.min(tiles - 1, Math.max(0, Math.floor(fraction * tiles)));
}

export const SpriteState = z.enum(['computing', 'done', 'failed']);
export type SpriteState = z.infer<typeof SpriteState>;

export const spriteCalls = {
  /**
   * The clip's sprite sheet, made first (ahead of any waiting in the background) when it has
   * none; null for a clip without a picture.
   */
  'clips.sprite': {
    input: z.strictObject({ clipId: RowId }),
    output: z.object({ spriteId: MediaId.nullable() }),
  },
} as const;

export const spriteEvents = {
  /**
   * A clip's sprite sheet being made in the background: `computing` with the fraction done, then
   * `done` with its id, or `failed` with a message (asking `clips.sprite` again retries).
   */
  'clips.spriteProgress': z.object({
    clipId: RowId,
    state: SpriteState,
    fraction: z.number().min(0).max(1),
    spriteId: MediaId.optional(),
    message: z.string().optional(),
  }),
} as const;

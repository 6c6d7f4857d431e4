/**
 * Clips' sprite sheets for hover scrubbing in the library. Renders keep one when they are
 * ingested; imported clips get theirs in the background right after the import, one clip at a
 * time; a clip that still lacks one (from an older library, or whose sheet failed) gets it at
 * once when the library asks (`clips.sprite`, on hover). Progress goes out as
 * `clips.spriteProgress` events.
 */
import { StudioError } from '../../../shared/errors';
import { writeSpriteSheet } from '../../jobs/derivatives';
import { mediaRecord } from '../../library/clips';
import { clipQueue } from './clipQueue';
import type { HandlerContext } from './context';

type SpritesContext = Pick<HandlerContext, 'clips' | 'store' | 'background' | 'hub'>;

export interface ClipSprites {
  /** The clip's sprite sheet id, made first when it has none; null for a clip without a picture. */
  ensure(clipId: number): Promise<string | null>;
  /** Makes the sprite sheets of clips that lack them in the background, one after another. */
  schedule(clipIds: readonly number[]): void;
}

/** Whole percents only: one event per frame of a long clip would flood the renderer. */
function progressReporter(ctx: SpritesContext, clipId: number): (fraction: number) => void {
  let last = -1;
  return (fraction) => {
    const percent = Math.floor(fraction * 100);
    if (percent <= last || percent >= 100) return;
    last = percent;
    ctx.hub.emit('clips.spriteProgress', { clipId, state: 'computing', fraction: percent / 100 });
  };
}

async function make(ctx: SpritesContext, clipId: number, signal: AbortSignal): Promise<string | null> {
  const clip = ctx.clips.get(clipId);
  if (clip.spriteId !== null && (await ctx.store.has(clip.spriteId))) return clip.spriteId;
  if (clip.width === null || clip.videoCodec === null) return null;
  const report = progressReporter(ctx, clipId);
  report(0);
  const out = ctx.store.tempPath('.jpg');
  try {
    const mediaPath = ctx.store.pathOf(clip.mediaId);
    if (mediaPath === null || !(await ctx.store.has(clip.mediaId)))
      throw new StudioError('not_found', `The media of “${clip.title}” is missing from the library's store.`);
    await writeSpriteSheet(mediaPath, clip.durationMs, out, signal, report);
    const object = await ctx.store.putFile(out, { signal });
    ctx.clips.transaction(() => {
      ctx.clips.upsertMedia(mediaRecord(object, 'image/jpeg'));
      ctx.clips.setSprite(clipId, object.id);
    });
    ctx.hub.emit('clips.spriteProgress', { clipId, state: 'done', fraction: 1, spriteId: object.id });
    return object.id;
  } catch (error) {
    if (!signal.aborted) {
      const message = error instanceof Error ? error.message : String(error);
      ctx.hub.emit('clips.spriteProgress', {
        clipId,
        state: 'failed',
        fraction: 0,
        message: `No hover preview for “${clip.title}”: ${message}`,
      });
    }
    throw error;
  } finally {
    await ctx.store.removeTemp(out);
  }
}

export function clipSprites(ctx: SpritesContext): ClipSprites {
  const queue = clipQueue(ctx.background, (clipId, signal) => make(ctx, clipId, signal));
  return {
    ensure(clipId) {
      const clip = ctx.clips.get(clipId);
      if (clip.width === null || clip.videoCodec === null) return Promise.resolve(null);
      if (clip.spriteId !== null) return Promise.resolve(clip.spriteId);
      return queue.now(clipId);
    },
    schedule: (clipIds) => queue.later(clipIds),
  };
}

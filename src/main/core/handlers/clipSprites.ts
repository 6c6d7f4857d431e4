/**
 * Clips' sprite sheets for hover scrubbing in the library. Renders keep one when they are
 * ingested; imported clips get theirs in the background right after the import, one clip at a
 * time; a clip that still lacks one (from an older library, or whose sheet failed) gets it first
 * in line when the library asks (`clips.sprite`, on hover). Progress goes out as
 * `clips.spriteProgress` events.
 */
import { StudioError } from '../../../shared/errors';
import { writeSpriteSheet } from '../../jobs/derivatives';
import { mediaRecord } from '../../library/clips';
import type { HandlerContext } from './context';

type SpritesContext = Pick<HandlerContext, 'clips' | 'store' | 'background' | 'hub'>;

export interface ClipSprites {
  /** The clip's sprite sheet id, made first when it has none; null for a clip without a picture. */
  ensure(clipId: number): Promise<string | null>;
  /** Makes the sprite sheets of clips that lack them in the background, one after another. */
  schedule(clipIds: readonly number[]): void;
}

interface Waiting {
  clipId: number;
  done: Promise<string | null>;
  resolve: (spriteId: string | null) => void;
  reject: (error: unknown) => void;
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
  const line: Waiting[] = [];
  let pumping = false;
  let closed = false;

  const pump = (): void => {
    if (pumping || closed) return;
    pumping = true;
    void ctx.background
      .run(async (signal) => {
        for (let next = line[0]; next !== undefined && !closed; next = line[0]) {
          try {
            next.resolve(await make(ctx, next.clipId, signal));
          } catch (error) {
            next.reject(error);
          }
          line.shift();
          if (signal.aborted) closed = true;
        }
      })
      .catch(() => undefined)
      .finally(() => {
        pumping = false;
        if (closed) {
          // The studio is closing: nobody will make these.
          for (const left of line.splice(0)) left.reject(new StudioError('canceled', 'Canceled.'));
        } else if (line.length > 0) pump();
      });
  };

  const enter = (clipId: number, first: boolean): Promise<string | null> => {
    const queued = line.find((w) => w.clipId === clipId);
    if (queued) {
      // Asked for now: ahead of the background's list (never ahead of the one being made).
      const at = line.indexOf(queued);
      if (first && at > 1) line.splice(1, 0, ...line.splice(at, 1));
      return queued.done;
    }
    let resolve: (spriteId: string | null) => void = () => undefined;
    let reject: (error: unknown) => void = () => undefined;
    const done = new Promise<string | null>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    // A background sheet that fails is announced by its event; nobody awaits it.
    done.catch(() => undefined);
    const waiting: Waiting = { clipId, done, resolve, reject };
    if (first) line.splice(pumping ? 1 : 0, 0, waiting);
    else line.push(waiting);
    pump();
    return done;
  };

  return {
    ensure(clipId) {
      const clip = ctx.clips.get(clipId);
      if (clip.width === null || clip.videoCodec === null) return Promise.resolve(null);
      if (clip.spriteId !== null) return Promise.resolve(clip.spriteId);
      if (closed) return Promise.reject(new StudioError('canceled', 'The studio is closing.'));
      return enter(clipId, true);
    },
    schedule(clipIds) {
      if (closed) return;
      for (const clipId of clipIds) void enter(clipId, false);
    },
  };
}

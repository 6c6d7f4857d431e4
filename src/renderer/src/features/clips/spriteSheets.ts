import { useSyncExternalStore } from 'react';
import type { EventPayload } from '../../../../shared/contract';
import { studio } from '../../api/client';

/** What the library last heard about a clip's sprite sheet being made. */
export type SpriteProgress = EventPayload<'clips.spriteProgress'>;

const known = new Map<number, SpriteProgress>();
const listeners = new Set<() => void>();
let unsubscribe: (() => void) | null = null;

// One subscription for every card: a grid shows dozens, and each would otherwise listen alone.
function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  unsubscribe ??= studio.on('clips.spriteProgress', (progress) => {
    known.set(progress.clipId, progress);
    for (const notify of listeners) notify();
  });
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      unsubscribe?.();
      unsubscribe = null;
    }
  };
}

/** The progress of a clip's sprite sheet, as the studio announced it; undefined before any news. */
export function useSpriteProgress(clipId: number): SpriteProgress | undefined {
  return useSyncExternalStore(subscribe, () => known.get(clipId));
}

/**
 * Asks the studio to make the clip's sprite sheet ahead of the others (or hands back the one it
 * has). Failures arrive as a `failed` progress event; asking again retries.
 */
export function requestSprite(clipId: number): void {
  const state = known.get(clipId)?.state;
  if (state === 'computing' || state === 'done') return;
  known.set(clipId, { clipId, state: 'computing', fraction: 0 });
  for (const notify of listeners) notify();
  studio.call('clips.sprite', { clipId }).then(
    ({ spriteId }) => {
      known.set(
        clipId,
        spriteId === null ? { clipId, state: 'failed', fraction: 0 } : { clipId, state: 'done', fraction: 1, spriteId },
      );
      for (const notify of listeners) notify();
    },
    (error: unknown) => {
      const current = known.get(clipId);
      if (current?.state !== 'failed')
        known.set(clipId, {
          clipId,
          state: 'failed',
          fraction: 0,
          message: error instanceof Error ? error.message : String(error),
        });
      for (const notify of listeners) notify();
    },
  );
}

/** Forgets what was heard (for tests, which each start a fresh library). */
export function forgetSpriteProgress(): void {
  known.clear();
}

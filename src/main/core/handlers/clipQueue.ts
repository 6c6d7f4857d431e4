/**
 * One clip at a time in the background, for the things the studio derives from a clip's media
 * after an import (the library's hover sheets, the timeline's peaks). A clip asked for now does
 * not wait for that line: it starts at once, or joins its own work if it is already under way, so
 * the creator never waits behind other clips. The same clip is never made twice at once.
 */
import { StudioError } from '../../../shared/errors';
import type { BackgroundWork } from './context';

export interface ClipQueue<T> {
  /** The clip's result now: started at once (taken out of the line), or joined if under way. */
  now(clipId: number): Promise<T>;
  /** Queued behind the others, one after another; a failure is for `make` to announce. */
  later(clipIds: readonly number[]): void;
}

export function clipQueue<T>(
  background: BackgroundWork,
  make: (clipId: number, signal: AbortSignal) => Promise<T>,
): ClipQueue<T> {
  const running = new Map<number, Promise<T>>();
  const waiting: number[] = [];
  let pumping = false;
  let closed = false;

  const start = (clipId: number, signal?: AbortSignal): Promise<T> => {
    const underWay = running.get(clipId);
    if (underWay) return underWay;
    const started = (signal ? make(clipId, signal) : background.run((s) => make(clipId, s))).finally(() =>
      running.delete(clipId),
    );
    running.set(clipId, started);
    return started;
  };

  const pump = (): void => {
    if (pumping || closed) return;
    pumping = true;
    void background
      .run(async (signal) => {
        for (let clipId = waiting.shift(); clipId !== undefined; clipId = waiting.shift()) {
          await start(clipId, signal).catch(() => undefined);
          // The studio is closing: nobody will make the rest.
          if (signal.aborted) closed = true;
          if (closed) return;
        }
      })
      .catch(() => undefined)
      .finally(() => {
        pumping = false;
        if (closed) waiting.length = 0;
        // A clip scheduled while the last one finished.
        else if (waiting.length > 0) pump();
      });
  };

  return {
    now(clipId) {
      if (closed) return Promise.reject(new StudioError('canceled', 'The studio is closing.'));
      const queued = waiting.indexOf(clipId);
      if (queued >= 0) waiting.splice(queued, 1);
      return start(clipId);
    },
    later(clipIds) {
      if (closed) return;
      waiting.push(...clipIds.filter((id) => !waiting.includes(id) && !running.has(id)));
      pump();
    },
  };
}

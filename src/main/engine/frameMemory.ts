/**
 * Each frame's pixels are read back into a 3.7 MB buffer (at 1280 × 720) that lives outside the
 * JavaScript heap, so V8 does not count it and frees it only when a collection happens to run:
 * until then every frame's buffer lands on fresh pages, and faulting them in costs more than
 * drawing the frame. A young-generation collection per frame (well under a millisecond: the heap
 * is small) hands each buffer back at once, so the next frame reuses the same warm memory.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

type Collect = (options: { type: 'minor' | 'major'; execution?: 'sync' }) => void;

let collect: Collect | null | undefined;

/** A function that frees the last frame's pixels, or one that does nothing where V8 will not allow it. */
export function frameMemoryReleaser(): () => void {
  if (collect === undefined) {
    try {
      // The flag only adds `gc` to contexts made after it is set; this one is thrown away.
      setFlagsFromString('--expose-gc');
      const gc: unknown = runInNewContext('typeof gc === "function" ? gc : null');
      collect = typeof gc === 'function' ? (gc as Collect) : null;
    } catch {
      collect = null;
    }
  }
  const found = collect;
  return found ? () => found({ type: 'minor' }) : () => undefined;
}

import { Readable } from 'node:stream';

/** Deterministic bytes for chunk `index`, so a test can know the hash of what a stream carries. */
export function patternChunk(index: number, size: number): Buffer {
  return Buffer.alloc(size, index % 251);
}

/**
 * A readable that yields `chunks` chunks of `chunkSize` bytes (one per event-loop turn), then
 * calls `onStall` and never yields again nor ends: a writer fed by it is stuck mid-write for
 * as long as the test wants, with exactly chunks × chunkSize bytes handed over.
 */
export function stallingSource(chunks: number, chunkSize: number, onStall?: () => void): Readable {
  let next = 0;
  return new Readable({
    read() {
      if (next < chunks) {
        const chunk = patternChunk(next++, chunkSize);
        setImmediate(() => this.push(chunk));
      } else if (next === chunks) {
        next++;
        onStall?.();
      }
    },
  });
}

import { describe, expect, test } from 'vitest';
import { frameMemoryReleaser } from './frameMemory';

const frameBytes = 4 * 1024 * 1024;

/** Memory held by buffers outside the heap after `frames` frames, each dropping its pixels. */
async function heldAfter(frames: number, release: () => void): Promise<number> {
  const start = process.memoryUsage().arrayBuffers;
  for (let f = 0; f < frames; f++) {
    release();
    const pixels = Buffer.allocUnsafeSlow(frameBytes);
    pixels[f] = 1;
    await new Promise((resolve) => setImmediate(resolve));
  }
  return process.memoryUsage().arrayBuffers - start;
}

describe('frameMemoryReleaser', () => {
  test('keeps only the last frame or two of pixels alive, where they would otherwise pile up', async () => {
    const kept = await heldAfter(8, () => undefined);
    const released = await heldAfter(8, frameMemoryReleaser());
    expect(kept).toBeGreaterThan(5 * frameBytes);
    expect(released).toBeLessThanOrEqual(2 * frameBytes);
  });
});

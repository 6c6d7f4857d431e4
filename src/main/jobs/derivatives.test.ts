import { describe, expect, test } from 'vitest';
import { peaksFromPcm } from './derivatives';

describe('peaks', () => {
  test('min/max pairs per pixel over 16-bit mono PCM, in audiowaveform’s JSON shape', () => {
    const samples = [0, 100, -200, 50, 32767, -32768, 1];
    const pcm = Buffer.alloc(samples.length * 2);
    samples.forEach((value, i) => pcm.writeInt16LE(value, i * 2));
    expect(peaksFromPcm(pcm, 3, 8000)).toEqual({
      version: 2,
      channels: 1,
      sample_rate: 8000,
      samples_per_pixel: 3,
      bits: 16,
      length: 3,
      data: [-200, 100, -32768, 32767, 0, 1],
    });
    expect(peaksFromPcm(Buffer.alloc(0)).data).toEqual([]);
  });
});

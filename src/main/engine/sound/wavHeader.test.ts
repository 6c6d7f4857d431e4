import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ffprobeJson, tempDir } from '../../../../test/support/fixtures';
import { previewSampleRate, previewWav } from '../preview/wav';
import { stereo, writeWav } from './mix';
import { sampleRate } from './dsp';

interface Probed {
  streams: { codec_name: string; channels: number; sample_rate: string; duration: string }[];
}

function tone(seconds: number) {
  const bus = stereo(Math.round(seconds * sampleRate));
  for (let i = 0; i < bus.left.length; i++) {
    bus.left[i] = 0.5 * Math.sin((2 * Math.PI * 440 * i) / sampleRate);
    bus.right[i] = bus.left[i] ?? 0;
  }
  return bus;
}

describe('WAV files the engine writes', () => {
  test('the render mix is float stereo at the engine rate, and ffprobe reads its length', async () => {
    const path = join(await tempDir(), 'mix.wav');
    await writeWav(path, tone(1.5));
    const [stream] = ((await ffprobeJson(path)) as Probed).streams;
    expect(stream).toMatchObject({ codec_name: 'pcm_f32le', channels: 2, sample_rate: String(sampleRate) });
    expect(Number(stream?.duration)).toBeCloseTo(1.5, 3);
  });

  test('the preview sound is 16-bit mono at half the rate, and ffprobe reads its length', async () => {
    const path = join(await tempDir(), 'preview.wav');
    await writeFile(path, previewWav(tone(2)));
    const [stream] = ((await ffprobeJson(path)) as Probed).streams;
    expect(stream).toMatchObject({ codec_name: 'pcm_s16le', channels: 1, sample_rate: String(previewSampleRate) });
    expect(Number(stream?.duration)).toBeCloseTo(2, 3);
  });
});

/**
 * What the library keeps beside a generated clip so the UI never decodes video to show it:
 * a poster frame (src/main/media/poster.ts), a sprite sheet for scrubbing and audio peaks
 * for the waveform. All are made with ffmpeg in child processes and written to temp paths.
 *
 * Sprite sheet: one JPEG row of SPRITE_TILES frames, each SPRITE_TILE_WIDTH pixels wide
 * (height follows the clip's shape), frame i taken at (i + 0.5) / SPRITE_TILES of the clip.
 * Peaks: audiowaveform's JSON format (version 2), which peaks.js and wavesurfer read:
 * mono, 16-bit min/max pairs, PEAKS_SAMPLE_RATE Hz, PEAKS_SAMPLES_PER_PIXEL samples per pair.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { ffmpegArgs } from '../media/ffmpegArgs';
import { mediaTools, runTool } from '../media/tools';

export const SPRITE_TILES = 10;
export const SPRITE_TILE_WIDTH = 160;
export const PEAKS_SAMPLE_RATE = 8000;
/** 100 min/max pairs per second. */
export const PEAKS_SAMPLES_PER_PIXEL = 80;

export async function writeSpriteSheet(
  videoPath: string,
  durationMs: number,
  outPath: string,
  signal?: AbortSignal,
): Promise<void> {
  const seconds = Math.max(durationMs, 1) / 1000;
  await runTool(
    mediaTools().ffmpeg,
    ffmpegArgs(
      'errors',
      '-i',
      videoPath,
      '-an',
      '-vf',
      `fps=${(SPRITE_TILES / seconds).toFixed(6)},scale=${SPRITE_TILE_WIDTH}:-2,tile=${SPRITE_TILES}x1`,
      '-frames:v',
      '1',
      '-q:v',
      '5',
      '-f',
      'image2',
      '-c:v',
      'mjpeg',
      outPath,
    ),
    signal,
  );
}

export interface Peaks {
  version: 2;
  channels: 1;
  sample_rate: number;
  samples_per_pixel: number;
  bits: 16;
  length: number;
  data: number[];
}

/** Min/max pairs over 16-bit little-endian mono PCM. */
export function peaksFromPcm(
  pcm: Buffer,
  samplesPerPixel = PEAKS_SAMPLES_PER_PIXEL,
  sampleRate = PEAKS_SAMPLE_RATE,
): Peaks {
  const samples = Math.floor(pcm.length / 2);
  const length = Math.ceil(samples / samplesPerPixel);
  const data: number[] = new Array<number>(length * 2);
  for (let pixel = 0; pixel < length; pixel++) {
    let min = 0;
    let max = 0;
    const end = Math.min(samples, (pixel + 1) * samplesPerPixel);
    for (let i = pixel * samplesPerPixel; i < end; i++) {
      const value = pcm.readInt16LE(i * 2);
      if (value < min) min = value;
      if (value > max) max = value;
    }
    data[pixel * 2] = min;
    data[pixel * 2 + 1] = max;
  }
  return {
    version: 2,
    channels: 1,
    sample_rate: sampleRate,
    samples_per_pixel: samplesPerPixel,
    bits: 16,
    length,
    data,
  };
}

export async function writePeaks(mediaPath: string, outPath: string, signal?: AbortSignal): Promise<void> {
  const pcmPath = `${outPath}.pcm`;
  try {
    await runTool(
      mediaTools().ffmpeg,
      ffmpegArgs(
        'errors',
        '-i',
        mediaPath,
        '-vn',
        '-ac',
        '1',
        '-ar',
        String(PEAKS_SAMPLE_RATE),
        '-f',
        's16le',
        '-c:a',
        'pcm_s16le',
        pcmPath,
      ),
      signal,
    );
    await writeFile(outPath, JSON.stringify(peaksFromPcm(await readFile(pcmPath))));
  } finally {
    await rm(pcmPath, { force: true });
  }
}

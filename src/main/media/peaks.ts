/**
 * Waveform peaks for the cue timeline, so the renderer never decodes audio: ffmpeg decodes the
 * clip's sound to mono 16-bit PCM on a pipe, and min/max pairs are taken as it streams, at a
 * base resolution (PEAK_PAIRS_PER_SECOND) and at coarser levels for zoomed-out views, each
 * PEAK_LEVEL_FACTOR times coarser than the one before. Values are stored as 8-bit integers
 * (−127…127) and scaled to −1…1 by the reader: wavesurfer divides any array holding a value
 * above 1 by that array's own maximum, which would draw every clip at full scale.
 */
import type { PeakFile, PeakLevel } from '../../shared/cues/peaks';
import { StudioError } from '../../shared/errors';
import type { MediaStore, StoredObject } from '../storage/store';
import { ffmpegArgs } from './ffmpegArgs';
import { mediaTools, runTool } from './tools';

export type { PeakFile, PeakLevel };

/** The rate ffmpeg resamples to before peaks are taken: 100 pairs a second need no more. */
export const PEAK_SAMPLE_RATE = 8000;
export const PEAK_PAIRS_PER_SECOND = 100;
export const PEAK_LEVEL_FACTOR = 8;
/** Coarser levels stop once a level would hold fewer pairs than this. */
const MIN_LEVEL_PAIRS = 64;

/** Takes min/max pairs over 16-bit samples as they arrive, in any chunk sizes. */
export class PeakAccumulator {
  private readonly samplesPerPair: number;
  private readonly data: number[] = [];
  private count = 0;
  private min = 0;
  private max = 0;
  private odd: number | null = null;
  private samples = 0;

  constructor(
    private readonly sampleRate = PEAK_SAMPLE_RATE,
    pairsPerSecond = PEAK_PAIRS_PER_SECOND,
  ) {
    this.samplesPerPair = Math.max(1, Math.round(sampleRate / pairsPerSecond));
  }

  push(chunk: Buffer): void {
    let bytes = chunk;
    if (this.odd !== null) {
      bytes = Buffer.concat([Buffer.from([this.odd]), chunk]);
      this.odd = null;
    }
    const whole = bytes.length - (bytes.length % 2);
    if (whole < bytes.length) this.odd = bytes[bytes.length - 1] ?? 0;
    // A typed view reads samples several times faster than readInt16LE; it needs an even offset.
    const aligned = bytes.byteOffset % 2 === 0 ? bytes : Buffer.from(bytes);
    const samples = new Int16Array(aligned.buffer, aligned.byteOffset, whole / 2);
    const per = this.samplesPerPair;
    let { count, min, max } = this;
    for (let i = 0; i < samples.length; i++) {
      const value = samples[i] ?? 0;
      if (value < min) min = value;
      if (value > max) max = value;
      count += 1;
      if (count === per) {
        this.data.push(scale(min), scale(max));
        count = 0;
        min = 0;
        max = 0;
      }
    }
    this.count = count;
    this.min = min;
    this.max = max;
    this.samples += whole / 2;
  }

  finish(durationMs?: number): PeakFile {
    if (this.count > 0) this.data.push(scale(this.min), scale(this.max));
    this.count = 0;
    const base: PeakLevel = { pairsPerSecond: this.sampleRate / this.samplesPerPair, data: this.data };
    const levels = [base];
    for (;;) {
      const previous = levels[levels.length - 1] ?? base;
      if (previous.data.length / 2 / PEAK_LEVEL_FACTOR < MIN_LEVEL_PAIRS) break;
      levels.push(coarser(previous, PEAK_LEVEL_FACTOR));
    }
    return {
      format: 'shotline-peaks',
      version: 1,
      durationMs: durationMs ?? Math.round((this.samples / this.sampleRate) * 1000),
      levels,
    };
  }
}

function scale(sample: number): number {
  return Math.round((sample / 32768) * 127);
}

function coarser(level: PeakLevel, factor: number): PeakLevel {
  const pairs = level.data.length / 2;
  const data: number[] = [];
  for (let start = 0; start < pairs; start += factor) {
    let min = 0;
    let max = 0;
    for (let p = start; p < Math.min(pairs, start + factor); p++) {
      min = Math.min(min, level.data[p * 2] ?? 0);
      max = Math.max(max, level.data[p * 2 + 1] ?? 0);
    }
    data.push(min, max);
  }
  return { pairsPerSecond: level.pairsPerSecond / factor, data };
}

/** The level whose resolution is closest above what a view at `pixelsPerSecond` shows. */
export function levelFor(file: PeakFile, pixelsPerSecond: number): PeakLevel {
  const fitting = file.levels.filter((level) => level.pairsPerSecond >= pixelsPerSecond);
  return fitting[fitting.length - 1] ?? file.levels[0] ?? { pairsPerSecond: 1, data: [] };
}

/**
 * Decodes a media file's sound with ffmpeg and returns its peaks; null when it has no audio
 * stream. `onProgress` gets the fraction done when `durationMs` is known.
 */
export async function computePeaks(
  mediaPath: string,
  options: { durationMs?: number; signal?: AbortSignal; onProgress?: (fraction: number) => void } = {},
): Promise<PeakFile | null> {
  const { signal, durationMs, onProgress } = options;
  const args = ffmpegArgs(
    'errors',
    '-i',
    mediaPath,
    '-map',
    '0:a:0?',
    '-vn',
    '-sn',
    '-dn',
    '-ac',
    '1',
    '-ar',
    String(PEAK_SAMPLE_RATE),
    '-f',
    's16le',
    '-c:a',
    'pcm_s16le',
    // Without this ffmpeg writes each decoded frame (a few hundred bytes) to the pipe on its own,
    // and reading ~40 chunks a second of audio costs more than the decoding.
    '-flush_packets',
    '0',
    'pipe:1',
  );
  const peaks = new PeakAccumulator();
  let bytes = 0;
  // Reported at every hundredth of the sound, however long the clip.
  const step = durationMs ? Math.max(1, Math.floor((PEAK_SAMPLE_RATE * 2 * durationMs) / 1000 / 100)) : Infinity;
  let nextReport = step;
  const take = (chunk: Buffer): void => {
    peaks.push(chunk);
    bytes += chunk.length;
    if (onProgress && durationMs && bytes >= nextReport) {
      nextReport = bytes + step;
      onProgress(Math.min(1, bytes / 2 / PEAK_SAMPLE_RATE / (durationMs / 1000)));
    }
  };
  try {
    await runTool(mediaTools().ffmpeg, args, signal, take);
  } catch (error) {
    if (error instanceof StudioError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    // `-map 0:a:0?` maps nothing for a file without sound, and ffmpeg then refuses to write.
    if (/does not contain any stream/i.test(message)) return null;
    throw new StudioError('unsupported_media', `The clip's sound could not be read for its waveform: ${message}`);
  }
  return bytes === 0 ? null : peaks.finish(durationMs);
}

/** Stores peaks as the JSON file a clip's `peaks_hash` points at, the one form the timeline reads. */
export function storePeaks(
  store: Pick<MediaStore, 'putBuffer'>,
  peaks: PeakFile,
  signal?: AbortSignal,
): Promise<StoredObject> {
  return store.putBuffer(Buffer.from(JSON.stringify(peaks), 'utf8'), signal ? { signal } : {});
}

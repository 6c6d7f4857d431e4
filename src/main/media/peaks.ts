/**
 * Waveform peaks for the cue timeline, so the renderer never decodes audio: ffmpeg decodes the
 * clip's sound to mono 16-bit PCM at its own sample rate on a pipe, and min/max pairs are taken
 * as it streams, at a base resolution (PEAK_PAIRS_PER_SECOND) and at coarser levels for
 * zoomed-out views, each PEAK_LEVEL_FACTOR times coarser than the one before, derived from the
 * base. Values are stored as 8-bit integers
 * (−127…127) and scaled to −1…1 by the reader: wavesurfer divides any array holding a value
 * above 1 by that array's own maximum, which would draw every clip at full scale.
 */
import type { PeakFile, PeakLevel } from '../../shared/cues/peaks';
import { StudioError } from '../../shared/errors';
import type { MediaStore, StoredObject } from '../storage/store';
import { ffmpegArgs } from './ffmpegArgs';
import { mediaTools, runTool } from './tools';

export type { PeakFile, PeakLevel };

export const PEAK_PAIRS_PER_SECOND = 100;
export const PEAK_LEVEL_FACTOR = 8;
/** Coarser levels stop once a level would hold fewer pairs than this. */
const MIN_LEVEL_PAIRS = 64;

/**
 * Takes min/max pairs over 16-bit mono samples as they arrive, in any chunk sizes. Pair k
 * covers samples [⌊k·rate/pps⌋, ⌊(k+1)·rate/pps⌋), so any sample rate gives exactly
 * `pairsPerSecond` pairs a second without resampling.
 */
export class PeakAccumulator {
  private readonly data: number[] = [];
  /** Samples taken so far, and where the pair being filled ends. */
  private samples = 0;
  private pairEnd: number;
  private min = 0;
  private max = 0;
  private odd: number | null = null;

  constructor(
    private readonly sampleRate: number,
    private readonly pairsPerSecond = PEAK_PAIRS_PER_SECOND,
  ) {
    if (!(sampleRate > 0)) throw new RangeError(`sample rate must be positive, got ${String(sampleRate)}`);
    this.pairEnd = this.endOf(0);
  }

  private endOf(pair: number): number {
    return Math.max(pair + 1, Math.floor(((pair + 1) * this.sampleRate) / this.pairsPerSecond));
  }

  push(chunk: Buffer): void {
    let bytes = chunk;
    if (this.odd !== null) {
      bytes = Buffer.concat([Buffer.from([this.odd]), chunk]);
      this.odd = null;
    }
    const whole = bytes.length - (bytes.length % 2);
    if (whole < bytes.length) this.odd = bytes[bytes.length - 1] ?? 0;
    // A typed view over the chunk reads samples without copying them; it needs an even offset.
    const aligned = bytes.byteOffset % 2 === 0 ? bytes : Buffer.from(bytes);
    this.take(new Int16Array(aligned.buffer, aligned.byteOffset, whole / 2));
  }

  /** The one hot loop: each pair's span is scanned in a plain for loop with its bounds known. */
  private take(samples: Int16Array): void {
    const n = samples.length;
    const first = this.samples;
    let { min, max, pairEnd } = this;
    let i = 0;
    while (i < n) {
      const end = Math.min(n, pairEnd - first);
      for (; i < end; i++) {
        const value = samples[i] ?? 0;
        if (value < min) min = value;
        else if (value > max) max = value;
      }
      if (first + i === pairEnd) {
        this.data.push(scale(min), scale(max));
        min = 0;
        max = 0;
        pairEnd = this.endOf(this.data.length / 2);
      }
    }
    this.samples = first + n;
    this.min = min;
    this.max = max;
    this.pairEnd = pairEnd;
  }

  finish(durationMs?: number): PeakFile {
    const pairStart = this.data.length === 0 ? 0 : this.endOf(this.data.length / 2 - 1);
    if (this.samples > pairStart) this.data.push(scale(this.min), scale(this.max));
    this.min = 0;
    this.max = 0;
    const base: PeakLevel = { pairsPerSecond: this.pairsPerSecond, data: this.data };
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
 * Reads ffmpeg's WAV stream: the header (for the sample rate, which ffmpeg keeps as the
 * source's own, so nothing is resampled), then hands each block of samples on as it arrives.
 */
export class WavPcmReader {
  private head: Buffer | null = Buffer.alloc(0);
  private sink: PeakAccumulator | null = null;
  bytes = 0;
  sampleRate = 0;

  push(chunk: Buffer): void {
    if (this.sink) {
      this.bytes += chunk.length;
      this.sink.push(chunk);
      return;
    }
    const head = Buffer.concat([this.head ?? Buffer.alloc(0), chunk]);
    const found = readWavHeader(head);
    if (found === null) {
      if (head.length > 1 << 16) throw new Error('ffmpeg sent no WAV header for the sound');
      this.head = head;
      return;
    }
    this.head = null;
    this.sampleRate = found.sampleRate;
    this.sink = new PeakAccumulator(found.sampleRate);
    this.push(head.subarray(found.dataOffset));
  }

  finish(durationMs?: number): PeakFile | null {
    return this.sink === null || this.bytes === 0 ? null : this.sink.finish(durationMs);
  }
}

/** The sample rate and where the samples start, once the header up to the data chunk has arrived. */
function readWavHeader(head: Buffer): { sampleRate: number; dataOffset: number } | null {
  if (head.length < 12) return null;
  if (head.toString('latin1', 0, 4) !== 'RIFF' || head.toString('latin1', 8, 12) !== 'WAVE')
    throw new Error('ffmpeg sent something other than WAV for the sound');
  let sampleRate = 0;
  for (let at = 12; at + 8 <= head.length;) {
    const id = head.toString('latin1', at, at + 4);
    const size = head.readUInt32LE(at + 4);
    if (id === 'data') return sampleRate > 0 ? { sampleRate, dataOffset: at + 8 } : null;
    if (at + 8 + size > head.length) return null;
    if (id === 'fmt ') sampleRate = head.readUInt32LE(at + 12);
    at += 8 + size + (size % 2);
  }
  return null;
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
  // Mixed down to mono 16-bit at the source's own rate: resampling cost more than reading the
  // extra samples, and min/max over every sample keeps peaks a lowpass would have shaved off.
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
    '-c:a',
    'pcm_s16le',
    '-f',
    'wav',
    '-bitexact',
    // Without this ffmpeg writes each decoded frame (a few kilobytes) to the pipe on its own.
    '-flush_packets',
    '0',
    'pipe:1',
  );
  const reader = new WavPcmReader();
  let nextReport = 0;
  const failed: { error: Error | null } = { error: null };
  const take = (chunk: Buffer): void => {
    if (failed.error !== null) return;
    try {
      reader.push(chunk);
    } catch (error) {
      // Thrown here it would escape the pipe's event handler; reported once ffmpeg has ended.
      failed.error = error instanceof Error ? error : new Error(String(error));
      return;
    }
    if (!onProgress || !durationMs || reader.bytes < nextReport || reader.sampleRate === 0) return;
    const bytesPerSecond = reader.sampleRate * 2;
    // Reported at every hundredth of the sound, however long the clip.
    nextReport = reader.bytes + Math.max(1, (bytesPerSecond * durationMs) / 1000 / 100);
    onProgress(Math.min(1, reader.bytes / bytesPerSecond / (durationMs / 1000)));
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
  if (failed.error !== null) {
    throw new StudioError(
      'unsupported_media',
      `The clip's sound could not be read for its waveform: ${failed.error.message}`,
    );
  }
  return reader.finish(durationMs);
}

/** Stores peaks as the JSON file a clip's `peaks_hash` points at, the one form the timeline reads. */
export function storePeaks(
  store: Pick<MediaStore, 'putBuffer'>,
  peaks: PeakFile,
  signal?: AbortSignal,
): Promise<StoredObject> {
  return store.putBuffer(Buffer.from(JSON.stringify(peaks), 'utf8'), signal ? { signal } : {});
}

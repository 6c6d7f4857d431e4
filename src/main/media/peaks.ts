/**
 * Waveform peaks for the cue timeline, so the renderer never decodes audio: ffmpeg decodes the
 * clip's sound to 8-bit PCM at its own sample rate with every channel kept, on a pipe, and
 * min/max pairs over all channels are taken as it streams, at a base resolution
 * (PEAK_PAIRS_PER_SECOND) and at coarser levels for zoomed-out views, each PEAK_LEVEL_FACTOR times
 * coarser than the one before, derived from the base. Values are stored as signed bytes
 * (−127…127) and scaled to −1…1 by the reader: wavesurfer divides any array holding a value
 * above 1 by that array's own maximum, which would draw every clip at full scale.
 */
import { encodePeakValues, levelFor, type PeakFile, type PeakLevel } from '../../shared/cues/peaks';
import { StudioError } from '../../shared/errors';
import type { MediaStore, StoredObject } from '../storage/store';
import { ffmpegArgs } from './ffmpegArgs';
import { mediaTools, runTool } from './tools';

export type { PeakFile, PeakLevel };
export { levelFor };

export const PEAK_PAIRS_PER_SECOND = 100;
export const PEAK_LEVEL_FACTOR = 8;
/** Coarser levels stop once a level would hold fewer pairs than this. */
const MIN_LEVEL_PAIRS = 64;

/** How the samples arrive: unsigned 8-bit (what the pipe carries) or signed 16-bit little-endian. */
export interface PcmFormat {
  channels: number;
  bits: 8 | 16;
}

/**
 * Takes min/max pairs over interleaved PCM as it arrives, in any chunk sizes. Pair k covers
 * sample frames [⌊k·rate/pps⌋, ⌊(k+1)·rate/pps⌋) of every channel, so any sample rate gives
 * exactly `pairsPerSecond` pairs a second without resampling, and a sound in one channel only
 * keeps its own level (a mono mix would halve it).
 */
export class PeakAccumulator {
  private readonly data: number[] = [];
  /** Values (samples of all channels) taken so far, and where the pair being filled ends. */
  private values = 0;
  private pairEnd: number;
  /** The extremes so far, in the format's own units (8-bit values are unsigned, 128 is silence). */
  private min: number;
  private max: number;
  private odd: number | null = null;
  private readonly format: PcmFormat;
  private readonly zero: number;

  constructor(
    private readonly sampleRate: number,
    private readonly pairsPerSecond = PEAK_PAIRS_PER_SECOND,
    format: PcmFormat = { channels: 1, bits: 16 },
  ) {
    if (!(sampleRate > 0)) throw new RangeError(`sample rate must be positive, got ${String(sampleRate)}`);
    if (!(format.channels >= 1)) throw new RangeError(`channel count must be positive, got ${String(format.channels)}`);
    this.format = format;
    this.zero = format.bits === 8 ? 128 : 0;
    this.min = this.zero;
    this.max = this.zero;
    this.pairEnd = this.endOf(0);
  }

  private endOf(pair: number): number {
    const frames = Math.max(pair + 1, Math.floor(((pair + 1) * this.sampleRate) / this.pairsPerSecond));
    return frames * this.format.channels;
  }

  push(chunk: Uint8Array): void {
    if (this.format.bits === 8) {
      this.take(chunk);
      return;
    }
    let bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
    if (this.odd !== null) {
      bytes = Buffer.concat([Buffer.from([this.odd]), bytes]);
      this.odd = null;
    }
    const whole = bytes.length - (bytes.length % 2);
    if (whole < bytes.length) this.odd = bytes[bytes.length - 1] ?? 0;
    // A typed view over the chunk reads samples without copying them; it needs an even offset.
    const aligned = bytes.byteOffset % 2 === 0 ? bytes : Buffer.from(bytes);
    this.take(new Int16Array(aligned.buffer, aligned.byteOffset, whole / 2));
  }

  /** The one hot loop: each pair's span is scanned in a plain for loop with its bounds known. */
  private take(samples: Uint8Array | Int16Array): void {
    const n = samples.length;
    const first = this.values;
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
        this.data.push(this.scale(min), this.scale(max));
        min = this.zero;
        max = this.zero;
        pairEnd = this.endOf(this.data.length / 2);
      }
    }
    this.values = first + n;
    this.min = min;
    this.max = max;
    this.pairEnd = pairEnd;
  }

  private scale(sample: number): number {
    return this.format.bits === 8 ? Math.round(((sample - 128) / 128) * 127) : Math.round((sample / 32768) * 127);
  }

  finish(durationMs?: number): PeakFile {
    const pairStart = this.data.length === 0 ? 0 : this.endOf(this.data.length / 2 - 1);
    if (this.values > pairStart) this.data.push(this.scale(this.min), this.scale(this.max));
    this.min = this.zero;
    this.max = this.zero;
    const levels = [this.data];
    for (;;) {
      const previous = levels[levels.length - 1] ?? this.data;
      if (previous.length / 2 / PEAK_LEVEL_FACTOR < MIN_LEVEL_PAIRS) break;
      levels.push(coarser(previous, PEAK_LEVEL_FACTOR));
    }
    const frames = this.values / this.format.channels;
    return {
      format: 'shotline-peaks',
      version: 2,
      durationMs: durationMs ?? Math.round((frames / this.sampleRate) * 1000),
      levels: levels.map((data, i) => ({
        pairsPerSecond: this.pairsPerSecond / PEAK_LEVEL_FACTOR ** i,
        data: encodePeakValues(data),
      })),
    };
  }
}

function coarser(data: readonly number[], factor: number): number[] {
  const pairs = data.length / 2;
  const out: number[] = [];
  for (let start = 0; start < pairs; start += factor) {
    let min = 0;
    let max = 0;
    for (let p = start; p < Math.min(pairs, start + factor); p++) {
      min = Math.min(min, data[p * 2] ?? 0);
      max = Math.max(max, data[p * 2 + 1] ?? 0);
    }
    out.push(min, max);
  }
  return out;
}

/**
 * Reads ffmpeg's WAV stream: the header (for the sample rate, which ffmpeg keeps as the
 * source's own, so nothing is resampled, the channel count and the sample size), then hands
 * each block of samples on as it arrives.
 */
export class WavPcmReader {
  private head: Buffer | null = Buffer.alloc(0);
  private sink: PeakAccumulator | null = null;
  bytes = 0;
  sampleRate = 0;
  /** Bytes of one second of sound, once the header has arrived. */
  bytesPerSecond = 0;

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
    this.bytesPerSecond = found.sampleRate * found.channels * (found.bits / 8);
    this.sink = new PeakAccumulator(found.sampleRate, PEAK_PAIRS_PER_SECOND, {
      channels: found.channels,
      bits: found.bits,
    });
    this.push(head.subarray(found.dataOffset));
  }

  finish(durationMs?: number): PeakFile | null {
    return this.sink === null || this.bytes === 0 ? null : this.sink.finish(durationMs);
  }
}

interface WavHeader {
  sampleRate: number;
  channels: number;
  bits: 8 | 16;
  /** Where the samples start. */
  dataOffset: number;
}

/** The sample layout and where the samples start, once the header up to the data chunk has arrived. */
function readWavHeader(head: Buffer): WavHeader | null {
  if (head.length < 12) return null;
  if (head.toString('latin1', 0, 4) !== 'RIFF' || head.toString('latin1', 8, 12) !== 'WAVE')
    throw new Error('ffmpeg sent something other than WAV for the sound');
  let format: Omit<WavHeader, 'dataOffset'> | null = null;
  for (let at = 12; at + 8 <= head.length;) {
    const id = head.toString('latin1', at, at + 4);
    const size = head.readUInt32LE(at + 4);
    if (id === 'data') return format === null ? null : { ...format, dataOffset: at + 8 };
    if (at + 8 + size > head.length) return null;
    if (id === 'fmt ') {
      const bits = head.readUInt16LE(at + 22);
      if (bits !== 8 && bits !== 16) throw new Error(`ffmpeg sent ${String(bits)}-bit samples, not 8 or 16`);
      format = { channels: head.readUInt16LE(at + 10), sampleRate: head.readUInt32LE(at + 12), bits };
    }
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
  // 8-bit at the source's own rate with every channel kept: the stored values are bytes anyway,
  // so this is the fewest bytes through the pipe that lose nothing; resampling would shave peaks
  // off, and a mono mix would halve a sound that is in one channel only.
  const args = ffmpegArgs(
    'errors',
    '-i',
    mediaPath,
    '-map',
    '0:a:0?',
    '-vn',
    '-sn',
    '-dn',
    '-c:a',
    'pcm_u8',
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
    if (!onProgress || !durationMs || reader.bytes < nextReport || reader.bytesPerSecond === 0) return;
    const { bytesPerSecond } = reader;
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

/**
 * Waveform peaks for the cue timeline, so the renderer never decodes audio: ffmpeg decodes the
 * clip's sound to 8-bit PCM at its own sample rate with every channel kept, on a pipe, and
 * min/max pairs over all channels are taken as it streams, at a base resolution
 * (PEAK_PAIRS_PER_SECOND) and at coarser levels for zoomed-out views, each PEAK_LEVEL_FACTOR times
 * coarser than the one before, derived from the base. Values are stored as signed bytes
 * (−127…127) and scaled to −1…1 by the reader: wavesurfer divides any array holding a value
 * above 1 by that array's own maximum, which would draw every clip at full scale.
 */
import { cpus } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { encodePeakValues, levelFor, type PeakFile, type PeakLevel } from '../../shared/cues/peaks';
import { StudioError } from '../../shared/errors';
import type { MediaStore, StoredObject } from '../storage/store';
import { ByteExtremes } from './byteExtremes';
import { ffmpegArgs } from './ffmpegArgs';
import { NamedPipe } from './namedPipe';
import { mediaTools, runTool } from './tools';

export type { PeakFile, PeakLevel };

/** Chunks that are not in a reader's ring are copied to its scratch area in pieces this long. */
const SCRATCH_BYTES = 1 << 20;

/**
 * Where 8-bit samples are scanned (see ByteExtremes): a ring a named pipe's reader thread reads
 * straight into, so those samples are scanned where they landed, then a scratch area that any
 * other chunk is copied to first.
 */
export class SampleMemory {
  readonly scan: ByteExtremes;
  readonly ring: Uint8Array;
  private readonly scratch: Uint8Array;

  /** `ringBytes`: NamedPipe.RING_BYTES for samples read through a named pipe, else 0. */
  constructor(ringBytes: number) {
    this.scan = new ByteExtremes(ringBytes + SCRATCH_BYTES);
    this.ring = new Uint8Array(this.scan.memory, 0, ringBytes);
    this.scratch = new Uint8Array(this.scan.memory, ringBytes, SCRATCH_BYTES);
  }

  /**
   * Calls `scan(at, length)` over `chunk` in memory: in place when it lies in the ring, else
   * copied to the scratch area a piece at a time.
   */
  visit(chunk: Uint8Array, scan: (at: number, length: number) => void): void {
    if (chunk.buffer === this.scan.memory) {
      scan(chunk.byteOffset, chunk.length);
      return;
    }
    for (let at = 0; at < chunk.length; at += SCRATCH_BYTES) {
      const piece = chunk.subarray(at, at + SCRATCH_BYTES);
      this.scratch.set(piece);
      scan(this.scratch.byteOffset, piece.length);
    }
  }
}
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
  /** The frame the first pair starts at (its own pair's start), when the sound starts later than 0. */
  private readonly startFrame: number;
  /** Values (samples of all channels) taken so far, and where the pair being filled ends. */
  private values = 0;
  private pairEnd: number;
  /** The extremes so far, in the format's own units (8-bit values are unsigned, 128 is silence). */
  private min: number;
  private max: number;
  private odd: number | null = null;
  private readonly format: PcmFormat;
  private readonly zero: number;

  /**
   * `firstPair` numbers the pairs of a sound that starts later than the clip (a segment decoded
   * on its own): its first sample is the first of that pair, and its pairs are the ones a single
   * pass over the whole clip would take there.
   */
  constructor(
    private readonly sampleRate: number,
    private readonly pairsPerSecond = PEAK_PAIRS_PER_SECOND,
    format: PcmFormat = { channels: 1, bits: 16 },
    private readonly firstPair = 0,
    /** Where 8-bit samples are scanned; one of its own when not given. */
    private memory: SampleMemory | null = null,
  ) {
    if (!(sampleRate > 0)) throw new RangeError(`sample rate must be positive, got ${String(sampleRate)}`);
    if (!(format.channels >= 1)) throw new RangeError(`channel count must be positive, got ${String(format.channels)}`);
    this.format = format;
    this.zero = format.bits === 8 ? 128 : 0;
    this.min = this.zero;
    this.max = this.zero;
    this.startFrame = this.framesBefore(firstPair);
    this.pairEnd = this.endOf(0);
  }

  /** Frames before pair `pair` of the whole sound starts. */
  private framesBefore(pair: number): number {
    return pair === 0 ? 0 : Math.max(pair, Math.floor((pair * this.sampleRate) / this.pairsPerSecond));
  }

  /** Where this accumulator's pair `pair` ends, in values (samples of all channels) from its start. */
  private endOf(pair: number): number {
    return (this.framesBefore(this.firstPair + pair + 1) - this.startFrame) * this.format.channels;
  }

  push(chunk: Uint8Array): void {
    if (this.format.bits === 8) {
      this.takeBytes(chunk);
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

  /** 8-bit samples, each pair's span scanned sixteen bytes at a time (see ByteExtremes). */
  private takeBytes(chunk: Uint8Array): void {
    this.memory ??= new SampleMemory(0);
    this.memory.visit(chunk, (at, length) => this.scanBytes(at, length));
  }

  /** The `n` samples at `base` in the sample memory. */
  private scanBytes(base: number, n: number): void {
    const scan = (this.memory as SampleMemory).scan;
    this.walk(n, (start, end) => {
      const extremes = scan.span(base + start, base + end);
      this.spanMin = extremes & 0xff;
      this.spanMax = extremes >>> 8;
    });
  }

  /** 16-bit samples: each pair's span is scanned in a plain for loop. */
  private take(samples: Int16Array): void {
    this.walk(samples.length, (start, end) => {
      let min = this.zero;
      let max = this.zero;
      for (let i = start; i < end; i++) {
        const value = samples[i] ?? 0;
        if (value < min) min = value;
        else if (value > max) max = value;
      }
      this.spanMin = min;
      this.spanMax = max;
    });
  }

  /** The extremes of the span `extremes` was last asked for. */
  private spanMin = 0;
  private spanMax = 0;

  /**
   * Takes the next `n` values: each stretch of them within one pair is handed to `extremes`
   * (offsets from the first of the `n`), which sets spanMin and spanMax.
   */
  private walk(n: number, extremes: (start: number, end: number) => void): void {
    const first = this.values;
    let { min, max, pairEnd } = this;
    let i = 0;
    while (i < n) {
      const end = Math.min(n, pairEnd - first);
      if (end > i) {
        extremes(i, end);
        if (this.spanMin < min) min = this.spanMin;
        if (this.spanMax > max) max = this.spanMax;
        i = end;
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

  /** Sample frames taken so far. */
  get frames(): number {
    return this.values / this.format.channels;
  }

  /** The base level's min/max pairs, with the last one taken as far as the sound goes. */
  pairs(): number[] {
    const pairStart = this.data.length === 0 ? 0 : this.endOf(this.data.length / 2 - 1);
    if (this.values > pairStart) this.data.push(this.scale(this.min), this.scale(this.max));
    this.min = this.zero;
    this.max = this.zero;
    return this.data;
  }

  finish(durationMs?: number): PeakFile {
    const data = this.pairs();
    return peakFileOf(data, this.pairsPerSecond, durationMs ?? Math.round((this.frames / this.sampleRate) * 1000));
  }
}

/** The peaks file of base-level pairs: the base and the coarser levels derived from it. */
function peakFileOf(base: number[], pairsPerSecond: number, durationMs: number): PeakFile {
  const levels = [base];
  for (;;) {
    const previous = levels[levels.length - 1] ?? base;
    if (previous.length / 2 / PEAK_LEVEL_FACTOR < MIN_LEVEL_PAIRS) break;
    levels.push(coarser(previous, PEAK_LEVEL_FACTOR));
  }
  return {
    format: 'shotline-peaks',
    version: 2,
    durationMs,
    levels: levels.map((data, i) => ({
      pairsPerSecond: pairsPerSecond / PEAK_LEVEL_FACTOR ** i,
      data: encodePeakValues(data),
    })),
  };
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
 * Which part of a decoded stream to take: a segment decoded on its own starts `skipSec` early
 * (its first samples are decoded without the ones before them, and can differ from a single
 * pass), which is dropped; it covers whole seconds from `startSec`, and `spanSec` of sound, the
 * rest of the stream when not given.
 */
export interface PcmWindow {
  startSec: number;
  skipSec: number;
  spanSec?: number;
}

/**
 * Reads ffmpeg's WAV stream: the header (for the sample rate, which ffmpeg keeps as the
 * source's own, so nothing is resampled, the channel count and the sample size), then hands
 * each block of samples on as it arrives.
 */
export class WavPcmReader {
  private head: Buffer | null = Buffer.alloc(0);
  private sink: PeakAccumulator | null = null;
  /** Bytes still to drop before the window, and bytes the window still takes. */
  private skip = 0;
  private left = Infinity;
  bytes = 0;
  sampleRate = 0;
  /** Bytes of one second of sound, once the header has arrived. */
  bytesPerSecond = 0;

  /** Where its samples are scanned; a named pipe reads into its ring. */
  readonly memory: SampleMemory;

  constructor(
    private readonly window: PcmWindow = { startSec: 0, skipSec: 0 },
    transport: PcmTransport = 'stdout',
  ) {
    this.memory = new SampleMemory(transport === 'named-pipe' ? NamedPipe.RING_BYTES : 0);
  }

  push(chunk: Uint8Array): void {
    if (this.sink) {
      let block = chunk;
      if (this.skip > 0) {
        const dropped = Math.min(this.skip, block.length);
        this.skip -= dropped;
        block = block.subarray(dropped);
      }
      if (block.length > this.left) block = block.subarray(0, this.left);
      if (block.length === 0) return;
      this.left -= block.length;
      this.bytes += block.length;
      this.sink.push(block);
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
    const frameBytes = found.channels * (found.bits / 8);
    this.bytesPerSecond = found.sampleRate * frameBytes;
    const { startSec, skipSec, spanSec } = this.window;
    this.skip = Math.round(skipSec * found.sampleRate) * frameBytes;
    if (spanSec !== undefined) this.left = Math.round(spanSec * found.sampleRate) * frameBytes;
    this.sink = new PeakAccumulator(
      found.sampleRate,
      PEAK_PAIRS_PER_SECOND,
      { channels: found.channels, bits: found.bits },
      startSec * PEAK_PAIRS_PER_SECOND,
      this.memory,
    );
    this.push(head.subarray(found.dataOffset));
  }

  /** Whether the window got all the sound it asked for (the rest of the stream always does). */
  get whole(): boolean {
    return this.left === 0 || this.window.spanSec === undefined;
  }

  /** The window's base-level pairs; null when no sound came. */
  pairs(): number[] | null {
    return this.sink === null || this.bytes === 0 ? null : this.sink.pairs();
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

/** A segment decoded on its own starts this much early, and drops it (see PcmWindow). */
const PREROLL_SEC = 1;
/** Clips this long or longer are decoded in segments side by side when cores are free. */
const SEGMENTED_FROM_MS = 120_000;
const MIN_SEGMENT_SEC = 60;
const MAX_SEGMENTS = 4;

/**
 * Containers whose timestamps count samples exactly, so a decode started at a time starts at
 * that sample, and codecs whose frames decode from a second of sound before them: PCM, FLAC and
 * ALAC give the very samples of a single pass. AAC gives them too except in noise-coded bands,
 * which the standard leaves to the decoder's own random noise of the coded energy: ffmpeg draws
 * it from a generator that runs on from where decoding began, so after a segment's start those
 * bands hold other noise of the same level, as they do in a player that seeks there. Only those
 * peaks move, within the noise's own spread: a step or two of the stored bytes, up to an eighth
 * of full scale in loud noise. MP3's and Vorbis's seeks are estimates: those are decoded in one pass.
 */
const EXACT_CONTAINERS = /(^|,)(mov|mp4|m4a|wav|flac)(,|$)/;
const EXACT_CODECS = /^(pcm_[a-z0-9]+|flac|alac|aac)$/;

/** Whether segments of this file decode to the sound of a single pass (see EXACT_CODECS). */
export async function decodesInSegments(mediaPath: string, signal?: AbortSignal): Promise<boolean> {
  try {
    const { stdout } = await runTool(
      mediaTools().ffprobe,
      [
        '-v',
        'error',
        '-select_streams',
        'a:0',
        '-show_entries',
        'stream=codec_name:format=format_name',
        '-of',
        'json',
        mediaPath,
      ],
      signal,
    );
    const info = JSON.parse(stdout) as { streams?: { codec_name?: string }[]; format?: { format_name?: string } };
    return (
      EXACT_CONTAINERS.test(info.format?.format_name ?? '') && EXACT_CODECS.test(info.streams?.[0]?.codec_name ?? '')
    );
  } catch (error) {
    if (error instanceof StudioError && error.code === 'canceled') throw error;
    return false;
  }
}

/**
 * How many cores were idle over the last tenth of a second. The load average is no guide here:
 * it is a minute's mean, and it counts threads waiting on disk and a virtual machine's own
 * housekeeping, which leave a core free.
 */
async function idleCores(): Promise<number> {
  const idleAndTotal = (): [number, number] => {
    let idle = 0;
    let total = 0;
    for (const { times } of cpus()) {
      idle += times.idle;
      total += times.user + times.nice + times.sys + times.idle + times.irq;
    }
    return [idle, total];
  };
  const [idle0, total0] = idleAndTotal();
  await sleep(100);
  const [idle1, total1] = idleAndTotal();
  const share = total1 > total0 ? (idle1 - idle0) / (total1 - total0) : 0;
  return share * cpus().length;
}

/** How many segments to decode side by side: one per idle core, for a long enough clip. */
async function segmentsFor(durationMs: number | undefined): Promise<number> {
  if (!durationMs || durationMs < SEGMENTED_FROM_MS) return 1;
  const free = Math.round(await idleCores());
  return Math.max(1, Math.min(MAX_SEGMENTS, free, Math.floor(durationMs / 1000 / MIN_SEGMENT_SEC)));
}

/** The windows of `count` segments over `durationMs`, each starting on a whole second. */
export function segmentWindows(durationMs: number, count: number): PcmWindow[] {
  const starts = [0];
  for (let i = 1; i < count; i++) {
    const start = Math.round((i * durationMs) / 1000 / count);
    if (start > (starts[starts.length - 1] ?? 0)) starts.push(start);
  }
  return starts.map((startSec, i) => {
    const next = starts[i + 1];
    const window: PcmWindow = { startSec, skipSec: Math.min(PREROLL_SEC, startSec) };
    if (next !== undefined) window.spanSec = next - startSec;
    return window;
  });
}

/**
 * How ffmpeg's samples reach this process: a named pipe read on a thread of its own (where the
 * system has named pipes), or ffmpeg's stdout.
 */
export type PcmTransport = 'named-pipe' | 'stdout';

/**
 * Sounds this long or longer come through a named pipe: starting its reader thread costs tens of
 * milliseconds, which a short clip's whole decode would notice, and saves a second an hour.
 */
const NAMED_PIPE_FROM_MS = 60_000;

function transportFor(durationMs: number | undefined): PcmTransport {
  return durationMs !== undefined && durationMs >= NAMED_PIPE_FROM_MS ? 'named-pipe' : 'stdout';
}

type Progress = (readers: readonly WavPcmReader[]) => void;

/** Reports the fraction of the sound read so far, at every hundredth of it. */
function progressOf(durationMs: number | undefined, onProgress?: (fraction: number) => void): Progress {
  let nextReport = 0;
  return (readers) => {
    if (!onProgress || !durationMs) return;
    let bytes = 0;
    let bytesPerSecond = 0;
    for (const reader of readers) {
      bytes += reader.bytes;
      bytesPerSecond ||= reader.bytesPerSecond;
    }
    if (bytes < nextReport || bytesPerSecond === 0) return;
    nextReport = bytes + Math.max(1, (bytesPerSecond * durationMs) / 1000 / 100);
    onProgress(Math.min(1, bytes / bytesPerSecond / (durationMs / 1000)));
  };
}

/** The error a decode that failed gives the creator. */
function unreadable(error: unknown): StudioError {
  const message = error instanceof Error ? error.message : String(error);
  return new StudioError('unsupported_media', `The clip's sound could not be read for its waveform: ${message}`);
}

/**
 * Decodes one window of the sound through `reader`; false when the file has no sound. `progress`
 * is told of every block read.
 */
async function decodeWindow(
  mediaPath: string,
  reader: WavPcmReader,
  window: PcmWindow,
  signal: AbortSignal | undefined,
  progress: () => void,
  transport: PcmTransport,
): Promise<boolean> {
  const from = window.startSec - window.skipSec;
  // Read through a named pipe on a thread of its own where the system has them (see NamedPipe).
  const pipe = transport === 'named-pipe' ? await NamedPipe.create() : null;
  // 8-bit at the source's own rate with every channel kept: the stored values are bytes anyway,
  // so this is the fewest bytes through the pipe that lose nothing; resampling would shave peaks
  // off, and a mono mix would halve a sound that is in one channel only.
  const args = ffmpegArgs(
    'errors',
    ...(from > 0 ? ['-ss', String(from)] : []),
    '-i',
    mediaPath,
    ...(window.spanSec !== undefined ? ['-t', String(window.skipSec + window.spanSec)] : []),
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
    pipe ? `file:${pipe.path}` : 'pipe:1',
  );
  const failed: { error: Error | null } = { error: null };
  const take = (chunk: Uint8Array): void => {
    if (failed.error !== null) return;
    try {
      reader.push(chunk);
    } catch (error) {
      // Thrown here it would escape the pipe's event handler; reported once ffmpeg has ended.
      failed.error = error instanceof Error ? error : new Error(String(error));
      return;
    }
    progress();
  };
  const reading = pipe?.read(reader.memory.ring, take).catch((error: unknown) => {
    failed.error ??= error instanceof Error ? error : new Error(String(error));
  });
  try {
    await runTool(mediaTools().ffmpeg, args, signal, pipe ? undefined : take);
  } catch (error) {
    if (error instanceof StudioError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    // `-map 0:a:0?` maps nothing for a file without sound, and ffmpeg then refuses to write.
    if (/does not contain any stream/i.test(message)) return false;
    throw unreadable(error);
  } finally {
    if (pipe) {
      await pipe.release();
      await reading;
      await pipe.remove();
    }
  }
  if (failed.error !== null) throw unreadable(failed.error);
  return true;
}

/**
 * The peaks of a long clip decoded in segments side by side, each from a second before its
 * start, joined into the pairs a single pass gives; undefined when the segments did not make a
 * whole (the sound stops before the clip does, a decode failed), for a single pass to answer.
 */
export async function peaksInSegments(
  mediaPath: string,
  durationMs: number,
  count: number,
  signal: AbortSignal | undefined,
  onProgress?: (fraction: number) => void,
  transport: PcmTransport = transportFor(durationMs),
): Promise<PeakFile | undefined> {
  const windows = segmentWindows(durationMs, count);
  const readers = windows.map((window) => new WavPcmReader(window, transport));
  const progress = progressOf(durationMs, onProgress);
  const stop = new AbortController();
  const abort = (): void => stop.abort();
  signal?.addEventListener('abort', abort, { once: true });
  try {
    const found = await Promise.all(
      windows.map((window, i) =>
        decodeWindow(
          mediaPath,
          readers[i] ?? new WavPcmReader(window, transport),
          window,
          stop.signal,
          () => progress(readers),
          transport,
        ),
      ),
    );
    if (found.some((has) => !has)) return undefined;
  } catch (error) {
    stop.abort();
    if (signal?.aborted) throw error;
    return undefined;
  } finally {
    signal?.removeEventListener('abort', abort);
  }
  const rate = readers[0]?.sampleRate ?? 0;
  if (rate < PEAK_PAIRS_PER_SECOND || readers.some((reader) => reader.sampleRate !== rate)) return undefined;
  let base: number[] = [];
  for (const [i, reader] of readers.entries()) {
    const pairs = reader.pairs();
    // Every segment but the last covers its whole span; one that came up short ends the sound.
    if (pairs === null || (!reader.whole && readers.slice(i + 1).some((later) => later.bytes > 0))) return undefined;
    base = base.concat(pairs);
    if (!reader.whole) break;
  }
  return peakFileOf(base, PEAK_PAIRS_PER_SECOND, durationMs);
}

/**
 * Decodes a media file's sound with ffmpeg and returns its peaks; null when it has no audio
 * stream. `onProgress` gets the fraction done when `durationMs` is known. A long clip is decoded
 * in `segments` side by side, by default one per idle core, when its format allows a segment to
 * give the sound of a single pass. A long sound comes through a named pipe (see NamedPipe),
 * unless `transport` says otherwise.
 */
export async function computePeaks(
  mediaPath: string,
  options: {
    durationMs?: number;
    signal?: AbortSignal;
    onProgress?: (fraction: number) => void;
    segments?: number;
    transport?: PcmTransport;
  } = {},
): Promise<PeakFile | null> {
  const { signal, durationMs, onProgress } = options;
  const transport = options.transport ?? transportFor(durationMs);
  const segments = options.segments ?? (await segmentsFor(durationMs));
  if (segments > 1 && durationMs && (await decodesInSegments(mediaPath, signal))) {
    const joined = await peaksInSegments(mediaPath, durationMs, segments, signal, onProgress, transport);
    if (joined !== undefined) return joined;
  }
  const reader = new WavPcmReader({ startSec: 0, skipSec: 0 }, transport);
  const progress = progressOf(durationMs, onProgress);
  const found = await decodeWindow(
    mediaPath,
    reader,
    { startSec: 0, skipSec: 0 },
    signal,
    () => progress([reader]),
    transport,
  );
  return found ? reader.finish(durationMs) : null;
}

/** Stores peaks as the JSON file a clip's `peaks_hash` points at, the one form the timeline reads. */
export function storePeaks(
  store: Pick<MediaStore, 'putBuffer'>,
  peaks: PeakFile,
  signal?: AbortSignal,
): Promise<StoredObject> {
  return store.putBuffer(Buffer.from(JSON.stringify(peaks), 'utf8'), signal ? { signal } : {});
}

/**
 * Where sounds start in a clip's own audio, listened for only around the times asked: ffmpeg
 * decodes the sound to mono float samples on a pipe, only the stretches around each window are
 * kept, and the onset detector runs on each. One decode serves every window.
 */
import { StudioError } from '../../shared/errors';
import { ffmpegArgs } from './ffmpegArgs';
import { detectOnsets } from './onsets';
import { mediaTools, runTool } from './tools';

/** The onset detector's thresholds were tuned on 48 kHz renders. */
export const ONSET_SAMPLE_RATE = 48_000;
/**
 * How the detector listens in a finished mix. Its defaults suit a sound alone on a quiet bed (the
 * engine's tests); in a clip a directed sound often starts over speech, music or a rumbling
 * thunder, which lift the background it is measured against, and AAC smears each attack's noise
 * over the ~20 ms before it (pre-echo), which blunts the rising edge. With the defaults a thunder
 * under a line of dialogue, or a door slam in a thunder's tail, went unheard or was taken for a
 * syllable a few hundred ms away. These thresholds hear them (on the engine's renders: 57 of 59
 * directions within 30 ms, against 51 with the defaults).
 */
const MIX_LISTENING = { ratio: 3, jump: 2 } as const;
/** Sound kept before a window, so the detector knows the background a sound rises from. */
const LEAD_MS = 300;

export interface Window {
  fromMs: number;
  toMs: number;
  /** Of the onsets in the window, the one nearest this is taken. */
  nearMs: number;
}

interface Stretch {
  window: Window;
  /** First sample kept. */
  start: number;
  samples: Float32Array;
}

function sampleAt(ms: number): number {
  return Math.round((ms / 1000) * ONSET_SAMPLE_RATE);
}

/** Copies the decoded samples [at, at + chunk.length) into every stretch they overlap. */
function keep(stretches: readonly Stretch[], chunk: Float32Array, at: number): void {
  for (const s of stretches) {
    const from = Math.max(at, s.start);
    const to = Math.min(at + chunk.length, s.start + s.samples.length);
    if (from < to) s.samples.set(chunk.subarray(from - at, to - at), from - s.start);
  }
}

/** The onset nearest the window's asked time, in whole ms, among those inside it. */
function heardIn(stretch: Stretch): number | null {
  const { window } = stretch;
  let best: number | null = null;
  for (const seconds of detectOnsets(stretch.samples, { sampleRate: ONSET_SAMPLE_RATE, ...MIX_LISTENING })) {
    const ms = Math.round(((stretch.start + seconds * ONSET_SAMPLE_RATE) / ONSET_SAMPLE_RATE) * 1000);
    if (ms < window.fromMs || ms > window.toMs) continue;
    if (best === null || Math.abs(ms - window.nearMs) < Math.abs(best - window.nearMs)) best = ms;
  }
  return best;
}

/**
 * For each window, the onset heard in it nearest its asked time (ms from the clip's start), or
 * null when none was; null as a whole when the file has no sound.
 */
export async function heardOnsets(
  mediaPath: string,
  windows: readonly Window[],
  options: { signal?: AbortSignal } = {},
): Promise<(number | null)[] | null> {
  if (windows.length === 0) return [];
  const stretches: Stretch[] = windows.map((window) => {
    const start = sampleAt(Math.max(0, window.fromMs - LEAD_MS));
    return { window, start, samples: new Float32Array(Math.max(0, sampleAt(window.toMs) - start + 1)) };
  });
  const lastMs = Math.max(...windows.map((w) => w.toMs)) + 50;
  const args = ffmpegArgs(
    'errors',
    '-i',
    mediaPath,
    '-map',
    '0:a:0?',
    '-vn',
    '-sn',
    '-dn',
    // Nothing after the last window is listened to.
    '-t',
    (lastMs / 1000).toFixed(3),
    '-ac',
    '1',
    '-ar',
    String(ONSET_SAMPLE_RATE),
    '-f',
    'f32le',
    '-c:a',
    'pcm_f32le',
    'pipe:1',
  );
  let decoded = 0;
  let carry = Buffer.alloc(0);
  const take = (chunk: Buffer): void => {
    const bytes = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
    const whole = bytes.length - (bytes.length % 4);
    carry = Buffer.from(bytes.subarray(whole));
    // A float view needs a 4-byte aligned offset; a pipe's chunks usually are, copies when not.
    const aligned = bytes.byteOffset % 4 === 0 ? bytes : Buffer.from(bytes.subarray(0, whole));
    const samples = new Float32Array(aligned.buffer, aligned.byteOffset, whole / 4);
    keep(stretches, samples, decoded);
    decoded += samples.length;
  };
  try {
    await runTool(mediaTools().ffmpeg, args, options.signal, take);
  } catch (error) {
    if (error instanceof StudioError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    // `-map 0:a:0?` maps nothing for a file without sound, and ffmpeg then refuses to write.
    if (/does not contain any stream/i.test(message)) return null;
    throw new StudioError('unsupported_media', `The clip's sound could not be read to measure drift: ${message}`);
  }
  if (decoded === 0) return null;
  return stretches.map(heardIn);
}

/**
 * The mix: beds and effects on one bus, dialogue on another; the first ducks under the second;
 * the sum is normalised to a target loudness (ITU-R BS.1770 integrated, gated) and held under a
 * sample-peak ceiling by a look-ahead limiter, which lowers gain before a peak so nothing moves
 * in time.
 */
import { writeFile } from 'node:fs/promises';
import { dbToGain, gainToDb, panGains, sampleRate } from './dsp';
import type { Stereo } from './beds';
import { wavHeaderBytes, writeWavHeader } from './wavHeader';

export const targetLufs = -16;
export const ceilingDb = -1;

export function stereo(frames: number): Stereo {
  return { left: new Float32Array(frames), right: new Float32Array(frames) };
}

/** Adds mono samples into a stereo bus at a sample offset, panned. */
export function addMono(bus: Stereo, mono: Float32Array, at: number, pan: number, gain: number): void {
  const [gl, gr] = panGains(pan);
  const start = Math.max(0, at);
  const end = Math.min(bus.left.length, at + mono.length);
  for (let i = start; i < end; i++) {
    const v = (mono[i - at] ?? 0) * gain;
    bus.left[i] = (bus.left[i] ?? 0) + v * gl;
    bus.right[i] = (bus.right[i] ?? 0) + v * gr;
  }
}

/** A smoothed level follower over a bus: fast attack, slow release. */
export function envelope(bus: Stereo, attackS = 0.01, releaseS = 0.3): Float32Array {
  const out = new Float32Array(bus.left.length);
  const a = Math.exp(-1 / (attackS * sampleRate));
  const r = Math.exp(-1 / (releaseS * sampleRate));
  let e = 0;
  for (let i = 0; i < out.length; i++) {
    const x = Math.max(Math.abs(bus.left[i] ?? 0), Math.abs(bus.right[i] ?? 0));
    e = x > e ? a * e + (1 - a) * x : r * e + (1 - r) * x;
    out[i] = e;
  }
  return out;
}

export interface Ducking {
  /** How far beds drop under speech, dB (negative). */
  bedsDb: number;
  /** How far effects drop under speech, dB (negative). */
  effectsDb: number;
}

/** Lowers beds and effects where dialogue speaks. */
export function duck(beds: Stereo, effects: Stereo, dialogue: Stereo, ducking: Ducking): void {
  const env = envelope(dialogue, 0.02, 0.35);
  const bedDepth = 1 - dbToGain(ducking.bedsDb);
  const fxDepth = 1 - dbToGain(ducking.effectsDb);
  for (let i = 0; i < env.length; i++) {
    const k = Math.min(1, (env[i] ?? 0) / 0.05);
    if (k <= 0) continue;
    const gb = 1 - bedDepth * k;
    const ge = 1 - fxDepth * k;
    beds.left[i] = (beds.left[i] ?? 0) * gb;
    beds.right[i] = (beds.right[i] ?? 0) * gb;
    effects.left[i] = (effects.left[i] ?? 0) * ge;
    effects.right[i] = (effects.right[i] ?? 0) * ge;
  }
}

/** The K-weighting filter's two stages (BS.1770-4 at 48 kHz): a high shelf, then a high pass. */
const shelfB = [1.53512485958697, -2.69169618940638, 1.19839281085285] as const;
const shelfA = [-1.69065929318241, 0.73248077421585] as const;
const passB = [1, -2, 1] as const;
const passA = [-1.99004745483398, 0.99007225036621] as const;

/**
 * K-weights one channel sample by sample: both biquads in one step, each stage's output rounded
 * to 32 bits as a Float32Array would hold it, so the result is exactly that of filtering the
 * whole channel into one array, then into another, without the arrays.
 */
class KWeighting {
  private x1 = 0;
  private x2 = 0;
  private y1 = 0;
  private y2 = 0;
  private u1 = 0;
  private u2 = 0;
  private v1 = 0;
  private v2 = 0;

  next(x: number): number {
    const y = shelfB[0] * x + shelfB[1] * this.x1 + shelfB[2] * this.x2 - shelfA[0] * this.y1 - shelfA[1] * this.y2;
    this.x2 = this.x1;
    this.x1 = x;
    this.y2 = this.y1;
    this.y1 = y;
    const u = Math.fround(y);
    const v = passB[0] * u + passB[1] * this.u1 + passB[2] * this.u2 - passA[0] * this.v1 - passA[1] * this.v2;
    this.u2 = this.u1;
    this.u1 = u;
    this.v2 = this.v1;
    this.v1 = v;
    return Math.fround(v);
  }
}

/** Integrated loudness in LUFS (BS.1770-4, 48 kHz): K-weighted, 400 ms blocks, absolute and relative gates. */
export function integratedLoudness(bus: Stereo): number {
  const n = bus.left.length;
  const kl = new KWeighting();
  const kr = new KWeighting();
  const block = Math.round(0.4 * sampleRate);
  const hop = Math.round(0.1 * sampleRate);
  // Blocks overlap by three quarters: each 100 ms hop is summed once and a block adds four.
  const hopsPerBlock = block / hop;
  const hops = Math.floor(n / hop);
  const hopSums = new Float64Array(hops);
  // The whole clip's sum, for a clip shorter than one block.
  let whole = 0;
  for (let k = 0, i = 0; i < n; k++) {
    let sum = 0;
    const end = Math.min(n, (k + 1) * hop);
    for (; i < end; i++) {
      const l = kl.next(bus.left[i] ?? 0);
      const r = kr.next(bus.right[i] ?? 0);
      const p = l ** 2 + r ** 2;
      sum += p;
      whole += p;
    }
    if (k < hops) hopSums[k] = sum;
  }
  const powers: number[] = [];
  for (let k = 0; k + hopsPerBlock <= hops; k++) {
    let sum = 0;
    for (let j = k; j < k + hopsPerBlock; j++) sum += hopSums[j] ?? 0;
    powers.push(sum / block);
  }
  if (powers.length === 0) powers.push(whole / Math.max(1, n));
  const lufs = (p: number): number => -0.691 + 10 * Math.log10(Math.max(p, 1e-20));
  const absolute = powers.filter((p) => lufs(p) > -70);
  if (absolute.length === 0) return -Infinity;
  const mean = absolute.reduce((s, p) => s + p, 0) / absolute.length;
  const relative = absolute.filter((p) => lufs(p) > lufs(mean) - 10);
  const gated = relative.reduce((s, p) => s + p, 0) / Math.max(1, relative.length);
  return lufs(gated);
}

/** Holds peaks under the ceiling: gain falls over the 5 ms before a peak and recovers over 80 ms. */
export function limit(bus: Stereo, ceiling = dbToGain(ceilingDb)): void {
  const n = bus.left.length;
  const look = Math.round(0.005 * sampleRate);
  const need = new Float32Array(n);
  let any = false;
  for (let i = 0; i < n; i++) {
    const peak = Math.max(Math.abs(bus.left[i] ?? 0), Math.abs(bus.right[i] ?? 0));
    need[i] = peak > ceiling ? ceiling / peak : 1;
    if (peak > ceiling) any = true;
  }
  if (!any) return;
  // Minimum over the look-ahead window [i, i + look], by a monotonic deque.
  const ahead = new Float32Array(n);
  const deque = new Int32Array(n);
  let head = 0;
  let tail = 0;
  let next = 0;
  for (let i = 0; i < n; i++) {
    while (next < n && next <= i + look) {
      const v = need[next] ?? 1;
      while (tail > head && (need[deque[tail - 1] ?? 0] ?? 1) >= v) tail--;
      deque[tail++] = next;
      next++;
    }
    while ((deque[head] ?? 0) < i) head++;
    ahead[i] = need[deque[head] ?? i] ?? 1;
  }
  // A trailing average over the same window: smooth, and never above what any peak in it needs.
  const release = Math.exp(-1 / (0.08 * sampleRate));
  let sum = 0;
  let g = 1;
  for (let i = 0; i < n; i++) {
    sum += ahead[i] ?? 1;
    if (i >= look) sum -= ahead[i - look] ?? 1;
    const avg = sum / Math.min(i + 1, look);
    const want = i + 1 < look ? Math.min(avg, ahead[i] ?? 1) : avg;
    g = want < g ? want : release * g + (1 - release) * want;
    bus.left[i] = (bus.left[i] ?? 0) * g;
    bus.right[i] = (bus.right[i] ?? 0) * g;
  }
}

export interface MixResult {
  bus: Stereo;
  loudnessBefore: number;
  loudnessAfter: number;
  gainDb: number;
}

/**
 * Sums the buses after ducking (none for a mix without lines: null), normalises loudness and
 * limits. Gain stops short of pushing a protected span (a directed sound's first instant) more
 * than 1 dB into the limiter, which would flatten the very sound that must stand out; such a clip
 * ends up quieter than the target.
 */
export function master(
  beds: Stereo,
  effects: Stereo,
  dialogue: Stereo,
  ducking: Ducking | null,
  protect: readonly { from: number; to: number }[] = [],
): MixResult {
  if (ducking) duck(beds, effects, dialogue, ducking);
  const n = beds.left.length;
  const bus = stereo(n);
  for (let i = 0; i < n; i++) {
    bus.left[i] = (beds.left[i] ?? 0) + (effects.left[i] ?? 0) + (dialogue.left[i] ?? 0);
    bus.right[i] = (beds.right[i] ?? 0) + (effects.right[i] ?? 0) + (dialogue.right[i] ?? 0);
  }
  const before = integratedLoudness(bus);
  if (!Number.isFinite(before)) return { bus, loudnessBefore: before, loudnessAfter: before, gainDb: 0 };
  // Gain is linear, so it moves loudness by exactly its dB; only the limiter (which lowers loud
  // moments) needs another look; most clips are done in one or two passes.
  let protectedPeak = 0;
  for (const span of protect)
    for (let i = span.from; i < span.to; i++)
      protectedPeak = Math.max(protectedPeak, Math.abs(bus.left[i] ?? 0), Math.abs(bus.right[i] ?? 0));
  const maxGainDb = protectedPeak > 0 ? ceilingDb + 1 - gainToDb(protectedPeak) : 30;
  let gainDb = Math.min(30, maxGainDb, targetLufs - before);
  // Each pass fills the whole of one output bus afresh.
  const out = stereo(n);
  let after = before;
  for (let pass = 0; pass < 4; pass++) {
    const g = dbToGain(gainDb);
    for (let i = 0; i < n; i++) {
      out.left[i] = (bus.left[i] ?? 0) * g;
      out.right[i] = (bus.right[i] ?? 0) * g;
    }
    limit(out);
    after = integratedLoudness(out);
    const miss = targetLufs - after;
    if (Math.abs(miss) < 0.3 || gainDb >= Math.min(30, maxGainDb)) break;
    gainDb = Math.min(30, maxGainDb, gainDb + miss);
  }
  return { bus: out, loudnessBefore: before, loudnessAfter: after, gainDb };
}

/** The bus as a WAV: interleaved 32-bit float stereo, header and samples in one buffer. */
export function wavBytes(bus: Stereo): Uint8Array<ArrayBuffer> {
  const frames = bus.left.length;
  const bytes = new ArrayBuffer(wavHeaderBytes + frames * 2 * 4);
  writeWavHeader(Buffer.from(bytes), {
    format: 3,
    channels: 2,
    sampleRate,
    bitsPerSample: 32,
    dataBytes: frames * 2 * 4,
  });
  // WAV is little-endian, as are the machines Shotline runs on; the 44-byte header keeps the samples aligned.
  const samples = new Float32Array(bytes, wavHeaderBytes, frames * 2);
  for (let i = 0; i < frames; i++) {
    samples[i * 2] = bus.left[i] ?? 0;
    samples[i * 2 + 1] = bus.right[i] ?? 0;
  }
  return new Uint8Array(bytes);
}

/** Writes the bus as a WAV file (wavBytes). */
export async function writeWav(path: string, bus: Stereo): Promise<void> {
  await writeFile(path, wavBytes(bus));
}

/** Waveform peaks in the audiowaveform JSON format that peaks.js and wavesurfer read. */
export interface WaveformPeaks {
  version: 2;
  channels: 1;
  sample_rate: number;
  samples_per_pixel: number;
  bits: 8;
  length: number;
  /** min, max pairs, -128 to 127. */
  data: number[];
}

export function waveformPeaks(bus: Stereo, samplesPerPixel = 480): WaveformPeaks {
  const n = bus.left.length;
  const length = Math.ceil(n / samplesPerPixel);
  const data: number[] = [];
  for (let p = 0; p < length; p++) {
    let lo = 0;
    let hi = 0;
    const end = Math.min(n, (p + 1) * samplesPerPixel);
    for (let i = p * samplesPerPixel; i < end; i++) {
      const v = ((bus.left[i] ?? 0) + (bus.right[i] ?? 0)) / 2;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    data.push(Math.max(-128, Math.round(lo * 128)), Math.min(127, Math.round(hi * 127)));
  }
  return {
    version: 2,
    channels: 1,
    sample_rate: sampleRate,
    samples_per_pixel: samplesPerPixel,
    bits: 8,
    length,
    data,
  };
}

/**
 * Energy onset detection: where sounds start in a recording. The tests use it on decoded renders
 * to check that sounds land at their times; it is also handy for checking a mix by hand.
 */

export interface OnsetOptions {
  sampleRate: number;
  /** How many times louder than the recent background a sound must be. */
  ratio?: number;
  /** Absolute floor on the short-window RMS, so silence with dither does not trigger. */
  floor?: number;
  /** How many times louder than the 16 ms just before it a sound's start must be: a rising edge. */
  jump?: number;
  /** Minimum gap between onsets, seconds. */
  refractory?: number;
  /** Look only above this frequency (a first-order high-pass), to ignore rumble. */
  highpassHz?: number;
}

/** Onset times in seconds. */
export function detectOnsets(input: Float32Array, o: OnsetOptions): number[] {
  const sr = o.sampleRate;
  const samples = o.highpassHz !== undefined ? highpass(input, o.highpassHz, sr) : input;
  const ratio = o.ratio ?? 4;
  const floor = o.floor ?? 0.01;
  const jump = o.jump ?? 3;
  const refractory = o.refractory ?? 0.012;
  const hop = Math.max(1, Math.round(0.002 * sr));
  const win = hop * 2;
  const hops = Math.floor(samples.length / hop);
  const rms = new Float32Array(hops);
  for (let h = 0; h < hops; h++) {
    let sum = 0;
    const start = h * hop;
    const end = Math.min(samples.length, start + win);
    for (let i = start; i < end; i++) sum += (samples[i] ?? 0) ** 2;
    rms[h] = Math.sqrt(sum / Math.max(1, end - start));
  }
  const history = Math.round(0.15 / 0.002);
  const out: number[] = [];
  let last = -Infinity;
  const sorted: number[] = [];
  for (let h = 0; h < hops; h++) {
    // Background: the 30th percentile of the previous 150 ms, robust to the sound's own tail.
    const from = Math.max(0, h - history);
    sorted.length = 0;
    for (let k = from; k < h; k++) sorted.push(rms[k] ?? 0);
    sorted.sort((a, b) => a - b);
    const bg = sorted.length > 0 ? (sorted[Math.floor(sorted.length * 0.3)] ?? 0) : 0;
    const v = rms[h] ?? 0;
    let recent = 0;
    for (let k = Math.max(0, h - 10); k < h - 1; k++) recent += (rms[k] ?? 0) / 8;
    const threshold = Math.max(floor, bg * ratio, recent * jump);
    if (v > threshold && h * hop - last > refractory * sr) {
      // Refine to the first sample within this window that clears the background clearly.
      const sampleThreshold = Math.max(floor, bg * ratio, recent * jump) * 0.9;
      let at = h * hop;
      for (let i = Math.max(0, h * hop - hop); i < Math.min(samples.length, h * hop + win); i++) {
        if (Math.abs(samples[i] ?? 0) > sampleThreshold) {
          at = i;
          break;
        }
      }
      out.push(at / sr);
      last = at;
    }
  }
  return out;
}

function highpass(x: Float32Array, hz: number, sr: number): Float32Array {
  const rc = 1 / (2 * Math.PI * hz);
  const a = rc / (rc + 1 / sr);
  const y = new Float32Array(x.length);
  let prevX = 0;
  let prevY = 0;
  for (let i = 0; i < x.length; i++) {
    const xi = x[i] ?? 0;
    prevY = a * (prevY + xi - prevX);
    prevX = xi;
    y[i] = prevY;
  }
  return y;
}

/**
 * The first moment after `after` seconds when the 5 ms energy rises above `factor` times the
 * background measured just before it: the start of a sound that swells (a voice) rather than
 * strikes (a knock), which the jump test in detectOnsets is too strict for.
 */
export function firstRise(
  samples: Float32Array,
  o: { sampleRate: number; after: number; factor?: number; highpassHz?: number },
): number | null {
  const sr = o.sampleRate;
  const x = o.highpassHz !== undefined ? highpass(samples, o.highpassHz, sr) : samples;
  const win = Math.round(0.005 * sr);
  const rms = (from: number): number => {
    let sum = 0;
    for (let i = from; i < from + win && i < x.length; i++) sum += (x[i] ?? 0) ** 2;
    return Math.sqrt(sum / win);
  };
  const start = Math.round(o.after * sr);
  const bgWindows: number[] = [];
  for (let i = Math.max(0, start - Math.round(0.3 * sr)); i + win <= start; i += win) bgWindows.push(rms(i));
  bgWindows.sort((a, b) => a - b);
  const bg = bgWindows[Math.floor(bgWindows.length / 2)] ?? 0;
  const threshold = Math.max(1e-4, bg * (o.factor ?? 3));
  for (let i = start; i + win <= x.length; i += Math.round(win / 5)) {
    if (rms(i) > threshold) {
      for (let j = i; j < i + win; j++) if (Math.abs(x[j] ?? 0) > threshold) return j / sr;
      return i / sr;
    }
  }
  return null;
}

/** The onset nearest to a time, seconds, or null when there are none. */
export function nearestOnset(onsets: readonly number[], t: number): number | null {
  let best: number | null = null;
  for (const o of onsets) if (best === null || Math.abs(o - t) < Math.abs(best - t)) best = o;
  return best;
}

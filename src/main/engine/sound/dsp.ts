/** Small signal-processing building blocks for the procedural sounds. */

export const sampleRate = 48_000;

export type FilterType = 'lowpass' | 'highpass' | 'bandpass' | 'peak';

/** An RBJ biquad, direct form I; cheap enough to run per sample. */
export class Biquad {
  private b0 = 1;
  private b1 = 0;
  private b2 = 0;
  private a1 = 0;
  private a2 = 0;
  private x1 = 0;
  private x2 = 0;
  private y1 = 0;
  private y2 = 0;

  constructor(
    private type: FilterType,
    freq: number,
    q = 0.707,
    gainDb = 0,
  ) {
    this.set(freq, q, gainDb);
  }

  set(freq: number, q = 0.707, gainDb = 0): void {
    const f = Math.min(Math.max(freq, 10), sampleRate * 0.45);
    const w = (2 * Math.PI * f) / sampleRate;
    const cos = Math.cos(w);
    const alpha = Math.sin(w) / (2 * q);
    let b0: number;
    let b1: number;
    let b2: number;
    let a0: number;
    let a1: number;
    let a2: number;
    switch (this.type) {
      case 'lowpass':
        b0 = (1 - cos) / 2;
        b1 = 1 - cos;
        b2 = (1 - cos) / 2;
        a0 = 1 + alpha;
        a1 = -2 * cos;
        a2 = 1 - alpha;
        break;
      case 'highpass':
        b0 = (1 + cos) / 2;
        b1 = -(1 + cos);
        b2 = (1 + cos) / 2;
        a0 = 1 + alpha;
        a1 = -2 * cos;
        a2 = 1 - alpha;
        break;
      case 'bandpass':
        b0 = alpha;
        b1 = 0;
        b2 = -alpha;
        a0 = 1 + alpha;
        a1 = -2 * cos;
        a2 = 1 - alpha;
        break;
      case 'peak': {
        const A = Math.pow(10, gainDb / 40);
        b0 = 1 + alpha * A;
        b1 = -2 * cos;
        b2 = 1 - alpha * A;
        a0 = 1 + alpha / A;
        a1 = -2 * cos;
        a2 = 1 - alpha / A;
        break;
      }
    }
    this.b0 = b0 / a0;
    this.b1 = b1 / a0;
    this.b2 = b2 / a0;
    this.a1 = a1 / a0;
    this.a2 = a2 / a0;
  }

  process(x: number): number {
    const y = this.b0 * x + this.b1 * this.x1 + this.b2 * this.x2 - this.a1 * this.y1 - this.a2 * this.y2;
    this.x2 = this.x1;
    this.x1 = x;
    this.y2 = this.y1;
    this.y1 = y;
    return y;
  }
}

/** Deterministic white noise in [-1, 1) (xorshift32). */
export class Noise {
  /**
   * The state's 32 bits as a signed integer. Kept unsigned, most values are past what V8 stores
   * as a small integer, and every sample boxed a new number: ten times the time of the rest.
   */
  private s: number;

  constructor(seed: number) {
    this.s = (seed >>> 0 || 0x9e3779b9) | 0;
  }

  next(): number {
    let s = this.s;
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    this.s = s;
    return (s >>> 0) / 2147483648 - 1;
  }

  /** Uniform in [0, 1). */
  uniform(): number {
    return (this.next() + 1) / 2;
  }
}

/** Brown (red) noise: integrated white noise with a leak, for rumbles and surf. */
export class BrownNoise {
  private last = 0;

  constructor(private readonly white: Noise) {}

  next(): number {
    this.last = (this.last + 0.02 * this.white.next()) * 0.998;
    return this.last * 3.5;
  }
}

/** Pink-ish noise (Paul Kellet's economy filter). */
export class PinkNoise {
  private b0 = 0;
  private b1 = 0;
  private b2 = 0;

  constructor(private readonly white: Noise) {}

  next(): number {
    const w = this.white.next();
    this.b0 = 0.99765 * this.b0 + w * 0.099046;
    this.b1 = 0.963 * this.b1 + w * 0.2965164;
    this.b2 = 0.57 * this.b2 + w * 1.0526913;
    return (this.b0 + this.b1 + this.b2 + w * 0.1848) * 0.25;
  }
}

/** Exponential decay with a linear attack: 0 before 0, rising over `attack` s, falling by `decay` time constant. */
export function adEnvelope(t: number, attack: number, decay: number): number {
  if (t < 0) return 0;
  if (t < attack) return t / attack;
  return Math.exp(-(t - attack) / decay);
}

export function dbToGain(db: number): number {
  return Math.pow(10, db / 20);
}

export function gainToDb(gain: number): number {
  return 20 * Math.log10(Math.max(gain, 1e-12));
}

/** Equal-power pan gains for -1 (left) to 1 (right). */
export function panGains(pan: number): [number, number] {
  const p = (Math.max(-1, Math.min(1, pan)) + 1) * (Math.PI / 4);
  return [Math.cos(p), Math.sin(p)];
}

/** Adds a decaying resonant "body" tone: the wooden or metal part of an impact. */
export function addTone(out: Float32Array, at: number, freq: number, amp: number, decay: number, drop = 0): void {
  const start = Math.round(at * sampleRate);
  const fall = Math.exp(-1 / (decay * sampleRate));
  const glide = Math.exp(-1 / (0.05 * sampleRate));
  let env = amp;
  let bend = 1;
  let phase = 0;
  for (let i = start; i < out.length && env > 1e-4 * amp; i++) {
    const f = freq * (1 - drop * (1 - bend));
    phase += (2 * Math.PI * f) / sampleRate;
    out[i] = (out[i] ?? 0) + Math.sin(phase) * env;
    env *= fall;
    bend *= glide;
  }
}

/** Adds a filtered noise burst: the crack, scrape or hiss of an impact. */
export function addBurst(
  out: Float32Array,
  noise: Noise,
  at: number,
  amp: number,
  attack: number,
  decay: number,
  filter: Biquad | null,
  length = decay * 8,
): void {
  const start = Math.round(at * sampleRate);
  const end = Math.min(out.length, start + Math.round((attack + length) * sampleRate));
  for (let i = start; i < end; i++) {
    const t = (i - start) / sampleRate;
    let x = noise.next();
    if (filter) x = filter.process(x);
    out[i] = (out[i] ?? 0) + x * amp * adEnvelope(t, attack, decay);
  }
}

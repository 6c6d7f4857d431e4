/**
 * Procedural sound effects. Each starts at its first sample with its attack, so a sound placed at
 * a time is heard at that time; each is deterministic for its seed.
 */
import type { EffectId } from '../vocabulary/sound';
import { adEnvelope, addBurst, addTone, Biquad, BrownNoise, Noise, sampleRate } from './dsp';
import { animalEffects } from './animalEffects';
import { creatorEffects } from './creatorEffects';

export interface EffectOptions {
  seed: number;
  /** Linear gain, 1 is the natural level. */
  level: number;
  /** For sounds with a length (footsteps, rumble, heartbeat): how long, seconds. */
  seconds?: number;
}

function buffer(seconds: number): Float32Array {
  return new Float32Array(Math.max(1, Math.round(seconds * sampleRate)));
}

function doorSlam(o: EffectOptions): Float32Array {
  const out = buffer(0.9);
  const n = new Noise(o.seed);
  addBurst(out, n, 0, 1.6, 0.0005, 0.03, new Biquad('lowpass', 2500, 0.8));
  addTone(out, 0, 78, 0.9, 0.12, 0.35);
  addTone(out, 0, 145, 0.35, 0.07);
  // The frame and latch rattle just after the hit.
  addBurst(out, n, 0.06, 0.25, 0.001, 0.02, new Biquad('bandpass', 1800, 3));
  addBurst(out, n, 0.11, 0.12, 0.001, 0.015, new Biquad('bandpass', 2600, 3));
  return out;
}

function knock(o: EffectOptions): Float32Array {
  const out = buffer(0.9);
  const n = new Noise(o.seed);
  for (const at of [0, 0.24, 0.48]) {
    addBurst(out, n, at, 1.1, 0.0003, 0.012, new Biquad('bandpass', 900, 1.5));
    addTone(out, at, 260, 0.6, 0.035);
    addTone(out, at, 410, 0.25, 0.02);
  }
  return out;
}

function footsteps(o: EffectOptions): Float32Array {
  const seconds = o.seconds ?? 3;
  const out = buffer(seconds + 0.2);
  const n = new Noise(o.seed);
  for (let at = 0; at < seconds; at += 0.52 + n.next() * 0.03) {
    addTone(out, at, 70, 0.5, 0.04);
    addBurst(out, n, at, 0.5, 0.001, 0.02, new Biquad('bandpass', 1400, 1));
    addBurst(out, n, at + 0.03, 0.18, 0.005, 0.03, new Biquad('highpass', 3000));
  }
  return out;
}

function splash(o: EffectOptions): Float32Array {
  const out = buffer(1.1);
  const n = new Noise(o.seed);
  const bp = new Biquad('bandpass', 1200, 0.9);
  for (let i = 0; i < out.length; i++) {
    const t = i / sampleRate;
    bp.set(2200 * Math.exp(-t * 3) + 500, 0.9);
    out[i] = bp.process(n.next()) * 1.4 * adEnvelope(t, 0.002, 0.12);
  }
  addTone(out, 0, 110, 0.35, 0.06, 0.3);
  // Droplets falling back: short rising blips.
  for (let k = 0; k < 14; k++) {
    const at = 0.08 + n.uniform() * 0.6;
    const f = 900 + n.uniform() * 1800;
    const start = Math.round(at * sampleRate);
    let ph = 0;
    for (let i = start; i < Math.min(out.length, start + 2400); i++) {
      const t = (i - start) / sampleRate;
      ph += (2 * Math.PI * f * (1 + t * 12)) / sampleRate;
      out[i] = (out[i] ?? 0) + Math.sin(ph) * 0.12 * Math.exp(-t / 0.012);
    }
  }
  return out;
}

function windChime(o: EffectOptions): Float32Array {
  const out = buffer(3.2);
  const n = new Noise(o.seed);
  const notes = [1046.5, 1174.7, 1318.5, 1568, 1760, 2093];
  let at = 0;
  for (let k = 0; k < 7 && at < 2.2; k++) {
    const f = notes[Math.floor(n.uniform() * notes.length)] ?? 1318.5;
    const amp = k === 0 ? 0.5 : 0.25 + n.uniform() * 0.2;
    addTone(out, at, f, amp, 0.9);
    addTone(out, at, f * 2.76, amp * 0.35, 0.35);
    addTone(out, at, f * 5.4, amp * 0.15, 0.12);
    addBurst(out, n, at, amp * 0.5, 0.0002, 0.003, new Biquad('highpass', 4000));
    at += 0.12 + n.uniform() * 0.35;
  }
  return out;
}

function thunder(o: EffectOptions): Float32Array {
  const out = buffer(4.5);
  const n = new Noise(o.seed);
  addBurst(out, n, 0, 1.2, 0.002, 0.05, new Biquad('highpass', 600));
  const brown = new BrownNoise(n);
  const lp = new Biquad('lowpass', 300, 0.7);
  for (let i = 0; i < out.length; i++) {
    const t = i / sampleRate;
    const swell = adEnvelope(t, 0.02, 1.2) * (0.7 + 0.3 * Math.sin(t * 7 + n.next() * 0.2));
    out[i] = (out[i] ?? 0) + lp.process(brown.next()) * 1.4 * swell;
  }
  return out;
}

function bell(o: EffectOptions): Float32Array {
  const out = buffer(3.5);
  const n = new Noise(o.seed);
  const f0 = 523.25;
  const partials: [number, number, number][] = [
    [0.5, 0.4, 2.2],
    [1, 0.6, 1.6],
    [1.183, 0.3, 1.2],
    [1.506, 0.25, 0.9],
    [2, 0.2, 0.7],
    [2.514, 0.12, 0.5],
    [3.011, 0.08, 0.35],
  ];
  for (const [ratio, amp, decay] of partials) addTone(out, 0, f0 * ratio, amp, decay);
  addBurst(out, n, 0, 0.4, 0.0002, 0.004, new Biquad('highpass', 3000));
  return out;
}

function glassBreak(o: EffectOptions): Float32Array {
  const out = buffer(1.4);
  const n = new Noise(o.seed);
  addBurst(out, n, 0, 1.3, 0.0005, 0.04, new Biquad('highpass', 2500));
  for (let k = 0; k < 28; k++) {
    const at = Math.pow(n.uniform(), 2) * 0.9;
    addTone(out, at, 3000 + n.uniform() * 5000, 0.08 + n.uniform() * 0.12, 0.03 + n.uniform() * 0.08);
  }
  return out;
}

function whoosh(o: EffectOptions): Float32Array {
  const out = buffer(0.7);
  const n = new Noise(o.seed);
  const bp = new Biquad('bandpass', 600, 1.2);
  for (let i = 0; i < out.length; i++) {
    const t = i / sampleRate;
    bp.set(400 + 2200 * Math.sin(Math.min(1, t / 0.6) * Math.PI), 1.2);
    const env = t < 0.02 ? t / 0.02 : Math.exp(-(t - 0.02) / 0.2);
    out[i] = bp.process(n.next()) * 2.4 * env;
  }
  return out;
}

function clap(o: EffectOptions): Float32Array {
  const out = buffer(0.3);
  const n = new Noise(o.seed);
  const f = new Biquad('bandpass', 1500, 1.1);
  for (const at of [0, 0.008, 0.016]) addBurst(out, n, at, at === 0 ? 1.6 : 1, 0.0003, at === 0.016 ? 0.05 : 0.004, f);
  return out;
}

function carHorn(o: EffectOptions): Float32Array {
  const seconds = Math.min(2, o.seconds ?? 0.7);
  const out = buffer(seconds + 0.05);
  const lp = new Biquad('lowpass', 2500, 0.7);
  let p1 = 0;
  let p2 = 0;
  for (let i = 0; i < out.length; i++) {
    const t = i / sampleRate;
    p1 += 420 / sampleRate;
    p2 += 523 / sampleRate;
    const sq = (p1 % 1 < 0.5 ? 1 : -1) * 0.5 + (p2 % 1 < 0.5 ? 1 : -1) * 0.5;
    const env = Math.min(1, t / 0.004) * Math.min(1, Math.max(0, (seconds - t) / 0.02));
    out[i] = lp.process(sq) * 0.6 * env;
  }
  return out;
}

function dogBark(o: EffectOptions): Float32Array {
  const out = buffer(0.75);
  const n = new Noise(o.seed);
  for (const at of [0, 0.36]) {
    const start = Math.round(at * sampleRate);
    const f1 = new Biquad('bandpass', 700, 2);
    const f2 = new Biquad('bandpass', 1600, 3);
    let ph = 0;
    for (let i = start; i < Math.min(out.length, start + Math.round(0.2 * sampleRate)); i++) {
      const t = (i - start) / sampleRate;
      const pitch = 520 - 300 * t;
      ph += pitch / sampleRate;
      const pulse = (ph % 1) - 0.5 + n.next() * 0.4;
      const env = adEnvelope(t, 0.004, 0.06);
      out[i] = (out[i] ?? 0) + (f1.process(pulse) * 2.2 + f2.process(pulse) * 1.2) * env;
    }
  }
  return out;
}

function chirpInto(out: Float32Array, at: number, f0: number, f1: number, len: number, amp: number): void {
  const start = Math.round(at * sampleRate);
  let ph = 0;
  const n = Math.round(len * sampleRate);
  for (let i = 0; i < n && start + i < out.length; i++) {
    const u = i / n;
    const f = f0 + (f1 - f0) * u;
    ph += (2 * Math.PI * f) / sampleRate;
    const env = Math.sin(Math.PI * Math.min(1, u * 1.05)) ** 0.5 * (u < 0.02 ? u / 0.02 : 1);
    out[start + i] = (out[start + i] ?? 0) + Math.sin(ph) * amp * env;
  }
}

function birdCall(o: EffectOptions): Float32Array {
  const out = buffer(0.8);
  const n = new Noise(o.seed);
  const base = 2600 + n.uniform() * 900;
  chirpInto(out, 0, base, base * 1.45, 0.09, 0.7);
  chirpInto(out, 0.16, base * 1.1, base * 1.6, 0.08, 0.6);
  chirpInto(out, 0.3, base * 1.5, base * 0.9, 0.14, 0.6);
  return out;
}

function chirp(o: EffectOptions): Float32Array {
  const out = buffer(0.15);
  const n = new Noise(o.seed);
  const base = 3200 + n.uniform() * 800;
  chirpInto(out, 0, base, base * 1.5, 0.07, 0.7);
  return out;
}

function doorCreak(o: EffectOptions): Float32Array {
  const seconds = Math.min(2.5, o.seconds ?? 1);
  const out = buffer(seconds);
  const n = new Noise(o.seed);
  const res1 = new Biquad('bandpass', 900, 8);
  const res2 = new Biquad('bandpass', 1900, 10);
  let ph = 0;
  for (let i = 0; i < out.length; i++) {
    const t = i / sampleRate;
    // Stick-slip: the hinge catches and releases at a wandering rate.
    const rate = 180 + 160 * Math.sin(t * 4.1) + 90 * Math.sin(t * 9.7 + 1);
    ph += rate / sampleRate;
    let x = 0;
    if (ph >= 1) {
      ph -= 1;
      x = 1 + n.next() * 0.3;
    }
    const env = Math.min(1, t / 0.005) * Math.min(1, (seconds - t) / 0.1);
    out[i] = (res1.process(x) * 3 + res2.process(x) * 2) * env;
  }
  return out;
}

function thud(o: EffectOptions): Float32Array {
  const out = buffer(0.5);
  const n = new Noise(o.seed);
  addTone(out, 0, 62, 1, 0.09, 0.3);
  addBurst(out, n, 0, 0.7, 0.0005, 0.012, new Biquad('lowpass', 1200));
  return out;
}

function crash(o: EffectOptions): Float32Array {
  const out = buffer(1.8);
  const n = new Noise(o.seed);
  addBurst(out, n, 0, 1.3, 0.0008, 0.25, new Biquad('lowpass', 5000));
  addTone(out, 0, 55, 0.8, 0.2, 0.2);
  for (let k = 0; k < 12; k++) {
    const at = 0.05 + Math.pow(n.uniform(), 1.5) * 1.1;
    addBurst(out, n, at, 0.2 + n.uniform() * 0.3, 0.0005, 0.02, new Biquad('bandpass', 800 + n.uniform() * 3000, 2));
    if (k % 3 === 0) addTone(out, at, 600 + n.uniform() * 1500, 0.12, 0.15);
  }
  return out;
}

function click(o: EffectOptions): Float32Array {
  // A mechanism, not a tick: the catch, a short rattle of the spring, and the release.
  const out = buffer(0.2);
  const n = new Noise(o.seed);
  addBurst(out, n, 0, 1, 0.0001, 0.004, new Biquad('bandpass', 2600, 1.2));
  addTone(out, 0, 3200, 0.5, 0.012);
  addTone(out, 0, 1150, 0.35, 0.02);
  addBurst(out, n, 0.01, 0.22, 0.002, 0.03, new Biquad('bandpass', 1700, 2));
  addBurst(out, n, 0.065, 0.8, 0.0001, 0.004, new Biquad('bandpass', 2100, 1.2));
  addTone(out, 0.065, 2700, 0.35, 0.01);
  return out;
}

function rumble(o: EffectOptions): Float32Array {
  const seconds = Math.min(6, o.seconds ?? 2.5);
  const out = buffer(seconds);
  const n = new Noise(o.seed);
  const brown = new BrownNoise(n);
  const lp = new Biquad('lowpass', 120, 0.8);
  for (let i = 0; i < out.length; i++) {
    const t = i / sampleRate;
    const env = Math.min(1, t / 0.03) * Math.min(1, (seconds - t) / 0.6);
    out[i] = lp.process(brown.next()) * 2.6 * env;
  }
  addTone(out, 0, 42, 0.4, seconds * 0.4);
  return out;
}

function beep(o: EffectOptions): Float32Array {
  const seconds = Math.min(1, o.seconds ?? 0.18);
  const out = buffer(seconds);
  for (let i = 0; i < out.length; i++) {
    const t = i / sampleRate;
    const env = Math.min(1, t / 0.002) * Math.min(1, (seconds - t) / 0.005);
    out[i] = Math.sin(2 * Math.PI * 1000 * t) * 0.5 * env;
  }
  return out;
}

function heartbeat(o: EffectOptions): Float32Array {
  const seconds = o.seconds ?? 3;
  const out = buffer(seconds + 0.3);
  const n = new Noise(o.seed);
  for (let at = 0; at < seconds; at += 60 / 68) {
    addTone(out, at, 48, 1, 0.06, 0.2);
    addBurst(out, n, at, 0.3, 0.001, 0.01, new Biquad('lowpass', 300));
    addTone(out, at + 0.2, 55, 0.7, 0.05, 0.2);
  }
  return out;
}

function pop(o: EffectOptions): Float32Array {
  const out = buffer(0.2);
  const n = new Noise(o.seed);
  addBurst(out, n, 0, 1.3, 0.0002, 0.008, new Biquad('bandpass', 1800, 0.8));
  addTone(out, 0, 320, 0.4, 0.02, 0.5);
  return out;
}

const synths: Record<EffectId, (o: EffectOptions) => Float32Array> = {
  doorSlam,
  knock,
  footsteps,
  splash,
  windChime,
  thunder,
  bell,
  glassBreak,
  whoosh,
  clap,
  carHorn,
  dogBark,
  birdCall,
  doorCreak,
  thud,
  crash,
  click,
  rumble,
  beep,
  heartbeat,
  pop,
  chirp,
  ...creatorEffects,
  ...animalEffects,
};

/** Peak level each effect is scaled to, so a "door slam" is louder than a "click". */
const loudness: Record<EffectId, number> = {
  doorSlam: 0.95,
  knock: 0.7,
  footsteps: 0.45,
  splash: 0.6,
  windChime: 0.45,
  thunder: 0.95,
  bell: 0.6,
  glassBreak: 0.8,
  whoosh: 0.55,
  clap: 0.7,
  carHorn: 0.7,
  dogBark: 0.75,
  birdCall: 0.45,
  doorCreak: 0.45,
  thud: 0.8,
  crash: 0.95,
  click: 0.4,
  rumble: 0.8,
  beep: 0.4,
  heartbeat: 0.75,
  pop: 0.6,
  chirp: 0.4,
  engineRoar: 0.85,
  scrape: 0.6,
  rustle: 0.45,
  trainBrakes: 0.8,
  announcement: 0.6,
  swell: 0.9,
  siren: 0.5,
  typing: 0.45,
  phoneRing: 0.6,
  kettleWhistle: 0.55,
  whistle: 0.5,
  hum: 0.45,
  meow: 0.5,
  neigh: 0.6,
  hooves: 0.6,
  foghorn: 0.9,
  boil: 0.5,
  sweep: 0.45,
};

/** The echoes a sound trails off in: delay in seconds and gain, each duller than the one before (a canyon's wall). */
const ECHOES: readonly [number, number][] = [
  [0.32, 0.5],
  [0.64, 0.3],
  [0.96, 0.17],
  [1.28, 0.09],
];

/**
 * The sound with its echoes after it: delayed, quieter, and each darker, as a far wall sends a
 * sound back. The sound itself, and so its attack, is unchanged.
 */
export function withEcho(dry: Float32Array): Float32Array {
  const last = ECHOES[ECHOES.length - 1]?.[0] ?? 0;
  const out = new Float32Array(dry.length + Math.round(last * sampleRate));
  out.set(dry);
  ECHOES.forEach(([delay, gain], k) => {
    const dull = new Biquad('lowpass', 3500 / (k + 1));
    const at = Math.round(delay * sampleRate);
    for (let i = 0; i < dry.length; i++) out[at + i] = (out[at + i] ?? 0) + dull.process(dry[i] ?? 0) * gain;
  });
  return out;
}

/** Synthesises one effect as mono samples at 48 kHz, its attack at sample 0. */
export function synthEffect(id: EffectId, options: EffectOptions): Float32Array {
  const out = synths[id](options);
  let peak = 0;
  for (const v of out) peak = Math.max(peak, Math.abs(v));
  const gain = peak > 0 ? (loudness[id] * options.level) / peak : 0;
  for (let i = 0; i < out.length; i++) out[i] = (out[i] ?? 0) * gain;
  return out;
}

/**
 * The calls and steps of the animals the engine draws beyond dogs and birds: a cat's meow, a
 * horse's whinny and its hooves. Like every effect, each starts with its attack at sample 0 and
 * is deterministic for its seed.
 */
import type { EffectOptions } from './effects';
import { addBurst, addTone, Biquad, Noise, sampleRate } from './dsp';

function buffer(seconds: number): Float32Array {
  return new Float32Array(Math.max(1, Math.round(seconds * sampleRate)));
}

/**
 * A voiced call: a buzzy glottal pulse train whose pitch follows `pitch(u)` over the call
 * (u from 0 to 1), shaped by two formants that move from "ee" towards "ow".
 */
function voicedCall(
  out: Float32Array,
  n: Noise,
  seconds: number,
  pitch: (u: number) => number,
  formants: [from: number, to: number][],
): void {
  const filters = formants.map(([from]) => new Biquad('bandpass', from, 4));
  let phase = 0;
  const len = Math.min(out.length, Math.round(seconds * sampleRate));
  for (let i = 0; i < len; i++) {
    const u = i / len;
    if (i % 256 === 0) formants.forEach(([from, to], k) => filters[k]?.set(from + (to - from) * u, 4));
    phase += pitch(u) / sampleRate;
    const pulse = Math.exp(-(phase % 1) * 6) - 0.3 + n.next() * 0.08;
    const env = Math.min(1, u / 0.08) * Math.min(1, (1 - u) / 0.3);
    let x = 0;
    for (const f of filters) x += f.process(pulse);
    out[i] = (out[i] ?? 0) + x * env;
  }
}

/** A cat's "mee-ow": the pitch rises, then falls as the mouth opens. */
function meow(o: EffectOptions): Float32Array {
  const out = buffer(0.75);
  const n = new Noise(o.seed);
  const base = 520 + n.uniform() * 120;
  voicedCall(out, n, 0.7, (u) => base * (1 + 0.5 * Math.sin(Math.PI * Math.min(1, u * 1.4))), [
    [2600, 1100],
    [900, 700],
  ]);
  return out;
}

/** A whinny: a high, fast-trembling cry that falls away into a snort. */
function neigh(o: EffectOptions): Float32Array {
  const out = buffer(1.4);
  const n = new Noise(o.seed);
  voicedCall(out, n, 1.2, (u) => (900 - 520 * u) * (1 + 0.09 * Math.sin(u * 1.2 * 2 * Math.PI * 11)), [
    [1900, 1200],
    [700, 500],
  ]);
  addBurst(out, n, 1.15, 0.5, 0.01, 0.06, new Biquad('bandpass', 900, 0.8));
  return out;
}

/**
 * Hooves on hard ground: a three-beat canter (da-da-dum) repeated, each strike a dull knock and a
 * short click of the shoe.
 */
function hooves(o: EffectOptions): Float32Array {
  const seconds = Math.min(10, o.seconds ?? 2.5);
  const out = buffer(seconds + 0.2);
  const n = new Noise(o.seed);
  const shoe = new Biquad('bandpass', 2400, 2);
  const knock = new Biquad('lowpass', 500);
  for (let stride = 0; stride < seconds; stride += 0.42) {
    for (const [d, amp] of [
      [0, 0.7],
      [0.09, 0.8],
      [0.2, 1],
    ] as const) {
      const at = stride + d + n.uniform() * 0.01;
      if (at >= seconds) break;
      addTone(out, at, 140 + n.uniform() * 30, amp * 0.8, 0.03);
      addBurst(out, n, at, amp * 0.9, 0.0005, 0.012, knock);
      addBurst(out, n, at, amp * 0.35, 0.0003, 0.004, shoe);
    }
  }
  return out;
}

export const animalEffects = { meow, neigh, hooves };

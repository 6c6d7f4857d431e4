import { describe, expect, test } from 'vitest';
import { bedIds, effectIds } from '../vocabulary/sound';
import { addBed } from './beds';
import { dbToGain, sampleRate } from './dsp';
import { synthEffect } from './effects';
import { addMono, integratedLoudness, limit, master, stereo, targetLufs } from './mix';
import { detectOnsets } from '../../media/onsets';

function peak(x: Float32Array): number {
  let p = 0;
  for (const v of x) p = Math.max(p, Math.abs(v));
  return p;
}

function rms(x: Float32Array, from = 0, to = x.length): number {
  let s = 0;
  for (let i = from; i < to; i++) s += (x[i] ?? 0) ** 2;
  return Math.sqrt(s / Math.max(1, to - from));
}

describe('sound: effects', () => {
  test('synthesises every effect with its attack at the first sample', () => {
    for (const id of effectIds) {
      const fx = synthEffect(id, { seed: 3, level: 1 });
      expect([id, peak(fx) > 0.2, peak(fx) <= 1]).toEqual([id, true, true]);
      const bus = new Float32Array(sampleRate * 4);
      bus.set(fx.subarray(0, Math.min(fx.length, bus.length - sampleRate)), sampleRate);
      const first = detectOnsets(bus, { sampleRate })[0];
      expect([id, Math.abs((first ?? -1) - 1) <= 0.005]).toEqual([id, true]);
    }
  });

  test('is deterministic for a seed', () => {
    expect(synthEffect('splash', { seed: 5, level: 1 })).toEqual(synthEffect('splash', { seed: 5, level: 1 }));
    expect(synthEffect('splash', { seed: 5, level: 1 })).not.toEqual(synthEffect('splash', { seed: 6, level: 1 }));
  });

  test('scales with level and lasts as asked', () => {
    expect(peak(synthEffect('knock', { seed: 1, level: 0.5 }))).toBeCloseTo(
      peak(synthEffect('knock', { seed: 1, level: 1 })) / 2,
      5,
    );
    expect(synthEffect('footsteps', { seed: 1, level: 1, seconds: 5 }).length).toBeGreaterThan(5 * sampleRate);
  });
});

describe('sound: beds', () => {
  test('plays every bed with stereo width, only inside its span', () => {
    for (const id of bedIds) {
      const bus = stereo(sampleRate * 3);
      addBed(id, bus, sampleRate, sampleRate * 3, 1, 11);
      expect([id, rms(bus.left, 0, sampleRate)]).toEqual([id, 0]);
      expect([id, rms(bus.left, sampleRate) > 0.003]).toEqual([id, true]);
      expect([id, bus.left.some((v, i) => Math.abs(v - (bus.right[i] ?? 0)) > 1e-4)]).toEqual([id, true]);
    }
  });
});

describe('sound: mix', () => {
  test('measures loudness as BS.1770 does', () => {
    const bus = stereo(sampleRate * 3);
    for (let i = 0; i < bus.left.length; i++) {
      const v = 0.1 * Math.sin((2 * Math.PI * 997 * i) / sampleRate);
      bus.left[i] = v;
      bus.right[i] = v;
    }
    expect(integratedLoudness(bus)).toBeCloseTo(-20, 0);
  });

  test('measures exactly what K-weighting into whole 32-bit arrays, stage by stage, gives', () => {
    // BS.1770's reference steps: each biquad over the whole channel into a Float32Array, then
    // 100 ms sums of squares, blocks of four.
    const biquad = (x: Float32Array, b: number[], a: number[]): Float32Array => {
      const y = new Float32Array(x.length);
      let [x1, x2, y1, y2] = [0, 0, 0, 0];
      for (let i = 0; i < x.length; i++) {
        const xi = x[i] ?? 0;
        const yi = (b[0] ?? 0) * xi + (b[1] ?? 0) * x1 + (b[2] ?? 0) * x2 - (a[0] ?? 0) * y1 - (a[1] ?? 0) * y2;
        [x2, x1, y2, y1] = [x1, xi, y1, yi];
        y[i] = yi;
      }
      return y;
    };
    const weigh = (x: Float32Array): Float32Array =>
      biquad(
        biquad(x, [1.53512485958697, -2.69169618940638, 1.19839281085285], [-1.69065929318241, 0.73248077421585]),
        [1, -2, 1],
        [-1.99004745483398, 0.99007225036621],
      );
    const reference = (bus: ReturnType<typeof stereo>): number => {
      const l = weigh(bus.left);
      const r = weigh(bus.right);
      const hop = sampleRate / 10;
      const sums: number[] = [];
      for (let k = 0; k < Math.floor(l.length / hop); k++) {
        let sum = 0;
        for (let i = k * hop; i < (k + 1) * hop; i++) sum += (l[i] ?? 0) ** 2 + (r[i] ?? 0) ** 2;
        sums.push(sum);
      }
      const powers: number[] = [];
      for (let k = 0; k + 4 <= sums.length; k++)
        powers.push(sums.slice(k, k + 4).reduce((p, q) => p + q, 0) / (hop * 4));
      if (powers.length === 0) {
        let sum = 0;
        for (let i = 0; i < l.length; i++) sum += (l[i] ?? 0) ** 2 + (r[i] ?? 0) ** 2;
        powers.push(sum / l.length);
      }
      const lufs = (p: number): number => -0.691 + 10 * Math.log10(Math.max(p, 1e-20));
      const absolute = powers.filter((p) => lufs(p) > -70);
      const mean = absolute.reduce((p, q) => p + q, 0) / absolute.length;
      const relative = absolute.filter((p) => lufs(p) > lufs(mean) - 10);
      return lufs(relative.reduce((p, q) => p + q, 0) / relative.length);
    };
    // A river with a slam in it, over a long and a short (under one block) span.
    for (const seconds of [2.37, 0.3]) {
      const bus = stereo(Math.round(sampleRate * seconds));
      addBed('river', bus, 0, bus.left.length, 1, 4);
      addMono(bus, synthEffect('doorSlam', { seed: 2, level: 1 }), Math.round(bus.left.length / 3), 0.3, 2);
      expect(integratedLoudness(bus)).toBe(reference(bus));
    }
  });

  test('normalises to the target loudness and keeps peaks under the ceiling', () => {
    const beds = stereo(sampleRate * 4);
    const effects = stereo(sampleRate * 4);
    addBed('river', beds, 0, beds.left.length, 1, 1);
    addMono(effects, synthEffect('doorSlam', { seed: 1, level: 1 }), Math.round(sampleRate * 2.5), 0, 4);
    const result = master(beds, effects, stereo(sampleRate * 4), { bedsDb: -9, effectsDb: -3 });
    expect(result.loudnessAfter).toBeGreaterThan(targetLufs - 1.5);
    expect(result.loudnessAfter).toBeLessThan(targetLufs + 0.5);
    expect(Math.max(peak(result.bus.left), peak(result.bus.right))).toBeLessThanOrEqual(dbToGain(-1) + 1e-6);
  });

  test('keeps every sound at its time through ducking, normalising and limiting', () => {
    const beds = stereo(sampleRate * 4);
    const effects = stereo(sampleRate * 4);
    addBed('crickets', beds, 0, beds.left.length, 1, 1);
    const times = [0.5, 1.25, 2.5, 3.2];
    times.forEach((t, i) =>
      addMono(
        effects,
        synthEffect(i % 2 ? 'knock' : 'doorSlam', { seed: i, level: 1 }),
        Math.round(sampleRate * t),
        0,
        1,
      ),
    );
    const result = master(beds, effects, stereo(sampleRate * 4), { bedsDb: -9, effectsDb: -3 });
    const onsets = detectOnsets(result.bus.left, { sampleRate });
    for (const t of times) expect([t, onsets.some((o) => Math.abs(o - t) < 0.003)]).toEqual([t, true]);
  });

  test('limits smoothly: gain is already down when a peak arrives', () => {
    const bus = stereo(sampleRate);
    for (let i = 0; i < bus.left.length; i++) bus.left[i] = bus.right[i] = i > 24_000 ? 3 : 0.1;
    limit(bus);
    expect(peak(bus.left)).toBeLessThanOrEqual(dbToGain(-1) + 1e-6);
    expect(bus.left[24_001]).toBeGreaterThan(0.8);
  });

  test('ducks beds under dialogue', () => {
    const beds = stereo(sampleRate * 2);
    addBed('wind', beds, 0, beds.left.length, 1, 2);
    const before = rms(beds.left, sampleRate + 4800, sampleRate * 2);
    const dialogue = stereo(sampleRate * 2);
    for (let i = sampleRate; i < sampleRate * 2; i++) dialogue.left[i] = dialogue.right[i] = 0.3 * Math.sin(i / 10);
    const effects = stereo(sampleRate * 2);
    master(beds, effects, dialogue, { bedsDb: -9, effectsDb: -3 });
    expect(rms(beds.left, sampleRate + 4800, sampleRate * 2)).toBeLessThan(before * dbToGain(-8));
  });
});

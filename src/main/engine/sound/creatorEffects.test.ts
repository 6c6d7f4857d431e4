import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { decodeMonoAudio } from '../../../../test/support/decodeAudio';
import { emptyShot } from '../input';
import { renderClip } from '../render';
import { sampleRate } from './dsp';
import { synthEffect, withEcho } from './effects';
import { prominenceDb } from './prominence';
import { detectOnsets, nearestOnset } from '../../media/onsets';

const added = [
  'engineRoar',
  'rustle',
  'trainBrakes',
  'announcement',
  'swell',
  'siren',
  'typing',
  'phoneRing',
  'foghorn',
] as const;

function rms(x: Float32Array, fromS: number, toS: number): number {
  const a = Math.round(fromS * sampleRate);
  const b = Math.min(x.length, Math.round(toS * sampleRate));
  let s = 0;
  for (let i = a; i < b; i++) s += (x[i] ?? 0) ** 2;
  return Math.sqrt(s / Math.max(1, b - a));
}

/** Strength of one frequency over a window (Goertzel), normalised to the window's length. */
function strength(x: Float32Array, fromS: number, lengthS: number, hz: number): number {
  const a = Math.round(fromS * sampleRate);
  const n = Math.round(lengthS * sampleRate);
  const k = (2 * Math.PI * hz) / sampleRate;
  const c = 2 * Math.cos(k);
  let s1 = 0;
  let s2 = 0;
  for (let i = 0; i < n; i++) {
    const s0 = (x[a + i] ?? 0) + c * s1 - s2;
    s2 = s1;
    s1 = s0;
  }
  return Math.sqrt(s1 * s1 + s2 * s2 - c * s1 * s2) / n;
}

/** The strongest frequency in a window, searched in 2 Hz steps (finer than a short window's bins). */
function dominant(x: Float32Array, fromS: number, lengthS: number, lo = 60, hi = 6000): number {
  let best = lo;
  let bestV = -1;
  for (let f = lo; f <= hi; f += 2) {
    const v = strength(x, fromS, lengthS, f);
    if (v > bestV) {
      bestV = v;
      best = f;
    }
  }
  return best;
}

describe('the effects creators ask for', () => {
  test.each(added)('%s is deterministic for a seed and differs between seeds', (id) => {
    expect(synthEffect(id, { seed: 4, level: 1 })).toEqual(synthEffect(id, { seed: 4, level: 1 }));
    expect(synthEffect(id, { seed: 4, level: 1 })).not.toEqual(synthEffect(id, { seed: 5, level: 1 }));
  });

  test('a distant siren wails: its pitch sweeps up and down between about 570 and 1330 Hz', () => {
    const x = synthEffect('siren', { seed: 2, level: 1, seconds: 4 });
    const pitches = [0.1, 0.4, 0.7, 1.0, 1.3, 1.6, 1.9, 2.2].map((t) => dominant(x, t, 0.05, 300, 2000));
    expect(Math.max(...pitches)).toBeGreaterThan(1150);
    expect(Math.min(...pitches)).toBeLessThan(750);
  });

  test('a phone rings twice, then pauses, at the bells’ pitches', () => {
    const x = synthEffect('phoneRing', { seed: 2, level: 1, seconds: 3 });
    expect(rms(x, 0.05, 0.35)).toBeGreaterThan(10 * rms(x, 1.6, 2.9));
    expect(rms(x, 0.65, 0.95)).toBeGreaterThan(10 * rms(x, 1.6, 2.9));
    const f = dominant(x, 0.05, 0.3, 500, 3000);
    expect([1280, 1620].some((b) => Math.abs(f - b) <= 20)).toBe(true);
  });

  test.each(['kettleWhistle', 'whistle', 'hum'] as const)(
    '%s is deterministic for a seed and differs between seeds',
    (id) => {
      expect(synthEffect(id, { seed: 4, level: 1 })).toEqual(synthEffect(id, { seed: 4, level: 1 }));
      expect(synthEffect(id, { seed: 4, level: 1 })).not.toEqual(synthEffect(id, { seed: 5, level: 1 }));
    },
  );

  test('a kettle hisses, then its whistle catches and climbs to a held tone near 2 kHz', () => {
    const x = synthEffect('kettleWhistle', { seed: 2, level: 1, seconds: 3.5 });
    const held = dominant(x, 1.5, 0.2, 500, 5000);
    expect(held).toBeGreaterThan(1600);
    expect(held).toBeLessThan(2400);
    expect(dominant(x, 0.3, 0.1, 500, 5000)).toBeLessThan(held);
    expect(strength(x, 1.5, 0.2, held)).toBeGreaterThan(4 * strength(x, 0.05, 0.2, held));
  });

  test('a whistled tune moves between notes, each a pure tone around 1 kHz', () => {
    const x = synthEffect('whistle', { seed: 2, level: 1, seconds: 3.2 });
    const pitches = [0.15, 0.5, 0.87, 1.17].map((t) => dominant(x, t, 0.1, 500, 2500));
    expect(new Set(pitches.map((f) => Math.round(12 * Math.log2(f / 1000)))).size).toBeGreaterThanOrEqual(3);
    for (const f of pitches) expect(f).toBeGreaterThan(700);
    expect(pitches[1]).toBeGreaterThan(pitches[0] ?? Infinity);
    expect(pitches[2]).toBeGreaterThan(pitches[1] ?? Infinity);
  });

  test('a hummed tune is a low voice moving between notes, muffled above 1 kHz', () => {
    const x = synthEffect('hum', { seed: 2, level: 1, seconds: 3.6 });
    const notes = [0.2, 0.6, 1.05, 1.45];
    const pitches = notes.map((t) => dominant(x, t, 0.1, 100, 400));
    for (const f of pitches) {
      expect(f).toBeGreaterThan(140);
      expect(f).toBeLessThan(380);
    }
    expect(new Set(pitches.map((f) => Math.round(12 * Math.log2(f / 200)))).size).toBeGreaterThanOrEqual(3);
    // Closed lips: little of the voice above 1 kHz, where a whistle lives.
    for (const t of notes) {
      const f = pitches[notes.indexOf(t)] ?? 200;
      expect(strength(x, t, 0.1, f)).toBeGreaterThan(10 * strength(x, t, 0.1, 2000));
    }
  });

  test('typing is a run of keystrokes at a typist’s pace', () => {
    const x = synthEffect('typing', { seed: 2, level: 1, seconds: 3 });
    const strokes = detectOnsets(x, { sampleRate, refractory: 0.06 });
    expect(strokes.length / 3).toBeGreaterThan(3);
    expect(strokes.length / 3).toBeLessThan(14);
  });

  test('train brakes squeal high, an engine roars low', () => {
    const brakes = synthEffect('trainBrakes', { seed: 2, level: 1, seconds: 3 });
    expect(dominant(brakes, 1, 0.2, 200, 6000)).toBeGreaterThan(2500);
    const engine = synthEffect('engineRoar', { seed: 2, level: 1, seconds: 3 });
    expect(dominant(engine, 1.5, 0.2, 30, 3000)).toBeLessThan(400);
  });

  test('a foghorn is a long, low reed tone whose pitch drops at its end', () => {
    const x = synthEffect('foghorn', { seed: 2, level: 1, seconds: 2.6 });
    const held = dominant(x, 0.5, 0.4, 60, 2000);
    expect(held).toBeGreaterThan(120);
    expect(held).toBeLessThan(180);
    // Still sounding at two seconds, and lower in its grunt at the end.
    expect(rms(x, 1.8, 2.0)).toBeGreaterThan(0.5 * rms(x, 0.5, 0.7));
    expect(dominant(x, 2.45, 0.12, 60, 400)).toBeLessThan(held - 20);
  });

  test('an orchestral swell grows: its last second is much louder than its start after the timpani', () => {
    const x = synthEffect('swell', { seed: 2, level: 1, seconds: 3.5 });
    expect(rms(x, 2.5, 3.3)).toBeGreaterThan(3 * rms(x, 0.9, 1.3));
  });

  test('a station announcement chimes three falling notes before the voice', () => {
    const x = synthEffect('announcement', { seed: 2, level: 1 });
    const notes = [0.05, 0.47, 0.89].map((t) => dominant(x, t, 0.3, 300, 800));
    expect(notes[0]).toBeGreaterThan(notes[1] ?? 0);
    expect(notes[1]).toBeGreaterThan(notes[2] ?? 0);
    // The voice speaks in the loudspeaker's band after the chime.
    expect(rms(x, 2, 3.5)).toBeGreaterThan(0.02);
  });

  test('rustling leaves are dense, dry crackle, mostly above 2 kHz', () => {
    const x = synthEffect('rustle', { seed: 2, level: 1, seconds: 2 });
    const high = [2500, 4000, 6000].reduce((s, f) => s + strength(x, 0.5, 1, f), 0);
    const low = [100, 200, 400].reduce((s, f) => s + strength(x, 0.5, 1, f), 0);
    expect(high).toBeGreaterThan(2 * low);
  });

  test('each is read from its words and heard at its time in a decoded render', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'shotline-effects-'));
    try {
      const labels = [
        'engine roar',
        'rustling leaves',
        'train brakes',
        'station announcement',
        'orchestral swell',
        'distant siren',
        'typing',
        'phone ringing',
        'foghorn',
      ];
      const times = labels.map((_, i) => 500 + i * 1400);
      const result = await renderClip(
        {
          shots: [
            emptyShot({
              scene: 'An empty room.',
              durationMs: 14_000,
              audio: {
                ambience: ['room tone'],
                events: labels.map((label, i) => ({ label, startMs: times[i] ?? 0, endMs: (times[i] ?? 0) + 900 })),
              },
            }),
          ],
        },
        { outPath: join(dir, 'effects.mp4'), width: 320, height: 180, fps: 12, seed: 2 },
      );
      expect(result.report.sounds.map((s) => [s.kind, s.timeMs])).toEqual(added.map((id, i) => [id, times[i]]));
      const samples = await decodeMonoAudio(result.outPath);
      const onsets = detectOnsets(samples, { sampleRate });
      for (const [i, t] of times.entries()) {
        const found = nearestOnset(onsets, t / 1000);
        expect({ id: added[i], within20ms: found !== null && Math.abs(found * 1000 - t) <= 20 }).toEqual({
          id: added[i],
          within20ms: true,
        });
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('a pot at the boil, a broom sweeping and an echo', () => {
  test('a pot at the boil is bubbling: bursts several times a second over a low rumble', () => {
    const x = synthEffect('boil', { seed: 2, level: 1, seconds: 3 });
    expect(detectOnsets(x, { sampleRate }).length).toBeGreaterThanOrEqual(12);
    // The rumble of the water under the bubbles.
    expect(strength(x, 0.5, 2, 120)).toBeGreaterThan(strength(x, 0.5, 2, 6000));
  });

  test('a broom sweeps in even strokes of bristle noise, mostly above 2 kHz', () => {
    const x = synthEffect('sweep', { seed: 2, level: 1, seconds: 2.4 });
    const strokes = detectOnsets(x, { sampleRate });
    expect(strokes.length).toBeGreaterThanOrEqual(4);
    const gaps = strokes
      .slice(1)
      .map((t, i) => t - (strokes[i] ?? 0))
      .filter((g) => g > 0.1);
    for (const gap of gaps) expect(gap).toBeGreaterThan(0.45);
    for (const gap of gaps) expect(gap).toBeLessThan(0.8);
    const high = [2500, 3200, 4500].reduce((s, f) => s + strength(x, 0.2, 2, f), 0);
    const low = [100, 200, 300].reduce((s, f) => s + strength(x, 0.2, 2, f), 0);
    expect(high).toBeGreaterThan(2 * low);
  });

  test('an echo repeats the sound a third of a second later, quieter, and leaves its attack alone', () => {
    const dry = synthEffect('doorSlam', { seed: 2, level: 1 });
    const wet = withEcho(dry);
    // Until the first echo comes back, the sound is as it was.
    let moved = 0;
    for (let i = 0; i < Math.round(0.3 * sampleRate); i++)
      moved = Math.max(moved, Math.abs((wet[i] ?? 0) - (dry[i] ?? 0)));
    expect(moved).toBe(0);
    expect(rms(wet, 0.32, 0.42)).toBeGreaterThan(5 * rms(dry, 0.32, 0.42));
    expect(rms(wet, 0.32, 0.42)).toBeLessThan(rms(wet, 0, 0.1));
  });

  test('each is read from its words and heard at its time in a decoded render, the echo after its sound', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'shotline-boil-'));
    try {
      const events = [
        { label: 'water boiling', startMs: 500, endMs: 2500 },
        { label: 'a broom sweeps', startMs: 3000, endMs: 5000 },
        { label: 'a door slams and echoes', startMs: 6000, endMs: null },
        { label: 'a door slams', startMs: 8500, endMs: null },
      ];
      const result = await renderClip(
        {
          shots: [
            emptyShot({ scene: 'An empty room.', durationMs: 10_000, audio: { ambience: ['room tone'], events } }),
          ],
        },
        { outPath: join(dir, 'boil.mp4'), width: 320, height: 180, fps: 12, seed: 2 },
      );
      expect(result.report.sounds.map((s) => [s.kind, s.timeMs])).toEqual([
        ['boil', 500],
        ['sweep', 3000],
        ['doorSlam', 6000],
        ['doorSlam', 8500],
      ]);
      const samples = await decodeMonoAudio(result.outPath);
      for (const e of events) expect([e.label, prominenceDb(samples, e.startMs / 1000) >= 10]).toEqual([e.label, true]);
      // A third of a second after each slam: the echoed one is still heard, the plain one has died away.
      expect(rms(samples, 6.32, 6.42)).toBeGreaterThan(3 * rms(samples, 8.82, 8.92));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

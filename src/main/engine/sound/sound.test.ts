import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bedIds, effectIds } from '../vocabulary';
import { addBed } from './beds';
import { dbToGain, sampleRate } from './dsp';
import { synthEffect } from './effects';
import { addMono, integratedLoudness, limit, master, stereo, targetLufs } from './mix';
import { detectOnsets } from './onsets';
import { espeakCommand, resample, speak, speechEngine, voiceFor, type SpeechEngine } from './speech';

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
  it('synthesises every effect with its attack at the first sample', () => {
    for (const id of effectIds) {
      const fx = synthEffect(id, { seed: 3, level: 1 });
      expect([id, peak(fx) > 0.2, peak(fx) <= 1]).toEqual([id, true, true]);
      const bus = new Float32Array(sampleRate * 4);
      bus.set(fx.subarray(0, Math.min(fx.length, bus.length - sampleRate)), sampleRate);
      const first = detectOnsets(bus, { sampleRate })[0];
      expect([id, Math.abs((first ?? -1) - 1) <= 0.005]).toEqual([id, true]);
    }
  });

  it('is deterministic for a seed', () => {
    expect(synthEffect('splash', { seed: 5, level: 1 })).toEqual(synthEffect('splash', { seed: 5, level: 1 }));
    expect(synthEffect('splash', { seed: 5, level: 1 })).not.toEqual(synthEffect('splash', { seed: 6, level: 1 }));
  });

  it('scales with level and lasts as asked', () => {
    expect(peak(synthEffect('knock', { seed: 1, level: 0.5 }))).toBeCloseTo(
      peak(synthEffect('knock', { seed: 1, level: 1 })) / 2,
      5,
    );
    expect(synthEffect('footsteps', { seed: 1, level: 1, seconds: 5 }).length).toBeGreaterThan(5 * sampleRate);
  });
});

describe('sound: beds', () => {
  it('plays every bed with stereo width, only inside its span', () => {
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
  it('measures loudness as BS.1770 does', () => {
    const bus = stereo(sampleRate * 3);
    for (let i = 0; i < bus.left.length; i++) {
      const v = 0.1 * Math.sin((2 * Math.PI * 997 * i) / sampleRate);
      bus.left[i] = v;
      bus.right[i] = v;
    }
    expect(integratedLoudness(bus)).toBeCloseTo(-20, 0);
  });

  it('normalises to the target loudness and keeps peaks under the ceiling', () => {
    const beds = stereo(sampleRate * 4);
    const effects = stereo(sampleRate * 4);
    addBed('river', beds, 0, beds.left.length, 1, 1);
    addMono(effects, synthEffect('doorSlam', { seed: 1, level: 1 }), Math.round(sampleRate * 2.5), 0, 4);
    const result = master(beds, effects, stereo(sampleRate * 4), { bedsDb: -9, effectsDb: -3 });
    expect(result.loudnessAfter).toBeGreaterThan(targetLufs - 1.5);
    expect(result.loudnessAfter).toBeLessThan(targetLufs + 0.5);
    expect(Math.max(peak(result.bus.left), peak(result.bus.right))).toBeLessThanOrEqual(dbToGain(-1) + 1e-6);
  });

  it('keeps every sound at its time through ducking, normalising and limiting', () => {
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

  it('limits smoothly: gain is already down when a peak arrives', () => {
    const bus = stereo(sampleRate);
    for (let i = 0; i < bus.left.length; i++) bus.left[i] = bus.right[i] = i > 24_000 ? 3 : 0.1;
    limit(bus);
    expect(peak(bus.left)).toBeLessThanOrEqual(dbToGain(-1) + 1e-6);
    expect(bus.left[24_001]).toBeGreaterThan(0.8);
  });

  it('ducks beds under dialogue', () => {
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

describe('sound: speech', () => {
  it('gives speakers distinct voices', () => {
    const voices = [
      voiceFor(0, true, false),
      voiceFor(1, true, false),
      voiceFor(0, false, false),
      voiceFor(1, false, true),
    ];
    expect(new Set(voices.map((v) => JSON.stringify(v))).size).toBe(4);
  });

  it('resamples without changing pitch', () => {
    const input = new Float32Array(22050);
    for (let i = 0; i < input.length; i++) input[i] = Math.sin((2 * Math.PI * 440 * i) / 22050);
    const out = resample(input, 22050, sampleRate);
    expect(out.length).toBeCloseTo(sampleRate, -2);
    let crossings = 0;
    for (let i = 1; i < out.length; i++) if ((out[i - 1] ?? 0) < 0 && (out[i] ?? 0) >= 0) crossings++;
    expect(crossings).toBeGreaterThanOrEqual(438);
    expect(crossings).toBeLessThanOrEqual(441);
  });

  it.skipIf(espeakCommand() === null)('speaks a line that starts at its first sample', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'shotline-speech-'));
    try {
      const line = await speak('Look at the lantern.', voiceFor(0, true, true), dir, 'l0');
      expect(line).not.toBeNull();
      if (!line) return;
      expect(line.length).toBeGreaterThan(sampleRate * 0.5);
      expect(rms(line, 0, 480)).toBeGreaterThan(0.005);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  describe('the built-in espeak-ng, for machines without the program', () => {
    const embedded = (): SpeechEngine => {
      process.env.SHOTLINE_SPEECH = 'embedded';
      try {
        const engine = speechEngine();
        if (engine?.kind !== 'embedded') throw new Error('the espeak-ng package is not installed');
        return engine;
      } finally {
        delete process.env.SHOTLINE_SPEECH;
      }
    };
    const say = async (text: string, voice = voiceFor(0, true, true)): Promise<Float32Array | null> => {
      const dir = await mkdtemp(join(tmpdir(), 'shotline-speech-'));
      try {
        return await speak(text, voice, dir, 'l0', undefined, embedded());
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    };

    it('speaks a line that starts at its first sample', async () => {
      const line = await say('Look at the lantern.');
      expect(line).not.toBeNull();
      if (!line) return;
      expect(line.length).toBeGreaterThan(sampleRate * 0.5);
      expect(rms(line, 0, 480)).toBeGreaterThan(0.005);
    });

    it('gives two speakers different voices', async () => {
      const a = await say('Only the fire.', voiceFor(0, true, false));
      const b = await say('Only the fire.', voiceFor(1, false, false));
      expect(a && b).toBeTruthy();
      if (!a || !b) return;
      // The higher voice crosses zero more often over the same words.
      const crossings = (x: Float32Array): number => {
        let n = 0;
        for (let i = 1; i < x.length; i++) if ((x[i - 1] ?? 0) < 0 && (x[i] ?? 0) >= 0) n++;
        return n / x.length;
      };
      expect(crossings(a)).toBeGreaterThan(crossings(b) * 1.2);
    });

    it('reads a line that starts with a dash as words, not as an option', async () => {
      const line = await say('-v is not a voice, just words.');
      expect(line?.length ?? 0).toBeGreaterThan(sampleRate * 0.5);
    });

    it('fails with a clear message for a voice it does not have', async () => {
      await expect(say('Hello.', { name: 'xx-nothing', pitch: 50, speed: 150 })).rejects.toThrow(
        'The built-in speech engine failed: The specified espeak-ng voice does not exist.',
      );
    });
  });
});

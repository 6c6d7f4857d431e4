import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { sampleRate } from './dsp';
import { fliteVoices } from './flite';
import { espeakCommand, resample, speak, speechEngine, voiceFor, type SpeechEngine, type Voice } from './speech';

function rms(x: Float32Array, from = 0, to = x.length): number {
  let s = 0;
  for (let i = from; i < to; i++) s += (x[i] ?? 0) ** 2;
  return Math.sqrt(s / Math.max(1, to - from));
}

function peak(x: Float32Array): number {
  let p = 0;
  for (const v of x) p = Math.max(p, Math.abs(v));
  return p;
}

/** Median pitch in Hz over the voiced 40 ms frames (autocorrelation, 60 to 400 Hz). */
function medianPitch(x: Float32Array): number {
  const win = Math.round(0.04 * sampleRate);
  const pitches: number[] = [];
  for (let start = 0; start + win < x.length; start += win) {
    if (rms(x, start, start + win) < 0.05) continue;
    let best = 0;
    let bestLag = 0;
    for (let lag = Math.floor(sampleRate / 400); lag <= Math.ceil(sampleRate / 60); lag += 2) {
      let c = 0;
      let a = 0;
      let b = 0;
      for (let i = start; i + lag < start + win; i++) {
        c += (x[i] ?? 0) * (x[i + lag] ?? 0);
        a += (x[i] ?? 0) ** 2;
        b += (x[i + lag] ?? 0) ** 2;
      }
      const r = c / Math.sqrt(a * b + 1e-12);
      if (r > best) [best, bestLag] = [r, lag];
    }
    if (best > 0.6) pitches.push(sampleRate / bestLag);
  }
  pitches.sort((a, b) => a - b);
  return pitches[Math.floor(pitches.length / 2)] ?? 0;
}

async function say(text: string, voice: Voice, engine: SpeechEngine): Promise<Float32Array> {
  const dir = await mkdtemp(join(tmpdir(), 'shotline-speech-'));
  try {
    const line = await speak(text, voice, dir, 'l0', undefined, engine);
    if (!line) throw new Error('no speech engine');
    return line;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The engine that SHOTLINE_SPEECH=name picks. */
function forced(name: string): SpeechEngine | null {
  process.env.SHOTLINE_SPEECH = name;
  try {
    return speechEngine();
  } finally {
    delete process.env.SHOTLINE_SPEECH;
  }
}

afterEach(() => {
  delete process.env.SHOTLINE_SPEECH;
});

describe('speech: voices', () => {
  const everyVoice = [true, false].flatMap((feminine) =>
    [0, 1, 2, 3, 4].flatMap((i) => [voiceFor(i, feminine, false), voiceFor(i, feminine, true)]),
  );

  test('gives the first five speakers of each kind distinct voices in both engines', () => {
    for (const young of [false, true]) {
      const voices = [0, 1, 2, 3, 4].flatMap((i) => [voiceFor(i, true, young), voiceFor(i, false, young)]);
      expect(new Set(voices.map((v) => JSON.stringify(v.espeak))).size).toBe(10);
      expect(new Set(voices.map((v) => JSON.stringify(v.flite))).size).toBe(10);
    }
  });

  test('uses only voices the built-in engine has', () => {
    for (const v of everyVoice) expect(fliteVoices).toContain(v.flite.name);
  });

  test('resamples without changing pitch', () => {
    const input = new Float32Array(22050);
    for (let i = 0; i < input.length; i++) input[i] = Math.sin((2 * Math.PI * 440 * i) / 22050);
    const out = resample(input, 22050, sampleRate);
    expect(out.length).toBeCloseTo(sampleRate, -2);
    let crossings = 0;
    for (let i = 1; i < out.length; i++) if ((out[i - 1] ?? 0) < 0 && (out[i] ?? 0) >= 0) crossings++;
    expect(crossings).toBeGreaterThanOrEqual(438);
    expect(crossings).toBeLessThanOrEqual(441);
  });

  test.each([
    [22050, 48000],
    [16000, 48000],
    [48000, 22050],
    [44100, 48000],
  ])('resamples %i Hz to %i Hz as the Lanczos kernel at each sample gives', (from, to) => {
    // The kernel evaluated afresh at every output sample, as the weights table must reproduce.
    const direct = (input: Float32Array): Float32Array => {
      const ratio = from / to;
      const out = new Float32Array(Math.floor(input.length / ratio));
      const cutoff = Math.min(1, to / from);
      for (let i = 0; i < out.length; i++) {
        const x = i * ratio;
        const centre = Math.floor(x);
        let sum = 0;
        let norm = 0;
        for (let k = centre - 3; k <= centre + 4; k++) {
          const d = (x - k) * cutoff;
          if (Math.abs(d) >= 4) continue;
          const w =
            d === 0 ? 1 : (4 * Math.sin(Math.PI * d) * Math.sin((Math.PI * d) / 4)) / (Math.PI * Math.PI * d * d);
          norm += w;
          sum += (input[k] ?? 0) * w;
        }
        out[i] = norm !== 0 ? sum / norm : 0;
      }
      return out;
    };
    const input = new Float32Array(Math.round(from * 0.3));
    let seed = 7;
    for (let i = 0; i < input.length; i++) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      input[i] = 0.5 * Math.sin(i / 5) + 0.3 * (seed / 2147483648 - 0.5);
    }
    const want = direct(input);
    const got = resample(input, from, to);
    expect(got.length).toBe(want.length);
    let worst = 0;
    for (let i = 0; i < want.length; i++) worst = Math.max(worst, Math.abs((got[i] ?? 0) - (want[i] ?? 0)));
    expect(worst).toBeLessThan(1e-6);
  });

  test('refuses a sample rate that is not a whole number of hertz', () => {
    expect(() => resample(new Float32Array(10), 22050.5, 48000)).toThrow(/whole numbers of hertz/);
  });
});

describe('speech: choosing the engine', () => {
  test('uses the built-in voice when SHOTLINE_SPEECH=flite, even with the program installed', () => {
    expect(forced('flite')?.kind).toBe('flite');
  });

  test.skipIf(espeakCommand() === null)('uses the program when SHOTLINE_SPEECH=espeak-ng', () => {
    expect(forced('espeak-ng')).toEqual({ kind: 'espeak-ng', command: espeakCommand() });
  });

  test('refuses an engine it does not know, naming the ones it does', () => {
    expect(() => forced('embedded')).toThrow('SHOTLINE_SPEECH must be "espeak-ng" or "flite", not "embedded".');
  });
});

describe.each([
  { name: 'the espeak-ng program', engine: (): SpeechEngine | null => forced('espeak-ng') },
  { name: 'the built-in Flite voice', engine: (): SpeechEngine | null => forced('flite') },
])('speech with $name', ({ name, engine: pick }) => {
  const skip = name.includes('program') && espeakCommand() === null;
  const engine = (): SpeechEngine => {
    const e = pick();
    if (!e) throw new Error(`${name} is not there`);
    return e;
  };

  test.skipIf(skip)('speaks each voice from its first sample, at one dialogue level', async () => {
    for (const [i, feminine, young] of [
      [0, true, false],
      [1, true, true],
      [0, false, false],
      [1, false, false],
      [2, false, false],
      [1, false, true],
    ] as const) {
      const line = await say('Look at the lantern.', voiceFor(i, feminine, young), engine());
      const voice = `${String(i)} ${String(feminine)} ${String(young)}`;
      expect({ voice, long: line.length > sampleRate * 0.5 }).toEqual({ voice, long: true });
      expect({ voice, startsLoud: rms(line, 0, 480) > 0.01 }).toEqual({ voice, startsLoud: true });
      expect({ voice, peak: Math.round(peak(line) * 100) / 100 }).toEqual({ voice, peak: 0.7 });
    }
  });

  test.skipIf(skip)('gives a woman a clearly higher voice than a man', async () => {
    const her = medianPitch(await say('Only the fire. Nothing else is left.', voiceFor(0, true, false), engine()));
    const him = medianPitch(await say('Only the fire. Nothing else is left.', voiceFor(0, false, false), engine()));
    expect(him).toBeGreaterThan(70);
    expect(her).toBeGreaterThan(him * 1.4);
  });

  test.skipIf(skip)('reads a line that starts with a dash as words, not as an option', async () => {
    const voice = voiceFor(0, true, false);
    const dashed = await say('-v is not a voice, just words.', voice, engine());
    const plain = await say('v is not a voice, just words.', voice, engine());
    expect(dashed.length).toBeGreaterThan(sampleRate * 0.5);
    expect(dashed.length / plain.length).toBeGreaterThan(0.8);
    expect(dashed.length / plain.length).toBeLessThan(1.25);
  });

  test.skipIf(skip)('gives the same samples for the same line and voice', async () => {
    const a = await say('We have to leave before the tide comes in.', voiceFor(3, false, false), engine());
    const b = await say('We have to leave before the tide comes in.', voiceFor(3, false, false), engine());
    expect(Buffer.from(a.buffer).equals(Buffer.from(b.buffer))).toBe(true);
  });
});

describe('speech: a voice an engine does not have', () => {
  const unknown: Voice = {
    espeak: { name: 'xx-nothing', pitch: 50, speed: 150 },
    flite: { name: 'xx-nothing', pitchHz: null, stretch: 1 },
  };

  test('is a clear error with the built-in voice', async () => {
    const flite = forced('flite');
    if (!flite) throw new Error('the built-in voice is not installed');
    await expect(say('Hello.', unknown, flite)).rejects.toThrow(
      'The built-in voice "xx-nothing" does not exist; it has slt, rms, awb, kal16.',
    );
  });

  test.skipIf(espeakCommand() === null)('is an error that names it with the program', async () => {
    const program = forced('espeak-ng');
    if (!program) throw new Error('the program is not installed');
    await expect(say('Hello.', unknown, program)).rejects.toThrow(/xx-nothing|voice/);
  });
});

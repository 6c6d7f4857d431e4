/**
 * Dialogue by text to speech with espeak-ng, when it is installed. Each speaker gets a distinct
 * voice (variant, pitch and speed); the speech is resampled to 48 kHz and its leading silence is
 * trimmed so the first sound lands on the line's time.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { findsCommand, runTool } from '../../media/tools';
import { sampleRate } from './dsp';

let found: string | null | undefined;

/** The espeak-ng command (SHOTLINE_ESPEAK, else on PATH), or null when it is not installed. */
export function espeakCommand(): string | null {
  if (found !== undefined) return found;
  const candidates = [process.env.SHOTLINE_ESPEAK, 'espeak-ng'].filter(
    (c): c is string => typeof c === 'string' && c.length > 0,
  );
  found = candidates.find(findsCommand) ?? null;
  return found;
}

export interface Voice {
  /** espeak-ng voice and variant, e.g. "en+f3". */
  name: string;
  /** 0 to 99. */
  pitch: number;
  /** Words per minute. */
  speed: number;
}

const feminineVoices = ['en+f3', 'en-us+f2', 'en+f4', 'en-us+f1', 'en+f5'];
const masculineVoices = ['en+m3', 'en-us+m1', 'en+m2', 'en-us+m4', 'en+m7'];

/**
 * The voice for the nth distinct speaker of a clip. Speakers alternate variants and pitches so
 * no two in one clip sound alike.
 */
export function voiceFor(index: number, feminine: boolean, young: boolean): Voice {
  const list = feminine ? feminineVoices : masculineVoices;
  const name = list[index % list.length] ?? 'en';
  const basePitch = feminine ? 55 : 38;
  const pitch = Math.min(99, basePitch + (young ? 25 : 0) + ((index * 7) % 15));
  return { name, pitch, speed: 150 + ((index * 11) % 25) };
}

/** Reads a 16-bit PCM WAV as espeak-ng writes it (its size fields may be placeholders). */
export function decodeWav16(data: Buffer): { rate: number; samples: Float32Array } {
  if (data.toString('ascii', 0, 4) !== 'RIFF' || data.toString('ascii', 8, 12) !== 'WAVE')
    throw new Error('not a WAV file');
  let offset = 12;
  let rate = 22050;
  let channels = 1;
  while (offset + 8 <= data.length) {
    const id = data.toString('ascii', offset, offset + 4);
    const size = data.readUInt32LE(offset + 4);
    if (id === 'fmt ') {
      channels = data.readUInt16LE(offset + 10);
      rate = data.readUInt32LE(offset + 12);
    }
    if (id === 'data') {
      const start = offset + 8;
      const end = Math.min(data.length, size > 0 && start + size <= data.length ? start + size : data.length);
      const frames = Math.floor((end - start) / (2 * channels));
      const samples = new Float32Array(frames);
      for (let i = 0; i < frames; i++) samples[i] = data.readInt16LE(start + i * 2 * channels) / 32768;
      return { rate, samples };
    }
    offset += 8 + size + (size % 2);
  }
  throw new Error('WAV file has no data');
}

/** Windowed-sinc resampling (Lanczos, a = 4): clean enough for speech, deterministic. */
export function resample(input: Float32Array, fromRate: number, toRate: number): Float32Array {
  if (fromRate === toRate) return input.slice();
  const ratio = fromRate / toRate;
  const out = new Float32Array(Math.floor(input.length / ratio));
  const a = 4;
  const cutoff = Math.min(1, toRate / fromRate);
  for (let i = 0; i < out.length; i++) {
    const x = i * ratio;
    const centre = Math.floor(x);
    let sum = 0;
    let norm = 0;
    for (let k = centre - a + 1; k <= centre + a; k++) {
      const d = (x - k) * cutoff;
      const w = d === 0 ? 1 : (a * Math.sin(Math.PI * d) * Math.sin((Math.PI * d) / a)) / (Math.PI * Math.PI * d * d);
      if (Math.abs(d) >= a) continue;
      norm += w;
      sum += (input[k] ?? 0) * w;
    }
    out[i] = norm !== 0 ? sum / norm : 0;
  }
  return out;
}

/** Drops leading silence so the first audible sample comes first, with a 1 ms fade-in. */
export function trimLeadingSilence(samples: Float32Array, threshold = 0.004): Float32Array {
  let first = 0;
  while (first < samples.length && Math.abs(samples[first] ?? 0) < threshold) first++;
  const out = samples.slice(first);
  const fade = Math.min(out.length, Math.round(0.001 * sampleRate));
  for (let i = 0; i < fade; i++) out[i] = (out[i] ?? 0) * (i / fade);
  return out;
}

/** Speaks one line into mono samples at 48 kHz, or null when espeak-ng is not installed. */
export async function speak(
  text: string,
  voice: Voice,
  workDir: string,
  name: string,
  signal?: AbortSignal,
): Promise<Float32Array | null> {
  const command = espeakCommand();
  if (command === null) return null;
  const textPath = join(workDir, `${name}.txt`);
  const wavPath = join(workDir, `${name}.wav`);
  await writeFile(textPath, text, 'utf8');
  await runTool(
    command,
    ['-v', voice.name, '-p', String(voice.pitch), '-s', String(voice.speed), '-f', textPath, '-w', wavPath],
    signal,
  );
  const { rate, samples } = decodeWav16(await readFile(wavPath));
  const up = resample(samples, rate, sampleRate);
  // espeak-ng speaks near full scale; bring it to a dialogue level before mixing.
  let peak = 0;
  for (const v of up) peak = Math.max(peak, Math.abs(v));
  const gain = peak > 0 ? 0.7 / peak : 0;
  for (let i = 0; i < up.length; i++) up[i] = (up[i] ?? 0) * gain;
  return trimLeadingSilence(up);
}

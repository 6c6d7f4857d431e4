/**
 * Dialogue by text to speech: the espeak-ng program when it is installed (a separate program,
 * never loaded into Shotline), else the built-in Flite voice (see flite.ts). Each speaker gets a
 * distinct voice (a lower or higher one, and its own pitch and pace); the speech is resampled to
 * 48 kHz, brought to one dialogue level and its leading silence is trimmed so the first sound lands
 * on the line's time, whichever engine spoke it.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { StudioError } from '../../../shared/errors';
import { findsCommand, runTool } from '../../media/tools';
import { sampleRate } from './dsp';
import { fliteWasmPath, speakFlite, type FliteVoice } from './flite';

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

/** Where a line's speech comes from. */
export type SpeechEngine = { kind: 'espeak-ng'; command: string } | { kind: 'flite'; wasmPath: string };

/** The engines SHOTLINE_SPEECH can force. */
export const speechEngineNames = ['espeak-ng', 'flite'] as const;

/**
 * The espeak-ng program when it is installed, else the built-in Flite voice; null only if neither
 * is there. SHOTLINE_SPEECH=flite or SHOTLINE_SPEECH=espeak-ng forces one, and it is an error when
 * the forced one is missing.
 */
export function speechEngine(): SpeechEngine | null {
  const forced = process.env.SHOTLINE_SPEECH ?? '';
  if (forced !== '' && !(speechEngineNames as readonly string[]).includes(forced)) {
    throw new StudioError(
      'invalid_input',
      `SHOTLINE_SPEECH must be ${speechEngineNames.map((n) => `"${n}"`).join(' or ')}, not "${forced}".`,
    );
  }
  const command = forced === 'flite' ? null : espeakCommand();
  if (command !== null) return { kind: 'espeak-ng', command };
  if (forced === 'espeak-ng') {
    throw new StudioError(
      'invalid_input',
      'SHOTLINE_SPEECH=espeak-ng asks for the espeak-ng program, but it is not installed (for example "apt-get install espeak-ng"), nor named by SHOTLINE_ESPEAK.',
    );
  }
  const wasmPath = fliteWasmPath();
  return wasmPath === null ? null : { kind: 'flite', wasmPath };
}

/** What the render report calls an engine. */
export function speechEngineLabel(engine: SpeechEngine): string {
  return engine.kind === 'espeak-ng' ? 'the espeak-ng program' : 'the built-in Flite voice';
}

/** One speaker's voice, as each engine knows it. */
export interface Voice {
  /** espeak-ng voice and variant (e.g. "en+f3"), pitch 0 to 99 and words per minute. */
  espeak: { name: string; pitch: number; speed: number };
  flite: FliteVoice;
}

const feminineVoices = ['en+f3', 'en-us+f2', 'en+f4', 'en-us+f1', 'en+f5'];
const masculineVoices = ['en+m3', 'en-us+m1', 'en+m2', 'en-us+m4', 'en+m7'];
/** Flite has one woman's voice, so women differ by pitch; men by voice first, then pitch. */
const feminineFlite: readonly { name: string; pitchHz: number | null }[] = [
  { name: 'slt', pitchHz: 180 },
  { name: 'slt', pitchHz: 215 },
  { name: 'slt', pitchHz: 160 },
  { name: 'slt', pitchHz: 235 },
  { name: 'slt', pitchHz: 195 },
];
const masculineFlite: readonly { name: string; pitchHz: number | null }[] = [
  { name: 'rms', pitchHz: null },
  { name: 'awb', pitchHz: 125 },
  { name: 'kal16', pitchHz: 105 },
  { name: 'awb', pitchHz: 145 },
  { name: 'kal16', pitchHz: 120 },
];

/**
 * The voice for the nth distinct speaker of a clip. Speakers alternate voices, pitches and paces
 * so no two in one clip sound alike; a young speaker is pitched higher.
 */
export function voiceFor(index: number, feminine: boolean, young: boolean): Voice {
  const list = feminine ? feminineVoices : masculineVoices;
  const name = list[index % list.length] ?? 'en';
  const basePitch = feminine ? 55 : 38;
  const pitch = Math.min(99, basePitch + (young ? 25 : 0) + ((index * 7) % 15));
  const speed = 150 + ((index * 11) % 25);
  const flite = (feminine ? feminineFlite : masculineFlite)[index % 5] ?? { name: 'slt', pitchHz: null };
  // rms keeps its own pitch, so a young man speaks with awb raised instead.
  const youngFlite = flite.pitchHz === null ? { name: 'awb', pitchHz: 160 } : { ...flite, pitchHz: flite.pitchHz + 35 };
  return {
    espeak: { name, pitch, speed },
    flite: { ...(young ? youngFlite : flite), stretch: 160 / speed },
  };
}

/** Reads a 16-bit PCM WAV as the speech engines write it (its size fields may be placeholders). */
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

/** The Lanczos kernel (a = 4) at distance d, in input samples scaled by the cutoff. */
function lanczos(d: number, a: number): number {
  return d === 0 ? 1 : (a * Math.sin(Math.PI * d) * Math.sin((Math.PI * d) / a)) / (Math.PI * Math.PI * d * d);
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/**
 * Windowed-sinc resampling (Lanczos, a = 4): clean enough for speech, deterministic. Output sample
 * i sits at input position i × from / to, whose fraction takes only to / gcd(from, to) values
 * (320 from espeak-ng's 22 050 Hz, 3 from Flite's 16 kHz), so each one's eight taps are worked out
 * once instead of sixteen sines for every sample.
 */
export function resample(input: Float32Array, fromRate: number, toRate: number): Float32Array {
  if (!Number.isInteger(fromRate) || !Number.isInteger(toRate) || fromRate <= 0 || toRate <= 0)
    throw new Error(`Sample rates must be whole numbers of hertz, got ${fromRate} and ${toRate}`);
  if (fromRate === toRate) return input.slice();
  const out = new Float32Array(Math.floor(input.length / (fromRate / toRate)));
  const a = 4;
  const taps = 2 * a;
  const cutoff = Math.min(1, toRate / fromRate);
  const g = gcd(fromRate, toRate);
  const up = toRate / g;
  const down = fromRate / g;
  // Weights for each fraction p / up and tap k = centre - a + 1 + j, with their sum; a tap past
  // the kernel's reach weighs nothing but, as a tap past the input's end, still counts in the sum.
  const weights = new Float64Array(up * taps);
  const norms = new Float64Array(up);
  for (let p = 0; p < up; p++) {
    let norm = 0;
    for (let j = 0; j < taps; j++) {
      const d = (p / up + (a - 1 - j)) * cutoff;
      if (Math.abs(d) >= a) continue;
      const w = lanczos(d, a);
      weights[p * taps + j] = w;
      norm += w;
    }
    norms[p] = norm;
  }
  for (let i = 0; i < out.length; i++) {
    const position = i * down;
    const centre = Math.floor(position / up);
    const p = position - centre * up;
    const first = centre - a + 1;
    let sum = 0;
    for (let j = 0; j < taps; j++) sum += (input[first + j] ?? 0) * (weights[p * taps + j] ?? 0);
    const norm = norms[p] ?? 0;
    out[i] = norm !== 0 ? sum / norm : 0;
  }
  return out;
}

/** RMS of `samples` over [from, to). */
function windowRms(samples: Float32Array, from: number, to: number): number {
  let sum = 0;
  for (let i = from; i < to; i++) sum += (samples[i] ?? 0) ** 2;
  return Math.sqrt(sum / Math.max(1, to - from));
}

/**
 * Drops what comes before the voice so its first sound comes first, with a 1 ms fade-in. The voice
 * starts at the first 2.5 ms window loud enough to be speech (`speech` RMS), moved back over the
 * windows just before it that are still clearly above silence (`quiet` RMS), so a soft consonant
 * is kept while a synthesiser's low hiss or breath further ahead is not.
 */
export function trimLeadingSilence(samples: Float32Array, speech = 0.02, quiet = 0.006): Float32Array {
  const hop = Math.round(0.0025 * sampleRate);
  let start = 0;
  while (start < samples.length && windowRms(samples, start, start + hop) < speech) start += hop;
  if (start >= samples.length) return new Float32Array(0);
  while (start >= hop && windowRms(samples, start - hop, start) >= quiet) start -= hop;
  // Within the first window, begin at its first sample that is above silence.
  let first = start;
  while (first < start + hop && Math.abs(samples[first] ?? 0) < quiet) first++;
  const out = samples.slice(first);
  const fade = Math.min(out.length, Math.round(0.001 * sampleRate));
  for (let i = 0; i < fade; i++) out[i] = (out[i] ?? 0) * (i / fade);
  return out;
}

/** Speaks one line into mono samples at 48 kHz, or null when there is no speech engine. */
export async function speak(
  text: string,
  voice: Voice,
  workDir: string,
  name: string,
  signal?: AbortSignal,
  engine: SpeechEngine | null = speechEngine(),
): Promise<Float32Array | null> {
  if (engine === null) return null;
  let wav: Buffer;
  if (engine.kind === 'espeak-ng') {
    const { espeak } = voice;
    const textPath = join(workDir, `${name}.txt`);
    const wavPath = join(workDir, `${name}.wav`);
    await writeFile(textPath, text, 'utf8');
    const args = ['-v', espeak.name, '-p', String(espeak.pitch), '-s', String(espeak.speed)];
    await runTool(engine.command, [...args, '-f', textPath, '-w', wavPath], signal);
    wav = await readFile(wavPath);
  } else {
    if (signal?.aborted) throw new StudioError('canceled', 'Canceled.');
    wav = await speakFlite(engine.wasmPath, voice.flite, text);
  }
  const { rate, samples } = decodeWav16(wav);
  const up = resample(samples, rate, sampleRate);
  // Engines speak at their own levels; bring every line to one dialogue level before mixing.
  let peak = 0;
  for (const v of up) peak = Math.max(peak, Math.abs(v));
  const gain = peak > 0 ? 0.7 / peak : 0;
  for (let i = 0; i < up.length; i++) up[i] = (up[i] ?? 0) * gain;
  return trimLeadingSilence(up);
}

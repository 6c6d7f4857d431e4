/**
 * Dialogue by text to speech with espeak-ng: the program when it is installed, else the
 * WebAssembly build of the same engine shipped in the `espeak-ng` npm package, which is slower to
 * start (about 0.2 s a line) but needs nothing installed. Each speaker gets a distinct voice
 * (variant, pitch and speed); the speech is resampled to 48 kHz and its leading silence is trimmed
 * so the first sound lands on the line's time.
 */
import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { StudioError } from '../../../shared/errors';
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

/** Where a line's speech comes from. */
export type SpeechEngine = { kind: 'program'; command: string } | { kind: 'embedded'; wasmPath: string };

/** The path of the embedded engine's WebAssembly, or null if the package is missing. */
function embeddedWasm(): string | null {
  try {
    return createRequire(import.meta.url).resolve('espeak-ng/dist/espeak-ng.wasm');
  } catch {
    return null;
  }
}

/**
 * The installed espeak-ng, else the embedded one; null only if neither is there. Setting
 * SHOTLINE_SPEECH=embedded picks the embedded engine even when the program is installed.
 */
export function speechEngine(): SpeechEngine | null {
  const command = process.env.SHOTLINE_SPEECH === 'embedded' ? null : espeakCommand();
  if (command !== null) return { kind: 'program', command };
  const wasmPath = embeddedWasm();
  return wasmPath === null ? null : { kind: 'embedded', wasmPath };
}

/** The two WebAssembly calls used here (this project's Node typings leave the global out). */
interface WasmApi {
  compile(bytes: Uint8Array): Promise<object>;
  instantiate(module: object, imports: object): Promise<object>;
}
const wasmApi = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

/** The embedded engine's compiled code, kept for the life of the thread: compiling takes 0.15 s. */
let compiled: { path: string; module: Promise<object> } | null = null;

/**
 * Runs the embedded espeak-ng with command-line arguments, the text in a file of its own
 * in-memory file system, and returns the WAV it wrote.
 */
async function speakEmbedded(wasmPath: string, args: readonly string[], text: string): Promise<Buffer> {
  if (compiled?.path !== wasmPath) compiled = { path: wasmPath, module: wasmApi.compile(readFileSync(wasmPath)) };
  const wasm = await compiled.module;
  const { default: ESpeakNg } = await import('espeak-ng');
  const errors: string[] = [];
  const engine = await ESpeakNg({
    arguments: [...args, '-f', '/line.txt', '-w', '/line.wav'],
    preRun: [(m) => m.FS.writeFile('/line.txt', text)],
    instantiateWasm: (imports, done) => {
      void wasmApi.instantiate(wasm, imports).then(done);
      return {};
    },
    print: () => undefined,
    printErr: (line) => errors.push(line),
  });
  try {
    return Buffer.from(engine.FS.readFile('/line.wav'));
  } catch {
    const why = errors.find((e) => !e.includes('keepRuntimeAlive')) ?? 'it wrote no sound';
    throw new StudioError('internal', `The built-in speech engine failed: ${why.replace(/^Error: /, '')}`);
  }
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
  const args = ['-v', voice.name, '-p', String(voice.pitch), '-s', String(voice.speed)];
  let wav: Buffer;
  if (engine.kind === 'program') {
    const textPath = join(workDir, `${name}.txt`);
    const wavPath = join(workDir, `${name}.wav`);
    await writeFile(textPath, text, 'utf8');
    await runTool(engine.command, [...args, '-f', textPath, '-w', wavPath], signal);
    wav = await readFile(wavPath);
  } else {
    if (signal?.aborted) throw new StudioError('canceled', 'Canceled.');
    wav = await speakEmbedded(engine.wasmPath, args, text);
  }
  const { rate, samples } = decodeWav16(wav);
  const up = resample(samples, rate, sampleRate);
  // espeak-ng speaks near full scale; bring it to a dialogue level before mixing.
  let peak = 0;
  for (const v of up) peak = Math.max(peak, Math.abs(v));
  const gain = peak > 0 ? 0.7 / peak : 0;
  for (let i = 0; i < up.length; i++) up[i] = (up[i] ?? 0) * gain;
  return trimLeadingSilence(up);
}

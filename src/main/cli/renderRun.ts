/**
 * A render the command line asked for, from its checked options to the clip: the part of
 * `shotline render` that runs either in the command's own process or in a warm engine
 * (`shotline engine`), which runs the same code for every request its socket brings.
 */
import { open, rename, rm, stat, writeFile } from 'node:fs/promises';
import { constants } from 'node:os';
import { basename, dirname, extname, join } from 'node:path';
import type { FrameSize } from '../../shared/prompt/types';
import { StudioError } from '../../shared/errors';
import { namesBesideClip, prewarmRenderWorker, renderClip, type RenderProgress } from '../engine/render';

export interface Output {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** A render as the command line asked for it: the prompt read, paths absolute, flags as typed. */
export interface RenderJob {
  /** The prompt file as it was named, for the lines that point into it. */
  promptName: string;
  text: string;
  /** Absolute. */
  out: string;
  /** Absolute, or null for no report. */
  report: string | null;
  size: string | null;
  fps: string | null;
  seed: string | null;
  draft: boolean;
}

/** How a render in progress is told to stop, and which signal asked. */
export interface RenderControl {
  signal: AbortSignal;
  stoppedBy(): NodeJS.Signals | null;
}

export class UsageError extends Error {}

/** The signals that stop a render: Ctrl+C, a polite kill, and the terminal closing. */
export const stopSignals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** The exit code of a command stopped by a signal, as a shell reports it: 128 plus its number. */
export function exitCodeFor(signal: NodeJS.Signals): number {
  return 128 + constants.signals[signal];
}

export const interruptedMessage = 'Render interrupted; no clip was written.\n';

function parseSize(text: string): FrameSize {
  const match = /^(\d{1,5})x(\d{1,5})$/i.exec(text.trim());
  if (!match) throw new UsageError(`--size must look like 1280x720, got "${text}".`);
  return { width: Number(match[1]), height: Number(match[2]) };
}

/** The quick-look size: the long side at 640 pixels, the shape kept, both sides even. */
export function draftSize(full: FrameSize): FrameSize {
  const scale = Math.min(1, 640 / Math.max(full.width, full.height));
  const even = (v: number): number => Math.max(16, 2 * Math.round((v * scale) / 2));
  return { width: even(full.width), height: even(full.height) };
}

/** The quick-look rate: half the clip's, not below 12 fps. Timing stays exact; motion is coarser. */
export function draftFps(full: number): number {
  return Math.min(full, Math.max(12, Math.round(full / 2)));
}

function parseWhole(flag: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || value < min || value > max) {
    throw new UsageError(`${flag} must be a whole number from ${min} to ${max}, got "${text}".`);
  }
  return value;
}

/** The longest file name most file systems take, in bytes. */
const nameMax = 255;

/** Fails before any work when the clip could not be written where asked. */
async function checkOutput(out: string): Promise<void> {
  if (extname(out).toLowerCase() !== '.mp4') throw new UsageError(`--out must name an .mp4 file, got "${out}".`);
  const existing = await stat(out).catch(() => null);
  if (existing?.isDirectory()) throw new UsageError(`--out names a folder, not a file: ${out}`);
  const name = basename(out);
  // How many bytes the longest name the render writes beside the clip adds to the clip's own.
  const added = Math.max(...namesBesideClip(out).map((n) => Buffer.byteLength(n))) - Buffer.byteLength(name);
  const longest = nameMax - added;
  if (Buffer.byteLength(name) > longest)
    throw new UsageError(
      `The clip's file name is too long (${Buffer.byteLength(name)} bytes): the render names its poster, sprite sheet and temporary files after it, and they must fit the file system's ${nameMax}. Keep it to ${longest} bytes (characters, for plain letters), .mp4 included.`,
    );
  await checkFolder(out, '--out');
}

/**
 * Creating a file is the only honest test: a folder can look writable (root, /proc, a read-only
 * mount) and still refuse new files.
 */
async function checkFolder(path: string, flag: string): Promise<void> {
  const folder = dirname(path);
  const probe = join(folder, `.shotline-write-check-${process.pid}-${Math.random().toString(36).slice(2, 8)}`);
  try {
    await (await open(probe, 'wx')).close();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'does not exist' : code === 'EEXIST' ? 'is busy' : 'does not accept new files';
    throw new UsageError(`Cannot write ${path}: the folder ${folder} ${why}. Choose another ${flag} path.`);
  }
  await rm(probe, { force: true });
}

function progressBar(stderr: Output): (p: RenderProgress) => void {
  let shown = -1;
  return (p) => {
    const percent = Math.floor(p.fraction * 100);
    if (stderr.isTTY) {
      if (percent === shown) return;
      const filled = Math.round(p.fraction * 30);
      const frames = p.frames > 0 ? `  frame ${p.frame}/${p.frames}` : '';
      stderr.write(
        `\r[${'#'.repeat(filled)}${'.'.repeat(30 - filled)}] ${String(percent).padStart(3)}% ${p.phase}${frames}   `,
      );
    } else {
      const step = Math.floor(percent / 10) * 10;
      if (step === shown) return;
      shown = step;
      stderr.write(`${String(step).padStart(3)}% ${p.phase}\n`);
      return;
    }
    shown = percent;
  };
}

/**
 * Checks the job's options, lints and compiles its prompt, renders it and writes its report.
 * Exit code 0 on success; 1 when the prompt or render fails; 2 for bad options; 128 plus the
 * signal's number when stopped.
 */
export async function runRenderJob(
  job: RenderJob,
  stdout: Output,
  stderr: Output,
  control: RenderControl,
): Promise<number> {
  // This thread only waits for the render, so it mixes the soundtrack: one thread fewer to start.
  // The engine loads on another thread while the prompt is checked here. What reads, checks and
  // compiles the prompt is loaded only now, beside it: together they take a few tenths of a second
  // to load (a validation library among them).
  prewarmRenderWorker({ mixHere: true });
  const [{ compileLocal }, { lint }, { describeSizes, isSizeAllowed, PROVIDERS }, { engineInputFromPrompt }] =
    await Promise.all([
      import('../../shared/prompt/compile/local'),
      import('../../shared/prompt/lint'),
      import('../../shared/prompt/providers'),
      import('../engine/fromPrompt'),
    ]);
  const local = PROVIDERS.local;
  const model = local.models[0];
  const fpsRange = local.fps;
  if (!model || !fpsRange) throw new Error('the built-in engine is missing from the provider table');

  const options: { size?: FrameSize; fps?: number; seed?: number } = {};
  try {
    if (job.size !== null) {
      const size = parseSize(job.size);
      if (!isSizeAllowed(model.sizes, size))
        throw new UsageError(`The built-in engine cannot render ${job.size}; it takes ${describeSizes(model.sizes)}.`);
      options.size = size;
    }
    if (job.fps !== null) options.fps = parseWhole('--fps', job.fps, fpsRange.min, fpsRange.max);
    if (job.seed !== null) options.seed = parseWhole('--seed', job.seed, 0, 2 ** 31 - 1);
    if (job.report !== null && extname(job.report).toLowerCase() !== '.json')
      throw new UsageError(`--report must name a .json file, got "${job.report}".`);
    if (job.report !== null) await checkFolder(job.report, '--report');
    await checkOutput(job.out);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    stderr.write(`${error.message}\n`);
    return 2;
  }

  const checked = lint(job.text, { provider: 'local' });
  const errors = checked.diagnostics.filter((d) => d.severity === 'error');
  for (const d of checked.diagnostics) {
    if (d.severity === 'info') continue;
    stderr.write(`${job.promptName}:${d.range.line}:${d.range.column}: ${d.severity}: ${d.message}\n`);
  }
  if (errors.length > 0) {
    stderr.write(`The prompt has ${errors.length} error${errors.length === 1 ? '' : 's'}; nothing was rendered.\n`);
    return 1;
  }

  const compiled = compileLocal(checked.doc, options);
  const request = compiled.request;
  const draft = job.draft;
  // A draft keeps the prompt's shape (16:9, 9:16…) at a quick-look size, unless --size says otherwise.
  const size =
    draft && job.size === null
      ? draftSize({ width: request.width, height: request.height })
      : { width: request.width, height: request.height };
  // And at a lower rate, unless --fps says otherwise.
  const fps = draft && job.fps === null ? draftFps(request.fps) : request.fps;
  const interrupted = (): number => {
    stderr.write(interruptedMessage);
    return exitCodeFor(control.stoppedBy() ?? 'SIGINT');
  };
  try {
    const result = await renderClip(engineInputFromPrompt(request.doc, request.shotDurationsMs), {
      outPath: job.out,
      width: size.width,
      height: size.height,
      fps,
      seed: request.seed ?? 1,
      draft,
      mixHere: true,
      signal: control.signal,
      onProgress: progressBar(stderr),
    });
    if (stderr.isTTY) stderr.write('\n');
    if (job.report !== null) {
      const tmp = `${job.report}.${process.pid}.${Math.random().toString(36).slice(2, 8)}.tmp`;
      await writeFile(tmp, JSON.stringify(result.report, null, 2) + '\n');
      await rename(tmp, job.report);
    }
    for (const item of result.report.notUnderstood)
      stderr.write(`note: shot ${item.shot + 1} ${item.field}: "${item.text}" was not understood (${item.reason})\n`);
    for (const note of result.report.notes) stderr.write(`note: ${note}\n`);
    const seconds = result.report.durationMs / 1000;
    const took = result.stats.wallMs / 1000;
    stdout.write(
      `Rendered ${draft ? 'a draft of ' : ''}${job.out}: ${seconds.toFixed(1)} s at ${size.width}x${size.height}, ${fps} fps, ` +
        `in ${took.toFixed(1)} s (${(seconds / took).toFixed(2)}x real time)\n`,
    );
    return 0;
  } catch (error) {
    if (stderr.isTTY) stderr.write('\n');
    // A signal that reached ffmpeg too can make a step fail before the render sees its own.
    if (control.stoppedBy() !== null || (error instanceof StudioError && error.code === 'canceled'))
      return interrupted();
    stderr.write(`The render failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

import { open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { constants } from 'node:os';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import type { FrameSize } from '../../shared/prompt/types';
import { StudioError } from '../../shared/errors';
import {
  namesBesideClip,
  prewarmRenderWorker,
  renderClip,
  stopRendersNow,
  type RenderProgress,
} from '../engine/render';

export const RENDER_USAGE = `Usage: shotline render <prompt.txt> --out <clip.mp4> [--size WxH] [--fps N] [--seed N] [--draft] [--report report.json]

Renders a prompt with the built-in engine, on this computer, with no account and no network.
Beside the clip it writes <clip>.poster.jpg and <clip>.sprite.jpg.
--draft renders a quick look: 640x360 (unless --size is given) at half the frame rate, not below 12 fps
(unless --fps is given), with the encoders' fastest settings and no film grain; timing and sound are kept.
`;

export interface Output {
  write(text: string): unknown;
  isTTY?: boolean;
}

class UsageError extends Error {}

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
  const probe = join(folder, `.shotline-write-check-${process.pid}`);
  try {
    await (await open(probe, 'wx')).close();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'does not exist' : code === 'EEXIST' ? 'is busy' : 'does not accept new files';
    throw new UsageError(`Cannot write ${path}: the folder ${folder} ${why}. Choose another ${flag} path.`);
  }
  await rm(probe, { force: true });
}

/** The exit code of a command stopped by a signal, as a shell reports it: 128 plus its number. */
function exitCodeFor(signal: NodeJS.Signals): number {
  return 128 + constants.signals[signal];
}

/** The signals that stop a render: Ctrl+C, a polite kill, and the terminal closing. */
const stopSignals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Once the clip is written, a signal during the process's last few milliseconds (its threads
 * stopping) ends it as the success it is, instead of by the signal's default action.
 */
const exitAsDone = (): void => process.exit(0);

/**
 * V8 compiles a function's optimised code once it has run a budget of bytecode, a default made for
 * pages that run for minutes. A draft lasts a second or two, and at the default V8's helper threads
 * spent about a tenth of its CPU time compiling optimised code that then ran only briefly; at four
 * times the budget only what runs longest is optimised. The flag holds for the whole process, so it
 * is set before the engine's threads start.
 */
function optimiseLessEagerly(): void {
  setFlagsFromString('--interrupt-budget=270336');
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
 * `shotline render`: exit 0 on success; 1 when the prompt or render fails; 2 for bad arguments;
 * 128 plus the signal's number when interrupted (130 for Ctrl+C, 143 for SIGTERM, 129 for SIGHUP).
 */
export async function renderCommand(argv: readonly string[], stdout: Output, stderr: Output): Promise<number> {
  let values;
  let positionals;
  try {
    ({ values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        out: { type: 'string', short: 'o' },
        size: { type: 'string' },
        fps: { type: 'string' },
        seed: { type: 'string' },
        report: { type: 'string' },
        draft: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${RENDER_USAGE}`);
    return 2;
  }
  if (values.help) {
    stdout.write(RENDER_USAGE);
    return 0;
  }
  // The engine loads on another thread while the prompt is read and checked here. What reads,
  // checks and compiles the prompt is loaded only now, beside it: together they take a few tenths
  // of a second to load (a validation library among them).
  if (values.draft) optimiseLessEagerly();
  // This thread only waits for the render, so it mixes the soundtrack: one thread fewer to start.
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

  let text: string;
  let out: string;
  let options: { size?: FrameSize; fps?: number; seed?: number };
  try {
    const [promptFile, ...extra] = positionals;
    if (!promptFile || extra.length > 0) throw new UsageError('Give exactly one prompt file.');
    if (!values.out) throw new UsageError('--out is required: where to write the clip, e.g. --out clip.mp4');
    out = resolve(values.out);
    options = {};
    if (values.size) {
      const size = parseSize(values.size);
      if (!isSizeAllowed(model.sizes, size))
        throw new UsageError(
          `The built-in engine cannot render ${values.size}; it takes ${describeSizes(model.sizes)}.`,
        );
      options.size = size;
    }
    if (values.fps) options.fps = parseWhole('--fps', values.fps, fpsRange.min, fpsRange.max);
    if (values.seed) options.seed = parseWhole('--seed', values.seed, 0, 2 ** 31 - 1);
    if (values.report && extname(values.report).toLowerCase() !== '.json')
      throw new UsageError(`--report must name a .json file, got "${values.report}".`);
    if (values.report) await checkFolder(resolve(values.report), '--report');
    try {
      text = await readFile(promptFile, 'utf8');
    } catch {
      throw new UsageError(`Cannot read the prompt file ${promptFile}: it does not exist or is not readable.`);
    }
    await checkOutput(out);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    stderr.write(`${error.message}\n`);
    return 2;
  }

  const checked = lint(text, { provider: 'local' });
  const errors = checked.diagnostics.filter((d) => d.severity === 'error');
  for (const d of checked.diagnostics) {
    if (d.severity === 'info') continue;
    stderr.write(`${positionals[0] ?? ''}:${d.range.line}:${d.range.column}: ${d.severity}: ${d.message}\n`);
  }
  if (errors.length > 0) {
    stderr.write(`The prompt has ${errors.length} error${errors.length === 1 ? '' : 's'}; nothing was rendered.\n`);
    return 1;
  }

  const compiled = compileLocal(checked.doc, options);
  const request = compiled.request;
  const draft = values.draft;
  // A draft keeps the prompt's shape (16:9, 9:16…) at a quick-look size, unless --size says otherwise.
  const size =
    draft && !values.size
      ? draftSize({ width: request.width, height: request.height })
      : { width: request.width, height: request.height };
  // And at a lower rate, unless --fps says otherwise.
  const fps = draft && !values.fps ? draftFps(request.fps) : request.fps;
  const controller = new AbortController();
  /** The signal that asked the render to stop, if one has. */
  const stop: { by: NodeJS.Signals | null } = { by: null };
  const interrupted = (): number => {
    stderr.write('Render interrupted; no clip was written.\n');
    return exitCodeFor(stop.by ?? 'SIGINT');
  };
  const interrupt = (signal: NodeJS.Signals): void => {
    if (stop.by === null) {
      stop.by = signal;
      controller.abort();
      return;
    }
    // Asked again while the render stops: stop now, leaving no ffmpeg and no temporary file.
    stopRendersNow();
    if (stderr.isTTY) stderr.write('\n');
    process.exit(interrupted());
  };
  for (const signal of stopSignals) process.on(signal, interrupt);
  try {
    const result = await renderClip(engineInputFromPrompt(request.doc, request.shotDurationsMs), {
      outPath: out,
      width: size.width,
      height: size.height,
      fps,
      seed: request.seed ?? 1,
      draft,
      mixHere: true,
      signal: controller.signal,
      onProgress: progressBar(stderr),
    });
    if (stderr.isTTY) stderr.write('\n');
    if (values.report) {
      const reportPath = resolve(values.report);
      const tmp = `${reportPath}.${process.pid}.tmp`;
      await writeFile(tmp, JSON.stringify(result.report, null, 2) + '\n');
      await rename(tmp, reportPath);
    }
    for (const item of result.report.notUnderstood)
      stderr.write(`note: shot ${item.shot + 1} ${item.field}: "${item.text}" was not understood (${item.reason})\n`);
    for (const note of result.report.notes) stderr.write(`note: ${note}\n`);
    const seconds = result.report.durationMs / 1000;
    const took = result.stats.wallMs / 1000;
    stdout.write(
      `Rendered ${draft ? 'a draft of ' : ''}${out}: ${seconds.toFixed(1)} s at ${size.width}x${size.height}, ${fps} fps, ` +
        `in ${took.toFixed(1)} s (${(seconds / took).toFixed(2)}x real time)\n`,
    );
    for (const signal of stopSignals) {
      process.off(signal, exitAsDone);
      process.once(signal, exitAsDone);
    }
    return 0;
  } catch (error) {
    if (stderr.isTTY) stderr.write('\n');
    // A signal that reached ffmpeg too can make a step fail before the render sees its own.
    if (stop.by !== null || (error instanceof StudioError && error.code === 'canceled')) return interrupted();
    stderr.write(`The render failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    for (const signal of stopSignals) process.off(signal, interrupt);
  }
}

import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, isAbsolute, join } from 'node:path';
import { StudioError } from '../../shared/errors';

// Not named `require`: the build declares its own `require` in any chunk that uses one (electron-vite's
// CommonJS shim), and two declarations in one chunk would stop it from loading.
const requireHere = createRequire(import.meta.url);

export interface MediaTools {
  ffmpeg: string;
  ffprobe: string;
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * Where a command runs from: the executable file at that path, or the first of that name on PATH
 * (with PATHEXT's extensions on Windows); null when there is none. Looked up rather than run,
 * because starting a tool to ask its version costs a tenth of a second or more, on every render.
 */
export function commandPath(command: string): string | null {
  const extensions =
    process.platform === 'win32' ? ['', ...(process.env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';')] : [''];
  const candidates = (dir: string): string[] => extensions.map((ext) => join(dir, command + ext));
  if (isAbsolute(command) || command.includes('/') || command.includes('\\'))
    return extensions.map((ext) => command + ext).find(executable) ?? null;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir.length === 0) continue;
    const found = candidates(dir).find(executable);
    if (found !== undefined) return found;
  }
  return null;
}

/** Whether a command can be run (see commandPath). */
export function findsCommand(command: string): boolean {
  return commandPath(command) !== null;
}

/**
 * The ffmpeg or ffprobe binary that `@ffmpeg-installer/<os>-<arch>` (or ffprobe's) carries, found
 * by path. The installers' own JavaScript is copyleft, so it is never loaded into Shotline: only
 * the program it carries is run, as a separate process.
 */
export function bundledTool(name: 'ffmpeg' | 'ffprobe'): string | null {
  const pkg = `@${name}-installer/${process.platform}-${process.arch}`;
  const binary = process.platform === 'win32' ? `${name}.exe` : name;
  const fromWrapper = (): string =>
    createRequire(requireHere.resolve(`@${name}-installer/${name}/package.json`)).resolve(`${pkg}/package.json`);
  for (const find of [() => requireHere.resolve(`${pkg}/package.json`), fromWrapper]) {
    try {
      const path = join(dirname(find()), binary);
      if (findsCommand(path)) return path;
    } catch {
      // not installed this way; try the next
    }
  }
  return null;
}

let cached: MediaTools | null = null;

/**
 * ffmpeg and ffprobe: SHOTLINE_FFMPEG / SHOTLINE_FFPROBE when set, else the ones on PATH,
 * else the binaries shipped in the npm packages, which work offline.
 */
export function mediaTools(): MediaTools {
  if (cached) return cached;
  const pick = (env: string | undefined, name: 'ffmpeg' | 'ffprobe'): string => {
    if (env) return env;
    if (findsCommand(name)) return name;
    const shipped = bundledTool(name);
    if (shipped) return shipped;
    throw new StudioError(
      'internal',
      `${name} was not found. Install ffmpeg (for example "apt-get install ffmpeg") or run "npm install" again.`,
    );
  };
  cached = {
    ffmpeg: pick(process.env.SHOTLINE_FFMPEG, 'ffmpeg'),
    ffprobe: pick(process.env.SHOTLINE_FFPROBE, 'ffprobe'),
  };
  return cached;
}

/**
 * Starts ffmpeg with `args`, through `launcher` when one is given: a program and its arguments
 * that end by running the command after them (`setpriv --pdeathsig KILL --`, see
 * engine/spareEncoders.ts).
 */
export function spawnFfmpeg(
  args: readonly string[],
  stdio: StdioOptions,
  launcher: readonly string[] = [],
): ChildProcess {
  const ffmpeg = mediaTools().ffmpeg;
  const [program = ffmpeg, ...rest] = [...launcher, ffmpeg, ...args];
  return spawn(program, rest, { stdio, windowsHide: true });
}

export interface RunResult {
  stdout: string;
  stderr: string;
}

/**
 * Runs a tool to completion; rejects with its last stderr lines; kills it when the signal aborts.
 * With `onStdout`, output is handed over as it comes (for decoding streams) instead of collected.
 */
export function runTool(
  command: string,
  args: readonly string[],
  signal?: AbortSignal,
  onStdout?: (chunk: Buffer) => void,
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new StudioError('canceled', 'Canceled.'));
      return;
    }
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', onStdout ?? ((chunk: Buffer) => out.push(chunk)));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    const abort = (): void => {
      child.kill('SIGKILL');
    };
    signal?.addEventListener('abort', abort, { once: true });
    child.on('error', (error) => {
      signal?.removeEventListener('abort', abort);
      reject(error);
    });
    child.on('close', (code) => {
      signal?.removeEventListener('abort', abort);
      const stdout = Buffer.concat(out).toString('utf8');
      const stderr = Buffer.concat(err).toString('utf8');
      if (signal?.aborted) reject(new StudioError('canceled', 'Canceled.'));
      else if (code === 0) resolve({ stdout, stderr });
      else {
        const tail = stderr.trim().split('\n').slice(-3).join(' ');
        reject(new Error(`${command} exited with code ${String(code)}: ${tail}`));
      }
    });
  });
}

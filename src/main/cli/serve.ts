/** `shotline serve` and `shotline start`: the browser studio, or the desktop app where Electron's runtime is installed. */
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { electronBinary, electronNativeBinding } from '../hosts/electron/runtime';
import { appRoot, rendererDir } from '../appPaths';
import { buildApp, buildIsStale } from './build';
import { startWebHost } from '../hosts/web/server';
import { loadAccessToken } from '../hosts/web/token';
import { DEFAULT_MAX_UPLOAD_BYTES } from '../storage/uploads';
import { resolveDataDir } from '../core/dataDir';
import { createStudio } from '../core/studio';
import type { CliOutput } from './output';
import { appVersion } from './version';

function openBrowser(url: string): void {
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '', url]]
        : ['xdg-open', [url]];
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return;
  const child = spawn(command, args, { stdio: 'ignore', detached: true });
  child.on('error', () => undefined);
  child.unref();
}

async function ensureBuilt(): Promise<void> {
  if (await buildIsStale()) {
    process.stderr.write('Building the studio…\n');
    await buildApp();
  }
}

interface ServeOptions {
  port: number;
  dataDir: string;
  open: boolean;
  newToken: boolean;
  maxUploadBytes: number;
}

const TOKEN_NOTES = {
  first: '',
  asked: 'A new access token was made: links to this studio given out before no longer work.\n',
  exposed: 'The saved access token could be read by other users of this machine, so a new one was made.\n',
  unreadable: 'The saved access token could not be read, so a new one was made.\n',
} as const;

/** Opens the studio on a library folder, saying plainly when the path cannot be one. */
async function openLibrary(dataDir: string): Promise<Awaited<ReturnType<typeof createStudio>>> {
  try {
    return await createStudio({ dataDir, version: await appVersion() });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ENOTDIR') {
      throw new Error(
        `the library folder ${dataDir} cannot be used: it, or a folder above it, is a file. Choose a folder with --data-dir.`,
      );
    }
    if (code === 'EACCES' || code === 'EPERM') {
      throw new Error(
        `the library folder ${dataDir} cannot be opened: permission denied. Choose a folder you can write with --data-dir.`,
      );
    }
    throw error;
  }
}

async function serve(options: ServeOptions): Promise<number> {
  await ensureBuilt();
  const studio = await openLibrary(options.dataDir);
  const { token, renewed } = await loadAccessToken(options.dataDir, { renew: options.newToken });
  if (renewed) process.stdout.write(TOKEN_NOTES[renewed]);
  const host = await startWebHost({
    studio,
    rendererDir,
    port: options.port,
    token,
    maxUploadBytes: options.maxUploadBytes,
  }).catch(async (error: unknown) => {
    await studio.close();
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new Error(
        `port ${String(options.port)} is already in use by another program; choose another with --port, or leave --port out to take a free one.`,
      );
    }
    throw error;
  });
  process.stdout.write(`Shotline browser studio: ${host.url}\nLibrary: ${options.dataDir}\nPress Ctrl+C to stop.\n`);
  if (options.open) openBrowser(host.url);
  await new Promise<void>((resolve) => {
    const stop = (): void => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await host.close();
  await studio.close();
  return 0;
}

async function startDesktop(electron: string, dataDir: string): Promise<number> {
  await ensureBuilt();
  const child = spawn(electron, [appRoot, `--data-dir=${dataDir}`], { stdio: 'inherit' });
  return new Promise((resolve) => child.on('close', (code) => resolve(code ?? 0)));
}

export async function serveCommand(
  command: 'serve' | 'start',
  args: readonly string[],
  usage: string,
  stdout: CliOutput,
  stderr: CliOutput,
): Promise<number> {
  const { values } = parseArgs({
    args: [...args],
    options: {
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      'no-open': { type: 'boolean', default: false },
      'new-token': { type: 'boolean', default: false },
      'max-upload-mb': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    stdout.write(usage);
    return 0;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    stderr.write(`--port must be a whole number from 0 to 65535, got "${values.port ?? ''}".\n`);
    return 2;
  }
  const maxUploadMb =
    values['max-upload-mb'] === undefined ? DEFAULT_MAX_UPLOAD_BYTES / 1024 ** 2 : Number(values['max-upload-mb']);
  if (!Number.isInteger(maxUploadMb) || maxUploadMb < 1) {
    stderr.write(
      `--max-upload-mb must be a whole number of megabytes, 1 or more, got "${values['max-upload-mb'] ?? ''}".\n`,
    );
    return 2;
  }
  const dataDir = resolveDataDir(values['data-dir']);
  const electron = command === 'start' ? electronBinary() : null;
  if (electron && electronNativeBinding(appRoot)) return await startDesktop(electron, dataDir);
  if (command === 'start') {
    stdout.write(
      electron
        ? 'The desktop app needs better-sqlite3 built for Electron (run "npm rebuild" while online), so Shotline opens as the browser studio.\n'
        : "Electron's runtime is not installed, so Shotline opens as the browser studio.\n",
    );
  }
  return await serve({
    port,
    dataDir,
    open: !values['no-open'],
    newToken: values['new-token'],
    maxUploadBytes: maxUploadMb * 1024 ** 2,
  });
}

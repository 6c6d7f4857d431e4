/** `shotline serve` and `shotline start`: the browser studio, or the desktop app where Electron's runtime is installed. */
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { electronBinary, electronNativeBinding } from '../hosts/electron/runtime';
import { appRoot, rendererDir } from '../appPaths';
import { buildApp, buildIsStale } from './build';
import { startWebHost } from '../hosts/web/server';
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
}

async function serve(options: ServeOptions): Promise<number> {
  await ensureBuilt();
  const studio = await createStudio({ dataDir: options.dataDir, version: await appVersion() });
  const host = await startWebHost({ studio, rendererDir, port: options.port });
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
  return await serve({ port, dataDir, open: !values['no-open'] });
}

import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DatabaseTooNewError } from '../db/connection';
import { electronBinary, electronNativeBinding } from '../hosts/electron/runtime';
import { batchCommand } from './batch';
import { appRoot, rendererDir } from '../appPaths';
import { buildApp, buildIsStale } from './build';
import { interruption } from './output';
import { startWebHost } from '../hosts/web/server';
import { jobsCommand } from './jobs';
import { resolveDataDir } from '../core/dataDir';
import { renderCommand } from './render';
import { createStudio } from '../core/studio';

const USAGE = `Usage: shotline <command> [options]

Commands:
  start                 Open the desktop app where Electron's runtime is installed, else the browser studio
  serve                 Run the browser studio on 127.0.0.1
  render                Render a prompt file to a clip with the built-in engine (shotline render --help)
  batch                 Queue prompt files as jobs in a project and run them until done (shotline batch --help)
  jobs                  List the library's jobs and their states (shotline jobs --help)

Options (start, serve):
  --port N              Port for the browser studio (default: a free port)
  --data-dir DIR        Library folder (default: $SHOTLINE_DATA_DIR, else the platform's app-data folder)
  --no-open             Do not open a browser
  -h, --help            Show this help
`;

async function version(): Promise<string> {
  const pkg = JSON.parse(await readFile(join(appRoot, 'package.json'), 'utf8')) as { version?: string };
  return pkg.version ?? '0.0.0';
}

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
  const studio = await createStudio({ dataDir: options.dataDir, version: await version() });
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

export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '-h' || command === '--help' || command === 'help') {
    process.stdout.write(USAGE);
    return command ? 0 : 1;
  }
  try {
    if (command === 'render') return await renderCommand(rest, process.stdout, process.stderr);
    if (command === 'jobs') return jobsCommand(rest, process.stdout, process.stderr);
    if (command === 'batch') {
      const { interrupted, dispose } = interruption();
      try {
        return await batchCommand(rest, process.stdout, process.stderr, { interrupted, version: await version() });
      } finally {
        dispose();
      }
    }
    if (command === 'serve' || command === 'start') {
      const { values } = parseArgs({
        args: [...rest],
        options: {
          port: { type: 'string' },
          'data-dir': { type: 'string' },
          'no-open': { type: 'boolean', default: false },
          help: { type: 'boolean', short: 'h', default: false },
        },
        strict: true,
      });
      if (values.help) {
        process.stdout.write(USAGE);
        return 0;
      }
      const port = values.port === undefined ? 0 : Number(values.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        process.stderr.write(`--port must be a whole number from 0 to 65535, got "${values.port ?? ''}".\n`);
        return 2;
      }
      const dataDir = resolveDataDir(values['data-dir']);
      const electron = command === 'start' ? electronBinary() : null;
      if (electron && electronNativeBinding(appRoot)) return await startDesktop(electron, dataDir);
      if (command === 'start') {
        process.stdout.write(
          electron
            ? 'The desktop app needs better-sqlite3 built for Electron (run "npm rebuild" while online), so Shotline opens as the browser studio.\n'
            : "Electron's runtime is not installed, so Shotline opens as the browser studio.\n",
        );
      }
      return await serve({ port, dataDir, open: !values['no-open'] });
    }
    process.stderr.write(`Unknown command "${command}".\n\n${USAGE}`);
    return 2;
  } catch (error) {
    if (error instanceof DatabaseTooNewError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`shotline ${command}: ${message}\n`);
    return 1;
  }
}

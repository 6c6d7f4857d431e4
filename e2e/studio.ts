import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base, expect, type Locator, type Page } from '@playwright/test';

const root = resolve(import.meta.dirname, '..');

export interface RunningStudio {
  url: string;
  dataDir: string;
  /** Stops the server and starts it again on the same data dir (a new port; the library keeps its token). */
  restart(): Promise<void>;
}

export async function startServer(dataDir: string): Promise<{ url: string; child: ChildProcessWithoutNullStreams }> {
  const child = spawn(
    process.execPath,
    [join(root, 'bin', 'shotline.mjs'), 'serve', '--port', '0', '--data-dir', dataDir, '--no-open'],
    {
      cwd: root,
      env: { ...process.env, SHOTLINE_DATA_DIR: '' },
    },
  );
  let output = '';
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`the studio did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the studio exited with ${String(code)}:\n${output}`));
    });
  });
  return { url, child };
}

export function stopServer(child: ChildProcessWithoutNullStreams): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolveStop) => {
    child.once('exit', () => resolveStop());
    child.kill('SIGTERM');
  });
}

/** Makes a test clip with ffmpeg: a test pattern with a tone. */
export function makeClip(path: string, seconds = 3, size = '640x360'): string {
  const result = spawnSync('ffmpeg', [
    '-v',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    `testsrc2=duration=${seconds}:size=${size}:rate=24`,
    '-f',
    'lavfi',
    '-i',
    `sine=frequency=440:duration=${seconds}`,
    '-shortest',
    '-c:v',
    'libx264',
    '-pix_fmt',
    'yuv420p',
    '-c:a',
    'aac',
    '-movflags',
    '+faststart',
    path,
  ]);
  if (result.status !== 0) throw new Error(`ffmpeg could not make a test clip: ${result.stderr.toString()}`);
  return path;
}

/** Each test gets a browser studio on its own temp data dir. */
export const test = base.extend<{ studio: RunningStudio; workDir: string }>({
  // eslint-disable-next-line no-empty-pattern
  workDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'shotline-e2e-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  studio: async ({ workDir }, use) => {
    const dataDir = join(workDir, 'data');
    let server = await startServer(dataDir);
    const studio: RunningStudio = {
      url: server.url,
      dataDir,
      async restart() {
        await stopServer(server.child);
        server = await startServer(dataDir);
        studio.url = server.url;
      },
    };
    await use(studio);
    await stopServer(server.child);
  },
});

export { expect };

/**
 * Opens the studio, makes a project (`project`, "Foley pass" unless given), imports `files` into
 * it and waits for all of their cards; returns the grid.
 */
export async function importClips(page: Page, url: string, files: string[], project = 'Foley pass'): Promise<Locator> {
  await page.goto(url);
  await page.getByRole('button', { name: 'New project' }).first().click();
  const name = page.getByRole('textbox', { name: 'Project name' });
  await name.fill(project);
  await name.press('Enter');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import clips' }).first().click();
  await (await chooser).setFiles(files);
  const grid = page.getByRole('list', { name: 'Clips' });
  await expect(grid.getByRole('listitem')).toHaveCount(files.length, { timeout: 60_000 });
  return grid;
}

/**
 * Opens the studio, makes a project (`project`, "Foley pass" unless given), imports one clip into
 * it and selects the clip's card, which it returns.
 */
export async function importInto(
  page: Page,
  url: string,
  clipPath: string,
  title: string,
  project = 'Foley pass',
): Promise<Locator> {
  const grid = await importClips(page, url, [clipPath], project);
  const card = grid.getByRole('listitem').filter({ hasText: title });
  await expect(card).toBeVisible({ timeout: 30_000 });
  await card.click();
  return card;
}

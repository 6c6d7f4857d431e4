import { spawn } from 'node:child_process';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { appRoot, rendererDir } from '../appPaths';

async function newestMtime(dir: string): Promise<number> {
  let newest = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const info = await stat(join(entry.parentPath, entry.name));
    newest = Math.max(newest, info.mtimeMs);
  }
  return newest;
}

/** True when out/ is missing or older than a source file it is built from. */
export async function buildIsStale(): Promise<boolean> {
  let built: number;
  try {
    built = (await stat(join(rendererDir, 'index.html'))).mtimeMs;
  } catch {
    return true;
  }
  const sources = await Promise.all(
    ['src/renderer', 'src/shared', 'src/preload', 'src/main'].map((d) => newestMtime(join(appRoot, d))),
  );
  return Math.max(...sources) > built;
}

/** Builds main, preload and renderer with electron-vite, printing its output to stderr. */
export function buildApp(): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const cli = join(appRoot, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
    const child = spawn(process.execPath, [cli, 'build'], { cwd: appRoot, stdio: ['ignore', 2, 2] });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolvePromise()
        : reject(new Error(`Building the studio failed (electron-vite exited with ${String(code)}).`)),
    );
  });
}

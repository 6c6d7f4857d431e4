/**
 * Whether this machine can run the desktop app, answered without loading Electron:
 * `shotline start` opens the desktop window when it can and the browser studio otherwise.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Electron's executable inside an installed `electron` package folder, or null if it was never downloaded. */
export function electronBinaryIn(packageDir: string, env: NodeJS.ProcessEnv = process.env): string | null {
  let relative: string;
  try {
    relative = readFileSync(join(packageDir, 'path.txt'), 'utf8').trim();
  } catch {
    return null;
  }
  if (!relative) return null;
  const binary = join(env.ELECTRON_OVERRIDE_DIST_PATH ?? join(packageDir, 'dist'), relative);
  return existsSync(binary) ? binary : null;
}

/** The path of Electron's executable when the package and its runtime are installed, else null. */
export function electronBinary(): string | null {
  let packageDir: string;
  try {
    packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
  return electronBinaryIn(packageDir);
}

/** Where scripts/electron-native.mjs puts better-sqlite3 built for Electron, relative to the app root. */
export const ELECTRON_NATIVE_BINDING = join('native', 'electron', 'better_sqlite3.node');

/** better-sqlite3's addon built for Electron under `appRoot`, or null when none was built. */
export function electronNativeBinding(appRoot: string): string | null {
  const file = join(appRoot, ELECTRON_NATIVE_BINDING);
  return existsSync(file) ? file : null;
}

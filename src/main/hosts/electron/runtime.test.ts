// Whether the desktop app can run, answered without loading Electron.
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { tempDir } from '../../../../test/support/fixtures';
import { electronBinary, electronBinaryIn, electronNativeBinding } from './runtime';

/** An `electron` package folder as its installer leaves it: path.txt naming the executable under dist/. */
async function plantElectronPackage(options: { pathTxt?: string; executable?: string } = {}): Promise<string> {
  const dir = await tempDir('shotline-electron-');
  await writeFile(join(dir, 'package.json'), '{"name":"electron","version":"0.0.0-planted"}');
  if (options.pathTxt !== undefined) await writeFile(join(dir, 'path.txt'), options.pathTxt);
  if (options.executable !== undefined) {
    await mkdir(join(dir, 'dist', ...options.executable.split('/').slice(0, -1)), { recursive: true });
    await writeFile(join(dir, 'dist', options.executable), '#!/bin/sh\n', { mode: 0o755 });
  }
  return dir;
}

describe('electronBinaryIn', () => {
  test('finds the executable that path.txt names under dist/', async () => {
    const dir = await plantElectronPackage({ pathTxt: 'electron\n', executable: 'electron' });
    expect(electronBinaryIn(dir, {})).toBe(join(dir, 'dist', 'electron'));
  });

  test('follows a nested path, as macOS’s app bundle has', async () => {
    const nested = 'Electron.app/Contents/MacOS/Electron';
    const dir = await plantElectronPackage({ pathTxt: nested, executable: nested });
    expect(electronBinaryIn(dir, {})).toBe(join(dir, 'dist', nested));
  });

  test('is null when the runtime was never downloaded: no path.txt, an empty one, or no file behind it', async () => {
    expect(electronBinaryIn(await plantElectronPackage(), {})).toBeNull();
    expect(electronBinaryIn(await plantElectronPackage({ pathTxt: '  \n', executable: 'electron' }), {})).toBeNull();
    expect(electronBinaryIn(await plantElectronPackage({ pathTxt: 'electron' }), {})).toBeNull();
  });

  test('looks in ELECTRON_OVERRIDE_DIST_PATH instead of dist/ when it is set', async () => {
    const dir = await plantElectronPackage({ pathTxt: 'electron', executable: 'electron' });
    const elsewhere = join(dir, 'elsewhere');
    expect(electronBinaryIn(dir, { ELECTRON_OVERRIDE_DIST_PATH: elsewhere })).toBeNull();
    await mkdir(elsewhere);
    await writeFile(join(elsewhere, 'electron'), '');
    expect(electronBinaryIn(dir, { ELECTRON_OVERRIDE_DIST_PATH: elsewhere })).toBe(join(elsewhere, 'electron'));
  });
});

describe('electronBinary', () => {
  const installed = electronBinary();

  test.skipIf(installed === null)('answers an existing executable where Electron’s runtime is installed', () => {
    expect(installed).not.toBeNull();
    expect(existsSync(installed ?? '')).toBe(true);
  });
});

describe('electronNativeBinding', () => {
  test('finds an Electron build of better-sqlite3 under native/electron only when present', async () => {
    const dir = await tempDir('shotline-native-');
    expect(electronNativeBinding(dir)).toBeNull();
    await mkdir(join(dir, 'native', 'electron'), { recursive: true });
    await writeFile(join(dir, 'native', 'electron', 'better_sqlite3.node'), '');
    expect(electronNativeBinding(dir)).toBe(join(dir, 'native', 'electron', 'better_sqlite3.node'));
  });
});

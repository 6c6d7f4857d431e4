// The desktop installers' electron-builder config ("build" in package.json), read as the packager reads it.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { repoRoot } from '../../../../test/support/fixtures';

interface PackageJson {
  main: string;
  scripts: Record<string, string>;
  build: {
    appId: string;
    productName: string;
    files: string[];
    asar: boolean;
    electronFuses: Record<string, boolean>;
    linux: { target: string[] };
    mac: { target: string[] };
    win: { target: string[] };
  };
}

async function packageJson(): Promise<PackageJson> {
  return JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8')) as PackageJson;
}

describe('desktop packaging', () => {
  test('flips each fuse the security checklist asks for', async () => {
    const { electronFuses } = (await packageJson()).build;
    expect(electronFuses.runAsNode).toBe(false);
    expect(electronFuses.enableNodeOptionsEnvironmentVariable).toBe(false);
    expect(electronFuses.enableNodeCliInspectArguments).toBe(false);
    expect(electronFuses.enableCookieEncryption).toBe(true);
    expect(electronFuses.enableEmbeddedAsarIntegrityValidation).toBe(true);
    expect(electronFuses.onlyLoadAppFromAsar).toBe(true);
    // The renderer comes from app://, so file: pages need no extra powers.
    expect(electronFuses.grantFileProtocolExtraPrivileges).toBe(false);
  });

  test('packs into an asar (which the integrity and asar-only fuses need) and builds each installer', async () => {
    const { build, main, scripts } = await packageJson();
    expect(build.asar).toBe(true);
    expect(build.linux.target).toEqual(['AppImage', 'deb']);
    expect(build.mac.target).toEqual(['dmg']);
    expect(build.win.target).toEqual(['nsis']);
    expect(build.productName).toBe('Shotline');
    // The main entry and what it loads at run time are in the package.
    expect(main).toBe('out/main/index.js');
    for (const needed of ['out/**', 'resources/templates/**', 'resources/licences/**', 'THIRD_PARTY_NOTICES']) {
      expect(build.files).toContain(needed);
    }
    expect(scripts.dist).toMatch(/^electron-vite build && npx --yes electron-builder@26 /);
  });
});

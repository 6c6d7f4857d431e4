// The desktop shell's pure pieces; nothing here loads Electron.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { callChannel, isBridgedCall } from '../../../shared/bridge';
import { callNames } from '../../../shared/contract';
import { electronBinary, electronBinaryIn, electronNativeBinding } from './runtime';
import {
  CONTENT_SECURITY_POLICY,
  dataDirFlag,
  isAppUrl,
  isPermissionAllowed,
  isTrustedSender,
  mediaIdFromUrl,
} from './trust';

const dev = 'http://localhost:5173/';
const packaged = pathToFileURL(join(tmpdir(), 'app', 'out', 'renderer', 'index.html')).href;
const id = 'ab'.repeat(32);

describe('isAppUrl', () => {
  it('accepts any page of the dev server origin and nothing else', () => {
    expect(isAppUrl('http://localhost:5173/#/clips/3', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5173/src/main.tsx?t=1', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isAppUrl('http://127.0.0.1:5173/', dev)).toBe(false);
    expect(isAppUrl('https://localhost:5173/', dev)).toBe(false);
    expect(isAppUrl('https://example.com/', dev)).toBe(false);
  });

  it('accepts only the packaged index.html among file: URLs', () => {
    expect(isAppUrl(packaged, packaged)).toBe(true);
    expect(isAppUrl(`${packaged}#/projects/1`, packaged)).toBe(true);
    expect(isAppUrl(`${packaged}?x=1`, packaged)).toBe(true);
    expect(isAppUrl(pathToFileURL(join(tmpdir(), 'evil.html')).href, packaged)).toBe(false);
    expect(isAppUrl(packaged.replace('index.html', 'other.html'), packaged)).toBe(false);
    expect(isAppUrl('https://example.com/', packaged)).toBe(false);
  });

  it('rejects malformed and script URLs', () => {
    expect(isAppUrl('not a url', dev)).toBe(false);
    expect(isAppUrl('javascript:alert(1)', dev)).toBe(false);
    expect(isAppUrl('data:text/html,hi', packaged)).toBe(false);
    expect(isAppUrl(dev, 'not a url')).toBe(false);
    expect(isAppUrl('about:blank', 'about:blank')).toBe(false);
  });
});

describe('isTrustedSender', () => {
  it('needs a frame URL of the app itself', () => {
    expect(isTrustedSender(packaged, packaged)).toBe(true);
    expect(isTrustedSender(undefined, packaged)).toBe(false);
    expect(isTrustedSender('', packaged)).toBe(false);
    expect(isTrustedSender('https://ads.example/', dev)).toBe(false);
  });
});

describe('mediaIdFromUrl', () => {
  it('reads the id of shotline-media://media/<sha-256>', () => {
    expect(mediaIdFromUrl(`shotline-media://media/${id}`)).toBe(id);
    expect(mediaIdFromUrl(`shotline-media://media/${id}?t=3`)).toBe(id);
  });

  it('refuses anything that is not a stored object id', () => {
    expect(mediaIdFromUrl(`shotline-media://media/${id.toUpperCase()}`)).toBeNull();
    expect(mediaIdFromUrl(`shotline-media://media/${id}/x`)).toBeNull();
    expect(mediaIdFromUrl(`shotline-media://media/../../etc/passwd`)).toBeNull();
    expect(mediaIdFromUrl(`shotline-media://other/${id}`)).toBeNull();
    expect(mediaIdFromUrl(`https://media/${id}`)).toBeNull();
    expect(mediaIdFromUrl('shotline-media://media/')).toBeNull();
    expect(mediaIdFromUrl('garbage')).toBeNull();
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  it('is the policy of the renderer page’s meta tag', async () => {
    const html = await readFile(join(import.meta.dirname, '../../../renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html);
    expect(meta?.[1]).toBe(CONTENT_SECURITY_POLICY);
  });
});

describe('isPermissionAllowed', () => {
  it('allows fullscreen, clipboard writes and notifications to the app only', () => {
    expect(isPermissionAllowed('fullscreen', packaged, packaged)).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', dev, dev)).toBe(true);
    expect(isPermissionAllowed('notifications', packaged, packaged)).toBe(true);
    expect(isPermissionAllowed('fullscreen', 'https://example.com/', packaged)).toBe(false);
    expect(isPermissionAllowed('notifications', 'https://example.com/', packaged)).toBe(false);
    for (const permission of ['media', 'geolocation', 'clipboard-read', 'openExternal', 'unknown']) {
      expect(isPermissionAllowed(permission, packaged, packaged)).toBe(false);
    }
  });
});

describe('dataDirFlag', () => {
  it('reads --data-dir=<dir> and --data-dir <dir>', () => {
    expect(dataDirFlag(['electron', '.', '--data-dir=/tmp/lib'])).toBe('/tmp/lib');
    expect(dataDirFlag(['electron', '.', '--data-dir', '/tmp/lib'])).toBe('/tmp/lib');
    expect(dataDirFlag(['electron', '.', '--data-dir='])).toBeUndefined();
    expect(dataDirFlag(['electron', '.'])).toBeUndefined();
  });
});

describe('bridge call names', () => {
  it('mirror the contract exactly', () => {
    for (const name of callNames) expect(isBridgedCall(name)).toBe(true);
    for (const name of ['toString', '__proto__', 'hasOwnProperty', 'clips', '', 42, null]) {
      expect(isBridgedCall(name)).toBe(false);
    }
    expect(callChannel('clips.list')).toBe('studio:clips.list');
  });
});

describe('electronRuntime', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('finds the executable named by path.txt under dist/', async () => {
    dir = await mkdtemp(join(tmpdir(), 'shotline-electron-'));
    expect(electronBinaryIn(dir, {})).toBeNull();
    await writeFile(join(dir, 'path.txt'), 'electron');
    expect(electronBinaryIn(dir, {})).toBeNull();
    await mkdir(join(dir, 'dist'));
    await writeFile(join(dir, 'dist', 'electron'), '');
    expect(electronBinaryIn(dir, {})).toBe(join(dir, 'dist', 'electron'));
    expect(electronBinaryIn(dir, { ELECTRON_OVERRIDE_DIST_PATH: join(dir, 'elsewhere') })).toBeNull();
  });

  it('answers null or an existing file for the installed package', () => {
    const binary = electronBinary();
    if (binary !== null) expect(existsSync(binary)).toBe(true);
  });

  it('finds an Electron build of better-sqlite3 under native/electron only when present', async () => {
    dir = await mkdtemp(join(tmpdir(), 'shotline-native-'));
    expect(electronNativeBinding(dir)).toBeNull();
    await mkdir(join(dir, 'native', 'electron'), { recursive: true });
    await writeFile(join(dir, 'native', 'electron', 'better_sqlite3.node'), '');
    expect(electronNativeBinding(dir)).toBe(join(dir, 'native', 'electron', 'better_sqlite3.node'));
  });
});

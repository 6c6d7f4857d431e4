// The desktop shell's trust decisions; nothing here loads Electron.
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import {
  APP_ENTRY,
  CONTENT_SECURITY_POLICY,
  CONTENT_SECURITY_POLICY_HEADER,
  dataDirFlag,
  isAppUrl,
  isPermissionAllowed,
  isTrustedSender,
  mediaIdFromUrl,
  rendererEntry,
  resolveAppAsset,
} from './trust';

const dev = 'http://localhost:5173/';
const packaged = pathToFileURL(join(tmpdir(), 'app', 'out', 'renderer', 'index.html')).href;
const id = 'ab'.repeat(32);

describe('isAppUrl', () => {
  test('accepts any page of the dev server origin and nothing else', () => {
    expect(isAppUrl('http://localhost:5173/#/clips/3', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5173/src/main.tsx?t=1', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isAppUrl('http://127.0.0.1:5173/', dev)).toBe(false);
    expect(isAppUrl('https://localhost:5173/', dev)).toBe(false);
    expect(isAppUrl('https://example.com/', dev)).toBe(false);
  });

  test('accepts only the packaged index.html among file: URLs', () => {
    expect(isAppUrl(packaged, packaged)).toBe(true);
    expect(isAppUrl(`${packaged}#/projects/1`, packaged)).toBe(true);
    expect(isAppUrl(`${packaged}?x=1`, packaged)).toBe(true);
    expect(isAppUrl(pathToFileURL(join(tmpdir(), 'evil.html')).href, packaged)).toBe(false);
    expect(isAppUrl(packaged.replace('index.html', 'other.html'), packaged)).toBe(false);
    expect(isAppUrl('https://example.com/', packaged)).toBe(false);
  });

  test('rejects malformed and script URLs', () => {
    expect(isAppUrl('not a url', dev)).toBe(false);
    expect(isAppUrl('javascript:alert(1)', dev)).toBe(false);
    expect(isAppUrl('data:text/html,hi', packaged)).toBe(false);
    expect(isAppUrl(dev, 'not a url')).toBe(false);
    expect(isAppUrl('about:blank', 'about:blank')).toBe(false);
  });
});

describe('the app:// renderer', () => {
  const rendererDir = join(tmpdir(), 'app', 'out', 'renderer');

  test('is the entry of a packaged app, whatever ELECTRON_RENDERER_URL says', () => {
    expect(APP_ENTRY).toBe('app://shotline/index.html');
    expect(rendererEntry(true, { ELECTRON_RENDERER_URL: dev })).toBe(APP_ENTRY);
    expect(rendererEntry(true, {})).toBe(APP_ENTRY);
  });

  test('gives way to the dev server only in development, and only on loopback http(s)', () => {
    expect(rendererEntry(false, { ELECTRON_RENDERER_URL: dev })).toBe(dev);
    expect(rendererEntry(false, { ELECTRON_RENDERER_URL: 'http://127.0.0.1:5173/' })).toBe('http://127.0.0.1:5173/');
    expect(rendererEntry(false, {})).toBe(APP_ENTRY);
    expect(rendererEntry(false, { ELECTRON_RENDERER_URL: '' })).toBe(APP_ENTRY);
    expect(rendererEntry(false, { ELECTRON_RENDERER_URL: 'https://evil.example/' })).toBe(APP_ENTRY);
    expect(rendererEntry(false, { ELECTRON_RENDERER_URL: 'file:///tmp/x.html' })).toBe(APP_ENTRY);
    expect(rendererEntry(false, { ELECTRON_RENDERER_URL: 'not a url' })).toBe(APP_ENTRY);
  });

  test('serves files inside the renderer folder, "/" as index.html', () => {
    expect(resolveAppAsset(rendererDir, 'app://shotline/')).toBe(join(rendererDir, 'index.html'));
    expect(resolveAppAsset(rendererDir, 'app://shotline/index.html')).toBe(join(rendererDir, 'index.html'));
    expect(resolveAppAsset(rendererDir, 'app://shotline/assets/index-abc.js?v=1#x')).toBe(
      join(rendererDir, 'assets', 'index-abc.js'),
    );
    expect(resolveAppAsset(rendererDir, 'app://shotline/assets/a%20b.css')).toBe(
      join(rendererDir, 'assets', 'a b.css'),
    );
  });

  test('refuses every way out of the folder, other hosts and schemes, and malformed URLs', () => {
    for (const url of [
      'app://shotline/../../etc/passwd',
      'app://shotline/%2e%2e/%2e%2e/etc/passwd',
      'app://shotline/assets/..%2f..%2f..%2fetc%2fpasswd',
      'app://shotline/..%5c..%5csecret',
      'app://shotline/%2fetc%2fpasswd',
      'app://shotline/a%00.html',
      'app://shotline/%E0%A4%A',
      'app://other/index.html',
      'file:///etc/passwd',
      `shotline-media://media/${id}`,
      'garbage',
    ]) {
      const file = resolveAppAsset(rendererDir, url);
      if (file !== null) expect(file.startsWith(join(rendererDir, '/')), url).toBe(true);
      else expect(file, url).toBeNull();
    }
    expect(resolveAppAsset(rendererDir, 'app://shotline/assets/..%2f..%2f..%2fetc%2fpasswd')).toBeNull();
    // Dot segments, encoded or not, are resolved by the URL parser: they stay at the folder's root.
    expect(resolveAppAsset(rendererDir, 'app://shotline/%2e%2e/%2e%2e/etc/passwd')).toBe(
      join(rendererDir, 'etc', 'passwd'),
    );
    expect(resolveAppAsset(rendererDir, 'app://shotline/..%5c..%5csecret')).toBeNull();
    expect(resolveAppAsset(rendererDir, 'app://shotline/a%00.html')).toBeNull();
    expect(resolveAppAsset(rendererDir, 'app://shotline/%E0%A4%A')).toBeNull();
    expect(resolveAppAsset(rendererDir, 'app://other/index.html')).toBeNull();
    expect(resolveAppAsset(rendererDir, 'file:///etc/passwd')).toBeNull();
  });

  test('treats every page of app://shotline as the app and nothing else', () => {
    expect(isAppUrl('app://shotline/index.html#/clips/3', APP_ENTRY)).toBe(true);
    expect(isAppUrl('app://shotline/', APP_ENTRY)).toBe(true);
    expect(isAppUrl('app://evil/index.html', APP_ENTRY)).toBe(false);
    expect(isAppUrl('file:///index.html', APP_ENTRY)).toBe(false);
    expect(isAppUrl('https://shotline/index.html', APP_ENTRY)).toBe(false);
    expect(isTrustedSender('app://shotline/index.html', APP_ENTRY)).toBe(true);
    expect(isPermissionAllowed('fullscreen', 'app://shotline/index.html', APP_ENTRY)).toBe(true);
    expect(isPermissionAllowed('media', 'app://shotline/index.html', APP_ENTRY)).toBe(false);
  });

  test('answers with the page’s policy plus a ban on framing', () => {
    expect(CONTENT_SECURITY_POLICY_HEADER).toBe(`${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`);
  });
});

describe('isTrustedSender', () => {
  test('needs a frame URL of the app itself', () => {
    expect(isTrustedSender(packaged, packaged)).toBe(true);
    expect(isTrustedSender(undefined, packaged)).toBe(false);
    expect(isTrustedSender('', packaged)).toBe(false);
    expect(isTrustedSender('https://ads.example/', dev)).toBe(false);
  });
});

describe('mediaIdFromUrl', () => {
  test('reads the id of shotline-media://media/<sha-256>', () => {
    expect(mediaIdFromUrl(`shotline-media://media/${id}`)).toBe(id);
    expect(mediaIdFromUrl(`shotline-media://media/${id}?t=3`)).toBe(id);
  });

  test('refuses anything that is not a stored object id', () => {
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
  test('is the policy of the renderer page’s meta tag', async () => {
    const html = await readFile(join(import.meta.dirname, '../../../renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html);
    expect(meta?.[1]).toBe(CONTENT_SECURITY_POLICY);
  });
});

describe('isPermissionAllowed', () => {
  test('allows fullscreen, clipboard writes and notifications to the app only', () => {
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
  test('reads --data-dir=<dir> and --data-dir <dir>', () => {
    expect(dataDirFlag(['electron', '.', '--data-dir=/tmp/lib'])).toBe('/tmp/lib');
    expect(dataDirFlag(['electron', '.', '--data-dir', '/tmp/lib'])).toBe('/tmp/lib');
    expect(dataDirFlag(['electron', '.', '--data-dir='])).toBeUndefined();
    expect(dataDirFlag(['electron', '.'])).toBeUndefined();
  });
});
describe('the window factory and shell (main.ts, read as source: Electron itself is not installed here)', () => {
  const source = (file: string): Promise<string> => readFile(join(import.meta.dirname, file), 'utf8');

  test('keeps every hardening preference on and none of the risky ones', async () => {
    const main = await source('main.ts');
    const prefs = /webPreferences: \{([^}]*)\}/.exec(main)?.[1] ?? '';
    for (const line of [
      'contextIsolation: true',
      'sandbox: true',
      'nodeIntegration: false',
      'webSecurity: true',
      'webviewTag: false',
    ]) {
      expect(prefs).toContain(line);
    }
    for (const risky of [
      'allowRunningInsecureContent',
      'experimentalFeatures',
      'enableBlinkFeatures',
      'nodeIntegrationInSubFrames',
    ]) {
      expect(main).not.toContain(risky);
    }
    expect(main).toContain("contents.setWindowOpenHandler(() => ({ action: 'deny' }))");
    expect(main).toContain("contents.on('will-attach-webview', (event) => event.preventDefault())");
    expect(main).toContain('if (!isAppUrl(event.url, entry)) event.preventDefault();');
    expect(main).toContain('void win.loadURL(entry);');
    expect(main).not.toMatch(/loadFile\(/);
  });

  test('never hands a URL to the system shell', async () => {
    for (const file of ['main.ts', 'ipc.ts', '../../../preload/index.ts']) {
      expect(await source(file)).not.toMatch(/openExternal|shell\./);
    }
  });
});

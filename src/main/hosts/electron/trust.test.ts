// The desktop shell's trust decisions; nothing here loads Electron.
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
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

import { chmod, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { tempDir } from '../../../../test/support/fixtures';
import { loadAccessToken, TOKEN_FILE } from './token';

describe.skipIf(process.platform === 'win32')('the browser studio’s access token', () => {
  test('is made once, kept private to its owner, and the same on every start', async () => {
    const dataDir = await tempDir();
    const first = await loadAccessToken(dataDir);
    expect(first.renewed).toBe('first');
    expect(first.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await stat(join(dataDir, TOKEN_FILE))).mode & 0o777).toBe(0o600);
    const again = await loadAccessToken(dataDir);
    expect(again).toEqual({ token: first.token, renewed: null });
  });

  test('is replaced when asked, so every earlier link stops working', async () => {
    const dataDir = await tempDir();
    const first = await loadAccessToken(dataDir);
    const renewed = await loadAccessToken(dataDir, { renew: true });
    expect(renewed.renewed).toBe('asked');
    expect(renewed.token).not.toBe(first.token);
    expect((await readFile(join(dataDir, TOKEN_FILE), 'utf8')).trim()).toBe(renewed.token);
    expect((await loadAccessToken(dataDir)).token).toBe(renewed.token);
  });

  test('is replaced when others could read the file, or the file is not a token', async () => {
    const dataDir = await tempDir();
    const first = await loadAccessToken(dataDir);
    await chmod(join(dataDir, TOKEN_FILE), 0o644);
    const exposed = await loadAccessToken(dataDir);
    expect(exposed.renewed).toBe('exposed');
    expect(exposed.token).not.toBe(first.token);
    expect((await stat(join(dataDir, TOKEN_FILE))).mode & 0o777).toBe(0o600);

    await writeFile(join(dataDir, TOKEN_FILE), 'short\n', { mode: 0o600 });
    expect((await loadAccessToken(dataDir)).renewed).toBe('unreadable');

    const other = await tempDir();
    await writeFile(join(other, 'planted'), `${'x'.repeat(43)}\n`, { mode: 0o600 });
    await symlink(join(other, 'planted'), join(other, TOKEN_FILE));
    const linked = await loadAccessToken(other);
    expect(linked.renewed).toBe('unreadable');
    expect(linked.token).not.toBe('x'.repeat(43));
  });
});

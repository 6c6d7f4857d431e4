import { chmod, mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { tempDir } from '../../../test/support/fixtures';
import { createStudio } from '../core/studio';
import { prepareDataDir } from './private';
import { MediaStore } from './store';

const modeOf = async (path: string): Promise<number> => (await stat(path)).mode & 0o777;

describe.skipIf(process.platform === 'win32')('a private data folder', () => {
  test('a new library is made 0700 with its database files 0600, whatever the umask', async () => {
    const dataDir = join(await tempDir(), 'Shotline');
    const before = process.umask(0o022);
    try {
      const studio = await createStudio({ dataDir, env: {}, render: null });
      await studio.call('projects.create', { name: 'P' });
      expect(await modeOf(dataDir)).toBe(0o700);
      const files = (await readdir(dataDir)).filter(
        (name) => name.startsWith('library.db') || name.startsWith('studio'),
      );
      expect(files).toEqual(expect.arrayContaining(['library.db', 'library.db-wal', 'library.db-shm', 'studio.lock']));
      for (const name of files) expect([name, await modeOf(join(dataDir, name))]).toEqual([name, 0o600]);
      await studio.close();
    } finally {
      process.umask(before);
    }
  });

  test('a folder and database left readable by others are tightened, a tighter choice is kept', async () => {
    const dataDir = await tempDir();
    await chmod(dataDir, 0o755);
    await writeFile(join(dataDir, 'library.db'), '', { mode: 0o644 });
    await chmod(join(dataDir, 'library.db'), 0o644);
    await writeFile(join(dataDir, 'library.db-wal'), '');
    await chmod(join(dataDir, 'library.db-wal'), 0o400);
    await prepareDataDir(dataDir);
    expect(await modeOf(dataDir)).toBe(0o700);
    expect(await modeOf(join(dataDir, 'library.db'))).toBe(0o600);
    expect(await modeOf(join(dataDir, 'library.db-wal'))).toBe(0o400);
  });

  test('stored media is readable by its owner only', async () => {
    const dataDir = await tempDir();
    await mkdir(join(dataDir, 'media'), { mode: 0o755 });
    const store = await MediaStore.open(dataDir);
    const stored = await store.putBuffer(Buffer.from('picture'));
    const source = join(dataDir, 'sound.wav');
    await writeFile(source, 'sound', { mode: 0o644 });
    const streamed = await store.putFile(source);
    for (const id of [stored.id, streamed.id]) {
      const path = store.pathOf(id) ?? '';
      expect(await modeOf(path)).toBe(0o600);
      expect(await modeOf(join(path, '..'))).toBe(0o700);
    }
  });
});

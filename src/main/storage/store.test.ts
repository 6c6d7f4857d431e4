import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, onTestFinished, test } from 'vitest';
import { repoRoot, sha256, storedObjects, tempDir, waitFor } from '../../../test/support/fixtures';
import { patternChunk, stallingSource } from '../../../test/support/stalling-source';
import { MediaStore } from './store';

async function openStore(): Promise<{ dataDir: string; store: MediaStore }> {
  const dataDir = await tempDir();
  return { dataDir, store: await MediaStore.open(dataDir) };
}

function expectStoredAt(store: MediaStore, id: string, content: Uint8Array): void {
  const path = join(store.root, id.slice(0, 2), id);
  expect(store.pathOf(id)).toBe(path);
  expect(readFileSync(path)).toEqual(Buffer.from(content));
  expect(sha256(readFileSync(path))).toBe(id);
}

describe('MediaStore puts', () => {
  test('putBuffer stores the bytes at media/ab/<sha256>', async () => {
    const { dataDir, store } = await openStore();
    const data = Buffer.from('picture and sound');
    const stored = await store.putBuffer(data);
    expect(stored).toEqual({ id: sha256(data), bytes: data.length, created: true });
    expect(store.root).toBe(join(dataDir, 'media'));
    expectStoredAt(store, stored.id, data);
    expect(await store.has(stored.id)).toBe(true);
    expect(await store.tempEntries()).toEqual([]);
  });

  test('putFile stores a copy of the file and reports progress up to its size', async () => {
    const { dataDir, store } = await openStore();
    const data = Buffer.concat([patternChunk(1, 200_000), patternChunk(2, 123_457)]);
    const source = join(dataDir, 'source.bin');
    await writeFile(source, data);
    const progress: number[] = [];
    const stored = await store.putFile(source, { onProgress: (bytes) => progress.push(bytes) });
    expect(stored).toEqual({ id: sha256(data), bytes: data.length, created: true });
    expectStoredAt(store, stored.id, data);
    expect(progress.at(-1)).toBe(data.length);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(readFileSync(source)).toEqual(data); // the source is copied, not moved
    expect(await store.tempEntries()).toEqual([]);
  });

  test('putStream stores what the stream carried', async () => {
    const { store } = await openStore();
    const chunks = [patternChunk(7, 70_000), patternChunk(8, 1), patternChunk(9, 65_536)];
    const stored = await store.putStream(Readable.from(chunks));
    const data = Buffer.concat(chunks);
    expect(stored).toEqual({ id: sha256(data), bytes: data.length, created: true });
    expectStoredAt(store, stored.id, data);
  });

  test('an empty object is stored like any other', async () => {
    const { store } = await openStore();
    const stored = await store.putBuffer(new Uint8Array());
    expect(stored).toEqual({ id: sha256(new Uint8Array()), bytes: 0, created: true });
    expectStoredAt(store, stored.id, new Uint8Array());
  });

  test('identical content is stored once, whichever way it arrives', async () => {
    const { dataDir, store } = await openStore();
    const data = patternChunk(3, 100_000);
    const source = join(dataDir, 'same.bin');
    await writeFile(source, data);
    const first = await store.putBuffer(data);
    const second = await store.putFile(source);
    const third = await store.putStream(Readable.from([data.subarray(0, 10), data.subarray(10)]));
    expect(first.created).toBe(true);
    expect(second).toEqual({ id: first.id, bytes: data.length, created: false });
    expect(third).toEqual({ id: first.id, bytes: data.length, created: false });
    expect(await storedObjects(store.root)).toEqual([first.id]);
    expect(await store.tempEntries()).toEqual([]);
  });

  test('concurrent puts of the same content agree on one object', async () => {
    const { store } = await openStore();
    const data = patternChunk(4, 300_000);
    const results = await Promise.all([
      store.putBuffer(data),
      store.putStream(Readable.from([data])),
      store.putBuffer(data),
    ]);
    expect(new Set(results.map((r) => r.id))).toEqual(new Set([sha256(data)]));
    expect(await storedObjects(store.root)).toEqual([sha256(data)]);
    expectStoredAt(store, sha256(data), data);
    expect(await store.tempEntries()).toEqual([]);
  });

  test('a put from a missing file fails and leaves nothing behind', async () => {
    const { dataDir, store } = await openStore();
    await expect(store.putFile(join(dataDir, 'nope.bin'))).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await storedObjects(store.root)).toEqual([]);
    expect(await store.tempEntries()).toEqual([]);
  });

  test('remove deletes an object and ignores ids that are not hashes', async () => {
    const { store } = await openStore();
    const stored = await store.putBuffer(Buffer.from('gone soon'));
    await store.remove(stored.id);
    expect(await store.has(stored.id)).toBe(false);
    await store.remove('../../library.db');
    expect(await storedObjects(store.root)).toEqual([]);
  });
});

describe('MediaStore aborted and killed writes', () => {
  const chunkSize = 64 * 1024;

  test('an aborted putStream leaves no object and no temp file', async () => {
    const { store } = await openStore();
    const chunks = 8;
    const controller = new AbortController();
    let stalled = false;
    const put = store.putStream(
      stallingSource(chunks, chunkSize, () => {
        stalled = true;
      }),
      { signal: controller.signal },
    );
    // Wait until the writer is mid-object: every byte handed over and on disk in the temp file.
    await waitFor(async () => {
      if (!stalled) return false;
      const [entry] = await store.tempEntries();
      return entry !== undefined && statSync(join(store.root, '.tmp', entry)).size === chunks * chunkSize;
    });
    controller.abort();

    await expect(put).rejects.toMatchObject({ name: 'AbortError' });
    expect(await storedObjects(store.root)).toEqual([]);
    expect(await store.tempEntries()).toEqual([]);
    const partial = Buffer.concat(Array.from({ length: chunks }, (_, i) => patternChunk(i, chunkSize)));
    expect(await store.has(sha256(partial))).toBe(false);
  });

  test('a put whose signal is already aborted stores nothing', async () => {
    const { store } = await openStore();
    const controller = new AbortController();
    controller.abort();
    await expect(
      store.putStream(Readable.from([Buffer.from('x')]), { signal: controller.signal }),
    ).rejects.toMatchObject({
      name: 'AbortError',
    });
    await expect(store.putBuffer(Buffer.from('y'), { signal: controller.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(await storedObjects(store.root)).toEqual([]);
    expect(await store.tempEntries()).toEqual([]);
  });

  test('a process killed mid-write leaves no object, and the next open removes its temp file', async () => {
    const dataDir = await tempDir();
    const chunks = 32;
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(repoRoot, 'test/support/put-until-killed.ts'),
        dataDir,
        String(chunks),
        String(chunkSize),
      ],
      { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    onTestFinished(() => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (data: Buffer) => (stdout += data.toString()));
    child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    );
    let exitedEarly = false;
    void exited.then(() => (exitedEarly = true));

    const tmp = join(dataDir, 'media', '.tmp');
    let tempFile = '';
    await waitFor(async () => {
      if (exitedEarly) throw new Error(`helper exited before stalling: ${stdout} ${stderr}`);
      if (!stdout.includes('stalled')) return false;
      const [entry] = existsSync(tmp) ? await readdir(tmp) : [];
      if (entry === undefined) return false;
      tempFile = join(tmp, entry);
      return statSync(tempFile).size === chunks * chunkSize;
    });

    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(stdout).not.toMatch(/finished|failed/);

    // The half-written object is only in the temp folder, never under any hash.
    expect(existsSync(tempFile)).toBe(true);
    const mediaRoot = join(dataDir, 'media');
    expect(await storedObjects(mediaRoot)).toEqual([]);
    const partial = Buffer.concat(Array.from({ length: chunks }, (_, i) => patternChunk(i, chunkSize)));
    expect(sha256(readFileSync(tempFile))).toBe(sha256(partial));

    const store = await MediaStore.open(dataDir);
    expect(await store.tempEntries()).toEqual([]);
    expect(existsSync(tempFile)).toBe(false);
    expect(await store.has(sha256(partial))).toBe(false);
    expect(await storedObjects(mediaRoot)).toEqual([]);
  });

  test('open keeps stored objects and clears only the temp folder', async () => {
    const { dataDir, store } = await openStore();
    const stored = await store.putBuffer(Buffer.from('survives a restart'));
    const leftover = store.tempPath('.jpg');
    await writeFile(leftover, 'half a poster');
    const reopened = await MediaStore.open(dataDir);
    expect(await reopened.has(stored.id)).toBe(true);
    expect(await reopened.tempEntries()).toEqual([]);
  });
});

describe('MediaStore paths', () => {
  const id = 'ab'.repeat(32);

  test('pathOf places a well-formed id under its two-character shard', async () => {
    const { store } = await openStore();
    expect(store.pathOf(id)).toBe(join(store.root, 'ab', id));
  });

  test.each([
    ['a parent reference', '..'],
    ['a traversal', `../${'a'.repeat(61)}`],
    ['a traversal to the database', '../../library.db'],
    ['an absolute path', '/etc/passwd'],
    ['an absolute path of hash length', `/${'a'.repeat(63)}`],
    ['uppercase hex', 'AB'.repeat(32)],
    ['a short id', 'abc123'],
    ['one character short', 'a'.repeat(63)],
    ['one character long', 'a'.repeat(65)],
    ['non-hex letters', 'g'.repeat(64)],
    ['an empty string', ''],
    ['a trailing newline', `${'a'.repeat(64)}\n`],
  ])('pathOf rejects %s', async (_what, bad) => {
    const { store } = await openStore();
    expect(store.pathOf(bad)).toBeNull();
    expect(await store.has(bad)).toBe(false);
  });

  test('has is false for a directory sitting where an object would be', async () => {
    const { store } = await openStore();
    await mkdir(join(store.root, 'ab', id), { recursive: true });
    expect(await store.has(id)).toBe(false);
  });

  test('tempPath is inside the temp folder and removeTemp touches nothing outside it', async () => {
    const { dataDir, store } = await openStore();
    const temp = store.tempPath('.jpg');
    expect(temp.startsWith(join(store.root, '.tmp') + '/')).toBe(true);
    expect(temp.endsWith('.jpg')).toBe(true);
    expect(store.tempPath()).not.toBe(store.tempPath());
    await writeFile(temp, 'x');
    await store.removeTemp(temp);
    expect(existsSync(temp)).toBe(false);

    const outside = join(dataDir, 'precious.txt');
    await writeFile(outside, 'keep me');
    await store.removeTemp(outside);
    // A path that starts inside the temp folder but climbs out of it.
    await store.removeTemp(`${join(store.root, '.tmp')}/../../precious.txt`);
    expect(readFileSync(outside, 'utf8')).toBe('keep me');
  });
});

describe('render scratch', () => {
  test(
    'a render killed outright leaves its scratch only in the library temp folder, which the next open empties',
    { timeout: 120_000 },
    async () => {
      const dataDir = await tempDir();
      const before = new Set((await readdir(tmpdir())).filter((name) => name.startsWith('shotline-render-')));
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', join(repoRoot, 'test/support/render-until-killed.ts'), dataDir],
        {
          cwd: repoRoot,
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      onTestFinished(() => {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (data: Buffer) => (stdout += data.toString()));
      child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
      await waitFor(() => {
        if (child.exitCode !== null) throw new Error(`the render ended early: ${stdout} ${stderr}`);
        return stdout.includes('rendering');
      });
      const exited = new Promise((resolve) => child.on('exit', resolve));
      child.kill('SIGKILL');
      await exited;
      const tmp = join(dataDir, 'media', '.tmp');
      expect((await readdir(tmp)).some((name) => name.startsWith('.shotline-render-'))).toBe(true);
      const after = (await readdir(tmpdir())).filter(
        (name) => name.startsWith('shotline-render-') && !before.has(name),
      );
      expect(after).toEqual([]);
      const store = await MediaStore.open(dataDir);
      expect(await store.tempEntries()).toEqual([]);
    },
  );
});

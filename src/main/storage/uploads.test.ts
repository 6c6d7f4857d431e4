import { existsSync, readFileSync } from 'node:fs';
import { readdir, stat, statfs, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { expectStudioError, rejectionOf, tempDir, waitFor } from '../../../test/support/fixtures';
import { patternChunk, stallingSource } from '../../../test/support/stalling-source';
import { UploadRefusedError, Uploads } from './uploads';

describe('Uploads', () => {
  test('receive stages the body under a fresh id that pathOf finds', async () => {
    const dataDir = await tempDir();
    const uploads = await Uploads.open(dataDir);
    const body = Buffer.concat([patternChunk(1, 70_000), patternChunk(2, 5)]);
    const { uploadId, bytes } = await uploads.receive(Readable.from([body]));
    expect(uploadId).toMatch(/^[0-9a-f]{32}$/);
    expect(bytes).toBe(body.length);
    const path = await uploads.pathOf(uploadId);
    expect(path).toBe(join(dataDir, 'uploads', uploadId));
    expect(readFileSync(path)).toEqual(body);
    const second = await uploads.receive(Readable.from([Buffer.from('x')]));
    expect(second.uploadId).not.toBe(uploadId);
  });

  test('pathOf rejects a malformed id as invalid input and an unknown one as not found', async () => {
    const uploads = await Uploads.open(await tempDir());
    expectStudioError(await rejectionOf(uploads.pathOf('../library.db')), 'invalid_input', 'uploadId');
    expectStudioError(await rejectionOf(uploads.pathOf('0'.repeat(32))), 'not_found', /Upload it again/);
  });

  test('discard removes the staged file and ignores malformed ids', async () => {
    const dataDir = await tempDir();
    const uploads = await Uploads.open(dataDir);
    const keep = join(dataDir, 'keep.txt');
    await writeFile(keep, 'keep');
    const { uploadId } = await uploads.receive(Readable.from([Buffer.from('bytes')]));
    await uploads.discard(uploadId);
    await expect(uploads.pathOf(uploadId)).rejects.toMatchObject({ code: 'not_found' });
    await uploads.discard('../keep.txt');
    expect(existsSync(keep)).toBe(true);
  });

  test('an aborted upload leaves no staged file', async () => {
    const dataDir = await tempDir();
    const uploads = await Uploads.open(dataDir);
    const controller = new AbortController();
    let stalled = false;
    const receiving = uploads.receive(
      stallingSource(4, 64 * 1024, () => (stalled = true)),
      { signal: controller.signal },
    );
    await waitFor(() => stalled);
    controller.abort();
    await expect(receiving).rejects.toMatchObject({ name: 'AbortError' });
    expect(await readdir(join(dataDir, 'uploads'))).toEqual([]);
  });

  test.skipIf(process.platform === 'win32')(
    'the uploads folder is private to its owner whatever the umask',
    async () => {
      const dataDir = await tempDir();
      const before = process.umask(0o022);
      try {
        await Uploads.open(dataDir);
      } finally {
        process.umask(before);
      }
      expect((await stat(join(dataDir, 'uploads'))).mode & 0o777).toBe(0o700);
    },
  );

  test('opening again empties the folder, so abandoned uploads do not outlive a restart', async () => {
    const dataDir = await tempDir();
    const uploads = await Uploads.open(dataDir);
    const { uploadId } = await uploads.receive(Readable.from([Buffer.from('abandoned')]));
    const reopened = await Uploads.open(dataDir);
    await expect(reopened.pathOf(uploadId)).rejects.toMatchObject({ code: 'not_found' });
    expect(await readdir(join(dataDir, 'uploads'))).toEqual([]);
  });

  test('a body whose declared length passes the limit is refused before a byte is read', async () => {
    const dataDir = await tempDir();
    const uploads = await Uploads.open(dataDir);
    let read = false;
    const body = new Readable({
      read() {
        read = true;
        this.push(null);
      },
    });
    const error = await rejectionOf(uploads.receive(body, { maxBytes: 1000, declaredBytes: 1001 }));
    expect(error).toBeInstanceOf(UploadRefusedError);
    expect(error).toMatchObject({ reason: 'too_large', message: expect.stringContaining('--max-upload-mb') as string });
    expect(read).toBe(false);
    expect(await readdir(join(dataDir, 'uploads'))).toEqual([]);
  });

  test('a body that grows past the limit while streaming is refused and nothing is kept', async () => {
    const dataDir = await tempDir();
    const uploads = await Uploads.open(dataDir);
    const body = Readable.from([patternChunk(1, 600), patternChunk(2, 600)]);
    const error = await rejectionOf(uploads.receive(body, { maxBytes: 1000 }));
    expect(error).toMatchObject({ reason: 'too_large', message: expect.stringContaining('1000 bytes') as string });
    expect(await readdir(join(dataDir, 'uploads'))).toEqual([]);
    const fits = await uploads.receive(Readable.from([patternChunk(3, 1000)]), { maxBytes: 1000 });
    expect(fits.bytes).toBe(1000);
  });

  test('an upload that would leave the disk nearly full is refused', async () => {
    const dataDir = await tempDir();
    const uploads = await Uploads.open(dataDir);
    const disk = await statfs(dataDir);
    const free = disk.bavail * disk.bsize;
    // The real free space of this disk, with a reserve a little above what is free now.
    const error = await rejectionOf(
      uploads.receive(Readable.from([Buffer.from('x')]), { reserveBytes: free + 1024 ** 3 }),
    );
    expect(error).toMatchObject({ reason: 'disk_full', message: expect.stringContaining('Free some space') as string });
    const declared = await rejectionOf(
      uploads.receive(Readable.from([Buffer.from('x')]), { declaredBytes: free, maxBytes: free * 2, reserveBytes: 1 }),
    );
    expect(declared).toMatchObject({ reason: 'disk_full' });
    expect(await readdir(join(dataDir, 'uploads'))).toEqual([]);
  });
});

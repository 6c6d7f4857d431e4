import { createWriteStream, openSync, closeSync, writeSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { expectStudioError, makeVideo, rejectionOf, tempDir } from '../../../test/support/fixtures';
import { openDatabase } from '../db/connection';
import { Clips } from '../library/clips';
import { importAll } from '../library/import';
import { Projects } from '../library/projects';
import { isDiskFull } from './diskFull';
import { MediaStore, type TempWriter } from './store';
import { Uploads } from './uploads';

/** The error the kernel gives a write to a full disk: a real write to /dev/full. */
function enospc(): NodeJS.ErrnoException {
  const fd = openSync('/dev/full', 'w');
  try {
    writeSync(fd, Buffer.from('x'));
  } catch (error) {
    return error as NodeJS.ErrnoException;
  } finally {
    closeSync(fd);
  }
  throw new Error('a write to /dev/full succeeded');
}

/** Writes the real temp file until `room` bytes are in it, then fails as a full disk does. */
function fullAfter(room: number): TempWriter {
  return (path) => {
    const file = createWriteStream(path, { flags: 'wx' });
    let written = 0;
    const writer = new Writable({
      write(chunk: Buffer, _encoding, done) {
        if (written + chunk.length > room) return done(enospc());
        written += chunk.length;
        file.write(chunk, done);
      },
      final(done) {
        file.end(done);
      },
      destroy(error, done) {
        file.destroy();
        file.once('close', () => done(error));
      },
    });
    return writer;
  };
}

const chunks = (count: number, size: number): Readable =>
  Readable.from(Array.from({ length: count }, (_, i) => Buffer.alloc(size, i)));

describe.skipIf(process.platform !== 'linux')('a full disk', () => {
  test('the kernel’s ENOSPC is recognised', () => {
    expect(enospc().code).toBe('ENOSPC');
    expect(isDiskFull(enospc())).toBe(true);
    expect(isDiskFull(new Error('av_interleaved_write_frame(): No space left on device'))).toBe(true);
    expect(isDiskFull(new Error('connection reset'))).toBe(false);
  });

  test('a put that runs out of space says so, keeps nothing, and the store still works', async () => {
    const dir = await tempDir();
    const full = await MediaStore.open(dir, { tempWriter: fullAfter(64 * 1024) });
    const error = await rejectionOf(full.putStream(chunks(8, 32 * 1024)));
    expectStudioError(error, 'disk_full', `The disk holding your library (${dir}) is full`);
    expect(await full.tempEntries()).toEqual([]);
    expect(await readdir(join(dir, 'media'))).toEqual(['.tmp']);

    const roomy = await MediaStore.open(dir);
    const stored = await roomy.putStream(chunks(8, 32 * 1024));
    expect(stored.bytes).toBe(8 * 32 * 1024);
    expect(await roomy.has(stored.id)).toBe(true);
  });

  test('an import that fills the disk fails with that message and adds no clip', async () => {
    const dir = await tempDir();
    const video = await makeVideo(dir, 'clip.mp4', { seconds: 2 });
    const db = openDatabase(join(dir, 'library.db'));
    try {
      const clips = new Clips(db);
      const project = new Projects(db).create('Full');
      const store = await MediaStore.open(dir, { tempWriter: fullAfter(1024) });
      const uploads = await Uploads.open(dir);
      const result = await importAll(
        { clips, store, uploads },
        project.id,
        [{ kind: 'path', path: video }],
        () => undefined,
      );
      expect(result.clips).toEqual([]);
      expect(result.failures).toHaveLength(1);
      expect(result.failures[0]?.message).toMatch(
        /is full, so storing the file stopped and nothing of it was kept\. Free some space/,
      );
      expect(clips.list(project.id)).toEqual([]);
      expect(await store.tempEntries()).toEqual([]);
    } finally {
      db.close();
    }
  });
});

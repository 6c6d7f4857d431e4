import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { describe, expect, onTestFinished, test } from 'vitest';
import type { ImportSource } from '../../shared/domain';
import { openDatabase } from '../db/connection';
import { MediaStore } from '../storage/store';
import { Uploads } from '../storage/uploads';
import {
  expectStudioError,
  ffmpeg,
  ffprobeJson,
  makeAudio,
  makeImage,
  makeMp3WithCover,
  makeTextFile,
  makeVideo,
  rejectionOf,
  sha256File,
  storedObjects,
  tempDir,
} from '../../../test/support/fixtures';
import { Clips } from './clips';
import { importAll, importOne, type ImportDeps, type ImportProgress } from './import';
import { Projects } from './projects';

interface Library extends ImportDeps {
  dir: string;
  db: Database;
  projectId: number;
  reports: ImportProgress[];
  report: (progress: ImportProgress) => void;
}

async function library(): Promise<Library> {
  const dir = await tempDir();
  const dataDir = join(dir, 'data');
  await mkdir(dataDir);
  const db = openDatabase(join(dataDir, 'library.db'));
  onTestFinished(() => {
    db.close();
  });
  const reports: ImportProgress[] = [];
  return {
    dir,
    db,
    clips: new Clips(db),
    store: await MediaStore.open(dataDir),
    uploads: await Uploads.open(dataDir),
    projectId: new Projects(db).create('Imports').id,
    reports,
    report: (progress) => reports.push(progress),
  };
}

const path = (file: string): ImportSource => ({ kind: 'path', path: file });

function count(db: Database, table: 'media' | 'clips'): unknown {
  return db.prepare(`SELECT count(*) FROM ${table}`).pluck().get();
}

async function expectNothingStored(lib: Library): Promise<void> {
  expect(await storedObjects(lib.store.root)).toEqual([]);
  expect(await lib.store.tempEntries()).toEqual([]);
  expect(count(lib.db, 'media')).toBe(0);
  expect(count(lib.db, 'clips')).toBe(0);
}

describe('importOne', () => {
  test('imports an MP4 with its picture, sound and a poster', async () => {
    const lib = await library();
    const file = await makeVideo(lib.dir, 'Harbour at dawn.mp4');

    const clip = await importOne(lib, lib.projectId, path(file), 0, lib.report);

    expect(clip).toMatchObject({
      projectId: lib.projectId,
      title: 'Harbour at dawn',
      provider: 'import',
      mimeType: 'video/mp4',
      width: 320,
      height: 240,
      fps: 24,
      videoCodec: 'h264',
      audioCodec: 'aac',
      mediaId: sha256File(file),
      parentId: null,
    });
    expect(Math.abs(clip.durationMs - 2000)).toBeLessThanOrEqual(50);
    expect(lib.clips.list(lib.projectId)).toEqual([clip]);

    // The video is stored by content, with the probe's description.
    const video = lib.store.pathOf(clip.mediaId);
    expect(video && readFileSync(video)).toEqual(readFileSync(file));
    expect(
      lib.db.prepare('SELECT mime_type, bytes, duration_ms, width, height FROM media WHERE id = ?').get(clip.mediaId),
    ).toEqual({
      mime_type: 'video/mp4',
      bytes: statSync(file).size,
      duration_ms: clip.durationMs,
      width: 320,
      height: 240,
    });

    // The poster is a stored JPEG with its own media row.
    expect(clip.posterId).not.toBeNull();
    const posterId = clip.posterId ?? '';
    expect(lib.clips.mediaType(posterId)).toBe('image/jpeg');
    const poster = lib.store.pathOf(posterId);
    expect(poster && existsSync(poster)).toBe(true);
    expect(poster && readFileSync(poster).subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    // And its card-sized copy, for the library's cards.
    const cardPosterId = clip.cardPosterId ?? '';
    expect(cardPosterId).not.toBe('');
    expect(lib.clips.mediaType(cardPosterId)).toBe('image/jpeg');
    const cardPoster = (await ffprobeJson(lib.store.pathOf(cardPosterId) ?? '')) as {
      streams: { codec_name: string; width: number; height: number }[];
    };
    // The poster of this 320×240 video is 320 wide already: the card poster is a copy at that size.
    expect(cardPoster.streams[0]).toMatchObject({ codec_name: 'mjpeg', width: 320, height: 240 });
    expect(await storedObjects(lib.store.root)).toEqual([clip.mediaId, posterId, cardPosterId].sort());
    expect(await lib.store.tempEntries()).toEqual([]);

    // Progress walks the phases in order and never goes backwards.
    const phases = lib.reports.map((r) => r.phase).filter((phase, i, all) => phase !== all[i - 1]);
    expect(phases).toEqual(['probe', 'copy', 'poster', 'done']);
    const fractions = lib.reports.map((r) => r.fraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(fractions.at(-1)).toBe(1);
    expect(lib.reports.every((r) => r.index === 0 && r.name === 'Harbour at dawn.mp4')).toBe(true);
  });

  test.each([
    ['WAV', 'tone.wav', 'audio/wav', 'pcm_s16le'],
    ['MP3', 'tone.mp3', 'audio/mpeg', 'mp3'],
  ])('imports a %s as an audio clip without a poster', async (_what, name, mimeType, audioCodec) => {
    const lib = await library();
    const file = await makeAudio(lib.dir, name);
    const clip = await importOne(lib, lib.projectId, path(file), 0, lib.report);
    expect(clip).toMatchObject({
      title: 'tone',
      mimeType,
      audioCodec,
      videoCodec: null,
      width: null,
      height: null,
      fps: null,
      posterId: null,
    });
    expect(Math.abs(clip.durationMs - 2000)).toBeLessThanOrEqual(50);
    expect(await storedObjects(lib.store.root)).toEqual([sha256File(file)]);
    expect(count(lib.db, 'media')).toBe(1);
    expect(lib.reports.map((r) => r.phase)).not.toContain('poster');
  });

  test('a wide video gets a 640 px poster for the inspector and a 320 px card poster for the grid', async () => {
    const lib = await library();
    const file = await makeVideo(lib.dir, 'Wide harbour.mp4', { width: 1280, height: 720, seconds: 1, audio: false });
    const clip = await importOne(lib, lib.projectId, path(file), 0, lib.report);
    const size = async (id: string | null): Promise<unknown> =>
      ((await ffprobeJson(lib.store.pathOf(id ?? '') ?? '')) as { streams: { width: number; height: number }[] })
        .streams[0];
    expect(await size(clip.posterId)).toMatchObject({ width: 640, height: 360 });
    expect(await size(clip.cardPosterId)).toMatchObject({ width: 320, height: 180 });
    expect(lib.clips.get(clip.id).cardPosterId).toBe(clip.cardPosterId);
  });

  test('imports an MP3 with cover art as audio, not as a picture', async () => {
    const lib = await library();
    const file = await makeMp3WithCover(lib.dir, 'song.mp3');
    const clip = await importOne(lib, lib.projectId, path(file), 0, lib.report);
    expect(clip).toMatchObject({ mimeType: 'audio/mpeg', videoCodec: null, posterId: null, width: null });
  });

  test.each([
    ['a text file renamed to .mp4', (dir: string) => makeTextFile(dir, 'shopping list.mp4')],
    ['an empty file', (dir: string) => makeTextFile(dir, 'empty.mp4', '')],
    ['a PNG image', (dir: string) => makeImage(dir, 'storyboard.png')],
    ['a JPEG image', (dir: string) => makeImage(dir, 'still.jpg')],
  ])('refuses %s, naming it, and stores nothing', async (_what, make) => {
    const lib = await library();
    const file = await make(lib.dir);
    const name = file.slice(lib.dir.length + 1);
    const error = await rejectionOf(importOne(lib, lib.projectId, path(file), 0, lib.report));
    expectStudioError(error, 'unsupported_media', name);
    await expectNothingStored(lib);
  });

  test('refuses a missing path as not found and a folder as invalid input', async () => {
    const lib = await library();
    expectStudioError(
      await rejectionOf(importOne(lib, lib.projectId, path(join(lib.dir, 'gone.mp4')), 0, lib.report)),
      'not_found',
      'gone.mp4',
    );
    expectStudioError(
      await rejectionOf(importOne(lib, lib.projectId, path(lib.dir), 0, lib.report)),
      'invalid_input',
      'not a file',
    );
    await expectNothingStored(lib);
  });

  test('the same file imported again into a project returns its clip, saying so; another project gets its own', async () => {
    const lib = await library();
    const file = await makeAudio(lib.dir, 'twice.wav');
    const first = await importOne(lib, lib.projectId, path(file), 0, lib.report);
    const second = await importOne(lib, lib.projectId, path(file), 0, lib.report);
    expect(second).toEqual(first);
    expect(lib.reports.at(-1)).toEqual({ index: 0, name: 'twice.wav', phase: 'done', fraction: 1 });
    const again = await importAll(lib, lib.projectId, [path(file)], lib.report);
    expect(again).toEqual({ clips: [first], already: [{ name: 'twice.wav', clipId: first.id }], failures: [] });
    const other = new Projects(lib.db).create('Other').id;
    const elsewhere = await importOne(lib, other, path(file), 0, lib.report);
    expect(elsewhere.id).not.toBe(first.id);
    expect(await storedObjects(lib.store.root)).toEqual([first.mediaId]);
    expect(count(lib.db, 'media')).toBe(1);
    expect(count(lib.db, 'clips')).toBe(2);
  });

  test('copies of one file in one import: the first makes the clip, the others are named as already here', async () => {
    const lib = await library();
    const first = await makeAudio(lib.dir, 'Batch shot 01.wav');
    const copies = ['Batch shot 02.wav', 'Batch shot 03.wav'].map((name) => join(lib.dir, name));
    for (const copy of copies) await copyFile(first, copy);
    const other = await makeVideo(lib.dir, 'Other.mp4', { seconds: 1 });
    const result = await importAll(lib, lib.projectId, [first, ...copies, other].map(path), lib.report);
    const [made] = result.clips;
    expect(result.clips.map((clip) => clip.title)).toEqual(['Batch shot 01', 'Batch shot 01', 'Batch shot 01', 'Other']);
    expect(result.already).toEqual([
      { name: 'Batch shot 02.wav', clipId: made?.id },
      { name: 'Batch shot 03.wav', clipId: made?.id },
    ]);
    expect(count(lib.db, 'clips')).toBe(2);
  });

  test('six imports of one file at once make one clip', async () => {
    const lib = await library();
    const file = await makeVideo(lib.dir, 'six.mp4');
    const clips = await Promise.all(
      Array.from({ length: 6 }, (_, index) => importOne(lib, lib.projectId, path(file), index, lib.report)),
    );
    expect(new Set(clips.map((clip) => clip.id)).size).toBe(1);
    expect(count(lib.db, 'clips')).toBe(1);
  });

  test('a faststart MP4 cut in half is refused as cut short; a valid header over zeros is refused as undecodable', async () => {
    const lib = await library();
    const whole = join(lib.dir, 'whole.mp4');
    await ffmpeg([
      '-i',
      await makeVideo(lib.dir, 'source.mp4', { seconds: 4 }),
      '-c',
      'copy',
      '-movflags',
      '+faststart',
      whole,
    ]);
    const bytes = readFileSync(whole);
    const half = join(lib.dir, 'half.mp4');
    await writeFile(half, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const mdat = bytes.indexOf('mdat') + 4;
    const zeros = join(lib.dir, 'zeros.mp4');
    await writeFile(zeros, Buffer.concat([bytes.subarray(0, mdat), Buffer.alloc(bytes.length - mdat)]));
    expectStudioError(
      await rejectionOf(importOne(lib, lib.projectId, path(half), 0, lib.report)),
      'unsupported_media',
      'half.mp4 is cut short: it ends before the last of its frames',
    );
    expectStudioError(
      await rejectionOf(importOne(lib, lib.projectId, path(zeros), 0, lib.report)),
      'unsupported_media',
      'zeros.mp4 has a video stream with no picture Shotline can decode',
    );
    expect(count(lib.db, 'clips')).toBe(0);
    expect(await storedObjects(lib.store.root)).toEqual([]);
    // The check's cost on a whole clip, for the record.
    const started = performance.now();
    await importOne(lib, lib.projectId, path(whole), 0, lib.report);
    console.log(`import of a whole 4 s clip: ${Math.round(performance.now() - started)} ms`);
  });

  test('imports an upload under the name it was sent with, then discards the upload', async () => {
    const lib = await library();
    const file = await makeVideo(lib.dir, 'x.mp4', { seconds: 1 });
    const { uploadId } = await lib.uploads.receive(createReadStream(file));
    const clip = await importOne(
      lib,
      lib.projectId,
      { kind: 'upload', uploadId, name: 'Beach day.mp4' },
      0,
      lib.report,
    );
    expect(clip).toMatchObject({ title: 'Beach day', mediaId: sha256File(file), mimeType: 'video/mp4' });
    expectStudioError(await rejectionOf(lib.uploads.pathOf(uploadId)), 'not_found');
  });

  test('a refused upload is named by its upload name and discarded too', async () => {
    const lib = await library();
    const file = await makeTextFile(lib.dir, 'x.mp4');
    const { uploadId } = await lib.uploads.receive(createReadStream(file));
    const error = await rejectionOf(
      importOne(lib, lib.projectId, { kind: 'upload', uploadId, name: 'Not really.mp4' }, 0, lib.report),
    );
    expectStudioError(error, 'unsupported_media', 'Not really.mp4');
    expectStudioError(await rejectionOf(lib.uploads.pathOf(uploadId)), 'not_found');
    await expectNothingStored(lib);
  });

  test('a file without a usable name gets a placeholder title', async () => {
    const lib = await library();
    const file = await makeAudio(lib.dir, 'x.wav', 1);
    const { uploadId } = await lib.uploads.receive(createReadStream(file));
    const clip = await importOne(lib, lib.projectId, { kind: 'upload', uploadId, name: '   .wav' }, 0, lib.report);
    expect(clip.title).toBe('Untitled clip');
  });
});

describe('importAll', () => {
  test('imports what it can and reports a failure for each file it cannot', async () => {
    const lib = await library();
    const video = await makeVideo(lib.dir, 'good.mp4', { seconds: 1 });
    const text = await makeTextFile(lib.dir, 'bad.mp4');
    const audio = await makeAudio(lib.dir, 'good.wav', 1);
    const image = await makeImage(lib.dir, 'bad.png');

    const result = await importAll(lib, lib.projectId, [video, text, audio, image].map(path), lib.report);

    expect(result.clips.map((c) => c.title)).toEqual(['good', 'good']);
    expect(result.clips.map((c) => c.mimeType)).toEqual(['video/mp4', 'audio/wav']);
    expect(result.failures.map((f) => f.name)).toEqual(['bad.mp4', 'bad.png']);
    for (const failure of result.failures) expect(failure.message).toContain(failure.name);
    const last = new Map(lib.reports.map((r) => [r.index, r]));
    expect([0, 1, 2, 3].map((i) => last.get(i)?.phase)).toEqual(['done', 'failed', 'done', 'failed']);
    expect(last.get(1)?.message).toContain('bad.mp4');
    expect(count(lib.db, 'clips')).toBe(2);
  });

  test.each([1, 2])(
    'an import of %i file(s) canceled mid-copy is canceled, not a failure, and stores nothing',
    async (files) => {
      const lib = await library();
      const sources = [await makeVideo(lib.dir, 'first.mp4', { seconds: 1 }), await makeAudio(lib.dir, 'second.wav', 1)]
        .slice(0, files)
        .map(path);
      const controller = new AbortController();
      const report = (progress: ImportProgress): void => {
        lib.report(progress);
        // The first byte count arrives while the copy is still running.
        if (progress.phase === 'copy' && progress.fraction > 0.1) controller.abort();
      };

      const error = await rejectionOf(importAll(lib, lib.projectId, sources, report, controller.signal));

      expectStudioError(error, 'canceled');
      expect(lib.reports.map((r) => r.phase)).not.toContain('failed');
      expect(lib.reports.some((r) => r.index === 1)).toBe(false);
      await expectNothingStored(lib);
    },
  );

  test('an import canceled while making the poster records no clip', async () => {
    const lib = await library();
    const file = await makeVideo(lib.dir, 'clip.mp4', { seconds: 1 });
    const controller = new AbortController();
    const report = (progress: ImportProgress): void => {
      lib.report(progress);
      if (progress.phase === 'poster') controller.abort();
    };
    expectStudioError(
      await rejectionOf(importAll(lib, lib.projectId, [path(file)], report, controller.signal)),
      'canceled',
    );
    expect(count(lib.db, 'media')).toBe(0);
    expect(count(lib.db, 'clips')).toBe(0);
    expect(await lib.store.tempEntries()).toEqual([]);
    // The copied video stays in the store unreferenced (not removed: another import may share
    // its hash); only the poster never got made.
    expect(await storedObjects(lib.store.root)).toEqual([sha256File(file)]);
  });

  test('an import canceled before it starts imports nothing', async () => {
    const lib = await library();
    const file = await makeAudio(lib.dir, 'tone.wav', 1);
    const controller = new AbortController();
    controller.abort();
    expectStudioError(
      await rejectionOf(importAll(lib, lib.projectId, [path(file)], lib.report, controller.signal)),
      'canceled',
    );
    await expectNothingStored(lib);
  });
});

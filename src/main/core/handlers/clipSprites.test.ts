import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, onTestFinished, test } from 'vitest';
import type { EventPayload } from '../../../shared/contract';
import { SPRITE_TILE_WIDTH, SPRITE_TILES } from '../../../shared/sprite';
import { ffprobeJson, libraryDb, makeAudio, makeVideo, tempDir, waitFor } from '../../../../test/support/fixtures';
import { ffmpegProgress } from '../../jobs/derivatives';
import { createStudio, type Studio } from '../studio';

type Progress = EventPayload<'clips.spriteProgress'>;

async function open(): Promise<{ studio: Studio; dir: string; dataDir: string; progress: Progress[] }> {
  const dir = await tempDir();
  const dataDir = join(dir, 'data');
  const studio = await createStudio({ dataDir });
  onTestFinished(() => studio.close());
  const progress: Progress[] = [];
  studio.onEvent((name, payload) => {
    if (name === 'clips.spriteProgress') progress.push(payload as Progress);
  });
  return { studio, dir, dataDir, progress };
}

const storedPath = (dataDir: string, id: string): string => join(dataDir, 'media', id.slice(0, 2), id);

async function imageSize(path: string): Promise<{ width: number; height: number }> {
  const probe = (await ffprobeJson(path)) as { streams: { width: number; height: number }[] };
  const stream = probe.streams[0];
  if (!stream) throw new Error(`no picture in ${path}`);
  return { width: stream.width, height: stream.height };
}

test('an imported video gets a sprite sheet in the background, announcing its progress', async () => {
  const { studio, dir, dataDir, progress } = await open();
  const project = await studio.call('projects.create', { name: 'Scrub' });
  const video = await makeVideo(dir, 'wide.mp4', { seconds: 4, width: 320, height: 180 });
  const audio = await makeAudio(dir, 'tone.wav', 2);
  const imported = await studio.call('clips.import', {
    projectId: project.id,
    sources: [
      { kind: 'path', path: video },
      { kind: 'path', path: audio },
    ],
    taskId: 't',
  });
  const [videoClip, audioClip] = imported.clips;
  if (!videoClip || !audioClip) throw new Error('both files should import');
  expect(videoClip.spriteId).toBeNull();
  await waitFor(() => progress.some((p) => p.clipId === videoClip.id && p.state !== 'computing'));

  const mine = progress.filter((p) => p.clipId === videoClip.id);
  expect(mine[0]).toEqual({ clipId: videoClip.id, state: 'computing', fraction: 0 });
  const last = mine[mine.length - 1];
  expect(last?.state).toBe('done');
  const fractions = mine.filter((p) => p.state === 'computing').map((p) => p.fraction);
  expect(fractions).toEqual([...new Set(fractions)].sort((a, b) => a - b));

  const clip = await studio.call('clips.get', { id: videoClip.id });
  expect(clip.spriteId).toMatch(/^[0-9a-f]{64}$/);
  expect(last?.spriteId).toBe(clip.spriteId);
  // One row of tiles in the library's layout, each as tall as the clip's shape makes it.
  expect(await imageSize(storedPath(dataDir, clip.spriteId ?? ''))).toEqual({
    width: SPRITE_TILES * SPRITE_TILE_WIDTH,
    height: 90,
  });
  // A clip without a picture gets none, and nothing is announced for it.
  expect(await studio.call('clips.sprite', { clipId: audioClip.id })).toEqual({ spriteId: null });
  expect(progress.some((p) => p.clipId === audioClip.id)).toBe(false);
  // Asked again: the stored sheet, not a second one.
  const count = progress.length;
  expect(await studio.call('clips.sprite', { clipId: videoClip.id })).toEqual({ spriteId: clip.spriteId });
  expect(progress).toHaveLength(count);
});

test('a clip from an older library gets its sheet when asked; a failure says why and is retried on the next ask', async () => {
  const { studio, dir, dataDir, progress } = await open();
  const project = await studio.call('projects.create', { name: 'Older' });
  const video = await makeVideo(dir, 'old.mp4', { seconds: 2 });
  const imported = await studio.call('clips.import', {
    projectId: project.id,
    sources: [{ kind: 'path', path: video }],
    taskId: 't',
  });
  const clipId = imported.clips[0]?.id ?? 0;
  await waitFor(() => progress.some((p) => p.clipId === clipId && p.state === 'done'));

  // As in a library from before imports had sprite sheets, whose stored media was then damaged.
  libraryDb(dataDir).prepare('UPDATE clips SET sprite_hash = NULL WHERE id = ?').run(clipId);
  expect((await studio.call('clips.get', { id: clipId })).spriteId).toBeNull();
  const media = storedPath(dataDir, (await studio.call('clips.get', { id: clipId })).mediaId);
  const original = await readFile(media);
  await writeFile(media, randomBytes(original.length));
  progress.length = 0;

  const failed = await studio.invoke('clips.sprite', { clipId });
  expect(failed.ok).toBe(false);
  const failure = progress.at(-1);
  expect(failure).toMatchObject({ clipId, state: 'failed', fraction: 0 });
  expect(failure?.message).toMatch(/^No hover preview for “old”: .+/);
  expect((await studio.call('clips.get', { id: clipId })).spriteId).toBeNull();

  await writeFile(media, original);
  const made = await studio.call('clips.sprite', { clipId });
  expect(made.spriteId).toMatch(/^[0-9a-f]{64}$/);
  expect((await studio.call('clips.get', { id: clipId })).spriteId).toBe(made.spriteId);
  expect(progress.at(-1)).toEqual({ clipId, state: 'done', fraction: 1, spriteId: made.spriteId });
});

test('ffmpeg progress lines give the fraction of the clip done', () => {
  expect(ffmpegProgress('frame=1\nfps=0.0\n', 2000)).toBeNull();
  expect(ffmpegProgress('out_time_us=500000\nprogress=continue\nout_time_us=1500000\n', 2000)).toBe(0.75);
  expect(ffmpegProgress('out_time_us=9000000\n', 2000)).toBe(1);
  expect(ffmpegProgress('out_time_us=100\n', 0)).toBeNull();
});

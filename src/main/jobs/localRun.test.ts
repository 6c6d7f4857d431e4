import { createHash } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, test } from 'vitest';
import { stopRenderWorker } from '../engine/render';
import { CARD_POSTER_WIDTH } from '../media/cardPoster';
import { mediaTools } from '../media/tools';
import { registryOf } from '../providers/index';
import { createLocalProvider } from '../providers/local/provider';
import { renderLocalRequest } from '../providers/local/render';
import type { LocalRender, LocalRenderResult } from '../providers/types';
import { idle, orphanCheck, queueHarness, settled, type QueueHarness } from '../../../test/jobs/harness';
import { testRender } from '../../../test/jobs/test-render';
import { ffprobeJson, waitFor } from '../../../test/support/fixtures';
import { drawnDerivatives } from './localRun';

/*
 * Every ffmpeg this test file starts goes through a script that logs its arguments, then runs
 * the real ffmpeg, so a test can tell which derivatives were made from the video. The tools
 * are looked up once per test worker, on first use, which is after this runs.
 */
const toolDir = mkdtempSync(join(tmpdir(), 'shotline-ffmpeg-log-'));
const ffmpegLog = join(toolDir, 'calls.log');
const realFfmpeg = process.env.SHOTLINE_FFMPEG ?? 'ffmpeg';
const wrapper = join(toolDir, 'ffmpeg');
writeFileSync(wrapper, `#!/bin/sh\nprintf '%s\\n' "$*" >> '${ffmpegLog}'\nexec '${realFfmpeg}' "$@"\n`);
chmodSync(wrapper, 0o755);
process.env.SHOTLINE_FFMPEG = wrapper;
afterAll(async () => {
  await stopRenderWorker();
  rmSync(toolDir, { recursive: true, force: true });
});

function ffmpegCalls(): string[] {
  try {
    return readFileSync(ffmpegLog, 'utf8').split('\n').filter(Boolean);
  } catch {
    return [];
  }
}

/** The two derivatives ingest makes with ffmpeg (media/poster.ts, jobs/derivatives.ts) and the peaks (8-bit PCM, media/peaks.ts). */
const posterCalls = (): string[] => ffmpegCalls().filter((call) => call.includes("scale='min(640,iw)'"));
const spriteCalls = (): string[] => ffmpegCalls().filter((call) => call.includes('tile=10x1'));
const peaksCalls = (): string[] => ffmpegCalls().filter((call) => call.includes('pcm_u8'));

const sha256 = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

/** Wraps a renderer to hash the poster and sprite sheet it hands back, before the queue takes them. */
function hashing(render: LocalRender): { render: LocalRender; poster: string[]; sprite: string[] } {
  const poster: string[] = [];
  const sprite: string[] = [];
  return {
    poster,
    sprite,
    render: async (request, context): Promise<LocalRenderResult> => {
      const result = await render(request, context);
      if (result.posterPath !== null) poster.push(sha256(result.posterPath));
      if (result.sprite !== null) sprite.push(sha256(result.sprite.path));
      return result;
    },
  };
}

const PROMPT_1S = 'Title: Lighthouse\nScene: a lighthouse in fog\nAudio: foghorn\nDuration: 1s';

async function runOne(h: QueueHarness, options: Record<string, unknown> = {}) {
  const queued = h.queue.enqueue({ projectId: h.projectId, provider: 'local', promptText: PROMPT_1S, options });
  h.queue.start();
  const job = await settled(h.queue, queued.id);
  await idle(h.queue);
  return { job, clip: h.clips.get(job.clipId ?? 0) };
}

beforeEach(() => {
  expect(mediaTools().ffmpeg).toBe(wrapper);
  rmSync(ffmpegLog, { force: true });
});

describe('a local run keeps the poster and sprite sheet the renderer drew', () => {
  test('the stored poster and sprite sheet are the renderer’s files, and ffmpeg makes only the peaks', async () => {
    const drawn = hashing(testRender({ draw: true }));
    const h = await queueHarness(registryOf(createLocalProvider(drawn.render)));
    const { job, clip } = await runOne(h);
    expect(job.state).toBe('succeeded');
    expect(drawn.poster).toHaveLength(1);
    expect(clip.posterId).toBe(drawn.poster[0]);
    expect(clip.spriteId).toBe(drawn.sprite[0]);
    expect(h.clips.mediaType(clip.posterId ?? '')).toBe('image/jpeg');
    expect(h.clips.mediaType(clip.spriteId ?? '')).toBe('image/jpeg');
    // The card poster is made from the drawn poster, in this process: no ffmpeg run for it.
    expect(clip.cardPosterId).not.toBeNull();
    expect(clip.cardPosterId).not.toBe(clip.posterId);
    expect(h.clips.mediaType(clip.cardPosterId ?? '')).toBe('image/jpeg');
    const [card, poster] = await Promise.all(
      [clip.cardPosterId, clip.posterId].map(
        async (id) =>
          ((await ffprobeJson(h.store.pathOf(id ?? '') ?? '')) as { streams: { width: number; height: number }[] })
            .streams[0],
      ),
    );
    expect(card?.width).toBe(Math.min(CARD_POSTER_WIDTH, poster?.width ?? 0));
    expect(card?.height).toBe(Math.round(((poster?.height ?? 0) * (card?.width ?? 0)) / (poster?.width ?? 1)));
    expect(posterCalls()).toEqual([]);
    expect(spriteCalls()).toEqual([]);
    expect(peaksCalls()).toHaveLength(1);
    expect(await orphanCheck(h)).toEqual({ unreferencedFiles: [], unusedRows: [], temp: [] });
  });

  test('a renderer that draws none: ffmpeg makes both from the video', async () => {
    const h = await queueHarness(registryOf(createLocalProvider(testRender())));
    const { job, clip } = await runOne(h);
    expect(job.state).toBe('succeeded');
    expect(clip.posterId).not.toBeNull();
    expect(clip.spriteId).not.toBeNull();
    expect(posterCalls()).toHaveLength(1);
    expect(spriteCalls()).toHaveLength(1);
    expect(await orphanCheck(h)).toEqual({ unreferencedFiles: [], unusedRows: [], temp: [] });
  });

  test('a sprite sheet in another layout is made again in the library’s; the poster is kept', async () => {
    const grid = { columns: 10, rows: 2, tileWidth: 160, tileHeight: 90, count: 20 };
    const drawn = hashing(testRender({ draw: true, spriteLayout: grid }));
    const h = await queueHarness(registryOf(createLocalProvider(drawn.render)));
    const { clip } = await runOne(h);
    expect(clip.posterId).toBe(drawn.poster[0]);
    expect(clip.spriteId).not.toBeNull();
    expect(clip.spriteId).not.toBe(drawn.sprite[0]);
    expect(posterCalls()).toEqual([]);
    expect(spriteCalls()).toHaveLength(1);
    expect(await orphanCheck(h)).toEqual({ unreferencedFiles: [], unusedRows: [], temp: [] });
  });

  test('which drawn files are kept', () => {
    const report = { engine: 'local', version: 1, durationMs: 0, shots: [], notUnderstood: [], sounds: [], notes: [] };
    const row = { path: '/s.jpg', columns: 10, rows: 1, tileWidth: 160, tileHeight: 90, count: 10 };
    const base = { report, posterPath: '/p.jpg', sprite: row } as LocalRenderResult;
    expect(drawnDerivatives(base)).toEqual({ posterPath: '/p.jpg', spritePath: '/s.jpg' });
    expect(drawnDerivatives({ ...base, posterPath: null, sprite: null })).toEqual({});
    expect(drawnDerivatives({ ...base, sprite: { ...row, tileWidth: 96 } })).toEqual({ posterPath: '/p.jpg' });
    expect(drawnDerivatives({ ...base, sprite: { ...row, count: 12, rows: 2 } })).toEqual({ posterPath: '/p.jpg' });
  });

  test('the built-in engine: its own poster and sprite sheet become the clip’s', { timeout: 120_000 }, async () => {
    const drawn = hashing(renderLocalRequest);
    const h = await queueHarness(registryOf(createLocalProvider(drawn.render)));
    const { job, clip } = await runOne(h, { size: { width: 320, height: 180 }, fps: 12 });
    expect(job).toMatchObject({ state: 'succeeded', errorMessage: null });
    expect(drawn.poster).toHaveLength(1);
    expect(drawn.sprite).toHaveLength(1);
    expect(clip.posterId).toBe(drawn.poster[0]);
    expect(clip.spriteId).toBe(drawn.sprite[0]);
    expect(posterCalls()).toEqual([]);
    expect(spriteCalls()).toEqual([]);
    expect(await orphanCheck(h)).toEqual({ unreferencedFiles: [], unusedRows: [], temp: [] });
  });
});

describe('a local run interrupted', () => {
  test('a cancel while rendering stops the renderer and leaves no clip, poster or temp file', async () => {
    let aborted = false;
    const slow: LocalRender = (request, context) => {
      context.signal.addEventListener('abort', () => (aborted = true), { once: true });
      return testRender({ delayMs: 60_000, draw: true })(request, context);
    };
    const h = await queueHarness(registryOf(createLocalProvider(slow)));
    const queued = h.queue.enqueue({ projectId: h.projectId, provider: 'local', promptText: PROMPT_1S });
    h.queue.start();
    await settled(h.queue, queued.id, ['running']);
    expect(h.queue.cancel(queued.id).state).toBe('running'); // the run settles it once the renderer stopped
    const job = await settled(h.queue, queued.id);
    expect(job).toMatchObject({ state: 'canceled', clipId: null, errorCode: null });
    expect(aborted).toBe(true);
    await idle(h.queue);
    expect(h.db.prepare('SELECT COUNT(*) AS n FROM clips').get()).toEqual({ n: 0 });
    expect(await orphanCheck(h)).toEqual({ unreferencedFiles: [], unusedRows: [], temp: [] });
  });

  test('a quit while rendering puts the job back in the queue, and the next start renders it from the beginning', async () => {
    let renders = 0;
    const render: LocalRender = (request, context) => {
      renders++;
      return testRender({ delayMs: renders === 1 ? 60_000 : 0 })(request, context);
    };
    const h = await queueHarness(registryOf(createLocalProvider(render)));
    const queued = h.queue.enqueue({ projectId: h.projectId, provider: 'local', promptText: PROMPT_1S });
    h.queue.start();
    await settled(h.queue, queued.id, ['running']);
    await h.queue.stop();
    expect(h.queue.get(queued.id)).toMatchObject({ state: 'queued', progress: 0, attempts: 1 });
    h.queue.start();
    await waitFor(() => renders === 2);
    expect(await settled(h.queue, queued.id)).toMatchObject({ state: 'succeeded', attempts: 2 });
  });
});

describe('a render that fills the disk', () => {
  test('fails saying the disk is full, keeps nothing of it, and the next render works', async () => {
    const full: LocalRender = async (_request, context) => {
      writeFileSync(context.outPath, Buffer.alloc(4096));
      await Promise.resolve();
      throw new Error('ffmpeg exited with code 1: av_interleaved_write_frame(): No space left on device');
    };
    let renderer: LocalRender = full;
    const h = await queueHarness(registryOf(createLocalProvider((request, context) => renderer(request, context))));
    const queued = h.queue.enqueue({ projectId: h.projectId, provider: 'local', promptText: PROMPT_1S, options: {} });
    h.queue.start();
    const job = await settled(h.queue, queued.id);
    await idle(h.queue);
    expect(job.state).toBe('failed');
    expect(job.errorCode).toBe('disk_full');
    expect(job.errorMessage).toMatch(
      /^The disk holding your library \(.+\) is full, so the render stopped and nothing of it was kept\. Free some space/,
    );
    expect(await orphanCheck(h)).toEqual({ unreferencedFiles: [], unusedRows: [], temp: [] });

    renderer = testRender();
    const second = await runOne(h);
    expect(second.job.state).toBe('succeeded');
  });
});

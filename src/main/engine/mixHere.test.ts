import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { ffmpegArgs } from '../media/ffmpegArgs';
import { mediaTools } from '../media/tools';
import { emptyShot, type EngineInput } from './input';
import { prewarmRenderWorker, renderClip, stopRenderWorker } from './render';

// The mixer as this (the calling) thread loads it, counting the soundtracks mixed here; a worker
// loads its own copy, which this does not count.
const mixedHere = vi.hoisted(() => ({ count: 0 }));
vi.mock('./sound/mixer', async (original) => {
  const real = await original<typeof import('./sound/mixer')>();
  return {
    ...real,
    mixReply: (...args: Parameters<typeof real.mixReply>) => {
      mixedHere.count++;
      return real.mixReply(...args);
    },
  };
});

const run = promisify(execFile);
let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shotline-mix-here-'));
});
afterAll(async () => {
  await stopRenderWorker();
  await rm(dir, { recursive: true, force: true });
});

async function md5s(path: string): Promise<{ video: string; audio: string }> {
  const hash = async (args: string[]): Promise<string> =>
    (await run(mediaTools().ffmpeg, ffmpegArgs('errors', '-i', path, ...args, '-f', 'md5', '-'))).stdout.trim();
  return { video: await hash(['-map', '0:v:0']), audio: await hash(['-map', '0:a:0']) };
}

test('a soundtrack mixed on the calling thread (as `shotline render` does) gives the clip a mix worker gives', async () => {
  const input: EngineInput = {
    shots: [
      emptyShot({
        durationMs: 1500,
        scene: 'Rain falls on a quiet street.',
        audio: { ambience: ['rain'], events: [{ label: 'thunder', startMs: 500, endMs: null }] },
      }),
    ],
  };
  const size = { width: 160, height: 90, fps: 12, seed: 5 } as const;
  const inWorker = await renderClip(input, { outPath: join(dir, 'worker.mp4'), ...size });
  expect(mixedHere.count).toBe(0);
  // Started ahead, as the command starts it, and taken by the render.
  prewarmRenderWorker({ mixHere: true });
  const here = await renderClip(input, { outPath: join(dir, 'here.mp4'), ...size, mixHere: true });
  expect(mixedHere.count).toBe(1);
  expect(await md5s(here.outPath)).toEqual(await md5s(inWorker.outPath));
  expect(here.peaks).toEqual(inWorker.peaks);
  expect(here.report).toEqual(inWorker.report);
}, 120_000);

import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { emptyShot } from './input';
import { runPipeline, type PipelineOptions } from './pipeline';
import { mixWav, type MixRequest } from './sound/mixer';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shotline-pipeline-test-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function options(name: string): PipelineOptions {
  return {
    outPath: join(dir, `${name}.mp4`),
    posterPath: join(dir, `${name}.poster.jpg`),
    spritePath: join(dir, `${name}.sprite.jpg`),
    width: 320,
    height: 180,
    fps: 12,
    seed: 1,
    temp: {
      dir: join(dir, `.${name}.scratch`),
      video: join(dir, `.${name}.part.mp4`),
      poster: join(dir, `.${name}.poster.part.jpg`),
      sprite: join(dir, `.${name}.sprite.part.jpg`),
    },
  };
}

test('the soundtrack is mixed from the moment the lines are spoken, before the first shot’s set is built', async () => {
  // A forest's set (trees painted and blurred in layers) takes a while to build before its first
  // frame; with no lines to speak, the mix must not wait for it. The render is canceled as its
  // first frame is about to be drawn, after the set is built: by then the mix has been asked for.
  const input = {
    shots: [emptyShot({ scene: 'A boy walks through a forest in autumn.', durationMs: 2000 })],
  };
  const mixes: MixRequest[] = [];
  let checks = 0;
  const rendering = runPipeline(input, options('early-mix'), {
    // The first check follows the reading and staging of the prompt; the second comes before the first frame.
    aborted: () => ++checks > 1,
    progress: () => undefined,
    mix: (request) => {
      mixes.push(request);
      return mixWav(request);
    },
  });
  await expect(rendering).rejects.toMatchObject({ code: 'canceled' });
  expect(checks).toBe(2);
  expect(mixes).toHaveLength(1);
  // The cancel left nothing behind.
  expect(await readdir(dir)).toEqual([]);
});

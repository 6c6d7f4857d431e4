import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { speechMs } from '../../shared/prompt/dialogue';
import { PROSE_CORPUS } from '../../../test/prose/corpus';
import { readProsePrompt } from '../../../test/prose/reading';
import { ffmpegArgs } from '../media/ffmpegArgs';
import { mediaTools } from '../media/tools';
import { engineInputFromPrompt } from './fromPrompt';
import { renderClip, stopRenderWorker } from './render';

const run = promisify(execFile);

describe('the prose corpus', () => {
  test.each(PROSE_CORPUS.map((p) => [p.name, p] as const))('%s is read as expected', (_name, prompt) => {
    expect(readProsePrompt(prompt).misreadings).toEqual([]);
  });

  test('most of its nouns and verbs are understood, stand-ins not counted', () => {
    let understood = 0;
    let total = 0;
    for (const prompt of PROSE_CORPUS) {
      const r = readProsePrompt(prompt);
      understood += r.understood.length;
      total += r.understood.length + r.missed.length;
    }
    // The floor this corpus reaches today; `bench/proseUnderstanding.ts` prints the figure.
    expect(understood / total).toBeGreaterThanOrEqual(0.9);
  });
});

describe('rendering the prose corpus', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'shotline-prose-'));
  });
  afterAll(async () => {
    await stopRenderWorker();
    await rm(dir, { recursive: true, force: true });
  });

  test('no two different prompts give byte-identical video', async () => {
    const seen = new Map<string, string>();
    for (const prompt of PROSE_CORPUS) {
      const { doc } = readProsePrompt(prompt);
      const out = join(dir, `${prompt.name}.mp4`);
      // Short shots keep this quick; a shot with speech or timed sounds lasts until its last line is said and sound heard.
      const lengths = doc.shots.map((s) =>
        Math.max(
          1000,
          ...s.dialogue.map((d) => d.atMs + speechMs(d.line)),
          ...s.audio.events.map((e) => (e.endMs ?? e.startMs) + 500),
        ),
      );
      const input = engineInputFromPrompt(doc, lengths);
      await renderClip(input, { outPath: out, width: 160, height: 90, fps: 6, seed: 1 });
      const { stdout } = await run(
        mediaTools().ffmpeg,
        ffmpegArgs('errors', '-i', out, '-map', '0:v:0', '-f', 'md5', '-'),
      );
      const md5 = stdout.trim();
      expect(seen.get(md5), `${prompt.name} renders the same video as ${seen.get(md5) ?? ''}`).toBeUndefined();
      seen.set(md5, prompt.name);
    }
    expect(seen.size).toBe(PROSE_CORPUS.length);
  }, 600_000);
});

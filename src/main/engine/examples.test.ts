import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { examplePrompts } from './examples';
import { renderClip } from './render';

test('renders every example prompt, understanding all of it', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'shotline-examples-'));
  try {
    for (const [name, input] of Object.entries(examplePrompts)) {
      const short = {
        shots: input.shots.map((s) => ({
          ...s,
          durationMs: 2000,
          dialogue: s.dialogue.filter((d) => d.atMs < 2000),
        })),
      };
      for (const s of short.shots)
        s.audio = {
          ...s.audio,
          events: s.audio.events
            .filter((e) => e.startMs === null || e.startMs < 2000)
            .map((e) => ({ ...e, endMs: e.endMs === null ? null : Math.min(e.endMs, 1999) })),
        };
      const result = await renderClip(short, {
        outPath: join(dir, `${name}.mp4`),
        width: 160,
        height: 90,
        fps: 6,
        inline: true,
      });
      expect([name, result.report.notUnderstood]).toEqual([name, []]);
      expect(result.report.frames).toBe(12);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}, 120_000);

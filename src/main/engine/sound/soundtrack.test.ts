import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { emptyShot } from '../input';
import { interpret } from '../interpret/interpret';
import { collectContacts } from '../simulate';
import { stageShot } from '../stage/shot';
import { scheduleSound } from './schedule';
import { mouthEnvelope, speakDialogue } from './soundtrack';

test('measures mouth opening from speech loudness', () => {
  const speech = new Float32Array(48_000);
  for (let i = 12_000; i < 36_000; i++) speech[i] = 0.4 * Math.sin(i / 7);
  const env = mouthEnvelope(speech);
  expect(env[10]).toBe(0);
  expect(env[50]).toBeGreaterThan(0.9);
  expect(env[90]).toBe(0);
});

describe('a long conversation', () => {
  test("speaks every line, a few at a time, with no warning about too many listeners on the render's stop", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'shotline-lines-'));
    const warnings: string[] = [];
    const onWarning = (w: Error): void => void warnings.push(w.name);
    process.on('warning', onWarning);
    try {
      const dialogue = Array.from({ length: 16 }, (_, i) => ({
        atMs: i * 700,
        speaker: i % 2 === 0 ? 'Zed' : 'Quill',
        line: `Line number ${i + 1}.`,
      }));
      const interp = interpret({
        shots: [emptyShot({ scene: 'Zed and Quill talk on a bench.', dialogue, durationMs: 12000 })],
      });
      const stages = interp.shots.map((s) => stageShot(s, 1));
      const schedule = scheduleSound(
        stages,
        stages.map((s) => collectContacts(s.world)),
        1,
      );
      const stop = new AbortController();
      const spoken = await speakDialogue(schedule, {
        seed: 1,
        totalMs: 12000,
        shots: interp.shots,
        workDir: dir,
        signal: stop.signal,
      });
      expect(spoken.lines.length).toBe(16);
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings).not.toContain('MaxListenersExceededWarning');
    } finally {
      process.off('warning', onWarning);
      await rm(dir, { recursive: true, force: true });
    }
  });
});

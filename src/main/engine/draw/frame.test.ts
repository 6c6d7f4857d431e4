import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { examplePrompts } from '../examples';
import { emptyShot } from '../input';
import { interpret } from '../interpret/interpret';
import { renderClip } from '../render';
import { lipSyncRate, mouthEnvelope } from '../sound/soundtrack';
import { stageShot } from '../stage/shot';
import { ShotRenderer } from './frame';

const hash = (b: Buffer): string => createHash('md5').update(b).digest('hex');

function renderer(scene: string, lipSync = new Map<string, Float32Array>()): ShotRenderer {
  const shot = interpret({ shots: [emptyShot({ scene, durationMs: 2000 })] }).shots[0];
  if (!shot) throw new Error('no shot');
  return new ShotRenderer(stageShot(shot, 2), { width: 320, height: 180, ripplesAt: [], lipSync });
}

describe('frames', () => {
  it('draws the same pixels for the same scene and time', () => {
    const a = renderer('A girl releases a lantern by a riverside at dusk.');
    const b = renderer('A girl releases a lantern by a riverside at dusk.');
    for (let f = 0; f < 12; f++) expect(hash(a.draw(f / 12, f).data())).toBe(hash(b.draw(f / 12, f).data()));
  });

  it('fills every pixel with an opaque colour', () => {
    const data = renderer('A boy on a beach at noon.').draw(0.5, 6).data();
    for (let i = 3; i < data.length; i += 4) if (data[i] !== 255) throw new Error(`pixel ${(i - 3) / 4} is not opaque`);
  });

  it('opens the speaking figure’s mouth with the loudness of its speech', () => {
    const loud = new Float32Array(lipSyncRate * 2).fill(1);
    const quiet = new Float32Array(lipSyncRate * 2);
    const talking = renderer('A woman stands in a field.', new Map([['woman', loud]]))
      .draw(1, 12)
      .data();
    const silent = renderer('A woman stands in a field.', new Map([['woman', quiet]]))
      .draw(1, 12)
      .data();
    let changed = 0;
    for (let i = 0; i < talking.length; i += 4) if (talking[i] !== silent[i]) changed++;
    // The mouth is a few pixels at this size; nothing else differs.
    expect(changed).toBeGreaterThan(0);
    expect(changed).toBeLessThan(200);
  });

  it('measures mouth opening from speech loudness', () => {
    const speech = new Float32Array(48_000);
    for (let i = 12_000; i < 36_000; i++) speech[i] = 0.4 * Math.sin(i / 7);
    const env = mouthEnvelope(speech);
    expect(env[10]).toBe(0);
    expect(env[50]).toBeGreaterThan(0.9);
    expect(env[90]).toBe(0);
  });
});

describe('examples', () => {
  it('renders every example prompt, understanding all of it', async () => {
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
});

import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { emptyShot } from '../input';
import { interpret } from '../interpret/interpret';
import { lipSyncRate } from '../sound/soundtrack';
import { stageShot } from '../stage/shot';
import { ShotRenderer } from './frame';

const hash = (b: Buffer): string => createHash('md5').update(b).digest('hex');

function renderer(
  scene: string,
  lipSync = new Map<string, Float32Array>(),
  look: { style?: string; draft?: boolean } = {},
): ShotRenderer {
  const shot = interpret({ shots: [emptyShot({ scene, style: look.style ?? '', durationMs: 2000 })] }).shots[0];
  if (!shot) throw new Error('no shot');
  return new ShotRenderer(stageShot(shot, 2), {
    width: 320,
    height: 180,
    ripplesAt: [],
    lipSync,
    draft: look.draft === true,
  });
}

describe('frames', () => {
  test('draws the same pixels for the same scene and time', () => {
    const a = renderer('A girl releases a lantern by a riverside at dusk.');
    const b = renderer('A girl releases a lantern by a riverside at dusk.');
    for (let f = 0; f < 12; f++) expect(hash(a.draw(f / 12, f).data())).toBe(hash(b.draw(f / 12, f).data()));
  });

  test('fills every pixel with an opaque colour', () => {
    const data = renderer('A boy on a beach at noon.').draw(0.5, 6).data();
    for (let i = 3; i < data.length; i += 4) if (data[i] !== 255) throw new Error(`pixel ${(i - 3) / 4} is not opaque`);
  });

  test('opens the speaking figure’s mouth with the loudness of its speech', () => {
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

  test('cold tones make a cold picture even at dusk, and warm tones a warm one', () => {
    const mean = (style: string): [number, number, number] => {
      const data = renderer('A girl releases a lantern by a riverside at dusk.', undefined, { style }).draw(0.5, 12).data();
      const sum = [0, 0, 0];
      for (let i = 0; i < data.length; i += 4) for (let c = 0; c < 3; c++) sum[c] = (sum[c] ?? 0) + (data[i + c] ?? 0);
      const n = data.length / 4;
      return [(sum[0] ?? 0) / n, (sum[1] ?? 0) / n, (sum[2] ?? 0) / n];
    };
    const [coldR, , coldB] = mean('cold tones');
    const [warmR, , warmB] = mean('warm tones');
    // A dusk sky is pink; asked for cold tones, the picture still reads blue over red.
    expect(coldB).toBeGreaterThan(coldR * 1.05);
    expect(warmR).toBeGreaterThan(warmB * 1.15);
  });

  test('a draft leaves out film grain and nothing else', () => {
    const scene = 'A man walks down a city street at night.';
    const frame = (style: string, draft: boolean): Buffer =>
      renderer(scene, undefined, { style, draft }).draw(0.5, 12).data();
    // Without grain in the style, a draft draws the very same pixels.
    expect(hash(frame('warm', true))).toBe(hash(frame('warm', false)));
    const grainy = frame('film grain', false);
    const draft = frame('film grain', true);
    let changed = 0;
    for (let i = 0; i < grainy.length; i += 4) if (grainy[i] !== draft[i]) changed++;
    // Grain lies over the whole frame, so most pixels differ.
    expect(changed).toBeGreaterThan(grainy.length / 4 / 4);
    expect(hash(draft)).toBe(hash(frame('film grain', true)));
  });
});

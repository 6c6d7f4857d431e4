import { join } from 'node:path';
import { expect, test } from 'vitest';
import { makeBurstClip } from '../../../test/support/bursts';
import { tempDir } from '../../../test/support/fixtures';
import { heardOnsets } from './heardOnsets';

test('hears each burst where it starts in an AAC clip, to within 5 ms, and nothing in a quiet window', async () => {
  const dir = await tempDir();
  const clip = await makeBurstClip(join(dir, 'bursts.mp4'), { seconds: 6, burstsMs: [1150, 3920] });
  const heard = await heardOnsets(clip, [
    { fromMs: 0, toMs: 2000, nearMs: 1000 },
    { fromMs: 3000, toMs: 4500, nearMs: 4000 },
    { fromMs: 4500, toMs: 5900, nearMs: 5500 },
  ]);
  expect(heard).toHaveLength(3);
  const [first, second, quiet] = heard ?? [];
  expect(Math.abs((first ?? -1e9) - 1150)).toBeLessThanOrEqual(5);
  expect(Math.abs((second ?? -1e9) - 3920)).toBeLessThanOrEqual(5);
  expect(quiet).toBeNull();
});

test('of two bursts in one window, takes the one nearest the asked time', async () => {
  const dir = await tempDir();
  const clip = await makeBurstClip(join(dir, 'two.wav'), { seconds: 3, burstsMs: [800, 1700], video: false });
  const early = await heardOnsets(clip, [{ fromMs: 500, toMs: 2500, nearMs: 1000 }]);
  const late = await heardOnsets(clip, [{ fromMs: 500, toMs: 2500, nearMs: 1500 }]);
  expect(Math.abs((early?.[0] ?? -1e9) - 800)).toBeLessThanOrEqual(3);
  expect(Math.abs((late?.[0] ?? -1e9) - 1700)).toBeLessThanOrEqual(3);
});

test('answers null for a file without sound', async () => {
  const dir = await tempDir();
  const clip = await makeBurstClip(join(dir, 'silent.mp4'), { seconds: 1, burstsMs: [], silent: true });
  expect(await heardOnsets(clip, [{ fromMs: 0, toMs: 900, nearMs: 500 }])).toBeNull();
});

import { expect, test } from 'vitest';
import { PeakFile } from './peaks';

const file = (data: unknown): unknown => ({
  format: 'shotline-peaks',
  version: 1,
  durationMs: 20,
  levels: [{ pairsPerSecond: 100, data }],
});

test('a peak file holds whole values from −127 to 127, and nothing else', () => {
  expect(PeakFile.parse(file([-127, 127, 0, 3]))).toEqual(file([-127, 127, 0, 3]));
  for (const bad of [[128, 0], [0, -128], [0.5, 1], ['1', 2], [null, 1], 'AQID', { 0: 1 }]) {
    const parsed = PeakFile.safeParse(file(bad));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({
      path: ['levels', 0, 'data'],
      message: 'peak values must be whole numbers from -127 to 127',
    });
  }
});

import { expect, test } from 'vitest';
import fc from 'fast-check';
import { decodePeakValues, encodePeakValues, levelFor, PeakFile, peakValueCount, rateFor } from './peaks';

const file = (data: unknown): unknown => ({
  format: 'shotline-peaks',
  version: 2,
  durationMs: 20,
  levels: [{ pairsPerSecond: 100, data }],
});

test('peak values survive the trip through their compact form, clamped to −127…127', () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: -127, max: 127 }), { maxLength: 200 }), (values) => {
      const data = encodePeakValues(values);
      expect(PeakFile.parse(file(data))).toEqual(file(data));
      expect(Array.from(decodePeakValues(data))).toEqual(values);
      expect(peakValueCount({ pairsPerSecond: 1, data })).toBe(values.length);
    }),
  );
  expect(Array.from(decodePeakValues(encodePeakValues([-300, 300, 0.4])))).toEqual([-127, 127, 0]);
  // Four values are six characters, not the three megabytes of JSON numbers an hour once was.
  expect(encodePeakValues([-127, 127, 0, 3])).toHaveLength(6);
});

test('a peak file holds base64url bytes, and nothing else', () => {
  for (const bad of [[-127, 127], 'AQ+D', 'AQ==', 'A', 12, null]) {
    const parsed = PeakFile.safeParse(file(bad));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['levels', 0, 'data']);
  }
  expect(PeakFile.safeParse({ ...(file('AQID') as object), version: 1 }).success).toBe(false);
});

test('the level drawn is the coarsest with a pair for every pixel', () => {
  const levels = [100, 12.5, 1.5625, 0.1953125].map((pairsPerSecond) => ({ pairsPerSecond, data: '' }));
  // Stored in any order, chosen by resolution.
  const peaks = PeakFile.parse({ format: 'shotline-peaks', version: 2, durationMs: 1, levels: [...levels].reverse() });
  expect(levelFor(peaks, 0.25).pairsPerSecond).toBe(1.5625);
  expect(levelFor(peaks, 0.1).pairsPerSecond).toBe(0.1953125);
  expect(levelFor(peaks, 12.5).pairsPerSecond).toBe(12.5);
  expect(levelFor(peaks, 13).pairsPerSecond).toBe(100);
  // Zoomed in past the finest level, the finest is stretched.
  expect(levelFor(peaks, 4000).pairsPerSecond).toBe(100);
  // The same rule over the rates alone, as the timeline knows them before a level is sent.
  expect(rateFor([0.1953125, 100, 1.5625, 12.5], 0.25)).toBe(1.5625);
  expect(rateFor([0.1953125, 100, 1.5625, 12.5], 4000)).toBe(100);
});

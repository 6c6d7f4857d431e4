import { expect, test } from 'vitest';
import { columnExtremes, type WaveLevel } from './waveCanvas';

/** `seconds` of silence at `rate` pairs a second with one pair set to (min, max) at `atSec`. */
function levelWith(rate: number, seconds: number, atSec: number, min: number, max: number): WaveLevel {
  const values = new Float32Array(rate * seconds * 2);
  const pair = Math.floor(atSec * rate);
  values[pair * 2] = min;
  values[pair * 2 + 1] = max;
  return { rate, values };
}

test('each column takes the extremes of the pairs under it, and only the columns in view are drawn', () => {
  // An hour at 100 pairs a second, zoomed to 10 px a second: 10 pairs a column.
  const level = levelWith(100, 3600, 1800.25, -0.5, 0.75);
  const columns = 900;
  // 18,000 px in: the view starts at 1800 s, so the burst at 1800.25 s is in column 2.
  const out = columnExtremes(level, 18_000, columns, 10);
  expect(out.length).toBe(columns * 2);
  expect([out[4], out[5]]).toEqual([-0.5, 0.75]);
  const inked = [...Array(columns).keys()].filter((x) => out[x * 2] !== 0 || out[x * 2 + 1] !== 0);
  expect(inked).toEqual([2]);
});

test('zoomed finer than the level, neighbouring columns share the pair they fall in', () => {
  // 8 pairs a second drawn at 80 px a second: each pair spans 10 columns.
  const level = levelWith(8, 4, 1, -0.25, 0.5);
  const out = columnExtremes(level, 0, 320, 80);
  const inked = [...Array(320).keys()].filter((x) => out[x * 2 + 1] !== 0);
  expect(inked).toEqual([80, 81, 82, 83, 84, 85, 86, 87, 88, 89]);
  expect(out[85 * 2]).toBe(-0.25);
});

test('a view past the end of the sound draws silence, and a reused buffer is written over', () => {
  const level = levelWith(100, 2, 1.995, -1, 1);
  const buffer = new Float32Array(20).fill(9);
  const out = columnExtremes(level, 199, 10, 100, buffer);
  expect(out).toBe(buffer);
  expect([out[0], out[1]]).toEqual([-1, 1]);
  expect([...out.subarray(2)].every((v) => v === 0)).toBe(true);
});

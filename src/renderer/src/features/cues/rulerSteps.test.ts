import { expect, test } from 'vitest';
import { rulerSteps } from './rulerSteps';

/** Label spacing in pixels and seconds, and tick spacing in pixels. */
function spacing(pxPerSec: number, fps = 25) {
  const s = rulerSteps(pxPerSec, fps);
  return {
    labelSeconds: Math.round(s.tickSeconds * s.labelEvery * 1e6) / 1e6,
    labelPx: s.tickSeconds * s.labelEvery * pxPerSec,
    tickPx: s.tickSeconds * pxPerSec,
    frames: s.frames,
  };
}

test('labels sit far enough apart to read, and ticks close enough to count, at every zoom', () => {
  for (const px of [0.05, 0.2, 1, 3, 12, 40, 78, 150, 239, 240, 600, 1500, 4000]) {
    const { labelPx, tickPx } = spacing(px);
    expect({ px, readable: labelPx >= 72 }).toEqual({ px, readable: true });
    // Never more than one step too sparse: the next finer step would have been too tight.
    expect({ px, tight: labelPx < 72 * 6 }).toEqual({ px, tight: true });
    expect({ px, ticks: tickPx >= 8 || tickPx === labelPx }).toEqual({ px, ticks: true });
  }
});

test('a 10 s clip fitted to 780 px has a label every second; a one-hour clip one every ten minutes', () => {
  expect(spacing(78)).toMatchObject({ labelSeconds: 1, frames: false });
  expect(rulerSteps(78, 25).labelEvery).toBe(5);
  expect(spacing(780 / 3600)).toMatchObject({ labelSeconds: 600 });
});

test('zoomed in to frames, ticks are frames and labels fall on whole frames', () => {
  expect(rulerSteps(300, 25)).toEqual({ tickSeconds: 1 / 25, labelEvery: 25, frames: true });
  expect(rulerSteps(600, 25).labelEvery).toBe(5);
  expect(rulerSteps(2000, 24)).toEqual({ tickSeconds: 1 / 24, labelEvery: 1, frames: true });
  expect(rulerSteps(600, 24).labelEvery).toBe(3);
  expect(rulerSteps(600, 30).labelEvery).toBe(5);
});

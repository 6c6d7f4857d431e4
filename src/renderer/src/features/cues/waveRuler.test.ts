import { expect, test } from 'vitest';
import { rulerSteps } from './rulerSteps';
import { rulerMarks } from './waveRuler';

test('the ruler draws only the ticks in view, however long the clip', () => {
  // An hour at 60 px a second is 216,000 px wide; a 900 px view shows fifteen seconds of it.
  const steps = rulerSteps(60, 25);
  const marks = rulerMarks(120 * 60, 900, 60, steps);
  expect(marks.length).toBeLessThanOrEqual(900 / 8 + 2);
  expect(marks.every((m) => m.x >= 0 && m.x <= 900)).toBe(true);
  expect(marks[0]).toEqual({ x: 0, label: '02:00' });
  const labels = marks.filter((m) => m.label !== null).map((m) => m.label);
  expect(labels).toContain('02:10');
  expect(labels).not.toContain('02:16');
});

test('labels fall on whole label steps, plain ticks between them', () => {
  const steps = { tickSeconds: 0.5, labelEvery: 4, frames: false };
  const marks = rulerMarks(50, 300, 100, steps);
  // Ticks every 50 px from 0.5 s; labels every 2 s.
  expect(marks.map((m) => m.x)).toEqual([0, 50, 100, 150, 200, 250, 300]);
  expect(marks.map((m) => m.label)).toEqual([null, null, null, '00:02', null, null, null]);
  expect(rulerMarks(0, 0, 100, steps)).toEqual([]);
  expect(rulerMarks(0, 300, 0, steps)).toEqual([]);
});

import { expect, it } from 'vitest';
import { formatClock, formatRuler, snapToFrame } from './cueTime';

it('formats the playhead as mm:ss.mmm', () => {
  expect(formatClock(3000)).toBe('00:03.000');
  expect(formatClock(65_432)).toBe('01:05.432');
  expect(formatClock(-5)).toBe('00:00.000');
});

it('labels the ruler in mm:ss and shows milliseconds only between seconds', () => {
  expect(formatRuler(3)).toBe('00:03');
  expect(formatRuler(3.25)).toBe('00:03.250');
});

it('snaps to the nearest frame', () => {
  expect(snapToFrame(1010, 25)).toBe(1000);
  expect(snapToFrame(1030, 25)).toBe(1040);
  expect(snapToFrame(1000, 24)).toBe(1000);
  expect(snapToFrame(1030, 24)).toBe(1042);
  expect(snapToFrame(1234.4, 0)).toBe(1234);
});

import { expect, it } from 'vitest';
import { cueTimes, formatClock, formatRuler, markedRange, snapToFrame, stepFrames } from './cueTime';

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

const RATES = [24, 25, 30, 23.976, 24000 / 1001, 29.97, 30000 / 1001, 50, 60];

it('snapped times are frame starts that the Resolve EDL and OTIO exports keep to the millisecond', () => {
  for (const fps of RATES) {
    for (let ms = 0; ms <= 5000; ms += 7) {
      const snapped = snapToFrame(ms, fps);
      expect(snapToFrame(snapped, fps)).toBe(snapped);
      const frame = Math.round((snapped * fps) / 1000);
      expect(Math.round((frame * 1000) / fps)).toBe(snapped);
      expect(Math.abs(snapped - ms)).toBeLessThanOrEqual(500 / fps + 0.5);
    }
  }
});

it('frame steps land on frame starts however many are taken', () => {
  // Adding 1000 / 24 and rounding each time walked 24 frames back from 00:02.000 to 00:00.992.
  let at = 2000;
  for (let i = 0; i < 24; i++) at = stepFrames(at, 24, -1);
  expect(at).toBe(1000);
  for (const fps of RATES) {
    let ms = 0;
    for (let frame = 1; frame <= 300; frame++) {
      ms = stepFrames(ms, fps, 1);
      expect(ms).toBe(Math.round((frame * 1000) / fps));
    }
    for (let frame = 299; frame >= 0; frame--) {
      ms = stepFrames(ms, fps, -1);
      expect(ms).toBe(Math.round((frame * 1000) / fps));
    }
  }
  expect(stepFrames(993, 24, 0)).toBe(1000);
});

it('cues made or moved with snapping start and end on frames, and a range keeps at least one frame', () => {
  expect(cueTimes(992, null, 24, true)).toEqual({ startMs: 1000, endMs: null });
  expect(cueTimes(992, 2010, 24, true)).toEqual({ startMs: 1000, endMs: 2000 });
  // In and out on the same frame: one frame long, not one millisecond.
  expect(cueTimes(1001, 1010, 24, true)).toEqual({ startMs: 1000, endMs: 1042 });
  expect(cueTimes(992.4, 993.2, 24, false)).toEqual({ startMs: 992, endMs: 993 });
  expect(cueTimes(1000.2, 1000.4, 24, false)).toEqual({ startMs: 1000, endMs: 1001 });
});

it('I and O mark a range in either order; a mark alone, or both at one time, is none', () => {
  expect(markedRange({ in: 1000, out: 3000 })).toEqual({ in: 1000, out: 3000 });
  expect(markedRange({ in: 9000, out: 4000 })).toEqual({ in: 4000, out: 9000 });
  expect(markedRange({ in: 2000, out: 2000 })).toBeNull();
  expect(markedRange({ in: 2000, out: null })).toBeNull();
  expect(markedRange({ in: null, out: 5000 })).toBeNull();
});

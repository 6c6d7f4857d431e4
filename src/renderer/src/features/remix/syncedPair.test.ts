import { describe, expect, test } from 'vitest';
import {
  clampOffset,
  correction,
  otherSide,
  sideTime,
  timelineOf,
  transportStep,
  type PlayerState,
} from './syncedPair';

describe('synced players', () => {
  test('each side stands at the timeline time plus its offset, inside its clip', () => {
    expect(sideTime(2, 0, 8)).toBe(2);
    expect(sideTime(2, 500, 8)).toBe(2.5);
    expect(sideTime(0.2, -500, 8)).toBe(0);
    expect(sideTime(7.9, 500, 8)).toBe(8);
    expect(timelineOf(2.5, 500)).toBe(2);
  });

  test('the follower is moved only when it drifts past the limit', () => {
    expect(correction(3, 0, 3.02, 0, 8)).toBeNull();
    expect(correction(3, 0, 3.2, 0, 8)).toBe(3);
    // B runs 250 ms ahead of A: A at 3 s means B at 3.25 s.
    expect(correction(3, 0, 3, 250, 8)).toBe(3.25);
    expect(correction(3.25, 250, 3, 0, 8)).toBeNull();
  });

  test('the audible side switches between A and B', () => {
    expect(otherSide('a')).toBe('b');
    expect(otherSide('b')).toBe('a');
  });
});

test('an offset is held within its clip’s length either way, and nonsense is no offset', () => {
  expect(clampOffset(-99_999_999, 8000)).toBe(-8000);
  expect(clampOffset(250.4, 8000)).toBe(250);
  expect(clampOffset(9000, 8000)).toBe(8000);
  expect(clampOffset(Number.NaN, 8000)).toBe(0);
  expect(clampOffset(40, 0)).toBe(0);
});

describe('playing a 3 s clip beside a 5 s one', () => {
  const player = (time: number, duration: number, playing: boolean, ended = false): PlayerState => ({
    time,
    duration,
    paused: !playing,
    ended,
  });
  const none = { a: 0, b: 0 };

  test('when the shorter, audible side ends, the longer one keeps the clock and the shorter holds its last frame', () => {
    const step = transportStep(2.98, 0.016, { a: player(3, 3, false, true), b: player(3.0, 5, true) }, none, 'a');
    expect(step).toEqual({ timelineS: 3, done: false, actions: { a: {}, b: {} } });
    const later = transportStep(4.5, 0.016, { a: player(3, 3, false, true), b: player(4.52, 5, true) }, none, 'a');
    expect(later.timelineS).toBeCloseTo(4.52);
    expect(later.done).toBe(false);
    expect(later.actions.a).toEqual({});
  });

  test('it stops when the longer one ends too', () => {
    const step = transportStep(4.99, 0.016, { a: player(3, 3, false, true), b: player(5, 5, false, true) }, none, 'a');
    expect(step.done).toBe(true);
    expect(step.actions).toEqual({ a: {}, b: {} });
  });

  test('Play at 4 s plays the longer one from 4 s and never restarts the shorter from its start', () => {
    const step = transportStep(4, 0, { a: player(3, 3, false, true), b: player(4, 5, false) }, none, 'a');
    expect(step.timelineS).toBe(4);
    expect(step.actions).toEqual({ a: {}, b: { play: true } });
  });

  test('a side that starts later on the timeline waits on its first frame, on the wall clock', () => {
    const step = transportStep(0.5, 0.1, { a: player(0.6, 3, true), b: player(0, 5, false) }, { a: 0, b: -1000 }, 'b');
    // B is audible but not started: A keeps the clock; B starts at 1 s.
    expect(step.timelineS).toBeCloseTo(0.6);
    expect(step.actions.b).toEqual({});
    const start = transportStep(
      1.0,
      0.016,
      { a: player(1.01, 3, true), b: player(0, 5, false) },
      { a: 0, b: -1000 },
      'b',
    );
    expect(start.actions.b).toEqual({ play: true });
  });
});

import { describe, expect, test } from 'vitest';
import { clampOffset, correction, otherSide, sideTime, timelineOf } from './syncedPair';

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

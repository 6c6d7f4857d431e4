import { describe, expect, it } from 'vitest';
import type { Cue } from '../../../../shared/cues/calls';
import { byTime } from './useCues';
import { adjacentCue, cueToMoveFrom } from './cueNavigation';

function cue(id: number, startMs: number, endMs: number | null = null): Cue {
  const made: Cue = {
    id,
    clipId: 1,
    startMs,
    endMs,
    label: `c${id}`,
    note: '',
    kind: 'sfx',
    color: null,
    inherited: false,
    createdAt: 0,
    updatedAt: 0,
  };
  return made;
}

// Points and ranges, two ranges and a point all starting at 2 s, a range wrapping later cues.
const cues = [cue(1, 500), cue(7, 1000, 6000), cue(3, 2000, 2500), cue(4, 2000), cue(9, 2000, 4000), cue(5, 3000)].sort(
  byTime,
);

function walk(direction: 1 | -1, from: number | null, playheadMs: number): number[] {
  const seen: number[] = [];
  let at = from;
  for (;;) {
    const next = adjacentCue(cues, at, playheadMs, direction);
    if (!next) return seen;
    seen.push(next.id);
    at = next.id;
  }
}

describe('Tab and Shift+Tab', () => {
  it('visit every cue in time order, ranges and cues at equal times included, both ways', () => {
    const order = cues.map((c) => c.id);
    expect(order).toEqual([1, 7, 3, 4, 9, 5]);
    expect(walk(1, null, 0)).toEqual(order);
    expect(walk(-1, null, 10_000)).toEqual([...order].reverse());
    expect(walk(-1, 5, 3000)).toEqual([9, 4, 3, 7, 1]);
  });

  it('with nothing selected, take the cue at the playhead rather than pass over it', () => {
    expect(adjacentCue(cues, null, 2000, 1)?.id).toBe(3);
    expect(adjacentCue(cues, null, 2000, -1)?.id).toBe(9);
    expect(adjacentCue(cues, null, 1500, -1)?.id).toBe(7);
  });

  it('go on from the cue last picked in a multi-selection, and from the first selected otherwise', () => {
    expect(cueToMoveFrom(cues, new Set([3, 4, 9]), 9)).toBe(9);
    expect(cueToMoveFrom(cues, new Set([3, 4, 9]), 1)).toBe(3);
    expect(cueToMoveFrom(cues, new Set(), 1)).toBeNull();
  });
});

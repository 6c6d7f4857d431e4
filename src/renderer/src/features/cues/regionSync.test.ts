import { describe, expect, it } from 'vitest';
import type { Cue } from '../../../../shared/cues/calls';
import { DEFAULT_KIND_COLORS } from '../../../../shared/cues/types';
import { assignLanes, cueColor, diffRegions, onlyLaneChanged, regionSignature, translucent } from './regionSync';

const cue = (id: number, startMs: number, label = `Cue ${id}`): Cue => ({
  id,
  clipId: 1,
  startMs,
  endMs: null,
  label,
  note: '',
  kind: 'sfx',
  color: null,
  createdAt: 0,
  updatedAt: 0,
});

describe('diffRegions', () => {
  it('redraws the cues of a kind whose colour changed, and only those', () => {
    const lanes = new Map<number, number | null>();
    const cues = [cue(1, 0), { ...cue(2, 100), kind: 'music' as const }, { ...cue(3, 200), color: '#010203' }];
    const shown = new Map(cues.map((c) => [c.id, regionSignature(c, null)]));
    const recoloured = { ...DEFAULT_KIND_COLORS, sfx: '#123456' };
    // Cue 3 is sfx too, but its own colour wins: it looks the same.
    expect(diffRegions(shown, cues, lanes, recoloured).change.map((c) => c.id)).toEqual([1]);
    expect(cueColor(cues[0] as Cue, recoloured)).toBe('#123456');
    expect(cueColor(cues[2] as Cue, recoloured)).toBe('#010203');
  });

  it('touches only the cues that were added, changed or removed', () => {
    const lanes = new Map<number, number | null>();
    const many = Array.from({ length: 2000 }, (_, i) => cue(i + 1, i * 100));
    const shown = new Map(many.map((c) => [c.id, regionSignature(c, null)]));
    const next = [...many.slice(0, 1999).map((c) => (c.id === 5 ? { ...c, label: 'slam' } : c)), cue(5000, 7)];
    expect(diffRegions(shown, next, lanes)).toEqual({
      add: [cue(5000, 7)],
      change: [{ ...cue(5, 400), label: 'slam' }],
      remove: [2000],
    });
  });

  it('redraws a region whose label moved to another row', () => {
    const shown = new Map([[1, regionSignature(cue(1, 0), 0)]]);
    expect(diffRegions(shown, [cue(1, 0)], new Map([[1, 1]])).change).toHaveLength(1);
  });
});

describe('assignLanes', () => {
  it('stacks labels that would overlap and hides them when every row is taken', () => {
    const lanes = assignLanes([cue(1, 0), cue(2, 100), cue(3, 200), cue(4, 300), cue(5, 1500)], 1000, 3);
    expect([...lanes.values()]).toEqual([0, 1, 2, null, 0]);
  });
});

it('translucent turns a hex colour into rgba', () => {
  expect(translucent('#e5484d', 0.25)).toBe('rgba(229, 72, 77, 0.25)');
});

describe('onlyLaneChanged', () => {
  it('is true when the cue is the same and only its label lane moved, as after a zoom', () => {
    const door = cue(1, 5000, 'door | slam');
    expect(onlyLaneChanged(regionSignature(door, 0), door)).toBe(true);
    expect(onlyLaneChanged(regionSignature(door, null), door)).toBe(true);
  });

  it('is false when anything the region draws changed, or the cue was never shown', () => {
    const door = cue(1, 5000, 'door');
    expect(onlyLaneChanged(regionSignature(door, 1), { ...door, startMs: 5001 })).toBe(false);
    expect(onlyLaneChanged(regionSignature(door, 1), { ...door, label: 'door slam' })).toBe(false);
    expect(onlyLaneChanged(regionSignature(door, 1), { ...door, kind: 'music' })).toBe(false);
    expect(onlyLaneChanged(regionSignature(door, 1), { ...door, endMs: 6000 })).toBe(false);
    expect(onlyLaneChanged(undefined, door)).toBe(false);
  });
});

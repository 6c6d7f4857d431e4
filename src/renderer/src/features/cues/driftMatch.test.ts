import { expect, test } from 'vitest';
import type { Cue } from '../../../../shared/cues/calls';
import type { DriftReport } from '../../../../shared/cues/drift';
import { driftByCue, driftTone, formatDrift } from './driftMatch';

function cue(id: number, startMs: number, label: string, kind: Cue['kind'] = 'sfx'): Cue {
  return { id, clipId: 1, startMs, endMs: null, label, note: '', kind, color: null, createdAt: 0, updatedAt: 0 };
}

const report: DriftReport = {
  state: 'measured',
  windowMs: 1000,
  directions: [
    { shot: 0, label: 'door slam', askedMs: 2000, heardMs: 2150, driftMs: 150 },
    { shot: 0, label: 'door slam', askedMs: 5000, heardMs: null, driftMs: null },
    { shot: 1, label: 'knock', askedMs: 4000, heardMs: 3920, driftMs: -80 },
  ],
};

test('pairs each sound cue with the same-label direction nearest it, once each', () => {
  const cues = [
    cue(1, 2000, 'Door  slam'),
    cue(2, 2100, 'door slam'),
    cue(3, 4900, 'door slam'),
    cue(4, 4000, 'knock', 'dialogue'),
    cue(5, 7000, 'knock'),
    cue(6, 3990, 'knock', 'music'),
  ];
  const paired = driftByCue(cues, report);
  expect([...paired].map(([id, d]) => [id, d.askedMs]).sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0))).toEqual([
    [1, 2000],
    [3, 5000],
    [6, 4000],
  ]);
  expect(driftByCue(cues, null).size).toBe(0);
});

test('reads drift with its sign and a tone for how far off it is', () => {
  expect(formatDrift(150)).toBe('+150 ms');
  expect(formatDrift(-80)).toBe('−80 ms');
  expect(formatDrift(0)).toBe('0 ms');
  expect(formatDrift(null)).toBe('not heard');
  expect([driftTone(-40), driftTone(41), driftTone(-120), driftTone(121), driftTone(null)]).toEqual([
    'on-time',
    'near',
    'near',
    'off',
    'missing',
  ]);
});

test('pairs a dialogue cue with the timed line it was written as, never with a sound of the same words', () => {
  const lines: DriftReport = {
    state: 'measured',
    windowMs: 1000,
    directions: [
      { shot: 0, label: 'Ana: "Who is there?"', askedMs: 3000, heardMs: 3120, driftMs: 120, kind: 'dialogue' },
      { shot: 0, label: 'Ana', askedMs: 3000, heardMs: 3000, driftMs: 0 },
    ],
  };
  const cues = [
    // The label is the line; the note ("softer") is never spoken.
    { ...cue(1, 3000, 'Ana: Who is there?', 'dialogue'), note: 'softer' },
    cue(2, 3050, 'Ana: Who is there?', 'dialogue'),
    cue(3, 3000, 'Ana', 'sfx'),
    // Written as Voice: "Ana", not as Ana's line.
    { ...cue(4, 3000, 'Ana', 'dialogue'), note: 'Who is there?' },
  ];
  const paired = driftByCue(cues, lines);
  expect(paired.get(1)?.driftMs).toBe(120);
  expect(paired.has(2)).toBe(false);
  expect(paired.get(3)?.driftMs).toBe(0);
  expect(paired.has(4)).toBe(false);
});

import { expect, test } from 'vitest';
import type { DriftDirection, DriftReport } from '../../../../shared/cues/drift';
import { pairDrift } from './compareDrift';

const d = (label: string, askedMs: number, heardMs: number | null): DriftDirection => ({
  shot: 0,
  label,
  askedMs,
  heardMs,
  driftMs: heardMs === null ? null : heardMs - askedMs,
});
const measured = (...directions: DriftDirection[]): DriftReport => ({ state: 'measured', windowMs: 1000, directions });

test('the same sound pairs across versions in asked order, whatever its case or spacing', () => {
  const a = measured(d('door slam', 5000, 5150), d('gull cry', 1000, 1020), d('door slam', 8000, 8000));
  const b = measured(d('Door  slam', 5200, 5210), d('door slam', 8100, null), d('thunder', 3000, 3400));
  expect(pairDrift(a, b)).toEqual([
    { label: 'gull cry', a: d('gull cry', 1000, 1020), b: null },
    { label: 'thunder', a: null, b: d('thunder', 3000, 3400) },
    { label: 'door slam', a: d('door slam', 5000, 5150), b: d('Door  slam', 5200, 5210) },
    { label: 'door slam', a: d('door slam', 8000, 8000), b: d('door slam', 8100, null) },
  ]);
});

test('a side with nothing to measure leaves its column empty; two such sides give no rows', () => {
  const none: DriftReport = { state: 'no_prompt', windowMs: 1000, directions: [] };
  expect(pairDrift(none, measured(d('bell', 2000, 2040)))).toEqual([
    { label: 'bell', a: null, b: d('bell', 2000, 2040) },
  ]);
  expect(pairDrift(none, null)).toEqual([]);
  expect(pairDrift(null, { state: 'no_directions', windowMs: 1000, directions: [] })).toEqual([]);
});

import { describe, expect, test } from 'vitest';
import type { LineageNode } from '../../../../shared/remix/calls';
import { formatDateTime } from '../../format/media';
import { pickerName, providerName, versionName, versionNumbers } from './versionNames';

const node = (id: number, createdAt: number, parentId: number | null = null, title = 'Lighthouse'): LineageNode => ({
  id,
  parentId,
  projectId: 1,
  title,
  provider: 'local',
  model: null,
  seed: null,
  durationMs: 1000,
  posterId: null,
  rating: null,
  createdAt,
  trashedAt: null,
  depth: 0,
  // The studio's number; versionNumbers counts from createdAt itself.
  version: 1,
});

describe('version names', () => {
  test('versions are numbered in the order they were made, ties by id', () => {
    const names = versionNumbers([node(5, 300, 2), node(2, 100), node(9, 200, 2), node(4, 200, 2)]);
    expect([...names.entries()]).toEqual([
      [2, 'v1'],
      [4, 'v2'],
      [9, 'v3'],
      [5, 'v4'],
    ]);
  });

  test('versions with titles of their own need no number', () => {
    const nodes = [node(1, 100), node(2, 200, 1, 'Lighthouse v2'), node(3, 300, 1), node(4, 400, 3, 'Storm')];
    const numbers = versionNumbers(nodes);
    expect([...numbers.entries()]).toEqual([
      [1, 'v1'],
      [3, 'v3'],
    ]);
    expect(nodes.map((n) => versionName(n, numbers))).toEqual([
      'v1 · Lighthouse',
      'Lighthouse v2',
      'v3 · Lighthouse',
      'Storm',
    ]);
  });

  test('providers by their studio name', () => {
    expect(providerName('local')).toBe('Built-in engine');
    expect(providerName('import')).toBe('Imported');
    expect(providerName('someday')).toBe('someday');
  });
});

test('every picker option reads alike: number, title, date; a long title cut at its end still tells v1 from v2', () => {
  const long = 'A very long clip title that describes the harbour at dawn';
  const at = (minutes: number): number => new Date(2026, 11, 3, 20, minutes).getTime();
  const family = [
    { ...node(1, at(14), null, long), version: 1 },
    { ...node(2, at(20), 1, `${long} v2`), version: 2 },
    { ...node(3, at(31), 1, 'Harbour at night'), version: 3 },
  ];
  expect(family.map((n) => pickerName(n))).toEqual([
    `v1 · ${long} · ${formatDateTime(at(14))}`,
    `v2 · ${long} · ${formatDateTime(at(20))}`,
    `v3 · Harbour at night · ${formatDateTime(at(31))}`,
  ]);
  // Titles that repeat (remixes from before titles were numbered) read the same way.
  const old = [node(4, at(1), null, long), { ...node(5, at(2), 4, long), version: 2 }];
  expect(old.map((n) => pickerName(n))).toEqual([
    `v1 · ${long} · ${formatDateTime(at(1))}`,
    `v2 · ${long} · ${formatDateTime(at(2))}`,
  ]);
  // A clip whose family has not loaded yet: its title and date, with the number it carries if any.
  expect(pickerName({ title: `${long} v3`, createdAt: at(5) })).toBe(`v3 · ${long} · ${formatDateTime(at(5))}`);
  expect(pickerName({ title: 'Storm', createdAt: at(5) })).toBe(`Storm · ${formatDateTime(at(5))}`);
});

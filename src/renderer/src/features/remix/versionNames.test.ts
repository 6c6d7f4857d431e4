import { describe, expect, test } from 'vitest';
import type { LineageNode } from '../../../../shared/remix/calls';
import { numberFirstName, providerName, versionName, versionNumbers } from './versionNames';

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

test('a picker names a version number first, so a long title cut at its end still tells v1 from v2', () => {
  const long = 'A very long clip title that describes the harbour at dawn';
  const family = [node(1, 100, null, long), node(2, 200, 1, `${long} v2`), node(3, 300, 1, 'Harbour at night')];
  const numbers = versionNumbers(family);
  expect(family.map((n) => numberFirstName(n, numbers))).toEqual([long, `v2 · ${long}`, 'Harbour at night']);
  // Titles that repeat (remixes from before titles were numbered) get their number in front too.
  const old = [node(4, 100, null, long), node(5, 200, 4, long)];
  expect(old.map((n) => numberFirstName(n, versionNumbers(old)))).toEqual([`v1 · ${long}`, `v2 · ${long}`]);
});

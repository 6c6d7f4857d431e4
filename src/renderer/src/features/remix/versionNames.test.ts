import { describe, expect, test } from 'vitest';
import type { LineageNode } from '../../../../shared/remix/calls';
import { providerName, versionNumbers } from './versionNames';

const node = (id: number, createdAt: number, parentId: number | null = null): LineageNode => ({
  id,
  parentId,
  projectId: 1,
  title: 'Lighthouse',
  provider: 'local',
  model: null,
  seed: null,
  durationMs: 1000,
  posterId: null,
  rating: null,
  createdAt,
  depth: 0,
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

  test('providers by their studio name', () => {
    expect(providerName('local')).toBe('Built-in engine');
    expect(providerName('import')).toBe('Imported');
    expect(providerName('someday')).toBe('someday');
  });
});

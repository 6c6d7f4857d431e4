import { describe, expect, test } from 'vitest';
import type { Clip } from '../../../../shared/domain';
import { clipAfter } from './clipAfter';

function pagesOf(ids: number[]) {
  return {
    indexOf: (id: number) => ids.indexOf(id),
    hitAt: (i: number) => (ids[i] === undefined ? undefined : { clip: { id: ids[i] } as Clip, snippet: null, version: null }),
  };
}

describe('the clip chosen after clips move to the Trash', () => {
  test('the next one after the last moved, at its index once they are gone', () => {
    expect(clipAfter(pagesOf([1, 2, 3, 4, 5]), [2])).toEqual({ clip: { id: 3 }, index: 1 });
    expect(clipAfter(pagesOf([1, 2, 3, 4, 5]), [2, 4])).toEqual({ clip: { id: 5 }, index: 2 });
    expect(clipAfter(pagesOf([1, 2, 3, 4, 5]), [2, 3])).toEqual({ clip: { id: 4 }, index: 1 });
  });

  test('at the end of the list, the one before', () => {
    expect(clipAfter(pagesOf([1, 2, 3]), [3])).toEqual({ clip: { id: 2 }, index: 1 });
    expect(clipAfter(pagesOf([1, 2, 3]), [2, 3])).toEqual({ clip: { id: 1 }, index: 0 });
  });

  test('none when nothing is left or the clips are not loaded', () => {
    expect(clipAfter(pagesOf([1, 2]), [1, 2])).toBeNull();
    expect(clipAfter(pagesOf([1, 2]), [9])).toBeNull();
  });
});

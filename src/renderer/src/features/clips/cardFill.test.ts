import { expect, test } from 'vitest';
import { fillBudget, fillCards } from './cardFill';

test('cards already built stay; new ones are built up to the budget, the most wanted first', () => {
  const fill = fillCards([7, 1, 2, 3, 8, 4], new Set([7, 8]), 2);
  expect([...fill.build]).toEqual([7, 1, 2, 8]);
  expect(fill.deferred).toBe(true);
});

test('nothing waits when the new cards fit the budget', () => {
  const fill = fillCards([1, 2, 3], new Set([1]), 2);
  expect([...fill.build]).toEqual([1, 2, 3]);
  expect(fill.deferred).toBe(false);
});

test('a frame builds at least a whole row, so a fling never waits for its rows', () => {
  expect(fillBudget(3)).toBe(8);
  expect(fillBudget(12)).toBe(12);
});

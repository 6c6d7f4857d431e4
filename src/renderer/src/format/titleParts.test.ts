import { expect, test } from 'vitest';
import { titleParts } from './titleParts';

test('a long title keeps its last words, the version number among them, whole at the end', () => {
  expect(titleParts('A very long clip title that describes the harbour at dawn v2')).toEqual({
    head: 'A very long clip title that describes the',
    tail: ' harbour at dawn v2',
  });
  const one = titleParts('A very long clip title that describes the harbour at dawn');
  const two = titleParts('A very long clip title that describes the harbour at night');
  expect(one.tail).not.toBe(two.tail);
  expect(one.head + one.tail).toBe('A very long clip title that describes the harbour at dawn');
});

test('a short title stays whole, and one without spaces near its end is cut inside its last word', () => {
  expect(titleParts('Lighthouse at dusk v2')).toEqual({ head: 'Lighthouse at dusk v2', tail: '' });
  const joined = titleParts('harbour_at_dawn_seen_from_the_gallery_take_02');
  expect(joined.tail).toBe('allery_take_02');
  expect(joined.head + joined.tail).toBe('harbour_at_dawn_seen_from_the_gallery_take_02');
});

test('a closing aside is the end kept: an imported project reads apart from its original', () => {
  expect(titleParts("The Lighthouse Keeper's Daughter, foley pass (imported)")).toEqual({
    head: "The Lighthouse Keeper's Daughter, foley pass",
    tail: ' (imported)',
  });
  expect(titleParts('Harbour at dawn, wide, from the pier (imported 2)').tail).toBe(' (imported 2)');
  // An aside too long to keep whole is cut as any end is.
  const long = titleParts('Harbour at dawn (seen from the far end of the long pier)');
  expect(long.tail.length).toBeLessThanOrEqual(28);
  expect(long.head + long.tail).toBe('Harbour at dawn (seen from the far end of the long pier)');
});

test('kept to its aside, a name without one is cut at its end', () => {
  expect(titleParts("The Lighthouse Keeper's Daughter, foley pass", 'aside')).toEqual({
    head: "The Lighthouse Keeper's Daughter, foley pass",
    tail: '',
  });
  expect(titleParts("The Lighthouse Keeper's Daughter, foley pass (imported)", 'aside').tail).toBe(' (imported)');
});

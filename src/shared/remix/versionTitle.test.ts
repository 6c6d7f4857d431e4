import { expect, test } from 'vitest';
import { baseTitle, remixTitle, titleVersion } from './versionTitle';

test('a remix that keeps its parent’s title gets the family’s next version number', () => {
  expect(remixTitle('Lighthouse at dusk', 'Lighthouse at dusk', ['Lighthouse at dusk', 'Lighthouse at dusk'])).toBe(
    'Lighthouse at dusk v2',
  );
  // A remix of v2 whose prompt still says the first title: the third version of the family.
  expect(
    remixTitle('Lighthouse at dusk', 'Lighthouse at dusk v2', [
      'Lighthouse at dusk',
      'Lighthouse at dusk v2',
      'Lighthouse at dusk',
    ]),
  ).toBe('Lighthouse at dusk v3');
  // Titles compare without regard to case.
  expect(remixTitle('lighthouse AT dusk', 'Lighthouse at dusk', ['Lighthouse at dusk', 'lighthouse AT dusk'])).toBe(
    'Lighthouse at dusk v2',
  );
});

test('numbers never repeat, even when a version was deleted for good', () => {
  // v2 is gone; v3 remains: the next is v4, not another v3.
  expect(remixTitle('Tide', 'Tide v3', ['Tide', 'Tide v3', 'Tide'])).toBe('Tide v4');
});

test('a remix whose prompt gives it a title of its own keeps it', () => {
  expect(
    remixTitle('Lighthouse in a storm', 'Lighthouse at dusk', ['Lighthouse at dusk', 'Lighthouse in a storm']),
  ).toBe('Lighthouse in a storm');
});

test('version numbers are read off titles', () => {
  expect(baseTitle('Harbour v12')).toBe('Harbour');
  expect(titleVersion('Harbour v12')).toBe(12);
  expect(titleVersion('Harbour')).toBeNull();
  expect(titleVersion('Harbour v')).toBeNull();
  expect(baseTitle('Dawn over v2 Street')).toBe('Dawn over v2 Street');
});

import { expect, test } from 'vitest';
import { formatBytes } from './bytes';

test('sizes read like a file manager shows them', () => {
  expect(formatBytes(0)).toBe('0 B');
  expect(formatBytes(999)).toBe('999 B');
  expect(formatBytes(1000)).toBe('1.0 KB');
  expect(formatBytes(1_250_000)).toBe('1.3 MB');
  expect(formatBytes(48_600_000)).toBe('49 MB');
  expect(formatBytes(3_200_000_000)).toBe('3.2 GB');
  expect(formatBytes(5e15)).toBe('5,000 TB');
});

import { expect, test } from 'vitest';
import { DEFAULT_KIND_COLORS } from '../../../../shared/cues/types';
import { parseKindColors, serialiseKindColors } from './kindColors';

test('stored kind colours come back over the defaults, and only changed kinds are stored', () => {
  const colors = { ...DEFAULT_KIND_COLORS, music: '#112233' };
  const stored = serialiseKindColors(colors);
  expect(stored).toBe('{"music":"#112233"}');
  expect(parseKindColors(stored)).toEqual(colors);
  expect(serialiseKindColors(DEFAULT_KIND_COLORS)).toBeNull();
});

test('anything unreadable in storage is the default colour again', () => {
  expect(parseKindColors(null)).toEqual(DEFAULT_KIND_COLORS);
  expect(parseKindColors('not json')).toEqual(DEFAULT_KIND_COLORS);
  expect(parseKindColors('{"sfx":"red","note":"#ABCDEF","dialogue":"#000000"}')).toEqual({
    ...DEFAULT_KIND_COLORS,
    dialogue: '#000000',
  });
});

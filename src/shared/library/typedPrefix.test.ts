import { expect, test } from 'vitest';
import { startsAsTyped } from './typedPrefix';

test.each([
  ['Café crème', 'cafe', true],
  ['Café crème', 'CAFÉ', true],
  ['café crème', 'Café c', true],
  ['cafe ambience', 'café', false],
  ['Été', 'é', true],
  ['Été', 'e', true],
  ['été', 'É', true],
  ['Ñandú', 'nandu', true],
  ['Ñandú', 'ñ', true],
  ['nandu', 'ñ', false],
  // Stored decomposed (e + a combining accent) it is the same letter.
  ['cafe\u0301 noir', 'café', true],
  ['rain', 'rainy', false],
  ['rain', '', true],
])('"%s" starts with "%s" as typed: %s', (text, prefix, expected) => {
  expect(startsAsTyped(text, prefix)).toBe(expected);
});

import { expect, test } from 'vitest';
import { startsAsTyped, typedMatch } from './typedPrefix';

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

test.each([
  ['Café crème', 'creme', 'word'],
  ['Café crème', 'CRÈME', 'word'],
  ['Café crème', 'café cr', 'start'],
  ['Café crème', 'cafe', 'start'],
  ['cafe creme', 'crème', null],
  ['rain-soaked street', 'soaked', 'word'],
  ['rain-soaked street', 'street', 'word'],
  ['100%_done', 'done', 'word'],
  ['storm 🌧', '🌧', 'word'],
  // Inside a word is not a word's start, an accented letter included.
  ['Café crème', 'reme', null],
  ['Café crème', 'me', null],
  ['cafe\u0301crème', 'creme', null],
  ['nightfall', 'fall', null],
  ['rain', '', 'start'],
  ['rain', 'rainy', null],
])('"%s" matches "%s" as typed: %s', (text, prefix, expected) => {
  expect(typedMatch(text, prefix)).toBe(expected);
});

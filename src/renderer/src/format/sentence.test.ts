import { expect, test } from 'vitest';
import { sentence } from './sentence';

test('a message starts with a capital letter', () => {
  expect(sentence('shot 3: the camera move is not understood')).toBe('Shot 3: the camera move is not understood');
  expect(sentence('Already a sentence.')).toBe('Already a sentence.');
  expect(sentence('')).toBe('');
});

test('a message that starts with a file name shows the name exactly as it is', () => {
  const refused = 'my-project.shotline cannot be imported: it is not a Shotline project bundle. Nothing was imported.';
  expect(sentence(refused, ['my-project.shotline'])).toBe(refused);
  // Known or not, a first word that reads as a file name is left alone.
  expect(sentence(refused)).toBe(refused);
  expect(sentence('take_02.final.mp4: no video stream')).toBe('take_02.final.mp4: no video stream');
  expect(sentence('été 2024.shotline cannot be imported', ['été 2024.shotline'])).toBe(
    'été 2024.shotline cannot be imported',
  );
});

test('a sentence ending in a full stop is not taken for a file name', () => {
  expect(sentence('nothing to import.')).toBe('Nothing to import.');
  expect(sentence('e.g. a clip')).toBe('E.g. a clip');
});

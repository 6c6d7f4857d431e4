import { expect, test } from 'vitest';
import { article, withArticle } from './article';

test('a or an as the word or number is read aloud', () => {
  expect(withArticle('audio/wav')).toBe('an audio/wav');
  expect(withArticle('video/mp4')).toBe('a video/mp4');
  expect(withArticle('image/png')).toBe('an image/png');
  expect(['8', '80', '800', '11', '18', '11000', '18500'].map(article)).toEqual(Array(7).fill('an'));
  expect(['1', '10', '110', '180', '4', '1100'].map(article)).toEqual(Array(6).fill('a'));
});

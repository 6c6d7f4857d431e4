import { expect, test } from 'vitest';
import { aroundFirstMatch } from './snippetWindow';

test('a match deep in the snippet is brought near the start, cut on a word, led by an ellipsis', () => {
  const parts = [
    { text: '…the camera drifts slowly past the old harbour wall as fishing boats return under ', match: false },
    { text: 'lantern', match: true },
    { text: ' light while gulls circle', match: false },
  ];
  const shown = aroundFirstMatch(parts);
  expect(shown).toEqual([
    { text: '…return under ', match: false },
    { text: 'lantern', match: true },
    { text: ' light while gulls circle', match: false },
  ]);
});

test('a match already near the start, or at it, is left as it is', () => {
  const near = [
    { text: 'Scene: a ', match: false },
    { text: 'lantern', match: true },
    { text: ' in fog', match: false },
  ];
  expect(aroundFirstMatch(near)).toEqual(near);
  const first = [
    { text: 'lantern', match: true },
    { text: ' in fog, a long line of words after it', match: false },
  ];
  expect(aroundFirstMatch(first)).toEqual(first);
  expect(aroundFirstMatch([{ text: 'no match', match: false }])).toEqual([{ text: 'no match', match: false }]);
});

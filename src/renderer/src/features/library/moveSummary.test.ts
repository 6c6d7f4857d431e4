import { expect, test } from 'vitest';
import type { MoveAlready } from '../../../../shared/library/calls';
import { moveSummary } from './moveSummary';

const stayed = (title: string, sameAs = title, clipId = 1): MoveAlready => ({
  clipId,
  title,
  sameAs: { clipId: clipId + 100, title: sameAs },
});

test('a move with nothing held back says how many went', () => {
  expect(moveSummary('Selects', 2, [])).toEqual({ tone: 'success', title: 'Moved 2 clips to “Selects”', message: '' });
  expect(moveSummary('Selects', 1, []).title).toBe('Moved 1 clip to “Selects”');
});

test('a clip held back is named, with the clip there that has its file when that is called otherwise', () => {
  expect(moveSummary('Selects', 2, [stayed('Harbour', 'Harbour take 1')])).toEqual({
    tone: 'success',
    title: 'Moved 2 clips to “Selects”',
    message: '“Harbour” stayed here: “Selects” already has its file as “Harbour take 1”',
  });
  expect(moveSummary('Selects', 0, [stayed('Harbour')])).toEqual({
    tone: 'info',
    title: 'Nothing moved to “Selects”',
    message: '“Harbour” stayed here: “Selects” already has its file',
  });
});

test('several held back are named, the first three, and the rest counted', () => {
  const five = ['A', 'B', 'C', 'D', 'E'].map((title, i) => stayed(title, title, i + 1));
  expect(moveSummary('Selects', 1, five.slice(0, 2)).message).toBe(
    '2 clips stayed here, since “Selects” already has their files: A, B',
  );
  expect(moveSummary('Selects', 0, five)).toEqual({
    tone: 'info',
    title: 'Nothing moved to “Selects”',
    message: '5 clips stayed here, since “Selects” already has their files: A, B, C and 2 more',
  });
});

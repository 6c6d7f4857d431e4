import { expect, test } from 'vitest';
import { CueLabel } from '../../../../shared/cues/types';
import { LABEL_MAX, labelProblem } from './labelProblem';

test('a label the schema takes has no problem', () => {
  for (const text of ['door slam', '  padded  ', 'x'.repeat(LABEL_MAX)]) {
    expect(labelProblem(text)).toBeNull();
    expect(CueLabel.safeParse(text).success).toBe(true);
  }
});

test('a label too long says by how much to shorten it', () => {
  expect(labelProblem('x'.repeat(215))).toBe(
    'This label is 215 characters; a cue label takes at most 200. Shorten it by 15 (longer text can go in the note).',
  );
});

test('a tab, a line break or a control character is named, with where such text can go', () => {
  expect(labelProblem('door\tslam')).toBe('A cue label is one line: remove the tab. Longer text can go in the note.');
  expect(labelProblem('door\nslam')).toBe(
    'A cue label is one line: remove the line break. Longer text can go in the note.',
  );
  expect(labelProblem('door\u0007slam')).toContain('remove the invisible control character');
  expect(labelProblem('  ')).toContain('A cue needs a label');
});

test('every label the schema refuses has a problem to show', () => {
  for (const text of ['', '\t', 'a\tb', 'y'.repeat(201), 'a\u202eb']) {
    expect(CueLabel.safeParse(text).success).toBe(false);
    expect(labelProblem(text)).not.toBeNull();
  }
});

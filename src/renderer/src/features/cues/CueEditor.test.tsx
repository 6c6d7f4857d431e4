import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef } from 'react';
import { expect, test, vi } from 'vitest';
import type { Cue } from '../../../../shared/cues/calls';
import { CueEditor } from './CueEditor';

const cue: Cue = {
  id: 1,
  clipId: 4,
  startMs: 2000,
  endMs: null,
  label: 'Cue 1',
  note: '',
  kind: 'sfx',
  color: null,
  createdAt: 0,
  updatedAt: 0,
};

function editor() {
  const onChange = vi.fn();
  render(<CueEditor cue={cue} labelInput={createRef()} onChange={onChange} onDelete={vi.fn()} />);
  return { onChange, label: screen.getByRole('textbox', { name: 'Cue label' }) };
}

test('Enter commits the label once and hands the keys back to the timeline', async () => {
  const { onChange, label } = editor();
  await userEvent.clear(label);
  await userEvent.type(label, 'door slam{Enter}');
  expect(onChange).toHaveBeenCalledTimes(1);
  expect(onChange).toHaveBeenCalledWith({ label: 'door slam' });
  expect(document.activeElement).not.toBe(label);
  // The timeline's next key is not typed into the label.
  await userEvent.keyboard('m');
  expect(label).toHaveProperty('value', 'door slam');
});

test('Escape puts the label back as it was and commits nothing', async () => {
  const { onChange, label } = editor();
  await userEvent.type(label, ' typed by mistake{Escape}');
  expect(onChange).not.toHaveBeenCalled();
  expect(label).toHaveProperty('value', 'Cue 1');
  expect(document.activeElement).not.toBe(label);
});

test('an empty label is refused on Enter and the field keeps focus to fix it', async () => {
  const { onChange, label } = editor();
  await userEvent.clear(label);
  await userEvent.type(label, '{Enter}');
  expect(onChange).not.toHaveBeenCalled();
  expect(document.activeElement).toBe(label);
});

test('leaving the field commits what was typed', async () => {
  const { onChange, label } = editor();
  await userEvent.type(label, '!');
  await userEvent.tab();
  expect(onChange).toHaveBeenCalledWith({ label: 'Cue 1!' });
});

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

test('a label over 200 characters is refused next to the field, saying what to do, and keeps the text', async () => {
  const onDraft = vi.fn();
  const onChange = vi.fn();
  render(<CueEditor cue={cue} labelInput={createRef()} onChange={onChange} onDelete={vi.fn()} onDraft={onDraft} />);
  const label = screen.getByRole('textbox', { name: 'Cue label' });
  const long = 'a'.repeat(205);
  await userEvent.clear(label);
  await userEvent.click(label);
  await userEvent.paste(long);
  await userEvent.keyboard('{Enter}');
  expect(onChange).not.toHaveBeenCalled();
  expect(label).toHaveProperty('value', long);
  expect(label.getAttribute('aria-invalid')).toBe('true');
  // The message is the field's description, so a screen reader reads it with the field.
  const said = document.getElementById(label.getAttribute('aria-describedby') ?? '');
  expect(said).toBe(screen.getByRole('alert'));
  expect(said?.textContent).toBe(
    'This label is 205 characters; a cue label takes at most 200. Shorten it by 5 (longer text can go in the note).',
  );
  expect(onDraft).toHaveBeenLastCalledWith(long);
  // Fixed by typing: the message goes as the label becomes one that can be stored.
  await userEvent.keyboard('{Backspace>5/}');
  expect(screen.queryByRole('alert')).toBeNull();
  expect(onDraft).toHaveBeenLastCalledWith(null);
});

test('a pasted tab is named and nothing is stored; the draft comes back when the editor returns', async () => {
  const onChange = vi.fn();
  const { unmount } = render(<CueEditor cue={cue} labelInput={createRef()} onChange={onChange} onDelete={vi.fn()} />);
  const label = screen.getByRole('textbox', { name: 'Cue label' });
  await userEvent.clear(label);
  await userEvent.click(label);
  await userEvent.paste('door\tslam');
  await userEvent.tab();
  expect(onChange).not.toHaveBeenCalled();
  expect(screen.getByRole('alert').textContent).toContain('A cue label is one line: remove the tab.');
  unmount();
  render(<CueEditor cue={cue} labelInput={createRef()} onChange={onChange} onDelete={vi.fn()} draft={'door\tslam'} />);
  expect(screen.getByRole('textbox', { name: 'Cue label' })).toHaveProperty('value', 'door\tslam');
  expect(screen.getByRole('alert').textContent).toContain('remove the tab');
});

test('a new cue takes focus in its label with what was typed before it appeared, and a typed Enter commits it', () => {
  const onChange = vi.fn();
  const input = createRef<HTMLInputElement>();
  render(
    <CueEditor
      cue={cue}
      labelInput={input}
      onChange={onChange}
      onDelete={vi.fn()}
      claimTyped={() => ({ text: 'door', enter: false })}
    />,
  );
  const label = screen.getByRole('textbox', { name: 'Cue label' });
  expect(document.activeElement).toBe(label);
  expect(label).toHaveProperty('value', 'door');
  expect(label).toHaveProperty('selectionStart', 4);
  expect(onChange).not.toHaveBeenCalled();
});

test('a new cue typed and entered before it appeared is labelled at once', () => {
  const onChange = vi.fn();
  render(
    <CueEditor
      cue={cue}
      labelInput={createRef()}
      onChange={onChange}
      onDelete={vi.fn()}
      claimTyped={() => ({ text: 'door slam', enter: true })}
    />,
  );
  expect(onChange).toHaveBeenCalledWith({ label: 'door slam' });
  expect(document.activeElement).not.toBe(screen.getByRole('textbox', { name: 'Cue label' }));
});

test('a new cue with nothing typed yet has its default label selected, to type over', () => {
  render(
    <CueEditor
      cue={cue}
      labelInput={createRef()}
      onChange={vi.fn()}
      onDelete={vi.fn()}
      claimTyped={() => ({ text: '', enter: false })}
    />,
  );
  const label = screen.getByRole('textbox', { name: 'Cue label' });
  expect(document.activeElement).toBe(label);
  expect(label).toHaveProperty('selectionEnd', 'Cue 1'.length);
});

test('a note pasted from a spreadsheet keeps its words: a tab becomes a space, and the box shows what is stored', async () => {
  const { onChange } = editor();
  const note = screen.getByRole('textbox', { name: 'Cue note' });
  await userEvent.click(note);
  await userEvent.paste('louder\there\r\nthen a breath');
  expect(note).toHaveProperty('value', 'louder here\nthen a breath');
  await userEvent.tab();
  expect(onChange).toHaveBeenCalledWith({ note: 'louder here\nthen a breath' });
});

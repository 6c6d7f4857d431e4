import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test, vi } from 'vitest';
import type { Cue } from '../../../../shared/cues/calls';
import { StudioError } from '../../../../shared/errors';
import { fakeStudio } from '../../../../../test/renderer/fakeStudio';
import { aClip } from '../../../../../test/renderer/records';
import { ToastProvider } from '../../components/Toasts';
import { CuesToPromptButton } from './CuesToPrompt';

const clip = aClip({
  id: 4,
  projectId: 9,
  title: 'Hallway',
  promptText: 'Title: Hallway\nScene: An empty hallway.\nAudio: room tone\nDuration: 4s',
  provider: 'local',
  durationMs: 4000,
});
const slam: Cue = {
  id: 1,
  clipId: 4,
  startMs: 2000,
  endMs: null,
  label: 'door slam',
  note: '',
  kind: 'sfx',
  color: null,
  createdAt: 0,
  updatedAt: 0,
};
const DRAFT = 'Title: Rooftop\nScene: A rooftop at night.\nAudio: wind\nDuration: 3s';

function setUp(draft: string | null, cues: readonly Cue[] = [slam]) {
  const saved: string[] = [];
  fakeStudio.answer('drafts.get', () => (draft === null ? null : { text: draft, updatedAt: 5 }));
  fakeStudio.answer('drafts.save', ({ text }) => {
    saved.push(text);
    return { updatedAt: 6 };
  });
  const onOpenPrompt = vi.fn();
  const onError = vi.fn();
  render(
    <ToastProvider>
      <CuesToPromptButton clip={clip} cues={cues} onOpenPrompt={onOpenPrompt} onError={onError} />
    </ToastProvider>,
  );
  return { saved, onOpenPrompt, onError, user: userEvent.setup() };
}

test('with no draft in the project, writes the directions and opens the Prompt view without asking', async () => {
  const { saved, onOpenPrompt, user } = setUp(null);
  await user.click(screen.getByRole('button', { name: 'Cues to prompt' }));
  await waitFor(() => expect(onOpenPrompt).toHaveBeenCalledTimes(1));
  expect(screen.queryByRole('dialog')).toBeNull();
  expect(saved).toEqual([
    'Title: Hallway\nScene: An empty hallway.\nAudio: room tone, door slam at 00:02\nDuration: 4s',
  ]);
});

test('an empty draft is replaced without asking', async () => {
  const { saved, onOpenPrompt, user } = setUp('  \n');
  await user.click(screen.getByRole('button', { name: 'Cues to prompt' }));
  await waitFor(() => expect(onOpenPrompt).toHaveBeenCalledTimes(1));
  expect(saved).toHaveLength(1);
});

test('a draft being written is kept when the creator says so: nothing is saved and the view stays', async () => {
  const { saved, onOpenPrompt, user } = setUp(DRAFT);
  await user.click(screen.getByRole('button', { name: 'Cues to prompt' }));
  const dialog = await screen.findByRole('dialog', { name: 'Replace the prompt draft?' });
  expect(dialog.textContent).toContain('“Title: Rooftop”');
  expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Keep the draft' }));
  await user.click(screen.getByRole('button', { name: 'Keep the draft' }));
  expect(screen.queryByRole('dialog')).toBeNull();
  expect(saved).toEqual([]);
  expect(onOpenPrompt).not.toHaveBeenCalled();
});

test('replacing the draft writes the clip’s prompt with the directions in its place', async () => {
  const { saved, onOpenPrompt, user } = setUp(DRAFT);
  await user.click(screen.getByRole('button', { name: 'Cues to prompt' }));
  await user.click(await screen.findByRole('button', { name: 'Replace the draft' }));
  await waitFor(() => expect(onOpenPrompt).toHaveBeenCalledTimes(1));
  expect(saved).toEqual([
    'Title: Hallway\nScene: An empty hallway.\nAudio: room tone, door slam at 00:02\nDuration: 4s',
  ]);
  expect(screen.queryByRole('dialog')).toBeNull();
});

test('adding writes the directions into the draft as it is', async () => {
  const { saved, onOpenPrompt, user } = setUp(DRAFT);
  await user.click(screen.getByRole('button', { name: 'Cues to prompt' }));
  await user.click(await screen.findByRole('button', { name: 'Add to the draft' }));
  await waitFor(() => expect(onOpenPrompt).toHaveBeenCalledTimes(1));
  expect(saved).toEqual(['Title: Rooftop\nScene: A rooftop at night.\nAudio: wind, door slam at 00:02\nDuration: 3s']);
});

test('a draft that cannot be saved keeps the dialog open with the studio’s message', async () => {
  const { onOpenPrompt, user } = setUp(DRAFT);
  fakeStudio.answer('drafts.save', () => {
    throw new StudioError('internal', 'The draft could not be written: disk full');
  });
  await user.click(screen.getByRole('button', { name: 'Cues to prompt' }));
  await user.click(await screen.findByRole('button', { name: 'Replace the draft' }));
  expect((await screen.findByRole('alert')).textContent).toContain('The draft could not be written: disk full');
  expect(screen.getByRole('dialog')).toBeTruthy();
  expect(onOpenPrompt).not.toHaveBeenCalled();
});

test('note cues are left out and the creator is told so; a dialogue cue speaks its label and keeps its note', async () => {
  const note = (id: number, label: string): Cue => ({ ...slam, id, label, kind: 'note', startMs: 1000 });
  const line: Cue = { ...slam, id: 5, label: 'Where were you?', note: 'whispered, close', kind: 'dialogue' };
  const { saved, onOpenPrompt, onError, user } = setUp(null, [
    slam,
    line,
    note(6, 'fix the grade'),
    note(7, 'too dark'),
  ]);
  await user.click(screen.getByRole('button', { name: 'Cues to prompt' }));
  await waitFor(() => expect(onOpenPrompt).toHaveBeenCalledTimes(1));
  expect(saved).toEqual([
    'Title: Hallway\nScene: An empty hallway.\nAudio: room tone, door slam at 00:02\nDuration: 4s\nDialogue: [00:02] Voice: "Where were you?"',
  ]);
  const toast = await screen.findByRole('status');
  expect(toast.textContent).toContain('Wrote 2 cues into the prompt draft');
  expect(toast.textContent).toContain('2 note cues left out: notes are not directions.');
  expect(onError).not.toHaveBeenCalled();
});

test('only note cues: nothing is written, the view stays, and the creator is told why', async () => {
  const { saved, onOpenPrompt, onError, user } = setUp(null, [{ ...slam, kind: 'note' }]);
  await user.click(screen.getByRole('button', { name: 'Cues to prompt' }));
  await waitFor(() => expect(onError).toHaveBeenCalledTimes(1));
  expect(onError.mock.calls[0]?.[0]).toBe(
    'Nothing to write into the prompt: note cues are not directions. Give a cue the kind sfx, dialogue, music or ambience to write it as a direction.',
  );
  expect(saved).toEqual([]);
  expect(onOpenPrompt).not.toHaveBeenCalled();
});

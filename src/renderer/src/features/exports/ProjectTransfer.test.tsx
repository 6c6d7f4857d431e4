import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, expect, test } from 'vitest';
import { StudioError } from '../../../../shared/errors';
import { fakeStudio } from '../../../../../test/renderer/fakeStudio';
import { ProjectTransfer } from './ProjectTransfer';

beforeEach(() => fakeStudio.reset());

/** Chooses a bundle in "Import project…" and returns the refusal shown. */
async function refusedImport(fileName: string, message: string): Promise<HTMLElement> {
  const user = userEvent.setup();
  fakeStudio.answer('exports.importProject', () => {
    throw new StudioError('invalid_input', message);
  });
  const { container } = render(<ProjectTransfer project={null} onImported={() => undefined} />);
  const input = container.querySelector<HTMLInputElement>('input[type="file"]');
  if (!input) throw new Error('no file input');
  await user.upload(input, new File(['not a bundle'], fileName));
  return await waitFor(() => screen.getByRole('alert'));
}

test('a refused bundle is named exactly as its file is, never with a capital added', async () => {
  const message = 'my-project.shotline cannot be imported: it is not a Shotline project bundle. Nothing was imported.';
  const alert = await refusedImport('my-project.shotline', message);
  const shown = alert.querySelector('.transfer__message');
  expect(shown?.textContent).toBe(message);
  // A style that capitalises the first letter would show "My-project.shotline" whatever the text says.
  expect(shown?.classList.contains('sentence')).toBe(false);
});

test('a refusal in lower case reads as a sentence', async () => {
  const alert = await refusedImport('Take.shotline', 'the library is busy: try again in a moment.');
  expect(alert.querySelector('.transfer__message')?.textContent).toBe('The library is busy: try again in a moment.');
});

test('Export project… keeps the focus in the region while it runs, then gives it back to the button', async () => {
  const user = userEvent.setup();
  let finish: (value: {
    file: { id: string; fileName: string; bytes: number; kind: 'bundle'; clipId: null };
    clips: number;
    trashed: number;
    cues: number;
  }) => void = () => undefined;
  fakeStudio.answer(
    'exports.project',
    () =>
      new Promise((resolve) => {
        finish = resolve;
      }),
  );
  const project = { id: 3, name: 'Harbour', createdAt: 1, updatedAt: 1, archived: false, clipCount: 0 };
  render(<ProjectTransfer project={project} onImported={() => undefined} />);
  const button = screen.getByRole('button', { name: 'Export project…' });
  await user.click(button);
  await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('region', { name: 'Project files' })));
  finish({
    file: { id: 'a'.repeat(32), fileName: 'Harbour.shotline', bytes: 1, kind: 'bundle', clipId: null },
    clips: 0,
    trashed: 0,
    cues: 0,
  });
  await screen.findByText(/Exported “Harbour”/);
  expect(document.activeElement).toBe(button);
});

test('Dismiss gives the focus back to the button whose work the message told of, else to the first action, never to the page', async () => {
  const user = userEvent.setup();
  fakeStudio.answer('exports.project', () => ({
    file: { id: 'a'.repeat(32), fileName: 'Harbour.shotline', bytes: 1, kind: 'bundle' as const, clipId: null },
    clips: 0,
    trashed: 0,
    cues: 0,
  }));
  const project = { id: 3, name: 'Harbour', createdAt: 1, updatedAt: 1, archived: false, clipCount: 0 };
  const view = render(<ProjectTransfer project={project} onImported={() => undefined} />);
  const exportButton = screen.getByRole('button', { name: 'Export project…' });
  await user.click(exportButton);
  await screen.findByText(/Exported “Harbour”/);
  await user.click(screen.getByRole('button', { name: 'Dismiss' }));
  expect(screen.queryByText(/Exported “Harbour”/)).toBeNull();
  expect(document.activeElement).toBe(exportButton);
  view.unmount();

  // A refused bundle chosen without a press on its button: the first action takes the focus.
  const alert = await refusedImport('Take.shotline', 'the library is busy: try again in a moment.');
  await user.click(within(alert).getByRole('button', { name: 'Dismiss' }));
  expect(screen.queryByRole('alert')).toBeNull();
  expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Import project…' }));
});

test('an imported bundle counts the clips the project shows, and those that arrived in the Trash apart', async () => {
  const user = userEvent.setup();
  const project = { id: 9, name: 'Harbour (imported)', createdAt: 1, updatedAt: 1, archived: false, clipCount: 4 };
  fakeStudio.answer('exports.importProject', () => ({ project, clips: 4, trashed: 1, cues: 3, notes: [] }));
  const { container } = render(<ProjectTransfer project={null} onImported={() => undefined} />);
  const input = container.querySelector<HTMLInputElement>('input[type="file"]');
  if (!input) throw new Error('no file input');
  await user.upload(input, new File(['bundle'], 'Harbour.shotline'));
  await waitFor(() =>
    expect(screen.getByRole('status').textContent).toContain(
      'Imported “Harbour (imported)”: 4 clips, 3 cues; 1 more clip is in the Trash, as in the original project.',
    ),
  );
});

test('an exported bundle counts the clips the project shows, and those of its Trash that go with them apart', async () => {
  const user = userEvent.setup();
  fakeStudio.answer('exports.project', () => ({
    file: { id: 'b'.repeat(32), fileName: 'Harbour 2026-12-05.shotline', bytes: 1, kind: 'bundle' as const, clipId: null },
    clips: 4,
    trashed: 1,
    cues: 3,
  }));
  const project = { id: 3, name: 'Harbour', createdAt: 1, updatedAt: 1, archived: false, clipCount: 4 };
  render(<ProjectTransfer project={project} onImported={() => undefined} />);
  await user.click(screen.getByRole('button', { name: 'Export project…' }));
  await waitFor(() =>
    expect(screen.getByRole('status').textContent).toContain(
      'Exported “Harbour”: 4 clips (and 1 in the Trash), 3 cues',
    ),
  );
});

import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test, vi } from 'vitest';
import { fakeStudio } from '../../../../../test/renderer/fakeStudio';
import { ExportCuesMenu } from './CueFiles';

const FILE = { fileName: 'Hallway cues.csv', mimeType: 'text/csv', text: 'start,end,label\n2.000000,,door slam\n' };

async function exportCsv(onSaved = vi.fn()) {
  fakeStudio.answer('cues.export', () => FILE);
  const user = userEvent.setup();
  render(<ExportCuesMenu clipId={4} disabled={false} onSaved={onSaved} />);
  await user.click(screen.getByRole('button', { name: 'Export cues' }));
  await user.click(screen.getByRole('menuitem', { name: 'CSV' }));
  return onSaved;
}

test('in the desktop app an export goes to the save dialog with its name, type and text, and says where it went', async () => {
  fakeStudio.answerSave((file) => ({ outcome: 'saved', path: `/home/maya/Documents/${file.fileName}` }));
  const onSaved = await exportCsv();
  await waitFor(() => expect(onSaved).toHaveBeenCalledWith('/home/maya/Documents/Hallway cues.csv'));
  expect(fakeStudio.calls).toContainEqual({ name: 'cues.export', input: { clipId: 4, format: 'csv' } });
  expect(fakeStudio.saved).toEqual([FILE]);
  expect(screen.queryByRole('menu')).toBeNull();
});

test('a canceled save dialog writes nothing and says nothing', async () => {
  const onSaved = await exportCsv();
  await waitFor(() => expect(fakeStudio.saved).toHaveLength(1));
  expect(onSaved).not.toHaveBeenCalled();
  expect(screen.queryByRole('alert')).toBeNull();
});

test('a file the desktop could not write shows why', async () => {
  fakeStudio.answerSave(() => ({ outcome: 'failed', message: 'Hallway cues.csv could not be written: EACCES' }));
  const onSaved = await exportCsv();
  expect((await screen.findByRole('alert')).textContent).toBe('Hallway cues.csv could not be written: EACCES');
  expect(onSaved).not.toHaveBeenCalled();
});

import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test, vi } from 'vitest';
import { fakeStudio } from '../../../../../test/renderer/fakeStudio';
import { StudioError } from '../../../../shared/errors';
import { studio } from '../../api/client';
import { ExportCuesMenu, ImportCuesButton, importedNotice } from './CueFiles';

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

test('a file whose name says no format asks which, offering every format the timeline reads', async () => {
  const importCues = vi.fn(() =>
    Promise.resolve({
      skipped: 0,
      cues: [
        {
          id: 1,
          clipId: 4,
          startMs: 5500,
          endMs: null,
          label: 'door slam',
          note: '',
          kind: 'note',
          color: '#0e7fe0',
          createdAt: 1,
          updatedAt: 1,
        },
      ],
    }),
  );
  const onImported = vi.fn();
  // The file dialog's "All files": a name outside the offered extensions.
  const user = userEvent.setup({ applyAccept: false });
  render(<ImportCuesButton importCues={importCues} onImported={onImported} />);
  const edl =
    '001  001      V     C        01:00:05:12 01:00:05:13 01:00:05:12 01:00:05:13  \n |C:ResolveColorBlue |M:door slam |D:1\n';
  await user.upload(screen.getByLabelText('Cue file'), new File([edl], 'markers from the grade'));
  const ask = await screen.findByRole('group', { name: 'Which format is markers from the grade?' });
  expect(
    within(ask)
      .getAllByRole('button')
      .map((b) => b.textContent),
  ).toEqual(['Audacity labels', 'SRT subtitles', 'WebVTT', 'CSV', 'OpenTimelineIO', 'DaVinci Resolve EDL', 'Cancel']);
  await user.click(within(ask).getByRole('button', { name: 'DaVinci Resolve EDL' }));
  await waitFor(() => expect(onImported).toHaveBeenCalledWith(1, 0));
  expect(importCues).toHaveBeenCalledWith('edl', edl);
});

test('the import notice counts cues in words a creator would write', () => {
  expect(importedNotice(1)).toBe('Imported 1 cue.');
  expect(importedNotice(2)).toBe('Imported 2 cues.');
  expect(importedNotice(2000)).toBe('Imported 2,000 cues.');
  expect(importedNotice(0)).toBe('The file held no cues to import.');
  expect(importedNotice(2, 5)).toBe('Imported 2 cues; skipped 5 cues already on this clip.');
  expect(importedNotice(0, 7)).toBe('Nothing imported: all 7 cues of the file are on this clip already.');
  expect(importedNotice(0, 1)).toBe('Nothing imported: the file’s one cue is on this clip already.');
});

test('a new import clears what the last one said, and its error reads without the call’s field name', async () => {
  fakeStudio.answer('cues.import', () => {
    // What the studio answers when the call's `text` is refused by the contract.
    throw new StudioError(
      'invalid_input',
      'cues.import: text: This cue file is larger than 2,000,000 characters. Nothing was imported: split it and import each part.',
    );
  });
  const onImporting = vi.fn();
  const onImported = vi.fn();
  const user = userEvent.setup();
  render(
    <ImportCuesButton
      importCues={(format, text) => studio.call('cues.import', { clipId: 4, format, text })}
      onImported={onImported}
      onImporting={onImporting}
    />,
  );
  await user.upload(screen.getByLabelText('Cue file'), new File(['1\n'], 'big.srt'));
  expect((await screen.findByRole('alert')).textContent).toBe(
    'This cue file is larger than 2,000,000 characters. Nothing was imported: split it and import each part.',
  );
  expect(onImporting).toHaveBeenCalledTimes(1);
  expect(onImported).not.toHaveBeenCalled();
});

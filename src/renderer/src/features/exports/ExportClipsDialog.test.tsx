import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, expect, test } from 'vitest';
import { StudioError } from '../../../../shared/errors';
import { fakeStudio } from '../../../../../test/renderer/fakeStudio';
import { ExportClipsDialog } from './ExportClipsDialog';

const ID_A = 'a'.repeat(32);
const ID_B = 'b'.repeat(32);

beforeEach(() => fakeStudio.reset());

test('exports one clip with its cue file, saves both where the creator chose, then reveals and forgets them', async () => {
  const user = userEvent.setup();
  fakeStudio.answer('exports.clips', () => ({
    files: [
      { id: ID_A, fileName: 'Dawn 2026-12-03 2014.mp4', bytes: 10, kind: 'clip', clipId: 7 },
      { id: ID_B, fileName: 'Dawn 2026-12-03 2014.srt', bytes: 2, kind: 'cues', clipId: 7 },
    ],
    notes: [],
  }));
  fakeStudio.answer('exports.discard', () => ({ ok: true }));
  render(<ExportClipsDialog clipIds={[7]} title="Dawn" onClose={() => undefined} />);
  const dialog = screen.getByRole('dialog', { name: 'Export clip' });
  const format = within(dialog).getByRole('combobox', { name: 'Cue file format' });
  expect((format as HTMLSelectElement).disabled).toBe(true);
  await user.click(within(dialog).getByRole('checkbox', { name: 'Include cues as a file' }));
  await user.selectOptions(format, 'srt');
  await user.click(within(dialog).getByRole('button', { name: 'Export…' }));

  await waitFor(() => expect(within(dialog).getByRole('status').textContent).toContain('Saved 2 files.'));
  // The Export button is gone: the focus stays in the dialog, on Close.
  expect(document.activeElement).toBe(within(dialog).getByText('Close', { selector: 'footer button' }));
  expect(fakeStudio.calls.find((c) => c.name === 'exports.clips')?.input).toMatchObject({ ids: [7], sidecar: 'srt' });
  expect(fakeStudio.saves).toEqual([
    {
      files: [
        { id: ID_A, fileName: 'Dawn 2026-12-03 2014.mp4' },
        { id: ID_B, fileName: 'Dawn 2026-12-03 2014.srt' },
      ],
      mode: 'file',
    },
  ]);
  await waitFor(() => expect(fakeStudio.calls.some((c) => c.name === 'exports.discard')).toBe(true));
  await user.click(within(dialog).getByRole('button', { name: 'Reveal in folder' }));
  expect(fakeStudio.revealed).toEqual(['/saved/Dawn 2026-12-03 2014.mp4']);
});

test('several clips go into a folder, and a refusal is shown as the studio said it', async () => {
  const user = userEvent.setup();
  fakeStudio.answer('exports.clips', () => {
    throw new StudioError(
      'not_found',
      'The media file of “Dusk” is missing from the library, so it cannot be exported.',
    );
  });
  render(<ExportClipsDialog clipIds={[1, 2, 3]} onClose={() => undefined} />);
  const dialog = screen.getByRole('dialog', { name: 'Export 3 clips' });
  await user.click(within(dialog).getByRole('button', { name: 'Export…' }));
  await waitFor(() =>
    expect(within(dialog).getByRole('alert').textContent).toContain(
      'The media file of “Dusk” is missing from the library',
    ),
  );
  expect(fakeStudio.saves).toEqual([]);
  expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Export…' }));

  fakeStudio.answer('exports.clips', () => ({
    files: [1, 2, 3].map((clipId) => ({
      id: String(clipId).repeat(32),
      fileName: `c${clipId}.mp4`,
      bytes: 1,
      kind: 'clip' as const,
      clipId,
    })),
    notes: [],
  }));
  fakeStudio.answer('exports.discard', () => ({ ok: true }));
  await user.click(within(dialog).getByRole('button', { name: 'Export…' }));
  await waitFor(() => expect(fakeStudio.saves[0]?.mode).toBe('folder'));
});

import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test } from 'vitest';
import { fakeStudio } from '../../../../../test/renderer/fakeStudio';
import { aClip } from '../../../../../test/renderer/records';
import { ToastProvider } from '../../components/Toasts';
import { TrashView } from './TrashView';

test('Escape leaves the Trash, except while its dialog is open', async () => {
  const user = userEvent.setup();
  fakeStudio.answer('library.trashList', () => ({
    total: 1,
    bytes: 1_250_000,
    withRemixes: 0,
    clips: [
      {
        ...aClip({ id: 4, title: 'Alley in the rain', trashedAt: 1_700_000_100_000 }),
        freesBytes: 1_250_000,
        project: { name: 'Night shoot', deleted: false },
      },
    ],
  }));
  let left = 0;
  render(
    <ToastProvider>
      <TrashView onLeave={() => (left += 1)} />
    </ToastProvider>,
  );
  const trash = await screen.findByRole('region', { name: 'Trash' });
  await user.click(within(trash).getByRole('button', { name: 'Empty trash' }));
  const dialog = screen.getByRole('dialog');
  await user.keyboard('{Escape}');
  expect(left).toBe(0);
  await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
  expect(screen.queryByRole('dialog')).toBeNull();
  await user.keyboard('{Escape}');
  expect(left).toBe(1);
});

test('the confirm dialog says how many trashed clips have remixes that stay, and what emptying frees', async () => {
  const user = userEvent.setup();
  fakeStudio.answer('library.trashList', () => ({
    total: 3,
    bytes: 178_000,
    withRemixes: 2,
    clips: [2, 3, 5].map((id) => ({
      ...aClip({ id, title: `Lighthouse v${id}`, trashedAt: 1_700_000_100_000 + id, bytes: 900_000 }),
      freesBytes: id === 2 ? 100_000 : id === 3 ? 78_000 : 0,
      project: { name: 'Night shoot', deleted: false },
    })),
  }));
  render(
    <ToastProvider>
      <TrashView onLeave={() => undefined} />
    </ToastProvider>,
  );
  const trash = await screen.findByRole('region', { name: 'Trash' });
  expect(within(trash).getByText(/3 clips · emptying frees 178 kB/i)).toBeTruthy();
  // Each row says its share of that, not its media file's size, and the header says what is counted.
  const rows = within(trash).getAllByRole('listitem');
  expect(rows.map((row) => /frees ([\d.]+ \w+)/.exec(row.textContent)?.[1])).toEqual(['100 KB', '78 KB', '0 B']);
  expect(within(trash).queryByText(/900 KB/)).toBeNull();
  expect(within(trash).getByText(/file, poster, card picture, hover preview and waveform/)).toBeTruthy();
  await user.click(within(trash).getByRole('button', { name: 'Empty trash' }));
  expect(screen.getByRole('dialog').textContent).toContain('2 trashed clips have remixes that stay');
});

import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test } from 'vitest';
import type { CallOutput } from '../../../../shared/contract';
import { fakeStudio } from '../../../../../test/renderer/fakeStudio';
import { aClip } from '../../../../../test/renderer/records';
import { ToastProvider } from '../../components/Toasts';
import { TrashView } from './TrashView';
import { OrganiseHistory } from './OrganiseHistory';

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
        sharesFileWith: 0,
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
      // The last shares its file with the first, counted there.
      sharesFileWith: id === 3 ? 0 : 1,
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
  expect(rows.map((row) => /frees ([\d.]+ \w+)/.exec(row.textContent)?.[1])).toEqual(['100 KB', '78 KB', undefined]);
  // One whose file another clip uses says so, not "frees 0 B".
  expect(rows[2]?.textContent).toContain('shares its file with 1 clip ·');
  expect(within(trash).queryByText(/900 KB/)).toBeNull();
  expect(within(trash).getByText(/file, poster, card picture, hover preview and waveform/)).toBeTruthy();
  await user.click(within(trash).getByRole('button', { name: 'Empty trash' }));
  expect(screen.getByRole('dialog').textContent).toContain('2 trashed clips have remixes that stay');
});

function trashOf(ids: number[]): CallOutput<'library.trashList'> {
  return {
    total: ids.length,
    bytes: ids.length * 1000,
    withRemixes: 0,
    clips: ids.map((id) => ({
      ...aClip({ id, title: `Shot ${id}`, trashedAt: 1_700_000_100_000 + id }),
      freesBytes: 1000,
      sharesFileWith: 0,
      project: { name: 'Night shoot', deleted: false },
    })),
  };
}

test('after a restore the focus is on the next row’s Restore, and on the Trash once it is empty', async () => {
  const user = userEvent.setup();
  let shown = [1, 2, 3];
  fakeStudio.answer('library.trashList', () => trashOf(shown));
  fakeStudio.answer('library.restore', ({ ids }) => {
    shown = shown.filter((id) => !ids.includes(id));
    setTimeout(() => fakeStudio.emit('library.trashChanged', {}), 0);
    return { changed: ids.length };
  });
  render(
    <ToastProvider>
      <TrashView onLeave={() => undefined} />
    </ToastProvider>,
  );
  const trash = await screen.findByRole('region', { name: 'Trash' });
  await user.click(within(trash).getByRole('button', { name: 'Restore Shot 2' }));
  await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Restore Shot 3' })));
  await user.click(screen.getByRole('button', { name: 'Restore Shot 3' }));
  await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Restore Shot 1' })));
  await user.click(screen.getByRole('button', { name: 'Restore Shot 1' }));
  await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('region', { name: 'Trash' })));
});

test('after emptying the Trash the focus is on the Trash, not lost', async () => {
  const user = userEvent.setup();
  let shown = [1, 2];
  fakeStudio.answer('library.trashList', () => trashOf(shown));
  fakeStudio.answer('library.emptyTrash', () => {
    shown = [];
    setTimeout(() => fakeStudio.emit('library.trashChanged', {}), 0);
    return { clips: 2, ids: [1, 2], files: 2, projects: 0, bytesFreed: 2000 };
  });
  render(
    <ToastProvider>
      <TrashView onLeave={() => undefined} />
    </ToastProvider>,
  );
  const trash = await screen.findByRole('region', { name: 'Trash' });
  await user.click(within(trash).getByRole('button', { name: 'Empty trash' }));
  await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Empty trash' }));
  await screen.findByText('The Trash is empty');
  await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('region', { name: 'Trash' })));
});

test('a clip restored from the Trash goes back with Ctrl+Z, or the Undo of its note, and comes again with Ctrl+Shift+Z', async () => {
  const user = userEvent.setup();
  let shown = [1, 2];
  fakeStudio.answer('library.trashList', () => trashOf(shown));
  fakeStudio.answer('library.restore', ({ ids }) => {
    shown = shown.filter((id) => !ids.includes(id));
    setTimeout(() => fakeStudio.emit('library.trashChanged', {}), 0);
    return { changed: ids.length };
  });
  fakeStudio.answer('library.trash', ({ ids }) => {
    shown = [...shown, ...ids].sort();
    setTimeout(() => fakeStudio.emit('library.trashChanged', {}), 0);
    return { changed: ids.length };
  });
  render(
    <ToastProvider>
      <OrganiseHistory find={() => undefined}>
        <TrashView onLeave={() => undefined} />
      </OrganiseHistory>
    </ToastProvider>,
  );
  await user.click(await screen.findByRole('button', { name: 'Restore Shot 1' }));
  await screen.findByText('Restored 1 clip');
  await waitFor(() => expect(screen.queryByRole('button', { name: 'Restore Shot 1' })).toBeNull());
  await user.keyboard('{Control>}z{/Control}');
  await screen.findByText('Undone: Restore 1 clip from the Trash');
  await screen.findByRole('button', { name: 'Restore Shot 1' });
  await user.keyboard('{Control>}{Shift>}z{/Shift}{/Control}');
  await screen.findByText('Redone: Restore 1 clip from the Trash');
  await waitFor(() => expect(screen.queryByRole('button', { name: 'Restore Shot 1' })).toBeNull());
  expect(fakeStudio.calls.map((c) => c.name).filter((n) => n === 'library.restore' || n === 'library.trash')).toEqual([
    'library.restore',
    'library.trash',
    'library.restore',
  ]);
});

test('Ctrl+Z after emptying the Trash says it cannot be undone, and the next Ctrl+Z goes on to the edit before', async () => {
  const user = userEvent.setup();
  let shown = [1, 2];
  fakeStudio.answer('library.trashList', () => trashOf(shown));
  fakeStudio.answer('library.emptyTrash', () => {
    shown = [];
    setTimeout(() => fakeStudio.emit('library.trashChanged', {}), 0);
    return { clips: 2, ids: [1, 2], files: 2, projects: 0, bytesFreed: 2000 };
  });
  render(
    <ToastProvider>
      <OrganiseHistory find={() => undefined}>
        <TrashView onLeave={() => undefined} />
      </OrganiseHistory>
    </ToastProvider>,
  );
  const trash = await screen.findByRole('region', { name: 'Trash' });
  await user.click(within(trash).getByRole('button', { name: 'Empty trash' }));
  await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Empty trash' }));
  await screen.findByText('The Trash is empty');
  await user.keyboard('{Control>}z{/Control}');
  await screen.findByText('Emptying the Trash cannot be undone');
  await user.keyboard('{Control>}z{/Control}');
  await screen.findByText('Nothing to undo');
  expect(fakeStudio.calls.map((c) => c.name).filter((n) => n !== 'library.trashList')).toEqual(['library.emptyTrash']);
});

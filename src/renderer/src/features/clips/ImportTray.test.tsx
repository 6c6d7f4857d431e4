import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { JSX } from 'react';
import { expect, test, vi } from 'vitest';
import type { Clip } from '../../../../shared/domain';
import { fakeStudio } from '../../../../../test/renderer/fakeStudio';
import { aClip } from '../../../../../test/renderer/records';
import { doneLine, ImportTray } from './ImportTray';
import { useImports } from './useImports';

function Importer({ onAlready }: { onAlready: (clips: Clip[]) => void }): JSX.Element {
  const imports = useImports(undefined, onAlready);
  return (
    <>
      <button type="button" onClick={() => imports.start(1, [new File(['x'], 'again.mp4', { type: 'video/mp4' })])}>
        Import
      </button>
      <ImportTray
        tasks={imports.tasks}
        failures={imports.failures}
        onDismiss={imports.dismiss}
        onDismissAll={imports.dismissAll}
        onDismissTask={imports.dismissTask}
      />
    </>
  );
}

test('a file already in the project says so by the clip’s title, adds nothing, and hands back that clip', async () => {
  const kept = aClip({ id: 9, title: 'Harbour at dawn' });
  fakeStudio.answer('clips.import', () => ({ clips: [kept], already: [{ name: 'again.mp4', clipId: kept.id }], failures: [] }));
  const onAlready = vi.fn<(clips: Clip[]) => void>();
  render(<Importer onAlready={onAlready} />);
  await userEvent.setup().click(screen.getByRole('button', { name: 'Import' }));
  const line = await screen.findByText('again.mp4 is already in this project as “Harbour at dawn”');
  expect(line.closest('section')?.textContent).not.toMatch(/Imported|%/);
  await waitFor(() => expect(onAlready).toHaveBeenCalledWith([kept]));
  // It stays, past the moment a plain "Imported" line would go, until dismissed.
  await new Promise((resolve) => setTimeout(resolve, 2_800));
  expect(screen.getByRole('status').textContent).toBe('again.mp4 is already in this project as “Harbour at dawn”');
  await userEvent.setup().click(screen.getByRole('button', { name: 'Dismiss the import summary' }));
  expect(screen.queryByText('again.mp4 is already in this project as “Harbour at dawn”')).toBeNull();
});

test('an import that skipped nothing says so and goes by itself', async () => {
  const made = aClip({ id: 5, title: 'Pier' });
  fakeStudio.answer('clips.import', () => ({ clips: [made], already: [], failures: [] }));
  render(<Importer onAlready={() => undefined} />);
  await userEvent.setup().click(screen.getByRole('button', { name: 'Import' }));
  await screen.findByText('Imported 1 clip');
  expect(screen.queryByRole('button', { name: 'Dismiss the import summary' })).toBeNull();
  await waitFor(() => expect(screen.queryByText('Imported 1 clip')).toBeNull(), { timeout: 4_000 });
});

const file = (name: string): { name: string; title: string } => ({ name, title: name.replace(/\.\w+$/, '') });

test('a finished import counts the clips it added apart from the files already there, naming those', () => {
  expect(doneLine({ imported: 2, already: [] })).toBe('Imported 2 clips');
  expect(doneLine({ imported: 0, already: [file('A.mp4'), file('B.mp4')] })).toBe(
    '2 files already in this project: A.mp4, B.mp4',
  );
  expect(doneLine({ imported: 1, already: [file('A.mp4')] })).toBe('Imported 1 clip · A.mp4 is already in this project as “A”');
  const seven = Array.from({ length: 7 }, (_, i) => file(`Batch shot 0${i + 2}.mp4`));
  expect(doneLine({ imported: 8, already: seven })).toBe(
    'Imported 8 clips · 7 files already in this project: Batch shot 02.mp4, Batch shot 03.mp4, Batch shot 04.mp4 and 4 more',
  );
});

test('copies of one file in one import count the first as imported and the others as already there', async () => {
  const made = aClip({ id: 3, title: 'Batch shot 01' });
  const other = aClip({ id: 4, title: 'Other' });
  fakeStudio.answer('clips.import', () => ({
    clips: [made, made, made, other],
    already: [
      { name: 'Batch shot 02.mp4', clipId: made.id },
      { name: 'Batch shot 03.mp4', clipId: made.id },
    ],
    failures: [],
  }));
  const onAlready = vi.fn<(clips: Clip[]) => void>();
  render(<Importer onAlready={onAlready} />);
  await userEvent.setup().click(screen.getByRole('button', { name: 'Import' }));
  await screen.findByText('Imported 2 clips · 2 files already in this project: Batch shot 02.mp4, Batch shot 03.mp4');
  await waitFor(() => expect(onAlready).toHaveBeenCalledWith([made]));
});

test('Dismiss on a failed file hands the focus to the next note, then the one before, then the library, never to the page', async () => {
  fakeStudio.answer('clips.import', () => ({
    clips: [],
    already: [],
    failures: [
      { name: 'a.mp4', message: 'a.mp4 could not be read.' },
      { name: 'b.mp4', message: 'b.mp4 could not be read.' },
    ],
  }));
  const user = userEvent.setup();
  render(
    <>
      <button type="button" data-clip-button="1" aria-current="true">
        Chosen card
      </button>
      <Importer onAlready={() => undefined} />
    </>,
  );
  await user.click(screen.getByRole('button', { name: 'Import' }));
  const first = await screen.findByRole('button', { name: 'Dismiss the error about a.mp4' });
  first.focus();
  await user.keyboard('{Enter}');
  await waitFor(() =>
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Dismiss the error about b.mp4' })),
  );
  await user.keyboard('{Enter}');
  await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Chosen card' })));
});

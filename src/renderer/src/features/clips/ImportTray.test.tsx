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
      />
    </>
  );
}

test('a file already in the project says so by the clip’s title, adds nothing, and hands back that clip', async () => {
  const kept = aClip({ id: 9, title: 'Harbour at dawn' });
  fakeStudio.answer('clips.import', () => ({ clips: [kept], existing: [kept.id], failures: [] }));
  const onAlready = vi.fn<(clips: Clip[]) => void>();
  render(<Importer onAlready={onAlready} />);
  await userEvent.setup().click(screen.getByRole('button', { name: 'Import' }));
  const line = await screen.findByText('Already in this project as “Harbour at dawn”');
  expect(line.closest('section')?.textContent).not.toMatch(/Imported|%/);
  await waitFor(() => expect(onAlready).toHaveBeenCalledWith([kept]));
});

test('a finished import counts the clips it added apart from the files already there', () => {
  expect(doneLine({ imported: 2, already: [] })).toBe('Imported 2 clips');
  expect(doneLine({ imported: 0, already: ['A', 'B'] })).toBe('2 files already in this project');
  expect(doneLine({ imported: 1, already: ['A'] })).toBe('Imported 1 clip · Already in this project as “A”');
});

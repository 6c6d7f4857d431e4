import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { JSX } from 'react';
import { expect, test, vi } from 'vitest';
import type { Clip } from '../../../../shared/domain';
import { fakeStudio } from '../../../../../test/renderer/fakeStudio';
import { aClip } from '../../../../../test/renderer/records';
import { ToastProvider } from '../../components/Toasts';
import { useOpenClip } from './useOpenClip';

function Opener({ id, show }: { id: number; show: (clip: Clip) => void }): JSX.Element {
  const open = useOpenClip(show);
  return (
    <button type="button" onClick={() => open(id)}>
      Open
    </button>
  );
}

test('a live clip opens; one in the Trash says so and opens only once Restore brings it back', async () => {
  const clips = new Map([
    [1, aClip({ id: 1, title: 'Live' })],
    [2, aClip({ id: 2, title: 'Binned', trashedAt: 1_700_000_000_000 })],
  ]);
  fakeStudio.answer('clips.get', ({ id }) => clips.get(id) ?? aClip());
  fakeStudio.answer('library.restore', ({ ids }) => {
    for (const id of ids) {
      const clip = clips.get(id);
      if (clip) clips.set(id, { ...clip, trashedAt: null });
    }
    return { changed: ids.length };
  });
  const show = vi.fn<(clip: Clip) => void>();
  const user = userEvent.setup();
  const view = render(
    <ToastProvider>
      <Opener id={1} show={show} />
    </ToastProvider>,
  );
  await user.click(screen.getByRole('button', { name: 'Open' }));
  await waitFor(() => expect(show).toHaveBeenCalledWith(clips.get(1)));

  show.mockClear();
  view.rerender(
    <ToastProvider>
      <Opener id={2} show={show} />
    </ToastProvider>,
  );
  await user.click(screen.getByRole('button', { name: 'Open' }));
  await screen.findByText('“Binned” is in the Trash');
  expect(show).not.toHaveBeenCalled();
  await user.click(screen.getByRole('button', { name: 'Restore' }));
  await waitFor(() => expect(show).toHaveBeenCalledWith(expect.objectContaining({ id: 2, trashedAt: null })));
  expect(fakeStudio.calls.filter((c) => c.name === 'library.restore').map((c) => c.input)).toEqual([{ ids: [2] }]);
});

import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { JSX } from 'react';
import { expect, test } from 'vitest';
import type { Cue } from '../../../../shared/cues/calls';
import type { Clip } from '../../../../shared/domain';
import { fakeStudio } from '../../../../../test/renderer/fakeStudio';
import { aClip } from '../../../../../test/renderer/records';
import { ToastProvider } from '../../components/Toasts';
import { OrganiseHistory } from '../library/OrganiseHistory';
import { OrganiseKeys } from '../library/useOrganiseKeys';
import { useCueKeys } from './useCueKeys';
import { useCues } from './useCues';

/** The studio's cues and one clip's rating, changed by the calls as the real studio would. */
function studioState(): { cues: () => Cue[]; clip: () => Clip } {
  let cues: Cue[] = [];
  let nextId = 1;
  let clip = aClip({ id: 4, rating: 1 });
  fakeStudio.answer('cues.list', () => cues);
  fakeStudio.answer('cues.create', ({ clipId, cues: data }) => {
    const made = data.map((d) => ({
      id: nextId++,
      clipId,
      startMs: d.startMs,
      endMs: d.endMs ?? null,
      label: d.label,
      note: d.note,
      kind: d.kind,
      color: d.color ?? null,
      createdAt: 0,
      updatedAt: 0,
    }));
    cues = [...cues, ...made];
    return made;
  });
  fakeStudio.answer('cues.delete', ({ ids }) => {
    cues = cues.filter((c) => !ids.includes(c.id));
    return { deleted: ids.length };
  });
  fakeStudio.answer('library.setRating', ({ rating }) => {
    clip = { ...clip, rating };
    return { changed: 1 };
  });
  return { cues: () => cues, clip: () => clip };
}

/** The open clip's cue timeline, reduced to its history and its keys. */
function Timeline(): JSX.Element {
  const state = useCues(4);
  const none = (): void => undefined;
  useCueKeys({
    media: null,
    fps: 24,
    durationMs: 8000,
    playhead: () => 0,
    cues: state.cues ?? [],
    selected: new Set(),
    anchor: null,
    seek: none,
    select: none,
    addCue: none,
    removeSelected: none,
    zoom: none,
    setMarks: none,
    editSelected: none,
    undo: () => void state.undo(),
    redo: () => void state.redo(),
    showShortcuts: none,
    leave: none,
    selectAll: none,
    typedAhead: { current: null },
  });
  return (
    <button
      type="button"
      onClick={() =>
        void state.create([{ startMs: 1000, endMs: null, label: 'door', note: '', kind: 'note', color: null }])
      }
    >
      Add cue
    </button>
  );
}

function Studio({ find }: { find: (id: number) => Clip | undefined }): JSX.Element {
  return (
    <ToastProvider>
      <OrganiseHistory find={find}>
        <OrganiseKeys ids={[4]} onError={() => undefined} />
        <Timeline />
      </OrganiseHistory>
    </ToastProvider>
  );
}

const focusNothing = (): void => act(() => (document.activeElement as HTMLElement | null)?.blur());

test('Ctrl+Z with focus on the page goes to whichever history took the latest edit, and Ctrl+Shift+Z back the same way', async () => {
  const user = userEvent.setup();
  const { cues, clip } = studioState();
  render(<Studio find={(id) => (id === 4 ? clip() : undefined)} />);

  // A cue added, then the clip rated from the library.
  await user.click(screen.getByRole('button', { name: 'Add cue' }));
  await waitFor(() => expect(cues()).toHaveLength(1));
  focusNothing();
  await user.keyboard('4');
  await waitFor(() => expect(clip().rating).toBe(4));

  // The rating came last: Ctrl+Z takes it back, the cue stays.
  focusNothing();
  expect(document.activeElement).toBe(document.body);
  await user.keyboard('{Control>}z{/Control}');
  await screen.findByText('Undone: Rate “Harbour at dawn” 4 stars');
  expect(clip().rating).toBe(1);
  expect(cues()).toHaveLength(1);

  // Then the cue, the edit before it.
  await user.keyboard('{Control>}z{/Control}');
  await waitFor(() => expect(cues()).toHaveLength(0));
  expect(clip().rating).toBe(1);

  // Redone in the order they were undone: the cue first, then the rating.
  await user.keyboard('{Control>}{Shift>}z{/Shift}{/Control}');
  await waitFor(() => expect(cues()).toHaveLength(1));
  expect(clip().rating).toBe(1);
  await user.keyboard('{Control>}{Shift>}z{/Shift}{/Control}');
  await screen.findByText('Redone: Rate “Harbour at dawn” 4 stars');
  expect(clip().rating).toBe(4);
  expect(cues()).toHaveLength(1);
});

test('a cue edit after a library action is the one Ctrl+Z on the page undoes', async () => {
  const user = userEvent.setup();
  const { cues, clip } = studioState();
  render(<Studio find={(id) => (id === 4 ? clip() : undefined)} />);
  await user.keyboard('3');
  await waitFor(() => expect(clip().rating).toBe(3));
  await user.click(screen.getByRole('button', { name: 'Add cue' }));
  await waitFor(() => expect(cues()).toHaveLength(1));
  focusNothing();
  await user.keyboard('{Control>}z{/Control}');
  await waitFor(() => expect(cues()).toHaveLength(0));
  expect(clip().rating).toBe(3);
});

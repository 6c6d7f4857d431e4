import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { JSX } from 'react';
import { expect, test } from 'vitest';
import type { Clip } from '../../../../shared/domain';
import { fakeStudio } from '../../../../../test/renderer/fakeStudio';
import { aClip } from '../../../../../test/renderer/records';
import { ToastProvider } from '../../components/Toasts';
import { ClipOrganiser } from './ClipOrganiser';
import { studio } from '../../api/client';
import { OrganiseHistory, useOrganise, type HistoryHandle } from './OrganiseHistory';
import { OrganiseKeys } from './useOrganiseKeys';
import { SelectionBar } from './SelectionBar';

/** The library as the studio holds it: each organising call changes it, as the real one would. */
function library(initial: Clip[]): { find: (id: number) => Clip | undefined } {
  const clips = new Map(initial.map((c) => [c.id, c]));
  const change = (ids: readonly number[], fn: (clip: Clip) => Clip): { changed: number } => {
    for (const id of ids) {
      const clip = clips.get(id);
      if (clip) clips.set(id, fn(clip));
    }
    return { changed: ids.length };
  };
  fakeStudio.answer('library.setRating', ({ ids, rating }) => change(ids, (c) => ({ ...c, rating })));
  fakeStudio.answer('library.setFlag', ({ ids, flag }) => change(ids, (c) => ({ ...c, flag: flag ?? null })));
  fakeStudio.answer('library.setColor', ({ ids, color }) => change(ids, (c) => ({ ...c, colorLabel: color })));
  fakeStudio.answer('library.addTags', ({ ids, tags }) => change(ids, (c) => ({ ...c, tags: [...c.tags, ...tags] })));
  fakeStudio.answer('library.removeTags', ({ ids, tags }) =>
    change(ids, (c) => ({ ...c, tags: c.tags.filter((t) => !tags.includes(t)) })),
  );
  return { find: (id) => clips.get(id) };
}

const organising = (): { name: string; input: unknown }[] =>
  fakeStudio.calls.filter((c) => c.name.startsWith('library.')).map(({ name, input }) => ({ name, input }));

test('keys 0–5, P and X are undone and redone with Ctrl+Z and Ctrl+Shift+Z, each clip back to its own state', async () => {
  const user = userEvent.setup();
  const { find } = library([aClip({ id: 1, rating: 2 }), aClip({ id: 2, rating: null, flag: 'reject' })]);
  render(
    <ToastProvider>
      <OrganiseHistory find={find}>
        <OrganiseKeys ids={[1, 2]} onError={() => undefined} />
      </OrganiseHistory>
    </ToastProvider>,
  );
  await user.keyboard('4');
  await user.keyboard('p');
  await waitFor(() => expect(organising()).toHaveLength(2));
  expect(find(1)).toMatchObject({ rating: 4, flag: 'pick' });

  await user.keyboard('{Control>}z{/Control}');
  await screen.findByText('Undone: Pick 2 clips');
  expect(find(2)?.flag).toBe('reject');
  expect(find(1)?.flag).toBeNull();
  await user.keyboard('{Control>}z{/Control}');
  await screen.findByText('Undone: Rate 2 clips 4 stars');
  expect([find(1)?.rating, find(2)?.rating]).toEqual([2, 0]);
  await user.keyboard('{Control>}z{/Control}');
  await screen.findByText('Nothing to undo');

  await user.keyboard('{Control>}{Shift>}z{/Shift}{/Control}');
  await screen.findByText('Redone: Rate 2 clips 4 stars');
  expect([find(1)?.rating, find(2)?.rating]).toEqual([4, 4]);
  expect(organising().slice(2)).toEqual([
    { name: 'library.setFlag', input: { ids: [1], flag: null } },
    { name: 'library.setFlag', input: { ids: [2], flag: 'reject' } },
    { name: 'library.setRating', input: { ids: [1], rating: 2 } },
    { name: 'library.setRating', input: { ids: [2], rating: 0 } },
    { name: 'library.setRating', input: { ids: [1, 2], rating: 4 } },
  ]);
});

test('a tag added in the inspector is undone, and Ctrl+Z in a text field is left to the field', async () => {
  const user = userEvent.setup();
  const { find } = library([aClip({ id: 5, tags: ['night'] })]);
  fakeStudio.answer('library.tags', () => []);
  const view = render(
    <ToastProvider>
      <OrganiseHistory find={find}>
        <ClipOrganiser clip={find(5) ?? aClip()} />
      </OrganiseHistory>
    </ToastProvider>,
  );
  const box = screen.getByRole('textbox', { name: 'Add tag' });
  await user.type(box, 'keeper{Enter}');
  await waitFor(() => expect(find(5)?.tags).toEqual(['night', 'keeper']));
  view.rerender(
    <ToastProvider>
      <OrganiseHistory find={find}>
        <ClipOrganiser clip={find(5) ?? aClip()} />
      </OrganiseHistory>
    </ToastProvider>,
  );
  await user.type(box, 'x');
  await user.keyboard('{Control>}z{/Control}');
  expect(find(5)?.tags).toEqual(['night', 'keeper']);

  await user.click(screen.getByRole('button', { name: 'Remove tag night' }));
  await waitFor(() => expect(find(5)?.tags).toEqual(['keeper']));
  await user.keyboard('{Control>}z{/Control}');
  await screen.findByText('Undone: Remove the tag “night” from “Harbour at dawn”');
  expect(find(5)?.tags).toEqual(['keeper', 'night']);
  await user.keyboard('{Control>}z{/Control}');
  await screen.findByText('Undone: Tag “Harbour at dawn” “keeper”');
  expect(find(5)?.tags).toEqual(['night']);
});

test('P and X pressed quickly on one clip toggle in order against the latest flag, while the library still shows the old one', async () => {
  const user = userEvent.setup();
  const stored = library([aClip({ id: 7, flag: 'pick' })]);
  const shown = aClip({ id: 7, flag: 'pick' });
  // The library's copy reloads a beat after each write; here it never does within the keys.
  const find = (id: number): Clip | undefined => (id === 7 ? shown : undefined);
  render(
    <ToastProvider>
      <OrganiseHistory find={find}>
        <OrganiseKeys ids={[7]} onError={() => undefined} />
      </OrganiseHistory>
    </ToastProvider>,
  );
  await user.keyboard('pxpxxp');
  await waitFor(() => expect(organising()).toHaveLength(6));
  expect(organising().map((c) => (c.input as { flag: unknown }).flag)).toEqual([
    null,
    'reject',
    'pick',
    'reject',
    null,
    'pick',
  ]);
  expect(stored.find(7)?.flag).toBe('pick');

  await user.keyboard('{Control>}z{/Control}');
  await screen.findByText('Undone: Pick “Harbour at dawn”');
  expect(stored.find(7)?.flag).toBeNull();
});

test('rating a multi-selection says so with an Undo that puts each clip back; a later change makes it point to Ctrl+Z', async () => {
  const user = userEvent.setup();
  const { find } = library([aClip({ id: 1, rating: 2 }), aClip({ id: 2, rating: null }), aClip({ id: 3, rating: 5 })]);
  const noop = (): void => undefined;
  render(
    <ToastProvider>
      <OrganiseHistory find={find}>
        <SelectionBar
          ids={[1, 2, 3]}
          projects={[]}
          currentProjectId={1}
          onMove={noop}
          onTrash={noop}
          onClear={noop}
          onError={noop}
        />
      </OrganiseHistory>
    </ToastProvider>,
  );
  await user.selectOptions(screen.getByRole('combobox', { name: 'Rate selected' }), '4');
  await screen.findByText('Rated 3 clips 4 stars');
  expect([find(1)?.rating, find(2)?.rating, find(3)?.rating]).toEqual([4, 4, 4]);
  await user.click(screen.getByRole('button', { name: 'Undo' }));
  await screen.findByText('Undone: Rate 3 clips 4 stars');
  expect([find(1)?.rating, find(2)?.rating, find(3)?.rating]).toEqual([2, 0, 5]);

  // An Undo left on screen after a later change would undo that change instead: it says so.
  await user.selectOptions(screen.getByRole('combobox', { name: 'Rate selected' }), '1');
  await screen.findByText('Rated 3 clips 1 star');
  await user.selectOptions(screen.getByRole('combobox', { name: 'Rate selected' }), '3');
  await screen.findByText('Rated 3 clips 3 stars');
  const toast = screen.getAllByRole('status').find((note) => note.textContent.includes('Rated 3 clips 1 star'));
  if (!toast) throw new Error('no toast');
  await user.click(within(toast).getByRole('button', { name: 'Undo' }));
  await screen.findByText('Could not undo: Rate 3 clips 1 star');
  expect([find(1)?.rating, find(2)?.rating, find(3)?.rating]).toEqual([3, 3, 3]);
});

test('clips moved to the Trash after a tag are brought back by Ctrl+Z, before the tag is undone', async () => {
  const user = userEvent.setup();
  const { find } = library([aClip({ id: 1 }), aClip({ id: 2 })]);
  fakeStudio.answer('library.trash', ({ ids }) => ({ changed: ids.length }));
  fakeStudio.answer('library.restore', ({ ids }) => ({ changed: ids.length }));
  const handle: { current: HistoryHandle | null } = { current: null };
  function Tagger(): JSX.Element {
    const organise = useOrganise();
    return (
      <button type="button" onClick={() => void organise.addTags([1, 2], ['night'])}>
        Tag
      </button>
    );
  }
  render(
    <ToastProvider>
      <OrganiseHistory find={find} handleRef={handle}>
        <Tagger />
      </OrganiseHistory>
    </ToastProvider>,
  );
  await user.click(screen.getByRole('button', { name: 'Tag' }));
  await waitFor(() => expect(find(1)?.tags).toEqual(['night']));
  // The library moves them to the Trash by its own call, and puts that on the history.
  await studio.call('library.trash', { ids: [1, 2] });
  handle.current?.record({
    label: 'Move 2 clips to the Trash',
    done: 'Moved 2 clips to the Trash',
    forward: [],
    backward: [],
    own: {
      undo: () => studio.call('library.restore', { ids: [1, 2] }),
      redo: () => studio.call('library.trash', { ids: [1, 2] }),
    },
  });
  await user.click(document.body);
  await user.keyboard('{Control>}z{/Control}');
  await screen.findByText('Undone: Move 2 clips to the Trash');
  expect(find(1)?.tags).toEqual(['night']);
  await user.keyboard('{Control>}z{/Control}');
  await screen.findByText('Undone: Tag 2 clips “night”');
  expect(find(1)?.tags).toEqual([]);
  expect(organising().map((c) => c.name)).toEqual([
    'library.addTags',
    'library.trash',
    'library.restore',
    'library.removeTags',
  ]);
});

test('"rain, night" typed into the bulk bar is one edit: one Ctrl+Z takes both tags off', async () => {
  const user = userEvent.setup();
  const { find } = library([aClip({ id: 1 }), aClip({ id: 2 })]);
  function Tagger(): JSX.Element {
    const organise = useOrganise();
    return (
      <button type="button" onClick={() => void organise.addTags([1, 2], ['rain', 'night'])}>
        Tag
      </button>
    );
  }
  render(
    <ToastProvider>
      <OrganiseHistory find={find}>
        <Tagger />
      </OrganiseHistory>
    </ToastProvider>,
  );
  await user.click(screen.getByRole('button', { name: 'Tag' }));
  await screen.findByText('Tagged 2 clips “rain” and “night”');
  expect(find(2)?.tags).toEqual(['rain', 'night']);
  await user.click(document.body);
  await user.keyboard('{Control>}z{/Control}');
  await screen.findByText('Undone: Tag 2 clips “rain” and “night”');
  expect([find(1)?.tags, find(2)?.tags]).toEqual([[], []]);
});

test('Ctrl+Z on Rate selected, or in an empty tag box, undoes the last library edit; a tag box with text keeps it', async () => {
  const user = userEvent.setup();
  const { find } = library([aClip({ id: 1, rating: 2 }), aClip({ id: 2, rating: null })]);
  fakeStudio.answer('library.tags', () => []);
  const noop = (): void => undefined;
  render(
    <ToastProvider>
      <OrganiseHistory find={find}>
        <SelectionBar
          ids={[1, 2]}
          projects={[]}
          currentProjectId={1}
          onMove={noop}
          onTrash={noop}
          onClear={noop}
          onError={noop}
        />
        <ClipOrganiser clip={find(1) ?? aClip()} />
      </OrganiseHistory>
    </ToastProvider>,
  );
  const rate = screen.getByRole('combobox', { name: 'Rate selected' });
  await user.selectOptions(rate, '4');
  await screen.findByText('Rated 2 clips 4 stars');
  expect(document.activeElement).toBe(rate);
  await user.keyboard('{Control>}z{/Control}');
  await screen.findByText('Undone: Rate 2 clips 4 stars');
  expect([find(1)?.rating, find(2)?.rating]).toEqual([2, 0]);

  const box = screen.getByRole('textbox', { name: 'Add tag' });
  await user.type(box, 'keeper{Enter}');
  await waitFor(() => expect(find(1)?.tags).toEqual(['keeper']));
  await waitFor(() => expect((box as HTMLInputElement).value).toBe(''));
  expect(document.activeElement).toBe(box);
  await user.keyboard('{Control>}z{/Control}');
  await screen.findByText('Undone: Tag “Harbour at dawn” “keeper”');
  expect(find(1)?.tags).toEqual([]);
  // Ctrl+Y in the same empty box redoes it.
  await user.keyboard('{Control>}y{/Control}');
  await screen.findByText('Redone: Tag “Harbour at dawn” “keeper”');
  expect(find(1)?.tags).toEqual(['keeper']);

  // With text in the box, Ctrl+Z is the box's own.
  const bulk = screen.getByRole('textbox', { name: 'Tag selected' });
  await user.type(bulk, 'rai');
  const sent = organising().length;
  await user.keyboard('{Control>}z{/Control}');
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(organising()).toHaveLength(sent);
  expect(find(1)?.tags).toEqual(['keeper']);
});

test('the selection bar labels every chosen clip one colour, and Ctrl+Z gives each its own label back', async () => {
  const user = userEvent.setup();
  const noop = (): void => undefined;
  const { find } = library([
    aClip({ id: 1, colorLabel: 'red' }),
    aClip({ id: 2, colorLabel: null }),
    aClip({ id: 3, colorLabel: 'green' }),
  ]);
  render(
    <ToastProvider>
      <OrganiseHistory find={find}>
        <SelectionBar
          ids={[1, 2, 3]}
          projects={[]}
          currentProjectId={1}
          onMove={noop}
          onTrash={noop}
          onClear={noop}
          onError={noop}
        />
      </OrganiseHistory>
    </ToastProvider>,
  );
  const colour = screen.getByRole('combobox', { name: 'Colour label selected' });
  await user.selectOptions(colour, 'Blue');
  await screen.findByText('Labelled 3 clips blue');
  expect([1, 2, 3].map((id) => find(id)?.colorLabel)).toEqual(['blue', 'blue', 'blue']);
  // Ctrl+Z with the focus still on the list box undoes the library's edit: a list box has no undo of its own.
  expect(document.activeElement).toBe(colour);
  await user.keyboard('{Control>}z{/Control}');
  await screen.findByText('Undone: Label 3 clips blue');
  expect([1, 2, 3].map((id) => find(id)?.colorLabel)).toEqual(['red', null, 'green']);

  await user.selectOptions(colour, 'No label');
  await screen.findByText('Cleared the colour label of 2 clips');
  expect([1, 2, 3].map((id) => find(id)?.colorLabel)).toEqual([null, null, null]);
});

test('after the Trash is emptied, edits on the clips deleted are forgotten: Ctrl+Z goes on to the edit before, and their Undo says why it cannot', async () => {
  const user = userEvent.setup();
  const { find } = library([aClip({ id: 1, rating: 1 }), aClip({ id: 2, rating: 1 })]);
  fakeStudio.answer('library.trash', ({ ids }) => ({ changed: ids.length }));
  fakeStudio.answer('library.restore', ({ ids }) => ({ changed: ids.length }));
  const handle: { current: HistoryHandle | null } = { current: null };
  render(
    <ToastProvider>
      <OrganiseHistory find={find} handleRef={handle}>
        <OrganiseKeys ids={[2]} onError={() => undefined} />
      </OrganiseHistory>
    </ToastProvider>,
  );
  // Clip 2 is rated, then clip 1 goes to the Trash, which is then emptied.
  await user.keyboard('5');
  await waitFor(() => expect(find(2)?.rating).toBe(5));
  await studio.call('library.trash', { ids: [1] });
  const undoTrash = handle.current?.record({
    label: 'Move 1 clip to the Trash',
    done: 'Moved 1 clip to the Trash',
    forward: [],
    backward: [],
    clips: [1],
    own: {
      undo: () => studio.call('library.restore', { ids: [1] }),
      redo: () => studio.call('library.trash', { ids: [1] }),
    },
  });
  handle.current?.forget([1]);
  // The toast's Undo for the move cannot bring back a clip deleted for good, and says so.
  undoTrash?.();
  await screen.findByText('The clips it changed were deleted for good when the Trash was emptied.');
  // Ctrl+Z undoes the rating, the edit before; nothing asks the studio for clip 1 again.
  await user.keyboard('{Control>}z{/Control}');
  await screen.findByText('Undone: Rate “Harbour at dawn” 5 stars');
  expect(find(2)?.rating).toBe(1);
  expect(organising().map((c) => c.name)).toEqual(['library.setRating', 'library.trash', 'library.setRating']);
});

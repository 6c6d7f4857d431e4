import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useReducer, useRef, useState, type JSX, type RefObject } from 'react';
import { expect, test } from 'vitest';
import type { Clip, Project } from '../../../../shared/domain';
import { fakeStudio } from '../../../../../test/renderer/fakeStudio';
import { aClip } from '../../../../../test/renderer/records';
import { ToastProvider } from '../../components/Toasts';
import { OrganiseHistory, type HistoryHandle } from '../library/OrganiseHistory';
import { OrganiseKeys } from '../library/useOrganiseKeys';
import { useProjectDeletion } from './useProjectDeletion';

const project = (id: number, name: string): Project => ({
  id,
  name,
  archived: false,
  clipCount: 2,
  createdAt: 0,
  updatedAt: 0,
});
const ALL = [project(1, 'Harbour'), project(2, 'Desert')];

/** The studio's projects and one clip, changed by the calls as the real studio would. */
function studioState(): { gone: Set<number>; clip: () => Clip } {
  const gone = new Set<number>();
  let clip = aClip({ id: 7, projectId: 2, rating: 1 });
  fakeStudio.answer('projects.delete', ({ id }) => {
    gone.add(id);
    return { ok: true, trashedClips: 2 };
  });
  fakeStudio.answer('projects.restore', ({ id }) => {
    gone.delete(id);
    const restored = ALL.find((p) => p.id === id);
    if (!restored) throw new Error(`no project ${id}`);
    return restored;
  });
  fakeStudio.answer('library.setRating', ({ rating }) => {
    clip = { ...clip, rating };
    return { changed: 1 };
  });
  return { gone, clip: () => clip };
}

function Sidebar({ gone, history }: { gone: Set<number>; history: RefObject<HistoryHandle | null> }): JSX.Element {
  const [, refresh] = useReducer((n: number) => n + 1, 0);
  const [openId, setOpenId] = useState<number | null>(1);
  const visible = ALL.filter((p) => !gone.has(p.id));
  const deletion = useProjectDeletion({
    visible,
    openId,
    open: setOpenId,
    focus: () => undefined,
    refreshProjects: refresh,
    history,
  });
  return (
    <>
      <p>Open: {visible.find((p) => p.id === openId)?.name ?? 'none'}</p>
      {visible.map((p) => (
        <button key={p.id} type="button" onClick={() => deletion.ask(p)}>
          Delete {p.name}
        </button>
      ))}
      {deletion.dialog}
    </>
  );
}

function Library({ gone, find }: { gone: Set<number>; find: (id: number) => Clip | undefined }): JSX.Element {
  const history = useRef<HistoryHandle | null>(null);
  return (
    <ToastProvider>
      <OrganiseHistory find={find} handleRef={history}>
        <Sidebar gone={gone} history={history} />
        <OrganiseKeys ids={[7]} onError={() => undefined} />
      </OrganiseHistory>
    </ToastProvider>
  );
}

const projectCalls = (): { name: string; input: unknown }[] =>
  fakeStudio.calls.filter((c) => c.name.startsWith('projects.')).map(({ name, input }) => ({ name, input }));

test('a deleted project is brought back by Ctrl+Z and deleted again by Ctrl+Shift+Z, in turn with the other edits', async () => {
  const user = userEvent.setup();
  const { gone, clip } = studioState();
  render(<Library gone={gone} find={(id) => (id === 7 ? clip() : undefined)} />);

  await user.click(screen.getByRole('button', { name: 'Delete Harbour' }));
  const dialog = screen.getByRole('dialog', { name: 'Delete project?' });
  await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
  await screen.findByText('Open: Desert');
  expect(screen.queryByRole('button', { name: 'Delete Harbour' })).toBeNull();
  // An edit after the deletion is undone first.
  await user.keyboard('4');
  await waitFor(() => expect(clip().rating).toBe(4));

  await user.keyboard('{Control>}z{/Control}');
  await screen.findByText('Undone: Rate “Harbour at dawn” 4 stars');
  expect(clip().rating).toBe(1);
  expect(projectCalls()).toEqual([{ name: 'projects.delete', input: { id: 1 } }]);

  await user.keyboard('{Control>}z{/Control}');
  await screen.findByText('Undone: Delete project “Harbour”');
  expect(projectCalls().at(-1)).toEqual({ name: 'projects.restore', input: { id: 1 } });
  await screen.findByText('Open: Harbour');
  screen.getByRole('button', { name: 'Delete Harbour' });

  await user.keyboard('{Control>}{Shift>}z{/Shift}{/Control}');
  await screen.findByText('Redone: Delete project “Harbour”');
  expect(projectCalls().at(-1)).toEqual({ name: 'projects.delete', input: { id: 1 } });
  await screen.findByText('Open: Desert');
  expect(screen.queryByRole('button', { name: 'Delete Harbour' })).toBeNull();
});

test('the toast’s Undo brings the project back through the same history', async () => {
  const user = userEvent.setup();
  const { gone, clip } = studioState();
  render(<Library gone={gone} find={(id) => (id === 7 ? clip() : undefined)} />);
  await user.click(screen.getByRole('button', { name: 'Delete Desert' }));
  await user.click(
    within(screen.getByRole('dialog', { name: 'Delete project?' })).getByRole('button', { name: 'Delete' }),
  );
  const toast = (await screen.findByText('Deleted “Desert”')).closest('.toast');
  await user.click(within(toast as HTMLElement).getByRole('button', { name: 'Undo' }));
  await screen.findByText('Undone: Delete project “Desert”');
  expect(projectCalls()).toEqual([
    { name: 'projects.delete', input: { id: 2 } },
    { name: 'projects.restore', input: { id: 2 } },
  ]);
  await user.keyboard('{Control>}z{/Control}');
  await screen.findByText('Nothing to undo');
});

import { useCallback, useEffect, useRef, useState, type JSX, type RefObject } from 'react';
import type { Project } from '../../../../shared/domain';
import { studio } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useToaster } from '../../components/Toasts';
import { countClips } from '../../format/media';
import type { HistoryHandle } from '../library/OrganiseHistory';

/** What deleting a project does to its clips, said before it happens. */
export function deleteProjectMessage(project: Project): string {
  const { clipCount } = project;
  const clips =
    clipCount === 0
      ? 'It has no clips.'
      : `${clipCount === 1 ? '1 clip' : `${clipCount.toLocaleString('en')} clips`} will move to the Trash, where you can restore ${clipCount === 1 ? 'it' : 'them'} until you empty it.`;
  return `Delete “${project.name}”? ${clips}`;
}

interface Options {
  /** The projects listed, in order: the one after a deleted project is opened and focused next. */
  visible: readonly Project[] | null;
  openId: number | null;
  /** Opens a project. */
  open: (id: number | null) => void;
  /** Moves focus to a project in the sidebar. */
  focus: (id: number) => void;
  refreshProjects: () => void;
  /** The library's undo history: Ctrl+Z brings a deleted project back, in turn with the other edits. */
  history: RefObject<HistoryHandle | null>;
}

export interface ProjectDeletion {
  /** Asks before deleting a project. */
  ask: (project: Project) => void;
  /** The confirmation dialog while one is asked about. */
  dialog: JSX.Element | null;
}

/**
 * Deleting a project: asked first, then its clips go to the Trash with it and the next project is
 * opened. The deletion joins the library's undo history, so Ctrl+Z (or the toast's Undo) brings
 * it back with its clips and Ctrl+Shift+Z deletes it again.
 */
export function useProjectDeletion({
  visible,
  openId,
  open,
  focus,
  refreshProjects,
  history,
}: Options): ProjectDeletion {
  const toaster = useToaster();
  const [pending, setPending] = useState<Project | null>(null);
  // An undo or redo runs later: it opens the project after the deleted one as the list is then.
  const latest = useRef({ visible, openId });
  useEffect(() => {
    latest.current = { visible, openId };
  });

  const remove = useCallback(
    async (target: Project): Promise<number> => {
      const list = latest.current.visible ?? [];
      const index = list.findIndex((p) => p.id === target.id);
      const neighbour = index < 0 ? null : (list[index + 1] ?? list[index - 1] ?? null);
      const { trashedClips } = await studio.call('projects.delete', { id: target.id });
      if (latest.current.openId === target.id) open(neighbour?.id ?? null);
      if (neighbour) focus(neighbour.id);
      refreshProjects();
      return trashedClips;
    },
    [open, focus, refreshProjects],
  );

  const bringBack = useCallback(
    async (target: Project): Promise<void> => {
      const restored = await studio.call('projects.restore', { id: target.id });
      open(restored.id);
      focus(restored.id);
      refreshProjects();
    },
    [open, focus, refreshProjects],
  );

  async function confirmDelete(): Promise<void> {
    if (!pending) return;
    const target = pending;
    const trashedClips = await remove(target);
    setPending(null);
    const undoIt = history.current?.record({
      label: `Delete project “${target.name}”`,
      done: `Deleted “${target.name}”`,
      forward: [],
      backward: [],
      own: { undo: () => bringBack(target), redo: () => remove(target) },
    });
    toaster.show(
      'info',
      `Deleted “${target.name}”`,
      trashedClips === 0
        ? ''
        : `${countClips(trashedClips)} moved to the Trash; restoring one brings the project back.`,
      {
        label: 'Undo',
        run: () => {
          if (undoIt) undoIt();
          else
            bringBack(target).catch((error: unknown) => toaster.error(`Could not bring back “${target.name}”`, error));
        },
      },
    );
  }

  const ask = useCallback((project: Project) => setPending(project), []);
  const dialog =
    pending === null ? null : (
      <ConfirmDialog
        title="Delete project?"
        confirmLabel="Delete"
        onConfirm={confirmDelete}
        onCancel={() => setPending(null)}
      >
        {deleteProjectMessage(pending)}
      </ConfirmDialog>
    );
  return { ask, dialog };
}

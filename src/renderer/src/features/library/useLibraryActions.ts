import { useCallback, useEffect, useRef, type Dispatch, type RefObject, type SetStateAction } from 'react';
import type { Clip, Project } from '../../../../shared/domain';
import type { ClipQuery } from '../../../../shared/library/organise';
import { studio } from '../../api/client';
import { useToaster } from '../../components/Toasts';
import { countClips } from '../../format/media';
import type { ChooseHow } from '../clips/ClipGrid';
import { clipAfter, focusClipSoon, focusEmptyLibrarySoon, focusIsInLibrary, focusWaitsForClips } from './clipAfter';
import { moveSummary } from './moveSummary';
import type { HistoryHandle } from './OrganiseHistory';
import type { ClipPages } from './useClipPages';
import type { ClipSelection } from './useClipSelection';

interface Options {
  pages: ClipPages;
  selection: ClipSelection;
  /** The clip the player and the timeline show, if any. */
  selectedClip: Clip | null;
  setSelected: Dispatch<SetStateAction<Clip | null>>;
  /** Chooses a clip as a click would (the clip after the ones moved to the Trash). */
  chooseClip: (clip: Clip, index: number, how: ChooseHow) => void;
  /** The library's undo history, which each action joins. */
  history: RefObject<HistoryHandle | null>;
  openId: number | null;
  clipQuery: ClipQuery;
  projects: readonly Project[] | null;
}

export interface LibraryActions {
  trashClips: (ids: readonly number[]) => void;
  renameClip: (clip: Clip, title: string) => Promise<void>;
  moveClips: (ids: readonly number[], projectId: number) => void;
  selectAllClips: () => void;
}

const clipsText = (changed: number): string => (changed === 1 ? '1 clip' : `${changed.toLocaleString('en')} clips`);

/**
 * The library's actions on clips beyond organising them: to the Trash, renamed, moved to another
 * project, all chosen. Each joins the library's undo history and says what it did with its Undo.
 */
export function useLibraryActions({
  pages,
  selection,
  selectedClip,
  setSelected,
  chooseClip,
  history,
  openId,
  clipQuery,
  projects,
}: Options): LibraryActions {
  const toaster = useToaster();
  const { set: setSelection } = selection;
  const latestOpenId = useRef(openId);
  useEffect(() => {
    latestOpenId.current = openId;
  });

  /**
   * Undoes the going of clips (to the Trash, to another project) with `bringBack`; when they are
   * back in the project open, the clips chosen before are chosen again, and the clip that was in
   * the inspector has the focus the library had (or lost, with the empty state that went).
   */
  const bringBackChosen = useCallback(
    async (
      bringBack: () => Promise<unknown>,
      projectId: number | null,
      chosen: Clip | null,
      ids: readonly number[],
    ) => {
      const from = document.activeElement;
      const refocus = focusWaitsForClips() || focusIsInLibrary();
      await bringBack();
      if (chosen === null || projectId === null || latestOpenId.current !== projectId) return;
      setSelected(chosen);
      setSelection(ids.length > 1 ? ids : [chosen.id]);
      if (refocus) focusClipSoon(chosen.id, { frames: 180, from });
    },
    [setSelected, setSelection],
  );

  const trashClips = useCallback(
    (ids: readonly number[]): void => {
      if (ids.length === 0) return;
      const next = clipAfter(pages, ids);
      const focusWasInLibrary = focusIsInLibrary();
      // The clip in the inspector, else the first that goes: chosen again when Ctrl+Z brings them back.
      const chosen = selectedClip && ids.includes(selectedClip.id) ? selectedClip : (pages.find(ids[0] ?? 0) ?? null);
      const project = openId;
      studio.call('library.trash', { ids: [...ids] }).then(
        ({ changed }) => {
          if (selectedClip && ids.includes(selectedClip.id)) setSelected(null);
          selection.clear();
          // The clip after the ones moved is chosen next, as in a file manager, so Delete can go on.
          if (next) {
            chooseClip(next.clip, next.index, { toggle: false, range: false });
            if (focusWasInLibrary) focusClipSoon(next.clip.id);
          } else if (focusWasInLibrary) focusEmptyLibrarySoon();
          const clips = clipsText(changed);
          // On the library's history, so Ctrl+Z brings them back rather than undoing the edit before.
          const undoIt = history.current?.record({
            label: `Move ${clips} to the Trash`,
            done: `Moved ${clips} to the Trash`,
            forward: [],
            backward: [],
            clips: ids,
            own: {
              undo: () =>
                bringBackChosen(() => studio.call('library.restore', { ids: [...ids] }), project, chosen, ids),
              redo: () => studio.call('library.trash', { ids: [...ids] }),
            },
          });
          toaster.show(
            'info',
            `Moved ${clips} to the Trash`,
            changed === 1
              ? 'Restore it from the Trash until you empty it.'
              : 'Restore them from the Trash until you empty it.',
            {
              label: 'Undo',
              run: () => {
                if (undoIt) undoIt();
                else
                  studio
                    .call('library.restore', { ids: [...ids] })
                    .catch((error: unknown) => toaster.error('Could not undo', error));
              },
            },
          );
        },
        (error: unknown) => toaster.error('Could not move to the Trash', error),
      );
    },
    [pages, selectedClip, setSelected, selection, chooseClip, history, toaster, openId, bringBackChosen],
  );

  const renameClip = useCallback(
    async (clip: Clip, title: string): Promise<void> => {
      const rename = async (to: string): Promise<void> => {
        const renamed = await studio.call('clips.rename', { id: clip.id, title: to });
        setSelected((current) => (current?.id === renamed.id ? renamed : current));
      };
      await rename(title);
      // On the library's history, so Ctrl+Z gives the old title back rather than undoing the edit before.
      if (clip.title !== title)
        history.current?.record({
          label: `Rename “${clip.title}”`,
          done: `Renamed “${clip.title}” to “${title}”`,
          forward: [],
          backward: [],
          clips: [clip.id],
          own: { undo: () => rename(clip.title), redo: () => rename(title) },
        });
    },
    [setSelected, history],
  );

  const selectAllClips = useCallback((): void => {
    if (openId === null) return;
    studio.call('library.queryIds', { projectId: openId, query: clipQuery }).then(
      ({ total, ids }) => {
        setSelection(ids);
        if (total > ids.length)
          toaster.show(
            'info',
            `Chose the first ${ids.length.toLocaleString('en')} of ${countClips(total)}`,
            'One change reaches at most that many clips.',
          );
      },
      (error: unknown) => toaster.error('Could not choose every clip', error),
    );
  }, [openId, clipQuery, setSelection, toaster]);

  const moveClips = useCallback(
    (ids: readonly number[], projectId: number): void => {
      const target = projects?.find((p) => p.id === projectId)?.name ?? 'the project';
      const from = openId;
      const focusWasInLibrary = focusIsInLibrary();
      studio.call('library.move', { ids: [...ids], projectId }).then(
        ({ changed, already }) => {
          const summary = moveSummary(target, changed, already);
          // Clips the target has already stay here, chosen, for the creator to see which they are.
          const stayed = new Set(already.map((clip) => clip.clipId));
          const moved = ids.filter((id) => !stayed.has(id));
          if (moved.length === 0 || changed === 0) {
            toaster.show(summary.tone, summary.title, summary.message);
            return;
          }
          const next = clipAfter(pages, moved);
          const chosen =
            selectedClip && moved.includes(selectedClip.id) ? selectedClip : (pages.find(moved[0] ?? 0) ?? null);
          if (stayed.size > 0) selection.set([...stayed]);
          else selection.clear();
          if (selectedClip && moved.includes(selectedClip.id)) setSelected(null);
          // As after Delete: the clip after the ones moved away is chosen, and has the focus the bar had.
          if (next && stayed.size === 0) {
            chooseClip(next.clip, next.index, { toggle: false, range: false });
            if (focusWasInLibrary) focusClipSoon(next.clip.id);
          } else if (stayed.size === 0 && focusWasInLibrary) focusEmptyLibrarySoon();
          const clips = clipsText(changed);
          // On the library's history, so Ctrl+Z moves back the clips that went (never those that stayed).
          const undoIt =
            from === null
              ? undefined
              : history.current?.record({
                  label: `Move ${clips} to “${target}”`,
                  done: `Moved ${clips} to “${target}”`,
                  forward: [],
                  backward: [],
                  clips: moved,
                  own: {
                    undo: () =>
                      bringBackChosen(
                        () => studio.call('library.move', { ids: moved, projectId: from, putBack: true }),
                        from,
                        chosen,
                        moved,
                      ),
                    redo: () => studio.call('library.move', { ids: moved, projectId }),
                  },
                });
          toaster.show(summary.tone, summary.title, summary.message, {
            label: 'Undo',
            run: () => {
              if (undoIt) undoIt();
              else if (from !== null)
                studio
                  .call('library.move', { ids: moved, projectId: from, putBack: true })
                  .catch((error: unknown) => toaster.error('Could not undo', error));
            },
          });
        },
        (error: unknown) => toaster.error('Could not move the clips', error),
      );
    },
    [projects, openId, pages, selection, selectedClip, setSelected, chooseClip, history, toaster, bringBackChosen],
  );

  return { trashClips, renameClip, moveClips, selectAllClips };
}

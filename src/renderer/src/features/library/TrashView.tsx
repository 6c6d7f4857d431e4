import { useCallback, useEffect, useRef, useState, type JSX } from 'react';
import type { CallOutput } from '../../../../shared/contract';
import { mediaUrl, studio } from '../../api/client';
import { useStudioEvent } from '../../api/hooks';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { EmptyState } from '../../components/EmptyState';
import { Icon } from '../../components/Icon';
import { useToaster } from '../../components/Toasts';
import { formatBytes } from '../../format/bytes';
import { formatClipLength, formatDateTime } from '../../format/media';
import { isTextEntry, modalOpen } from '../../format/shortcuts';
import { useLibraryHistory } from './OrganiseHistory';
import './TrashView.css';

type TrashState = CallOutput<'library.trashList'>;

/** What the Trash's sizes count, said once beside them. */
const SIZES_NOTE =
  'Sizes are what emptying frees: each clip’s file, poster, card picture, hover preview and waveform that no clip outside the Trash uses; a file clips here share counts once.';

/**
 * What emptying frees for one clip. A clip whose file another clip uses frees nothing of it (or
 * its file is counted under the oldest trashed clip that uses it): it says so rather than "0 B".
 */
export function freesText(clip: { freesBytes: number; sharesFileWith: number }): string {
  if (clip.freesBytes > 0 || clip.sharesFileWith === 0) return `frees ${formatBytes(clip.freesBytes)}`;
  return `shares its file with ${clip.sharesFileWith === 1 ? '1 clip' : `${clip.sharesFileWith.toLocaleString('en')} clips`}`;
}

interface Props {
  /** Back to the library's clips (Escape). */
  onLeave: () => void;
}

/** The library's Trash: restore clips, or empty it for good and see the space it frees. */
export function TrashView({ onLeave }: Props): JSX.Element {
  const toaster = useToaster();
  const history = useLibraryHistory();
  const [trash, setTrash] = useState<TrashState | null>(null);
  const [confirming, setConfirming] = useState(false);
  const view = useRef<HTMLElement>(null);
  // Where the focus goes once the list shows what a restore or an empty did: the row now at that
  // place (the next one, or the last), or the Trash itself when no row is left.
  const focusAt = useRef<number | null>(null);
  const pending = useRef<number[]>([]);

  // Escape leaves the Trash, as it leaves Compare and Versions; a dialog or a text field keeps it.
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent): void {
      if (event.key !== 'Escape' || event.defaultPrevented || modalOpen() || isTextEntry(event.target)) return;
      event.preventDefault();
      onLeave();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [onLeave]);

  const load = useCallback(() => {
    studio
      .call('library.trashList', { limit: 500 })
      .then(setTrash, (error: unknown) => toaster.error('Could not open the Trash', error));
  }, [toaster]);
  useEffect(load, [load]);
  useStudioEvent('library.trashChanged', load);

  // After the confirm dialog has closed and given the focus back (a passive effect, run after its cleanup).
  useEffect(() => {
    const at = focusAt.current;
    const section = view.current;
    if (at === null || trash === null || section === null || confirming) return;
    // Until the studio says the Trash changed, the list still shows the clips just restored or deleted.
    if (trash.clips.some((clip) => pending.current.includes(clip.id))) return;
    focusAt.current = null;
    const rows = section.querySelectorAll<HTMLButtonElement>('.trash__item button');
    const next = rows[Math.min(at, rows.length - 1)];
    if (next) next.focus();
    else section.focus();
  }, [trash, confirming]);

  function restore(ids: number[], at: number): void {
    focusAt.current = at;
    pending.current = ids;
    studio.call('library.restore', { ids }).then(
      ({ changed }) => {
        const clips = changed === 1 ? '1 clip' : `${changed.toLocaleString('en')} clips`;
        // On the library's history, so Ctrl+Z puts them back in the Trash rather than undoing the edit before.
        const undoIt = history?.record({
          label: `Restore ${clips} from the Trash`,
          done: `Restored ${clips}`,
          forward: [],
          backward: [],
          clips: ids,
          own: {
            undo: () => studio.call('library.trash', { ids }),
            redo: () => studio.call('library.restore', { ids }),
          },
        });
        toaster.show(
          'success',
          `Restored ${clips}`,
          '',
          undoIt ? { label: 'Undo', run: undoIt } : undefined,
        );
      },
      (error: unknown) => toaster.error('Could not restore', error),
    );
  }

  async function empty(): Promise<void> {
    const shown = trash?.clips.map((clip) => clip.id) ?? [];
    const result = await studio.call('library.emptyTrash', {});
    // Edits on the clips deleted can no longer be undone: Ctrl+Z goes on to the ones before.
    history?.forget(result.ids);
    // Nor can the emptying itself: the first Ctrl+Z after it says so, rather than quietly undoing
    // an older edit on a clip out of sight.
    history?.record({
      label: 'Emptying the Trash',
      done: 'Emptied the Trash',
      forward: [],
      backward: [],
      barrier: 'Its clips are deleted for good. Press Ctrl+Z again to undo the edit before it.',
    });
    focusAt.current = 0;
    pending.current = shown;
    setConfirming(false);
    const projects =
      result.projects === 0
        ? ''
        : ` ${result.projects === 1 ? '1 deleted project' : `${result.projects} deleted projects`} removed with ${result.projects === 1 ? 'its' : 'their'} last clips.`;
    toaster.show(
      'success',
      `Emptied the Trash: ${formatBytes(result.bytesFreed)} freed`,
      `${result.clips === 1 ? '1 clip' : `${result.clips} clips`} deleted; ${result.files === 1 ? '1 file' : `${result.files} files`} no clip used any more removed.${projects}`,
    );
  }

  if (trash === null) return <div className="trash" aria-busy="true" />;
  return (
    <section ref={view} className="trash" aria-label="Trash" tabIndex={-1}>
      <div className="trash__head">
        <p className="trash__summary tabular">
          {trash.total === 0
            ? 'Nothing in the Trash'
            : `${trash.total === 1 ? '1 clip' : `${trash.total.toLocaleString('en')} clips`} · emptying frees ${formatBytes(trash.bytes)}`}
        </p>
        <button
          type="button"
          className="btn btn--sm"
          disabled={trash.total === 0}
          onClick={() =>
            restore(
              trash.clips.map((c) => c.id),
              0,
            )
          }
        >
          Restore all
        </button>
        <button
          type="button"
          className="btn btn--sm btn--danger"
          disabled={trash.total === 0}
          onClick={() => setConfirming(true)}
        >
          <Icon name="trash" size={14} />
          Empty trash
        </button>
        {/* Its own line under the figure and the buttons, as wide as the view: readable in a narrow one. */}
        {trash.total > 0 && <p className="trash__note">{SIZES_NOTE}</p>}
      </div>
      {trash.total === 0 ? (
        <EmptyState icon="trash" title="The Trash is empty">
          Deleted clips wait here until you empty the Trash, so you can restore them.
        </EmptyState>
      ) : (
        <ul className="trash__list" aria-label="Clips in the Trash">
          {trash.clips.map((clip, index) => (
            <li key={clip.id} className="trash__item">
              <div className="trash__poster">
                {clip.posterId ? (
                  <img src={mediaUrl(clip.cardPosterId ?? clip.posterId)} alt="" loading="lazy" decoding="async" />
                ) : (
                  <Icon name="film" />
                )}
              </div>
              <div className="trash__text">
                <p className="truncate">{clip.title}</p>
                <p className="trash__meta tabular">
                  {clip.project.deleted ? (
                    <span title="Restoring a clip of a deleted project brings the project back, under its name, with the clips you restore">
                      From deleted project “{clip.project.name}”, restored with it
                    </span>
                  ) : (
                    clip.project.name
                  )}{' '}
                  · {formatClipLength(clip.durationMs)} · {freesText(clip)} · deleted{' '}
                  {clip.trashedAt === null ? '' : formatDateTime(clip.trashedAt)}
                </p>
              </div>
              <button
                type="button"
                className="btn btn--sm"
                aria-label={`Restore ${clip.title}`}
                onClick={() => restore([clip.id], index)}
              >
                <Icon name="undo" size={14} />
                <span className="trash__restore-word">Restore</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {confirming && (
        <ConfirmDialog
          title="Empty the Trash?"
          confirmLabel="Empty trash"
          onConfirm={empty}
          onCancel={() => setConfirming(false)}
        >
          Delete {trash.total === 1 ? 'this clip' : `these ${trash.total.toLocaleString('en')} clips`} for good? Files
          no other clip uses are removed from disk ({formatBytes(trash.bytes)}). This cannot be undone.
          {trash.withRemixes > 0 && (
            <>
              {' '}
              {trash.withRemixes === 1
                ? '1 trashed clip has remixes that stay'
                : `${trash.withRemixes.toLocaleString('en')} trashed clips have remixes that stay`}
              : they move up to the nearest version left in their family.
            </>
          )}
        </ConfirmDialog>
      )}
    </section>
  );
}

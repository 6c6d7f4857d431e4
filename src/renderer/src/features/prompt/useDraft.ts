import { useCallback, useEffect, useRef, useState } from 'react';
import { studio } from '../../api/client';
import { messageOf } from '../../api/messages';
import { readStored, writeStored } from '../../app/storage';

/** How long typing must pause before the draft is written. */
export const AUTOSAVE_DELAY_MS = 600;

export type DraftStatus =
  | { kind: 'loading' }
  | { kind: 'saved'; at: number | null }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'failed'; message: string };

export interface DraftState {
  /** The text to open the editor with; null while it loads. */
  initialText: string | null;
  /** Set when the draft could not be read; the editor then starts empty. */
  loadError: string | null;
  status: DraftStatus;
  /** Call on every change; the write happens once typing pauses. */
  changed: (text: string) => void;
}

/**
 * Text typed but not yet confirmed saved when the page goes away (a reload within the autosave's
 * pause, a closed tab): the page's own storage keeps it synchronously, since a call still on its
 * way may never leave. The next load of the project takes it when it is newer than the saved
 * draft, and saves it. When even that storage refuses it, the browser's leave-page warning asks.
 */
interface UnsavedDraft {
  text: string;
  /** When it was typed (ms), against the saved draft's `updatedAt`. */
  at: number;
}

const unsavedKey = (projectId: number): string => `shotline.unsavedDraft.project.${projectId}`;

function readUnsaved(projectId: number): UnsavedDraft | null {
  try {
    const value = JSON.parse(readStored(unsavedKey(projectId)) ?? 'null') as Partial<UnsavedDraft> | null;
    return typeof value?.text === 'string' && typeof value.at === 'number' ? { text: value.text, at: value.at } : null;
  } catch {
    return null;
  }
}

/** Keeps the text in the page's storage; false when the storage refused it. */
function keepUnsaved(projectId: number, unsaved: UnsavedDraft): boolean {
  const json = JSON.stringify(unsaved);
  writeStored(unsavedKey(projectId), json);
  return readStored(unsavedKey(projectId)) === json;
}

/** The prompt being written in a project: read once, then autosaved (debounced) as it changes. */
export function useDraft(projectId: number): DraftState {
  const [initialText, setInitialText] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [status, setStatus] = useState<DraftStatus>({ kind: 'loading' });
  const pending = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const writing = useRef<Promise<void>>(Promise.resolve());
  /** The latest text typed that no save has confirmed yet, with when it was typed. */
  const unsaved = useRef<UnsavedDraft | null>(null);

  const write = useCallback(() => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    const text = pending.current;
    if (text === null) return;
    pending.current = null;
    // Writes go out one after another, so an older text can never land after a newer one.
    writing.current = writing.current.then(async () => {
      setStatus({ kind: 'saving' });
      try {
        const { updatedAt } = await studio.call('drafts.save', { projectId, text });
        if (unsaved.current?.text === text) {
          unsaved.current = null;
          writeStored(unsavedKey(projectId), null);
        }
        if (pending.current === null) setStatus({ kind: 'saved', at: updatedAt });
      } catch (error) {
        setStatus({ kind: 'failed', message: messageOf(error) });
      }
    });
  }, [projectId]);

  useEffect(() => {
    let live = true;
    studio.call('drafts.get', { projectId }).then(
      (draft) => {
        if (!live) return;
        const left = readUnsaved(projectId);
        if (left !== null && (draft === null || left.at > draft.updatedAt) && left.text !== draft?.text) {
          // Typed before the page went away, never saved: it comes back and is saved now.
          setInitialText(left.text);
          pending.current = left.text;
          unsaved.current = left;
          write();
          return;
        }
        writeStored(unsavedKey(projectId), null);
        setInitialText(draft?.text ?? '');
        setStatus({ kind: 'saved', at: draft?.updatedAt ?? null });
      },
      (error: unknown) => {
        if (!live) return;
        setLoadError(messageOf(error));
        // Text the page kept when it went away is still better than an empty editor.
        const left = readUnsaved(projectId);
        setInitialText(left?.text ?? '');
        unsaved.current = left;
        setStatus(left === null ? { kind: 'saved', at: null } : { kind: 'pending' });
      },
    );
    return () => {
      live = false;
    };
  }, [projectId, write]);

  const changed = useCallback(
    (text: string) => {
      pending.current = text;
      unsaved.current = { text, at: Date.now() };
      setStatus({ kind: 'pending' });
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = setTimeout(write, AUTOSAVE_DELAY_MS);
    },
    [write],
  );

  // Leaving the project (or the prompt studio) writes what is still waiting.
  useEffect(() => write, [write]);

  // Leaving the page: the save goes out, and the page's storage keeps the text in case it never
  // lands; if that storage refuses it too, the browser asks before the page goes.
  useEffect(() => {
    function onLeave(event: Event): void {
      const left = unsaved.current;
      if (left === null) return;
      write();
      if (keepUnsaved(projectId, left) || event.type !== 'beforeunload') return;
      // The browser's own "Leave site?" warning.
      event.preventDefault();
    }
    window.addEventListener('beforeunload', onLeave);
    window.addEventListener('pagehide', onLeave);
    return () => {
      window.removeEventListener('beforeunload', onLeave);
      window.removeEventListener('pagehide', onLeave);
    };
  }, [projectId, write]);

  return { initialText, loadError, status, changed };
}

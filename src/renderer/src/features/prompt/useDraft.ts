import { useCallback, useEffect, useRef, useState } from 'react';
import { studio } from '../../api/client';
import { messageOf } from '../../api/messages';

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

/** The prompt being written in a project: read once, then autosaved (debounced) as it changes. */
export function useDraft(projectId: number): DraftState {
  const [initialText, setInitialText] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [status, setStatus] = useState<DraftStatus>({ kind: 'loading' });
  const pending = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const writing = useRef<Promise<void>>(Promise.resolve());

  useEffect(() => {
    let live = true;
    studio.call('drafts.get', { projectId }).then(
      (draft) => {
        if (!live) return;
        setInitialText(draft?.text ?? '');
        setStatus({ kind: 'saved', at: draft?.updatedAt ?? null });
      },
      (error: unknown) => {
        if (!live) return;
        setLoadError(messageOf(error));
        setInitialText('');
        setStatus({ kind: 'saved', at: null });
      },
    );
    return () => {
      live = false;
    };
  }, [projectId]);

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
        if (pending.current === null) setStatus({ kind: 'saved', at: updatedAt });
      } catch (error) {
        setStatus({ kind: 'failed', message: messageOf(error) });
      }
    });
  }, [projectId]);

  const changed = useCallback(
    (text: string) => {
      pending.current = text;
      setStatus({ kind: 'pending' });
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = setTimeout(write, AUTOSAVE_DELAY_MS);
    },
    [write],
  );

  // Leaving the project (or the prompt studio) writes what is still waiting.
  useEffect(() => write, [write]);

  return { initialText, loadError, status, changed };
}

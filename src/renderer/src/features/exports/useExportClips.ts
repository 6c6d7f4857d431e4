import { useCallback, useRef, useState } from 'react';
import type { CueFormat } from '../../../../shared/cues/types';
import { studio } from '../../api/client';
import { messageOf } from '../../api/messages';
import { newTaskId } from './taskId';

export type ExportState =
  | { status: 'idle' }
  | { status: 'working'; fraction: number }
  /** `paths`: where the desktop saved them; null in the browser studio, where they download. */
  | { status: 'done'; fileNames: string[]; paths: string[] | null; notes: string[] }
  | { status: 'canceled' }
  | { status: 'failed'; message: string };

export interface ExportClips {
  state: ExportState;
  /** Exports the clips (one or a multi-selection) and hands the files to the creator. */
  run: (clipIds: readonly number[], sidecar: CueFormat | null) => Promise<void>;
  reset: () => void;
}

/**
 * Exporting clips from anywhere in the library: the inspector's "Export clip" and a menu item on
 * a multi-selection use this one hook (or ExportClipsDialog, which wraps it). One clip opens a save
 * dialog on the desktop (its cue file goes beside it); several ask for a folder.
 */
export function useExportClips(): ExportClips {
  const [state, setState] = useState<ExportState>({ status: 'idle' });
  const running = useRef(false);

  const run = useCallback(async (clipIds: readonly number[], sidecar: CueFormat | null): Promise<void> => {
    if (running.current || clipIds.length === 0) return;
    running.current = true;
    const taskId = newTaskId();
    setState({ status: 'working', fraction: 0 });
    const unsubscribe = studio.on('exports.progress', (p) => {
      if (p.taskId === taskId) setState({ status: 'working', fraction: p.fraction });
    });
    try {
      const result = await studio.call('exports.clips', { ids: [...clipIds], sidecar, taskId });
      const files = result.files.map((f) => ({ id: f.id, fileName: f.fileName }));
      const paths = await studio.saveExports({ files, mode: clipIds.length === 1 ? 'file' : 'folder' });
      if (studio.host === 'desktop') {
        // Saved (or declined): the studio's copies are no longer needed. A browser download reads them later.
        void studio.call('exports.discard', { ids: files.map((f) => f.id) }).catch(() => undefined);
      }
      if (paths === null) setState({ status: 'canceled' });
      else
        setState({
          status: 'done',
          fileNames: files.map((f) => f.fileName),
          paths: studio.host === 'desktop' ? paths : null,
          notes: result.notes,
        });
    } catch (error) {
      setState({ status: 'failed', message: messageOf(error) });
    } finally {
      unsubscribe();
      running.current = false;
    }
  }, []);

  const reset = useCallback(() => setState({ status: 'idle' }), []);
  return { state, run, reset };
}

import { useCallback, useRef, useState } from 'react';
import type { Project } from '../../../../shared/domain';
import type { ExportPhase } from '../../../../shared/exports';
import { studio } from '../../api/client';
import { messageOf } from '../../api/messages';
import { countClips } from '../../format/media';
import { sentence } from '../../format/sentence';
import { newTaskId } from './taskId';

export type TransferState =
  | { status: 'idle' }
  | { status: 'working'; label: string; fraction: number }
  | { status: 'done'; message: string; path: string | null; notes: string[] }
  | { status: 'failed'; message: string };

const PHASE_TEXT: Record<ExportPhase, string> = {
  export: 'Exporting',
  write: 'Writing the bundle',
  read: 'Reading the bundle',
  verify: 'Checking the bundle',
  store: 'Copying media',
  done: 'Finishing',
};

/**
 * What an imported bundle brought: the clips now in the project, and apart from them those that
 * arrived in the Trash (they were trashed where the bundle was made), so the count matches the grid.
 */
export function importedMessage(name: string, counts: { clips: number; trashed: number; cues: number }): string {
  const { clips, trashed, cues } = counts;
  const more = trashed === 1 ? '1 more clip is' : `${trashed} more clips are`;
  const inTrash = trashed === 0 ? '' : `; ${more} in the Trash, as in the original project`;
  return `Imported “${name}”: ${countClips(clips)}, ${cues} cue${cues === 1 ? '' : 's'}${inTrash}.`;
}

/**
 * What an exported bundle holds: the clips the project shows and, apart from them, those in its
 * Trash, which the bundle keeps so that an import puts them back in the Trash.
 */
export function exportedMessage(
  name: string,
  counts: { clips: number; trashed: number; cues: number },
  savedTo: string | null,
  fileName: string,
): string {
  const { clips, trashed, cues } = counts;
  const more = trashed === 0 ? '' : ` (and ${trashed} in the Trash)`;
  const where = savedTo !== null ? `, saved to ${savedTo}` : ` as ${fileName}`;
  return `Exported “${name}”: ${countClips(clips)}${more}, ${cues} cue${cues === 1 ? '' : 's'}${where}.`;
}

/** Bundles: "Export project…" writes the open project as one .shotline file; "Import project…" reads one in. */
export function useProjectTransfer(onImported: (project: Project) => void): {
  state: TransferState;
  exportProject: (project: Project) => Promise<void>;
  importProject: (file: File) => Promise<void>;
  dismiss: () => void;
} {
  const [state, setState] = useState<TransferState>({ status: 'idle' });
  const running = useRef(false);

  const track = useCallback(async <T>(label: string, from: number, work: (taskId: string) => Promise<T>) => {
    const taskId = newTaskId();
    const unsubscribe = studio.on('exports.progress', (p) => {
      if (p.taskId !== taskId) return;
      setState({
        status: 'working',
        label: `${PHASE_TEXT[p.phase]} · ${label}`,
        fraction: from + (1 - from) * p.fraction,
      });
    });
    try {
      return await work(taskId);
    } finally {
      unsubscribe();
    }
  }, []);

  const exportProject = useCallback(
    async (project: Project): Promise<void> => {
      if (running.current) return;
      running.current = true;
      setState({ status: 'working', label: `Exporting · ${project.name}`, fraction: 0 });
      try {
        const result = await track(project.name, 0, (taskId) =>
          studio.call('exports.project', { projectId: project.id, taskId }),
        );
        const paths = await studio.saveExports({
          files: [{ id: result.file.id, fileName: result.file.fileName }],
          mode: 'file',
        });
        if (studio.host === 'desktop')
          void studio.call('exports.discard', { ids: [result.file.id] }).catch(() => undefined);
        if (paths === null) setState({ status: 'idle' });
        else
          setState({
            status: 'done',
            message: exportedMessage(project.name, result, paths[0] ?? null, result.file.fileName),
            path: paths[0] ?? null,
            notes: [],
          });
      } catch (error) {
        setState({ status: 'failed', message: sentence(messageOf(error), [project.name]) });
      } finally {
        running.current = false;
      }
    },
    [track],
  );

  const importProject = useCallback(
    async (file: File): Promise<void> => {
      if (running.current) return;
      running.current = true;
      const upload = studio.host === 'browser' ? 0.5 : 0;
      setState({ status: 'working', label: `Uploading · ${file.name}`, fraction: 0 });
      try {
        const source = await studio.sourceForFile(file, (fraction) =>
          setState({ status: 'working', label: `Uploading · ${file.name}`, fraction: upload * fraction }),
        );
        const result = await track(file.name, upload, (taskId) =>
          studio.call('exports.importProject', { source, taskId }),
        );
        setState({
          status: 'done',
          message: importedMessage(result.project.name, result),
          path: null,
          notes: result.notes,
        });
        onImported(result.project);
      } catch (error) {
        // A refusal names the file first ("my-project.shotline cannot be imported: …"), exactly as it is.
        setState({ status: 'failed', message: sentence(messageOf(error), [file.name]) });
      } finally {
        running.current = false;
      }
    },
    [track, onImported],
  );

  const dismiss = useCallback(() => setState({ status: 'idle' }), []);
  return { state, exportProject, importProject, dismiss };
}

import { useCallback, useRef, useState } from 'react';
import type { Clip, ImportPhase } from '../../../../shared/domain';
import { importFiles } from '../../api/client';
import { messageOf } from '../../api/messages';

export interface ImportTask {
  key: number;
  projectId: number;
  fileCount: number;
  /** The file being worked on now. */
  name: string;
  index: number;
  phase: ImportPhase;
  fraction: number;
  status: 'running' | 'done';
  /** Clips added. */
  imported: number;
  /** Files that were already in the project (imported before, or earlier in this import), with the title of the clip each matched: nothing was added for them. */
  already: { name: string; title: string }[];
}

export interface ImportFailureNote {
  key: number;
  projectId: number;
  name: string;
  message: string;
}

export interface Imports {
  tasks: ImportTask[];
  failures: ImportFailureNote[];
  start: (projectId: number, files: readonly File[]) => void;
  dismiss: (key: number) => void;
  dismissAll: () => void;
  /** Takes away a finished import's summary, which stays while it names files that added nothing. */
  dismissTask: (key: number) => void;
}

const DONE_LINGER_MS = 2_500;

/**
 * Import tasks in flight and the failures they left, shown until the creator dismisses them.
 * `onNote` hears what the studio says of a file that did import (e.g. metadata it could not
 * read); `onAlready` gets the clips of files that were in the project already, `onImported` the
 * clips an import added, in the order of its files.
 */
export function useImports(
  onNote?: (message: string) => void,
  onAlready?: (clips: Clip[]) => void,
  onImported?: (clips: Clip[]) => void,
): Imports {
  const [tasks, setTasks] = useState<ImportTask[]>([]);
  const [failures, setFailures] = useState<ImportFailureNote[]>([]);
  const nextKey = useRef(1);

  const update = useCallback((key: number, change: Partial<ImportTask>) => {
    setTasks((list) => list.map((task) => (task.key === key ? { ...task, ...change } : task)));
  }, []);

  const addFailure = useCallback((projectId: number, name: string, message: string) => {
    const key = nextKey.current++;
    setFailures((list) => [
      ...list.filter((f) => !(f.name === name && f.message === message)),
      { key, projectId, name, message },
    ]);
  }, []);

  const start = useCallback(
    (projectId: number, files: readonly File[]) => {
      if (files.length === 0) return;
      const key = nextKey.current++;
      const first = files[0];
      setTasks((list) => [
        ...list,
        {
          key,
          projectId,
          fileCount: files.length,
          name: first?.name ?? '',
          index: 0,
          phase: 'upload',
          fraction: 0,
          status: 'running',
          imported: 0,
          already: [],
        },
      ]);
      const reported = new Set<string>();
      importFiles(projectId, files, (progress) => {
        if (progress.phase === 'failed') {
          reported.add(progress.name);
          addFailure(projectId, progress.name, progress.message ?? `${progress.name} could not be imported.`);
          return;
        }
        if (progress.phase === 'done' && progress.message) onNote?.(progress.message);
        update(key, {
          name: progress.name,
          index: progress.index,
          phase: progress.phase,
          fraction: Math.max(0, Math.min(1, progress.fraction)),
        });
      })
        .then((result) => {
          for (const failure of result.failures) {
            if (!reported.has(failure.name)) addFailure(projectId, failure.name, failure.message);
          }
          if (result.clips.length === 0) {
            setTasks((list) => list.filter((task) => task.key !== key));
            return;
          }
          const byId = new Map(result.clips.map((clip) => [clip.id, clip]));
          const already = result.already.map((file) => ({
            name: file.name,
            title: byId.get(file.clipId)?.title ?? file.name,
          }));
          const alreadyClips = [...new Set(result.already.map((file) => file.clipId))]
            .map((id) => byId.get(id))
            .filter((clip): clip is Clip => clip !== undefined);
          if (alreadyClips.length > 0) onAlready?.(alreadyClips);
          const was = new Set(result.already.map((file) => file.clipId));
          const added = result.clips.filter((clip) => !was.has(clip.id));
          if (added.length > 0) onImported?.(added);
          update(key, {
            status: 'done',
            fraction: 1,
            phase: 'done',
            imported: result.clips.length - result.already.length,
            already,
          });
          // A summary that names skipped files stays until dismissed: read in passing, it is missed.
          if (already.length === 0)
            setTimeout(() => setTasks((list) => list.filter((task) => task.key !== key)), DONE_LINGER_MS);
        })
        .catch((error: unknown) => {
          setTasks((list) => list.filter((task) => task.key !== key));
          const label = files.length === 1 ? (first?.name ?? 'The file') : `${files.length} files`;
          addFailure(projectId, label, messageOf(error));
        });
    },
    [addFailure, update, onNote, onAlready, onImported],
  );

  const dismiss = useCallback((key: number) => setFailures((list) => list.filter((f) => f.key !== key)), []);
  const dismissAll = useCallback(() => setFailures([]), []);
  const dismissTask = useCallback((key: number) => setTasks((list) => list.filter((task) => task.key !== key)), []);

  return { tasks, failures, start, dismiss, dismissAll, dismissTask };
}

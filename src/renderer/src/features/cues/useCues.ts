/** A clip's cues, kept fresh from the studio, with every edit going through an undo history. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Cue } from '../../../../shared/cues/calls';
import type { CueData, CueFormat } from '../../../../shared/cues/types';
import { studio } from '../../api/client';
import { useStudioEvent } from '../../api/hooks';
import { forgetEdits, noteEdit, noteRedo, noteUndo } from '../../format/editOrder';
import { fieldsOf, inverse, priorFields, renameIds, type CueEdit, type CueFields } from './cueEdits';
import { emptyStack, mapStack, record, redo as redoStack, undo as undoStack, type UndoStack } from './undoStack';

export interface CuesState {
  /** In time order; null while loading. */
  cues: Cue[] | null;
  error: string | null;
  canUndo: boolean;
  canRedo: boolean;
  create: (data: CueData[]) => Promise<Cue[]>;
  /** Imports a cue file as one edit: undo takes back every cue it added. */
  importFile: (format: CueFormat, text: string) => Promise<{ cues: Cue[]; skipped: number }>;
  update: (id: number, patch: Partial<CueFields>) => Promise<void>;
  remove: (ids: number[]) => Promise<void>;
  undo: () => Promise<void>;
  redo: () => Promise<void>;
  reload: () => void;
}

export function byTime(a: Cue, b: Cue): number {
  return a.startMs - b.startMs || a.id - b.id;
}

function merge(list: Cue[], changed: Cue[], removed: ReadonlySet<number> = new Set()): Cue[] {
  const ids = new Set(changed.map((c) => c.id));
  return [...list.filter((c) => !ids.has(c.id) && !removed.has(c.id)), ...changed].sort(byTime);
}

export function useCues(clipId: number): CuesState {
  const [cues, setCues] = useState<Cue[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [history, setHistory] = useState<UndoStack<CueEdit>>(emptyStack);
  const historyRef = useRef(history);
  const cuesRef = useRef<Cue[]>([]);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    historyRef.current = history;
  }, [history]);
  /**
   * Every change to the list goes through here, so the ref the edits read is current at once:
   * an edit made as a new cue's editor appears (its typed-ahead label) finds the cue.
   */
  const setList = useCallback((next: (list: Cue[]) => Cue[]) => {
    cuesRef.current = next(cuesRef.current);
    setCues(cuesRef.current);
  }, []);

  useEffect(() => {
    let live = true;
    studio.call('cues.list', { clipId }).then(
      (list) => {
        if (!live) return;
        setList(() => [...list].sort(byTime));
        setError(null);
      },
      (failure: unknown) => {
        if (live) setError(failure instanceof Error ? failure.message : String(failure));
      },
    );
    return () => {
      live = false;
    };
  }, [clipId, generation, setList]);

  useStudioEvent('cues.changed', (payload) => {
    if (payload.clipId === clipId) setGeneration((g) => g + 1);
  });

  const setStack = useCallback((next: UndoStack<CueEdit>) => {
    historyRef.current = next;
    setHistory(next);
  }, []);
  // This clip's history goes with its timeline: Ctrl+Z on the page no longer looks for it.
  useEffect(() => () => forgetEdits('timeline'), [clipId]);

  /** Carries an edit out; re-created cues come back with new ids, which are returned. */
  const apply = useCallback(
    async (edit: CueEdit): Promise<{ created: Cue[]; ids: Map<number, number> }> => {
      const ids = new Map<number, number>();
      if (edit.type === 'create') {
        const created = await studio.call('cues.create', { clipId, cues: edit.cues.map(fieldsOf) });
        edit.cues.forEach((old, i) => {
          const made = created[i];
          if (made) ids.set(old.id, made.id);
        });
        setList((list) => merge(list, created));
        return { created, ids };
      }
      if (edit.type === 'delete') {
        await studio.call('cues.delete', { ids: edit.cues.map((c) => c.id) });
        const gone = new Set(edit.cues.map((c) => c.id));
        setList((list) => merge(list, [], gone));
        return { created: [], ids };
      }
      const updated = await Promise.all(
        edit.changes.map((change) => studio.call('cues.update', { id: change.id, patch: change.after })),
      );
      setList((list) => merge(list, updated));
      return { created: [], ids };
    },
    [clipId, setList],
  );

  const create = useCallback(
    async (data: CueData[]) => {
      const created = await studio.call('cues.create', { clipId, cues: data });
      setList((list) => merge(list, created));
      setStack(record(historyRef.current, { type: 'create', cues: created }));
      noteEdit('timeline');
      return created;
    },
    [clipId, setList, setStack],
  );

  const importFile = useCallback(
    async (format: CueFormat, text: string) => {
      const result = await studio.call('cues.import', { clipId, format, text });
      if (result.cues.length > 0) {
        setList((list) => merge(list, result.cues));
        setStack(record(historyRef.current, { type: 'create', cues: result.cues }));
        noteEdit('timeline');
      }
      return result;
    },
    [clipId, setList, setStack],
  );

  const update = useCallback(
    async (id: number, patch: Partial<CueFields>) => {
      const before = cuesRef.current.find((c) => c.id === id);
      if (!before) return;
      const cue = await studio.call('cues.update', { id, patch });
      setList((list) => merge(list, [cue]));
      setStack(
        record(historyRef.current, {
          type: 'update',
          changes: [{ id, before: priorFields(before, patch), after: patch }],
        }),
      );
      noteEdit('timeline');
    },
    [setList, setStack],
  );

  const remove = useCallback(
    async (ids: number[]) => {
      const gone = cuesRef.current.filter((c) => ids.includes(c.id));
      if (gone.length === 0) return;
      await apply({ type: 'delete', cues: gone });
      setStack(record(historyRef.current, { type: 'delete', cues: gone }));
      noteEdit('timeline');
    },
    [apply, setStack],
  );

  const step = useCallback(
    async (direction: 'undo' | 'redo') => {
      const next = direction === 'undo' ? undoStack(historyRef.current) : redoStack(historyRef.current);
      if (!next) return;
      setStack(next.stack);
      if (direction === 'undo') noteUndo('timeline');
      else noteRedo('timeline');
      const { ids } = await apply(direction === 'undo' ? inverse(next.edit) : next.edit);
      if (ids.size > 0) setStack(mapStack(historyRef.current, (edit) => renameIds(edit, ids)));
    },
    [apply, setStack],
  );

  const undo = useCallback(() => step('undo'), [step]);
  const redo = useCallback(() => step('redo'), [step]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);

  return {
    cues,
    error,
    canUndo: history.past.length > 0,
    canRedo: history.future.length > 0,
    create,
    importFile,
    update,
    remove,
    undo,
    redo,
    reload,
  };
}

import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  type JSX,
  type ReactNode,
  type RefObject,
} from 'react';
import type { Clip } from '../../../../shared/domain';
import type { ClipFlag, ColorLabel } from '../../../../shared/library/labels';
import { studio } from '../../api/client';
import { useToaster } from '../../components/Toasts';
import { noteEdit, noteRedo, noteUndo } from '../../format/editOrder';
import { hasOwnUndo, modalOpen } from '../../format/shortcuts';
import { emptyStack, record, redo, undo, type UndoStack } from '../cues/undoStack';
import {
  applyChange,
  clipsOf,
  organiseEdits,
  sameOrganising,
  toggledFlag,
  type OrganiseChange,
  type OrganiseEdit,
  type OrganiseState,
  type OrganiseStep,
} from './organiseHistory';

/** The organising calls the inspector, the keys and the selection bar share, each one undoable. */
export interface Organise {
  rate: (ids: readonly number[], rating: number) => Promise<void>;
  flag: (ids: readonly number[], flag: ClipFlag | null) => Promise<void>;
  color: (ids: readonly number[], color: ColorLabel | null) => Promise<void>;
  /** Tags given together ("rain, night"): one edit, undone at once. */
  addTags: (ids: readonly number[], tags: readonly string[]) => Promise<void>;
  removeTag: (ids: readonly number[], tag: string) => Promise<void>;
  /** P / X: toggles the flag of one clip, sets it on several, against the clip as it is when the turn comes. */
  toggleFlag: (ids: readonly number[], flag: ClipFlag) => Promise<void>;
}

async function send(step: OrganiseStep): Promise<void> {
  const { ids, change } = step;
  switch (change.kind) {
    case 'rate':
      await studio.call('library.setRating', { ids, rating: change.rating });
      return;
    case 'flag':
      await studio.call('library.setFlag', { ids, flag: change.flag });
      return;
    case 'color':
      await studio.call('library.setColor', { ids, color: change.color });
      return;
    case 'addTag':
      await studio.call('library.addTags', { ids, tags: [change.tag] });
      return;
    case 'removeTag':
      await studio.call('library.removeTags', { ids, tags: [change.tag] });
      return;
  }
}

/** How long a write stands in for the library's copy at most, should the library never show it (changed elsewhere). */
const WRITTEN_MS = 5000;

/** Changes made together, or how to make one from the clips' state when its turn comes (a toggle). */
type ChangeOf = readonly OrganiseChange[] | ((before: readonly OrganiseState[]) => OrganiseChange);

function organiseWith(apply: (ids: readonly number[], change: ChangeOf) => Promise<void>): Organise {
  return {
    rate: (ids, rating) => apply(ids, [{ kind: 'rate', rating }]),
    flag: (ids, flag) => apply(ids, [{ kind: 'flag', flag }]),
    color: (ids, color) => apply(ids, [{ kind: 'color', color }]),
    addTags: (ids, tags) =>
      apply(
        ids,
        tags.map((tag) => ({ kind: 'addTag', tag })),
      ),
    removeTag: (ids, tag) => apply(ids, [{ kind: 'removeTag', tag }]),
    toggleFlag: (ids, flag) => apply(ids, (before) => toggledFlag(before, flag)),
  };
}

/** Without a history (a component on its own): the calls, not undoable. */
const direct = organiseWith(async (ids, change) => {
  if (typeof change !== 'function') {
    for (const each of change) await send({ ids: [...ids], change: each });
    return;
  }
  const before = await Promise.all(ids.map((id) => studio.call('clips.get', { id })));
  await send({ ids: [...ids], change: change(before) });
});

const OrganiseContext = createContext<Organise>(direct);

export function useOrganise(): Organise {
  return useContext(OrganiseContext);
}

/** What the library's other undoable edits (moving clips to the Trash) use to join the history. */
export interface HistoryHandle {
  /** Puts an edit already made on the history; the function undoes it while it is still the latest. */
  record: (edit: OrganiseEdit) => () => void;
  /**
   * Drops every edit, undone or not, on any of these clips, deleted for good (the Trash emptied):
   * Ctrl+Z goes on to the edit before, and a toast's Undo for a dropped edit says why it cannot.
   */
  forget: (ids: readonly number[]) => void;
}

const HistoryContext = createContext<HistoryHandle | null>(null);

/** The library's history, for views that make undoable edits of their own (the Trash); null outside it. */
export function useLibraryHistory(): HistoryHandle | null {
  return useContext(HistoryContext);
}

interface Props {
  /** The clips as the library last loaded them; undefined for one it has not. */
  find: (id: number) => Clip | undefined;
  /** Set to this history's handle. */
  handleRef?: RefObject<HistoryHandle | null>;
  children: ReactNode;
}

/**
 * Keeps the library's organising edits in an undo history: Ctrl+Z undoes the last, Ctrl+Shift+Z
 * (or Ctrl+Y) redoes it, wherever focus is (Rate selected, an empty tag box) except in a text
 * field with text or an editor, which keep their own undo (hasOwnUndo), a dialog or the cue
 * timeline, which has its own history and takes the keys first; with focus on the page itself,
 * the timeline takes them only when its edit came after the library's (editOrder.ts).
 */
export function OrganiseHistory({ find, handleRef, children }: Props): JSX.Element {
  const toaster = useToaster();
  const stack = useRef<UndoStack<OrganiseEdit>>(emptyStack());
  // Edits dropped because their clips were deleted for good: a toast's Undo for one says so.
  const forgotten = useRef(new WeakSet<OrganiseEdit>());
  // One edit at a time, in order: an undo never overtakes the change it reverses.
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  const latestFind = useRef(find);
  useEffect(() => {
    latestFind.current = find;
  });
  // What this history last wrote to each clip, until the library's copy shows it: the library
  // reloads a beat after each write, and a key pressed meanwhile must see the write before it.
  const written = useRef(new Map<number, { state: OrganiseState; at: number }>());

  /** The clip as this history last wrote it or the library last loaded it; undefined for one not loaded. */
  const known = useCallback((id: number): OrganiseState | undefined => {
    const loaded = latestFind.current(id);
    const mine = written.current.get(id);
    if (mine && (!loaded || !sameOrganising(loaded, mine.state)) && Date.now() - mine.at < WRITTEN_MS)
      return mine.state;
    written.current.delete(id);
    return loaded;
  }, []);

  /** Sends the steps in order, remembering what each wrote to the clips whose state is known. */
  const sendRemembered = useCallback(
    async (steps: readonly OrganiseStep[], before: readonly OrganiseState[]) => {
      const states = new Map(before.map((clip) => [clip.id, clip]));
      for (const step of steps) {
        await send(step);
        for (const id of step.ids) {
          const state = states.get(id) ?? known(id);
          if (!state) continue;
          const after = applyChange(state, step.change);
          states.set(id, after);
          written.current.set(id, { state: after, at: Date.now() });
        }
      }
    },
    [known],
  );

  const queue = useCallback(<T,>(work: () => Promise<T>): Promise<T> => {
    const next = chain.current.then(work, work);
    chain.current = next.catch(() => undefined);
    return next;
  }, []);

  /** Undoes or redoes the latest edit; from a toast's Undo, only while its edit is still the latest. */
  const step = useCallback(
    (direction: 'undo' | 'redo', expected?: OrganiseEdit) =>
      queue(async () => {
        if (expected && forgotten.current.has(expected)) {
          toaster.show(
            'info',
            `Could not undo: ${expected.label}`,
            'The clips it changed were deleted for good when the Trash was emptied.',
          );
          return;
        }
        if (expected && stack.current.past.at(-1) !== expected) {
          toaster.show(
            'info',
            `Could not undo: ${expected.label}`,
            'Later changes came after it. Press Ctrl+Z to undo the changes one by one, the latest first.',
          );
          return;
        }
        const next = direction === 'undo' ? undo(stack.current) : redo(stack.current);
        if (!next) {
          toaster.show('info', direction === 'undo' ? 'Nothing to undo' : 'Nothing to redo');
          return;
        }
        if (next.edit.barrier !== undefined) {
          stack.current = next.stack;
          if (direction === 'undo') toaster.show('info', `${next.edit.label} cannot be undone`, next.edit.barrier);
          return;
        }
        try {
          const { own } = next.edit;
          if (own) await (direction === 'undo' ? own.undo() : own.redo());
          else await sendRemembered(direction === 'undo' ? next.edit.backward : next.edit.forward, []);
          stack.current = next.stack;
          if (direction === 'undo') noteUndo('library');
          else noteRedo('library');
          toaster.show('info', `${direction === 'undo' ? 'Undone' : 'Redone'}: ${next.edit.label}`);
        } catch (error) {
          toaster.error(direction === 'undo' ? 'Could not undo' : 'Could not redo', error);
        }
      }),
    [queue, toaster, sendRemembered],
  );

  const apply = useCallback(
    (ids: readonly number[], changeOf: ChangeOf) =>
      queue(async () => {
        const before: OrganiseState[] = [];
        // Clips the library has not loaded (a selection scrolled far away) are read for their state.
        for (const id of ids) before.push(known(id) ?? (await studio.call('clips.get', { id })));
        const changes = typeof changeOf === 'function' ? [changeOf(before)] : changeOf;
        const edit = organiseEdits(before, changes);
        if (!edit) {
          for (const change of changes) await send({ ids: [...ids], change });
          return;
        }
        await sendRemembered(edit.forward, before);
        stack.current = record(stack.current, edit);
        noteEdit('library');
        // A change to several clips at once says what it did, with its Undo, as moving and
        // trashing them do; one clip's change shows in the inspector itself.
        if (ids.length > 1)
          toaster.show('success', edit.done, '', { label: 'Undo', run: () => void step('undo', edit) });
      }),
    [queue, known, sendRemembered, toaster, step],
  );

  const handle: HistoryHandle = useMemo(
    () => ({
      record: (edit) => {
        noteEdit('library');
        void queue(() => {
          stack.current = record(stack.current, edit);
          return Promise.resolve();
        });
        return () => void step('undo', edit);
      },
      forget: (ids) => {
        const gone = new Set(ids);
        void queue(() => {
          const keep = (edit: OrganiseEdit): boolean => {
            if (!clipsOf(edit).some((id) => gone.has(id))) return true;
            forgotten.current.add(edit);
            return false;
          };
          stack.current = { past: stack.current.past.filter(keep), future: stack.current.future.filter(keep) };
          return Promise.resolve();
        });
      },
    }),
    [queue, step],
  );
  useEffect(() => {
    if (!handleRef) return;
    handleRef.current = handle;
    return () => {
      handleRef.current = null;
    };
  }, [handleRef, handle]);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent): void {
      if (event.defaultPrevented || event.altKey || !(event.ctrlKey || event.metaKey)) return;
      if (modalOpen() || hasOwnUndo(event.target)) return;
      if (event.target instanceof HTMLElement && event.target.closest('.cue-timeline')) return;
      const key = event.key.toLowerCase();
      const direction =
        key === 'z' ? (event.shiftKey ? 'redo' : 'undo') : key === 'y' && !event.shiftKey ? 'redo' : null;
      if (direction === null) return;
      event.preventDefault();
      void step(direction);
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [step]);

  // The functions only call apply later, from events; nothing reads a ref while rendering.
  // eslint-disable-next-line react-hooks/refs
  const value = useMemo(() => organiseWith(apply), [apply]);
  return (
    <HistoryContext.Provider value={handle}>
      <OrganiseContext.Provider value={value}>{children}</OrganiseContext.Provider>
    </HistoryContext.Provider>
  );
}

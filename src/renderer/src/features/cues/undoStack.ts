/** An undo history of edits: a pure value, so every step is easy to test and to reason about. */

export interface UndoStack<E> {
  readonly past: readonly E[];
  readonly future: readonly E[];
}

/** Older edits are dropped past this many. */
export const UNDO_LIMIT = 200;

export function emptyStack<E>(): UndoStack<E> {
  return { past: [], future: [] };
}

/** A new edit: it can be undone, and whatever was undone before it can no longer be redone. */
export function record<E>(stack: UndoStack<E>, edit: E, limit = UNDO_LIMIT): UndoStack<E> {
  const past = [...stack.past, edit];
  return { past: past.length > limit ? past.slice(past.length - limit) : past, future: [] };
}

/** The edit to reverse and the stack after it; null when there is nothing to undo. */
export function undo<E>(stack: UndoStack<E>): { edit: E; stack: UndoStack<E> } | null {
  const edit = stack.past[stack.past.length - 1];
  if (edit === undefined) return null;
  return { edit, stack: { past: stack.past.slice(0, -1), future: [edit, ...stack.future] } };
}

/** The edit to apply again and the stack after it; null when there is nothing to redo. */
export function redo<E>(stack: UndoStack<E>): { edit: E; stack: UndoStack<E> } | null {
  const edit = stack.future[0];
  if (edit === undefined) return null;
  return { edit, stack: { past: [...stack.past, edit], future: stack.future.slice(1) } };
}

/** Rewrites every edit, e.g. when re-creating deleted items gave them new ids. */
export function mapStack<E>(stack: UndoStack<E>, fn: (edit: E) => E): UndoStack<E> {
  return { past: stack.past.map(fn), future: stack.future.map(fn) };
}

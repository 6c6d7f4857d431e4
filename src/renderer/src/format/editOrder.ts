/**
 * The order of the studio's undoable edits across its two histories: the library's (organising,
 * the Trash, renames, moves, projects deleted) and the open cue timeline's. Ctrl+Z pressed with
 * focus on neither (the page itself, the player) goes to whichever took the latest edit still
 * done; Ctrl+Shift+Z to whichever the latest undo was in. Each history says what it did here.
 */
export type EditHistory = 'library' | 'timeline';

/** Enough to route the keys; older entries are of no use once this many edits came after. */
const KEPT = 500;

const done: EditHistory[] = [];
const undone: EditHistory[] = [];

function removeLast(list: EditHistory[], history: EditHistory): void {
  const at = list.lastIndexOf(history);
  if (at >= 0) list.splice(at, 1);
}

/** A new edit in `history`: it can no longer redo what it had undone. */
export function noteEdit(history: EditHistory): void {
  done.push(history);
  if (done.length > KEPT) done.shift();
  for (let i = undone.length - 1; i >= 0; i--) if (undone[i] === history) undone.splice(i, 1);
}

export function noteUndo(history: EditHistory): void {
  removeLast(done, history);
  undone.push(history);
  if (undone.length > KEPT) undone.shift();
}

export function noteRedo(history: EditHistory): void {
  removeLast(undone, history);
  done.push(history);
  if (done.length > KEPT) done.shift();
}

/** A history gone (the timeline closed, or opened on another clip): its edits leave the order. */
export function forgetEdits(history: EditHistory): void {
  for (const list of [done, undone])
    for (let i = list.length - 1; i >= 0; i--) if (list[i] === history) list.splice(i, 1);
}

/** The history Ctrl+Z (`undo`) or Ctrl+Shift+Z (`redo`) reaches first; null when neither has an edit noted. */
export function nextFor(direction: 'undo' | 'redo'): EditHistory | null {
  return (direction === 'undo' ? done : undone).at(-1) ?? null;
}

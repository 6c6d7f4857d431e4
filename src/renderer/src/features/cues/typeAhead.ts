/**
 * Keys typed after M while the new cue is still being stored: held here and handed to its label
 * field when it appears, so a creator typing straight on loses no letter (and no letter is taken
 * for a timeline key). A pure value, one key at a time.
 */

export interface TypedAhead {
  /** What was typed, Backspace applied. */
  text: string;
  /** Enter was pressed: the label is committed as soon as the field has it. */
  enter: boolean;
}

export const NOTHING_TYPED: TypedAhead = { text: '', enter: false };

export interface TypedKey {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

/** Whether the label field would take this key as typing (letters, Space, Backspace, Enter). */
export function isTypingKey(press: TypedKey): boolean {
  if (press.ctrlKey || press.metaKey || press.altKey) return false;
  return press.key.length === 1 || press.key === 'Backspace' || press.key === 'Enter';
}

/** The text after one more key; after Enter nothing more is taken. */
export function typeKey(typed: TypedAhead, key: string): TypedAhead {
  if (typed.enter) return typed;
  if (key === 'Enter') return { ...typed, enter: true };
  if (key === 'Backspace') return { ...typed, text: typed.text.slice(0, -1) };
  return key.length === 1 ? { ...typed, text: typed.text + key } : typed;
}

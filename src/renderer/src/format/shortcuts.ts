export const isMac = typeof navigator !== 'undefined' && /Macintosh|Mac OS X|iPhone|iPad/.test(navigator.userAgent);

/** "Ctrl+I" or "⌘I", for tooltips. */
export function modKey(key: string): string {
  return isMac ? `⌘${key}` : `Ctrl+${key}`;
}

/** The Delete key as the keyboard labels it. */
export const deleteKey = isMac ? '⌫' : 'Delete';

/** True when a key press should be left to a text field rather than treated as a shortcut. */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'file', 'color'].includes(target.type);
  }
  return false;
}

/**
 * True when Ctrl+Z belongs to the focused field: a text box with text in it, or an editor (which
 * keeps its own history). A list box (select) or an empty text box has nothing of its own to
 * undo, so the studio's undo takes the key there.
 */
export function hasOwnUndo(target: EventTarget | null): boolean {
  if (!isTextEntry(target) || target instanceof HTMLSelectElement) return false;
  if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) return target.value !== '';
  return true;
}

/** True when any modal <dialog> is open, so global shortcuts stand aside. */
export function modalOpen(): boolean {
  return document.querySelector('dialog[open]') !== null;
}

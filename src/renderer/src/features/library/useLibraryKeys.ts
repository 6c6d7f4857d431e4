import { useEffect, useRef } from 'react';
import { isMac, isTextEntry, modalOpen } from '../../format/shortcuts';

export type LibraryKeyAction = 'trash' | 'selectAll' | 'clear' | 'space';

interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/**
 * Delete (and on macOS the key labelled delete, which sends Backspace, alone or with ⌘ as in the
 * Finder) moves the chosen clips to the Trash; Ctrl+A (⌘A) chooses every clip in view; Escape
 * clears the choice. Space on a chosen clip plays it (the player's key); with several chosen there
 * is nothing to play, and the choice stays.
 */
export function libraryKeyAction(event: KeyLike, mac = isMac): LibraryKeyAction | null {
  const mod = mac ? event.metaKey : event.ctrlKey;
  const other = mac ? event.ctrlKey : event.metaKey;
  if (event.altKey || event.shiftKey || other) return null;
  if (event.key === 'Delete' && !mod) return 'trash';
  if (mac && event.key === 'Backspace') return 'trash';
  if (mod && event.key.toLowerCase() === 'a') return 'selectAll';
  if (event.key === 'Escape' && !mod) return 'clear';
  if (event.key === ' ' && !mod) return 'space';
  return null;
}

/**
 * Where the library's keys apply: the grid or list and the controls around them (the clips
 * canvas), or the page itself. Never a text field, an open dialog, or another panel's own keys
 * (the cue timeline answers Delete and Ctrl+A for its cues).
 */
export function libraryHasKeys(target: EventTarget | null): boolean {
  if (modalOpen() || isTextEntry(target)) return false;
  if (target === document.body) return true;
  return target instanceof Element && target.closest('.canvas') !== null;
}

interface Handlers {
  trash: () => void;
  selectAll: () => void;
  /** Clears the choice; false when nothing was chosen, so Escape is left to others. */
  clear: () => boolean;
  /** Whether more than one clip is chosen. */
  several: () => boolean;
}

/** The library's keys while the grid or list shows (`active`). */
export function useLibraryKeys(active: boolean, handlers: Handlers): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    if (!active) return;
    function onKeyDown(event: KeyboardEvent): void {
      if (event.defaultPrevented || event.repeat) return;
      const action = libraryKeyAction(event);
      if (action === null || !libraryHasKeys(event.target)) return;
      if (action === 'clear') {
        if (latest.current.clear()) event.preventDefault();
        return;
      }
      if (action === 'space') {
        // A card is a button, which Space would press: that opens the one clip, dropping the rest.
        if (event.target instanceof Element && event.target.closest('[data-clip-button]') && latest.current.several())
          event.preventDefault();
        return;
      }
      event.preventDefault();
      if (action === 'trash') latest.current.trash();
      else latest.current.selectAll();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [active]);
}

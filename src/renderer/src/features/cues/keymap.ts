/**
 * The cue timeline's keys, NLE-style: a pure mapping from a key press to an action, so each
 * key has a test and the component only carries the actions out.
 */

export type CueAction =
  | { type: 'playPause' }
  | { type: 'shuttle'; direction: 1 | -1 }
  | { type: 'stop' }
  | { type: 'step'; unit: 'frame' | 'second'; direction: 1 | -1 }
  | { type: 'home' }
  | { type: 'end' }
  | { type: 'markIn' }
  | { type: 'markOut' }
  | { type: 'addCue' }
  | { type: 'editCue' }
  | { type: 'deleteCue' }
  | { type: 'selectCue'; direction: 1 | -1 }
  | { type: 'selectAll' }
  | { type: 'zoom'; direction: 1 | -1 }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'shortcuts' }
  | { type: 'leave' };

export interface KeyPress {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

/** What the timeline acts on besides the key: K held down turns J and L into frame steps. */
export interface KeyState {
  kHeld: boolean;
}

export function keyAction(press: KeyPress, state: KeyState): CueAction | null {
  const { shiftKey: shift, altKey: alt } = press;
  const mod = press.ctrlKey || press.metaKey;
  const key = press.key.length === 1 ? press.key.toLowerCase() : press.key;
  if (alt) return null;
  if (mod) {
    if (key === 'z') return shift ? { type: 'redo' } : { type: 'undo' };
    if (key === 'y' && !shift) return { type: 'redo' };
    if (key === 'a' && !shift) return { type: 'selectAll' };
    return null;
  }
  switch (key) {
    case ' ':
      return { type: 'playPause' };
    case 'j':
      return state.kHeld ? { type: 'step', unit: 'frame', direction: -1 } : { type: 'shuttle', direction: -1 };
    case 'l':
      return state.kHeld ? { type: 'step', unit: 'frame', direction: 1 } : { type: 'shuttle', direction: 1 };
    case 'k':
      return { type: 'stop' };
    case 'ArrowLeft':
      return { type: 'step', unit: shift ? 'second' : 'frame', direction: -1 };
    case 'ArrowRight':
      return { type: 'step', unit: shift ? 'second' : 'frame', direction: 1 };
    case 'Home':
      return { type: 'home' };
    case 'End':
      return { type: 'end' };
    case 'i':
      return { type: 'markIn' };
    case 'o':
      return { type: 'markOut' };
    case 'm':
      return shift ? { type: 'editCue' } : { type: 'addCue' };
    case 'Delete':
    case 'Backspace':
      return { type: 'deleteCue' };
    case 'Tab':
      return { type: 'selectCue', direction: shift ? -1 : 1 };
    case '+':
    case '=':
      return { type: 'zoom', direction: 1 };
    case '-':
    case '_':
      return { type: 'zoom', direction: -1 };
    case '?':
      return { type: 'shortcuts' };
    case 'Escape':
      return { type: 'leave' };
    default:
      return null;
  }
}

export const SHUTTLE_RATES = [1, 2, 4, 8] as const;

/**
 * The shuttle rate after pressing L (direction 1) or J (−1): each press in the same direction
 * doubles it up to 8×; a press the other way starts again at 1× that way. Negative is backwards.
 */
export function nextShuttle(current: number, direction: 1 | -1): number {
  if (current === 0 || Math.sign(current) !== direction) return direction;
  const speed = Math.min(SHUTTLE_RATES[SHUTTLE_RATES.length - 1] ?? 8, Math.abs(current) * 2);
  return speed * direction;
}

/**
 * Where the keys go, as the shortcuts sheet says it: like a desktop editor, keys act on what has
 * focus. A clip opened (Enter, a double-click) gives them to its timeline; a click only chooses
 * it and the clip grid keeps its arrow keys while it has focus, shown by its focus ring.
 */
export const FOCUS_RULE =
  'Keys act where focus is. Double-click a clip (or press Enter on it) and its timeline takes them: ← → Home End move the playhead; a click on the timeline does the same. A single click only chooses the clip: the grid keeps the arrows to move between clips while it has focus, shown by a ring round the card.';

/** The shortcuts sheet, in the order it lists them. */
export const SHORTCUTS: readonly (readonly [keys: string, what: string])[] = [
  ['Space', 'Play / pause'],
  ['J / K / L', 'Shuttle back / stop / forward (press again: 2×, 4×, 8×); J at the start and L at the end stay put'],
  ['K+J / K+L', 'Step one frame back / forward'],
  ['← / →', 'One frame back / forward'],
  ['Shift+← / Shift+→', 'One second back / forward'],
  ['Home / End', 'Go to start / end'],
  ['I / O', 'Set range in / out (then M adds a range cue)'],
  ['M', 'Add a cue at the playhead'],
  ['Shift+M', 'Edit the selected cue'],
  ['Delete', 'Remove the selected cues'],
  ['Tab / Shift+Tab', 'Next / previous cue; past the last (or first) cue, on out of the timeline'],
  ['Ctrl+A', 'Select all the cues shown (then Delete removes them, Ctrl+Z brings them back)'],
  ['+ / −', 'Zoom in / out'],
  ['Ctrl+Z / Ctrl+Shift+Z', 'Undo / redo'],
  ['?', 'Show these shortcuts'],
  ['Esc', 'Clear the cue selection; with none, back to the clip in the library, whose keys work again'],
];

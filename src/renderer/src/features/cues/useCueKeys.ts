/** Carries out the keymap's actions on the player and the cues while the timeline is open. */
import { useEffect, useRef } from 'react';
import type { Cue } from '../../../../shared/cues/calls';
import { nextFor } from '../../format/editOrder';
import { isTextEntry, modalOpen } from '../../format/shortcuts';
import { adjacentCue, cueToMoveFrom } from './cueNavigation';
import { stepFrames } from './cueTime';
import { keyAction, nextShuttle, type CueAction } from './keymap';
import { isTypingKey, typeKey, type TypedAhead } from './typeAhead';

interface Options {
  media: HTMLMediaElement | null;
  fps: number;
  durationMs: number;
  /** Where the playhead is as the key is pressed: the readout, or a click it has not caught up with (clickedSeek.ts). */
  playhead: () => number;
  cues: readonly Cue[];
  selected: ReadonlySet<number>;
  /** The cue last picked: Tab and Shift+Tab go on from it. */
  anchor: number | null;
  seek: (ms: number) => void;
  select: (ids: number[], seekTo?: Cue) => void;
  addCue: () => void;
  removeSelected: () => void;
  zoom: (direction: 1 | -1) => void;
  setMarks: (
    update: (marks: { in: number | null; out: number | null }) => { in: number | null; out: number | null },
  ) => void;
  editSelected: () => void;
  undo: () => void;
  redo: () => void;
  showShortcuts: () => void;
  /** Escape with no cue chosen: the keys go back to the library (the clip's card or row). */
  leave: () => void;
  /** Ctrl+A: every cue the list shows. */
  selectAll: () => void;
  /** Set while a cue added with M is being stored: typing goes here until its label field appears. */
  typedAhead: { current: TypedAhead | null };
}

/** Reverse shuttle is done by stepping: media elements cannot play backwards. */
const REVERSE_TICK_MS = 40;

/** Whether the player stands at the clip's end, where playing on would start again from 0. */
function atEnd(media: HTMLMediaElement): boolean {
  return media.ended || (Number.isFinite(media.duration) && media.currentTime >= media.duration);
}

function keysFree(event: KeyboardEvent): boolean {
  const target = event.target;
  // A list box (the new cue's kind) takes letters to choose, but Escape on it, closed, is the
  // timeline's: it leaves as from anywhere in the timeline.
  const listBoxEscape = event.key === 'Escape' && target instanceof HTMLSelectElement;
  if (event.defaultPrevented || modalOpen() || (isTextEntry(target) && !listBoxEscape)) return false;
  // Buttons and the player's own controls answer Space and Enter themselves; a clip's card in the
  // library is chosen already, so Space plays it, as it does on a row of the list.
  const button = target instanceof HTMLButtonElement && target.closest('[data-clip-id]') === null;
  if (event.key === ' ' && (button || target instanceof HTMLVideoElement)) return false;
  return true;
}

/**
 * Keys that other lists answer too (arrows, Home/End, Tab, Delete, undo) act on the timeline only
 * while focus is on the page, the player or the timeline, so the clip grid keeps its own.
 */
const LOCAL_ACTIONS: ReadonlySet<CueAction['type']> = new Set([
  'step',
  'home',
  'end',
  'selectCue',
  'selectAll',
  'deleteCue',
  'undo',
  'redo',
]);

function focusIsOurs(action: CueAction, target: EventTarget | null): boolean {
  if (!LOCAL_ACTIONS.has(action.type) || !(target instanceof HTMLElement)) return true;
  // Ctrl+A selects the page's text elsewhere, and Escape belongs to whatever has focus: each
  // acts on the timeline only with focus in it.
  if (action.type === 'selectAll' || action.type === 'leave') return target.closest('.cue-timeline') !== null;
  if (target === document.body || target instanceof HTMLVideoElement) {
    // With focus on neither history, undo and redo go to the one whose edit was latest: the
    // library's, when it was a library action after the timeline's last edit.
    if (action.type === 'undo' || action.type === 'redo') return nextFor(action.type) !== 'library';
    return true;
  }
  // Tab leaves a focused control as usual; it moves between cues from the timeline itself (focused
  // by a click on it), the waveform and the list.
  if (action.type === 'selectCue')
    return target.matches('.cue-timeline') || target.closest('.cue-timeline__wave, .cue-list') !== null;
  return target.closest('.cue-timeline') !== null;
}

const TABBABLE =
  'button:not([disabled]), select:not([disabled]), textarea:not([disabled]), a[href], ' +
  'input:not([disabled]):not([type="hidden"]), [tabindex]:not([tabindex="-1"])';

/**
 * Tab past the last cue (or Shift+Tab before the first) goes on out of the timeline, so the
 * keyboard is never held in it: focus is put on the timeline's last (first) control, and the
 * browser's own Tab then moves on from there to what follows (precedes) the timeline.
 */
function passOutOfTimeline(direction: 1 | -1): void {
  const timeline = document.querySelector<HTMLElement>('.cue-timeline');
  // From the page itself the browser's Tab already goes on to the page's first control.
  if (!timeline?.contains(document.activeElement)) return;
  const controls = [...timeline.querySelectorAll<HTMLElement>(TABBABLE)].filter(
    (element) => element.getClientRects().length > 0,
  );
  const edge = direction > 0 ? controls.at(-1) : controls[0];
  edge?.focus({ preventScroll: true });
}

export function useCueKeys(options: Options): void {
  const latest = useRef(options);
  const shuttle = useRef({ rate: 0, timer: null as ReturnType<typeof setInterval> | null });
  const kHeld = useRef(false);
  useEffect(() => {
    latest.current = options;
  });

  useEffect(() => {
    const stopReverse = (): void => {
      if (shuttle.current.timer !== null) clearInterval(shuttle.current.timer);
      shuttle.current.timer = null;
    };

    /** Carries the action out; false when it is left to the browser (Tab past the last cue). */
    function run(action: CueAction): boolean {
      const o = latest.current;
      const media = o.media;
      switch (action.type) {
        case 'playPause':
          stopReverse();
          shuttle.current.rate = 0;
          if (!media) return true;
          media.playbackRate = 1;
          if (media.paused || media.ended) void media.play().catch(() => undefined);
          else media.pause();
          return true;
        case 'shuttle': {
          if (!media) return true;
          // Forward from the end has nowhere to go: L leaves the playhead there, as J stops at
          // the start (a media element told to play from its end starts again from 0).
          if (action.direction > 0 && atEnd(media)) {
            stopReverse();
            shuttle.current.rate = 0;
            media.pause();
            return true;
          }
          const rate = nextShuttle(shuttle.current.rate, action.direction);
          shuttle.current.rate = rate;
          stopReverse();
          if (rate > 0) {
            media.playbackRate = rate;
            void media.play().catch(() => undefined);
          } else {
            media.pause();
            shuttle.current.timer = setInterval(() => {
              const at = media.currentTime * 1000 + rate * REVERSE_TICK_MS;
              latest.current.seek(at);
              if (at <= 0) stopReverse();
            }, REVERSE_TICK_MS);
          }
          return true;
        }
        case 'stop':
          stopReverse();
          shuttle.current.rate = 0;
          if (media) {
            media.pause();
            media.playbackRate = 1;
          }
          return true;
        case 'step':
          stopReverse();
          shuttle.current.rate = 0;
          media?.pause();
          o.seek(
            action.unit === 'frame'
              ? stepFrames(o.playhead(), o.fps, action.direction)
              : o.playhead() + action.direction * 1000,
          );
          return true;
        case 'home':
          o.seek(0);
          return true;
        case 'end':
          o.seek(o.durationMs);
          return true;
        case 'markIn':
          o.setMarks((m) => ({ ...m, in: o.playhead() }));
          return true;
        case 'markOut':
          o.setMarks((m) => ({ ...m, out: o.playhead() }));
          return true;
        case 'addCue':
          o.addCue();
          return true;
        case 'editCue':
          o.editSelected();
          return true;
        case 'deleteCue':
          // With no cue chosen, Delete is left to the library: it moves the open clip to the Trash.
          if (o.selected.size === 0) return false;
          o.removeSelected();
          return true;
        case 'selectCue': {
          const from = cueToMoveFrom(o.cues, o.selected, o.anchor);
          const next = adjacentCue(o.cues, from, o.playhead(), action.direction);
          if (!next) {
            passOutOfTimeline(action.direction);
            return false;
          }
          o.select([next.id], next);
          return true;
        }
        case 'selectAll':
          o.selectAll();
          return true;
        case 'zoom':
          o.zoom(action.direction);
          return true;
        case 'undo':
          o.undo();
          return true;
        case 'redo':
          o.redo();
          return true;
        case 'shortcuts':
          o.showShortcuts();
          return true;
        case 'leave':
          if (o.selected.size > 0) o.select([]);
          else o.leave();
          return true;
      }
    }

    function onKeyDown(event: KeyboardEvent): void {
      const typing = latest.current.typedAhead;
      if (typing.current && !typing.current.enter && isTypingKey(event) && !isTextEntry(event.target)) {
        event.preventDefault();
        typing.current = typeKey(typing.current, event.key);
        return;
      }
      if (event.key.toLowerCase() === 'k' && !event.repeat) kHeld.current = true;
      if (!keysFree(event)) return;
      const action = keyAction(event, { kHeld: kHeld.current });
      if (!action) return;
      if (!focusIsOurs(action, event.target)) return;
      if (run(action)) event.preventDefault();
    }
    function onKeyUp(event: KeyboardEvent): void {
      if (event.key.toLowerCase() === 'k') kHeld.current = false;
    }
    // Capture, so the player's own Space and frame keys see the event already handled.
    window.addEventListener('keydown', onKeyDown, { capture: true });
    window.addEventListener('keyup', onKeyUp, { capture: true });
    return () => {
      stopReverse();
      window.removeEventListener('keydown', onKeyDown, { capture: true });
      window.removeEventListener('keyup', onKeyUp, { capture: true });
    };
  }, []);
}

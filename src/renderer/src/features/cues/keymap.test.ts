import { describe, expect, it } from 'vitest';
import { keyAction, nextShuttle, type KeyPress } from './keymap';

const press = (key: string, extra: Partial<KeyPress> = {}): KeyPress => ({
  key,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...extra,
});
const free = { kHeld: false };
const holdingK = { kHeld: true };

describe('keyAction', () => {
  it('Space plays and pauses', () => expect(keyAction(press(' '), free)).toEqual({ type: 'playPause' }));
  it('L shuttles forward', () => expect(keyAction(press('l'), free)).toEqual({ type: 'shuttle', direction: 1 }));
  it('J shuttles backward', () => expect(keyAction(press('j'), free)).toEqual({ type: 'shuttle', direction: -1 }));
  it('K stops', () => expect(keyAction(press('k'), free)).toEqual({ type: 'stop' }));
  it('K+L steps a frame forward', () =>
    expect(keyAction(press('l'), holdingK)).toEqual({ type: 'step', unit: 'frame', direction: 1 }));
  it('K+J steps a frame backward', () =>
    expect(keyAction(press('j'), holdingK)).toEqual({ type: 'step', unit: 'frame', direction: -1 }));
  it('← steps a frame back', () =>
    expect(keyAction(press('ArrowLeft'), free)).toEqual({ type: 'step', unit: 'frame', direction: -1 }));
  it('→ steps a frame forward', () =>
    expect(keyAction(press('ArrowRight'), free)).toEqual({ type: 'step', unit: 'frame', direction: 1 }));
  it('Shift+← steps a second back', () =>
    expect(keyAction(press('ArrowLeft', { shiftKey: true }), free)).toEqual({
      type: 'step',
      unit: 'second',
      direction: -1,
    }));
  it('Shift+→ steps a second forward', () =>
    expect(keyAction(press('ArrowRight', { shiftKey: true }), free)).toEqual({
      type: 'step',
      unit: 'second',
      direction: 1,
    }));
  it('Ctrl+A selects every cue', () =>
    expect(keyAction(press('a', { ctrlKey: true }), free)).toEqual({ type: 'selectAll' }));
  it('Cmd+A selects every cue', () =>
    expect(keyAction(press('a', { metaKey: true }), free)).toEqual({ type: 'selectAll' }));
  it('A alone does nothing', () => expect(keyAction(press('a'), free)).toBeNull());
  it('Home goes to the start', () => expect(keyAction(press('Home'), free)).toEqual({ type: 'home' }));
  it('End goes to the end', () => expect(keyAction(press('End'), free)).toEqual({ type: 'end' }));
  it('I sets the in point', () => expect(keyAction(press('i'), free)).toEqual({ type: 'markIn' }));
  it('O sets the out point', () => expect(keyAction(press('o'), free)).toEqual({ type: 'markOut' }));
  it('M adds a cue', () => expect(keyAction(press('m'), free)).toEqual({ type: 'addCue' }));
  it('Shift+M edits the selected cue', () =>
    expect(keyAction(press('M', { shiftKey: true }), free)).toEqual({ type: 'editCue' }));
  it('Delete and Backspace remove', () => {
    expect(keyAction(press('Delete'), free)).toEqual({ type: 'deleteCue' });
    expect(keyAction(press('Backspace'), free)).toEqual({ type: 'deleteCue' });
  });
  it('Tab selects the next cue', () =>
    expect(keyAction(press('Tab'), free)).toEqual({ type: 'selectCue', direction: 1 }));
  it('Shift+Tab selects the previous cue', () =>
    expect(keyAction(press('Tab', { shiftKey: true }), free)).toEqual({ type: 'selectCue', direction: -1 }));
  it('+ (or =) zooms in', () => {
    expect(keyAction(press('+', { shiftKey: true }), free)).toEqual({ type: 'zoom', direction: 1 });
    expect(keyAction(press('='), free)).toEqual({ type: 'zoom', direction: 1 });
  });
  it('− zooms out', () => expect(keyAction(press('-'), free)).toEqual({ type: 'zoom', direction: -1 }));
  it('Ctrl+Z undoes', () => expect(keyAction(press('z', { ctrlKey: true }), free)).toEqual({ type: 'undo' }));
  it('Ctrl+Shift+Z redoes', () =>
    expect(keyAction(press('Z', { ctrlKey: true, shiftKey: true }), free)).toEqual({ type: 'redo' }));
  it('⌘Z undoes on a Mac', () => expect(keyAction(press('z', { metaKey: true }), free)).toEqual({ type: 'undo' }));
  it('? opens the shortcuts', () =>
    expect(keyAction(press('?', { shiftKey: true }), free)).toEqual({ type: 'shortcuts' }));
  it('Escape leaves the timeline', () => expect(keyAction(press('Escape'), free)).toEqual({ type: 'leave' }));
  it('leaves other keys and Alt or Ctrl chords alone', () => {
    expect(keyAction(press('x'), free)).toBeNull();
    expect(keyAction(press('m', { altKey: true }), free)).toBeNull();
    expect(keyAction(press('m', { ctrlKey: true }), free)).toBeNull();
  });
});

describe('nextShuttle', () => {
  it('doubles with each press of L up to 8×', () => {
    const rates = [0];
    for (let i = 0; i < 5; i++) rates.push(nextShuttle(rates[rates.length - 1] ?? 0, 1));
    expect(rates).toEqual([0, 1, 2, 4, 8, 8]);
  });
  it('does the same backwards with J', () => {
    expect(nextShuttle(0, -1)).toBe(-1);
    expect(nextShuttle(-1, -1)).toBe(-2);
    expect(nextShuttle(-4, -1)).toBe(-8);
  });
  it('starts again at 1× when the direction turns', () => {
    expect(nextShuttle(4, -1)).toBe(-1);
    expect(nextShuttle(-8, 1)).toBe(1);
  });
});

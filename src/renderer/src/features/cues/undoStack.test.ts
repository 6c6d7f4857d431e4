import { describe, expect, it } from 'vitest';
import type { Cue } from '../../../../shared/cues/calls';
import { inverse, priorFields, renameIds, type CueEdit } from './cueEdits';
import { emptyStack, mapStack, record, redo, undo } from './undoStack';

const cue = (id: number, startMs: number): Cue => ({
  id,
  clipId: 1,
  startMs,
  endMs: null,
  label: `Cue ${id}`,
  note: '',
  kind: 'sfx',
  color: null,
  createdAt: 0,
  updatedAt: 0,
});

describe('undo stack', () => {
  it('undoes and redoes edits in order', () => {
    let stack = record(record(emptyStack<string>(), 'a'), 'b');
    const first = undo(stack);
    expect(first?.edit).toBe('b');
    stack = first?.stack ?? stack;
    const second = undo(stack);
    expect(second?.edit).toBe('a');
    stack = second?.stack ?? stack;
    expect(undo(stack)).toBeNull();
    const again = redo(stack);
    expect(again?.edit).toBe('a');
    expect(again?.stack).toEqual({ past: ['a'], future: ['b'] });
  });

  it('forgets what was undone once a new edit is made', () => {
    const stack = record(record(emptyStack<string>(), 'a'), 'b');
    const after = record(undo(stack)?.stack ?? stack, 'c');
    expect(after).toEqual({ past: ['a', 'c'], future: [] });
    expect(redo(after)).toBeNull();
  });

  it('keeps at most the limit, dropping the oldest', () => {
    let stack = emptyStack<number>();
    for (let i = 0; i < 5; i++) stack = record(stack, i, 3);
    expect(stack.past).toEqual([2, 3, 4]);
  });

  it('rewrites every edit with mapStack', () => {
    const stack = { past: [1, 2], future: [3] };
    expect(mapStack(stack, (n) => n * 10)).toEqual({ past: [10, 20], future: [30] });
  });
});

describe('cue edits', () => {
  it('reverses a create into a delete and an update into the opposite update', () => {
    const made: CueEdit = { type: 'create', cues: [cue(1, 0)] };
    expect(inverse(made)).toEqual({ type: 'delete', cues: [cue(1, 0)] });
    expect(inverse(inverse(made))).toEqual(made);
    const moved: CueEdit = { type: 'update', changes: [{ id: 1, before: { startMs: 0 }, after: { startMs: 40 } }] };
    expect(inverse(moved)).toEqual({
      type: 'update',
      changes: [{ id: 1, before: { startMs: 40 }, after: { startMs: 0 } }],
    });
  });

  it('renames ids of re-created cues in creates, deletes and updates', () => {
    const ids = new Map([[1, 7]]);
    expect(renameIds({ type: 'delete', cues: [cue(1, 0), cue(2, 5)] }, ids)).toEqual({
      type: 'delete',
      cues: [{ ...cue(1, 0), id: 7 }, cue(2, 5)],
    });
    expect(renameIds({ type: 'update', changes: [{ id: 1, before: {}, after: {} }] }, ids)).toEqual({
      type: 'update',
      changes: [{ id: 7, before: {}, after: {} }],
    });
  });

  it('remembers only the fields a patch changes', () => {
    expect(priorFields(cue(1, 500), { startMs: 900, label: 'x' })).toEqual({ startMs: 500, label: 'Cue 1' });
  });
});

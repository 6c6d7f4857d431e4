import { expect, test } from 'vitest';
import {
  applyChange,
  organiseEdit,
  organiseEdits,
  sameOrganising,
  toggledFlag,
  type OrganiseState,
} from './organiseHistory';

const clip = (id: number, over: Partial<OrganiseState> = {}): OrganiseState => ({
  id,
  title: `Take ${id}`,
  rating: null,
  flag: null,
  colorLabel: null,
  tags: [],
  ...over,
});

test('a bulk rating is undone clip by clip, back to each one’s own rating', () => {
  const edit = organiseEdit([clip(1, { rating: 2 }), clip(2), clip(3, { rating: 2 }), clip(4, { rating: 5 })], {
    kind: 'rate',
    rating: 5,
  });
  expect(edit).toEqual({
    label: 'Rate 3 clips 5 stars',
    done: 'Rated 3 clips 5 stars',
    forward: [{ ids: [1, 2, 3, 4], change: { kind: 'rate', rating: 5 } }],
    backward: [
      { ids: [1, 3], change: { kind: 'rate', rating: 2 } },
      { ids: [2], change: { kind: 'rate', rating: 0 } },
    ],
  });
});

test('flags and colour labels go back to what they were, cleared ones included', () => {
  expect(organiseEdit([clip(1, { flag: 'reject' }), clip(2)], { kind: 'flag', flag: 'pick' })).toEqual({
    label: 'Pick 2 clips',
    done: 'Picked 2 clips',
    forward: [{ ids: [1, 2], change: { kind: 'flag', flag: 'pick' } }],
    backward: [
      { ids: [1], change: { kind: 'flag', flag: 'reject' } },
      { ids: [2], change: { kind: 'flag', flag: null } },
    ],
  });
  expect(organiseEdit([clip(7, { colorLabel: 'green' })], { kind: 'color', color: null })).toEqual({
    label: 'Clear the colour label of “Take 7”',
    done: 'Cleared the colour label of “Take 7”',
    forward: [{ ids: [7], change: { kind: 'color', color: null } }],
    backward: [{ ids: [7], change: { kind: 'color', color: 'green' } }],
  });
});

test('undoing a tag takes it off only the clips that did not have it', () => {
  const edit = organiseEdit([clip(1, { tags: ['Keeper'] }), clip(2, { tags: ['night'] })], {
    kind: 'addTag',
    tag: ' keeper ',
  });
  expect(edit?.backward).toEqual([{ ids: [2], change: { kind: 'removeTag', tag: ' keeper ' } }]);
  expect(edit?.label).toBe('Tag “Take 2” “ keeper ”');
});

test('undoing a removed tag puts it back as the clip spelled it', () => {
  const edit = organiseEdit([clip(1, { tags: ['Golden hour'] }), clip(2)], { kind: 'removeTag', tag: 'golden hour' });
  expect(edit?.backward).toEqual([{ ids: [1], change: { kind: 'addTag', tag: 'Golden hour' } }]);
  expect(edit?.label).toBe('Remove the tag “golden hour” from “Take 1”');
});

test('a change that changes nothing leaves nothing to undo', () => {
  expect(organiseEdit([clip(1, { rating: 3 })], { kind: 'rate', rating: 3 })).toBeNull();
  expect(organiseEdit([clip(1)], { kind: 'rate', rating: 0 })).toBeNull();
  expect(organiseEdit([clip(1, { tags: ['a'] })], { kind: 'addTag', tag: 'A' })).toBeNull();
  expect(organiseEdit([clip(1)], { kind: 'removeTag', tag: 'a' })).toBeNull();
});

test('a change applied to a state gives what the studio stores, and a toggle reads the state it is given', () => {
  const before = clip(1, { rating: 3, flag: 'pick', tags: ['Night'] });
  expect(applyChange(before, { kind: 'rate', rating: 0 }).rating).toBeNull();
  expect(applyChange(before, { kind: 'addTag', tag: 'night' }).tags).toEqual(['Night']);
  expect(applyChange(before, { kind: 'removeTag', tag: 'NIGHT' }).tags).toEqual([]);
  expect(sameOrganising(before, { ...before, rating: 3, tags: ['night'] })).toBe(true);
  expect(sameOrganising(before, { ...before, flag: null })).toBe(false);

  expect(toggledFlag([before], 'pick')).toEqual({ kind: 'flag', flag: null });
  expect(toggledFlag([before], 'reject')).toEqual({ kind: 'flag', flag: 'reject' });
  expect(toggledFlag([before, clip(2, { flag: 'pick' })], 'pick')).toEqual({ kind: 'flag', flag: 'pick' });
});

test('tags given together are one edit: undone at once, each tag off the clips that did not have it', () => {
  const edit = organiseEdits(
    [clip(1, { tags: ['rain'] }), clip(2)],
    [
      { kind: 'addTag', tag: 'rain' },
      { kind: 'addTag', tag: 'night' },
    ],
  );
  expect(edit).toEqual({
    label: 'Tag 2 clips “rain” and “night”',
    done: 'Tagged 2 clips “rain” and “night”',
    forward: [
      { ids: [1, 2], change: { kind: 'addTag', tag: 'rain' } },
      { ids: [1, 2], change: { kind: 'addTag', tag: 'night' } },
    ],
    backward: [
      { ids: [1, 2], change: { kind: 'removeTag', tag: 'night' } },
      { ids: [2], change: { kind: 'removeTag', tag: 'rain' } },
    ],
  });
  // One change is the edit organiseEdit makes; none that changes anything, no edit.
  expect(organiseEdits([clip(1)], [{ kind: 'addTag', tag: 'fog' }])).toEqual(
    organiseEdit([clip(1)], { kind: 'addTag', tag: 'fog' }),
  );
  expect(organiseEdits([clip(1, { tags: ['fog'] })], [{ kind: 'addTag', tag: 'Fog' }])).toBeNull();
});

/**
 * Organising edits (ratings, flags, colour labels, tags; one clip or many) as the undo history
 * holds them: each with the calls that make it and the calls that put every clip back as it was.
 * Pure, so each step is easy to test; the history itself is the cue editor's undo stack.
 */
import { cleanTitle, type Clip } from '../../../../shared/domain';
import type { ClipFlag, ColorLabel } from '../../../../shared/library/labels';

export type OrganiseChange =
  | { kind: 'rate'; rating: number }
  | { kind: 'flag'; flag: ClipFlag | null }
  | { kind: 'color'; color: ColorLabel | null }
  | { kind: 'addTag'; tag: string }
  | { kind: 'removeTag'; tag: string };

/** One organising call: a change over some clips. */
export interface OrganiseStep {
  ids: number[];
  change: OrganiseChange;
}

export interface OrganiseEdit {
  /** What the creator did, for the "Undone: …" note: "Rate 3 clips 4 stars". */
  label: string;
  /** The same said as done, for the note a change to several clips shows: "Rated 3 clips 4 stars". */
  done: string;
  forward: OrganiseStep[];
  backward: OrganiseStep[];
  /**
   * An edit the library makes by other calls (moving clips to the Trash), undone and redone by
   * its own; its steps are empty.
   */
  own?: { undo: () => Promise<unknown>; redo: () => Promise<unknown> };
  /** The clips an edit of its own acts on (the others' are in their steps). */
  clips?: readonly number[];
  /**
   * Set on a step that cannot be undone (emptying the Trash): Ctrl+Z there says so with this
   * message and goes no further, so the next Ctrl+Z, not this one, reaches the edit before it.
   */
  barrier?: string;
}

/** The clips an edit acts on: once one is deleted for good, the edit can no longer be undone or redone. */
export function clipsOf(edit: OrganiseEdit): number[] {
  return [...(edit.clips ?? []), ...[...edit.forward, ...edit.backward].flatMap((step) => step.ids)];
}

/** The part of a clip an organising edit reads and writes. */
export type OrganiseState = Pick<Clip, 'id' | 'title' | 'rating' | 'flag' | 'colorLabel' | 'tags'>;

const sameTag = (a: string, b: string): boolean => cleanTitle(a).toLowerCase() === cleanTitle(b).toLowerCase();

/** One step per earlier value, so clips that differed before differ again after an undo. */
function restoring<V>(
  before: readonly OrganiseState[],
  valueOf: (clip: OrganiseState) => V,
  change: (value: V) => OrganiseChange,
): OrganiseStep[] {
  const groups = new Map<V, number[]>();
  for (const clip of before) {
    const value = valueOf(clip);
    groups.set(value, [...(groups.get(value) ?? []), clip.id]);
  }
  return [...groups].map(([value, ids]) => ({ ids, change: change(value) }));
}

function clipsWord(count: number): string {
  return `${count.toLocaleString('en')} clips`;
}

/** Who an edit touched, as its notes say it: the clip's title when it is one, else how many. */
function whom(touched: readonly OrganiseState[]): string {
  const [only] = touched;
  return touched.length === 1 && only ? `“${only.title}”` : clipsWord(touched.length);
}

/** What an edit will do, for Undo's and Redo's notes: "Rate “Harbour” 4 stars", "Tag 3 clips “night”". */
function describe(change: OrganiseChange, clips: string): string {
  switch (change.kind) {
    case 'rate':
      return change.rating === 0
        ? `Clear the rating of ${clips}`
        : `Rate ${clips} ${change.rating} ${change.rating === 1 ? 'star' : 'stars'}`;
    case 'flag':
      return change.flag === null
        ? `Clear the flag of ${clips}`
        : `${change.flag === 'pick' ? 'Pick' : 'Reject'} ${clips}`;
    case 'color':
      return change.color === null ? `Clear the colour label of ${clips}` : `Label ${clips} ${change.color}`;
    case 'addTag':
      return `Tag ${clips} “${change.tag}”`;
    case 'removeTag':
      return `Remove the tag “${change.tag}” from ${clips}`;
  }
}

/** What `describe` says, as done: "Rated 3 clips 4 stars", "Picked “Harbour”", "Tagged 2 clips “night”". */
function describeDone(change: OrganiseChange, clips: string): string {
  switch (change.kind) {
    case 'rate':
      return change.rating === 0
        ? `Cleared the rating of ${clips}`
        : `Rated ${clips} ${change.rating} ${change.rating === 1 ? 'star' : 'stars'}`;
    case 'flag':
      return change.flag === null
        ? `Cleared the flag of ${clips}`
        : `${change.flag === 'pick' ? 'Picked' : 'Rejected'} ${clips}`;
    case 'color':
      return change.color === null ? `Cleared the colour label of ${clips}` : `Labelled ${clips} ${change.color}`;
    case 'addTag':
      return `Tagged ${clips} “${change.tag}”`;
    case 'removeTag':
      return `Removed the tag “${change.tag}” from ${clips}`;
  }
}

/**
 * The edit that applying `change` to clips now in the state `before` makes, and its reverse; null
 * when it would change nothing (nothing to undo).
 */
export function organiseEdit(before: readonly OrganiseState[], change: OrganiseChange): OrganiseEdit | null {
  let touched: OrganiseState[];
  let backward: OrganiseStep[];
  switch (change.kind) {
    case 'rate':
      touched = before.filter((c) => (c.rating ?? 0) !== change.rating);
      backward = restoring(
        touched,
        (c) => c.rating ?? 0,
        (rating) => ({ kind: 'rate', rating }),
      );
      break;
    case 'flag':
      touched = before.filter((c) => c.flag !== change.flag);
      backward = restoring(
        touched,
        (c) => c.flag,
        (flag) => ({ kind: 'flag', flag }),
      );
      break;
    case 'color':
      touched = before.filter((c) => c.colorLabel !== change.color);
      backward = restoring(
        touched,
        (c) => c.colorLabel,
        (color) => ({ kind: 'color', color }),
      );
      break;
    case 'addTag':
      touched = before.filter((c) => !c.tags.some((t) => sameTag(t, change.tag)));
      backward =
        touched.length > 0 ? [{ ids: touched.map((c) => c.id), change: { kind: 'removeTag', tag: change.tag } }] : [];
      break;
    case 'removeTag': {
      touched = before.filter((c) => c.tags.some((t) => sameTag(t, change.tag)));
      // Put back as the clip spelled it.
      const spelled = touched.map((c) => c.tags.find((t) => sameTag(t, change.tag)) ?? change.tag)[0] ?? change.tag;
      backward =
        touched.length > 0 ? [{ ids: touched.map((c) => c.id), change: { kind: 'addTag', tag: spelled } }] : [];
      break;
    }
  }
  if (touched.length === 0) return null;
  const clips = whom(touched);
  return {
    label: describe(change, clips),
    done: describeDone(change, clips),
    // All the clips asked for: one the snapshot thought unchanged may have changed elsewhere since.
    forward: [{ ids: before.map((c) => c.id), change }],
    backward,
  };
}

/**
 * One edit for several changes made together ("rain, night" typed into a tag field): undone and
 * redone as one, the changes in turn; null when none would change anything.
 */
export function organiseEdits(
  before: readonly OrganiseState[],
  changes: readonly OrganiseChange[],
): OrganiseEdit | null {
  const parts: OrganiseEdit[] = [];
  let states = before;
  for (const change of changes) {
    const part = organiseEdit(states, change);
    if (part) parts.push(part);
    states = states.map((state) => applyChange(state, change));
  }
  const [only] = parts;
  if (only === undefined || parts.length === 1) return only ?? null;
  const tags = changes.flatMap((c) => (c.kind === 'addTag' ? [`“${c.tag}”`] : []));
  // The clips any of the changes touched: those the undo puts back.
  const ids = new Set(parts.flatMap((p) => p.backward.flatMap((step) => step.ids)));
  const clips = whom(before.filter((clip) => ids.has(clip.id)));
  const allTags = tags.length === changes.length;
  const listed = `${tags.slice(0, -1).join(', ')} and ${tags.at(-1) ?? ''}`;
  return {
    label: allTags ? `Tag ${clips} ${listed}` : parts.map((p) => p.label).join('; '),
    done: allTags ? `Tagged ${clips} ${listed}` : parts.map((p) => p.done).join('; '),
    forward: parts.flatMap((p) => p.forward),
    backward: parts.toReversed().flatMap((p) => p.backward),
  };
}

/** The clip's organising state once `change` is made, as the studio stores it. */
export function applyChange(state: OrganiseState, change: OrganiseChange): OrganiseState {
  switch (change.kind) {
    case 'rate':
      return { ...state, rating: change.rating === 0 ? null : change.rating };
    case 'flag':
      return { ...state, flag: change.flag };
    case 'color':
      return { ...state, colorLabel: change.color };
    case 'addTag':
      return state.tags.some((t) => sameTag(t, change.tag)) ? state : { ...state, tags: [...state.tags, change.tag] };
    case 'removeTag':
      return { ...state, tags: state.tags.filter((t) => !sameTag(t, change.tag)) };
  }
}

/** Whether two states agree on everything organising sets. */
export function sameOrganising(a: OrganiseState, b: OrganiseState): boolean {
  const tags = (s: OrganiseState): string =>
    s.tags
      .map((t) => cleanTitle(t).toLowerCase())
      .sort()
      .join('\n');
  return (
    (a.rating ?? 0) === (b.rating ?? 0) && a.flag === b.flag && a.colorLabel === b.colorLabel && tags(a) === tags(b)
  );
}

/**
 * P and X on one clip toggle its flag (pressing it again clears it); on several they set it,
 * since "again" means nothing when the clips differ.
 */
export function toggledFlag(before: readonly OrganiseState[], flag: ClipFlag): OrganiseChange {
  const only = before.length === 1 ? before[0] : undefined;
  return { kind: 'flag', flag: only?.flag === flag ? null : flag };
}

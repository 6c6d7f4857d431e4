/** Cue edits as the undo history holds them, and how each is reversed. */
import type { Cue } from '../../../../shared/cues/calls';
import type { CueData } from '../../../../shared/cues/types';

export type CueFields = Pick<Cue, 'startMs' | 'endMs' | 'label' | 'note' | 'kind' | 'color'>;

export type CueEdit =
  | { type: 'create'; cues: Cue[] }
  | { type: 'delete'; cues: Cue[] }
  | { type: 'update'; changes: { id: number; before: Partial<CueFields>; after: Partial<CueFields> }[] };

export function fieldsOf(cue: Cue): CueData {
  return { startMs: cue.startMs, endMs: cue.endMs, label: cue.label, note: cue.note, kind: cue.kind, color: cue.color };
}

/** The edit that undoes `edit`. */
export function inverse(edit: CueEdit): CueEdit {
  switch (edit.type) {
    case 'create':
      return { type: 'delete', cues: edit.cues };
    case 'delete':
      return { type: 'create', cues: edit.cues };
    case 'update':
      return { type: 'update', changes: edit.changes.map((c) => ({ id: c.id, before: c.after, after: c.before })) };
  }
}

/** Re-created cues get new ids; every edit in the history that named the old ones is rewritten. */
export function renameIds(edit: CueEdit, ids: ReadonlyMap<number, number>): CueEdit {
  const id = (old: number): number => ids.get(old) ?? old;
  if (edit.type === 'update') return { type: 'update', changes: edit.changes.map((c) => ({ ...c, id: id(c.id) })) };
  return { type: edit.type, cues: edit.cues.map((cue) => ({ ...cue, id: id(cue.id) })) };
}

/** The fields of `before` that `patch` changes, so the update can be reversed. */
export function priorFields(before: Cue, patch: Partial<CueFields>): Partial<CueFields> {
  const prior: Partial<CueFields> = {};
  for (const key of Object.keys(patch) as (keyof CueFields)[]) Object.assign(prior, { [key]: before[key] });
  return prior;
}

/** The next free "Cue N" label. */
export function nextLabel(cues: readonly Cue[]): string {
  const taken = new Set(cues.map((c) => c.label));
  let n = cues.length + 1;
  while (taken.has(`Cue ${n}`)) n += 1;
  return `Cue ${n}`;
}

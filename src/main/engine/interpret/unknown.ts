/**
 * Words not in the vocabulary. In the scene and motion fields a run of them in a noun's place
 * ("a cyclist", "Mira") becomes a labelled stand-in or a named person; everything else is
 * reported as not understood, with the reason.
 */
import type { PromptField } from '../scene';
import type { ShotBuilder } from './builder';
import type { Mods, Ref } from './clause';
import { determiners, modifierKinds, nounKinds, type Item } from './segment';

type Unknown = Extract<Item, { kind: 'unknown' }>;

/** Reads the run of unknown words starting at `start`; returns the index of its last word. */
export function unknownRun(
  b: ShotBuilder,
  items: readonly Item[],
  start: number,
  field: PromptField,
  place: (ref: Ref) => void,
  mods: Mods,
): number {
  let end = start;
  while (items[end + 1]?.kind === 'unknown') end++;
  const run = items.slice(start, end + 1).filter((x): x is Unknown => x.kind === 'unknown');
  const next = items[end + 1];
  const visual = field === 'scene' || field === 'motion';
  const nextIsNoun = next?.kind === 'concept' && nounKinds.has(next.concept.kind);
  const first = run[0];
  const headEnd = headLength(run);
  const modifiesNext = nextIsNoun && headEnd === run.length;
  if (!visual || modifiesNext || first === undefined) {
    const reason = modifiesNext
      ? 'describes something the engine draws, but this word is not in its vocabulary'
      : 'not in the vocabulary';
    for (const u of run) b.report.miss(field, u.text, reason);
    return end;
  }
  const head = run.slice(0, headEnd);
  const prevIsNounStart = startsNoun(items[start - 1]);
  const isName = first.capital && !prevIsNounStart && head.length === 1 && !/s$/.test(first.text);
  if (prevIsNounStart || first.clauseStart || isName) {
    if (isName) namedPerson(b, field, first, place);
    else standIn(b, field, head, place, mods);
  } else {
    for (const u of head) b.report.miss(field, u.text, 'not in the vocabulary');
  }
  for (const u of run.slice(headEnd))
    b.report.miss(field, u.text, 'not in the vocabulary (an action the engine cannot stage)');
  return end;
}

/** A word shaped like a verb after the head ends the noun: "a cyclist rides". */
function headLength(run: readonly Unknown[]): number {
  for (let k = 1; k < run.length; k++) {
    const w = run[k]?.text.toLowerCase() ?? '';
    if (/(?<!s)s$|ed$|ing$/.test(w)) return k;
  }
  return run.length;
}

/** A determiner, a count or a modifier before the run means the run is a noun. */
function startsNoun(prev: Item | undefined): boolean {
  return (
    (prev?.kind === 'stop' && determiners.has(prev.text.toLowerCase())) ||
    prev?.kind === 'count' ||
    (prev?.kind === 'concept' && modifierKinds.has(prev.concept.kind))
  );
}

function namedPerson(b: ShotBuilder, field: PromptField, first: Unknown, place: (ref: Ref) => void): void {
  const e = b.entity('person', first.text, first.text, null);
  b.report.ok(field, first.text, `person named ${first.text}`);
  place({ kind: 'entity', key: e.key });
}

/** A labelled stand-in: a grey figure for agent nouns ("cyclist", "waiter"), a hatched crate otherwise. */
function standIn(
  b: ShotBuilder,
  field: PromptField,
  head: readonly Unknown[],
  place: (ref: Ref) => void,
  mods: Mods,
): void {
  const label = head.map((u) => u.text).join(' ');
  const lastWord = head[head.length - 1]?.text.toLowerCase() ?? '';
  const shape = /(er|or|ist|ian|ess|man|woman|ant|ent|ee)$/.test(lastWord) ? 'figure' : 'block';
  const e = b.entity(null, label.toLowerCase(), null, shape);
  if (mods.count !== undefined) e.count = mods.count;
  if (mods.color !== undefined) e.color = mods.color;
  if (mods.scale !== undefined) e.scale = mods.scale;
  b.report.ok(field, label, `stand-in '${label}' (not in the vocabulary, shown as a labelled ${shape})`);
  b.report.miss(field, label, `not in the vocabulary; staged as a labelled stand-in`);
  place({ kind: 'entity', key: e.key });
}

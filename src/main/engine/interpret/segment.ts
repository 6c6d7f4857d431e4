/**
 * Clause segmentation: a field's text → clauses (split at punctuation and clause words) → items
 * (a concept from the lexicon, a time, a lens, a count, a negator, a stop word or an unknown word).
 * Where several concepts match at a word, the longest phrase wins, then the one that fits its
 * place in the sentence.
 */
import {
  isNegator,
  isStopWord,
  matchesAt,
  tokenize,
  type Concept,
  type ConceptKind,
  type Match,
  type Token,
} from '../lexicon';
import type { PromptField } from '../scene';

const fieldKinds: Record<PromptField, ConceptKind[]> = {
  scene: [
    'element',
    'setting',
    'time',
    'weather',
    'wind',
    'verb',
    'heading',
    'part',
    'color',
    'count',
    'size',
    'age',
    'intensity',
    'lens',
    'framing',
    'angle',
    'depth',
    'style',
    'bed',
    'effect',
    'echo',
    'never',
    'filler',
    // Only the phrases that name nothing but a move ("whip pan", "drone shot"): see proseCameraWords.
    'camera',
  ],
  motion: [
    'element',
    'verb',
    'heading',
    'part',
    'weather',
    'wind',
    'time',
    'setting',
    'color',
    'count',
    'size',
    'age',
    'intensity',
    'camera',
    'bed',
    'effect',
    'echo',
    'never',
    'filler',
  ],
  // A look named with the lens ("anamorphic", "35mm film") sets the style from the Camera line too.
  camera: ['camera', 'lens', 'framing', 'angle', 'depth', 'sudden', 'intensity', 'travel', 'filler', 'style'],
  // "documentary", "found footage": a look that is the camera's way of moving.
  style: ['style', 'time', 'weather', 'intensity', 'lens', 'framing', 'depth', 'color', 'filler', 'camera'],
  negative: [
    'element',
    'style',
    'camera',
    'lens',
    'framing',
    'depth',
    'weather',
    'setting',
    'bed',
    'effect',
    'echo',
    'never',
    'part',
    'filler',
  ],
  // What makes a sound ("a chair scrapes", "the old door creaks") names its source: read, never staged.
  ambience: [
    'bed',
    'effect',
    'echo',
    'intensity',
    'count',
    'filler',
    'element',
    'setting',
    'color',
    'size',
    'age',
    'style',
  ],
  event: [
    'effect',
    'echo',
    'bed',
    'intensity',
    'count',
    'filler',
    'element',
    'setting',
    'color',
    'size',
    'age',
    'style',
  ],
  dialogue: [],
};

export const modifierKinds = new Set<ConceptKind>(['color', 'size', 'age', 'intensity', 'count']);
export const nounKinds = new Set<ConceptKind>(['element', 'setting']);
const clauseWords = new Set(['while', 'as', 'then', 'when', 'before', 'after', 'until', 'so', 'but']);
/** "A kettle that whistles": a relative pronoun, before a verb, lets the noun before it be the doer. */
export const relativePronouns = new Set(['that', 'which', 'who']);

export const determiners = new Set([
  'a',
  'an',
  'the',
  'this',
  'that',
  'these',
  'those',
  'his',
  'her',
  'their',
  'its',
  'my',
  'your',
  'our',
  'some',
  'another',
]);
export const personPronouns = new Set(['he', 'she', 'they', 'him', 'them']);
export const thingPronouns = new Set(['it']);

export type Item =
  | { kind: 'concept'; concept: Concept; text: string }
  | { kind: 'unknown'; text: string; capital: boolean; clauseStart: boolean }
  | { kind: 'stop'; text: string }
  | { kind: 'neg'; text: string }
  | { kind: 'time'; ms: number; text: string }
  | { kind: 'lens'; mm: number; text: string }
  | { kind: 'count'; n: number; text: string };

function spanText(tokens: readonly Token[], start: number, end: number): string {
  return tokens
    .slice(start, end)
    .map((t) => t.raw)
    .join(' ');
}

/** A time ("at 00:05"), a lens ("35mm") or a number, as an item. */
function literalItem(token: Extract<Token, { kind: 'time' | 'lens' | 'number' }>): Item {
  if (token.kind === 'time') return { kind: 'time', ms: token.ms, text: token.raw };
  if (token.kind === 'lens') return { kind: 'lens', mm: token.mm, text: token.raw };
  return { kind: 'count', n: token.value, text: token.raw };
}

/** A word the lexicon does not know: a negator, a stop word or pronoun, or an unknown word. */
function wordItem(token: Extract<Token, { kind: 'word' }>, clauseStart: boolean): Item {
  if (isNegator(token.lower)) return { kind: 'neg', text: token.raw };
  if (isStopWord(token.lower) || personPronouns.has(token.lower)) return { kind: 'stop', text: token.raw };
  return { kind: 'unknown', text: token.raw, capital: token.capital, clauseStart };
}

/** Splits text into clauses (at punctuation and clause words) and each into items. */
export function segment(text: string, field: PromptField): Item[][] {
  const allowed = fieldKinds[field];
  const rank = (kind: ConceptKind): number => {
    const i = allowed.indexOf(kind);
    return i < 0 ? Number.POSITIVE_INFINITY : i;
  };
  const tokens = tokenize(text);
  const clauses: Item[][] = [];
  let items: Item[] = [];
  let expectVerb = false;
  const flush = (): void => {
    if (items.length > 0) clauses.push(items);
    items = [];
    expectVerb = false;
  };
  const startsNoun = (at: number): boolean =>
    matchesAt(tokens, at).some((m) => nounKinds.has(m.concept.kind) && rank(m.concept.kind) < Infinity);
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i];
    if (token === undefined) break;
    if (token.kind === 'break') {
      // "At 00:04, a dog barks": a moment set off by a comma times the clause after it.
      if (token.raw === ',' && onlyAMoment(items)) {
        i++;
        continue;
      }
      flush();
      i++;
      continue;
    }
    if (token.kind !== 'word') {
      items.push(literalItem(token));
      i++;
      continue;
    }
    if (visualField(field) && lightThatHangs(tokens, i)) {
      items.push({ kind: 'concept', concept: { kind: 'element', id: 'lamp' }, text: token.raw });
      expectVerb = true;
      i++;
      continue;
    }
    const candidates = matchesAt(tokens, i).filter(
      (m) =>
        rank(m.concept.kind) < Infinity &&
        !(m.concept.kind === 'camera' && m.concept.line && field !== 'camera') &&
        !(m.concept.kind === 'camera' && field === 'scene' && !m.concept.prose),
    );
    if (candidates.length > 0) {
      const best = pickMatch(candidates, {
        expectVerb,
        visual: field === 'scene' || field === 'motion',
        beforeNoun: (m) => startsNoun(m.end),
        rank,
      });
      items.push({ kind: 'concept', concept: best.concept, text: spanText(tokens, best.start, best.end) });
      if (best.concept.kind === 'verb') expectVerb = false;
      else if (nounKinds.has(best.concept.kind) || best.concept.kind === 'part') expectVerb = true;
      i = best.end;
      continue;
    }
    if (clauseWords.has(token.lower)) {
      flush();
      i++;
      continue;
    }
    const word = wordItem(token, items.length === 0);
    items.push(word);
    const pronoun = personPronouns.has(token.lower) || thingPronouns.has(token.lower);
    if (word.kind === 'unknown' || (word.kind === 'stop' && pronoun)) expectVerb = true;
    // "sweeps the water": a determiner starts a noun, whatever came before it.
    else if (word.kind === 'stop' && determiners.has(token.lower) && !relativePronouns.has(token.lower))
      expectVerb = false;
    i++;
  }
  flush();
  return clauses;
}

function visualField(field: PromptField): boolean {
  return field === 'scene' || field === 'motion';
}

/** Words before "light" that make it a thing: "a light", "the single light", "one bare light". */
const LIGHT_BEFORE = new Set([...determiners, 'one', 'single', 'lone', 'solitary', 'bare', 'naked']);
/** Words after "light" that say it hangs or swings: "a light swings", "the light swaying overhead". */
const LIGHT_AFTER = new Set(['overhead', 'above', 'hanging', 'hangs', 'hung', 'dangles', 'dangling', 'swinging']);

/**
 * "A light swings overhead": "light" is a lamp, not how strong something is, when a determiner
 * comes before it and a swing, a sway or "overhead" after it. "Light rain" and "the light fades" stay as they were.
 */
function lightThatHangs(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  const before = tokens[i - 1];
  const after = tokens[i + 1];
  if (t?.kind !== 'word' || (t.lower !== 'light' && t.lower !== 'lights')) return false;
  if (before?.kind !== 'word' || !LIGHT_BEFORE.has(before.lower)) return false;
  if (after?.kind !== 'word') return false;
  return LIGHT_AFTER.has(after.lower) || after.lemmas.some((l) => l === 'swing' || l === 'sway');
}

/** The clause so far is only a moment in the shot: "At 00:04", "(after) 2 seconds". */
function onlyAMoment(items: readonly Item[]): boolean {
  const [first, second] = items;
  // "after" starts a clause of its own, so "After 2 seconds," leaves the time alone.
  if (items.length === 1) return first?.kind === 'time';
  return items.length === 2 && first?.kind === 'stop' && /^at$/i.test(first.text) && second?.kind === 'time';
}

function pickMatch(
  candidates: Match[],
  ctx: {
    expectVerb: boolean;
    visual: boolean;
    beforeNoun: (m: Match) => boolean;
    rank: (k: ConceptKind) => number;
  },
): Match {
  const context = (m: Match): number => {
    const kind = m.concept.kind;
    if (ctx.expectVerb && kind === 'verb') return 0;
    if (modifierKinds.has(kind) && ctx.beforeNoun(m)) return 0;
    if (ctx.expectVerb) return 1;
    return kind === 'verb' ? 1 : 0;
  };
  // In the visual fields a sound phrase only wins where nothing visible matches ("crickets"),
  // so "the dog barked" stages a dog that barks rather than a disembodied bark.
  const visible = candidates.filter((m) => m.concept.kind !== 'bed' && m.concept.kind !== 'effect');
  const pool = ctx.visual && visible.length > 0 ? visible : candidates;
  const sorted = [...pool].sort(
    (a, b) =>
      b.end - b.start - (a.end - a.start) ||
      context(a) - context(b) ||
      a.lemmaCost - b.lemmaCost ||
      ctx.rank(a.concept.kind) - ctx.rank(b.concept.kind),
  );
  const best = sorted[0];
  if (best === undefined) throw new Error('pickMatch needs a candidate');
  return best;
}

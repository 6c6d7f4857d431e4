/**
 * Tokenising and phrase matching: turns a line of prompt text into a sequence of items, each a
 * concept from the vocabulary, a function word, a time, or a word the engine does not know.
 */
import {
  angleWords,
  cameraLineWords,
  cameraTravelWords,
  cameraWords,
  depthWords,
  faceFramingWords,
  fullOrbitWords,
  lensWords,
  proseCameraWords,
  suddenWords,
  type CameraAngle,
  type CameraMoveId,
} from './vocabulary/camera';
import { fillerWords, negators, neverDrawnWords, stopWords } from './vocabulary/functionWords';
import { lemmas, nounLemmas, phrases } from './vocabulary/lemmas';
import { ageWords, colorWords, countWords, intensityWords, partWords, sizeWords } from './vocabulary/modifiers';
import { bedWords, echoWords, effectWords, type BedId, type EffectId } from './vocabulary/sound';
import { styleWords, type StyleId } from './vocabulary/style';
import { verbWords, type VerbId } from './vocabulary/verbs';
import {
  elementWords,
  settingWords,
  timeWords,
  weatherWords,
  windWords,
  headingAwayWords,
  headingTowardWords,
  type ElementId,
  type SettingId,
  type TimeOfDay,
  type Weather,
} from './vocabulary/world';

export type Concept =
  | { kind: 'element'; id: ElementId }
  | { kind: 'setting'; id: SettingId }
  | { kind: 'time'; id: TimeOfDay }
  | { kind: 'weather'; id: Weather }
  | { kind: 'wind' }
  | { kind: 'heading'; toward: boolean }
  /**
   * `line`: read only in a Camera line; `prose`: read in the Scene too; `full`: an orbit all the
   * way round.
   */
  | { kind: 'camera'; id: CameraMoveId; line?: true; prose?: true; full?: true }
  | { kind: 'travel' }
  | { kind: 'angle'; angle: CameraAngle }
  | { kind: 'sudden' }
  | { kind: 'lens'; mm: number }
  | { kind: 'framing'; mm: number; heads: number }
  | { kind: 'depth'; amount: number }
  | { kind: 'style'; id: StyleId }
  | { kind: 'bed'; id: BedId }
  | { kind: 'effect'; id: EffectId }
  | { kind: 'echo' }
  | { kind: 'verb'; id: VerbId }
  | { kind: 'color'; hex: string }
  | { kind: 'size'; scale: number }
  | { kind: 'age'; age: 'young' | 'old' }
  | { kind: 'intensity'; amount: number }
  | { kind: 'count'; n: number }
  | { kind: 'part'; part: 'hair' | 'mouth' | 'hand' | 'head' | 'eye' }
  | { kind: 'never' }
  | { kind: 'filler' };

export type ConceptKind = Concept['kind'];

interface Entry {
  words: string[];
  concept: Concept;
}

function table<K extends string>(words: Partial<Record<K, string>>, make: (id: K) => Concept): Entry[] {
  const out: Entry[] = [];
  for (const id of Object.keys(words) as K[]) {
    for (const w of phrases(words[id] ?? '')) out.push({ words: w, concept: make(id) });
  }
  return out;
}

function single(words: string, concept: Concept): Entry[] {
  return phrases(words).map((w) => ({ words: w, concept }));
}

function valued<V>(values: Record<string, V>, make: (v: V) => Concept): Entry[] {
  return Object.entries(values).map(([w, v]) => ({ words: w.split(/[\s-]+/), concept: make(v) }));
}

const entries: Entry[] = [
  ...table(elementWords, (id) => ({ kind: 'element', id })),
  ...table(settingWords, (id) => ({ kind: 'setting', id })),
  ...table(timeWords, (id) => ({ kind: 'time', id })),
  ...table(weatherWords, (id) => ({ kind: 'weather', id })),
  ...single(windWords, { kind: 'wind' }),
  ...single(headingTowardWords, { kind: 'heading', toward: true }),
  ...single(headingAwayWords, { kind: 'heading', toward: false }),
  ...table(cameraWords, (id) => ({ kind: 'camera', id })),
  ...table(cameraLineWords, (id) => ({ kind: 'camera', id, line: true })),
  ...table(proseCameraWords, (id) => ({ kind: 'camera', id, prose: true })),
  ...single(fullOrbitWords, { kind: 'camera', id: 'orbit', full: true }),
  ...single(suddenWords, { kind: 'sudden' }),
  ...single(echoWords, { kind: 'echo' }),
  ...single(cameraTravelWords, { kind: 'travel' }),
  ...valued(angleWords, (angle) => ({ kind: 'angle', angle })),
  ...valued(lensWords, (mm) => ({ kind: 'lens', mm })),
  ...valued(faceFramingWords, (f) => ({ kind: 'framing', mm: f.mm, heads: f.heads })),
  ...valued(depthWords, (amount) => ({ kind: 'depth', amount })),
  ...table(styleWords, (id) => ({ kind: 'style', id })),
  ...table(bedWords, (id) => ({ kind: 'bed', id })),
  ...table(effectWords, (id) => ({ kind: 'effect', id })),
  ...table(verbWords, (id) => ({ kind: 'verb', id })),
  ...valued(colorWords, (hex) => ({ kind: 'color', hex })),
  ...valued(sizeWords, (scale) => ({ kind: 'size', scale })),
  ...valued(ageWords, (age) => ({ kind: 'age', age })),
  ...valued(intensityWords, (amount) => ({ kind: 'intensity', amount })),
  ...valued(countWords, (n) => ({ kind: 'count', n })),
  ...valued(partWords, (part) => ({ kind: 'part', part })),
  ...single(neverDrawnWords, { kind: 'never' }),
  ...single(fillerWords, { kind: 'filler' }),
];

/** Entries by their first word, so matching only tries phrases that can start at a token. */
const byFirstWord = new Map<string, Entry[]>();
for (const entry of entries) {
  const first = entry.words[0];
  if (first === undefined) continue;
  const list = byFirstWord.get(first) ?? [];
  list.push(entry);
  byFirstWord.set(first, list);
}

export type Token =
  | {
      kind: 'word';
      raw: string;
      lower: string;
      lemmas: string[];
      capital: boolean;
      /** Only the plural forms: a noun is never matched through "-ing" or "-ed" (staring is not stars). */
      nounForms: string[];
    }
  | { kind: 'time'; raw: string; ms: number }
  | { kind: 'lens'; raw: string; mm: number }
  | { kind: 'number'; raw: string; value: number }
  | { kind: 'break'; raw: string };

/**
 * Numbers that are not clip times or counts, read as words before anything else: decades and
 * years ("1970s", "'80s", "1984"), ages ("30-year-old"), "3D", "4K", "1080p" and aspect ratios.
 */
const wordLikeNumber =
  /^(?:360(?:°|[- ]?degrees?)?|(?:1[0-9]|20)\d0s|['’][2-9]0s|(?:1[5-9]|20)\d\d|\d{1,3}[- ]years?[- ]old|\d{1,2}[dDkK]|\d{3,4}[pP]|(?:16:9|9:16|4:3|3:2|21:9|1:1|2\.39:1|1\.85:1|2\.35:1))$/;

const tokenPattern =
  /(\b\d{1,2}(?::\d{2})?\s?(?:am|pm|a\.m\.|p\.m\.)(?![a-z]))|(\b360(?:°|[- ]?degrees?\b)?(?![\d.:]|\s?(?:ms|s|secs?|seconds?|mm)\b)|(?:1[0-9]|20)\d0s\b|['’][2-9]0s\b|\b(?:1[5-9]|20)\d\d\b(?![:.]\d)|\b\d{1,3}[- ]years?[- ]old\b|\b\d{1,2}[dDkK]\b|\b\d{3,4}[pP]\b|\b(?:16:9|9:16|4:3|3:2|21:9|1:1|2\.39:1|1\.85:1|2\.35:1)(?![\d:]))|(\d{1,2}:\d{2}(?:[.:]\d{1,3})?)|(\d+(?:\.\d+)?)\s?(ms|s|sec|secs|second|seconds)\b|(\d{2,3})\s?mm\b|(\d+(?:\.\d+)?)|(\p{L}[\p{L}\p{M}']*)|([.;,!?:()\n\u2014\u2013/]|\s-\s)/gu;

/** Parses "00:05", "1:02.5", "00:05.250" into milliseconds. */
export function clockToMs(text: string): number {
  const [main = '0', frac] = text.split('.');
  const parts = main.split(':').map(Number);
  let seconds = 0;
  for (const p of parts) seconds = seconds * 60 + p;
  const fraction = frac === undefined ? 0 : Number(`0.${frac}`);
  return Math.round((seconds + fraction) * 1000);
}

const SPELLED: Readonly<Record<string, string>> = {
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
  ten: '10',
  'half a': '0.5',
};
/**
 * Water in a vessel is the vessel's, not a lake: "water boils in a pot" reads as "a pot of water
 * boils", "water in a glass" as "a glass of water", "water boils in the kettle" as "the kettle boils".
 */
const WATER_IN_A_VESSEL =
  /\bwater\s+(?:(boils|is\s+boiling|boiling|simmers|is\s+simmering|simmering|bubbles|bubbling)\s+)?in(?:to)?\s+(an?|the|his|her|their|its)\s+(pot|saucepan|kettle|glass)\b(?!-)/gi;

function vesselOfWater(_: string, action: string | undefined, det: string, vessel: string): string {
  const v = vessel.toLowerCase();
  const thing = v === 'kettle' ? 'kettle' : v === 'glass' ? 'glass of water' : 'pot of water';
  return `${det} ${thing}${action === undefined ? '' : ` ${action}`}`;
}

/** "after two seconds" is a time like "after 2 seconds". */
const SPELLED_SECONDS = /\b(one|two|three|four|five|six|seven|eight|nine|ten|half a)\s+(seconds?)\b/gi;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const normalised = text
    .replace(/\bb\s*&\s*w\b/gi, 'black and white')
    .replace(/&/g, ' and ')
    .replace(WATER_IN_A_VESSEL, vesselOfWater)
    .replace(SPELLED_SECONDS, (_, n: string, unit: string) => `${SPELLED[n.toLowerCase()] ?? n} ${unit}`);
  for (const m of normalised.matchAll(tokenPattern)) {
    const [raw, hourOfDay, numberWord, clock, secs, unit, lensMm, num, word, punct] = m;
    if (hourOfDay !== undefined) tokens.push(hourToken(hourOfDay));
    else if (numberWord !== undefined && wordLikeNumber.test(numberWord)) tokens.push(numberToken(numberWord));
    else if (clock !== undefined) tokens.push({ kind: 'time', raw, ms: clockToMs(clock) });
    else if (secs !== undefined && unit !== undefined)
      tokens.push({ kind: 'time', raw, ms: Math.round(Number(secs) * (unit === 'ms' ? 1 : 1000)) });
    else if (lensMm !== undefined) tokens.push({ kind: 'lens', raw, mm: Number(lensMm) });
    else if (num !== undefined) tokens.push({ kind: 'number', raw, value: Number(num) });
    else if (word !== undefined) {
      const clean = word.replace(/'s$/i, '').replace(/'/g, '');
      // "café" is looked up as "cafe"; what the creator wrote stays as written in labels and reports.
      const lower = clean.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
      tokens.push({
        kind: 'word',
        raw: clean,
        lower,
        lemmas: lemmas(lower),
        capital: /^\p{Lu}/u.test(clean),
        nounForms: nounLemmas(lower),
      });
    } else if (punct !== undefined) tokens.push({ kind: 'break', raw: punct.trim() });
  }
  return tokens;
}

/** "3am", "7:30 pm": an hour of the day is the time of day it falls in, never a moment in the clip. */
function hourToken(raw: string): Token {
  const m = /^(\d{1,2})/.exec(raw);
  const h12 = Number(m?.[1] ?? 0) % 12;
  const time = timeOfHour(/p/i.test(raw) ? h12 + 12 : h12);
  return { kind: 'word', raw, lower: time, lemmas: [time], capital: false, nounForms: [time] };
}

/** The time of day an hour (0 to 23) falls in. */
export function timeOfHour(hour: number): 'night' | 'dawn' | 'morning' | 'noon' | 'sunset' | 'evening' {
  return hour < 5
    ? 'night'
    : hour < 7
      ? 'dawn'
      : hour < 11
        ? 'morning'
        : hour < 17
          ? 'noon'
          : hour < 19
            ? 'sunset'
            : hour < 21
              ? 'evening'
              : 'night';
}

/**
 * A number read as a word: a decade or year is an era (the vintage look), an age makes a figure
 * young or old, and "3D", "4K" or "16:9" describe the picture, not a count of things.
 */
function numberToken(raw: string): Token {
  const lower = raw.toLowerCase();
  // A full turn: "360", "360°", "360 degrees" read as one word the camera table knows.
  if (lower.startsWith('360'))
    return { kind: 'word', raw, lower: '360', lemmas: ['360'], capital: false, nounForms: [] };
  const age = /^(\d+)[- ]years?[- ]old$/.exec(lower);
  if (age) {
    const years = Number(age[1]);
    const meaning = years < 18 ? 'young' : years >= 55 ? 'old' : 'grown';
    return { kind: 'word', raw, lower, lemmas: [lower, meaning], capital: false, nounForms: [lower] };
  }
  const era = /0s$/.test(lower) || /^\d{4}$/.test(lower);
  return { kind: 'word', raw, lower, lemmas: [lower, era ? 'vintage' : 'picture'], capital: false, nounForms: [lower] };
}

export interface Match {
  start: number;
  end: number;
  concept: Concept;
  /** 0 when every word matched as written; higher when inflections were undone. */
  lemmaCost: number;
}

/** Every vocabulary phrase that matches the tokens starting at `start`. */
export function matchesAt(tokens: readonly Token[], start: number): Match[] {
  const first = tokens[start];
  if (first?.kind !== 'word') return [];
  const out: Match[] = [];
  first.lemmas.forEach((lemma, firstCost) => {
    const notAVerb = agentOrAdverb(first.lower, lemma);
    for (const entry of byFirstWord.get(lemma) ?? []) {
      const noun = entry.concept.kind === 'element' || entry.concept.kind === 'setting';
      if (noun && !first.nounForms.includes(lemma)) continue;
      if (notAVerb && (entry.concept.kind === 'verb' || entry.concept.kind === 'effect')) continue;
      let cost = firstCost;
      let ok = true;
      for (let k = 1; k < entry.words.length; k++) {
        const t = tokens[start + k];
        const want = entry.words[k];
        if (t?.kind !== 'word' || want === undefined) {
          ok = false;
          break;
        }
        const at = (noun ? t.nounForms : t.lemmas).indexOf(want);
        if (at < 0) {
          ok = false;
          break;
        }
        cost += at;
      }
      if (ok) out.push({ start, end: start + entry.words.length, concept: entry.concept, lemmaCost: cost });
    }
  });
  return out;
}

/** "player", "bumper", "closely": an agent noun or an adverb is not the verb or sound it is made from. */
function agentOrAdverb(word: string, lemma: string): boolean {
  if (word.endsWith('er')) return lemma === word.slice(0, -2);
  if (word.endsWith('ly')) return lemma === word.slice(0, -2) || lemma === `${word.slice(0, -1)}e`;
  return false;
}

export function isStopWord(lower: string): boolean {
  return stopWords.has(lower);
}

export function isNegator(lower: string): boolean {
  return negators.has(lower);
}

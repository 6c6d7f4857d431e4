/**
 * Words not in the vocabulary. In the scene and motion fields a run of them in a noun's place
 * ("a cyclist", "Mira") becomes a labelled stand-in or a named person; everything else is
 * reported as not understood, with the reason.
 */
import { isCockpit } from '../vocabulary/places';
import type { PromptField } from '../scene';
import type { ShotBuilder } from './builder';
import type { Mods, Ref } from './clause';
import { determiners, modifierKinds, nounKinds, type Item } from './segment';
import { figureGender, isGivenName } from './words';

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
  const all = items.slice(start, end + 1).filter((x): x is Unknown => x.kind === 'unknown');
  const k = all.findIndex((u, i) => /^(named|called)$/i.test(u.text) && all[i + 1]?.capital === true);
  if (k >= 0 && (field === 'scene' || field === 'motion')) {
    // "a fisherman named Jonah": the name belongs to the figure just read.
    if (k > 0) readRun(b, items, start, start + k - 1, field, place, mods);
    const name = all[k + 1]?.text ?? '';
    b.report.ok(field, `${all[k]?.text ?? ''} ${name}`, `the name ${name}`);
    nameFigure(b, name, place);
    for (const u of all.slice(k + 2)) b.report.miss(field, u.text, 'not in the vocabulary');
    return end;
  }
  readRun(b, items, start, end, field, place, mods);
  return end;
}

/** What a cockpit's instrument panel and pedestal hold, drawn with the cockpit. */
const COCKPIT_PARTS = new Set(
  'instruments instrument panel controls control gauges gauge dials dial throttle throttles yoke joystick displays screens switches levers'.split(
    ' ',
  ),
);

function readRun(
  b: ShotBuilder,
  items: readonly Item[],
  start: number,
  end: number,
  field: PromptField,
  place: (ref: Ref) => void,
  mods: Mods,
): void {
  const run = items.slice(start, end + 1).filter((x): x is Unknown => x.kind === 'unknown');
  const next = items[end + 1];
  const visual = field === 'scene' || field === 'motion';
  const nextIsNoun = next?.kind === 'concept' && nounKinds.has(next.concept.kind);
  const first = run[0];
  const headEnd = headLength(run);
  const modifiesNext = nextIsNoun && headEnd === run.length;
  // "a sad song", "a distant rumble": a word before a sound describes the sound, not a thing to draw.
  const nextIsSound = next?.kind === 'concept' && (next.concept.kind === 'bed' || next.concept.kind === 'effect');
  // "Marcus hums" is someone doing it: a sound word that reads as a verb after a name is left to the name.
  const describesSound = nextIsSound && headEnd === run.length && !/[^s]s$/i.test(next.text);
  if (!visual || modifiesNext || describesSound || first === undefined) {
    const reason = modifiesNext
      ? 'describes something the engine draws, but this word is not in its vocabulary'
      : describesSound
        ? 'describes a sound the engine plays, but this word is not in its vocabulary'
        : 'not in the vocabulary';
    for (const u of run) b.report.miss(field, u.text, reason);
    return;
  }
  const head = run.slice(0, headEnd);
  const prevIsNounStart = startsNoun(items[start - 1]);
  const proper = first.capital && !prevIsNounStart && head.length <= 2;
  const lower = first.text.toLowerCase();
  // A plural at the start of a sentence ("Lanterns rise") is a common noun, unless it is a known
  // place, a given name ("Marcus") or a name a singular verb follows ("Silas walks").
  const capitalised =
    proper &&
    (NOT_PEOPLE.has(lower) || !/s$/.test(lower) || isGivenName(first.text) || actsAlone(items[start + head.length]));
  const isName = capitalised && (b.knownNames.has(lower) || isPersonName(items, start, head));
  // "Los Angeles", "Hong Kong": a two-word city, whatever its second word looks like.
  const city = [run.slice(0, 2), run.slice(0, 1)].find((words) =>
    CITIES.has(words.map((u) => u.text.toLowerCase()).join(' ')),
  );
  const headWord = head[head.length - 1]?.text.toLowerCase() ?? '';
  if (first.capital && PLANETS.has(lower) && head.length === 1) {
    // "the Earth turning below": a planet by name is the planet drawn in space.
    b.environment.set('planet', Math.max(b.environment.get('planet') ?? 0, 1));
    b.settingVotes.push('space');
    b.report.ok(field, first.text, 'element planet');
  } else if (capitalised && head.length <= 2 && namesFigureBefore(b, items[start - 1]))
    // "her husband Tom": the name of the figure just read.
    b.nameLastFigure(head.map((u) => u.text).join(' '), field);
  else if (isName) namedPerson(b, field, first, place);
  else if (capitalised && TITLES.has(lower) && head.length === 1)
    b.report.ok(field, first.text, 'a title before a name');
  else if (first.capital && city !== undefined && (city.length === 2 || head.length === 1)) {
    // A city names no street, but it is one: unless the prompt names a place, the shot is set in its streets.
    b.settingVotes.push('street');
    b.report.ok(field, city.map((u) => u.text).join(' '), 'a city: set in its streets unless a place is named');
    for (const u of run.slice(city.length)) b.report.miss(field, u.text, 'not in the vocabulary');
    return;
  } else if (capitalised && !looksDescriptive(lower))
    for (const u of head) b.report.miss(field, u.text, 'a proper name (a place, brand or title), not drawn');
  else if (isCockpit(b.settingWord ?? '') && COCKPIT_PARTS.has(headWord))
    // "checks the instruments": drawn with the cockpit (draw/scenery/cockpit.ts).
    b.report.ok(field, head.map((u) => u.text).join(' '), "the cockpit's instrument panel");
  else if (ABOUT_THE_FILM.has(headWord))
    for (const u of head) b.report.miss(field, u.text, 'a word about the film, not a thing in it; not drawn');
  else if (isWorn(headWord) && b.lastFigure !== null) dress(b, field, head, mods, ownerWord(items, start));
  else if (looksDescriptive(headWord))
    for (const u of head) b.report.miss(field, u.text, 'a describing word with no thing the engine draws to describe');
  else if (prevIsNounStart || first.clauseStart) standIn(b, field, head, place, mods);
  else {
    for (const u of head) b.report.miss(field, u.text, 'not in the vocabulary');
  }
  for (const u of run.slice(headEnd))
    b.report.miss(field, u.text, 'not in the vocabulary (an action the engine cannot stage)');
}

/** A figure's noun right before a name ("her husband Tom", "the detective Mara") that has no name yet. */
function namesFigureBefore(b: ShotBuilder, prev: Item | undefined): boolean {
  if (prev?.kind !== 'concept' || prev.concept.kind !== 'element' || prev.concept.id !== 'person') return false;
  const figure = b.lastFigure === null ? undefined : b.entities.get(b.lastFigure);
  return figure !== undefined && figure.name === null && figure.count === 1;
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

/**
 * A capitalised word is a person only when it is a known given name, follows a title or
 * "named"/"called", or is used as one: it speaks, walks, or does anything else a person does.
 */
function isPersonName(items: readonly Item[], start: number, head: readonly Unknown[]): boolean {
  const first = head[0];
  if (!first) return false;
  if (NOT_PEOPLE.has(first.text.toLowerCase())) return false;
  if (isGivenName(first.text)) return true;
  const prev = items[start - 1];
  const prevWord = prev?.kind === 'stop' || prev?.kind === 'unknown' ? prev.text.toLowerCase().replace(/\.$/, '') : '';
  if (TITLES.has(prevWord) || prevWord === 'named' || prevWord === 'called') return true;
  const next = items[start + head.length];
  return head.length === 1 && next?.kind === 'concept' && (next.concept.kind === 'verb' || actsAlone(next));
}

/** A verb in its singular form ("walks", "hums"), so what comes before it is one someone. */
function actsAlone(next: Item | undefined): boolean {
  return (
    next?.kind === 'concept' &&
    (next.concept.kind === 'verb' || next.concept.kind === 'effect') &&
    /[^s]s$/i.test(next.text.split(' ')[0] ?? '')
  );
}

const TITLES = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'dr',
  'doctor',
  'professor',
  'prof',
  'captain',
  'sir',
  'lady',
  'lord',
  'king',
  'queen',
  'uncle',
  'aunt',
  'detective',
  'officer',
  'agent',
]);

/** Capitalised words creators write that are never a person, even before a verb. */
const NOT_PEOPLE = new Set(
  (
    'drone handheld push pan tilt zoom tracking sfx pov fpv dolly crane aerial close closeup wide medium static ' +
    'canada paris london tokyo york berlin rome venice kyoto iceland norway japan china india mexico italy france ' +
    'spain africa america europe asia earth mars moon california texas seoul shanghai dubai brooklyn manhattan ' +
    'cinematic camera shot scene style audio sound music dialogue then suddenly finally meanwhile later'
  ).split(' '),
);

/** Cities creators name: a shot set in one is in a city street unless it names its place. */
const CITIES = new Set([
  ...(
    'paris london tokyo berlin rome venice kyoto seoul shanghai dubai brooklyn manhattan madrid barcelona ' +
    'amsterdam prague vienna istanbul cairo mumbai delhi bangkok singapore hongkong sydney chicago boston ' +
    'seattle miami havana lisbon moscow osaka beijing shibuya'
  ).split(' '),
  ...'los angeles|hong kong|new york|san francisco|new orleans'.split('|'),
]);

/** Planets named in prose ("the Earth below"): drawn as the planet in space. */
const PLANETS = new Set(['earth', 'mars', 'jupiter', 'saturn', 'venus', 'neptune', 'mercury', 'uranus']);

/** Clothes and things worn: they dress the figure they belong to instead of standing beside it. */
const WORN =
  /^(coat|raincoat|overcoat|trench|jacket|parka|anorak|windbreaker|poncho|wetsuit|spacesuit|hoodie|sweater|jumper|cardigan|shirt|t-shirt|blouse|dress|gown|skirt|jeans|trousers|pants|shorts|suit|tuxedo|uniform|cloak|cape|robe|kimono|scarf|hat|cap|beanie|helmet|hood|boots|shoes|sneakers|heels|sandals|gloves|glasses|sunglasses|goggles|mask|backpack|apron|vest|overalls|armor|armour|outfit|clothes|clothing|attire|tie|bowtie|veil|necklace|earrings)$/;

function isWorn(word: string): boolean {
  return WORN.test(word);
}

/** Words about the film itself (its structure, its sound cues, its finish): never a thing on screen. */
const ABOUT_THE_FILM = new Set(
  (
    'end sfx fx vfx cut cuts fade transition beat moment frame frames footage take intro outro title titles credits ' +
    'montage sequence clip vibe vibes mood aesthetic atmosphere tone feel look quality resolution detail details ' +
    'realism texture grade grading render lighting composition framing angle lens movement motion pacing'
  ).split(' '),
);

/** Adjectives and participles never become stand-ins: "long", "low", "following", "weathered". */
const DESCRIPTIVE = new Set(
  (
    'long low high tall short big small large little tiny huge vast giant old new young ancient modern dark bright ' +
    'soft hard warm cold cool hot wet dry quiet loud slow fast empty full heavy deep shallow wide narrow thin thick ' +
    'distant nearby lonely lone single quick gentle calm wild busy crowded abandoned weathered worn rusty dusty ' +
    'golden silver wooden stone glass metal lush dense sparse steep open closed broken lit bare shiny glossy ' +
    'following next last first final other same whole entire main central upper lower inner outer various several alone clear barefoot ' +
    'sleek elegant stunning gorgeous vivid serene eerie moody gritty rugged dim pale sharp crisp smooth rough clean dirty ' +
    'faint vibrant grand neat messy tidy slick raw subtle fine bold stark muted glowing hazy murky shadowy ' +
    'tense intimate nostalgic romantic playful epic energetic dreamy cozy somber sombre joyful gloomy'
  ).split(' '),
);

function looksDescriptive(word: string): boolean {
  return DESCRIPTIVE.has(word) || /(ing|ed|ous|ful|ive|less|able|ible|ish|ic|al|ly)$/.test(word);
}

/** The word before a run and its describing words: "her" in "her white dress". */
function ownerWord(items: readonly Item[], start: number): Item | undefined {
  for (let k = start - 1; k >= 0; k--) {
    const it = items[k];
    if (it?.kind === 'concept' && modifierKinds.has(it.concept.kind)) continue;
    return it;
  }
  return undefined;
}

/** "a woman in a red coat": the coat's colour dresses her; no coat-shaped box is drawn beside her. */
function dress(
  b: ShotBuilder,
  field: PromptField,
  head: readonly Unknown[],
  mods: Mods,
  before: Item | undefined,
): void {
  const key = b.lastFigure;
  // "a bride and groom…, her white dress": "her" and "his" pick the figure of that gender.
  const owner =
    before?.kind === 'stop' ? ({ her: 'feminine', his: 'masculine' } as const)[before.text.toLowerCase()] : undefined;
  const figures = [...b.entities.values()].filter((e) => e.element === 'person' || e.element === 'child');
  const figure =
    (owner === undefined ? undefined : figures.reverse().find((e) => figureGender(e.name ?? e.label) === owner)) ??
    (key === null ? undefined : b.entities.get(key));
  const label = head.map((u) => u.text).join(' ');
  if (!figure) return;
  if (mods.color !== undefined) figure.color = mods.color;
  b.report.ok(field, label, `worn by ${figure.label}${mods.color !== undefined ? ', in its colour' : ''}`);
}

/** Names the last figure, or makes a person of that name when there is none. */
function nameFigure(b: ShotBuilder, name: string, place: (ref: Ref) => void): void {
  const key = b.lastFigure;
  const figure = key === null ? undefined : b.entities.get(key);
  if (figure && figure.name === null) {
    // Keyed by the name, so the figure looks and sounds the same wherever the name comes back.
    b.entities.delete(figure.key);
    b.aliases.set(figure.key, name.toLowerCase());
    figure.name = name;
    figure.key = name.toLowerCase();
    b.entities.set(figure.key, figure);
    b.lastFigure = figure.key;
    return;
  }
  const e = b.entity('person', name, name, null);
  place({ kind: 'entity', key: e.key });
}

function namedPerson(b: ShotBuilder, field: PromptField, first: Unknown, place: (ref: Ref) => void): void {
  const e = b.entity('person', first.text, first.text, null);
  b.report.ok(field, first.text, `person named ${first.text}`);
  place({ kind: 'entity', key: e.key });
}

/** Things whose names end like an agent noun's ("paper", "tower"): a block, not a grey figure. */
const THINGS_LIKE_AGENTS = new Set(
  (
    'paper newspaper letter poster sticker ladder border corner container trailer tower water river flower ' +
    'computer printer speaker heater monitor mirror door floor elevator escalator tractor meteor anchor ' +
    'instrument monument tent pavement apartment pendant plant fountain lantern cauldron cannon ' +
    'toaster blender mixer freezer cooler locker drawer folder tanker hamper shaker sticker marker counter'
  ).split(' '),
);

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
  const agent = /(er|or|ist|ian|ess|man|woman|ant|ent|ee)$/.test(lastWord) && !THINGS_LIKE_AGENTS.has(lastWord);
  const shape = agent ? 'figure' : 'block';
  const e = b.entity(null, label.toLowerCase(), null, shape);
  if (mods.count !== undefined) e.count = mods.count;
  if (mods.color !== undefined) e.color = mods.color;
  if (mods.scale !== undefined) e.scale = mods.scale;
  b.report.ok(field, label, `stand-in '${label}' (not in the vocabulary, shown as a labelled ${shape})`);
  b.report.miss(field, label, `not in the vocabulary; staged as a labelled stand-in`);
  place({ kind: 'entity', key: e.key });
}

/**
 * What each kind of known word does to the shot: elements become entities or environment,
 * settings, times and weather set the scene, camera, lens and style words set the look, sound
 * words add beds and cues, verbs become actions. A negated word removes or refuses instead.
 */
import type { Concept } from '../lexicon';
import { elementGroup, settingOfElement, surfaceIds, type Surface } from '../scene';
import type { EffectId } from '../vocabulary/sound';
import { weatherOfElement, type ElementId, type Weather } from '../vocabulary/world';
import type { ShotBuilder } from './builder';
import type { Clause } from './clause';
import { determiners, nounKinds, relativePronouns, type Item } from './segment';
import { applyStyle } from './style';
import { cameraLabel, childish, pronounGender } from './words';
import { hairColorWords, hairTones } from '../vocabulary/modifiers';
import { isCockpit } from '../vocabulary/places';

/** Things with windows and doors of their own. */
const VEHICLES = new Set<ElementId>(['car', 'bus', 'train', 'boat']);

type Of<K extends Concept['kind']> = Extract<Concept, { kind: K }>;

/** One known word in its clause. `negated` is fixed when the word is read. */
interface Word {
  cl: Clause;
  b: ShotBuilder;
  text: string;
  negated: boolean;
  /** The item's index in the clause. */
  at: number;
}

export function applyConcept(cl: Clause, item: Extract<Item, { kind: 'concept' }>, at: number): void {
  const w: Word = { cl, b: cl.b, text: item.text, negated: cl.negated || !cl.positive, at };
  const c = item.concept;
  if (
    (cl.field === 'ambience' || cl.field === 'event') &&
    (c.kind === 'element' || c.kind === 'setting' || c.kind === 'style')
  ) {
    ok(w, `where the sound comes from (${c.id}), staged only from the Scene`);
    return;
  }
  switch (c.kind) {
    case 'element':
      element(w, c);
      return;
    case 'setting':
      setting(w, c);
      return;
    case 'time':
      timeOfDay(w, c);
      return;
    case 'weather':
      weather(w, c);
      return;
    case 'wind':
      wind(w);
      return;
    case 'camera':
      camera(w, c);
      return;
    case 'lens':
      lens(w, c);
      return;
    case 'framing':
      framing(w, c);
      return;
    case 'angle':
      angle(w, c);
      return;
    case 'sudden':
      sudden(w);
      return;
    case 'echo':
      w.b.hearEcho(w.cl.field, !w.negated);
      ok(
        w,
        w.negated
          ? 'no echo'
          : w.cl.field === 'event'
            ? 'an echo on the sound'
            : 'the place echoes: every sound trails off in echoes',
      );
      return;
    case 'travel':
      travel(w);
      return;
    case 'depth':
      depth(w, c);
      return;
    case 'style':
      if (describesNext(w)) {
        // "glowing instruments": the word is the instruments', not the whole picture's look.
        ok(w, `describes the ${cl.items[at + 1]?.text ?? 'next thing'}, not the look of the picture`);
        return;
      }
      applyStyle(w.b, c.id, w.negated, cl.takeIntensity());
      ok(w, w.negated ? `no ${c.id}` : `style ${c.id}`);
      return;
    case 'bed':
      bed(w, c);
      return;
    case 'effect':
      effect(w, c);
      return;
    case 'verb':
      verb(w, c);
      return;
    case 'heading':
      heading(w, c);
      return;
    case 'part':
      part(w, c);
      return;
    case 'never':
      if (w.negated) ok(w, 'never drawn by the local engine');
      else miss(w, 'the local engine draws no text, logos or signs');
      return;
    case 'color':
    case 'size':
    case 'age':
    case 'intensity':
    case 'count':
      modifier(w, c);
      return;
    case 'filler':
      return;
  }
}

function ok(w: Word, meaning: string): void {
  w.b.report.ok(w.cl.field, w.text, meaning);
}

function miss(w: Word, reason: string): void {
  w.b.report.miss(w.cl.field, w.text, reason);
}

function element(w: Word, c: Of<'element'>): void {
  const { b, cl, text } = w;
  if (w.negated) {
    b.removed.add(c.id);
    b.removedKeys.add(text.toLowerCase());
    ok(w, `without ${c.id}`);
    cl.mods = {};
    return;
  }
  // "waves from the window" of a train: the window is the vehicle's, not a room's.
  const vehicle = [...b.entities.values()].find((e) => e.element !== null && VEHICLES.has(e.element));
  if (isCockpit(b.settingWord ?? '') && (c.id === 'window' || c.id === 'door')) {
    ok(w, `the cockpit's ${c.id === 'window' ? 'windscreen' : 'door'}`);
    cl.mods = {};
    return;
  }
  if (vehicle && (c.id === 'window' || c.id === 'door')) {
    ok(w, `the ${vehicle.label}'s ${c.id}`);
    cl.mods = {};
    return;
  }
  const group = elementGroup[c.id];
  const implied = weatherOfElement[c.id];
  if (implied && (b.weather === null || b.weather === 'clear')) b.weather = implied;
  const suggested = settingOfElement[c.id];
  if (suggested) b.settingVotes.push(suggested);
  if (group === 'environment' || group === 'particles') environmentElement(w, c.id);
  else entityElement(w, c.id, group === 'figure');
}

/** Furniture a thing can rest on, by the word before it: "a cat on the bed". */
const RESTS_ON = /^(on|onto|upon|atop|across)$/i;

const SURFACES: ReadonlySet<string> = new Set(surfaceIds);

function describesFurniture(item: Item | undefined): boolean {
  if (item?.kind === 'stop') return /^(the|a|an|his|her|their|its|my)$/i.test(item.text);
  if (item?.kind === 'unknown') return !item.capital;
  return item?.kind === 'concept' && ['color', 'size', 'age', 'setting'].includes(item.concept.kind);
}

/**
 * "A cat on the bed", "a cup on the table", "a phone on the bookshelf": what the clause is about
 * (an animal or a thing, not a figure) rests on the furniture, not beside it.
 */
function restsOn(w: Word, id: ElementId): void {
  if (!SURFACES.has(id)) return;
  // Back over "the", "her" and what describes the furniture: "on the old kitchen table".
  let k = w.at - 1;
  while (k >= 0 && w.at - k <= 4 && describesFurniture(w.cl.items[k])) k--;
  const before = w.cl.items[k];
  if (before?.kind !== 'stop' || !RESTS_ON.test(before.text)) return;
  const refs = w.cl.subjects.length > 0 ? w.cl.subjects : w.cl.carried;
  for (const ref of refs) {
    const e = ref.kind === 'entity' ? w.b.entities.get(ref.key) : undefined;
    if (!e || e.element === id) continue;
    // A stand-in thing ("a vase on the table") rests there too; a stand-in figure does not.
    const group = e.element === null ? (e.standIn === 'block' ? 'prop' : null) : elementGroup[e.element];
    if (group === 'animal' || group === 'prop') e.on = id as Surface;
  }
}

/** Rain, trees, stars…: an amount in the shot's environment. */
function environmentElement(w: Word, id: ElementId): void {
  const { b, cl } = w;
  restsOn(w, id);
  const m = cl.mods;
  const amount = (m.intensity ?? 1) * (m.count !== undefined ? Math.min(2, 0.6 + m.count * 0.15) : 1);
  b.environment.set(id, Math.max(b.environment.get(id) ?? 0, amount));
  cl.mods = {};
  ok(w, `element ${id}`);
  cl.place({ kind: 'env', key: id }, w.at);
}

/** Roles whose last word names another figure ("co-pilot", "pilot"), by the phrase as read. */
const SECOND_ROLES: Readonly<Record<string, string>> = {
  'co pilot': 'co-pilot',
  'first officer': 'first officer',
};

/** A figure, animal or prop, with the modifiers before it; a plural noun means several. */
function entityElement(w: Word, id: ElementId, figure: boolean): void {
  const { b, cl, text } = w;
  restsOn(w, id);
  const m = cl.mods;
  const head = text.split(/\s+/).pop() ?? text;
  // A role named in two words is its own figure: the co-pilot is not the pilot beside them.
  const role = SECOND_ROLES[text.toLowerCase().replace(/[\s-]+/g, ' ')];
  const noun = role ?? head.toLowerCase();
  // "She sits down": the woman already met, in this shot or an earlier one.
  const gender = figure ? pronounGender(noun) : null;
  const meant = gender === null ? null : b.figureByPronoun(gender);
  if (meant !== null) {
    cl.mods = {};
    ok(w, `the ${gender === 'feminine' ? 'woman' : 'man'} already met (${b.entities.get(meant)?.label ?? meant})`);
    cl.place({ kind: 'entity', key: meant }, w.at);
    return;
  }
  // "a mug of coffee", "a cup of tea": what the cup holds is the same cup, not a second one.
  const of = cl.items[w.at - 1];
  const holder = cl.items[w.at - 2];
  if (
    !figure &&
    of?.kind === 'stop' &&
    of.text.toLowerCase() === 'of' &&
    holder?.kind === 'concept' &&
    holder.concept.kind === 'element' &&
    holder.concept.id === id
  ) {
    cl.mods = {};
    ok(w, `what the ${id} holds`);
    return;
  }
  // A thing keeps the whole phrase ("steam train", "sports car"): it picks the drawing.
  const phrase = text.toLowerCase().replace(/-/g, ' ').replace(/\s+/g, ' ');
  // Two things of one kind named differently ("a muscle car… a police cruiser") are two things;
  // the plain word afterwards ("the car") is still the first.
  const prior = figure ? undefined : b.entities.get(id);
  const another = prior !== undefined && phrase !== id && prior.noun !== id && prior.noun !== phrase;
  const e = another
    ? b.entity(id, phrase, null, null, phrase)
    : b.entity(id, figure ? noun : id, null, null, figure ? noun : phrase);
  if (m.count !== undefined) e.count = m.count;
  else if (((/s$/.test(noun) && !/ss$/.test(noun)) || /men$/.test(noun)) && noun !== id)
    e.count = Math.max(e.count, id === 'bird' ? 5 : 3);
  if (id === 'bird' && noun === 'flock') e.count = Math.max(e.count, 7);
  // "fish" is its own plural: without "a" or a number before it, it is a school.
  const before = cl.items[w.at - 1];
  const single = before?.kind === 'stop' && /^(a|an)$/i.test(before.text);
  if (id === 'fish' && m.count === undefined && (noun !== 'fish' || !single)) e.count = Math.max(e.count, 7);
  if (m.color !== undefined) e.color = m.color;
  if (m.scale !== undefined) e.scale = m.scale;
  // "a young man" is a grown man; "a little boy", "a teenage girl" are children.
  const youngAdult = m.age === 'young' && m.ageWord === 'young' && id === 'person' && !childish.test(noun);
  if (m.age !== undefined && !youngAdult) e.age = m.age;
  if (m.hair !== undefined && figure) e.hair = m.hair;
  cl.mods = {};
  ok(w, e.count > 1 ? `element ${id} ×${e.count}` : `element ${id}`);
  cl.place({ kind: 'entity', key: e.key }, w.at);
}

/** Places that trade under a sign: seen from outside, the street in front has its lit signs. */
const SIGNED_PLACES =
  /^(diner|roadside diner|bar|pub|cafe|restaurant|shop|store|bookstore|bakery|hotel|motel|club|nightclub|theater|theatre|cinema|casino|gas station)$/;

/**
 * "outside a diner", "in front of the bar", "the diner's exterior": the place seen from the street,
 * not the room inside it.
 */
function seenFromOutside(cl: Clause, at: number): boolean {
  for (let k = at - 1; k >= 0; k--) {
    const it = cl.items[k];
    if (it?.kind === 'concept' && it.concept.kind === 'filler' && /\bfront\b/i.test(it.text)) return true;
    if (it?.kind !== 'stop' && it?.kind !== 'unknown') break;
    const word = it.text.toLowerCase();
    if (word === 'outside' || word === 'front') return true;
    if (!/^(a|an|the|of|this|that|just|right)$/.test(word)) break;
  }
  const next = cl.items[at + 1];
  return next?.kind === 'unknown' && /^(exterior|facade|façade|storefront|frontage)$/i.test(next.text);
}

function setting(w: Word, c: Of<'setting'>): void {
  if (w.negated) {
    miss(w, 'a setting cannot be left out; name the place you want instead');
    return;
  }
  if (c.id === 'interior' && seenFromOutside(w.cl, w.at)) {
    const word = w.text.toLowerCase();
    if (w.b.setting === null) {
      w.b.setting = 'street';
      w.b.settingWord = word;
    }
    if (SIGNED_PLACES.test(word)) w.b.environment.set('neonSigns', w.b.environment.get('neonSigns') ?? 1);
    ok(w, `setting street, outside the ${word}`);
    return;
  }
  // "Inside a cockpit": a word that only says indoors gives way to the one that names the room.
  const generic = GENERIC_ROOM.test(w.b.settingWord ?? '');
  if (w.b.setting === null || (generic && w.b.setting === c.id && !GENERIC_ROOM.test(w.text))) {
    w.b.setting = c.id;
    w.b.settingWord = w.text.toLowerCase();
  }
  ok(w, `setting ${c.id}`);
}

/** Setting words that say only that the shot is indoors. */
const GENERIC_ROOM = /^(inside|interior|indoors|room)$/i;

const WEAK_TIME_WORDS = new Set(['sunny', 'sunlit', 'day', 'daytime', 'daylight', 'bright day', 'dark', 'darkness']);

function timeOfDay(w: Word, c: Of<'time'>): void {
  if (w.negated) {
    miss(w, 'a time of day cannot be left out; name the time you want instead');
    return;
  }
  // "sunny" or "dark" says little of the hour: a time word that names one ("a sunny morning") wins.
  const weak = WEAK_TIME_WORDS.has(w.text.toLowerCase());
  // A Style line's "night" or "golden hour" sets the hour unless the Scene already said it ("a sunny
  // street" is daytime; a dark room says how the light is, not the hour). A Style carried on from the
  // shot before gave its hour there, and the hour carries with the rest of the setting.
  const style = w.cl.field === 'style';
  if (style && w.b.styleCarried) {
    ok(w, `time of day ${c.id}, as the shot before`);
    return;
  }
  const sceneSaid = style && w.b.timeOfDay !== null && !w.b.timeFromDarkness;
  if (w.b.timeOfDay === null || (w.b.timeFromWeakWord && !weak && !sceneSaid)) {
    w.b.timeOfDay = c.id;
    w.b.timeFromWeakWord = weak;
    w.b.timeFromDarkness = /^dark(ness)?$/i.test(w.text);
  }
  ok(w, `time of day ${c.id}`);
}

/** The particles each weather brings, removed when the weather is refused. */
const weatherParticle: Partial<Record<Weather, ElementId>> = {
  rain: 'rain',
  snow: 'snow',
  fog: 'fog',
  storm: 'lightning',
};

function weather(w: Word, c: Of<'weather'>): void {
  const { b } = w;
  if (w.negated) {
    const el = weatherParticle[c.id];
    if (el) b.removed.add(el);
    if (c.id === 'storm') b.removed.add('rain');
    if (b.weather === c.id) b.weather = 'clear';
    ok(w, `no ${c.id}`);
    return;
  }
  b.weather = c.id;
  ok(w, `weather ${c.id}`);
}

function wind(w: Word): void {
  const { b } = w;
  if (w.negated) {
    b.wind = 0;
    ok(w, 'no wind');
    return;
  }
  b.wind = Math.max(b.wind, w.cl.takeIntensity());
  ok(w, `wind ${b.wind.toFixed(2)}`);
  w.cl.place({ kind: 'wind', key: 'wind' }, w.at);
}

function camera(w: Word, c: Of<'camera'>): void {
  const { b } = w;
  if (w.negated) {
    b.moves.delete(c.id);
    b.moves.set('static', 1);
    ok(w, `no ${cameraLabel[c.id]}`);
    return;
  }
  const snap = w.cl.mods.sudden === true;
  const amount = w.cl.takeIntensity();
  // "360 orbit" reads two words as one move: the second keeps what the first set.
  if (!(c.full && b.moves.has(c.id))) b.moves.set(c.id, amount);
  if (c.full) b.fullOrbit = true;
  if (snap) b.sudden.add(c.id);
  b.lastMove = c.id;
  const label = `camera ${cameraLabel[c.id]}${c.full ? ' all the way round' : ''}${snap ? ', sudden' : ''}`;
  ok(w, amount === 1 ? label : `${label} ×${amount}`);
}

/** "sudden", "snap": the move it belongs to starts at full speed (the next move, else the last). */
function sudden(w: Word): void {
  const { cl, b } = w;
  if (w.negated) {
    ok(w, 'no sudden moves');
    return;
  }
  const moveFollows = cl.items.slice(w.at + 1).some((it) => it.kind === 'concept' && it.concept.kind === 'camera');
  if (!moveFollows && b.lastMove !== null && b.lastMove !== 'static') {
    b.sudden.add(b.lastMove);
    ok(w, `camera ${cameraLabel[b.lastMove]}, sudden`);
  } else {
    cl.mods.sudden = true;
    ok(w, 'sudden start');
  }
}

/** "the drone rockets along": the move named beside the verb, else a glide along the view. */
function travel(w: Word): void {
  const { cl, b } = w;
  const moveFollows = cl.items.slice(w.at + 1).some((it) => it.kind === 'concept' && it.concept.kind === 'camera');
  const named = b.lastMove !== null && b.lastMove !== 'static' ? b.lastMove : null;
  if (w.negated || moveFollows || named !== null) {
    ok(w, named !== null && !moveFollows ? `how the camera moves: ${cameraLabel[named]}` : 'how the camera moves');
    return;
  }
  b.moves.set('truckRight', w.cl.takeIntensity());
  b.lastMove = 'truckRight';
  ok(w, `camera ${cameraLabel.truckRight}`);
}

function angle(w: Word, c: Of<'angle'>): void {
  if (w.negated) {
    w.b.angle = 'eye';
    ok(w, `no ${c.angle} angle`);
    return;
  }
  w.b.angle = c.angle;
  ok(w, c.angle === 'eye' ? 'camera at eye level' : `camera at a ${c.angle} angle`);
}

/** A close-up: a lens, and the camera framing the face, or the thing in shot when no one is (see camera.ts). */
function framing(w: Word, c: Of<'framing'>): void {
  const { b } = w;
  // "Close on the kettle" directs the camera; "the door is close on the left" says where a thing is.
  if (/^close on\b/i.test(w.text) && w.cl.subjects.length > 0) {
    ok(w, 'near (where a thing is, not a framing)');
    return;
  }
  if (w.negated) {
    b.lensCap = Math.min(b.lensCap ?? 1000, Math.max(24, c.mm - 35));
    ok(w, `no framing as tight as ${c.mm} mm`);
    return;
  }
  b.lensMm ??= c.mm;
  b.closeUp ??= c.heads;
  ok(w, `close-up (a face, else the thing in shot), lens ${c.mm} mm`);
}

function lens(w: Word, c: Of<'lens'>): void {
  const { b } = w;
  if (w.negated) {
    b.lensCap = Math.min(b.lensCap ?? 1000, Math.max(24, c.mm - 35));
    ok(w, `no framing as tight as ${c.mm} mm`);
    return;
  }
  b.lensMm ??= c.mm;
  ok(w, `lens ${c.mm} mm`);
}

function depth(w: Word, c: Of<'depth'>): void {
  const { b, cl } = w;
  if (w.negated) {
    b.depth = 0;
    ok(w, 'deep focus');
    return;
  }
  b.depth = Math.max(b.depth ?? 0, c.amount * (cl.mods.intensity ?? 1));
  cl.mods = {};
  ok(w, c.amount === 0 ? 'deep focus' : `depth of field ${c.amount}`);
}

/** True when the clause's subject is a figure (a person, a child, a figure stand-in). */
function figureSubject(w: Word): boolean {
  const figure = w.b.lastFigure;
  return figure !== null && w.cl.subjects.some((r) => r.kind === 'entity' && r.key === figure);
}

function bed(w: Word, c: Of<'bed'>): void {
  const { b } = w;
  if (w.negated) {
    ok(w, `no ${c.id} ambience`);
    for (const [k, existing] of b.beds) if (existing.id === c.id) b.beds.delete(k);
    return;
  }
  // "She hums" / "he is humming": a figure humming a tune, not the hum of a room.
  if (c.id === 'roomTone' && /^hum/i.test(w.text) && figureSubject(w)) {
    w.cl.verb({ verb: 'hum', word: w.text, target: null, atMs: null, intensity: w.cl.takeIntensity() });
    ok(w, 'action hum');
    return;
  }
  const level = w.cl.takeIntensity();
  b.beds.set(c.id, { id: c.id, level, label: w.text, fromMs: 0, toMs: null });
  heardAsSubject(w);
  ok(w, `ambience ${c.id}`);
}

/** A sound before any verb or subject in its clause is the clause's subject: "the song drifts…". */
function heardAsSubject(w: Word): void {
  if (!w.cl.verbSeen && w.cl.subjects.length === 0) w.cl.soundSubject = w.text;
}

/** Sounds that happen once: named in the ambience ("a door slams"), they play once, not over and over. */
const ONCE = new Set<EffectId>([
  'doorSlam',
  'glassBreak',
  'crash',
  'thud',
  'pop',
  'swell',
  'trainBrakes',
  'doorCreak',
  'scrape',
]);

/** What a falling thing sounds like where it lands. */
const LANDING_SOUNDS = new Set<EffectId>(['glassBreak', 'crash', 'thud', 'splash', 'pop']);

function effect(w: Word, c: Of<'effect'>): void {
  if (w.negated) {
    ok(w, `no ${c.id}`);
    return;
  }
  const level = w.cl.takeIntensity();
  // "At 00:02 the cup falls off the table and shatters": it shatters where it lands, after the
  // clause's moment, so the sound is placed on the landing.
  const fell = w.cl.lastAction?.verb === 'fall' || w.cl.lastAction?.verb === 'drop';
  const onLanding = fell && LANDING_SOUNDS.has(c.id) && w.cl.field !== 'event' && w.cl.field !== 'ambience';
  w.b.cues.push({
    effect: c.id,
    atMs: onLanding ? null : w.cl.time,
    endMs: null,
    level,
    label: w.text,
    standIn: false,
    repeat: w.cl.field === 'ambience' && !ONCE.has(c.id),
  });
  heardAsSubject(w);
  ok(w, `sound ${c.id}`);
}

/**
 * A participle of look ("glowing", "shimmering") right before a noun in the Scene or Motion
 * describes that thing: "glowing instruments" are lit instruments, not a dreamy picture.
 */
function describesNext(w: Word): boolean {
  if (w.cl.field !== 'scene' && w.cl.field !== 'motion') return false;
  if (!/ing$/i.test(w.text) || /\s/.test(w.text)) return false;
  const next = w.cl.items[w.at + 1];
  return next?.kind === 'unknown' || (next?.kind === 'concept' && nounKinds.has(next.concept.kind));
}

/** Verbs whose words are nouns too: "the phone rings", but "in the ring", "a train whistle". */
const ALSO_NOUNS = new Set<string>(['ring', 'whistle']);

/**
 * True when a verb that is a noun too is the noun here: after a determiner or a possessive ("a
 * ring", "the planet's rings"), or bare right after a noun before any verb ("a train whistle").
 */
function readAsNoun(w: Word, c: Of<'verb'>): boolean {
  if (!ALSO_NOUNS.has(c.id)) return false;
  const prev = w.cl.items[w.at - 1];
  if (prev === undefined) return false;
  const bare = !/(s|ing|ed)$/i.test(w.text.split(/\s+/)[0] ?? '');
  // "a kettle that whistles": "that" is a relative pronoun before an inflected verb.
  if (prev.kind === 'stop' && relativePronouns.has(prev.text.toLowerCase()) && !bare) return false;
  if (prev.kind === 'stop' && determiners.has(prev.text.toLowerCase())) return true;
  if (/['’]s?$/.test(prev.text)) return true;
  return bare && !w.cl.verbSeen && prev.kind === 'concept' && nounKinds.has(prev.concept.kind);
}

/** What the wind does when it is heard: "the wind whistles / howls / moans / screams", "a whistling wind". */
const WIND_VOICES = new Set<string>(['whistle', 'bark', 'talk']);

/** True when the verb is the wind's own sound: the wind is its subject, or it describes the wind after it. */
function windSounds(w: Word, c: Of<'verb'>): boolean {
  if (!WIND_VOICES.has(c.id)) return false;
  const { cl } = w;
  if (cl.subjects.length > 0) return cl.subjects.every((r) => r.kind === 'wind');
  const next = cl.items[w.at + 1];
  return /ing$/i.test(w.text) && next?.kind === 'concept' && next.concept.kind === 'wind';
}

function verb(w: Word, c: Of<'verb'>): void {
  if (windSounds(w, c)) {
    // The wind is heard only when it blows hard enough (see sound/schedule.ts).
    if (!w.negated) w.b.wind = Math.max(w.b.wind, 1.2 * w.cl.takeIntensity());
    ok(w, w.negated ? 'no wind heard' : 'the wind heard (a strong wind)');
    return;
  }
  if (readAsNoun(w, c)) {
    miss(w, `a ${c.id} (the thing, not the sound): not drawn`);
    return;
  }
  if (w.negated) {
    ok(w, `no ${c.id}`);
    return;
  }
  const sound = w.cl.subjects.length === 0 ? w.cl.soundSubject : null;
  if (sound !== null) {
    // "A sad song drifts from the radio": the song drifts, not the radio or whoever is in the shot.
    w.cl.verbSeen = true;
    ok(w, `said of the ${sound.toLowerCase()}: heard, not staged`);
    return;
  }
  // "A woman sweeps the floor" works a broom; "a searchlight sweeps the water" is no one's work.
  if (c.id === 'work' && /^sweep/i.test(w.text) && !figureSubject(w)) {
    miss(w, "only a figure sweeping (with a broom) or a Camera line's sweep is staged");
    return;
  }
  w.cl.verb({ verb: c.id, word: w.text, target: null, atMs: null, intensity: w.cl.takeIntensity() });
  ok(w, `action ${c.id}`);
}

function heading(w: Word, c: Of<'heading'>): void {
  if (w.cl.heading(c.toward)) ok(w, c.toward ? 'heading toward the camera' : 'heading away from the camera');
  else miss(w, 'a direction needs a movement before it, as in "walks toward the camera"');
}

function part(w: Word, c: Of<'part'>): void {
  const { b, cl } = w;
  const m = cl.mods;
  const tone = m.hair ?? (m.colorWord === undefined ? undefined : (hairTones[m.colorWord] ?? m.color));
  const figure = b.lastFigure === null ? undefined : b.entities.get(b.lastFigure);
  if (c.part === 'hair' && tone !== undefined && figure) {
    // "with red hair": the figure's hair, not its clothes.
    figure.hair = tone;
    cl.mods = {};
    ok(w, `${figure.label}'s hair colour`);
    return;
  }
  ok(w, `body part ${c.part}`);
  if (c.part === 'hair') w.b.hair ??= 1 * (w.cl.mods.intensity ?? 1);
  w.cl.place({ kind: 'part', key: c.part }, w.at);
}

function modifier(w: Word, c: Of<'color' | 'size' | 'age' | 'intensity' | 'count'>): void {
  const m = w.cl.mods;
  const word = w.text.toLowerCase();
  if (c.kind === 'color' && hairColorWords.has(word)) m.hair = c.hex;
  else if (c.kind === 'color') {
    m.color = c.hex;
    m.colorWord = word;
  }
  if (c.kind === 'size') m.scale = c.scale;
  if (c.kind === 'age') {
    m.age = c.age;
    m.ageWord = word;
  }
  if (c.kind === 'intensity') m.intensity = (m.intensity ?? 1) * c.amount;
  if (c.kind === 'count') m.count = c.n;
  ok(w, `modifier ${c.kind}`);
}

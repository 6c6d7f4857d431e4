/**
 * Sound sentences inside prose: "Waves crash below.", "a door slams at 00:02", "Tires screech as
 * the car drifts". A clause whose subject makes a sound with a sound verb is a direction for the
 * Audio field; it stays in the Scene too when its subject is something the picture shows (the
 * door, the waves), and leaves the Scene when the subject is only heard (thunder, sirens).
 */
import { parseWrittenTime } from '../time';

/** Verbs that say a sound is made, in the forms prose writes them. */
const SOUND_VERB_STEMS = (
  'crash slam bark ring roar hiss creak rumble howl honk beep buzz clang bang boom crackle thud thump squeak ' +
  'screech squeal whistle chime toll knock meow purr neigh whinny chirp tweet caw hoot wail scream shriek ' +
  'cheer clatter rattle sizzle pop rustle splash shatter echo blare growl patter tick clink swish whoosh ' +
  'scrape hum sound'
).split(' ');

/** Verbs whose last consonant doubles before -ing and -ed: "slamming", "popped". */
const DOUBLING = new Set(['slam', 'pop', 'thud']);

const SOUND_VERBS = new Set(SOUND_VERB_STEMS.flatMap(inflections));
const SOUND_STEMS = new Set(SOUND_VERB_STEMS);

function inflections(stem: string): string[] {
  const third = /(?:sh|ch|ss|x|z|o)$/.test(stem) ? `${stem}es` : `${stem}s`;
  const base = DOUBLING.has(stem) ? stem + stem.slice(-1) : stem.replace(/e$/, '');
  return [stem, third, `${base}ing`, `${base}ed`];
}

/** Subjects that are only heard: a clause about them leaves the Scene for the Audio. */
const HEARD_ONLY = new Set(
  (
    'thunder thunderclap footsteps footstep footfalls siren sirens voice voices music laughter applause ' +
    'scream screams echo echoes gunshot gunshots horn horns bell bells engine engines brakes tires tyres ' +
    'alarm alarms chime chimes whistle song'
  ).split(' '),
);

/** Words that end a sound's subject when walking back from its verb: the subject starts after them. */
const SUBJECT_BREAKS = new Set(
  (
    'as while with and then when where of in on at to from into onto over under behind below above through ' +
    'across before after until but so suddenly'
  ).split(' '),
);

const DETERMINERS = new Set(['a', 'an', 'the', 'his', 'her', 'its', 'their', 'our', 'my', 'your', 'some']);

/** Words after the verb that still belong to the sound: "crash below", "barks loudly in the distance". */
const SOUND_TAIL =
  /^(?:\s+(?:below|overhead|nearby|outside|somewhere|again|loudly|softly|faintly|sharply|twice|once|open|shut|in\s+the\s+distance|far\s+away|far\s+off|behind\s+(?:them|him|her|us))\b)*/i;

/** A moment in a shot as prose writes it: "00:02", "3s", "3 s", "3 seconds". */
export const MOMENT = String.raw`\d{1,2}:\d{2}(?:\.\d{1,3})?|\d+(?:\.\d+)?\s?s(?:ec(?:ond)?s?)?`;
/**
 * A moment or span in the shot: "at 00:02", "at 3s", "@ 00:02", "[00:02]", "from 00:01",
 * "from 1s to 3s", "until 00:04". Clock times of day are longer than any shot.
 */
const AT_TIME = new RegExp(
  String.raw`(?:\b(?:at|from|until|till|between)\s+|@\s*|\[\s*)(${MOMENT})\b(?:\s*(?:[-–—]|to|and)\s*(?:${MOMENT})\b)?\s*\]?(?!\s*(?:am|pm|o'clock|in\s+the\s+(?:morning|afternoon|evening)))`,
  'i',
);
/** A bare clock opening a clause: "00:02 – a bell rings". */
const LEADING_CLOCK = /^(\d{1,2}:\d{2}(?:\.\d{1,3})?)(?![\d:])[\s,:–—-]*/;
const LONGEST_SHOT_MS = 60_000;

export interface SoundCut {
  /** Offsets of the sound's own words in the clause: subject, verb, where and when. */
  from: number;
  to: number;
  /** The subject is only heard, so the rest of the clause is all the Scene keeps. */
  heardOnly: boolean;
}

interface Word {
  text: string;
  lower: string;
  from: number;
  to: number;
}

function wordsIn(body: string): Word[] {
  return [...body.matchAll(/\p{L}[\p{L}\p{M}\w'’-]*/gu)].map((m) => ({
    text: m[0],
    lower: m[0].toLowerCase(),
    from: m.index,
    to: m.index + m[0].length,
  }));
}

/** Where the sound direction sits in a Scene clause, or null when the clause makes no sound. */
export function soundInClause(body: string): SoundCut | null {
  const words = wordsIn(body);
  for (let i = 1; i < words.length; i++) {
    const verb = words[i];
    if (!verb || !SOUND_VERBS.has(verb.lower)) continue;
    // "gulls wheel and scream": the two verbs share the subject before them.
    const last = words[i - 1]?.lower === 'and' && i >= 3 ? i - 3 : i - 1;
    const before = words[last];
    // "the crash", "a loud bang": after a determiner the word is a noun, not something a subject does.
    if (!before || DETERMINERS.has(before.lower) || SUBJECT_BREAKS.has(before.lower)) continue;
    if (/^\s+of\b/i.test(body.slice(verb.to))) continue;
    // "a diamond ring sparkles": a bare stem after a singular word is a noun ("a dog barks", "dogs bark").
    if (SOUND_STEMS.has(verb.lower) && !/s$/.test(before.lower) && before.lower !== 'and') continue;
    const subject = subjectStart(words, last);
    const head = before.lower;
    let to = verb.to + (SOUND_TAIL.exec(body.slice(verb.to))?.[0].length ?? 0);
    const time = AT_TIME.exec(body);
    if (time && time.index >= verb.to && isMoment(time[1] ?? '')) to = Math.max(to, time.index + time[0].length);
    let from = words[subject]?.from ?? 0;
    // "00:02 – a bell rings": a bare clock before the subject times it too.
    const lead = LEADING_CLOCK.exec(body);
    if (lead && lead[0].length === from && isMoment(lead[1] ?? '')) from = 0;
    // "At 3s the door slams": a moment written before the subject times the sound too.
    if (
      time &&
      time.index < from &&
      isMoment(time[1] ?? '') &&
      /^[\s,]*$/.test(body.slice(time.index + time[0].length, from))
    )
      from = time.index;
    return { from, to, heardOnly: HEARD_ONLY.has(head) };
  }
  // "A loud bang at 00:03": a sound named as a noun and timed is a direction too.
  const time = AT_TIME.exec(body);
  // "thunder at 00:05": a sound only heard, timed, is a direction and no part of the picture.
  if (time && isMoment(time[1] ?? '') && words.some((w) => SOUND_STEMS.has(w.lower) || HEARD_ONLY.has(w.lower)))
    return { from: 0, to: body.length, heardOnly: words.some((w) => HEARD_ONLY.has(w.lower)) };
  return null;
}

/** The first word of a subject ending at `last`: back over nouns and adjectives to a determiner or a break. */
function subjectStart(words: readonly Word[], last: number): number {
  let start = last;
  for (let k = last - 1; k >= 0 && last - k < 5; k--) {
    const w = words[k];
    if (!w || SUBJECT_BREAKS.has(w.lower)) break;
    start = k;
    if (DETERMINERS.has(w.lower)) break;
  }
  return start;
}

function isMoment(text: string): boolean {
  return momentMs(text) !== null;
}

/** A MOMENT in milliseconds, or null when it is no moment within a shot (a clock time of day, say). */
export function momentMs(text: string): number | null {
  const t = parseWrittenTime(text);
  return t.ok && t.ms <= LONGEST_SHOT_MS ? t.ms : null;
}

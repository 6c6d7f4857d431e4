/**
 * Free prose → the fields of one shot. Most prompts people paste are paragraphs, not `Key:`
 * lines, so every phrase is routed to the field it belongs to wherever it stands: camera
 * language to Camera, sounds to Audio, quoted speech to Dialogue, look and era words to Style,
 * and the rest to Scene. Nothing is dropped: every character of the paragraph ends up in one
 * phrase, and each phrase keeps where it was written so the editor can show the reading.
 */
import { parseTime } from '../time';
import type { Span } from './diagnostics';
import {
  CAMERA_LABELS,
  CAMERA_PARTICLES,
  CAMERA_SOFT,
  CAMERA_VERBS,
  CAMERA_WORDS,
  DECADE,
  EXCLUSION_LIST,
  NEGATIVE_LABELS,
  SINGLE_EXCLUSION,
  SOUND_LABELS,
  SOUND_MARKERS,
  SOUND_OPENINGS,
  SPEECH_VERBS,
  STYLE_LABELS,
  STYLE_MARKERS,
  STYLE_WORDS,
} from './proseWords';
import { MOMENT, momentMs, soundInClause, type SoundCut } from './proseSounds';
import { collapse, type Piece } from './text';

export type ProseTarget = 'scene' | 'camera' | 'style' | 'audio' | 'dialogue' | 'negative';

/** One routed phrase: what it says, where it was written, and the field it went to. */
export interface ProsePhrase {
  target: ProseTarget;
  text: string;
  span: Span;
}

/** A spoken line found in prose; `atMs` is null when the prose gives no time for it. */
export interface ProseLine {
  speaker: string;
  line: string;
  atMs: number | null;
  span: Span;
}

export interface ProseReading {
  phrases: ProsePhrase[];
  dialogue: ProseLine[];
}

/** A slice of the joined paragraph, by offsets into it. */
interface Cut {
  from: number;
  to: number;
}

/** Pronouns that speak a line: "he says", "she whispers", "they shout". */
const PRONOUNS = 'he|she|they';
const PRONOUN_ONLY = new RegExp(`^(?:${PRONOUNS})$`);

/**
 * A moment after a line's closing quote ('She says "Dinner is ready." at 00:03'), which times it,
 * unless a speaker follows it ('"Later." @ 7s they shout "Go!"'), whose line it times instead.
 */
const MOMENT_AFTER = String.raw`(?:\s*,?\s*(?:at|@)\s*(${MOMENT})\b(?!\s*,?\s*(?:\p{Lu}|(?:${PRONOUNS})\b)))?`;

const DIALOGUE = new RegExp(
  // "[00:04] Ana:", or "At 00:05, he says": a moment before the speaker times the line.
  String.raw`(?:\[([^\]\n]{1,24})\]\s*|(?<!\p{L})(?:[Aa]t|@)\s*(${MOMENT})\b\s*,?\s*)?` +
    String.raw`((?<!\p{L})(?:${PRONOUNS})(?=\s)|(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er)\s+\p{Ll}[\p{L}\p{M}\w-]*(?:\s+\p{Ll}[\p{L}\p{M}\w-]*)?|\p{Lu}[\p{L}\p{M}\w'’.-]*(?:\s+\p{Lu}[\p{L}\p{M}\w'’.-]*){0,2})` +
    String.raw`\s*(?:\([^)\n]{0,30}\)\s*)?` +
    String.raw`(?:,?\s*(?:${SPEECH_VERBS})(?:\s+\w+ly)?\s*[:,]?\s*|:\s*)` +
    String.raw`["“]([^"”\n]{1,400})["”]` +
    MOMENT_AFTER,
  'gu',
);

/**
 * More words from the same speaker right after a line: 'He says "Now" at 00:05 and "Later" at
 * 00:07', 'She says "One," then "Two."'. Read from where the line before ended.
 */
const MORE_WORDS = new RegExp(
  String.raw`^\s*,?\s*(?:(?:and\s+)?then|and)?\s*,?\s*["“]([^"”\n]{1,400})["”]` + MOMENT_AFTER,
  'u',
);

/** Sentence openers that a capitalised speaker pattern can swallow: "Then Mia says". */
const LEADING_NON_NAMES = new Set(['then', 'and', 'suddenly', 'finally', 'later', 'now', 'meanwhile', 'here']);

const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'st', 'jr', 'sr', 'vs', 'prof', 'mt', 'no']);

/** Reads a paragraph of prose given as pieces (lines) with their offsets in the prompt. */
export function readProse(pieces: readonly Piece[]): ProseReading {
  // A list item starts a sentence of its own: its line break is kept (one character, like a space).
  const joined = pieces
    .map((p, i) => (i > 0 && p.item === true ? `\n${p.text}` : i > 0 ? ` ${p.text}` : p.text))
    .join('');
  const toAbsolute = absoluteOffsets(pieces);
  const abs = (cut: Cut): Span => ({ from: toAbsolute(cut.from), to: toAbsolute(cut.to) });
  const phrases: ProsePhrase[] = [];
  const dialogue: ProseLine[] = [];
  // Spoken lines first, so that a quote's words are never read as scenery.
  const kept: string[] = [];
  let keptTo = 0;
  for (const m of joined.matchAll(DIALOGUE)) {
    // Inside words already read as more of the line before.
    if (m.index < keptTo) continue;
    const found = spokenLine(m);
    if (found === null) continue;
    // A skipped opener ("Then Mia says") belongs to the line's phrase, not to the speaker.
    const cut = { from: m.index, to: m.index + lineEnd(m[0], m[5]) };
    dialogue.push({ ...found.line, span: abs(cut) });
    phrases.push({ target: 'dialogue', text: `${found.line.speaker}: "${found.line.line}"`, span: abs(cut) });
    kept.push(joined.slice(keptTo, cut.from), ' '.repeat(cut.to - cut.from));
    keptTo = cut.to;
    for (let more = MORE_WORDS.exec(joined.slice(keptTo)); more; more = MORE_WORDS.exec(joined.slice(keptTo))) {
      const line = collapse(more[1] ?? '');
      if (line === '') break;
      const atMs = more[2] === undefined ? null : momentMs(more[2]);
      const next = {
        from: keptTo + (more[0].length - more[0].trimStart().length),
        to: keptTo + lineEnd(more[0], more[2]),
      };
      dialogue.push({ speaker: found.line.speaker, line, atMs, span: abs(next) });
      phrases.push({ target: 'dialogue', text: `${found.line.speaker}: "${line}"`, span: abs(next) });
      kept.push(' '.repeat(next.to - keptTo));
      keptTo = next.to;
    }
  }
  kept.push(joined.slice(keptTo));
  const rest = kept.join('');
  for (const sentence of sentences(rest)) {
    for (const phrase of routeSentence(rest, sentence).flatMap((r) => withSound(rest, r)))
      phrases.push({ ...phrase, span: abs(phrase.cut) });
  }
  phrases.sort((a, b) => a.span.from - b.span.from);
  return { phrases, dialogue };
}

/**
 * Where a matched line ends: after the moment that times it, or after its closing quote when what
 * follows is no moment in the shot (a time of day, "at 07:30"), which stays with the words around it.
 */
function lineEnd(matched: string, after: string | undefined): number {
  if (after === undefined || momentMs(after) !== null) return matched.length;
  return Math.max(matched.lastIndexOf('"'), matched.lastIndexOf('”')) + 1;
}

function spokenLine(m: RegExpExecArray): { line: Omit<ProseLine, 'span'> } | null {
  const [, time, before, rawSpeaker = '', words = '', after] = m;
  let speakerWords = rawSpeaker.split(/\s+/);
  while (speakerWords.length > 1 && LEADING_NON_NAMES.has((speakerWords[0] ?? '').toLowerCase())) {
    speakerWords = speakerWords.slice(1);
  }
  const written = collapse(speakerWords.join(' ').replace(/[.:]+$/, ''));
  // "he says": a pronoun speaking is named as a sentence would start it.
  const speaker = PRONOUN_ONLY.test(written) ? written.charAt(0).toUpperCase() + written.slice(1) : written;
  const line = collapse(words);
  if (speaker === '' || line === '' || LEADING_NON_NAMES.has(speaker.toLowerCase())) return null;
  let atMs: number | null = null;
  if (time !== undefined) {
    const parsed = parseTime(time.trim());
    if (!parsed.ok) return null;
    atMs = parsed.ms;
  } else if (before !== undefined) atMs = momentMs(before);
  else if (after !== undefined) atMs = momentMs(after);
  return { line: { speaker, line, atMs } };
}

/** Maps an offset in the pieces joined by single spaces back to the prompt text (binary search: prose can be long). */
function absoluteOffsets(pieces: readonly Piece[]): (at: number) => number {
  const starts: number[] = [];
  let pos = 0;
  for (const p of pieces) {
    starts.push(pos);
    pos += p.text.length + 1;
  }
  return (at) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= at) lo = mid;
      else hi = mid - 1;
    }
    const piece = pieces[lo];
    if (!piece) return 0;
    return piece.from + Math.min(at - (starts[lo] ?? 0), piece.text.length);
  };
}

/** Sentence cuts: a full stop, question or exclamation mark followed by a space ends one. */
function sentences(text: string): Cut[] {
  const out: Cut[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n') {
      pushTrimmed(out, text, start, i);
      start = i + 1;
      continue;
    }
    if (ch !== '.' && ch !== '!' && ch !== '?') continue;
    const next = text[i + 1];
    if (next !== undefined && next !== ' ') continue;
    if (ch === '.' && ABBREVIATIONS.has(lastWord(text.slice(start, i)))) continue;
    pushTrimmed(out, text, start, i);
    start = i + 1;
  }
  pushTrimmed(out, text, start, text.length);
  return out;
}

function lastWord(text: string): string {
  const m = /(\p{L}+)$/u.exec(text);
  return (m?.[1] ?? '').toLowerCase();
}

/** Adds text[from, to) without its surrounding spaces and closing stops, when anything is left. */
function pushTrimmed(out: Cut[], text: string, from: number, to: number): void {
  let a = from;
  let b = to;
  while (a < b && /[\s.,;:!?—–-]/.test(text[a] ?? '')) a++;
  while (b > a && /[\s.,;:!?—–-]/.test(text[b - 1] ?? '')) b--;
  if (b > a) out.push({ from: a, to: b });
}

type Routed = { target: ProseTarget; text: string; cut: Cut };

function routed(text: string, target: ProseTarget, cut: Cut): Routed {
  return { target, text: collapse(text.slice(cut.from, cut.to)), cut };
}

/** Routes one sentence: a label or opening routes all of it, else each clause on its own. */
function routeSentence(text: string, s: Cut): Routed[] {
  const body = text.slice(s.from, s.to);
  const labels: [RegExp, ProseTarget][] = [
    [SOUND_LABELS, 'audio'],
    [STYLE_LABELS, 'style'],
    [CAMERA_LABELS, 'camera'],
    [NEGATIVE_LABELS, 'negative'],
  ];
  // "No text, no logos": a sentence that only lists what to keep out is the shot's Negative.
  if (EXCLUSION_LIST.test(body) || SINGLE_EXCLUSION.test(body)) return [routed(text, 'negative', s)];
  for (const [re, target] of labels) {
    const m = re.exec(body);
    if (m) return trimmedCut(text, s.from + m[0].length, s.to, target);
  }
  const out: Routed[] = [];
  for (const clause of clauses(text, s)) {
    // "Handheld, fast": a speed word after camera language says how the camera moves.
    const prev = out[out.length - 1];
    const words = wordsOf(text.slice(clause.from, clause.to));
    if (prev?.target === 'camera' && words.every((w) => CAMERA_SOFT.has(w))) out.push(routed(text, 'camera', clause));
    else out.push(...routeClause(text, clause));
  }
  return out;
}

/**
 * A Scene clause that makes a sound ("a door slams at 00:02") is also an Audio direction; when
 * only its sound is there to hear ("thunder rumbles"), the Scene keeps just the rest of it.
 */
function withSound(text: string, r: Routed): Routed[] {
  if (r.target !== 'scene') return [r];
  const sounds = soundsInClause(text.slice(r.cut.from, r.cut.to));
  if (sounds.length === 0) return [r];
  // The Scene's parts come first, so a seen sound's clause reads before the sound it makes.
  const scene: Routed[] = [];
  const audio: Routed[] = [];
  let sceneFrom = r.cut.from;
  for (const sound of sounds) {
    const from = r.cut.from + sound.from;
    const to = r.cut.from + sound.to;
    if (sound.heardOnly) {
      const before = DANGLING.exec(text.slice(sceneFrom, from));
      scene.push(...trimmedCut(text, sceneFrom, sceneFrom + (before?.index ?? from - sceneFrom), 'scene'));
      sceneFrom = to;
    }
    audio.push(...trimmedCut(text, from, to, 'audio'));
  }
  scene.push(...trimmedCut(text, sceneFrom, r.cut.to, 'scene'));
  return [...scene, ...audio];
}

/** Every sound in a clause, in order: "a door slams at 2s and a dog barks at 4s" holds two. */
function soundsInClause(body: string): SoundCut[] {
  const out: SoundCut[] = [];
  let offset = 0;
  while (offset < body.length) {
    const sound = soundInClause(body.slice(offset));
    if (sound === null || sound.to <= 0) break;
    out.push({ ...sound, from: offset + sound.from, to: offset + sound.to });
    offset += sound.to;
  }
  return out;
}

/** A joining word left at the end of a Scene phrase once its sound is taken out: "a cruiser close behind with". */
const DANGLING = /(?:\s+(?:with|and|as|while|then|when))?\s*$/i;

function trimmedCut(text: string, from: number, to: number, target: ProseTarget): Routed[] {
  const cuts: Cut[] = [];
  pushTrimmed(cuts, text, from, to);
  return cuts.map((c) => routed(text, target, c));
}

/** A clause that is only a moment in the shot: "At 00:04", "at 3 s", "After two seconds", "@ 00:04", "00:04", "[00:04]". */
const LEADING_MOMENT =
  /^\s*(?:(?:(?:at|after)\s+|@\s*)(?:\d{1,2}:\d{2}(?:\.\d{1,3})?|[\d.]+\s?s(?:ec(?:ond)?s?)?|\w+\s+seconds?)|\[?\s*\d{1,2}:\d{2}(?:\.\d{1,3})?\s*\]?)\s*$/i;

/** Clause cuts inside a sentence: commas, semicolons, colons, dashes and "as the camera…". */
function clauses(text: string, s: Cut): Cut[] {
  const out: Cut[] = [];
  const body = text.slice(s.from, s.to);
  const re =
    /[,;]\s*|:\s+|\s+[—–-]\s+|\s+(?=(?:as|while|and|then|with)\s+(?:the\s+)?camera\b)|\s+(?=then\s+(?:an?\s+)?(?:\w+\s+)?(?:push|pull|zoom|pan|tilt|dolly|crane|orbit|track|cut)\b)/g;
  let start = 0;
  for (const m of body.matchAll(re)) {
    // "At 00:04, a dog barks": a moment set off by a comma belongs to the clause after it.
    if (LEADING_MOMENT.test(body.slice(start, m.index))) continue;
    pushTrimmed(out, text, s.from + start, s.from + m.index);
    start = m.index + m[0].length;
  }
  pushTrimmed(out, text, s.from + start, s.to);
  return out;
}

function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[“”"()]/g, ' ')
    .split(/\s+/)
    .filter((w) => w !== '');
}

function isCameraWord(w: string): boolean {
  return CAMERA_WORDS.has(w) || /^\d{2,3}mm$/.test(w) || w.split('-').every((part) => CAMERA_WORDS.has(part));
}

function isStyleWord(w: string): boolean {
  return STYLE_WORDS.has(w) || DECADE.test(w) || /^\d{2,3}mm$/.test(w) || w.split('-').every((p) => STYLE_WORDS.has(p));
}

/** Every word is camera language or a word that only shapes it, and at least one is camera language. */
function allCamera(words: readonly string[]): boolean {
  return words.some(isCameraWord) && words.every((w) => isCameraWord(w) || CAMERA_SOFT.has(w) || w === 'filmed');
}

function allStyle(words: readonly string[]): boolean {
  const soft = new Set([
    'a',
    'an',
    'the',
    'and',
    'with',
    'of',
    'in',
    'very',
    'by',
    'like',
    'feel',
    'feeling',
    'finish',
    'high',
    'long',
  ]);
  return words.some(isStyleWord) && words.every((w) => isStyleWord(w) || soft.has(w) || w === 'lens');
}

function routeClause(text: string, c: Cut): Routed[] {
  const body = text.slice(c.from, c.to);
  if (MUSIC.test(body) && !/\b(?:plays?|playing)\b/i.test(body)) return [routed(text, 'audio', c)];
  if (SOUND_OPENINGS.test(body)) {
    const soundOf = /^(?:(?:we|you)\s+(?:can\s+)?hear\s+)?(?:the\s+)?(?:sounds?\s+of\s+)?/i.exec(body);
    return trimmedCut(text, c.from + (soundOf?.[0].length ?? 0), c.to, 'audio');
  }
  const words = wordsOf(body);
  if (allCamera(words)) return [routed(text, 'camera', c)];
  if (allStyle(words)) return [routed(text, 'style', c)];
  const sound = SOUND_MARKERS.exec(body);
  if (sound) {
    const before = trimmedClause(text, c.from, c.from + sound.index);
    return [
      ...before.flatMap((b) => routeClause(text, b)),
      ...trimmedCut(text, c.from + sound.index + sound[0].length, c.to, 'audio'),
    ];
  }
  const style = STYLE_MARKERS.exec(body);
  if (style) {
    const before = trimmedClause(text, c.from, c.from + style.index);
    return [...before.flatMap((b) => routeClause(text, b)), ...trimmedCut(text, c.from + style.index, c.to, 'style')];
  }
  const head = cameraHead(body);
  if (head !== null)
    return [
      ...trimmedCut(text, c.from, c.from + head.cameraTo, 'camera'),
      // "Handheld documentary style": what follows the camera language is read on its own.
      ...trimmedClause(text, c.from + head.sceneFrom, c.to).flatMap((rest) => routeClause(text, rest)),
    ];
  const tail = cameraTail(words);
  if (tail > 0) {
    // "Underwater tracking shot": the place stays in the Scene, the shot is the Camera's.
    const at = wordStart(body, tail);
    return [...trimmedCut(text, c.from, c.from + at, 'scene'), ...trimmedCut(text, c.from + at, c.to, 'camera')];
  }
  if (styleTail(words)) return [routed(text, 'style', c)];
  return [routed(text, 'scene', c)];
}

/** Where a clause's closing shot name starts ("Underwater | tracking shot"), or 0 when it has none. */
function cameraTail(words: readonly string[]): number {
  const last = words[words.length - 1] ?? '';
  if (words.length < 2 || !/^(?:shot|shots|angle|view)$/.test(last)) return 0;
  let k = words.length - 1;
  while (k > 0 && (isCameraWord(words[k - 1] ?? '') || CAMERA_SOFT.has(words[k - 1] ?? ''))) k--;
  const strong = words.slice(k, -1).some((w) => isCameraWord(w) && !WEAK_CAMERA.has(w));
  return k > 0 && strong ? k : 0;
}

/** The offset of word `n` (counted as `wordsOf` counts) in a clause. */
function wordStart(body: string, n: number): number {
  const all = [...body.matchAll(/\S+/g)];
  return all[n]?.index ?? body.length;
}

/** A short clause naming a look: "Fluorescent office lighting", "sitcom style", "warm Kodak tones". */
function styleTail(words: readonly string[]): boolean {
  const last = words[words.length - 1] ?? '';
  return words.length <= 4 && /^(?:lighting|light|tones|palette|look|aesthetic|vibe|feel|style|grade)$/.test(last);
}

function trimmedClause(text: string, from: number, to: number): Cut[] {
  const out: Cut[] = [];
  pushTrimmed(out, text, from, to);
  return out;
}

/** A clause about the music: "epic orchestral score", "a lo-fi beat in the background". */
const MUSIC =
  /^(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}(?:score|soundtrack|music|melody|song|beat|tune|hum|chorus)\b(?:\s+(?:plays|swells|rises|builds|in\s+the\s+background))?$/i;

/** Camera words too common in scenery to open a camera phrase on their own: "Wide fields…". */
const WEAK_CAMERA = new Set([
  'wide',
  'medium',
  'extreme',
  'close',
  'level',
  'overhead',
  'frame',
  'view',
  'perspective',
  'focus',
  'track',
  'follow',
  'pan',
  'push',
  'zoom',
  'arc',
  'boom',
  'crane',
  'truck',
  'whip',
  'lens',
  'angle',
  'angles',
  'dutch',
  'two',
  'found',
]);

/** After a weak camera word, these make it camera language: "pan left", "crane shot", "zoom out". */
const CONFIRMS_CAMERA = new Set([
  'in',
  'out',
  'up',
  'down',
  'left',
  'right',
  'across',
  'back',
  'shot',
  'shots',
  'forward',
]);

/**
 * Where the camera language at the start of a clause ends, and where its subject starts:
 * "Aerial drone shot | of | a coastline", "The camera slowly pushes in | on her face",
 * "Tracking shot following | a cyclist". Null when the clause opens otherwise.
 */
function cameraHead(body: string): { cameraTo: number; sceneFrom: number } | null {
  const re = /\S+/g;
  let end = 0;
  let strong = false;
  let cameraSeen = false;
  let verbSeen = false;
  let lastWasCamera = false;
  let prev = '';
  for (let m = re.exec(body); m; m = re.exec(body)) {
    const w = m[0].toLowerCase().replace(/[^\w’'-]/g, '');
    const before = prev;
    prev = w;
    const stop = m.index + m[0].length;
    const followsCamera = lastWasCamera;
    lastWasCamera = false;
    if (followsCamera && CONFIRMS_CAMERA.has(w)) {
      strong = true;
      end = stop;
      lastWasCamera = true;
      continue;
    }
    if (!verbSeen && isCameraWord(w)) {
      // A bare move word is a verb only after the camera is named: "the drone pans", not "Pan left".
      if (cameraSeen && CAMERA_VERBS.has(w)) verbSeen = true;
      cameraSeen = true;
      // "low angle", "whip pan": a weak word made camera language by the word before it.
      if (!WEAK_CAMERA.has(w) || STRONG_AFTER[w]?.has(before) === true) strong = true;
      end = stop;
      lastWasCamera = true;
      continue;
    }
    if (!verbSeen && CAMERA_SOFT.has(w) && !HEAD_PREPOSITIONS.has(w)) continue;
    if (cameraSeen && !verbSeen && CAMERA_VERBS.has(w)) {
      verbSeen = true;
      strong = true;
      end = stop;
      continue;
    }
    const toReveal = w === 'to' && /^\s*(?:reveal|show)\b/i.test(body.slice(stop));
    if (verbSeen && (CAMERA_PARTICLES.has(w) || toReveal || /^(?:reveal|revealing|show|showing)$/.test(w))) {
      end = stop;
      continue;
    }
    const side = verbSeen && w === 'to' ? /^\s+the\s+(?:left|right)\b/i.exec(body.slice(stop)) : null;
    if (side) {
      end = stop + side[0].length;
      re.lastIndex = end;
      continue;
    }
    if (strong && (w === 'on' || w === 'of')) return { cameraTo: end, sceneFrom: stop };
    // "shot from", "close-up with": the preposition starts the subject.
    if (strong && !verbSeen && HEAD_PREPOSITIONS.has(w)) return { cameraTo: end, sceneFrom: m.index };
    break;
  }
  return strong ? { cameraTo: end, sceneFrom: end } : null;
}

const HEAD_PREPOSITIONS = new Set(['of', 'on', 'from', 'into', 'to', 'at', 'with', 'and']);

/** Weak camera words that the word before them makes camera language for sure. */
const STRONG_AFTER: Readonly<Record<string, ReadonlySet<string>>> = {
  angle: new Set(['low', 'high', 'dutch', 'canted', 'overhead']),
  pan: new Set(['whip', 'swish', 'slow', 'quick', 'fast']),
};

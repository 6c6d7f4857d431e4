/**
 * How a prose prompt is read end to end (text → keyed fields → engine interpretation), and the
 * share of its nouns and verbs the engine understood. Shared by the corpus test and the bench.
 */
import { parse } from '../../src/shared/prompt/parse';
import { engineInputFromPrompt } from '../../src/main/engine/fromPrompt';
import { interpret } from '../../src/main/engine/interpret/interpret';
import type { Interpretation } from '../../src/main/engine/scene';
import type { PromptDoc } from '../../src/shared/prompt/types';
import type { ProsePrompt } from './corpus';

export interface ProseReadingResult {
  doc: PromptDoc;
  reading: Interpretation;
  /** Nouns and verbs the engine staged or used, by word. */
  understood: string[];
  /** Nouns and verbs it did not understand, or only drew as labelled stand-ins. */
  missed: string[];
  /** Expectations the reading broke, in words. */
  misreadings: string[];
}

/** Meanings that are modifiers, framing or filler: neither nouns nor verbs, so not counted. */
const NOT_NOUN_OR_VERB =
  /^(modifier |framing|filler|no lens|lens |depth of field|style |a time of day|at \d|where the sound comes from)/;
/** Reasons that mark a describing word rather than a noun or verb. */
const DESCRIBING = /describing word|describes something/;

export function readProsePrompt(prompt: ProsePrompt): ProseReadingResult {
  const doc = parse(prompt.text).doc;
  const reading = interpret(engineInputFromPrompt(doc));
  const understood: string[] = [];
  const missed: string[] = [];
  // A sound sentence is read in the Scene and again as Audio; each word of the prompt counts once.
  const inScene = new Set(
    [...reading.understood, ...reading.notUnderstood]
      .filter((x) => x.field === 'scene')
      .map((x) => x.text.toLowerCase()),
  );
  const again = (x: { field: string; text: string }): boolean =>
    (x.field === 'ambience' || x.field === 'event') && inScene.has(x.text.toLowerCase());
  for (const u of reading.understood) {
    if (again(u)) continue;
    if (u.field === 'dialogue' || NOT_NOUN_OR_VERB.test(u.meaning) || u.meaning.startsWith('stand-in')) continue;
    understood.push(u.text);
  }
  for (const n of reading.notUnderstood) {
    if (again(n)) continue;
    if (n.field === 'dialogue' || DESCRIBING.test(n.reason)) continue;
    // An item the audio could not place repeats words already counted one by one.
    if (n.reason.startsWith('no ambience bed') || n.reason.startsWith('no sound effect matches')) continue;
    missed.push(n.text);
  }
  return { doc, reading, understood, missed, misreadings: misreadingsOf(prompt, doc, reading) };
}

function misreadingsOf(prompt: ProsePrompt, doc: PromptDoc, reading: Interpretation): string[] {
  const out: string[] = [];
  const e = prompt.expect;
  const all = (pick: (s: PromptDoc['shots'][number]) => string): string => doc.shots.map(pick).join(' | ');
  const wants = (what: string, text: string, words: readonly string[] | undefined): void => {
    for (const w of words ?? []) if (!text.toLowerCase().includes(w.toLowerCase())) out.push(`${what} lacks "${w}"`);
  };
  wants(
    'Camera',
    all((s) => s.camera),
    e.camera,
  );
  wants(
    'Style',
    all((s) => s.style),
    e.style,
  );
  wants(
    'Audio',
    all((s) => [...s.audio.ambience, ...s.audio.events.map((x) => x.label)].join(', ')),
    e.audio,
  );
  if (e.shots !== undefined && doc.shots.length !== e.shots) out.push(`${doc.shots.length} shots, not ${e.shots}`);
  if (e.seconds) {
    const got = doc.shots.map((s) => (s.durationMs ?? 0) / 1000);
    if (got.join() !== e.seconds.join()) out.push(`shot lengths ${got.join()} s, not ${e.seconds.join()} s`);
  }
  if (e.speakers) {
    const got = doc.shots.flatMap((s) => s.dialogue.map((d) => d.speaker));
    if (got.join() !== e.speakers.join()) out.push(`speakers ${got.join()}, not ${e.speakers.join()}`);
  }
  const names = reading.shots.flatMap((s) =>
    s.entities.flatMap((x) => (x.name === null ? [] : [x.name.toLowerCase()])),
  );
  for (const p of e.people ?? []) if (!names.includes(p.toLowerCase())) out.push(`${p} is not a person`);
  const labels = reading.shots.flatMap((s) => s.entities.map((x) => x.label.toLowerCase()));
  for (const p of e.notPeople ?? [])
    if (names.includes(p.toLowerCase()) || labels.includes(p.toLowerCase()))
      out.push(`${p} was staged as a figure or thing`);
  if (e.timeOfDay !== undefined) {
    const times = reading.shots.map((s) => s.timeOfDay);
    if (times.some((t) => t !== e.timeOfDay)) out.push(`time of day ${times.join()}, not ${e.timeOfDay}`);
  }
  return out;
}

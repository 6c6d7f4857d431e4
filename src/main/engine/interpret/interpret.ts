/**
 * Interpretation: structured prompt text → one ShotScene per shot, plus an account of which words
 * were understood and which were not. Nothing is dropped silently: an unknown noun becomes a
 * labelled stand-in on stage, and every other unknown word is listed in `notUnderstood`.
 */
import type { EngineInput } from '../input';
import type { Interpretation, SceneEntity, ShotScene } from '../scene';
import { readAudio, readDialogue, withSpokenEvents } from './audio';
import { ShotBuilder } from './builder';
import { finishShot } from './finish';
import { Reporter } from './reporter';

/** Reads every shot of a prompt. Pure: the same input always gives the same interpretation. */
export function interpret(input: EngineInput): Interpretation {
  const report = new Reporter();
  const shots: ShotScene[] = [];
  let startMs = 0;
  const cast = new Map<string, SceneEntity>();
  let prev: ShotBuilder | null = null;
  input.shots.forEach((written, index) => {
    report.shot = index;
    report.sceneWrittenIn = written.sceneFrom ?? 'scene';
    const shot = withSpokenEvents(written);
    const b = new ShotBuilder(index, shot, report);
    b.knownNames = new Set([...cast.values()].flatMap((e) => (e.name === null ? [] : [e.name.toLowerCase()])));
    b.cast = [...cast.values()];
    b.read(shot.scene, 'scene');
    b.read(shot.motion, 'motion');
    b.read(shot.camera, 'camera');
    // A Style carried on from the shot before (the same words) gives no new hour: the hour carries.
    report.styleCarried = index > 0 && shot.style === input.shots[index - 1]?.style;
    b.read(shot.style, 'style');
    for (const neg of shot.negative) b.read(neg, 'negative');
    readAudio(b);
    const dialogue = readDialogue(b);
    if (prev) carryOver(prev, b, cast);
    resolvePronouns(b, prev);
    for (const e of b.entities.values()) {
      cast.delete(e.key); // the latest met last, for "she" in the next shot
      cast.set(e.key, e);
    }
    prev = b;
    const scene = finishShot(b, startMs);
    scene.dialogue = dialogue;
    shots.push(scene);
    startMs += shot.durationMs;
  });
  return { shots, understood: report.understood, notUnderstood: report.notUnderstood, notes: report.notes };
}

const PRONOUNS = new Set(['he', 'she', 'they', 'him', 'her', 'them']);

/**
 * Continuity: a shot keeps the previous shot's setting, time of day and weather unless it names
 * its own; a figure met before keeps its look (its colour; its name and the seed give the rest),
 * and a shot that only says "he" or "she" means the previous shot's lead.
 */
function carryOver(prev: ShotBuilder, b: ShotBuilder, cast: ReadonlyMap<string, SceneEntity>): void {
  // A shot that names no place stays where it was, unless what it shows belongs somewhere else.
  const before = prev.setting ?? prev.settingVotes[0] ?? null;
  if (b.setting === null && (b.settingVotes.length === 0 || (before !== null && b.settingVotes.includes(before)))) {
    b.setting = prev.setting ?? prev.settingVotes[0] ?? null;
    b.settingWord ??= prev.settingWord;
  }
  b.timeOfDay ??= prev.timeOfDay;
  b.weather ??= prev.weather;
  for (const e of b.entities.values()) {
    const before = cast.get(e.key);
    if (!before) continue;
    if (e.color === null) e.color = before.color;
    // "the truck" after "a red pickup truck" is the same pickup.
    if (e.element !== null && e.element === before.element && (e.noun === e.element || before.noun.endsWith(e.noun)))
      e.noun = before.noun;
    if (e.hair === null) e.hair = before.hair;
    if (e.gender === null) e.gender = before.gender;
    // A name that comes back is the same figure: what it is and how it is labelled carry too.
    if (e.name !== null)
      Object.assign(e, {
        element: before.element,
        standIn: before.standIn,
        label: before.label,
        noun: before.noun,
        age: before.age,
        gender: before.gender,
      });
  }
}

/** "he", "she" or "they" read as a figure of its own is the shot's other figure, else the previous shot's lead. */
function resolvePronouns(b: ShotBuilder, prev: ShotBuilder | null): void {
  const figures = [...b.entities.values()].filter((e) => e.element === 'person' || e.standIn === 'figure');
  const named = figures.filter((e) => !PRONOUNS.has(e.key));
  const prevLead = prev?.lastFigure == null ? undefined : prev.entities.get(prev.lastFigure);
  const lead = named[named.length - 1] ?? prevLead;
  if (!lead) return;
  for (const pronoun of figures.filter((e) => PRONOUNS.has(e.key))) {
    b.entities.delete(pronoun.key);
    const here = b.entities.get(lead.key);
    if (here) here.actions.push(...pronoun.actions);
    else b.entities.set(lead.key, { ...lead, count: 1, actions: pronoun.actions });
    b.lastFigure = lead.key;
  }
}

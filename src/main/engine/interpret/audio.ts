/** The audio fields (ambience beds and timed sound events) and who speaks each line of dialogue. */
import { SPEECH_VERBS } from '../../../shared/prompt/proseWords';
import type { EngineDialogueLine, EngineShot, EngineSoundEvent } from '../input';
import type { SceneEntity, ShotScene } from '../scene';
import type { ShotBuilder } from './builder';
import { figureGender } from './words';

/** A sound that is someone speaking: `a woman says "Tea's ready"`, `Mia whispers: "Go."`. */
const SPOKEN = new RegExp(
  String.raw`^(?:(?:the|an?|his|her|their)\s+)?([\p{L}\p{M}'’ -]{1,40}?)\s*,?\s+(?:${SPEECH_VERBS})(?:\s+\w+ly)?\s*[:,]?\s*["“]([^"”]{1,400})["”][.!?]?$`,
  'iu',
);

/**
 * The shot with each timed sound that is speech (`a woman says "Tea's ready" at 00:03`) taken out
 * of its sounds and made a line of dialogue at that time, spoken by who the sound names.
 */
export function withSpokenEvents(shot: EngineShot): EngineShot {
  const lines: EngineDialogueLine[] = [];
  const events = shot.audio.events.filter((event) => {
    const m = event.startMs === null ? null : SPOKEN.exec(event.label.trim());
    const speaker = m?.[1]?.trim();
    const line = m?.[2]?.trim();
    if (event.startMs === null || !speaker || !line) return true;
    lines.push({ atMs: event.startMs, speaker, line });
    return false;
  });
  if (lines.length === 0) return shot;
  const dialogue = [...shot.dialogue, ...lines].sort((a, b) => a.atMs - b.atMs);
  return { ...shot, audio: { ...shot.audio, events }, dialogue };
}

/** Sounds from the audio fields: ambience beds and timed events. */
export function readAudio(b: ShotBuilder): void {
  for (const text of b.shot.audio.ambience) {
    const before = b.beds.size + b.cues.length;
    const cuesBefore = b.cues.length;
    const echoed = b.echo;
    b.read(text, 'ambience');
    // "echo in the canyon": the place echoes; that is what the item asks, not a bed.
    if (b.echo && !echoed) continue;
    // "Thunder rumbles" is one sound, not thunder and a rumble; "dogs bark and a bell rings" is two.
    if (b.cues.length - cuesBefore > 1 && !/\band\b|,/i.test(text)) b.cues.splice(cuesBefore + 1);
    if (b.beds.size + b.cues.length === before && text.trim().length > 0)
      b.report.miss('ambience', text, 'no ambience bed matches; nothing plays for it');
  }
  for (const event of b.shot.audio.events) {
    if (event.startMs !== null && event.startMs >= b.shot.durationMs)
      b.report.note(
        `"${event.label}" is timed at ${seconds(event.startMs)}, after the shot ends at ${seconds(b.shot.durationMs)}; ` +
          'it is left out (time it earlier or lengthen the shot to hear it)',
      );
    else readEvent(b, event);
  }
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

/** Lines spoken before the shot ends; a line timed after it is left out, with a note that says so. */
function linesInShot(b: ShotBuilder): EngineDialogueLine[] {
  return b.shot.dialogue.filter((line) => {
    if (line.atMs < b.shot.durationMs) return true;
    b.report.note(
      `${line.speaker}'s line "${line.line}" is timed at ${seconds(line.atMs)}, after the shot ends at ` +
        `${seconds(b.shot.durationMs)}; it is left out (time it earlier or lengthen the shot to hear it)`,
    );
    return false;
  });
}

function readEvent(b: ShotBuilder, event: EngineSoundEvent): void {
  const cuesBefore = b.cues.length;
  const bedsBefore = new Set(b.beds.keys());
  // "a door slams and echoes": the echo is this sound's, not the place's.
  b.read(event.label, 'event');
  const echo = b.takeSoundEcho();
  const added = b.cues.slice(cuesBefore);
  for (const cue of added) {
    cue.atMs = event.startMs;
    cue.endMs = event.endMs;
    cue.label = event.label;
    cue.repeat = false;
    if (echo) cue.echo = true;
  }
  // An event that names a bed ("rain from 00:02") plays that bed for its span.
  for (const [key, bed] of b.beds) {
    if (bedsBefore.has(key)) continue;
    bed.fromMs = event.startMs ?? 0;
    bed.toMs = event.endMs;
    bed.label = event.label;
  }
  const gotBed = [...b.beds.keys()].some((k) => !bedsBefore.has(k));
  if (added.length === 0 && !gotBed) {
    b.report.miss('event', event.label, 'no sound effect matches; a neutral stand-in tick marks its time');
    b.cues.push({
      effect: 'click',
      atMs: event.startMs,
      endMs: event.endMs,
      level: 0.5,
      label: event.label,
      standIn: true,
      repeat: false,
      ...(echo ? { echo: true } : {}),
    });
  }
  // Keep only the first effect an event names: "door slam" is one sound, not two.
  if (added.length > 1) b.cues.splice(cuesBefore + 1, added.length - 1);
}

/** Each line with the entity that speaks it, created when the prompt has not shown the speaker. */
export function readDialogue(b: ShotBuilder): ShotScene['dialogue'] {
  return linesInShot(b).map((line) => {
    const entity = speakerOf(b, line);
    b.report.ok('dialogue', `${line.speaker}: ${line.line}`, `spoken by ${entity.key}`);
    return { atMs: line.atMs, speaker: line.speaker, entity: entity.key, line: line.line };
  });
}

function isFigure(e: SceneEntity): boolean {
  return e.element === 'person' || e.element === 'child';
}

function speakerOf(b: ShotBuilder, line: EngineDialogueLine): SceneEntity {
  const wanted = line.speaker.trim().toLowerCase();
  const entities = (): SceneEntity[] => [...b.entities.values()];
  const byName = entities().find(
    (e) => e.key === wanted || e.name?.toLowerCase() === wanted || e.label.toLowerCase() === wanted,
  );
  if (byName) return byName;
  const words = wanted.split(/\s+/);
  const byNoun = entities().find((e) => isFigure(e) && words.includes(e.label.toLowerCase()));
  if (byNoun) return byNoun;
  // "Dad:" is the father the scene shows; "She says" is its one woman or girl.
  const kin = KIN[wanted];
  const byKin =
    kin === undefined ? undefined : entities().find((e) => isFigure(e) && kin.includes(e.label.toLowerCase()));
  if (byKin) return byKin;
  const gender = wanted === 'she' ? 'feminine' : wanted === 'he' ? 'masculine' : null;
  const ofGender = entities().filter(
    (e) => isFigure(e) && gender !== null && figureGender(e.name ?? e.label) === gender,
  );
  if (ofGender.length === 1 && ofGender[0]) return ofGender[0];
  return speakerFromGroup(b, line);
}

/** What a speaker calls a figure the scene names otherwise. */
const KIN: Readonly<Record<string, readonly string[]>> = {
  dad: ['father'],
  father: ['dad'],
  mom: ['mother'],
  mum: ['mother'],
  mother: ['mom', 'mum'],
  grandpa: ['grandfather'],
  grandma: ['grandmother'],
};

/**
 * A named speaker takes one of an unnamed group's places ("two friends" with lines for Ana and
 * Ben), down to its last member; a speaker beyond the group joins it as a figure of their own,
 * with their own place and voice.
 */
function speakerFromGroup(b: ShotBuilder, line: EngineDialogueLine): SceneEntity {
  const group = [...b.entities.values()].find(
    (e) =>
      isFigure(e) &&
      e.name === null &&
      (e.count > 1 ||
        b.splitGroups.has(e.key) ||
        /^(person|people|figure|someone|somebody|character|couple)$/.test(e.label)),
  );
  if (group) {
    b.splitGroups.add(group.key);
    group.count -= 1;
    if (group.count <= 0) b.entities.delete(group.key);
  }
  const entity = b.entity(group?.element ?? 'person', line.speaker.trim(), line.speaker.trim(), null);
  if (group) {
    // The named speaker does what the group does ("two people sit").
    entity.actions.push(...group.actions);
    if (group.element === 'child') entity.age = 'young';
  }
  return entity;
}

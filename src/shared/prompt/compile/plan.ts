/**
 * Shared steps for providers that take one prompt per clip: decide each shot's length,
 * fit the clip to what the model renders, and write the shots as one text with the cuts
 * and every timed sound and line at its absolute time.
 */
import { formatTime } from '../../time';
import { formatAudioEvent } from '../audio';
import { continuedLimits, type Continuation } from '../continuation';
import { modelFor, planOutput, PROVIDERS, type ModelLimits, type OutputPlan, type ProviderId } from '../providers';
import { isEmptyShot, sameList, type FrameSize, type PromptDoc, type Shot } from '../types';
import type { CompileNote, CompileOptions } from './types';

/** Unwritten lengths share what the written ones leave of the model's default clip, at least a second each. */
export function shareLengths(shots: readonly Shot[], defaultTotalMs: number): number[] {
  const known = shots.reduce((sum, s) => sum + (s.durationMs ?? 0), 0);
  const unknown = shots.filter((s) => s.durationMs === null).length;
  if (unknown === 0) return shots.map((s) => s.durationMs ?? 0);
  const pool = Math.max(defaultTotalMs - known, 1000 * unknown);
  const each = Math.floor(pool / unknown);
  let remainder = pool - each * unknown;
  return shots.map((s) => {
    if (s.durationMs !== null) return s.durationMs;
    const extra = remainder > 0 ? remainder : 0;
    remainder = 0;
    return each + extra;
  });
}

export function hasSound(shot: Shot): boolean {
  return shot.audio.ambience.length > 0 || shot.audio.events.length > 0 || shot.dialogue.length > 0;
}

const EXCLUSION = /^(?:no|not|non|without|avoid|never|don't|dont|do not|exclude|excluding|none of|free of|minus)\s+/i;

/** "no close-ups" → "close-ups": negative prompts list what to leave out, without the "no". */
export function exclusionTerm(item: string): string {
  const stripped = item.replace(EXCLUSION, '');
  return stripped === '' ? item : stripped;
}

/** Every shot's negatives, once each, in the order they first appear. */
export function mergedNegatives(shots: readonly Shot[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const shot of shots) {
    for (const item of shot.negative) {
      const key = item.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(item);
    }
  }
  return out;
}

/**
 * A time moved to fit a shortened clip, rounded to a tenth of a second: a model cannot act on
 * 00:04.444 any better than on 00:04.400, and the rounder number reads better.
 */
export function scaleMs(ms: number, scale: number): number {
  return scale === 1 ? ms : Math.round((ms * scale) / 100) * 100;
}

function sentence(text: string): string {
  return /[.!?…]$/.test(text) ? text : `${text}.`;
}

export interface FlattenInput {
  shots: readonly Shot[];
  lengthsMs: readonly number[];
  /** Times are multiplied by this when the clip had to be shortened. */
  scale: number;
  audio: boolean;
  /** Negatives written into the text as "Avoid: …", for providers without a negative prompt. */
  avoid: readonly string[];
}

/** The shots as one prompt text; one shot reads like the prompt itself, several read as a cut list. */
export function flatten(input: FlattenInput): string {
  const { shots, lengthsMs, scale } = input;
  const at = (ms: number): string => formatTime(scaleMs(ms, scale));
  const sharedStyle =
    shots.length > 1 && shots.every((s) => s.style === shots[0]?.style) ? (shots[0]?.style ?? '') : null;

  const parts = (shot: Shot, offset: number, withStyle: boolean): string[] => {
    const out: string[] = [];
    if (shot.scene !== '') out.push(`Scene: ${sentence(shot.scene)}`);
    if (shot.camera !== '') out.push(`Camera: ${sentence(shot.camera)}`);
    if (shot.motion !== '') out.push(`Motion: ${sentence(shot.motion)}`);
    if (input.audio) {
      const sounds = [
        ...shot.audio.ambience,
        ...shot.audio.events.map((e) =>
          formatAudioEvent({
            label: e.label,
            startMs: scaleMs(offset + e.startMs, scale),
            endMs: e.endMs === null ? null : scaleMs(offset + e.endMs, scale),
          }),
        ),
      ];
      if (sounds.length > 0) out.push(`Audio: ${sentence(sounds.join('; '))}`);
      const lines = shot.dialogue.map((d) => `at ${at(offset + d.atMs)} ${d.speaker} says "${d.line}"`);
      if (lines.length > 0) out.push(`Dialogue: ${lines.join('; ')}.`);
    }
    if (withStyle && shot.style !== '') out.push(`Style: ${sentence(shot.style)}`);
    return out;
  };

  const lines: string[] = [];
  if (shots.length === 1 && shots[0]) lines.push(...parts(shots[0], 0, true));
  else if (shots.length > 1) {
    const total = lengthsMs.reduce((a, b) => a + b, 0);
    lines.push(`${shots.length} shots cut together in one ${Math.round((total * scale) / 100) / 10}-second clip.`);
    let offset = 0;
    shots.forEach((shot, i) => {
      const length = lengthsMs[i] ?? 0;
      const name = shot.title === null ? '' : ` "${shot.title}"`;
      const cut = i === 0 ? '' : 'Cut to ';
      const head = `${cut}Shot ${i + 1}${name}, ${at(offset)}–${at(offset + length)}:`;
      lines.push([head, ...parts(shot, offset, sharedStyle === null)].join(' '));
      offset += length;
    });
    if (sharedStyle) lines.push(`Style: ${sentence(sharedStyle)}`);
  }
  if (input.avoid.length > 0) lines.push(`Avoid: ${input.avoid.map(exclusionTerm).join(', ')}.`);
  return lines.join('\n');
}

export interface SinglePromptPlan {
  model: ModelLimits;
  shots: Shot[];
  lengthsMs: number[];
  requestedMs: number;
  output: OutputPlan;
  scale: number;
  audio: boolean;
  negatives: string[];
  text: string;
  notes: CompileNote[];
}

/** Turns a structure into one prompt for a model, noting every change the model forces. */
export function planSinglePrompt(
  provider: ProviderId,
  doc: PromptDoc,
  options: CompileOptions,
  notes: CompileNote[] = [],
  continuation?: Continuation,
): SinglePromptPlan {
  const limits = PROVIDERS[provider];
  const found = modelFor(provider, options.model);
  const known = found.known;
  // A continuation fixes the length and shape its source allows (Veo extends at 720p, 8 s).
  const model = continuedLimits(found.model, continuation);
  if (!known) {
    notes.push({
      kind: 'clamped',
      what: 'model',
      detail: `${limits.label} has no model called ${options.model ?? ''}, so ${model.label} is used.`,
    });
  }

  const shots = doc.shots.filter((s) => !isEmptyShot(s));
  const emptyNumbers = doc.shots.flatMap((s, i) => (isEmptyShot(s) ? [i + 1] : []));
  if (emptyNumbers.length > 0 && shots.length > 0) {
    notes.push({
      kind: 'dropped',
      what: 'shots',
      detail: `${plural(emptyNumbers.length, 'Shot', 'Shots')} ${emptyNumbers.join(', ')} ${emptyNumbers.length === 1 ? 'has' : 'have'} nothing to show or hear, so ${emptyNumbers.length === 1 ? 'it is' : 'they are'} left out.`,
    });
  }

  const lengthsMs = shareLengths(shots, model.defaultDurationMs);
  const requestedMs = shots.length === 0 ? model.defaultDurationMs : lengthsMs.reduce((a, b) => a + b, 0);
  const size: FrameSize = options.size ?? doc.size ?? model.defaultSize;
  const output = planOutput(model, size, requestedMs);
  for (const change of output.changes) {
    notes.push({
      kind: 'clamped',
      what: change.what,
      detail: `${change.why}, so ${change.from} becomes ${change.to}.`,
    });
  }

  const scale = output.durationMs < requestedMs ? output.durationMs / requestedMs : 1;
  const timed = shots.length > 1 || shots.some((s) => s.audio.events.length > 0 || s.dialogue.length > 0);
  if (scale < 1 && timed) {
    notes.push({
      kind: 'clamped',
      what: 'timings',
      detail: `Every cut, sound and line moves by the same factor (×${Math.round(scale * 100) / 100}) so the timing fits the ${output.durationMs / 1000}s clip.`,
    });
  }

  if (shots.length > 1) {
    let offset = 0;
    const cuts = lengthsMs.slice(0, -1).map((length) => formatTime(scaleMs((offset += length), scale)));
    notes.push({
      kind: 'merged',
      what: 'shots',
      detail: `${limits.label} takes one prompt per clip, so the ${shots.length} shots are written as one text with cuts at ${cuts.join(', ')}.`,
    });
  }

  const sound = shots.some(hasSound);
  if (sound && !model.audio) {
    notes.push({
      kind: 'dropped',
      what: 'audio',
      detail: `${model.label} makes silent video, so the Audio and Dialogue lines are left out.`,
    });
  }

  const negatives = mergedNegatives(shots);
  const varied = shots.some((s) => !sameList(s.negative, shots[0]?.negative ?? []));
  if (negatives.length > 0 && !model.negativePrompt) {
    notes.push({
      kind: 'merged',
      what: 'negatives',
      detail: `${model.label} has no negative prompt, so the negatives are added to the prompt text as "Avoid: …".`,
    });
  } else if (negatives.length > 0 && varied) {
    notes.push({
      kind: 'merged',
      what: 'negatives',
      detail: `${model.label} takes one negative prompt per clip, so the negatives of every shot are combined.`,
    });
  }

  const text = flatten({ shots, lengthsMs, scale, audio: model.audio, avoid: model.negativePrompt ? [] : negatives });
  return { model, shots, lengthsMs, requestedMs, output, scale, audio: model.audio && sound, negatives, text, notes };
}

function plural(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}

/** Cuts text to a provider's limit at a word boundary, marking the cut with an ellipsis. */
export function clampText(text: string, max: number | null): { text: string; cut: boolean } {
  if (max === null || text.length <= max) return { text, cut: false };
  const room = text.slice(0, max - 1);
  const space = Math.max(room.lastIndexOf(' '), room.lastIndexOf('\n'));
  const head = (space > max / 2 ? room.slice(0, space) : room).trimEnd();
  return { text: `${head}…`, cut: true };
}

export function endpointFor(model: ModelLimits): string {
  return model.endpoint.replace('{model}', model.id);
}

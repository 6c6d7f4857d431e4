/**
 * The drift report: where each timed sound a prompt asked for ("door slam at 00:05", or a line
 * of dialogue given a time, `[00:03] Ana: "…"`) was heard in the clip made from it. This module
 * lists the asked times and the stretch of sound each one is looked for in; finding the onsets
 * (for a line, where the speech starts) is the media service's work.
 */
import { z } from 'zod';
import { readDialogueEntry } from '../prompt/dialogue';
import { parse } from '../prompt/parse';
import type { PromptDoc } from '../prompt/types';
import { RowId } from '../domain';
import { shotStarts } from './toPrompt';

/** How far from its asked time a sound is looked for, either way. */
export const DRIFT_WINDOW_MS = 1000;

export interface DirectedSound {
  /** 0-based shot index. */
  shot: number;
  label: string;
  /** From the start of the clip. */
  askedMs: number;
  /** Set for a line of dialogue, whose label is `Speaker: "line"`; a sound has none. */
  kind?: 'dialogue';
}

/**
 * The dialogue lines of each shot that the prompt gives a time (`[00:03] Ana: "…"`), relative to
 * the shot. A line without one is placed after the line before it: a guess, not an ask, so it is
 * not reported. The parser's spans of a shot's lines run in step with its lines.
 */
function timedLines(
  doc: PromptDoc,
  text: string,
  spans: readonly { dialogue: readonly { from: number; to: number }[] }[],
): { shot: number; label: string; atMs: number }[] {
  return doc.shots.flatMap((shot, index) =>
    shot.dialogue.flatMap((line, j) => {
      const span = spans[index]?.dialogue[j];
      const written = span ? readDialogueEntry(text.slice(span.from, span.to)).entry : null;
      if (written?.atMs === null || written?.atMs === undefined) return [];
      return [{ shot: index, label: `${line.speaker}: "${line.line}"`, atMs: line.atMs }];
    }),
  );
}

/** Every timed sound and line of a prompt, in clip time and time order, wherever the clip ends. */
export function askedSounds(prompt: string, clipMs: number, knownStartsMs?: readonly number[]): DirectedSound[] {
  const { doc, source } = parse(prompt);
  // A render report knows where the shots really start; otherwise they are placed by Duration:.
  const starts =
    knownStartsMs?.length === doc.shots.length
      ? knownStartsMs
      : shotStarts(
          doc.shots.map((s) => s.durationMs),
          clipMs,
        );
  const sounds: DirectedSound[] = doc.shots.flatMap((shot, index) =>
    shot.audio.events.map((event) => ({
      shot: index,
      label: event.label,
      askedMs: Math.round((starts[index] ?? 0) + event.startMs),
    })),
  );
  const lines: DirectedSound[] = timedLines(doc, prompt, source.shots).map((line) => ({
    shot: line.shot,
    label: line.label,
    askedMs: Math.round((starts[line.shot] ?? 0) + line.atMs),
    kind: 'dialogue',
  }));
  return [...sounds, ...lines].sort((a, b) => a.askedMs - b.askedMs || a.shot - b.shot);
}

/** The timed sounds of a prompt, in clip time and time order; those at or past the clip's end are left out. */
export function directedSounds(prompt: string, clipMs: number, knownStartsMs?: readonly number[]): DirectedSound[] {
  return askedSounds(prompt, clipMs, knownStartsMs).filter((d) => d.askedMs < clipMs);
}

export interface ListenWindow {
  fromMs: number;
  toMs: number;
  /** The asked time: of the onsets in the window, the one nearest this is taken. */
  nearMs: number;
}

/**
 * Where each sound is listened for: within DRIFT_WINDOW_MS of its time, and no nearer another
 * direction's time than its own, so one onset is not credited to two neighbouring directions.
 */
export function listenWindows(
  sounds: readonly DirectedSound[],
  clipMs: number,
  windowMs = DRIFT_WINDOW_MS,
): ListenWindow[] {
  const times = [...new Set(sounds.map((s) => s.askedMs))].sort((a, b) => a - b);
  return sounds.map(({ askedMs }) => {
    const at = times.indexOf(askedMs);
    const before = times[at - 1];
    const after = times[at + 1];
    return {
      fromMs: Math.max(0, askedMs - windowMs, before === undefined ? 0 : Math.ceil((before + askedMs) / 2)),
      toMs: Math.min(clipMs, askedMs + windowMs, after === undefined ? clipMs : Math.floor((askedMs + after) / 2)),
      nearMs: askedMs,
    };
  });
}

export const DriftDirection = z.object({
  shot: z.number().int().min(0),
  label: z.string(),
  /** A timed line of dialogue (its label `Speaker: "line"`); absent for a sound. */
  kind: z.literal('dialogue').optional(),
  askedMs: z.number().int().min(0),
  /** Null when no onset was heard within the window. */
  heardMs: z.number().int().min(0).nullable(),
  /** Heard minus asked: positive when the sound lands late. */
  driftMs: z.number().int().nullable(),
});
export type DriftDirection = z.infer<typeof DriftDirection>;

/** A direction timed at or after the clip's end: there is no sound there to listen to. */
export const PastEndDirection = DriftDirection.pick({ shot: true, label: true, kind: true, askedMs: true });
export type PastEndDirection = z.infer<typeof PastEndDirection>;

export const DriftState = z.enum([
  /** Each direction was listened for. */
  'measured',
  /** The clip has no prompt (an import): nothing was asked. */
  'no_prompt',
  /** The prompt asks for no sound at a time. */
  'no_directions',
  /** The prompt times sounds, but every one at or after the clip's end (listed in `pastEnd`). */
  'past_end',
  /** The clip has no sound to listen to; the directions are listed, none heard. */
  'no_sound',
]);
export type DriftState = z.infer<typeof DriftState>;

export const DriftReport = z.object({
  state: DriftState,
  windowMs: z.number().int().min(0),
  directions: z.array(DriftDirection),
  /** Directions timed at or after the clip's end, left out of `directions`; absent when there are none. */
  pastEnd: z.array(PastEndDirection).optional(),
});
export type DriftReport = z.infer<typeof DriftReport>;

export const driftCalls = {
  /** Each timed sound of the clip's prompt: asked, heard in the clip's own audio, and the difference. */
  'cues.drift': { input: z.strictObject({ clipId: RowId }), output: DriftReport },
} as const;

/**
 * The built-in engine's render report, as the studio stores and shows it: what in the prompt
 * was not understood (and why), each shot's span, every sound it placed, and its notes. The
 * engine writes more (src/main/engine/report.ts); this is the part the studio reads, and what
 * it reads is checked here, so a stored report that does not match is refused, never
 * half-shown.
 */
import { z } from 'zod';

/** The prompt line a word came from. */
export const ReportField = z.enum(['scene', 'camera', 'motion', 'style', 'negative', 'ambience', 'event', 'dialogue']);
export type ReportField = z.infer<typeof ReportField>;

/** Why a sound plays: the prompt asked for it, something hit something, someone spoke or acted, or the place sounds so. */
export const SoundSource = z.enum(['directive', 'physics', 'action', 'dialogue', 'world']);
export type SoundSource = z.infer<typeof SoundSource>;

const Ms = z.number().nonnegative();
const ShotIndex = z.number().int().nonnegative();

export const NotUnderstood = z.object({
  shot: ShotIndex,
  field: ReportField,
  /** The words as written. */
  text: z.string(),
  /** Why, in words a creator can act on. */
  reason: z.string(),
});
export type NotUnderstood = z.infer<typeof NotUnderstood>;

export const SoundEvent = z.object({
  shot: ShotIndex,
  /** From the start of the clip. */
  timeMs: Ms,
  kind: z.string(),
  label: z.string(),
  source: SoundSource,
  /** A neutral tick placed for a sound the engine has no effect for, so its time stays audible. */
  standIn: z.boolean(),
});
export type SoundEvent = z.infer<typeof SoundEvent>;

export const RenderReport = z.object({
  engine: z.literal('local'),
  version: z.literal(1),
  durationMs: Ms,
  shots: z.array(z.object({ index: ShotIndex, startMs: Ms, endMs: Ms })),
  notUnderstood: z.array(NotUnderstood),
  sounds: z.array(SoundEvent),
  notes: z.array(z.string()),
});
export type RenderReport = z.infer<typeof RenderReport>;

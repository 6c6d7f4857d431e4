/** The waveform peak file the cue timeline draws from; written by the main process, never decoded in the renderer. */
import { z } from 'zod';

export const PeakLevel = z.object({
  /** Min/max pairs per second of audio. */
  pairsPerSecond: z.number().positive(),
  /** Interleaved min, max, min, max…, each −127…127. */
  data: z.array(z.number().int().min(-127).max(127)),
});
export type PeakLevel = z.infer<typeof PeakLevel>;

export const PeakFile = z.object({
  format: z.literal('shotline-peaks'),
  version: z.literal(1),
  durationMs: z.number().int().min(0),
  levels: z.array(PeakLevel).min(1),
});
export type PeakFile = z.infer<typeof PeakFile>;

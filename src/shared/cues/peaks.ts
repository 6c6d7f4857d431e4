/** The waveform peak file the cue timeline draws from; written by the main process, never decoded in the renderer. */
import { z } from 'zod';

function peakValues(value: unknown): value is number[] {
  if (!Array.isArray(value)) return false;
  for (const v of value as unknown[])
    if (typeof v !== 'number' || !Number.isInteger(v) || v < -127 || v > 127) return false;
  return true;
}

/**
 * Checked in one plain loop: an hour of sound is 720,000 values, and zod's check per element
 * took most of a second each time a file was read, answered and received.
 */
const PeakValues = z.custom<number[]>(peakValues, 'peak values must be whole numbers from -127 to 127');

export const PeakLevel = z.object({
  /** Min/max pairs per second of audio. */
  pairsPerSecond: z.number().positive(),
  /** Interleaved min, max, min, max…, each −127…127. */
  data: PeakValues,
});
export type PeakLevel = z.infer<typeof PeakLevel>;

export const PeakFile = z.object({
  format: z.literal('shotline-peaks'),
  version: z.literal(1),
  durationMs: z.number().int().min(0),
  levels: z.array(PeakLevel).min(1),
});
export type PeakFile = z.infer<typeof PeakFile>;

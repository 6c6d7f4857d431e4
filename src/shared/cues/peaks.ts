/**
 * The waveform peak file the cue timeline draws from; written by the main process, never decoded
 * in the renderer. Each level's values travel as bytes in base64url: an hour of sound is 720,000
 * values, which as JSON numbers was three megabytes to parse and check on every open, and as
 * bytes is under a megabyte of one string that a pattern checks in a few milliseconds.
 */
import { z } from 'zod';
import { base64url } from '../mediaSignature';

const BASE64URL = /^[A-Za-z0-9_-]*$/;

export const PeakLevel = z.object({
  /** Min/max pairs per second of audio. */
  pairsPerSecond: z.number().positive(),
  /** Interleaved min, max, min, max…, each a signed byte −127…127, in unpadded base64url. */
  data: z
    .string()
    .regex(BASE64URL, 'peak data must be base64url')
    .refine((data) => data.length % 4 !== 1, 'peak data must be whole bytes'),
});
export type PeakLevel = z.infer<typeof PeakLevel>;

export const PeakFile = z.object({
  format: z.literal('shotline-peaks'),
  version: z.literal(2),
  durationMs: z.number().int().min(0),
  levels: z.array(PeakLevel).min(1),
});
export type PeakFile = z.infer<typeof PeakFile>;

/** Packs values −127…127 (anything outside is clamped) into a level's `data`. */
export function encodePeakValues(values: ArrayLike<number>): string {
  const bytes = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) bytes[i] = Math.max(-127, Math.min(127, Math.round(values[i] ?? 0))) & 255;
  return base64url(bytes);
}

const SEXTETS = (() => {
  const table = new Int8Array(128).fill(-1);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  for (let i = 0; i < alphabet.length; i++) table[alphabet.charCodeAt(i)] = i;
  return table;
})();

/** A level's values as signed bytes; the schema has checked the alphabet, this reads it in one pass. */
export function decodePeakValues(data: string): Int8Array {
  const out = new Int8Array(Math.floor((data.length * 3) / 4));
  let o = 0;
  let i = 0;
  const sextet = (at: number): number => SEXTETS[data.charCodeAt(at) & 127] ?? 0;
  for (; i + 4 <= data.length; i += 4) {
    const n = (sextet(i) << 18) | (sextet(i + 1) << 12) | (sextet(i + 2) << 6) | sextet(i + 3);
    out[o++] = n >> 16;
    out[o++] = n >> 8;
    out[o++] = n;
  }
  const rest = data.length - i;
  if (rest >= 2) {
    const n = (sextet(i) << 18) | (sextet(i + 1) << 12) | (rest === 3 ? sextet(i + 2) << 6 : 0);
    out[o++] = n >> 16;
    if (rest === 3) out[o++] = n >> 8;
  }
  return out;
}

/** How many values a level holds, without decoding it. */
export function peakValueCount(level: PeakLevel): number {
  return Math.floor((level.data.length * 3) / 4);
}

/**
 * Of levels holding these many pairs a second, the coarsest that still has a pair for every
 * pixel of a view at `pixelsPerSecond`; the finest when none is fine enough.
 */
export function rateFor(rates: readonly number[], pixelsPerSecond: number): number {
  let coarsestFitting = Infinity;
  let finest = -Infinity;
  for (const rate of rates) {
    if (rate >= pixelsPerSecond && rate < coarsestFitting) coarsestFitting = rate;
    if (rate > finest) finest = rate;
  }
  return Number.isFinite(coarsestFitting) ? coarsestFitting : finest;
}

/** The level `rateFor` picks for a view at `pixelsPerSecond`. */
export function levelFor(file: PeakFile, pixelsPerSecond: number): PeakLevel {
  const rate = rateFor(
    file.levels.map((level) => level.pairsPerSecond),
    pixelsPerSecond,
  );
  return file.levels.find((level) => level.pairsPerSecond === rate) ?? { pairsPerSecond: 1, data: '' };
}

/**
 * One level of a clip's peaks as the timeline asks for it: only what the view draws travels
 * (a fitted hour is 15 kB, where every level is over a megabyte), with the rates of the other
 * levels so finer ones can be asked for as the view zooms in, and the peaks' hash to keep them by.
 */
export const PeakLevelReply = z.object({
  peaksId: z.string().min(1),
  durationMs: z.number().int().min(0),
  rates: z.array(z.number().positive()).min(1),
  level: PeakLevel,
});
export type PeakLevelReply = z.infer<typeof PeakLevelReply>;

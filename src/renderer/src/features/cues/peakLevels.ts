/**
 * The waveform levels the timeline has been sent, kept by the peaks' hash: opening a clip again
 * draws its waveform from here without asking the studio, and each level is decoded and scaled
 * once. Only the level a view needs is asked for (`cues.peakLevel`); finer ones follow the zoom.
 */
import { decodePeakValues, rateFor, type PeakLevel, type PeakLevelReply } from '../../../../shared/cues/peaks';
import { studio } from '../../api/client';

/** A clip's peaks as the timeline knows them: which levels exist, not their values. */
export interface WavePeaks {
  peaksId: string;
  durationMs: number;
  rates: readonly number[];
}

interface Kept extends WavePeaks {
  levels: Map<number, Float32Array>;
}

/** Clips whose levels stay kept; an hour's fitted level is 45 kB as floats, its finest 2.9 MB. */
const KEPT_CLIPS = 6;
const kept = new Map<string, Kept>();
/**
 * Each clip's peaks hash as the replies told it: the library's copy of a clip imported in this
 * session still has none, and a clip's media (so its peaks) never changes.
 */
const hashOfClip = new Map<number, string>();

/**
 * One level as wavesurfer takes it: wavesurfer scales any array holding a value above 1 by its
 * own maximum, so the stored bytes go in as −1…1.
 */
export function peaksForWaveSurfer(level: PeakLevel): Float32Array {
  const values = decodePeakValues(level.data);
  const out = new Float32Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = Math.max(-127, values[i] ?? 0) / 127;
  return out;
}

function keep(reply: PeakLevelReply): Kept {
  let entry = kept.get(reply.peaksId);
  if (entry) kept.delete(reply.peaksId);
  else entry = { peaksId: reply.peaksId, durationMs: reply.durationMs, rates: reply.rates, levels: new Map() };
  // Most recently used last, so the first is the one to let go.
  kept.set(reply.peaksId, entry);
  if (!entry.levels.has(reply.level.pairsPerSecond))
    entry.levels.set(reply.level.pairsPerSecond, peaksForWaveSurfer(reply.level));
  while (kept.size > KEPT_CLIPS) kept.delete(kept.keys().next().value ?? '');
  return entry;
}

/**
 * The kept peaks of this clip (by the hash the library gives, else the one its last reply gave),
 * if a view at `pixelsPerSecond` can be drawn from them now.
 */
export function keptPeaks(clipId: number, peaksId: string | null, pixelsPerSecond: number): WavePeaks | null {
  const hash = peaksId ?? hashOfClip.get(clipId);
  const entry = hash === undefined ? undefined : kept.get(hash);
  if (!entry || !entry.levels.has(rateFor(entry.rates, pixelsPerSecond))) return null;
  return entry;
}

/** The values of one level, if it has been sent. */
export function keptLevel(peaks: WavePeaks, rate: number): Float32Array | undefined {
  return kept.get(peaks.peaksId)?.levels.get(rate);
}

/**
 * Of the levels already here, the one closest to what a view at `pixelsPerSecond` needs (a
 * finer one first): drawn while the right one is on its way.
 */
export function nearestKeptLevel(
  peaks: WavePeaks,
  pixelsPerSecond: number,
): { rate: number; values: Float32Array } | null {
  const levels = kept.get(peaks.peaksId)?.levels;
  if (!levels || levels.size === 0) return null;
  const rates = [...levels.keys()];
  const rate = rateFor(rates, pixelsPerSecond);
  const values = levels.get(rate);
  return values ? { rate, values } : null;
}

/** Asks the studio for the level a view at `pixelsPerSecond` draws; null for a clip without sound. */
export async function loadPeakLevel(clipId: number, pixelsPerSecond: number): Promise<WavePeaks | null> {
  const reply = await studio.call('cues.peakLevel', { clipId, pixelsPerSecond: Math.max(1e-6, pixelsPerSecond) });
  if (!reply) return null;
  hashOfClip.set(clipId, reply.peaksId);
  return keep(reply);
}

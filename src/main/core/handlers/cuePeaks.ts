/**
 * A clip's waveform peaks for the cue timeline. Renders store them when they are ingested;
 * imported clips get them computed in the background right after the import, one clip at a
 * time; a clip that still lacks them (from an older library, or whose computation failed) gets
 * them when the timeline asks. Progress goes out as `cues.peaksProgress` events, so the
 * timeline can show how far along it is and draw the waveform the moment it is done.
 */
import { readFile } from 'node:fs/promises';
import { levelFor, PeakFile, type PeakLevelReply } from '../../../shared/cues/peaks';
import { StudioError } from '../../../shared/errors';
import { computePeaks, storePeaks } from '../../media/peaks';
import { mediaRecord } from '../../library/clips';
import { clipQueue } from './clipQueue';
import type { HandlerContext } from './context';

type PeaksContext = Pick<HandlerContext, 'clips' | 'store' | 'background' | 'hub'>;

export interface ClipPeaks {
  /** The clip's peaks, computed first (or joined, if under way) when none are stored; null without sound. */
  read(clipId: number): Promise<PeakFile | null>;
  /** The one level a view at `pixelsPerSecond` draws, read as `read` reads the whole file. */
  readLevel(clipId: number, pixelsPerSecond: number): Promise<PeakLevelReply | null>;
  /** Computes the peaks of clips that lack them in the background, one after another. */
  schedule(clipIds: readonly number[]): void;
}

interface Peaks {
  /** The stored file's hash. */
  id: string;
  file: PeakFile;
}

/**
 * The last few peak files read, by hash: a timeline asks for one level as it opens and for finer
 * ones as it zooms, and an hour's file is a megabyte to read and check each time. A hash names
 * its content, so a kept file is never stale.
 */
const KEPT_FILES = 4;

async function readStored(
  ctx: PeaksContext,
  peaksId: string | null,
  kept: Map<string, PeakFile>,
): Promise<Peaks | null> {
  if (peaksId === null) return null;
  const known = kept.get(peaksId);
  if (known) return { id: peaksId, file: known };
  const path = ctx.store.pathOf(peaksId);
  if (path === null) return null;
  try {
    const parsed = PeakFile.safeParse(JSON.parse(await readFile(path, 'utf8')));
    if (!parsed.success) return null;
    kept.set(peaksId, parsed.data);
    if (kept.size > KEPT_FILES) kept.delete(kept.keys().next().value ?? '');
    return { id: peaksId, file: parsed.data };
  } catch {
    // An older peak format, or a file missing from the store: computed again.
    return null;
  }
}

/** Whole percents only: a long clip would otherwise send an event for every few seconds of sound. */
function progressReporter(ctx: PeaksContext, clipId: number): (fraction: number) => void {
  let last = -1;
  return (fraction) => {
    const percent = Math.floor(fraction * 100);
    if (percent <= last) return;
    last = percent;
    ctx.hub.emit('cues.peaksProgress', { clipId, state: 'computing', fraction: percent / 100 });
  };
}

async function compute(
  ctx: PeaksContext,
  clipId: number,
  signal: AbortSignal,
  kept: Map<string, PeakFile>,
): Promise<Peaks | null> {
  const clip = ctx.clips.get(clipId);
  const stored = await readStored(ctx, clip.peaksId, kept);
  if (stored) return stored;
  if (clip.audioCodec === null) return null;
  const report = progressReporter(ctx, clipId);
  report(0);
  try {
    const mediaPath = ctx.store.pathOf(clip.mediaId);
    if (mediaPath === null || !(await ctx.store.has(clip.mediaId)))
      throw new StudioError('not_found', `The media of “${clip.title}” is missing from the library's store.`);
    const peaks = await computePeaks(mediaPath, { durationMs: clip.durationMs, signal, onProgress: report });
    let made: Peaks | null = null;
    if (peaks !== null) {
      const object = await storePeaks(ctx.store, peaks, signal);
      made = { id: object.id, file: peaks };
      ctx.clips.transaction(() => {
        ctx.clips.upsertMedia(mediaRecord(object, 'application/json'));
        ctx.clips.setPeaks(clipId, object.id);
      });
    }
    ctx.hub.emit('cues.peaksProgress', { clipId, state: 'done', fraction: 1 });
    return made;
  } catch (error) {
    if (!signal.aborted) {
      const message = error instanceof Error ? error.message : String(error);
      ctx.hub.emit('cues.peaksProgress', { clipId, state: 'failed', fraction: 0, message });
    }
    throw error;
  }
}

export function clipPeaks(ctx: PeaksContext): ClipPeaks {
  const kept = new Map<string, PeakFile>();
  const queue = clipQueue(ctx.background, (clipId, signal) => compute(ctx, clipId, signal, kept));
  return {
    read: async (clipId) => (await queue.now(clipId))?.file ?? null,
    async readLevel(clipId, pixelsPerSecond) {
      const peaks = await queue.now(clipId);
      if (!peaks) return null;
      const { file } = peaks;
      return {
        peaksId: peaks.id,
        durationMs: file.durationMs,
        rates: file.levels.map((level) => level.pairsPerSecond),
        level: levelFor(file, pixelsPerSecond),
      };
    },
    // A failure is announced by its event and tried again when the timeline asks.
    schedule: (clipIds) => queue.later(clipIds),
  };
}

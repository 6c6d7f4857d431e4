/**
 * A clip's waveform peaks for the cue timeline. Clips ingested before peaks took their current
 * form (or imported without any) get them computed from the stored media on first open and
 * stored by hash, so every later open reads a small JSON file.
 */
import { readFile } from 'node:fs/promises';
import { PeakFile } from '../../../shared/cues/peaks';
import { StudioError } from '../../../shared/errors';
import { computePeaks, storePeaks } from '../../media/peaks';
import type { HandlerContext } from './context';

type PeaksContext = Pick<HandlerContext, 'clips' | 'store' | 'background'>;

async function readStored(ctx: PeaksContext, peaksId: string | null): Promise<PeakFile | null> {
  const path = peaksId === null ? null : ctx.store.pathOf(peaksId);
  if (path === null) return null;
  try {
    const parsed = PeakFile.safeParse(JSON.parse(await readFile(path, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    // An older peak format, or a file missing from the store: computed again below.
    return null;
  }
}

/** Returns the clip's peaks, computing and storing them when what is stored is not a shotline-peaks file. */
export function clipPeaksReader(ctx: PeaksContext): (clipId: number) => Promise<PeakFile | null> {
  const pending = new Map<number, Promise<PeakFile | null>>();

  const load = async (clipId: number): Promise<PeakFile | null> => {
    const clip = ctx.clips.get(clipId);
    const stored = await readStored(ctx, clip.peaksId);
    if (stored) return stored;
    if (clip.audioCodec === null) return null;
    const mediaPath = ctx.store.pathOf(clip.mediaId);
    if (mediaPath === null || !(await ctx.store.has(clip.mediaId)))
      throw new StudioError('not_found', `The media of clip ${clipId} is missing from the library's store.`);
    const peaks = await ctx.background.run((signal) =>
      computePeaks(mediaPath, { durationMs: clip.durationMs, signal }),
    );
    if (peaks === null) return null;
    const object = await storePeaks(ctx.store, peaks);
    ctx.clips.transaction(() => {
      ctx.clips.upsertMedia({
        id: object.id,
        mimeType: 'application/json',
        bytes: object.bytes,
        durationMs: null,
        width: null,
        height: null,
        fps: null,
        videoCodec: null,
        audioCodec: null,
      });
      ctx.clips.setPeaks(clipId, object.id);
    });
    return peaks;
  };

  return (clipId) => {
    const running = pending.get(clipId);
    if (running) return running;
    const started = load(clipId).finally(() => pending.delete(clipId));
    pending.set(clipId, started);
    return started;
  };
}

/**
 * The drift report of a clip: each timed sound its prompt asked for, listened for in the clip's
 * own audio near its time. Shots are placed where the render report says they start when the
 * built-in engine made the clip, and by the prompt's Duration: lines otherwise.
 */
import {
  DRIFT_WINDOW_MS,
  askedSounds,
  listenWindows,
  type DirectedSound,
  type DriftReport,
  type DriftState,
} from '../../../shared/cues/drift';
import { StudioError } from '../../../shared/errors';
import { heardOnsets } from '../../media/heardOnsets';
import type { HandlerContext } from './context';

type DriftContext = Pick<HandlerContext, 'clips' | 'store' | 'background'>;

function report(
  state: DriftState,
  sounds: readonly DirectedSound[],
  heard?: readonly (number | null)[],
  pastEnd: readonly DirectedSound[] = [],
): DriftReport {
  return {
    state,
    windowMs: DRIFT_WINDOW_MS,
    directions: sounds.map((sound, i) => {
      const heardMs = heard?.[i] ?? null;
      return { ...sound, heardMs, driftMs: heardMs === null ? null : heardMs - sound.askedMs };
    }),
    ...(pastEnd.length > 0 ? { pastEnd: [...pastEnd] } : {}),
  };
}

/** Where the engine started each shot; null when the clip has no readable render report. */
function reportedStarts(ctx: DriftContext, clipId: number): number[] | undefined {
  try {
    return ctx.clips.report(clipId)?.shots.map((shot) => shot.startMs);
  } catch {
    // An unreadable report only loses the exact shot starts; the prompt's durations still place them.
    return undefined;
  }
}

export function clipDriftReader(ctx: DriftContext): (clipId: number) => Promise<DriftReport> {
  return async (clipId) => {
    const clip = ctx.clips.get(clipId);
    const prompt = clip.promptText ?? '';
    if (prompt.trim() === '') return report('no_prompt', []);
    const asked = askedSounds(prompt, clip.durationMs, reportedStarts(ctx, clipId));
    if (asked.length === 0) return report('no_directions', []);
    // Timed at or after the clip's end: asked for, but there is nothing there to hear (never "no sound asked for").
    const sounds = asked.filter((d) => d.askedMs < clip.durationMs);
    const pastEnd = asked.filter((d) => d.askedMs >= clip.durationMs);
    if (sounds.length === 0) return report('past_end', [], undefined, pastEnd);
    if (clip.audioCodec === null) return report('no_sound', sounds, undefined, pastEnd);
    const mediaPath = ctx.store.pathOf(clip.mediaId);
    if (mediaPath === null || !(await ctx.store.has(clip.mediaId)))
      throw new StudioError('not_found', `The media of clip ${clipId} is missing from the library's store.`);
    const windows = listenWindows(sounds, clip.durationMs);
    const heard = await ctx.background.run((signal) => heardOnsets(mediaPath, windows, { signal }));
    return heard === null ? report('no_sound', sounds, undefined, pastEnd) : report('measured', sounds, heard, pastEnd);
  };
}

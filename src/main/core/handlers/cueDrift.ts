/**
 * The drift report of a clip: each timed sound its prompt asked for, listened for in the clip's
 * own audio near its time. Shots are placed where the render report says they start when the
 * built-in engine made the clip, and by the prompt's Duration: lines otherwise.
 */
import {
  DRIFT_WINDOW_MS,
  directedSounds,
  listenWindows,
  type DirectedSound,
  type DriftReport,
  type DriftState,
} from '../../../shared/cues/drift';
import { StudioError } from '../../../shared/errors';
import { heardOnsets } from '../../media/heardOnsets';
import type { HandlerContext } from './context';

type DriftContext = Pick<HandlerContext, 'clips' | 'store' | 'background'>;

function report(state: DriftState, sounds: readonly DirectedSound[], heard?: readonly (number | null)[]): DriftReport {
  return {
    state,
    windowMs: DRIFT_WINDOW_MS,
    directions: sounds.map((sound, i) => {
      const heardMs = heard?.[i] ?? null;
      return { ...sound, heardMs, driftMs: heardMs === null ? null : heardMs - sound.askedMs };
    }),
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
    const sounds = directedSounds(prompt, clip.durationMs, reportedStarts(ctx, clipId));
    if (sounds.length === 0) return report('no_directions', []);
    if (clip.audioCodec === null) return report('no_sound', sounds);
    const mediaPath = ctx.store.pathOf(clip.mediaId);
    if (mediaPath === null || !(await ctx.store.has(clip.mediaId)))
      throw new StudioError('not_found', `The media of clip ${clipId} is missing from the library's store.`);
    const windows = listenWindows(sounds, clip.durationMs);
    const heard = await ctx.background.run((signal) => heardOnsets(mediaPath, windows, { signal }));
    return heard === null ? report('no_sound', sounds) : report('measured', sounds, heard);
  };
}

import type { ProviderStatus } from '../../../../shared/jobs';
import { continueModel, type ContinueMode } from '../../../../shared/prompt/continuation';
import type { Target } from '../prompt/analysis';
import type { RemixLink } from './useRemixLink';

/** The continue modes a provider offers now, as the studio reports them (a ComfyUI workflow needs a video input). */
export function offeredModes(providers: readonly ProviderStatus[] | null, target: Target): ContinueMode[] {
  return providers?.find((p) => p.id === target.provider)?.continueModes ?? [];
}

/**
 * How a remix draft is queued when the creator chose a continue mode the target provider offers:
 * the clip to continue and the model that takes the mode (Runway's Aleph for video to video).
 * Null for a plain regenerate, or when the chosen mode is not offered where the draft goes now.
 */
export function continueChoice(
  link: RemixLink,
  target: Target,
  offered: readonly ContinueMode[],
): { continueFrom: { clipId: number; mode: ContinueMode }; model: string } | null {
  const mode = link.continueMode ?? null;
  if (mode === null || !offered.includes(mode)) return null;
  const model = continueModel(target.provider, mode, target.model) ?? continueModel(target.provider, mode);
  if (!model) return null;
  return { continueFrom: { clipId: link.clipId, mode }, model: model.id };
}

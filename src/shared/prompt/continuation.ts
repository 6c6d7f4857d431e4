/**
 * A provider's own way to carry an existing clip on, beside a plain regenerate: Veo extends
 * a clip it made, Runway's Aleph remakes a clip from its video, a ComfyUI workflow with a
 * video loader takes the clip as input. Which models take which mode lives in the limits
 * table (ModelLimits.continues); this module says what each mode needs of the source clip,
 * and what a job made that way will be, for the linter, the compilers and the queue alike.
 */
import { z } from 'zod';
import { modelFor, PROVIDERS, type ModelLimits, type ProviderId, type SizeChoice } from './providers';

export const ContinueMode = z.enum(['extend', 'video-to-video', 'video-input']);
export type ContinueMode = z.infer<typeof ContinueMode>;

/** What the creator sees for each mode, and what it does, in one line. */
export const CONTINUE_MODES: Readonly<Record<ContinueMode, { label: string; hint: string }>> = {
  extend: { label: 'Extend', hint: 'Continue the clip: the new clip is the old one plus a few more seconds.' },
  'video-to-video': {
    label: 'Video to video',
    hint: 'Remake the clip from its own picture and motion, changed as the prompt says.',
  },
  'video-input': { label: 'Video input', hint: 'Send the clip to the workflow’s video loader as its input.' },
};

/** Veo on the Gemini API: each extension adds 7 s to a clip Veo made, which may be at most 141 s long. */
export const VEO_EXTENSION_MS = 7000;
export const VEO_EXTENDABLE_MAX_MS = 141_000;
/** The Gemini API keeps a generated video for two days; after that it cannot be extended. */
export const VEO_VIDEO_KEPT_MS = 2 * 24 * 60 * 60 * 1000;
/** Runway's Aleph 2 takes input videos of at most 30 s. */
export const ALEPH_MAX_INPUT_MS = 30_000;

/** The clip a job continues, as far as the rules need to know it. */
export interface ContinueSource {
  /** The provider that made it ("import" and others for clips made elsewhere). */
  provider: string;
  /** The service's own id of the job that made it, when a provider of ours made it. */
  remoteId: string | null;
  durationMs: number;
  width: number | null;
  height: number | null;
  createdAt: number;
}

/** A job that continues a clip: how, and from what. */
export interface Continuation {
  mode: ContinueMode;
  source: ContinueSource;
}

/** The modes a provider offers on any of its models, in a stable order. */
export function continueModesOf(provider: ProviderId): ContinueMode[] {
  const offered = new Set(PROVIDERS[provider].models.flatMap((model) => model.continues ?? []));
  return ContinueMode.options.filter((mode) => offered.has(mode));
}

/** The model a continuation runs on: the asked one when it takes the mode, else the provider's first that does. */
export function continueModel(provider: ProviderId, mode: ContinueMode, asked?: string): ModelLimits | null {
  const { model, known } = modelFor(provider, asked);
  if ((known || asked === undefined) && (model.continues ?? []).includes(mode)) return model;
  if (asked !== undefined && known) return null;
  return PROVIDERS[provider].models.find((m) => (m.continues ?? []).includes(mode)) ?? null;
}

function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}

function isVeoExtendable(width: number, height: number): boolean {
  return (width === 1280 && height === 720) || (width === 720 && height === 1280);
}

/**
 * Why this continuation cannot be sent, in a sentence that says what to do instead; null when
 * it can. `now` dates the source for rules about how long a service keeps its videos.
 */
export function continueProblem(
  provider: ProviderId,
  modelId: string | undefined,
  mode: ContinueMode,
  source: ContinueSource | null,
  now: number,
): string | null {
  const label = PROVIDERS[provider].label;
  const name = CONTINUE_MODES[mode].label;
  const offered = continueModesOf(provider);
  if (!offered.includes(mode)) {
    const others = offered.map((m) => `“${CONTINUE_MODES[m].label}”`).join(' or ');
    return offered.length === 0
      ? `${label} has no way to continue a clip; choose “Regenerate”, or a provider that offers “${name}”.`
      : `${label} cannot do “${name}”; choose ${others} or “Regenerate”.`;
  }
  const model = continueModel(provider, mode, modelId);
  if (!model) {
    const takers = PROVIDERS[provider].models.filter((m) => (m.continues ?? []).includes(mode));
    return `${modelFor(provider, modelId).model.label} cannot do “${name}”; choose ${takers.map((m) => m.label).join(' or ')}.`;
  }
  if (!source) return null;
  if (mode === 'extend') return veoExtendProblem(source, now);
  if (mode === 'video-to-video' && source.durationMs > ALEPH_MAX_INPUT_MS) {
    return `${model.label} remakes clips of up to ${seconds(ALEPH_MAX_INPUT_MS)}; this one is ${seconds(source.durationMs)}. Trim it first, or choose “Regenerate”.`;
  }
  return null;
}

function veoExtendProblem(source: ContinueSource, now: number): string | null {
  if (source.provider !== 'veo' || source.remoteId === null) {
    return `Veo extends only clips Veo made through the Gemini API; this one was made ${source.provider === 'import' ? 'elsewhere and imported' : `with ${source.provider}`}. Choose “Regenerate”, or “Video to video” on Runway.`;
  }
  if (source.width === null || source.height === null || !isVeoExtendable(source.width, source.height)) {
    const size =
      source.width === null || source.height === null ? 'of unknown size' : `${source.width}×${source.height}`;
    return `Veo extends 720p clips only (1280×720 or 720×1280); this one is ${size}. Choose “Regenerate”.`;
  }
  if (source.durationMs > VEO_EXTENDABLE_MAX_MS) {
    return `Veo extends clips of up to ${seconds(VEO_EXTENDABLE_MAX_MS)}; this one is ${seconds(source.durationMs)}. Choose “Regenerate”.`;
  }
  if (now - source.createdAt > VEO_VIDEO_KEPT_MS) {
    return 'Veo keeps a video for two days and this clip is older, so it can no longer be extended. Choose “Regenerate”.';
  }
  return null;
}

/**
 * The model's limits as they stand for this continuation: Veo extends at 720p in the source's
 * shape with a length of 8 s; Aleph makes a clip as long as its source in its source's shape.
 */
export function continuedLimits(model: ModelLimits, continuation: Continuation | undefined): ModelLimits {
  if (!continuation) return model;
  const { mode, source } = continuation;
  if (mode === 'extend' && model.sizes.kind === 'choices') {
    const portrait = source.width !== null && source.height !== null && source.height > source.width;
    const sizes: SizeChoice[] = model.sizes.sizes.filter(
      (choice) => choice.resolution === '720p' && choice.height > choice.width === portrait,
    );
    const first = sizes[0];
    return {
      ...model,
      durations: { kind: 'choices', seconds: [8] },
      defaultDurationMs: 8000,
      sizes: { kind: 'choices', sizes },
      defaultSize: first ? { width: first.width, height: first.height } : model.defaultSize,
    };
  }
  if (mode === 'video-to-video') {
    const size =
      source.width !== null && source.height !== null
        ? { width: source.width, height: source.height }
        : model.defaultSize;
    return {
      ...model,
      durations: { kind: 'any' },
      defaultDurationMs: source.durationMs,
      sizes: { kind: 'any' },
      defaultSize: size,
    };
  }
  return model;
}

/** The length of the clip a continuation delivers: Veo returns the source and the extension as one video. */
export function continuedDurationMs(continuation: Continuation, generatedMs: number): number {
  if (continuation.mode === 'extend') return continuation.source.durationMs + VEO_EXTENSION_MS;
  if (continuation.mode === 'video-to-video') return Math.min(continuation.source.durationMs, ALEPH_MAX_INPUT_MS);
  return generatedMs;
}

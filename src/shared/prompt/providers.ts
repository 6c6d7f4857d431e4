/**
 * The one table of what each provider accepts. The UI fills its pickers from it, the
 * linter checks prompts against it and the compilers clamp to it, so a limit changes in
 * exactly one place.
 *
 * Figures were read on the `checked` date from the sources named beside them. Prices move;
 * treat them as estimates for the cost preview, never as a bill.
 */
import { z } from 'zod';
import type { ContinueMode } from './continuation';
import type { FrameSize } from './types';
import { withArticle } from '../article';

export const ProviderId = z.enum(['local', 'veo', 'runway', 'comfyui', 'openai-videos']);
export type ProviderId = z.infer<typeof ProviderId>;

export type DurationRule =
  /** Whole seconds from a fixed list. */
  | { kind: 'choices'; seconds: readonly number[] }
  /** Any length between min and max, in steps. */
  | { kind: 'range'; minMs: number; maxMs: number; stepMs: number }
  /** The provider does not say; whatever the creator asks is sent. */
  | { kind: 'any' };

export interface SizeChoice {
  width: number;
  height: number;
  /** The value sent for this size: "1280:720" for Runway, "1280x720" for OpenAI, "16:9" for Veo. */
  value: string;
  /** Veo's resolution parameter for this size. */
  resolution?: string;
  /** Some sizes render only at certain lengths (Veo: 1080p and 4k need 8 s). */
  onlySeconds?: readonly number[];
}

export type SizeRule =
  | { kind: 'choices'; sizes: readonly SizeChoice[] }
  | { kind: 'range'; maxLongSide: number; maxShortSide: number; minSide: number; multipleOf: number }
  | { kind: 'any' };

export interface ModelPrice {
  /** US dollars per second of output at the default size. 0 for engines on your own machine. */
  usdPerSecond: number;
  /** Per-second prices that differ by size, keyed "WIDTHxHEIGHT". */
  bySize?: Readonly<Record<string, number>>;
  /** The per-second price when the clip is made without sound, where that is cheaper. */
  withoutAudio?: number;
  source: string;
  /** The day the figure was read, YYYY-MM-DD. */
  checked: string;
  note?: string;
}

export interface ModelLimits {
  id: string;
  label: string;
  /** Method and path the request body goes to; {model} is replaced by the model id. */
  endpoint: string;
  durations: DurationRule;
  defaultDurationMs: number;
  sizes: SizeRule;
  defaultSize: FrameSize;
  /** Longest prompt text accepted, in UTF-16 code units; null when no limit is documented. */
  maxPromptChars: number | null;
  negativePrompt: boolean;
  audio: boolean;
  remix: boolean;
  seed: boolean;
  /** Needs a start image (Runway gen4_turbo is image-to-video only). */
  requiresImage: boolean;
  /** The provider's own ways to carry an existing clip on that this model takes (see continuation.ts). */
  continues?: readonly ContinueMode[];
  /** Works only from an existing clip (Runway's Aleph remakes a video); never for a new clip. */
  requiresVideo?: boolean;
  price: ModelPrice;
}

export interface ProviderLimits {
  id: ProviderId;
  label: string;
  runsOn: 'this computer' | 'cloud' | 'your GPU server';
  /** The provider takes one prompt per clip, so a multi-shot prompt is merged into one text. */
  singlePrompt: boolean;
  /** Frames per second the creator may choose; null when the provider decides. */
  fps: { min: number; max: number; default: number } | null;
  defaultModel: string;
  models: readonly ModelLimits[];
  docs: string;
}

const CHECKED = '2026-11-29';

const VEO_PRICE_SOURCE = 'https://ai.google.dev/gemini-api/docs/pricing';
const VEO_SIZES: readonly SizeChoice[] = [
  { width: 1280, height: 720, value: '16:9', resolution: '720p' },
  { width: 720, height: 1280, value: '9:16', resolution: '720p' },
  { width: 1920, height: 1080, value: '16:9', resolution: '1080p', onlySeconds: [8] },
  { width: 1080, height: 1920, value: '9:16', resolution: '1080p', onlySeconds: [8] },
  { width: 3840, height: 2160, value: '16:9', resolution: '4k', onlySeconds: [8] },
  { width: 2160, height: 3840, value: '9:16', resolution: '4k', onlySeconds: [8] },
];

const RUNWAY_PRICE_SOURCE = 'https://docs.dev.runwayml.com/guides/pricing';
const RUNWAY_CREDIT_NOTE = 'Runway bills API credits at $0.01 each; figures are credits per second × $0.01.';
const RUNWAY_WIDE_SIZES: readonly SizeChoice[] = [
  { width: 1280, height: 720, value: '1280:720' },
  { width: 720, height: 1280, value: '720:1280' },
];
const RUNWAY_VEO_SIZES: readonly SizeChoice[] = [
  ...RUNWAY_WIDE_SIZES,
  { width: 1920, height: 1080, value: '1920:1080' },
  { width: 1080, height: 1920, value: '1080:1920' },
];

const OPENAI_PRICE_SOURCE = 'https://openai.com/api/pricing/';
const SORA_SIZES: readonly SizeChoice[] = [
  { width: 720, height: 1280, value: '720x1280' },
  { width: 1280, height: 720, value: '1280x720' },
];

const HD: FrameSize = { width: 1280, height: 720 };

export const PROVIDERS: Readonly<Record<ProviderId, ProviderLimits>> = {
  local: {
    id: 'local',
    label: 'Built-in engine',
    runsOn: 'this computer',
    singlePrompt: false,
    fps: { min: 12, max: 60, default: 24 },
    defaultModel: 'builtin',
    docs: 'docs/engine.md',
    models: [
      {
        id: 'builtin',
        label: 'Shotline engine (CPU)',
        endpoint: 'worker',
        durations: { kind: 'range', minMs: 1000, maxMs: 60_000, stepMs: 1 },
        defaultDurationMs: 8000,
        sizes: { kind: 'range', maxLongSide: 1920, maxShortSide: 1080, minSide: 64, multipleOf: 2 },
        defaultSize: HD,
        maxPromptChars: null,
        negativePrompt: true,
        audio: true,
        remix: true,
        seed: true,
        requiresImage: false,
        price: {
          usdPerSecond: 0,
          source: 'Shotline',
          checked: CHECKED,
          note: 'Renders on your CPU; no account, no network.',
        },
      },
    ],
  },
  veo: {
    id: 'veo',
    label: 'Google Veo (Gemini API)',
    runsOn: 'cloud',
    singlePrompt: true,
    fps: null,
    defaultModel: 'veo-3.1-generate-preview',
    docs: 'https://ai.google.dev/gemini-api/docs/video',
    models: [
      {
        id: 'veo-3.1-generate-preview',
        label: 'Veo 3.1',
        endpoint: 'POST /v1beta/models/{model}:predictLongRunning',
        durations: { kind: 'choices', seconds: [4, 6, 8] },
        defaultDurationMs: 8000,
        sizes: { kind: 'choices', sizes: VEO_SIZES },
        defaultSize: HD,
        maxPromptChars: null,
        negativePrompt: true,
        audio: true,
        remix: false,
        seed: false,
        requiresImage: false,
        continues: ['extend'],
        price: {
          usdPerSecond: 0.4,
          bySize: { '3840x2160': 0.6, '2160x3840': 0.6 },
          source: VEO_PRICE_SOURCE,
          checked: CHECKED,
          note: 'Video with native audio; 720p and 1080p cost the same, 4k costs more.',
        },
      },
      {
        id: 'veo-3.1-fast-generate-preview',
        label: 'Veo 3.1 Fast',
        endpoint: 'POST /v1beta/models/{model}:predictLongRunning',
        durations: { kind: 'choices', seconds: [4, 6, 8] },
        defaultDurationMs: 8000,
        sizes: { kind: 'choices', sizes: VEO_SIZES },
        defaultSize: HD,
        maxPromptChars: null,
        negativePrompt: true,
        audio: true,
        remix: false,
        seed: false,
        requiresImage: false,
        continues: ['extend'],
        price: {
          usdPerSecond: 0.12,
          bySize: { '3840x2160': 0.35, '2160x3840': 0.35 },
          source: VEO_PRICE_SOURCE,
          checked: CHECKED,
          note: 'Video with native audio; cut from $0.15 to $0.12 a second in April 2026, the 4k figure predates the cut.',
        },
      },
    ],
  },
  runway: {
    id: 'runway',
    label: 'Runway API',
    runsOn: 'cloud',
    singlePrompt: true,
    fps: null,
    defaultModel: 'gen4.5',
    docs: 'https://docs.dev.runwayml.com/api/',
    models: [
      {
        id: 'gen4.5',
        label: 'Gen-4.5',
        endpoint: 'POST /v1/text_to_video',
        durations: { kind: 'range', minMs: 2000, maxMs: 10_000, stepMs: 1000 },
        defaultDurationMs: 5000,
        sizes: { kind: 'choices', sizes: RUNWAY_WIDE_SIZES },
        defaultSize: HD,
        maxPromptChars: 1000,
        negativePrompt: false,
        audio: false,
        remix: false,
        seed: true,
        requiresImage: false,
        price: {
          usdPerSecond: 0.12,
          source: RUNWAY_PRICE_SOURCE,
          checked: CHECKED,
          note: `12 credits per second. ${RUNWAY_CREDIT_NOTE}`,
        },
      },
      {
        id: 'gen4_turbo',
        label: 'Gen-4 Turbo (needs a start image)',
        endpoint: 'POST /v1/image_to_video',
        durations: { kind: 'range', minMs: 2000, maxMs: 10_000, stepMs: 1000 },
        defaultDurationMs: 5000,
        sizes: {
          kind: 'choices',
          sizes: [
            ...RUNWAY_WIDE_SIZES,
            { width: 1104, height: 832, value: '1104:832' },
            { width: 832, height: 1104, value: '832:1104' },
            { width: 960, height: 960, value: '960:960' },
            { width: 1584, height: 672, value: '1584:672' },
          ],
        },
        defaultSize: HD,
        maxPromptChars: 1000,
        negativePrompt: false,
        audio: false,
        remix: false,
        seed: true,
        requiresImage: true,
        price: {
          usdPerSecond: 0.05,
          source: RUNWAY_PRICE_SOURCE,
          checked: CHECKED,
          note: `5 credits per second. ${RUNWAY_CREDIT_NOTE}`,
        },
      },
      {
        id: 'aleph2',
        label: 'Aleph 2 (video to video)',
        endpoint: 'POST /v1/video_to_video',
        // The output follows the input video's length and shape.
        durations: { kind: 'any' },
        defaultDurationMs: 5000,
        sizes: { kind: 'any' },
        defaultSize: HD,
        maxPromptChars: 1000,
        negativePrompt: false,
        audio: false,
        remix: false,
        seed: true,
        requiresImage: false,
        continues: ['video-to-video'],
        requiresVideo: true,
        price: {
          usdPerSecond: 0.28,
          source: RUNWAY_PRICE_SOURCE,
          checked: CHECKED,
          note: `28 credits per second of input video, as listed for Aleph 2. ${RUNWAY_CREDIT_NOTE}`,
        },
      },
      {
        id: 'veo3.1',
        label: 'Veo 3.1 on Runway',
        endpoint: 'POST /v1/text_to_video',
        durations: { kind: 'choices', seconds: [4, 6, 8] },
        defaultDurationMs: 8000,
        sizes: { kind: 'choices', sizes: RUNWAY_VEO_SIZES },
        defaultSize: HD,
        maxPromptChars: 1000,
        negativePrompt: false,
        audio: true,
        remix: false,
        seed: false,
        requiresImage: false,
        price: {
          usdPerSecond: 0.4,
          withoutAudio: 0.2,
          source: RUNWAY_PRICE_SOURCE,
          checked: CHECKED,
          note: `40 credits per second with audio, 20 without. ${RUNWAY_CREDIT_NOTE}`,
        },
      },
      {
        id: 'veo3.1_fast',
        label: 'Veo 3.1 Fast on Runway',
        endpoint: 'POST /v1/text_to_video',
        durations: { kind: 'choices', seconds: [4, 6, 8] },
        defaultDurationMs: 8000,
        sizes: { kind: 'choices', sizes: RUNWAY_VEO_SIZES },
        defaultSize: HD,
        maxPromptChars: 1000,
        negativePrompt: false,
        audio: true,
        remix: false,
        seed: false,
        requiresImage: false,
        price: {
          usdPerSecond: 0.15,
          withoutAudio: 0.1,
          source: RUNWAY_PRICE_SOURCE,
          checked: CHECKED,
          note: `15 credits per second with audio, 10 without. ${RUNWAY_CREDIT_NOTE}`,
        },
      },
      {
        id: 'veo3',
        label: 'Veo 3 on Runway',
        endpoint: 'POST /v1/text_to_video',
        durations: { kind: 'choices', seconds: [8] },
        defaultDurationMs: 8000,
        sizes: { kind: 'choices', sizes: RUNWAY_VEO_SIZES },
        defaultSize: HD,
        maxPromptChars: 1000,
        negativePrompt: false,
        audio: true,
        remix: false,
        seed: false,
        requiresImage: false,
        price: {
          usdPerSecond: 0.4,
          source: RUNWAY_PRICE_SOURCE,
          checked: CHECKED,
          note: `40 credits per second. ${RUNWAY_CREDIT_NOTE}`,
        },
      },
    ],
  },
  comfyui: {
    id: 'comfyui',
    label: 'ComfyUI server',
    runsOn: 'your GPU server',
    singlePrompt: true,
    fps: { min: 1, max: 120, default: 24 },
    defaultModel: 'workflow',
    docs: 'https://docs.comfy.org/',
    models: [
      {
        id: 'workflow',
        label: 'Your workflow',
        endpoint: 'POST /prompt',
        // The workflow decides what it can render; Shotline passes the request through.
        durations: { kind: 'any' },
        defaultDurationMs: 5000,
        sizes: { kind: 'any' },
        defaultSize: HD,
        maxPromptChars: null,
        negativePrompt: true,
        audio: false,
        remix: false,
        seed: true,
        requiresImage: false,
        // Offered when the workflow maps a video loader (Load Video) input; the provider checks.
        continues: ['video-input'],
        price: {
          usdPerSecond: 0,
          source: 'your own GPU',
          checked: CHECKED,
          note: 'Runs on your hardware; electricity not included.',
        },
      },
    ],
  },
  'openai-videos': {
    id: 'openai-videos',
    label: 'OpenAI-compatible videos API',
    runsOn: 'cloud',
    singlePrompt: true,
    fps: null,
    defaultModel: 'sora-2',
    docs: 'https://platform.openai.com/docs/guides/video-generation',
    models: [
      {
        id: 'sora-2',
        label: 'Sora 2',
        endpoint: 'POST /v1/videos',
        durations: { kind: 'choices', seconds: [4, 8, 12] },
        defaultDurationMs: 4000,
        sizes: { kind: 'choices', sizes: SORA_SIZES },
        defaultSize: HD,
        maxPromptChars: null,
        negativePrompt: false,
        audio: true,
        remix: true,
        seed: false,
        requiresImage: false,
        price: { usdPerSecond: 0.1, source: OPENAI_PRICE_SOURCE, checked: CHECKED },
      },
      {
        id: 'sora-2-pro',
        label: 'Sora 2 Pro',
        endpoint: 'POST /v1/videos',
        durations: { kind: 'choices', seconds: [4, 8, 12] },
        defaultDurationMs: 4000,
        sizes: {
          kind: 'choices',
          sizes: [
            ...SORA_SIZES,
            { width: 1024, height: 1792, value: '1024x1792' },
            { width: 1792, height: 1024, value: '1792x1024' },
          ],
        },
        defaultSize: HD,
        maxPromptChars: null,
        negativePrompt: false,
        audio: true,
        remix: true,
        seed: false,
        requiresImage: false,
        price: {
          usdPerSecond: 0.3,
          bySize: { '1024x1792': 0.5, '1792x1024': 0.5 },
          source: OPENAI_PRICE_SOURCE,
          checked: CHECKED,
        },
      },
    ],
  },
};

export const PROVIDER_IDS: readonly ProviderId[] = ProviderId.options;

/** The model with that id, or the provider's default model when the id is missing or unknown. */
export function modelFor(provider: ProviderId, modelId?: string): { model: ModelLimits; known: boolean } {
  const limits = PROVIDERS[provider];
  const wanted = modelId ?? limits.defaultModel;
  const found = limits.models.find((m) => m.id === wanted);
  if (found) return { model: found, known: true };
  const fallback = limits.models.find((m) => m.id === limits.defaultModel) ?? limits.models[0];
  if (!fallback) throw new Error(`provider ${provider} lists no models`);
  return { model: fallback, known: modelId === undefined };
}

export function sizeKey(size: FrameSize): string {
  return `${size.width}x${size.height}`;
}

/** "4, 6 or 8 s", "2–10 s": how the limits read in a sentence. */
export function describeDurations(rule: DurationRule): string {
  if (rule.kind === 'any') return 'any length';
  if (rule.kind === 'range') return `${trimSeconds(rule.minMs)}–${trimSeconds(rule.maxMs)} s`;
  return `${listWords(rule.seconds.map(String))} s`;
}

export function describeSizes(rule: SizeRule): string {
  if (rule.kind === 'any') return 'any size';
  if (rule.kind === 'range') {
    const steps = rule.multipleOf === 2 ? 'even sizes' : `sizes in multiples of ${rule.multipleOf}`;
    return `${steps} from ${rule.minSide}x${rule.minSide} up to ${rule.maxLongSide}x${rule.maxShortSide}`;
  }
  return listWords(unique(rule.sizes.map((s) => sizeKey(s))));
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1] ?? ''}`;
}

function trimSeconds(ms: number): string {
  return String(Math.round(ms / 10) / 100);
}

export function isDurationAllowed(rule: DurationRule, ms: number): boolean {
  if (rule.kind === 'any') return ms > 0;
  if (rule.kind === 'range') return ms >= rule.minMs && ms <= rule.maxMs && (ms - rule.minMs) % rule.stepMs === 0;
  return rule.seconds.some((s) => s * 1000 === ms);
}

/** The allowed length closest to ms; on a tie the longer one, so nothing the creator timed is cut. */
export function nearestDuration(rule: DurationRule, ms: number): number {
  if (rule.kind === 'any') return Math.max(1, Math.round(ms));
  if (rule.kind === 'range') {
    const clamped = Math.min(rule.maxMs, Math.max(rule.minMs, ms));
    const steps = Math.round((clamped - rule.minMs) / rule.stepMs);
    return Math.min(rule.maxMs, rule.minMs + steps * rule.stepMs);
  }
  let best = rule.seconds[0] ?? 0;
  for (const s of rule.seconds) {
    const d = Math.abs(s * 1000 - ms);
    const bestD = Math.abs(best * 1000 - ms);
    if (d < bestD || (d === bestD && s > best)) best = s;
  }
  return best * 1000;
}

function aspectDistance(a: FrameSize, b: FrameSize): number {
  return Math.abs(Math.log(a.width / a.height) - Math.log(b.width / b.height));
}

function areaDistance(a: FrameSize, b: FrameSize): number {
  return Math.abs(Math.log((a.width * a.height) / (b.width * b.height)));
}

/** The allowed choice nearest in shape first and in pixel count second. */
export function nearestChoice(
  sizes: readonly SizeChoice[],
  size: FrameSize,
  accept: (c: SizeChoice) => boolean = () => true,
): SizeChoice | null {
  let best: SizeChoice | null = null;
  let bestScore = Infinity;
  for (const choice of sizes) {
    if (!accept(choice)) continue;
    const score = aspectDistance(choice, size) * 1000 + areaDistance(choice, size);
    if (score < bestScore) {
      best = choice;
      bestScore = score;
    }
  }
  return best;
}

export function isSizeAllowed(rule: SizeRule, size: FrameSize): boolean {
  if (rule.kind === 'any') return true;
  if (rule.kind === 'choices') return rule.sizes.some((s) => s.width === size.width && s.height === size.height);
  const long = Math.max(size.width, size.height);
  const short = Math.min(size.width, size.height);
  return (
    long <= rule.maxLongSide &&
    short <= rule.maxShortSide &&
    short >= rule.minSide &&
    size.width % rule.multipleOf === 0 &&
    size.height % rule.multipleOf === 0
  );
}

/** The allowed size nearest to the one asked for, keeping its shape where the rule allows. */
export function nearestSize(rule: SizeRule, size: FrameSize): FrameSize {
  if (rule.kind === 'any' || isSizeAllowed(rule, size)) return { width: size.width, height: size.height };
  if (rule.kind === 'choices') {
    const choice = nearestChoice(rule.sizes, size);
    return choice ? { width: choice.width, height: choice.height } : { width: size.width, height: size.height };
  }
  const long = Math.max(size.width, size.height);
  const short = Math.min(size.width, size.height);
  const scale = Math.min(1, rule.maxLongSide / long, rule.maxShortSide / short);
  const fit = (n: number): number => {
    const scaled = Math.floor((n * scale) / rule.multipleOf) * rule.multipleOf;
    const min = Math.ceil(rule.minSide / rule.multipleOf) * rule.multipleOf;
    return Math.max(min, scaled);
  };
  return { width: fit(size.width), height: fit(size.height) };
}

export interface OutputPlan {
  durationMs: number;
  size: FrameSize;
  /** The table entry for the size, for providers that choose from a list. */
  choice: SizeChoice | null;
  /** What had to change, in the compile note shape. */
  changes: { what: 'duration' | 'size'; from: string; to: string; why: string }[];
}

/**
 * The clip a model will actually make for a requested length and size: the nearest allowed
 * length, then the nearest allowed size, then a smaller size of the same shape if the chosen
 * size renders only at other lengths (the length the creator timed wins over resolution).
 */
export function planOutput(model: ModelLimits, size: FrameSize, durationMs: number): OutputPlan {
  const changes: OutputPlan['changes'] = [];
  const duration = nearestDuration(model.durations, durationMs);
  if (duration !== durationMs) {
    changes.push({
      what: 'duration',
      from: `${trimSeconds(durationMs)}s`,
      to: `${trimSeconds(duration)}s`,
      why: `${model.label} renders ${describeDurations(model.durations)}`,
    });
  }
  const rule = model.sizes;
  if (rule.kind !== 'choices') {
    const fitted = nearestSize(rule, size);
    if (fitted.width !== size.width || fitted.height !== size.height) {
      changes.push({
        what: 'size',
        from: sizeKey(size),
        to: sizeKey(fitted),
        why: `${model.label} renders ${describeSizes(rule)}`,
      });
    }
    return { durationMs: duration, size: fitted, choice: null, changes };
  }
  const seconds = duration / 1000;
  const fitsLength = (c: SizeChoice): boolean => c.onlySeconds === undefined || c.onlySeconds.includes(seconds);
  const exact = rule.sizes.find((c) => c.width === size.width && c.height === size.height);
  let choice = exact ?? nearestChoice(rule.sizes, size);
  let why = `${model.label} renders ${describeSizes(rule)}`;
  if (choice && !fitsLength(choice)) {
    const lengths = listWords((choice.onlySeconds ?? []).map(String));
    why = `${model.label} renders ${sizeKey(choice)} only as ${withArticle(lengths)} s clip`;
    choice = nearestChoice(rule.sizes, choice, fitsLength);
  }
  const final: FrameSize = choice ? { width: choice.width, height: choice.height } : size;
  if (final.width !== size.width || final.height !== size.height)
    changes.push({ what: 'size', from: sizeKey(size), to: sizeKey(final), why });
  return { durationMs: duration, size: final, choice, changes };
}

/** What a clip of this length and size costs at the table's price, in US dollars. */
export function estimateCostUsd(model: ModelLimits, durationMs: number, size: FrameSize, withAudio = true): number {
  const perSecond =
    !withAudio && model.price.withoutAudio !== undefined
      ? model.price.withoutAudio
      : (model.price.bySize?.[sizeKey(size)] ?? model.price.usdPerSecond);
  return Math.round(perSecond * (durationMs / 1000) * 10_000) / 10_000;
}

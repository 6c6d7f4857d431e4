/**
 * The Runway API: promptText of at most 1000 characters, a ratio string such as
 * "1280:720" and a length the model accepts. Runway has no negative prompt, so negatives
 * travel inside the text.
 */
import { continuedDurationMs, type Continuation } from '../continuation';
import { estimateCostUsd, modelFor, sizeKey } from '../providers';
import type { PromptDoc } from '../types';
import { clampText, endpointFor, planSinglePrompt } from './plan';
import type { CompileNote, CompileOptions, Compiled } from './types';

/**
 * Text and image to video carry a ratio and a length; video to video (Aleph) takes neither, its
 * output following the input video, which is attached at submission as videoUri.
 */
export interface RunwayRequest {
  model: string;
  promptText: string;
  ratio?: string;
  duration?: number;
  promptImage?: string;
  /** Only the Veo models on Runway take this; sound costs more there. */
  audio?: boolean;
  seed?: number;
}

export type RunwayCompiled = Compiled<'runway', RunwayRequest>;

export function compileRunway(
  doc: PromptDoc,
  options: CompileOptions = {},
  continuation?: Continuation,
): RunwayCompiled {
  const notes: CompileNote[] = [];
  let settings = options;
  const asked = modelFor('runway', options.model);
  const toVideo = continuation?.mode === 'video-to-video';
  if (asked.known && asked.model.requiresVideo === true && !toVideo) {
    notes.push({
      kind: 'clamped',
      what: 'model',
      detail: `${asked.model.label} remakes an existing clip and none was given, so Gen-4.5 is used; choose “Video to video” in a remix to use it.`,
    });
    settings = { ...options, model: 'gen4.5' };
  } else if (asked.known && asked.model.requiresImage && options.promptImage === undefined) {
    notes.push({
      kind: 'clamped',
      what: 'model',
      detail: `${asked.model.label} animates a start image and none was given, so Gen-4.5 is used.`,
    });
    settings = { ...options, model: 'gen4.5' };
  }
  const plan = planSinglePrompt('runway', doc, settings, notes, toVideo ? continuation : undefined);
  const { model } = plan;
  const clamped = clampText(plan.text, model.maxPromptChars);
  if (clamped.cut) {
    notes.push({
      kind: 'clamped',
      what: 'prompt text',
      detail: `Runway reads at most ${model.maxPromptChars ?? 0} characters, so the prompt is cut from ${plan.text.length} characters and its end is dropped.`,
    });
  }
  if (toVideo) return compileVideoToVideo(plan, clamped.text, settings, notes, continuation);
  const request: RunwayRequest = {
    model: model.id,
    promptText: clamped.text,
    ratio: plan.output.choice?.value ?? '1280:720',
    duration: plan.output.durationMs / 1000,
  };
  if (model.requiresImage && settings.promptImage !== undefined) request.promptImage = settings.promptImage;
  // Only the models priced differently with and without sound take the switch.
  if (model.price.withoutAudio !== undefined) request.audio = plan.audio;
  if (model.seed && settings.seed !== undefined) request.seed = settings.seed;
  return {
    provider: 'runway',
    model: model.id,
    endpoint: endpointFor(model),
    request,
    notes,
    output: { durationMs: plan.output.durationMs, size: plan.output.size, audio: plan.audio },
    estimatedCostUsd: estimateCostUsd(model, plan.output.durationMs, plan.output.size, plan.audio),
  };
}

/** Aleph: the prompt and the seed; the clip that comes back has its source's length and shape. */
function compileVideoToVideo(
  plan: ReturnType<typeof planSinglePrompt>,
  promptText: string,
  settings: CompileOptions,
  notes: CompileNote[],
  continuation: Continuation,
): RunwayCompiled {
  const { model } = plan;
  const { source } = continuation;
  const size =
    source.width !== null && source.height !== null ? { width: source.width, height: source.height } : plan.output.size;
  const wanted = settings.size;
  if (wanted && (wanted.width !== size.width || wanted.height !== size.height)) {
    notes.push({
      kind: 'clamped',
      what: 'size',
      detail: `${model.label} keeps the source clip's shape, so ${sizeKey(wanted)} becomes ${sizeKey(size)}.`,
    });
  }
  const durationMs = continuedDurationMs(continuation, plan.output.durationMs);
  const request: RunwayRequest = { model: model.id, promptText };
  if (model.seed && settings.seed !== undefined) request.seed = settings.seed;
  return {
    provider: 'runway',
    model: model.id,
    endpoint: endpointFor(model),
    request,
    notes,
    output: { durationMs, size, audio: false },
    estimatedCostUsd: estimateCostUsd(model, durationMs, size, false),
  };
}

/**
 * The Runway API: promptText of at most 1000 characters, a ratio string such as
 * "1280:720" and a length the model accepts. Runway has no negative prompt, so negatives
 * travel inside the text.
 */
import { estimateCostUsd, modelFor } from '../providers';
import type { PromptDoc } from '../types';
import { clampText, endpointFor, planSinglePrompt } from './plan';
import type { CompileNote, CompileOptions, Compiled } from './types';

export interface RunwayRequest {
  model: string;
  promptText: string;
  ratio: string;
  duration: number;
  promptImage?: string;
  /** Only the Veo models on Runway take this; sound costs more there. */
  audio?: boolean;
  seed?: number;
}

export type RunwayCompiled = Compiled<'runway', RunwayRequest>;

export function compileRunway(doc: PromptDoc, options: CompileOptions = {}): RunwayCompiled {
  const notes: CompileNote[] = [];
  let settings = options;
  const asked = modelFor('runway', options.model);
  if (asked.known && asked.model.requiresImage && options.promptImage === undefined) {
    notes.push({
      kind: 'clamped',
      what: 'model',
      detail: `${asked.model.label} animates a start image and none was given, so Gen-4.5 is used.`,
    });
    settings = { ...options, model: 'gen4.5' };
  }
  const plan = planSinglePrompt('runway', doc, settings, notes);
  const { model } = plan;
  const clamped = clampText(plan.text, model.maxPromptChars);
  if (clamped.cut) {
    notes.push({
      kind: 'clamped',
      what: 'prompt text',
      detail: `Runway reads at most ${model.maxPromptChars ?? 0} characters, so the prompt is cut from ${plan.text.length} characters and its end is dropped.`,
    });
  }
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

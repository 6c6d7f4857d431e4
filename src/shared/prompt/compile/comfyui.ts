/**
 * A ComfyUI server: the creator's workflow receives positive and negative text plus the
 * length, size, frame rate and seed to put into its nodes. The workflow decides its own
 * limits, so nothing is clamped here; shots are merged because a workflow takes one prompt.
 */
import { estimateCostUsd, PROVIDERS } from '../providers';
import type { PromptDoc } from '../types';
import { endpointFor, exclusionTerm, planSinglePrompt } from './plan';
import type { CompileOptions, Compiled } from './types';

export interface ComfyRequest {
  positive: string;
  negative: string;
  width: number;
  height: number;
  durationMs: number;
  fps: number;
  seed: number | null;
}

export type ComfyCompiled = Compiled<'comfyui', ComfyRequest>;

export function compileComfy(doc: PromptDoc, options: CompileOptions = {}): ComfyCompiled {
  const plan = planSinglePrompt('comfyui', doc, options);
  const fps = options.fps ?? PROVIDERS.comfyui.fps?.default ?? 24;
  return {
    provider: 'comfyui',
    model: plan.model.id,
    endpoint: endpointFor(plan.model),
    request: {
      positive: plan.text,
      negative: plan.negatives.map(exclusionTerm).join(', '),
      width: plan.output.size.width,
      height: plan.output.size.height,
      durationMs: plan.output.durationMs,
      fps,
      seed: options.seed ?? null,
    },
    notes: plan.notes,
    output: { durationMs: plan.output.durationMs, size: plan.output.size, audio: false },
    estimatedCostUsd: estimateCostUsd(plan.model, plan.output.durationMs, plan.output.size),
  };
}

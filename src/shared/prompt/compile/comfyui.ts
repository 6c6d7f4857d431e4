/**
 * A ComfyUI server: the creator's workflow receives positive and negative text plus the
 * length, size, frame rate and seed to put into its nodes. The workflow decides its own
 * limits, so nothing is clamped here; shots are merged because a workflow takes one prompt.
 */
import type { Continuation } from '../continuation';
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
  /** The workflow's video loader gets the source clip (uploaded at submission). */
  videoInput?: true;
}

export type ComfyCompiled = Compiled<'comfyui', ComfyRequest>;

export function compileComfy(doc: PromptDoc, options: CompileOptions = {}, continuation?: Continuation): ComfyCompiled {
  const plan = planSinglePrompt('comfyui', doc, options, [], continuation);
  const fps = options.fps ?? PROVIDERS.comfyui.fps?.default ?? 24;
  const request: ComfyRequest = {
    positive: plan.text,
    negative: plan.negatives.map(exclusionTerm).join(', '),
    width: plan.output.size.width,
    height: plan.output.size.height,
    durationMs: plan.output.durationMs,
    fps,
    seed: options.seed ?? null,
  };
  if (continuation?.mode === 'video-input') request.videoInput = true;
  return {
    provider: 'comfyui',
    model: plan.model.id,
    endpoint: endpointFor(plan.model),
    request,
    notes: plan.notes,
    output: { durationMs: plan.output.durationMs, size: plan.output.size, audio: false },
    estimatedCostUsd: estimateCostUsd(plan.model, plan.output.durationMs, plan.output.size),
  };
}

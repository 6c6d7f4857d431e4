/**
 * Google Veo through the Gemini API: one prompt, one negative prompt, a length of 4, 6
 * or 8 seconds and an aspect ratio with a resolution. The model id goes in the URL, so
 * the body holds only instances and parameters.
 */
import { estimateCostUsd } from '../providers';
import type { PromptDoc } from '../types';
import { endpointFor, exclusionTerm, planSinglePrompt } from './plan';
import type { CompileOptions, Compiled } from './types';

export interface VeoRequest {
  instances: [{ prompt: string }];
  parameters: {
    aspectRatio: string;
    resolution: string;
    durationSeconds: number;
    /** What to leave out, listed plainly: Veo's guide asks for "close-ups", not "no close-ups". */
    negativePrompt?: string;
  };
}

export type VeoCompiled = Compiled<'veo', VeoRequest>;

export function compileVeo(doc: PromptDoc, options: CompileOptions = {}): VeoCompiled {
  const plan = planSinglePrompt('veo', doc, options);
  const negative = plan.negatives.map(exclusionTerm).join(', ');
  const parameters: VeoRequest['parameters'] = {
    aspectRatio: plan.output.choice?.value ?? '16:9',
    resolution: plan.output.choice?.resolution ?? '720p',
    durationSeconds: plan.output.durationMs / 1000,
  };
  if (negative !== '') parameters.negativePrompt = negative;
  return {
    provider: 'veo',
    model: plan.model.id,
    endpoint: endpointFor(plan.model),
    request: { instances: [{ prompt: plan.text }], parameters },
    notes: plan.notes,
    output: { durationMs: plan.output.durationMs, size: plan.output.size, audio: true },
    estimatedCostUsd: estimateCostUsd(plan.model, plan.output.durationMs, plan.output.size),
  };
}

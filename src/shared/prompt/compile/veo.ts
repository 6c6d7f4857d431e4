/**
 * Google Veo through the Gemini API: one prompt, one negative prompt, a length of 4, 6
 * or 8 seconds and an aspect ratio with a resolution. The model id goes in the URL, so
 * the body holds only instances and parameters.
 */
import { continuedDurationMs, VEO_EXTENSION_MS, type Continuation } from '../continuation';
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

/**
 * With an extension the body is the same shape: the source video is named at submission (it is
 * the earlier operation's own output, which only the service can hand back), and the length and
 * resolution are the ones Veo extends at.
 */
export function compileVeo(doc: PromptDoc, options: CompileOptions = {}, continuation?: Continuation): VeoCompiled {
  const plan = planSinglePrompt('veo', doc, options, [], continuation);
  const negative = plan.negatives.map(exclusionTerm).join(', ');
  const parameters: VeoRequest['parameters'] = {
    aspectRatio: plan.output.choice?.value ?? '16:9',
    resolution: plan.output.choice?.resolution ?? '720p',
    durationSeconds: plan.output.durationMs / 1000,
  };
  if (negative !== '') parameters.negativePrompt = negative;
  const durationMs = continuation ? continuedDurationMs(continuation, plan.output.durationMs) : plan.output.durationMs;
  if (continuation?.mode === 'extend') {
    plan.notes.push({
      kind: 'merged',
      what: 'extension',
      detail: `Veo continues the clip by about ${VEO_EXTENSION_MS / 1000} s and returns it with the extension as one ${durationMs / 1000} s clip.`,
    });
  }
  return {
    provider: 'veo',
    model: plan.model.id,
    endpoint: endpointFor(plan.model),
    request: { instances: [{ prompt: plan.text }], parameters },
    notes: plan.notes,
    output: { durationMs, size: plan.output.size, audio: true },
    estimatedCostUsd: estimateCostUsd(plan.model, plan.output.durationMs, plan.output.size),
  };
}

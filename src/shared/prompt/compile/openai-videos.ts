/**
 * OpenAI-compatible video endpoints (POST /v1/videos): a prompt, seconds as the string
 * "4", "8" or "12", and a size string such as "1280x720". No negative prompt, so negatives
 * travel inside the text.
 */
import { estimateCostUsd } from '../providers';
import type { PromptDoc } from '../types';
import { endpointFor, planSinglePrompt } from './plan';
import type { CompileOptions, Compiled } from './types';

export type VideoSeconds = '4' | '8' | '12';

export interface OpenAIVideosRequest {
  model: string;
  prompt: string;
  seconds: VideoSeconds;
  size: string;
}

export type OpenAIVideosCompiled = Compiled<'openai-videos', OpenAIVideosRequest>;

function toSeconds(ms: number): VideoSeconds {
  const s = String(ms / 1000);
  // planOutput only ever picks from the table's 4, 8 and 12.
  return s === '8' || s === '12' ? s : '4';
}

export function compileOpenAIVideos(doc: PromptDoc, options: CompileOptions = {}): OpenAIVideosCompiled {
  const plan = planSinglePrompt('openai-videos', doc, options);
  return {
    provider: 'openai-videos',
    model: plan.model.id,
    endpoint: endpointFor(plan.model),
    request: {
      model: plan.model.id,
      prompt: plan.text,
      seconds: toSeconds(plan.output.durationMs),
      size: plan.output.choice?.value ?? '1280x720',
    },
    notes: plan.notes,
    output: { durationMs: plan.output.durationMs, size: plan.output.size, audio: plan.audio },
    estimatedCostUsd: estimateCostUsd(plan.model, plan.output.durationMs, plan.output.size),
  };
}

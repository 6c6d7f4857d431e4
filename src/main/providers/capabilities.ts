/**
 * What each provider can do, for the queue and the UI. Durations, sizes, audio, negative
 * prompt, remix and price come from the shared limits table (src/shared/prompt/providers.ts),
 * which the compiler and linter read too, so a limit lives in one place; this adds what only
 * the runtime knows: whether a job can be stopped or found again, and whether it costs money.
 */
import type { CompiledOutput } from '../../shared/prompt/compile/types';
import { continueModesOf, type ContinueMode } from '../../shared/prompt/continuation';
import {
  estimateCostUsd,
  modelFor,
  PROVIDERS,
  type ModelLimits,
  type ModelPrice,
  type ProviderId,
  type ProviderLimits,
} from '../../shared/prompt/providers';

export interface ProviderCapabilities {
  id: ProviderId;
  label: string;
  runsOn: ProviderLimits['runsOn'];
  /** Some model has a price above zero: submissions are recorded first and checked against the budget. */
  paid: boolean;
  /** 'remote': the service has a cancel call. 'local-only': Shotline stops tracking, the service may finish. */
  cancel: 'worker' | 'remote' | 'local-only';
  /** The service can be searched for a submission whose answer was lost. */
  lookup: boolean;
  /** Some model takes a remix of an earlier clip. */
  remix: boolean;
  /** The provider's own ways to carry a clip on (extend, video to video, video input), from the limits table. */
  continueModes: ContinueMode[];
  /** How many jobs run at once unless the creator says otherwise. */
  defaultConcurrency: number;
  /** Set for providers kept only for compatibility, with the reason. */
  legacy: { since: string; note: string } | null;
  /** Per-model limits and prices (with the price's source and the date it was read). */
  models: readonly ModelLimits[];
  defaultModel: string;
  docs: string;
}

interface RuntimeTraits {
  cancel: ProviderCapabilities['cancel'];
  lookup: boolean;
  defaultConcurrency: number;
  legacy?: ProviderCapabilities['legacy'];
}

const TRAITS: Record<ProviderId, RuntimeTraits> = {
  local: { cancel: 'worker', lookup: false, defaultConcurrency: 1 },
  // Prompts carry an id Shotline chooses, so /history and /queue answer "do you have it?".
  comfyui: { cancel: 'remote', lookup: true, defaultConcurrency: 1 },
  // The Gemini API has no cancel for video operations and no way to find one by request.
  veo: { cancel: 'local-only', lookup: false, defaultConcurrency: 2 },
  // DELETE /v1/tasks/{id} cancels; there is no endpoint that lists tasks.
  runway: { cancel: 'remote', lookup: false, defaultConcurrency: 2 },
  // GET /v1/videos lists recent videos with their prompt; there is no cancel for a running video.
  'openai-videos': {
    cancel: 'local-only',
    lookup: true,
    defaultConcurrency: 2,
    legacy: {
      since: '2026-09',
      note: 'OpenAI ended its own video service in September 2026. Use this with a compatible /v1/videos endpoint and set its base URL.',
    },
  },
};

export function capabilitiesOf(id: ProviderId): ProviderCapabilities {
  const limits = PROVIDERS[id];
  const traits = TRAITS[id];
  return {
    id,
    label: limits.label,
    runsOn: limits.runsOn,
    paid: limits.models.some((model) => model.price.usdPerSecond > 0),
    cancel: traits.cancel,
    lookup: traits.lookup,
    remix: limits.models.some((model) => model.remix),
    continueModes: continueModesOf(id),
    defaultConcurrency: traits.defaultConcurrency,
    legacy: traits.legacy ?? null,
    models: limits.models,
    defaultModel: limits.defaultModel,
    docs: limits.docs,
  };
}

export interface CostEstimate {
  usd: number;
  /** The price it was worked out from, with its source and the day it was read. */
  price: ModelPrice;
}

/** What a clip of this length and size would cost, at the price the limits table records. */
export function estimateCost(id: ProviderId, model: string, output: CompiledOutput): CostEstimate {
  const { model: limits } = modelFor(id, model);
  return { usd: estimateCostUsd(limits, output.durationMs, output.size, output.audio), price: limits.price };
}

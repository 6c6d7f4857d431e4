/**
 * One reading of the prompt for every view: the editor's marks, the Problems list, the shots
 * and the compiled preview all come from the same parse + lint of the same text.
 */
import { lint, PROVIDERS, type LintResult, type ProviderId } from '../../../../shared/prompt/index';

export interface Target {
  provider: ProviderId;
  /** A model id from the provider table. */
  model: string;
}

export interface Analysis {
  text: string;
  result: LintResult;
  target: Target;
}

export function analyse(text: string, target: Target): Analysis {
  return { text, target, result: lint(text, { provider: target.provider, model: target.model }) };
}

export const DEFAULT_TARGET: Target = { provider: 'local', model: PROVIDERS.local.defaultModel };

/** A model id that belongs to the provider, else the provider's default. */
export function targetFor(provider: ProviderId, model?: string | null): Target {
  const limits = PROVIDERS[provider];
  const known = limits.models.some((m) => m.id === model);
  return { provider, model: known && model ? model : limits.defaultModel };
}

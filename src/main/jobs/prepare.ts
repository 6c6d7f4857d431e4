/**
 * Turning an enqueue or edit request into a job row: the input is checked against its schema,
 * the project, clip and provider must exist, the prompt is linted and compiled with the shared
 * compiler (so a job stores exactly the body its provider will receive), a remix must name a
 * clip its provider can remix, and a paid job must fit the month's budget.
 */
import type { Database } from 'better-sqlite3';
import { StudioError } from '../../shared/errors';
import type { JobParams } from '../../shared/jobs';
import { compile } from '../../shared/prompt/compile/index';
import type { CompileOptions } from '../../shared/prompt/compile/types';
import {
  continueModel,
  continueProblem,
  CONTINUE_MODES,
  type Continuation,
  type ContinueMode,
} from '../../shared/prompt/continuation';
import type { Diagnostic } from '../../shared/prompt/diagnostics';
import { lint } from '../../shared/prompt/lint';
import { modelFor, PROVIDERS, type ProviderId } from '../../shared/prompt/providers';
import type { ContinueRef, Provider, ProviderRegistry } from '../providers/types';
import type { Ledger } from './ledger';
import type { JobStore, NewJob } from './store';

type ModelInfo = ReturnType<typeof modelFor>['model'];

/** A compiled job, less where it goes (project, parent, priority) and its idempotency key. */
export type Prepared = Omit<NewJob, 'projectId' | 'idempotencyKey' | 'parentClipId' | 'priority'>;

export interface PrepareRequest {
  provider: ProviderId;
  promptText: string;
  options: CompileOptions;
  remix: boolean;
  parentClipId: number | null;
  /** Carry the parent clip on this way instead of regenerating it. */
  continueMode: ContinueMode | null;
}

export interface PrepareDeps {
  db: Database;
  jobs: JobStore;
  ledger: Ledger;
  providers: ProviderRegistry;
  newSeed: () => number;
  now: () => number;
}

/** "The prompt has 2 errors to fix before it can be queued: line 3: …; line 5: …" */
export function describePromptErrors(errors: readonly Diagnostic[]): string {
  const shown = errors.slice(0, 3).map((d) => `line ${d.range.line}: ${d.message}`);
  const more = errors.length > shown.length ? `; and ${errors.length - shown.length} more` : '';
  const count = errors.length === 1 ? '1 error' : `${errors.length} errors`;
  return `The prompt has ${count} to fix before it can be queued: ${shown.join('; ')}${more}`;
}

interface SafeParser<T> {
  safeParse(
    input: unknown,
  ): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
}

/** The input as its schema reads it, or an error naming the call and the first field that was wrong. */
export function parseInput<T>(schema: SafeParser<T>, input: unknown, call: string): T {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : 'input';
  throw new StudioError('invalid_input', `${call}: ${where}: ${issue?.message ?? 'invalid'}`);
}

export class JobPreparation {
  constructor(private readonly d: PrepareDeps) {}

  provider(id: ProviderId): Provider {
    const found = this.d.providers.get(id);
    if (!found) throw new StudioError('invalid_input', `${PROVIDERS[id].label} is not available in this studio.`);
    return found;
  }

  requireReady(id: ProviderId): void {
    const readiness = this.provider(id).ready();
    if (!readiness.ok)
      throw new StudioError('invalid_input', readiness.message ?? `${PROVIDERS[id].label} is not set up.`);
  }

  checkBudget(costEstimateUsd: number, exceptJobId: number | null): void {
    if (costEstimateUsd > 0) this.d.ledger.check(costEstimateUsd, { exceptJobId, includeQueued: true });
  }

  assertProject(projectId: number): void {
    const row = this.d.db
      .prepare<[number], { id: number }>('SELECT id FROM projects WHERE id = ? AND deleted_at IS NULL')
      .get(projectId);
    if (!row) throw new StudioError('not_found', `Project ${projectId} does not exist; it may have been deleted.`);
  }

  assertClip(clipId: number): void {
    const row = this.d.db.prepare<[number], { id: number }>('SELECT id FROM clips WHERE id = ?').get(clipId);
    if (!row) throw new StudioError('not_found', `Clip ${clipId} does not exist; it may have been deleted.`);
  }

  /** Lints and compiles the prompt for its provider and model; errors a creator can act on. */
  prepare(r: PrepareRequest): Prepared {
    const id = r.provider;
    const continued = r.continueMode === null ? null : this.continuation(r, r.continueMode);
    const asked = continued ? { ...r.options, model: continued.model } : r.options;
    const { model, known } = modelFor(id, asked.model);
    if (!known) {
      const names = PROVIDERS[id].models.map((m) => m.id).join(', ');
      throw new StudioError(
        'invalid_input',
        `${PROVIDERS[id].label} has no model "${asked.model ?? ''}"; choose one of ${names}.`,
      );
    }
    const seed = asked.seed ?? (model.seed ? this.d.newSeed() : undefined);
    const { doc, diagnostics } = lint(r.promptText, {
      provider: id,
      model: model.id,
      ...(continued
        ? {
            continueFrom: {
              mode: continued.continuation.mode,
              source: continued.continuation.source,
              now: this.d.now(),
            },
          }
        : {}),
    });
    const errors = diagnostics.filter((d) => d.severity === 'error');
    if (errors.length > 0) throw new StudioError('invalid_input', describePromptErrors(errors));
    if (model.requiresVideo === true && !continued) {
      throw new StudioError(
        'invalid_input',
        `${model.label} remakes an existing clip: open a clip, choose Remix and “${CONTINUE_MODES['video-to-video'].label}”, or choose another model.`,
      );
    }
    const compiled = compile(id, doc, { ...asked, ...(seed === undefined ? {} : { seed }) }, continued?.continuation);
    const remixOf = r.remix ? this.remixSource(id, model, r.parentClipId) : null;
    const request = compiled.request;
    const params: JobParams = {
      model: compiled.model,
      durationMs: compiled.output.durationMs,
      width: compiled.output.size.width,
      height: compiled.output.size.height,
      audio: compiled.output.audio,
      fps: 'fps' in request && typeof request.fps === 'number' ? request.fps : null,
      seed: seed ?? null,
      remix: r.remix,
      continueMode: r.continueMode,
      options: r.options,
    };
    return {
      provider: id,
      model: compiled.model,
      promptText: r.promptText,
      promptJson: JSON.stringify(doc),
      params,
      seed: seed ?? null,
      request: { model: compiled.model, request, remixOf, continueFrom: continued?.ref ?? null },
      costEstimateUsd: compiled.estimatedCostUsd,
      notes: compiled.notes,
    };
  }

  /** The parent clip as the continue rules see it, the model that takes the mode, and what the provider is told. */
  private continuation(
    r: PrepareRequest,
    mode: ContinueMode,
  ): { continuation: Continuation; model: string; ref: ContinueRef } {
    const label = PROVIDERS[r.provider].label;
    const name = CONTINUE_MODES[mode].label;
    if (r.parentClipId === null)
      throw new StudioError('invalid_input', `continueFrom: choose the clip to carry on with “${name}”.`);
    if (r.remix)
      throw new StudioError('invalid_input', 'continueFrom: a job either remixes or continues a clip, not both.');
    const source = this.d.jobs.continueSource(r.parentClipId);
    if (!source) throw new StudioError('not_found', `Clip ${r.parentClipId} does not exist; it may have been deleted.`);
    const problem = continueProblem(r.provider, r.options.model, mode, source, this.d.now());
    if (problem !== null) throw new StudioError('invalid_input', problem);
    const provider = this.provider(r.provider);
    const ready = provider.kind === 'remote' ? provider.continueReady?.(mode) : undefined;
    if (ready && !ready.ok)
      throw new StudioError('invalid_input', ready.message ?? `${label} cannot do “${name}” as set up.`);
    const model = continueModel(r.provider, mode, r.options.model);
    if (!model) throw new StudioError('invalid_input', `${label} has no model that can do “${name}”.`);
    return {
      continuation: { mode, source },
      model: model.id,
      ref: { mode, clipId: r.parentClipId, remoteId: source.remoteId },
    };
  }

  /** The remote id a remote provider remixes (null for the built-in engine, which remixes from the prompt). */
  private remixSource(id: ProviderId, model: ModelInfo, parentClipId: number | null): string | null {
    if (parentClipId === null)
      throw new StudioError('invalid_input', 'remix: choose the clip to remix (parentClipId).');
    if (!model.remix)
      throw new StudioError('invalid_input', `${model.label} cannot remix a clip; choose another model or provider.`);
    if (id === 'local') return null;
    const origin = this.d.jobs.clipOrigin(parentClipId);
    if (origin?.provider !== id || origin.remoteId === null) {
      throw new StudioError(
        'invalid_input',
        `${PROVIDERS[id].label} can remix only clips it made itself; clip ${parentClipId} was made ${origin ? `with ${origin.provider}` : 'elsewhere'}.`,
      );
    }
    return origin.remoteId;
  }
}

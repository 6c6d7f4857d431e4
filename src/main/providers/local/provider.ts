/**
 * The built-in engine as a provider. The engine itself is injected (it runs in a worker
 * owned by whoever builds the studio); this adapter checks the request and hands it over.
 */
import { z } from 'zod';
import type { PromptDoc } from '../../../shared/prompt/types';
import type { LocalRequest } from '../../../shared/prompt/compile/local';
import { capabilitiesOf, estimateCost } from '../capabilities';
import { ProviderError } from '../errors';
import type { LocalProvider, LocalRender, LocalRenderContext, LocalRenderResult, ProviderJob } from '../types';

const LocalRequestSchema = z.object({
  // Checked for shape only: the document came from the parser, and a stricter check here
  // would turn any drift between parser and schema into a job that can never render.
  doc: z.custom<PromptDoc>(
    (value) => typeof value === 'object' && value !== null && Array.isArray((value as { shots?: unknown }).shots),
    'the prompt structure is missing',
  ),
  shotDurationsMs: z.array(z.number().int().positive()).min(1),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  fps: z.number().positive(),
  seed: z.number().int().nullable(),
});

export function parseLocalRequest(request: unknown): LocalRequest {
  const parsed = LocalRequestSchema.safeParse(request);
  if (!parsed.success) {
    throw new ProviderError(
      'rejected',
      `The built-in engine cannot read this job's request: ${parsed.error.issues[0]?.message ?? 'invalid'}.`,
    );
  }
  return parsed.data;
}

export function createLocalProvider(render: LocalRender | null): LocalProvider {
  return {
    kind: 'local',
    id: 'local',
    capabilities: capabilitiesOf('local'),
    estimateCost: (model, output) => estimateCost('local', model, output),
    ready: () =>
      render ? { ok: true } : { ok: false, message: 'The built-in engine is not available in this build of Shotline.' },
    async render(job: ProviderJob, context: LocalRenderContext): Promise<LocalRenderResult> {
      if (!render)
        throw new ProviderError('not_configured', 'The built-in engine is not available in this build of Shotline.');
      return render(parseLocalRequest(job.request), context);
    },
  };
}

/** The clip a project's draft remixes, kept with the draft so any window on the library sees it. */
import { z } from 'zod';
import { RowId } from '../domain';
import { ContinueMode } from '../prompt/continuation';

export const RemixLink = z.object({
  clipId: RowId,
  title: z.string().max(1000),
  provider: z.string().max(200),
  model: z.string().max(200).nullable(),
  width: z.number().int().positive().nullable(),
  height: z.number().int().positive().nullable(),
  seed: z.number().int().nullable(),
  keepSeed: z.boolean(),
  /** Carry the clip on with the provider's own means instead of regenerating it; absent or null: Regenerate. */
  continueMode: ContinueMode.nullable().optional(),
});
export type RemixLink = z.infer<typeof RemixLink>;

/** What every compiler returns: exactly the provider's request body, and what changed on the way. */
import { z } from 'zod';
import type { ProviderId } from '../providers';
import { FrameSize } from '../types';

export const CompileNoteKind = z.enum(['dropped', 'clamped', 'merged']);
export type CompileNoteKind = z.infer<typeof CompileNoteKind>;

export const CompileNote = z.object({
  kind: CompileNoteKind,
  /** The part of the prompt affected: "duration", "size", "audio", "shots", "negatives". */
  what: z.string(),
  /** One sentence a creator can act on. */
  detail: z.string(),
});
export type CompileNote = z.infer<typeof CompileNote>;

export const CompileOptions = z.object({
  /** A model id from the provider table; the provider's default when absent. */
  model: z.string().optional(),
  /** Overrides the prompt's Size. */
  size: FrameSize.optional(),
  fps: z.number().positive().optional(),
  seed: z.number().int().nonnegative().optional(),
  /** A start image (HTTPS URL or data URI) for image-to-video models. */
  promptImage: z.string().min(1).optional(),
});
export type CompileOptions = z.infer<typeof CompileOptions>;

export interface CompiledOutput {
  durationMs: number;
  size: FrameSize;
  /** The clip will have sound. */
  audio: boolean;
}

export interface Compiled<P extends ProviderId, R> {
  provider: P;
  model: string;
  /** Method and path, from the provider table, with the model filled in. */
  endpoint: string;
  /** Exactly the body the provider receives. */
  request: R;
  notes: CompileNote[];
  /** The clip the provider will make. */
  output: CompiledOutput;
  /** At the table's price; 0 for engines on your own hardware. */
  estimatedCostUsd: number;
}

import { z } from 'zod';

/** The words the built-in engine understands, per prompt key (for autocomplete). */
export const EngineVocabulary = z.object({
  scene: z.array(z.string()),
  camera: z.array(z.string()),
  motion: z.array(z.string()),
  audio: z.array(z.string()),
  style: z.array(z.string()),
});
export type EngineVocabulary = z.infer<typeof EngineVocabulary>;

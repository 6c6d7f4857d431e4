/** The marks a creator puts on a clip besides stars and tags. */
import { z } from 'zod';

export const CLIP_FLAGS = ['pick', 'reject'] as const;
export const ClipFlag = z.enum(CLIP_FLAGS);
export type ClipFlag = z.infer<typeof ClipFlag>;

export const COLOR_LABELS = ['red', 'orange', 'yellow', 'green', 'blue', 'purple'] as const;
export const ColorLabel = z.enum(COLOR_LABELS);
export type ColorLabel = z.infer<typeof ColorLabel>;

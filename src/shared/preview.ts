/**
 * The contract's live preview calls and events. The Prompt view asks for one shot (or the whole
 * prompt); the studio answers with a `preview.started`, then one `preview.frame` per frame (JPEG,
 * base64) and one `preview.sound` (WAV, base64), all tagged with the id the caller chose. A new
 * preview cancels the one before it, so frames of a stale preview never queue up.
 */
import { z } from 'zod';
import { MAX_PROMPT_CHARS } from './prompt/parse';
import { NotUnderstood } from './renderReport';

/** A preview is drawn this size and rate: small enough to draw several times faster than it plays. */
export const PREVIEW_WIDTH = 480;
export const PREVIEW_HEIGHT = 270;
export const PREVIEW_FPS = 12;
/** A longer prompt previews its first minute. */
export const PREVIEW_MAX_MS = 60_000;

export const PreviewId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'a preview id is 1 to 64 letters, digits, "-" or "_"');

export const previewCalls = {
  /**
   * Draws shot `shot` (zero-based), or every shot when `shot` is null, and streams it as events.
   * Resolves when the last frame and the sound have been sent, or when a newer preview or a
   * cancel stopped it ('canceled'); rejects when the prompt cannot be previewed, saying why.
   */
  'preview.start': {
    input: z.strictObject({
      previewId: PreviewId,
      text: z
        .string()
        .max(
          MAX_PROMPT_CHARS,
          `a prompt to preview must be at most ${MAX_PROMPT_CHARS.toLocaleString('en-US')} characters`,
        ),
      shot: z.number().int().min(0, 'shot numbers start at 0').max(9999).nullable(),
    }),
    output: z.object({ status: z.enum(['done', 'canceled']), frames: z.number().int().nonnegative() }),
  },
  /** Starts the preview worker ahead of the first preview, when the Prompt view opens. */
  'preview.warm': {
    input: z.strictObject({}),
    output: z.object({ ok: z.literal(true) }),
  },
  'preview.cancel': {
    input: z.strictObject({ previewId: PreviewId }),
    output: z.object({ ok: z.literal(true) }),
  },
} as const;

export const PreviewStarted = z.object({
  previewId: z.string(),
  fromShot: z.number().int().nonnegative(),
  toShot: z.number().int().nonnegative(),
  /** Shots in the whole prompt. */
  shots: z.number().int().positive(),
  /** Where the preview starts in the whole clip. */
  startMs: z.number().nonnegative(),
  durationMs: z.number().positive(),
  frames: z.number().int().positive(),
  fps: z.number().positive(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  /** What the engine did not understand in the shots previewed (a render's report lists the same). */
  notUnderstood: z.array(NotUnderstood),
});
export type PreviewStarted = z.infer<typeof PreviewStarted>;

export const previewEvents = {
  'preview.started': PreviewStarted,
  /** Base64 is checked where it is decoded: a regular expression over megabytes of sound would stall the view. */
  'preview.frame': z.object({ previewId: z.string(), index: z.number().int().nonnegative(), jpeg: z.string() }),
  'preview.sound': z.object({ previewId: z.string(), wav: z.string() }),
} as const;

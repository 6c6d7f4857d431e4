/**
 * The structure of a prompt: a title, an optional output size and one or more shots.
 * A value the schema accepts is exactly a value that survives format → parse unchanged,
 * so the refinements below spell out what "canonical" means for each field.
 */
import { z } from 'zod';
import { MAX_TIME_MS } from '../time';
import { formatAudioEvent, isOneAudioItem, readAudioItem } from './audio';
import { isCanonicalSpeaker } from './dialogue';
import { cleanItem, isCanonicalItem, isCanonicalText } from './text';

export const Millis = z.number().int().min(0).max(MAX_TIME_MS);

const Text = z.string().refine(isCanonicalText, 'must be one line without leading, trailing or repeated spaces');
const NonEmptyText = Text.refine((s) => s !== '', 'must not be empty');
const Item = z
  .string()
  .refine(isCanonicalItem, 'must be a non-empty item without commas, semicolons or a closing full stop');

/** An item of an Audio line: commas and semicolons only inside double quotes, which the line keeps whole. */
const AudioItem = z
  .string()
  .refine(
    (text) => text !== '' && cleanItem(text) === text,
    'must be a non-empty item without a closing full stop or extra spaces',
  );

export const AudioEvent = z
  .object({
    /** What is heard, in the creator's words: "soft water splash", or "glass, breaking" (written in quotes). */
    label: AudioItem.refine((label) => {
      const written = formatAudioEvent({ label, startMs: 0, endMs: null });
      if (!isOneAudioItem(written)) return false;
      const { item, problems } = readAudioItem(written);
      return problems.length === 0 && item.kind === 'event' && item.label === label;
    }, 'must not contain a time phrase of its own, or a double quote beside a comma or semicolon'),
    /** Relative to the start of the shot. */
    startMs: Millis,
    /** Null for a one-off sound ("at 00:03"); set for a sound with a span ("from 00:02 to 00:06"). */
    endMs: Millis.nullable(),
  })
  .refine((e) => e.endMs === null || e.endMs > e.startMs, {
    error: 'a sound must end after it starts',
    path: ['endMs'],
  });
export type AudioEvent = z.infer<typeof AudioEvent>;

export const Ambience = AudioItem.refine((text) => {
  if (!isOneAudioItem(text)) return false;
  const { item, problems } = readAudioItem(text);
  return problems.length === 0 && item.kind === 'ambience' && item.text === text;
}, 'must not contain a time phrase (timed sounds are events), nor a comma or semicolon outside double quotes');

export const ShotAudio = z.object({
  /** Sounds for the whole shot. */
  ambience: z.array(Ambience),
  events: z.array(AudioEvent),
});
export type ShotAudio = z.infer<typeof ShotAudio>;

export const DialogueLine = z.object({
  /** Relative to the start of the shot. */
  atMs: Millis,
  speaker: z.string().refine(isCanonicalSpeaker, 'must be a name without colons'),
  line: Text,
});
export type DialogueLine = z.infer<typeof DialogueLine>;

export const Shot = z.object({
  /** From a heading line "Shot 2: Rooftop"; null when the shot has none. */
  title: NonEmptyText.nullable(),
  scene: Text,
  camera: Text,
  motion: Text,
  audio: ShotAudio,
  dialogue: z.array(DialogueLine),
  /** The style in effect for this shot, whether written here or carried over. */
  style: Text,
  /** The negatives in effect for this shot, whether written here or carried over. */
  negative: z.array(Item),
  /**
   * Which of style and negative were carried over from an earlier shot rather than
   * written in this one; the UI shows them as inherited and the formatter leaves them out.
   */
  inherited: z.object({ style: z.boolean(), negative: z.boolean() }),
  /** Null when the shot does not say; providers then pick a length. */
  durationMs: Millis.refine((ms) => ms > 0, 'a shot must last longer than 0s').nullable(),
});
export type Shot = z.infer<typeof Shot>;

export const FrameSize = z.object({
  width: z.number().int().min(1).max(16_384),
  height: z.number().int().min(1).max(16_384),
});
export type FrameSize = z.infer<typeof FrameSize>;

export const PromptDoc = z
  .object({
    /** Names the whole prompt (and the clip in the library). */
    title: NonEmptyText.nullable(),
    /** The output frame size the creator asked for, if any. */
    size: FrameSize.nullable(),
    shots: z.array(Shot).min(1),
  })
  .superRefine((doc, ctx) => {
    doc.shots.forEach((shot, i) => {
      const prev = i > 0 ? doc.shots[i - 1] : undefined;
      const prevStyle = prev?.style ?? '';
      const prevNegative = prev?.negative ?? [];
      if (shot.inherited.style && (prevStyle === '' || shot.style !== prevStyle)) {
        ctx.addIssue({
          code: 'custom',
          path: ['shots', i, 'style'],
          message: 'an inherited style must equal the previous shot’s style',
        });
      }
      if (shot.inherited.negative && (prevNegative.length === 0 || !sameList(shot.negative, prevNegative))) {
        ctx.addIssue({
          code: 'custom',
          path: ['shots', i, 'negative'],
          message: 'inherited negatives must equal the previous shot’s negatives',
        });
      }
    });
  });
export type PromptDoc = z.infer<typeof PromptDoc>;

export function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

export function emptyShot(): Shot {
  return {
    title: null,
    scene: '',
    camera: '',
    motion: '',
    audio: { ambience: [], events: [] },
    dialogue: [],
    style: '',
    negative: [],
    inherited: { style: false, negative: false },
    durationMs: null,
  };
}

/** Whether a shot has no scene, camera, motion, sound, dialogue or length of its own. */
function showsAndSaysNothing(shot: Shot): boolean {
  return (
    shot.scene === '' &&
    shot.camera === '' &&
    shot.motion === '' &&
    shot.audio.ambience.length === 0 &&
    shot.audio.events.length === 0 &&
    shot.dialogue.length === 0 &&
    shot.durationMs === null
  );
}

/** A shot with nothing of its own to show or hear. Carried-over style and negatives do not count. */
export function isEmptyShot(shot: Shot): boolean {
  return (
    showsAndSaysNothing(shot) &&
    (shot.inherited.style || shot.style === '') &&
    (shot.inherited.negative || shot.negative.length === 0)
  );
}

/**
 * A shot that holds nothing but a Style or Negative of its own and no title: at the top of a prompt,
 * before its first heading or separator, such lines are for every shot, not a shot of their own.
 */
export function holdsOnlyCarried(shot: Shot): boolean {
  return shot.title === null && showsAndSaysNothing(shot) && (shot.style !== '' || shot.negative.length > 0);
}

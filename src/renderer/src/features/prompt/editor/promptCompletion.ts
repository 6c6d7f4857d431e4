/**
 * Autocomplete: the keys a prompt understands at the start of a line, and camera vocabulary
 * on Camera lines. The built-in engine's own vocabulary joins here once the engine exposes it.
 */
import type { CompletionContext, CompletionResult, Completion } from '@codemirror/autocomplete';
import { KEY_LABELS, PROMPT_KEYS, resolveKey, type PromptKey } from '../../../../../shared/prompt/index';

const KEY_HELP: Readonly<Record<PromptKey, string>> = {
  title: 'names the clip',
  size: 'frame size, like 1280x720',
  scene: 'who and what, where, doing what',
  camera: 'framing, height, lens and move',
  motion: 'what moves, in verbs',
  audio: 'ambience, and sounds at 00:05',
  dialogue: '[00:02] Name: "line"',
  style: 'light, colour, texture',
  negative: 'what to leave out: no …',
  duration: 'shot length, like 8s',
};

const KEY_OPTIONS: Completion[] = PROMPT_KEYS.map((key, i) => ({
  label: KEY_LABELS[key],
  apply: `${KEY_LABELS[key]}: `,
  detail: KEY_HELP[key],
  type: 'keyword',
  boost: PROMPT_KEYS.length - i,
}));

const CAMERA_TERMS = [
  'wide shot',
  'medium shot',
  'close-up',
  'extreme close-up',
  'over-the-shoulder',
  'two-shot',
  'point-of-view shot',
  'eye level',
  'low angle',
  'high angle',
  'top-down',
  'static',
  'locked off',
  'slow push-in',
  'pull-out',
  'dolly in',
  'tracking shot',
  'pan left',
  'pan right',
  'tilt up',
  'tilt down',
  'orbit',
  'crane up',
  'aerial drone shot',
  'hand-held',
  'whip pan',
  'rack focus',
  'shallow depth of field',
  '24mm',
  '35mm',
  '50mm',
  '85mm',
].map((label): Completion => ({ label, type: 'text' }));

export function promptCompletions(context: CompletionContext): CompletionResult | null {
  const line = context.state.doc.lineAt(context.pos);
  const before = line.text.slice(0, context.pos - line.from);

  // A key at the start of a line: letters only so far, no colon yet.
  const keyStart = /^\s*([A-Za-z]*)$/.exec(before);
  if (keyStart) {
    const typed = keyStart[1] ?? '';
    if (typed === '' && !context.explicit) return null;
    return { from: context.pos - typed.length, options: KEY_OPTIONS, validFor: /^[A-Za-z]*$/ };
  }

  // Camera vocabulary inside a Camera line's value.
  const keyed = /^\s*([A-Za-z][A-Za-z -]{0,40}?)\s*:/.exec(line.text);
  if (keyed && resolveKey(keyed[1] ?? '') === 'camera') {
    const word = context.matchBefore(/[\w-]+$/);
    if (!word && !context.explicit) return null;
    if (word && word.to - word.from < 2 && !context.explicit) return null;
    return { from: word ? word.from : context.pos, options: CAMERA_TERMS, validFor: /^[\w-]*$/ };
  }
  return null;
}

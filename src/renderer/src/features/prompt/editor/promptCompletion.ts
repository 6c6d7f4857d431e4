/**
 * Autocomplete: the keys a prompt understands at the start of a line, and inside a Scene,
 * Camera, Motion, Audio or Style line the words the built-in engine understands there
 * (asked of the studio once), with common camera terms on Camera lines.
 */
import type { CompletionContext, CompletionResult, Completion, CompletionSource } from '@codemirror/autocomplete';
import type { EngineVocabulary } from '../../../../../shared/contract';
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

type VocabularyKey = keyof EngineVocabulary;
const VOCABULARY_KEYS: readonly VocabularyKey[] = ['scene', 'camera', 'motion', 'audio', 'style'];

function isVocabularyKey(key: PromptKey | null): key is VocabularyKey {
  return key !== null && (VOCABULARY_KEYS as readonly string[]).includes(key);
}

/** Completion options per key, built once per vocabulary. */
function optionsFor(vocabulary: EngineVocabulary | null): Record<VocabularyKey, Completion[]> {
  const words = (key: VocabularyKey): Completion[] =>
    (vocabulary?.[key] ?? []).map((label): Completion => ({ label, type: 'text', detail: 'built-in engine' }));
  const cameraLabels = new Set(CAMERA_TERMS.map((term) => term.label));
  return {
    scene: words('scene'),
    camera: [...CAMERA_TERMS, ...words('camera').filter((word) => !cameraLabels.has(word.label))],
    motion: words('motion'),
    audio: words('audio'),
    style: words('style'),
  };
}

/** The completion source; `vocabulary` returns the engine's words once the studio has sent them. */
export function promptCompletions(vocabulary: () => EngineVocabulary | null): CompletionSource {
  let cachedFor: EngineVocabulary | null | undefined;
  let cached = optionsFor(null);
  return (context: CompletionContext): CompletionResult | null => {
    const line = context.state.doc.lineAt(context.pos);
    const before = line.text.slice(0, context.pos - line.from);

    // A key at the start of a line: letters only so far, no colon yet.
    const keyStart = /^\s*([A-Za-z]*)$/.exec(before);
    if (keyStart) {
      const typed = keyStart[1] ?? '';
      if (typed === '' && !context.explicit) return null;
      return { from: context.pos - typed.length, options: KEY_OPTIONS, validFor: /^[A-Za-z]*$/ };
    }

    // The engine's words inside a Scene, Camera, Motion, Audio or Style line's value.
    const keyed = /^\s*([A-Za-z][A-Za-z -]{0,40}?)\s*:/.exec(line.text);
    const key = keyed ? resolveKey(keyed[1] ?? '') : null;
    if (!isVocabularyKey(key)) return null;
    const current = vocabulary();
    if (current !== cachedFor) {
      cachedFor = current;
      cached = optionsFor(current);
    }
    const options = cached[key];
    if (options.length === 0) return null;
    const word = context.matchBefore(/[\w-]+$/);
    if (!word && !context.explicit) return null;
    if (word && word.to - word.from < 2 && !context.explicit) return null;
    return { from: word ? word.from : context.pos, options, validFor: /^[\w-]*$/ };
  };
}

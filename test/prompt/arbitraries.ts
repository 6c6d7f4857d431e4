/**
 * fast-check generators of valid prompt structures, for the round-trip property and for
 * compiler properties. The vocabulary includes words that tempt the parser ("at", "from",
 * "Shot", quotes, colons); structures the schema refuses are filtered out, so every value
 * produced is one that format → parse must return unchanged.
 */
import fc from 'fast-check';
import { PromptDoc, type AudioEvent, type DialogueLine, type Shot } from '../../src/shared/prompt/types';

const VOCABULARY = [
  'lantern',
  'river',
  'girl',
  'rises',
  'drifts',
  'slow',
  'push-in',
  '50mm',
  'warm',
  'soft',
  'wind',
  'chime',
  'door',
  'slams',
  'rain',
  'the',
  'a',
  'over',
  'golden',
  'crickets',
  'café',
  'naïve',
  "it's",
  'Mr.',
  'at',
  'dusk',
  'from',
  'to',
  'Shot',
  '2',
  'note:',
  '"quoted"',
  'glass,',
  'wet;',
  '(aside)',
  '—',
  '[bracket]',
  '---',
];

const word = fc.constantFrom(...VOCABULARY);
const phrase = fc.array(word, { minLength: 1, maxLength: 6 }).map((ws) => ws.join(' '));
const maybeText = fc.oneof(fc.constant(''), phrase);
const millis = fc.integer({ min: 0, max: 120_000 });

const event: fc.Arbitrary<AudioEvent> = fc
  .record({ label: phrase, startMs: millis, endMs: fc.option(millis, { nil: null }) })
  .map((e) => ({ ...e, endMs: e.endMs === null ? null : e.startMs + 1 + (e.endMs % 30_000) }));

const speaker = fc.constantFrom('Girl', 'Old Man', 'Narrator', 'Zoë', 'B-2');
const dialogue: fc.Arbitrary<DialogueLine> = fc.record({ atMs: millis, speaker, line: maybeText });

interface ShotSpec {
  title: string | null;
  scene: string;
  camera: string;
  motion: string;
  ambience: string[];
  events: AudioEvent[];
  dialogue: DialogueLine[];
  /** null: not written, so an earlier style carries over. */
  style: string | null;
  negative: string[] | null;
  durationMs: number | null;
}

const shotSpec: fc.Arbitrary<ShotSpec> = fc.record({
  title: fc.option(phrase, { nil: null }),
  scene: maybeText,
  camera: maybeText,
  motion: maybeText,
  ambience: fc.array(phrase, { maxLength: 3 }),
  events: fc.array(event, { maxLength: 3 }),
  dialogue: fc.array(dialogue, { maxLength: 3 }),
  style: fc.option(maybeText, { nil: null }),
  negative: fc.option(fc.array(phrase, { maxLength: 3 }), { nil: null }),
  durationMs: fc.option(fc.integer({ min: 1, max: 120_000 }), { nil: null }),
});

/** Resolves carry-over the way the parser does, so "inherited" is always truthful. */
export function buildDoc(title: string | null, size: PromptDoc['size'], specs: readonly ShotSpec[]): PromptDoc {
  const shots: Shot[] = [];
  let prevStyle = '';
  let prevNegative: string[] = [];
  for (const spec of specs) {
    const inheritStyle = spec.style === null && prevStyle !== '';
    const inheritNegative = spec.negative === null && prevNegative.length > 0;
    const style = spec.style ?? (inheritStyle ? prevStyle : '');
    const negative = spec.negative ?? (inheritNegative ? [...prevNegative] : []);
    shots.push({
      title: spec.title,
      scene: spec.scene,
      camera: spec.camera,
      motion: spec.motion,
      audio: { ambience: spec.ambience, events: spec.events },
      dialogue: spec.dialogue,
      style,
      negative,
      inherited: { style: inheritStyle, negative: inheritNegative },
      durationMs: spec.durationMs,
    });
    prevStyle = style;
    prevNegative = negative;
  }
  return { title, size, shots };
}

export const promptDoc: fc.Arbitrary<PromptDoc> = fc
  .record({
    title: fc.option(phrase, { nil: null }),
    size: fc.option(
      fc.record({ width: fc.integer({ min: 1, max: 4096 }), height: fc.integer({ min: 1, max: 4096 }) }),
      { nil: null },
    ),
    shots: fc.array(shotSpec, { minLength: 1, maxLength: 5 }),
  })
  .map(({ title, size, shots }) => buildDoc(title, size, shots))
  .filter((doc) => PromptDoc.safeParse(doc).success);

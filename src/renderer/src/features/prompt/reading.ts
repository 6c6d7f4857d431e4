/**
 * How a prompt was read, for the "How it was read" panel: for each shot, the phrases each field
 * got (from prose, routed by the shared prose reader, or from a key line), and the pieces of text
 * that were not used. It only rearranges what the parse already knows; it reads nothing itself.
 */
import type { Diagnostic, DiagnosticCode, ParseResult, QuickFix, ShotKey } from '../../../../shared/prompt/index';
import type { ProseTarget } from '../../../../shared/prompt/prose';

export type ReadingField = Exclude<ShotKey, 'duration'> | 'timing';

export const READING_FIELDS: readonly { field: ReadingField; label: string }[] = [
  { field: 'scene', label: 'Scene' },
  { field: 'camera', label: 'Camera' },
  { field: 'motion', label: 'Motion' },
  { field: 'audio', label: 'Audio' },
  { field: 'dialogue', label: 'Dialogue' },
  { field: 'style', label: 'Style' },
  { field: 'negative', label: 'Negative' },
  { field: 'timing', label: 'Shot timing' },
];

export interface ReadPhrase {
  text: string;
  from: number;
  to: number;
  /** Routed from prose, or written under the field's key. */
  how: 'prose' | 'key';
}

export interface ShotReading {
  index: number;
  title: string | null;
  fields: { field: ReadingField; label: string; phrases: ReadPhrase[] }[];
}

export interface UnusedText {
  text: string;
  why: string;
  from: number;
  to: number;
}

export interface Reading {
  /** Whether any shot was written as prose: the panel is about those. */
  hasProse: boolean;
  shots: ShotReading[];
  unused: UnusedText[];
  /** Rewrites the whole prompt in keyed form, exactly as it was read; null when there is no prose. */
  convert: { diagnostic: Diagnostic; fix: QuickFix } | null;
}

const PROSE_FIELD: Readonly<Record<ProseTarget, ReadingField>> = {
  scene: 'scene',
  camera: 'camera',
  style: 'style',
  audio: 'audio',
  dialogue: 'dialogue',
  negative: 'negative',
};

const KEY_OF: Readonly<Record<ReadingField, ShotKey>> = {
  scene: 'scene',
  camera: 'camera',
  motion: 'motion',
  audio: 'audio',
  dialogue: 'dialogue',
  style: 'style',
  negative: 'negative',
  timing: 'duration',
};

/** Findings whose text the prompt drops: a time, a size or a line it could not read, a second time on one sound. */
const DROPPED: ReadonlySet<DiagnosticCode> = new Set([
  'bad-time',
  'bad-range',
  'bad-size',
  'bad-dialogue',
  'unterminated-quote',
  'event-label-missing',
  'multiple-times',
]);

export function readingOf(text: string, result: ParseResult & { diagnostics: readonly Diagnostic[] }): Reading {
  const shots = result.source.shots.map((source, index): ShotReading => {
    const fields = READING_FIELDS.map(({ field, label }) => {
      const keyed: ReadPhrase[] = (source.fields[KEY_OF[field]] ?? []).map(({ value }) => ({
        text: text.slice(value.from, value.to),
        from: value.from,
        to: value.to,
        how: 'key',
      }));
      const prose: ReadPhrase[] = source.prose
        .filter((phrase) => PROSE_FIELD[phrase.target] === field)
        .map((phrase) => ({ text: phrase.text, from: phrase.span.from, to: phrase.span.to, how: 'prose' }));
      const phrases = [...keyed, ...prose].filter((p) => p.text.trim() !== '').sort((a, b) => a.from - b.from);
      return { field, label, phrases };
    });
    return { index, title: result.doc.shots[index]?.title ?? null, fields };
  });
  const unused = result.diagnostics
    .filter((d) => DROPPED.has(d.code))
    .map((d) => ({ text: text.slice(d.range.from, d.range.to), why: d.message, from: d.range.from, to: d.range.to }));
  const prose = result.diagnostics.find((d) => d.code === 'text-outside-key');
  const fix = prose?.fixes.find((f) => f.title === 'Convert to structured');
  return {
    hasProse: result.source.shots.some((s) => s.prose.length > 0),
    shots,
    unused,
    convert: prose && fix ? { diagnostic: prose, fix } : null,
  };
}

/**
 * What changed between two versions of a clip: the prompt, word by word, organised by shot and
 * key; timed sounds and dialogue compared in milliseconds; and the generation parameters. Pure,
 * so the core stores it with a remix and the Compare view draws it from the same function.
 */
import { diffWords } from 'diff';
import { z } from 'zod';
import { parse } from '../prompt/parse';
import type { PromptDoc, Shot } from '../prompt/types';

/** The keys a shot is compared by, in the order the formatter writes them. */
export const DIFF_KEYS = ['scene', 'camera', 'motion', 'audio', 'dialogue', 'style', 'negative'] as const;
export const DiffKey = z.enum(DIFF_KEYS);
export type DiffKey = z.infer<typeof DiffKey>;

export const DIFF_KEY_LABELS: Readonly<Record<DiffKey, string>> = {
  scene: 'Scene',
  camera: 'Camera',
  motion: 'Motion',
  audio: 'Audio',
  dialogue: 'Dialogue',
  style: 'Style',
  negative: 'Negative',
};

export const WordPart = z.object({ text: z.string(), op: z.enum(['same', 'added', 'removed']) });
export type WordPart = z.infer<typeof WordPart>;

/** One key of one shot whose words differ. */
export const FieldDiff = z.object({
  key: DiffKey,
  before: z.string(),
  after: z.string(),
  words: z.array(WordPart),
});
export type FieldDiff = z.infer<typeof FieldDiff>;

/** A timed sound or dialogue line in either version, matched by what is heard. */
export const TimedDiff = z.object({
  key: z.enum(['audio', 'dialogue']),
  label: z.string(),
  beforeMs: z.number().int().nullable(),
  afterMs: z.number().int().nullable(),
  /** after − before; null when the event is only in one version. */
  deltaMs: z.number().int().nullable(),
  change: z.enum(['same', 'moved', 'added', 'removed']),
});
export type TimedDiff = z.infer<typeof TimedDiff>;

export const ShotDiff = z.object({
  /** 0-based. */
  index: z.number().int().nonnegative(),
  title: z.string().nullable(),
  change: z.enum(['same', 'changed', 'added', 'removed']),
  /** Only the keys whose words differ. */
  fields: z.array(FieldDiff),
  /** Every timed event of the shot in either version, unchanged ones included. */
  timed: z.array(TimedDiff),
});
export type ShotDiff = z.infer<typeof ShotDiff>;

export const ParamName = z.enum(['provider', 'model', 'seed', 'size']);
export type ParamName = z.infer<typeof ParamName>;

export const PARAM_LABELS: Readonly<Record<ParamName, string>> = {
  provider: 'Provider',
  model: 'Model',
  seed: 'Seed',
  size: 'Size',
};

export const ParamChange = z.object({ name: ParamName, before: z.string().nullable(), after: z.string().nullable() });
export type ParamChange = z.infer<typeof ParamChange>;

export const PromptDiff = z.object({
  title: z.object({ before: z.string().nullable(), after: z.string().nullable() }).nullable(),
  shots: z.array(ShotDiff),
  params: z.array(ParamChange),
});
export type PromptDiff = z.infer<typeof PromptDiff>;

/** What of a version the diff reads besides its prompt. */
export interface VersionFacts {
  promptText: string | null;
  provider: string;
  model: string | null;
  seed: number | null;
  width: number | null;
  height: number | null;
}

function fieldText(shot: Shot | undefined, key: DiffKey): string {
  if (!shot) return '';
  switch (key) {
    case 'audio':
      // Times are compared in milliseconds below, so words here are only what is heard.
      return [...shot.audio.ambience, ...shot.audio.events.map((e) => e.label)].join(', ');
    case 'dialogue':
      return shot.dialogue.map((d) => `${d.speaker}: ${d.line}`).join(' / ');
    case 'negative':
      return shot.negative.join(', ');
    default:
      return shot[key];
  }
}

function wordParts(before: string, after: string): WordPart[] {
  return diffWords(before, after).map((c) => ({
    text: c.value,
    op: c.added ? 'added' : c.removed ? 'removed' : 'same',
  }));
}

interface Timed {
  key: 'audio' | 'dialogue';
  label: string;
  atMs: number;
}

function timedOf(shot: Shot | undefined): Timed[] {
  if (!shot) return [];
  return [
    ...shot.audio.events.map((e) => ({ key: 'audio' as const, label: e.label, atMs: e.startMs })),
    ...shot.dialogue.map((d) => ({ key: 'dialogue' as const, label: `${d.speaker}: ${d.line}`, atMs: d.atMs })),
  ];
}

/** Events are matched by key and label, the nth occurrence with the nth, so a repeated sound pairs in order. */
function compareTimed(before: Timed[], after: Timed[]): TimedDiff[] {
  const unmatched = [...after];
  const out: TimedDiff[] = [];
  for (const b of before) {
    const at = unmatched.findIndex((a) => a.key === b.key && a.label === b.label);
    const a = at >= 0 ? unmatched.splice(at, 1)[0] : undefined;
    if (!a) {
      out.push({ key: b.key, label: b.label, beforeMs: b.atMs, afterMs: null, deltaMs: null, change: 'removed' });
      continue;
    }
    const deltaMs = a.atMs - b.atMs;
    out.push({
      key: b.key,
      label: b.label,
      beforeMs: b.atMs,
      afterMs: a.atMs,
      deltaMs,
      change: deltaMs === 0 ? 'same' : 'moved',
    });
  }
  for (const a of unmatched)
    out.push({ key: a.key, label: a.label, beforeMs: null, afterMs: a.atMs, deltaMs: null, change: 'added' });
  return out.sort((x, y) => (x.afterMs ?? x.beforeMs ?? 0) - (y.afterMs ?? y.beforeMs ?? 0));
}

function compareShot(index: number, before: Shot | undefined, after: Shot | undefined): ShotDiff {
  const fields: FieldDiff[] = [];
  for (const key of DIFF_KEYS) {
    const b = fieldText(before, key);
    const a = fieldText(after, key);
    if (a !== b) fields.push({ key, before: b, after: a, words: wordParts(b, a) });
  }
  const timed = compareTimed(timedOf(before), timedOf(after));
  const durationChanged = (before?.durationMs ?? null) !== (after?.durationMs ?? null);
  const change = !before
    ? 'added'
    : !after
      ? 'removed'
      : fields.length > 0 || durationChanged || timed.some((t) => t.change !== 'same')
        ? 'changed'
        : 'same';
  return { index, title: after?.title ?? before?.title ?? null, change, fields, timed };
}

function docOf(text: string | null): PromptDoc | null {
  return text === null || text.trim() === '' ? null : parse(text).doc;
}

function sizeOf(v: VersionFacts): string | null {
  return v.width !== null && v.height !== null ? `${v.width}x${v.height}` : null;
}

function paramChanges(before: VersionFacts, after: VersionFacts): ParamChange[] {
  const pairs: [ParamName, string | null, string | null][] = [
    ['provider', before.provider, after.provider],
    ['model', before.model, after.model],
    ['seed', before.seed === null ? null : String(before.seed), after.seed === null ? null : String(after.seed)],
    ['size', sizeOf(before), sizeOf(after)],
  ];
  return pairs.filter(([, b, a]) => b !== a).map(([name, b, a]) => ({ name, before: b, after: a }));
}

/** The changes from `before` to `after`: every shot of either, the keys that differ, the parameters that moved. */
export function promptDiff(before: VersionFacts, after: VersionFacts): PromptDiff {
  const b = docOf(before.promptText);
  const a = docOf(after.promptText);
  const count = Math.max(b?.shots.length ?? 0, a?.shots.length ?? 0);
  const shots = Array.from({ length: count }, (_, i) => compareShot(i, b?.shots[i], a?.shots[i]));
  const titleBefore = b?.title ?? null;
  const titleAfter = a?.title ?? null;
  return {
    title: titleBefore === titleAfter ? null : { before: titleBefore, after: titleAfter },
    shots,
    params: paramChanges(before, after),
  };
}

/** True when nothing the diff compares differs. */
export function isUnchanged(diff: PromptDiff): boolean {
  return diff.title === null && diff.params.length === 0 && diff.shots.every((s) => s.change === 'same');
}

/** One line for the creator: "Shot 1: Style · Seed". */
export function summarise(diff: PromptDiff): string {
  const parts: string[] = [];
  if (diff.title) parts.push('Title');
  for (const shot of diff.shots) {
    if (shot.change === 'same') continue;
    const name = `Shot ${shot.index + 1}`;
    if (shot.change === 'added' || shot.change === 'removed') {
      parts.push(`${name} ${shot.change}`);
      continue;
    }
    const keys = new Set<string>(shot.fields.map((f) => DIFF_KEY_LABELS[f.key]));
    for (const t of shot.timed) if (t.change !== 'same') keys.add(DIFF_KEY_LABELS[t.key]);
    parts.push(keys.size > 0 ? `${name}: ${[...keys].join(', ')}` : `${name}: Duration`);
  }
  for (const p of diff.params) parts.push(PARAM_LABELS[p.name]);
  return parts.length === 0 ? 'No changes' : parts.join(' · ');
}

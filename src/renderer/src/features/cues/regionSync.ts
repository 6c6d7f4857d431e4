/**
 * What the waveform's regions must change to show the cues: only the cues that were added,
 * changed or removed are touched, so editing one of 2,000 cues redraws one region.
 */
import type { Cue } from '../../../../shared/cues/calls';
import { DEFAULT_KIND_COLORS, type CueKind } from '../../../../shared/cues/types';

export interface RegionDiff {
  add: Cue[];
  change: Cue[];
  remove: number[];
}

type KindColors = Readonly<Record<CueKind, string>>;

/** Everything about a cue that its region shows, its colour as drawn (its own, else its kind's). */
export function regionSignature(cue: Cue, lane: number | null, kindColors: KindColors = DEFAULT_KIND_COLORS): string {
  return `${cue.startMs}|${cue.endMs ?? ''}|${cue.label}|${cue.kind}|${cueColor(cue, kindColors)}|${cue.inherited ? 'i' : ''}|${lane ?? '-'}`;
}

/** Whether a cue shown with signature `before` differs now only in its label lane (as after a zoom). */
export function onlyLaneChanged(
  before: string | undefined,
  cue: Cue,
  kindColors: KindColors = DEFAULT_KIND_COLORS,
): boolean {
  if (before === undefined) return false;
  const body = regionSignature(cue, null, kindColors);
  return before.slice(0, before.lastIndexOf('|')) === body.slice(0, body.lastIndexOf('|'));
}

export function diffRegions(
  shown: ReadonlyMap<number, string>,
  cues: readonly Cue[],
  lanes: ReadonlyMap<number, number | null>,
  kindColors: KindColors = DEFAULT_KIND_COLORS,
): RegionDiff {
  const add: Cue[] = [];
  const change: Cue[] = [];
  const seen = new Set<number>();
  for (const cue of cues) {
    seen.add(cue.id);
    const before = shown.get(cue.id);
    if (before === undefined) add.push(cue);
    else if (before !== regionSignature(cue, lanes.get(cue.id) ?? null, kindColors)) change.push(cue);
  }
  const remove = [...shown.keys()].filter((id) => !seen.has(id));
  return { add, change, remove };
}

/** A cue's own colour, else its kind's (as the creator set the kinds' colours, else the defaults). */
export function cueColor(cue: Pick<Cue, 'kind' | 'color'>, kindColors: KindColors = DEFAULT_KIND_COLORS): string {
  return cue.color ?? kindColors[cue.kind];
}

/** #rrggbb → rgba with the given opacity, for range bands the waveform shows through. */
export function translucent(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

/**
 * Label rows so that labels never overlap: each cue (in time order) takes the first row whose
 * last label has ended `labelMs` before it; with every row taken its label is hidden (null).
 */
export function assignLanes(cues: readonly Cue[], labelMs: number, rows: number): Map<number, number | null> {
  const freeAt: number[] = Array.from({ length: rows }, () => -Infinity);
  const lanes = new Map<number, number | null>();
  for (const cue of cues) {
    const row = freeAt.findIndex((at) => at <= cue.startMs);
    lanes.set(cue.id, row === -1 ? null : row);
    if (row !== -1) freeAt[row] = cue.startMs + labelMs;
  }
  return lanes;
}

/** Which cue a drift report's direction belongs to, and how a drift reads. */
import type { Cue } from '../../../../shared/cues/calls';
import type { DriftDirection, DriftReport } from '../../../../shared/cues/drift';
import { dialogueOf } from '../../../../shared/cues/toPrompt';
import type { CueKind } from '../../../../shared/cues/types';

const SOUND_KINDS: ReadonlySet<CueKind> = new Set(['sfx', 'ambience', 'music']);

/** Labels compare as a prompt's Audio: line writes them: no commas or semicolons, any case. */
function normalise(label: string): string {
  return label.replace(/[,;]+/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** What a cue is called in a drift report: its label for a sound, `Speaker: "line"` for dialogue; null for a note. */
function directionLabel(cue: Cue): { label: string; dialogue: boolean } | null {
  if (cue.kind === 'dialogue') {
    const line = dialogueOf(cue, cue.startMs);
    return { label: normalise(`${line.speaker}: "${line.line}"`), dialogue: true };
  }
  return SOUND_KINDS.has(cue.kind) ? { label: normalise(cue.label), dialogue: false } : null;
}

/**
 * Each sound or dialogue cue paired with the direction of the same label whose asked time is nearest its
 * start, within the report's window; a direction and a cue pair at most once.
 */
export function driftByCue(cues: readonly Cue[], report: DriftReport | null): Map<number, DriftDirection> {
  const pairs: { cue: number; direction: number; distance: number }[] = [];
  if (!report) return new Map();
  const named = cues.flatMap((cue) => {
    const name = directionLabel(cue);
    return name ? [{ cue, ...name }] : [];
  });
  report.directions.forEach((direction, d) => {
    const label = normalise(direction.label);
    const dialogue = direction.kind === 'dialogue';
    for (const { cue, label: cueLabel, dialogue: cueDialogue } of named) {
      if (cueDialogue !== dialogue || cueLabel !== label) continue;
      const distance = Math.abs(cue.startMs - direction.askedMs);
      if (distance <= report.windowMs) pairs.push({ cue: cue.id, direction: d, distance });
    }
  });
  pairs.sort((a, b) => a.distance - b.distance);
  const byCue = new Map<number, DriftDirection>();
  const taken = new Set<number>();
  for (const pair of pairs) {
    const direction = report.directions[pair.direction];
    if (!direction || byCue.has(pair.cue) || taken.has(pair.direction)) continue;
    byCue.set(pair.cue, direction);
    taken.add(pair.direction);
  }
  return byCue;
}

/** "+150 ms", "−80 ms", "0 ms"; "not heard" when no onset was found. */
export function formatDrift(driftMs: number | null): string {
  if (driftMs === null) return 'not heard';
  if (driftMs === 0) return '0 ms';
  return `${driftMs > 0 ? '+' : '−'}${Math.abs(driftMs)} ms`;
}

/** Within a frame at 25 fps a sound reads as on time; past three frames it is plainly off. */
export type DriftTone = 'on-time' | 'near' | 'off' | 'missing';

export function driftTone(driftMs: number | null): DriftTone {
  if (driftMs === null) return 'missing';
  const off = Math.abs(driftMs);
  return off <= 40 ? 'on-time' : off <= 120 ? 'near' : 'off';
}

/** Which cue Tab and Shift+Tab go to: every cue in time order, both ways, one at a time. */
import type { Cue } from '../../../../shared/cues/calls';

/**
 * The cue after (direction 1) or before (−1) `fromId` in `cues` (already in time order, ties by
 * id, as the list shows them). With no cue to go from, the first cue at or after the playhead,
 * or the last at or before it: a cue sitting exactly at the playhead is never passed over.
 */
export function adjacentCue(
  cues: readonly Cue[],
  fromId: number | null,
  playheadMs: number,
  direction: 1 | -1,
): Cue | undefined {
  const from = fromId === null ? -1 : cues.findIndex((c) => c.id === fromId);
  if (from !== -1) return cues[from + direction];
  if (direction > 0) return cues.find((c) => c.startMs >= playheadMs);
  return cues.findLast((c) => c.startMs <= playheadMs);
}

/** The cue keys move from: the one last picked if it is still selected, else the first selected. */
export function cueToMoveFrom(
  cues: readonly Cue[],
  selected: ReadonlySet<number>,
  anchor: number | null,
): number | null {
  if (anchor !== null && selected.has(anchor)) return anchor;
  return cues.find((c) => selected.has(c.id))?.id ?? null;
}

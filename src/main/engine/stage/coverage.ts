/**
 * Conversation coverage: when two or more figures on screen speak in a shot, the camera opens on
 * a two-shot, then cuts to each speaker as their line begins (shot and reverse shot, from over the
 * other's shoulder), and returns to the two-shot once the talking is done.
 */
import { speechMs } from '../../../shared/prompt/dialogue';
import type { CameraMoveId } from '../vocabulary/camera';
import type { ShotScene } from '../scene';
import type { StagedFigure } from './types';

/** From `t` (seconds) on, the camera frames the figure `on`, or everyone when it is null. */
export interface CoverageCut {
  t: number;
  on: string | null;
}

/** Moves that leave room for coverage; any other move is the shot the creator asked for, kept whole. */
const COVERABLE = new Set<CameraMoveId>(['static', 'handheld', 'pushIn', 'zoomIn']);
/** The least time a framing is held before the next cut, seconds. */
const HOLD = 1;

export function coverageOf(scene: ShotScene, figures: readonly StagedFigure[]): CoverageCut[] {
  const plan = scene.camera;
  if (plan.closeUp !== null || plan.moves.some((m) => !COVERABLE.has(m.id))) return [];
  const onScreen = new Set(figures.map((f) => f.key));
  const lines = [...scene.dialogue].filter((l) => onScreen.has(l.entity)).sort((a, b) => a.atMs - b.atMs);
  if (new Set(lines.map((l) => l.entity)).size < 2) return [];
  const duration = scene.durationMs / 1000;
  const cuts: CoverageCut[] = [{ t: 0, on: null }];
  const last = (): CoverageCut => cuts[cuts.length - 1] ?? { t: 0, on: null };
  lines.forEach((line, i) => {
    const at = Math.max(0, line.atMs / 1000 - 0.15);
    // The opening two-shot holds through a first line that starts at once.
    if (i === 0 && at < 1.5) return;
    if (last().on === line.entity || at - last().t < HOLD || duration - at < HOLD) return;
    cuts.push({ t: at, on: line.entity });
  });
  const end = Math.max(...lines.map((l) => (l.atMs + speechMs(l.line)) / 1000)) + 0.4;
  if (last().on !== null && duration - end >= 1.5 && end - last().t >= HOLD) cuts.push({ t: end, on: null });
  return cuts.length > 1 ? cuts : [];
}

/** Who the camera frames at time t: a figure's key, or null for everyone. */
export function coveredAt(cuts: readonly CoverageCut[], t: number): CoverageCut | null {
  let at: CoverageCut | null = null;
  for (const cut of cuts) if (cut.t <= t) at = cut;
  return at;
}

/**
 * Two players on one timeline: each side shows its clip at (timeline time + its offset), so an
 * offset lines up a remix whose action starts later. The audible side drives the clock; the
 * other follows and is put back in place when it drifts.
 */
export type Side = 'a' | 'b';

/** How far the following player may stray before it is moved back (seconds). */
export const MAX_DRIFT_S = 0.06;

export function otherSide(side: Side): Side {
  return side === 'a' ? 'b' : 'a';
}

/** Where a player stands at a timeline time, held inside its clip. */
export function sideTime(timelineS: number, offsetMs: number, durationS: number): number {
  const at = timelineS + offsetMs / 1000;
  return Math.min(Math.max(0, at), Number.isFinite(durationS) && durationS > 0 ? durationS : Math.max(0, at));
}

/**
 * An offset held within the side's own length either way: past it the side would only ever show
 * its first or last frame, and the shared clock would run far outside both clips.
 */
export function clampOffset(offsetMs: number, durationMs: number): number {
  if (!Number.isFinite(offsetMs)) return 0;
  const limit = Math.max(0, Math.round(durationMs));
  return Math.min(limit, Math.max(-limit, Math.round(offsetMs)));
}

/** The timeline time a player's own time stands for. */
export function timelineOf(playerS: number, offsetMs: number): number {
  return playerS - offsetMs / 1000;
}

/** The follower's time when it has drifted too far from where the leader says it should be, else null. */
export function correction(
  leaderS: number,
  leaderOffsetMs: number,
  followerS: number,
  followerOffsetMs: number,
  followerDurationS: number,
): number | null {
  const want = sideTime(timelineOf(leaderS, leaderOffsetMs), followerOffsetMs, followerDurationS);
  return Math.abs(want - followerS) > MAX_DRIFT_S ? want : null;
}

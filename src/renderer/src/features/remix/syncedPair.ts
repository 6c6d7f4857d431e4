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

/** How close to its end a player counts as finished (seconds). */
const END_S = 0.001;

/** Where a side stands at a timeline time: not started yet (a negative offset), inside its clip, or past its end. */
export type SidePhase = 'before' | 'within' | 'after';

export function sidePhase(timelineS: number, offsetMs: number, durationS: number): SidePhase {
  const at = timelineS + offsetMs / 1000;
  if (at < 0) return 'before';
  if (Number.isFinite(durationS) && durationS > 0 && at >= durationS - END_S) return 'after';
  return 'within';
}

/** What the transport reads of one player. */
export interface PlayerState {
  time: number;
  duration: number;
  paused: boolean;
  ended: boolean;
}

/** What to do to one player this frame. */
export interface PlayerAction {
  play?: true;
  pause?: true;
  seekTo?: number;
}

export interface TransportStep {
  /** The shared clock after this frame. */
  timelineS: number;
  /** Both sides are past their ends: playing stops. */
  done: boolean;
  actions: Record<Side, PlayerAction>;
}

/**
 * One frame of playing both sides. The clock is the audible side's player while it plays inside
 * its clip, else the other's, else the wall clock (neither has started, or one waits on an
 * offset). A side past its end holds its last frame (it is never played again, which would start
 * it over), a side not started yet waits on its first, and the shared clock runs until both are done.
 */
export function transportStep(
  timelineS: number,
  elapsedS: number,
  players: Record<Side, PlayerState>,
  offsets: Record<Side, number>,
  audible: Side,
): TransportStep {
  const leads = (side: Side): boolean => {
    const player = players[side];
    return !player.paused && !player.ended && sidePhase(timelineS, offsets[side], player.duration) === 'within';
  };
  const lead = leads(audible) ? audible : leads(otherSide(audible)) ? otherSide(audible) : null;
  const now = lead === null ? timelineS + elapsedS : timelineOf(players[lead].time, offsets[lead]);
  const actions: Record<Side, PlayerAction> = { a: {}, b: {} };
  let done = true;
  for (const side of ['a', 'b'] as const) {
    const player = players[side];
    const phase = sidePhase(now, offsets[side], player.duration);
    const want = sideTime(now, offsets[side], player.duration);
    const action = actions[side];
    if (phase === 'within') {
      done = false;
      if (player.paused || player.ended) {
        action.play = true;
        if (Math.abs(want - player.time) > MAX_DRIFT_S || player.ended) action.seekTo = want;
      } else if (side !== lead && Math.abs(want - player.time) > MAX_DRIFT_S) {
        action.seekTo = want;
      }
      continue;
    }
    if (phase === 'before') done = false;
    if (!player.paused && !player.ended) action.pause = true;
    if (Math.abs(want - player.time) > END_S && !(phase === 'after' && player.ended)) action.seekTo = want;
  }
  return { timelineS: now, done, actions };
}

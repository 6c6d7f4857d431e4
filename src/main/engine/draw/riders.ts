/**
 * Riders drawn on their mounts: a cyclist pedalling, a rider in the saddle, a rower pulling the
 * oars. Drawn in the mount's own sketch (metres, x along its facing), in the rider's colours.
 */
import type { Look } from '../stage/look';
import { hex, type RGB } from './palette';
import type { Sketch } from './sketch';

type Pt = [number, number];

export interface RiderPose {
  mount: 'bicycle' | 'horse' | 'boat' | 'canoe';
  view: 'side' | 'front' | 'back';
  /** Pedal, stride or stroke phase, radians. */
  phase: number;
  /** Height of the seat's base for boats and horses, metres. */
  base?: number;
}

/** A knee or elbow between two points, bending toward `bend` (1 forward, -1 back). */
function joint(a: Pt, b: Pt, upper: number, lower: number, bend: 1 | -1): Pt {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const d = Math.min(upper + lower - 1e-3, Math.hypot(dx, dy));
  const along = (upper * upper - lower * lower + d * d) / (2 * d);
  const h = Math.sqrt(Math.max(0, upper * upper - along * along));
  const ux = dx / Math.max(1e-6, Math.hypot(dx, dy));
  const uy = dy / Math.max(1e-6, Math.hypot(dx, dy));
  return [a[0] + ux * along - uy * h * bend, a[1] + uy * along + ux * h * bend];
}

export function drawRider(k: Sketch, lit: (c: RGB, k?: number) => string, look: Look, pose: RiderPose): void {
  const top = lit(hex(look.top));
  const legs = lit(hex(look.bottom));
  const skin = lit(hex(look.skin));
  const hair = lit(hex(look.hair));
  if (pose.view !== 'side') {
    drawRiderEndOn(k, { top, legs, skin, hair }, pose);
    return;
  }
  const seat: Pt =
    pose.mount === 'bicycle' ? [-0.2, 1.0] : pose.mount === 'horse' ? [-0.1, pose.base ?? 1.5] : [0, pose.base ?? 0.4];
  const row = pose.mount === 'boat' ? Math.sin(pose.phase) : 0;
  const lean = pose.mount === 'bicycle' ? 0.75 : pose.mount === 'horse' ? 0.15 : 0.35 * row;
  const torso = 0.55;
  const shoulder: Pt = [seat[0] + Math.sin(lean) * torso, seat[1] + Math.cos(lean) * torso];
  const head: Pt = [shoulder[0] + Math.sin(lean) * 0.2, shoulder[1] + Math.cos(lean) * 0.2];
  const hands: Pt =
    pose.mount === 'bicycle'
      ? [0.4, 1.05]
      : pose.mount === 'horse'
        ? [seat[0] + 0.45, seat[1] + 0.25]
        : pose.mount === 'boat'
          ? [seat[0] + 0.35 + 0.3 * row, seat[1] + 0.3]
          : [seat[0] + 0.3, seat[1] + 0.35 + 0.2 * Math.sin(pose.phase)];
  // Legs: to the pedals, into the stirrups, or folded in the boat.
  const feet: Pt[] =
    pose.mount === 'bicycle'
      ? [0, Math.PI].map((o): Pt => [Math.cos(pose.phase + o) * 0.16, 0.34 + Math.sin(pose.phase + o) * 0.16])
      : pose.mount === 'horse'
        ? [[seat[0] + 0.12, seat[1] - 0.75]]
        : [[seat[0] + 0.6, seat[1] - 0.05]];
  for (const foot of feet) {
    const knee = joint(seat, foot, 0.46, 0.46, 1);
    k.line([seat, knee, foot], legs, 0.12);
  }
  k.line([seat, shoulder], top, 0.24);
  const elbow = joint(shoulder, hands, 0.3, 0.3, -1);
  k.line([shoulder, elbow, hands], top, 0.08);
  k.circle(hands[0], hands[1], 0.045, skin);
  k.circle(head[0], head[1], 0.115, skin);
  k.poly(
    [
      [head[0] - 0.13, head[1] - 0.02 - 0.1 * look.hairLength],
      [head[0] - 0.12, head[1] + 0.08],
      [head[0] + 0.02, head[1] + 0.13],
      [head[0] + 0.1, head[1] + 0.06],
      [head[0] - 0.04, head[1] + 0.02],
    ],
    hair,
  );
  if (pose.mount === 'boat' || pose.mount === 'canoe') {
    // The oar or paddle, from the hands down into the water.
    const wood = lit([120, 84, 52]);
    const blade: Pt =
      pose.mount === 'boat'
        ? [hands[0] - 1.3 - 0.5 * row, (pose.base ?? 0.4) - 0.55]
        : [hands[0] - 0.2 + 0.5 * Math.cos(pose.phase), (pose.base ?? 0.4) - 0.6];
    k.line([[hands[0] + 0.1, hands[1] + 0.05], blade], wood, 0.04);
  }
}

function drawRiderEndOn(
  k: Sketch,
  c: { top: string; legs: string; skin: string; hair: string },
  pose: RiderPose,
): void {
  const seatY = pose.mount === 'bicycle' ? 1.0 : (pose.base ?? 1.5);
  for (const side of [-1, 1]) {
    const up = pose.mount === 'bicycle' ? Math.sin(pose.phase + (side > 0 ? 0 : Math.PI)) * 0.14 : 0;
    const footY = pose.mount === 'bicycle' ? 0.34 + up : seatY - 0.75;
    const footX = side * (pose.mount === 'bicycle' ? 0.12 : 0.38);
    k.line(
      [
        [side * 0.1, seatY],
        [side * 0.15, (seatY + footY) / 2 + 0.08],
        [footX, footY],
      ],
      c.legs,
      0.12,
    );
  }
  k.rect(-0.19, seatY - 0.05, 0.38, 0.6, c.top, 0.08);
  const hands = pose.mount === 'bicycle' ? 0.3 : 0.16;
  for (const side of [-1, 1]) {
    k.line(
      [
        [side * 0.17, seatY + 0.5],
        [side * hands, seatY + (pose.mount === 'bicycle' ? 0.0 : 0.25)],
      ],
      c.top,
      0.08,
    );
  }
  const headY = seatY + 0.72;
  k.circle(0, headY, 0.115, pose.view === 'back' ? c.hair : c.skin);
  if (pose.view === 'front') k.rect(-0.12, headY + 0.04, 0.24, 0.09, c.hair, 0.04);
}

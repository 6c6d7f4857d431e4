/**
 * A cockpit or flight deck, drawn in the room's place: the windscreen across the front with the sky
 * beyond it, the glareshield and instrument panel with its lit displays and dials below it, the
 * centre pedestal with its throttle levers, and the two pilots' seats.
 */
import type { SKRSContext2D } from '@napi-rs/canvas';
import { project, type CameraState } from '../../camera';
import type { Random } from '../../random';
import { cockpitSeats } from '../../stage/seats';
import { hex, scale, type Palette } from '../palette';
import { fillFace } from './face';
import { box } from './room';

export { isCockpit } from '../../vocabulary/places';

export function drawCockpit(
  ctx: SKRSContext2D,
  cam: CameraState,
  p: Palette,
  r: Random,
  backWallZ: number,
  halfWidth: number,
): void {
  const zb = backWallZ - 0.04;
  const hw = halfWidth;
  const shell = hex('#3a3e44');
  const frame = hex('#24272c');
  // The windscreen: four panes across the front, the sky beyond them.
  const top = 2.6;
  const sill = 1.35;
  const left = project(cam, { x: 0, y: top, z: zb });
  const right = project(cam, { x: 0, y: sill, z: zb });
  if (left && right) {
    const sky = ctx.createLinearGradient(0, left.y, 0, right.y);
    sky.addColorStop(0, p.css(p.sky(0.9)));
    sky.addColorStop(1, p.css(p.sky(0.15)));
    fillFace(
      ctx,
      cam,
      [
        { x: -hw + 0.3, y: sill, z: zb },
        { x: hw - 0.3, y: sill, z: zb },
        { x: hw - 0.6, y: top, z: zb },
        { x: -hw + 0.6, y: top, z: zb },
      ],
      sky,
    );
  }
  // Struts between the panes, slanting in toward the roof.
  for (const x of [-hw + 0.3, -1.1, 0, 1.1, hw - 0.3]) {
    const lean = x === 0 ? 0 : Math.sign(x) * -0.3;
    box(ctx, cam, p, { x0: x - 0.07, x1: x + 0.07, y0: sill, y1: top, z0: zb - 0.08, z1: zb }, frame);
    if (lean !== 0)
      box(
        ctx,
        cam,
        p,
        { x0: x + lean - 0.05, x1: x + lean + 0.05, y0: top - 0.1, y1: top, z0: zb - 0.08, z1: zb },
        frame,
      );
  }
  box(ctx, cam, p, { x0: -hw, x1: hw, y0: top, y1: top + 0.4, z0: zb - 0.6, z1: zb }, shell);
  // The glareshield and the instrument panel under it, facing the seats.
  const panelZ = zb - 1.1;
  box(ctx, cam, p, { x0: -hw + 0.2, x1: hw - 0.2, y0: 0.55, y1: 1.3, z0: panelZ, z1: zb }, scale(shell, 0.8));
  box(ctx, cam, p, { x0: -hw + 0.15, x1: hw - 0.15, y0: 1.3, y1: 1.42, z0: panelZ - 0.15, z1: zb - 0.3 }, frame);
  // Displays: two before each seat and one in the middle, lit in the dark panel.
  const lit = p.night > 0.5 ? 1.25 : 1;
  for (const cx of [-2.0, -1.25, 0, 1.25, 2.0]) {
    if (Math.abs(cx) + 0.3 > hw - 0.2) continue;
    box(ctx, cam, p, { x0: cx - 0.28, x1: cx + 0.28, y0: 0.75, y1: 1.18, z0: panelZ - 0.01, z1: panelZ }, frame);
    const screen = cx === 0 ? hex('#2f6a4a') : hex('#1f3f7a');
    box(
      ctx,
      cam,
      p,
      { x0: cx - 0.24, x1: cx + 0.24, y0: 0.79, y1: 1.14, z0: panelZ - 0.02, z1: panelZ - 0.01 },
      scale(screen, lit),
    );
  }
  // Small dials and switches along the panel's top edge.
  const dial = hex('#e8c860');
  for (let x = -hw + 0.5; x < hw - 0.5; x += 0.32) {
    const at = project(cam, { x: x + r.range(-0.03, 0.03), y: 1.23, z: panelZ - 0.02 });
    if (!at) continue;
    ctx.fillStyle = p.css(p.lit(scale(dial, lit * r.range(0.6, 1))));
    ctx.beginPath();
    ctx.arc(at.x, at.y, Math.max(1, 0.03 * at.scale), 0, Math.PI * 2);
    ctx.fill();
  }
  // The centre pedestal and its throttle levers.
  box(ctx, cam, p, { x0: -0.35, x1: 0.35, y0: 0, y1: 0.85, z0: panelZ - 1.3, z1: panelZ }, scale(shell, 0.7));
  for (const x of [-0.18, -0.06, 0.06, 0.18])
    box(
      ctx,
      cam,
      p,
      { x0: x - 0.025, x1: x + 0.025, y0: 0.85, y1: 1.05, z0: panelZ - 0.8, z1: panelZ - 0.75 },
      hex('#c8c8c8'),
    );
  // The two seats, their backs to the camera (the pilots sit in them: stage/seats.ts).
  const seat = hex('#2a2a30');
  const seats = cockpitSeats(backWallZ);
  for (const cx of seats.xs) {
    const z0 = seats.z;
    box(ctx, cam, p, { x0: cx - 0.35, x1: cx + 0.35, y0: 0.4, y1: 0.55, z0: z0 - 0.1, z1: z0 + 0.5 }, seat);
    box(
      ctx,
      cam,
      p,
      { x0: cx - 0.33, x1: cx + 0.33, y0: 0.55, y1: 1.35, z0: z0 - 0.15, z1: z0 - 0.05 },
      scale(seat, 1.15),
    );
    box(ctx, cam, p, { x0: cx - 0.05, x1: cx + 0.05, y0: 0, y1: 0.4, z0: z0, z1: z0 + 0.3 }, frame);
  }
}

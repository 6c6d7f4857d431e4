/** A flat face of scenery in the world, drawn in perspective. */
import type { SKRSContext2D } from '@napi-rs/canvas';
import { project, type CameraState } from '../../camera';

export interface Point3 {
  x: number;
  y: number;
  z: number;
}

/** Fills the polygon through `pts` with a colour or gradient; nothing when a corner is behind the camera. */
export function fillFace(
  ctx: SKRSContext2D,
  cam: CameraState,
  pts: readonly Point3[],
  fill: string | ReturnType<SKRSContext2D['createLinearGradient']>,
): void {
  const sp = pts.map((q) => project(cam, q));
  ctx.fillStyle = fill;
  ctx.beginPath();
  for (const [i, q] of sp.entries()) {
    if (!q) return;
    if (i === 0) ctx.moveTo(q.x, q.y);
    else ctx.lineTo(q.x, q.y);
  }
  ctx.closePath();
  ctx.fill();
}

/**
 * Water drawn live each frame: the far bank's reflection, a low sun's path, shimmer drifting with
 * the current, surf and foam on the sea, and ripples spreading from where things touched it.
 */
import type { SKRSContext2D } from '@napi-rs/canvas';
import { groundY, project, projectDirection, type CameraState } from '../../camera';
import { Random } from '../../random';
import { rippleSpeed, type Ripple } from '../../simulate';
import type { Stage } from '../../stage/types';
import { fillVertical } from '../gradient';
import { hex, mix, scale, type Palette } from '../palette';
import { groundColor } from './groundColor';

/** The stretch of water on screen: its near and far distances and the pixel rows they meet. */
export interface WaterSpan {
  zNear: number;
  zFar: number;
  yNear: number;
  yFar: number;
}

export function drawWater(
  ctx: SKRSContext2D,
  cam: CameraState,
  p: Palette,
  stage: Stage,
  span: WaterSpan,
  t: number,
  ripples: readonly Ripple[],
): void {
  const kind = stage.layout.water?.kind ?? 'lake';
  if (span.zFar === stage.layout.water?.zMax) drawBankReflection(ctx, cam, p, stage, span);
  if (p.light.sunElevation < 15 && p.overcast < 0.7) drawSunPath(ctx, cam, p, span);
  drawShimmer(ctx, cam, p, stage, span, t, kind === 'river' ? 0.35 : 0.05);
  if (kind === 'ocean') drawSurf(ctx, cam, p, span, t);
  drawRipples(ctx, cam, p, span, t, ripples);
}

/** The far bank's reflection: the tree line and hills mirrored as a soft dark band below it. */
function drawBankReflection(ctx: SKRSContext2D, cam: CameraState, p: Palette, stage: Stage, span: WaterSpan): void {
  const { zFar, yNear, yFar } = span;
  const W = cam.width;
  const bankY = groundY(cam, zFar) ?? yFar;
  const treeZ = Math.max(zFar + 1, stage.layout.treeLineZ ?? zFar + 20);
  const reflH = Math.min(yNear - bankY, (cam.focal * 6) / Math.max(1, treeZ - cam.z));
  const dark = mix(p.lit(hex('#1d2b22'), treeZ), p.sky(0.05), 0.25);
  fillVertical(ctx, -W * 0.1, bankY, W * 1.2, reflH, [
    [0, p.rgba(dark, 0.6)],
    [1, p.rgba(dark, 0)],
  ]);
}

/** The glow of a low sun or afterglow, mirrored as a bright path on the water. */
function drawSunPath(ctx: SKRSContext2D, cam: CameraState, p: Palette, span: WaterSpan): void {
  const { yNear, yFar } = span;
  const sun = projectDirection(cam, -0.35, 0);
  const pathW = cam.width * 0.22;
  const sg = ctx.createRadialGradient(sun.x, yFar, 0, sun.x, yFar, pathW);
  sg.addColorStop(0, p.css(p.light.sun, 0.35));
  sg.addColorStop(1, p.css(p.light.sun, 0));
  ctx.globalCompositeOperation = 'lighter';
  ctx.fillStyle = sg;
  ctx.fillRect(sun.x - pathW, yFar, pathW * 2, Math.min(pathW, yNear - yFar));
  ctx.globalCompositeOperation = 'source-over';
}

/** Shimmer: short bright strokes that drift with the current. */
function drawShimmer(
  ctx: SKRSContext2D,
  cam: CameraState,
  p: Palette,
  stage: Stage,
  span: WaterSpan,
  t: number,
  current: number,
): void {
  const { zNear, zFar, yNear, yFar } = span;
  const nearCol = groundColor(p, stage, 'water', zNear);
  const r = new Random(stage.seed ^ 0x51f15);
  const shimmer = p.css(mix(p.sky(0.1), [255, 255, 255], 0.35), 0.35);
  const dark = p.css(scale(nearCol, 0.7), 0.35);
  for (let i = 0; i < 90; i++) {
    const z = zNear + Math.pow(r.next(), 1.8) * Math.min(80, zFar - zNear);
    if (z >= zFar) continue;
    const x0 = r.range(-30, 30);
    const x = ((x0 + t * current + 30) % 60) - 30;
    const a = project(cam, { x, y: 0, z });
    if (!a || a.y < yFar || a.y > yNear) continue;
    const len = a.scale * r.range(0.3, 1.1);
    const phase = Math.sin(t * 2.2 + i);
    ctx.fillStyle = phase > 0 ? shimmer : dark;
    ctx.fillRect(a.x - len / 2, a.y, len, Math.max(1, a.scale * 0.012));
  }
}

/** Lines of surf rolling in, and foam where they break on the sand. */
function drawSurf(ctx: SKRSContext2D, cam: CameraState, p: Palette, span: WaterSpan, t: number): void {
  const { zNear, yFar } = span;
  const W = cam.width;
  for (let k = 0; k < 8; k++) {
    const u = (k / 8 + t / 9) % 1;
    const z = zNear + 0.3 + (1 - u) * 30;
    const y = groundY(cam, z);
    if (y === null || y < yFar) continue;
    ctx.fillStyle = p.css(mix(p.lit(hex('#e8f0f2')), p.sky(0.1), 0.3), 0.25 + 0.5 * (1 - u));
    ctx.fillRect(-W * 0.1, y, W * 1.2, Math.max(1, (cam.focal * 0.05) / Math.max(1, z - cam.z)));
  }
  const foamY = groundY(cam, zNear + 0.2 + Math.sin(t * 0.8) * 0.3);
  if (foamY !== null) {
    ctx.fillStyle = p.css(p.lit(hex('#f2f6f6')), 0.8);
    ctx.fillRect(-W * 0.1, foamY - 1, W * 1.2, Math.max(2, cam.focal * 0.004));
  }
}

/** Ripples: rings that spread and fade. */
function drawRipples(
  ctx: SKRSContext2D,
  cam: CameraState,
  p: Palette,
  span: WaterSpan,
  t: number,
  ripples: readonly Ripple[],
): void {
  const { zNear, zFar } = span;
  ctx.lineWidth = Math.max(1, cam.width / 900);
  for (const rp of ripples) {
    const age = t - rp.t0;
    if (age < 0 || rp.z < zNear || rp.z >= zFar) continue;
    for (let ring = 0; ring < 3; ring++) {
      const a = age - ring * 0.28;
      if (a <= 0) continue;
      const radius = a * rippleSpeed + 0.02;
      const alpha = rp.strength * Math.exp(-a / 1.1) * (1 - ring * 0.25);
      if (alpha < 0.02) continue;
      const c = project(cam, { x: rp.x, y: 0, z: rp.z });
      if (!c) continue;
      const flat = Math.max(0.06, (cam.y - 0) / Math.max(0.5, c.depth));
      ctx.strokeStyle = p.css(mix(p.sky(0.2), [255, 255, 255], 0.45), Math.min(0.9, alpha));
      ctx.beginPath();
      ctx.ellipse(c.x, c.y, radius * c.scale, radius * c.scale * flat, 0, 0, Math.PI * 2);
      ctx.stroke();
    }
  }
}

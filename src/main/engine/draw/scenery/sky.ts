/**
 * The sky painted into the backdrop, on a plane far enough away to show no parallax: the
 * gradient by elevation, stars, the sun and its glow, the moon, and clouds.
 */
import type { SKRSContext2D } from '@napi-rs/canvas';
import type { Random } from '../../random';
import type { ShotScene } from '../../scene';
import { mix, type Palette } from '../palette';

/** The backdrop plane being painted: Z metres away, seen from a camera at (cx, cy); hy is the horizon's pixel row. */
export interface SkyPlane {
  ctx: SKRSContext2D;
  toPx: (x: number, y: number) => [number, number];
  ppm: number;
  Z: number;
  cx: number;
  cy: number;
  hy: number;
}

type Environment = ShotScene['environment'];

/** Sky by elevation: u = 0 at the horizon to 1 about 42 degrees up. */
export function paintSkyGradient({ ctx, toPx, Z, cy, hy }: SkyPlane, p: Palette): void {
  const w = ctx.canvas.width;
  const h = ctx.canvas.height;
  const [, topY] = toPx(0, cy + Z * 0.9);
  const g = ctx.createLinearGradient(0, topY, 0, hy);
  for (const u of [1, 0.7, 0.45, 0.3, 0.15, 0.05, 0]) g.addColorStop(1 - u, p.css(p.sky(u)));
  ctx.fillStyle = g;
  ctx.fillRect(0, 0, w, h);
}

/** Where a direction (azimuth, elevation in radians) from the camera meets the plane. */
function direction({ toPx, Z, cx, cy }: SkyPlane, az: number, el: number): [number, number] {
  return toPx(cx + Z * Math.tan(az), cy + Z * Math.tan(el));
}

export function paintStars({ ctx, hy }: SkyPlane, p: Palette, r: Random, env: Environment): void {
  if (!((env.stars ?? 0) > 0 && p.night > 0.3)) return;
  const w = ctx.canvas.width;
  const n = Math.round(((w * Math.max(0, hy)) / 1400) * (env.stars ?? 1));
  for (let i = 0; i < n; i++) {
    const x = r.next() * w;
    const y = Math.pow(r.next(), 1.3) * hy;
    const b = r.next();
    ctx.fillStyle = p.css([235, 238, 255], (0.3 + 0.7 * b) * p.night * (1 - (y / Math.max(1, hy)) * 0.7));
    const size = b > 0.93 ? 2 : 1;
    ctx.fillRect(x, y, size, size);
  }
}

/** The sun's glow whenever it is near or above the horizon, and its disc when asked for and clear. */
export function paintSun(plane: SkyPlane, p: Palette, env: Environment): void {
  if (!(env.sun !== undefined || p.light.sunElevation > -10)) return;
  const { ctx, Z, ppm } = plane;
  const w = ctx.canvas.width;
  const h = ctx.canvas.height;
  const sunEl = (p.light.sunElevation * Math.PI) / 180;
  const [sx, sy] = direction(plane, -0.35, Math.max(sunEl, -0.02));
  const glowR = Z * (0.55 + p.style.softness * 0.25) * ppm;
  const glow = ctx.createRadialGradient(sx, sy, 0, sx, sy, glowR);
  const strength = (1 - p.overcast * 0.8) * (p.light.sunElevation > 30 ? 0.25 : 0.6);
  glow.addColorStop(0, p.css(p.light.sun, strength));
  glow.addColorStop(0.25, p.css(p.light.sun, strength * 0.35));
  glow.addColorStop(1, p.css(p.light.sun, 0));
  ctx.fillStyle = glow;
  ctx.fillRect(0, 0, w, h);
  if (env.sun !== undefined && p.light.sunElevation > 0 && p.overcast < 0.5) {
    ctx.fillStyle = p.css(mix(p.light.sun, [255, 255, 255], 0.5));
    ctx.beginPath();
    ctx.arc(sx, sy, Z * 0.0085 * ppm, 0, Math.PI * 2);
    ctx.fill();
  }
}

export function paintMoon(plane: SkyPlane, p: Palette, env: Environment): void {
  if (!(env.moon !== undefined && p.night > 0.5)) return;
  const { ctx, Z, ppm } = plane;
  const [mx, my] = direction(plane, 0.28, 0.42);
  const rad = Z * 0.0095 * ppm;
  const glow = ctx.createRadialGradient(mx, my, rad, mx, my, rad * 9);
  glow.addColorStop(0, p.css([220, 230, 255], 0.35));
  glow.addColorStop(1, p.css([220, 230, 255], 0));
  ctx.fillStyle = glow;
  ctx.fillRect(mx - rad * 9, my - rad * 9, rad * 18, rad * 18);
  ctx.fillStyle = p.css([238, 240, 232]);
  ctx.beginPath();
  ctx.arc(mx, my, rad, 0, Math.PI * 2);
  ctx.fill();
  ctx.fillStyle = p.css([200, 202, 196], 0.5);
  ctx.beginPath();
  ctx.arc(mx - rad * 0.3, my - rad * 0.2, rad * 0.25, 0, Math.PI * 2);
  ctx.arc(mx + rad * 0.35, my + rad * 0.3, rad * 0.18, 0, Math.PI * 2);
  ctx.fill();
}

export function cloudsInto(ctx: SKRSContext2D, p: Palette, r: Random, amount: number, horizonY: number): void {
  const w = ctx.canvas.width;
  const n = Math.round(6 + amount * 10);
  // A low sun lights clouds from below in its own colour, with violet shade; otherwise they are
  // white going grey.
  const lowSun = p.night < 0.6 && p.light.sunElevation < 15 && p.overcast < 0.7;
  const lit = lowSun
    ? mix(p.light.sun, [255, 190, 170], 0.35)
    : mix(p.light.skyHorizon, [255, 255, 255], p.night > 0.6 ? 0.1 : 0.6);
  const dark = lowSun ? mix(p.light.skyTop, [120, 80, 110], 0.45) : mix(p.light.skyTop, [90, 90, 100], 0.3);
  for (let i = 0; i < n; i++) {
    const cx = r.next() * w;
    const cy = r.range(0.1, 0.8) * horizonY;
    const cw = r.range(0.08, 0.2) * w;
    for (let k = 0; k < 7; k++) {
      const bx = cx + r.range(-0.5, 0.5) * cw;
      const by = cy + r.range(-0.12, 0.1) * cw;
      const rad = r.range(0.12, 0.25) * cw;
      const g = ctx.createRadialGradient(bx, by, 0, bx, by, rad);
      const col = mix(lit, dark, Math.min(1, 0.3 + p.overcast * 0.6 + (by / Math.max(1, horizonY)) * 0.3));
      g.addColorStop(0, p.css(col, 0.55 + 0.3 * p.overcast));
      g.addColorStop(1, p.css(col, 0));
      ctx.fillStyle = g;
      ctx.fillRect(bx - rad, by - rad, rad * 2, rad * 2);
    }
  }
}

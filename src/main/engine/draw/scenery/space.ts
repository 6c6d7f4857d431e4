/**
 * Space: a black sky full of stars with the band of the galaxy across it, a planet with its lit
 * limb and atmosphere, and a spacecraft drifting past, solar panels spread.
 */
import type { SKRSContext2D } from '@napi-rs/canvas';
import { project, type CameraState } from '../../camera';
import type { Random } from '../../random';
import type { Stage } from '../../stage/types';
import { hex, mix, scale, type Palette, type RGB } from '../palette';
import type { SkyPlane } from './sky';

/** Stars over the whole frame (there is no horizon in space) and the galaxy's band. */
function paintStarfield(ctx: SKRSContext2D, p: Palette, r: Random): void {
  const w = ctx.canvas.width;
  const h = ctx.canvas.height;
  // Across the band (which runs from lower left to upper right): faint at its edges, brightest along its middle.
  const d = w * 0.1;
  const band = ctx.createLinearGradient(w / 2 - d, h / 2 - d, w / 2 + d, h / 2 + d);
  band.addColorStop(0, p.css([120, 110, 150], 0));
  band.addColorStop(0.45, p.css([150, 140, 180], 0.12));
  band.addColorStop(0.55, p.css([180, 160, 150], 0.14));
  band.addColorStop(1, p.css([120, 110, 150], 0));
  ctx.fillStyle = band;
  ctx.fillRect(0, 0, w, h);
  const n = Math.round((w * h) / 900);
  for (let i = 0; i < n; i++) {
    const x = r.next() * w;
    const y = r.next() * h;
    const b = r.next();
    ctx.fillStyle = p.css(b > 0.9 ? [255, 236, 210] : [225, 232, 255], 0.25 + 0.75 * b);
    const size = b > 0.97 ? 2.5 : b > 0.85 ? 1.6 : 1;
    ctx.fillRect(x, y, size, size);
  }
}

/** A planet low in the frame: banded, lit from one side, with a thin bright atmosphere on its limb. */
function paintPlanet(plane: SkyPlane, p: Palette, r: Random, inSpace: boolean): void {
  const { ctx, hy } = plane;
  const w = ctx.canvas.width;
  const h = ctx.canvas.height;
  const rad = inSpace ? h * 0.55 : h * 0.16;
  const cx = w * (inSpace ? 0.72 : 0.7);
  const cy = inSpace ? h * 0.98 : hy - h * 0.38;
  const base: RGB = r.pick([hex('#3a78c8'), hex('#3a8ac8'), hex('#c87a4a'), hex('#7aa0b8')]);
  const g = ctx.createRadialGradient(cx - rad * 0.45, cy - rad * 0.45, rad * 0.1, cx, cy, rad);
  g.addColorStop(0, p.css(mix(base, [255, 255, 255], 0.35)));
  g.addColorStop(0.6, p.css(base));
  g.addColorStop(1, p.css(scale(base, 0.18)));
  ctx.save();
  ctx.beginPath();
  ctx.arc(cx, cy, rad, 0, Math.PI * 2);
  ctx.fillStyle = g;
  ctx.fill();
  ctx.clip();
  // Cloud bands and a continent or two.
  for (let k = 0; k < 9; k++) {
    ctx.fillStyle = p.css(r.next() < 0.6 ? [245, 248, 250] : [70, 120, 70], r.range(0.15, 0.35));
    ctx.beginPath();
    ctx.ellipse(
      cx + r.range(-0.7, 0.5) * rad,
      cy + r.range(-0.9, 0.6) * rad,
      r.range(0.2, 0.6) * rad,
      r.range(0.03, 0.1) * rad,
      r.range(-0.3, 0.3),
      0,
      Math.PI * 2,
    );
    ctx.fill();
  }
  // The night side.
  const shade = ctx.createLinearGradient(cx - rad, cy - rad, cx + rad, cy + rad);
  shade.addColorStop(0.45, 'rgba(0,0,0,0)');
  shade.addColorStop(0.85, 'rgba(0,0,0,0.85)');
  ctx.fillStyle = shade;
  ctx.fillRect(cx - rad, cy - rad, rad * 2, rad * 2);
  ctx.restore();
  const halo = ctx.createRadialGradient(cx, cy, rad * 0.98, cx, cy, rad * 1.08);
  halo.addColorStop(0, p.css([140, 200, 255], 0.6));
  halo.addColorStop(1, p.css([140, 200, 255], 0));
  ctx.fillStyle = halo;
  ctx.beginPath();
  ctx.arc(cx, cy, rad * 1.08, 0, Math.PI * 2);
  ctx.fill();
}

/** What space and a planet add to the backdrop, painted after the sky. */
export function paintPlaceSky(plane: SkyPlane, stage: Stage, p: Palette, r: Random): void {
  const inSpace = stage.scene.setting === 'space';
  if (inSpace) paintStarfield(plane.ctx, p, r);
  if (stage.scene.environment.planet !== undefined) paintPlanet(plane, p, r, inSpace);
}

/** A spacecraft drifting slowly across in front of the planet: hull, windows, panels and a blinking light. */
export function drawSpacecraft(ctx: SKRSContext2D, cam: CameraState, p: Palette, stage: Stage, t: number): void {
  if (stage.scene.environment.spacecraft === undefined) return;
  const u = t / Math.max(0.1, stage.duration);
  const at = { x: -2.6 + 4.2 * u, y: 1.9 + 0.3 * u, z: stage.layout.subjectZ + 3 };
  const pr = project(cam, at);
  if (!pr) return;
  const s = pr.scale;
  ctx.save();
  ctx.translate(pr.x, pr.y);
  ctx.rotate(-0.12 + 0.05 * u);
  const hull = p.lit(hex('#d8dadc'));
  const panel = p.lit(hex('#2a3a6a'));
  // Solar panels on a truss.
  ctx.fillStyle = p.css(scale(hull, 0.6));
  ctx.fillRect(-1.6 * s, -0.03 * s, 3.2 * s, 0.06 * s);
  for (const side of [-1, 1]) {
    ctx.fillStyle = p.css(panel);
    ctx.fillRect(side > 0 ? 0.55 * s : -1.6 * s, -0.35 * s, 1.05 * s, 0.7 * s);
    ctx.strokeStyle = p.css(mix(panel, [255, 255, 255], 0.3));
    ctx.lineWidth = Math.max(1, 0.015 * s);
    for (let k = 1; k < 4; k++) {
      const x = (side > 0 ? 0.55 : -1.6) * s + (k * 1.05 * s) / 4;
      ctx.beginPath();
      ctx.moveTo(x, -0.35 * s);
      ctx.lineTo(x, 0.35 * s);
      ctx.stroke();
    }
  }
  // The hull: a capsule with a nose cone and a lit side.
  const g = ctx.createLinearGradient(0, -0.3 * s, 0, 0.3 * s);
  g.addColorStop(0, p.css(mix(hull, [255, 255, 255], 0.4)));
  g.addColorStop(1, p.css(scale(hull, 0.45)));
  ctx.fillStyle = g;
  ctx.beginPath();
  ctx.moveTo(-0.55 * s, -0.26 * s);
  ctx.lineTo(0.35 * s, -0.26 * s);
  ctx.quadraticCurveTo(0.75 * s, -0.2 * s, 0.85 * s, 0);
  ctx.quadraticCurveTo(0.75 * s, 0.2 * s, 0.35 * s, 0.26 * s);
  ctx.lineTo(-0.55 * s, 0.26 * s);
  ctx.closePath();
  ctx.fill();
  ctx.fillStyle = p.css(scale(hull, 0.5));
  ctx.fillRect(-0.75 * s, -0.18 * s, 0.22 * s, 0.36 * s);
  ctx.fillStyle = p.css([120, 200, 255], 0.9);
  for (let k = 0; k < 4; k++) ctx.fillRect((-0.3 + k * 0.16) * s, -0.08 * s, 0.07 * s, 0.06 * s);
  if (Math.floor(t * 1.5) % 2 === 0) {
    ctx.fillStyle = p.css([255, 80, 60]);
    ctx.beginPath();
    ctx.arc(-0.75 * s, -0.2 * s, Math.max(1.5, 0.03 * s), 0, Math.PI * 2);
    ctx.fill();
  }
  ctx.restore();
}

/**
 * Props: lanterns, balloons, balls, doors, windows, furniture, fire and labelled stand-in
 * blocks; vehicles (vehicles.ts) and small things (smallProps.ts) are drawn in their own files. Each returns the lights it gives off, for the glow pass and for lighting
 * figures nearby.
 */
import type { SKRSContext2D } from '@napi-rs/canvas';
import { project, type CameraState, type Projected } from '../camera';
import { noise1 } from '../random';
import { vehicleElements } from '../scene';
import { smallPropIds } from '../stage/handheld';
import { doorOpenAt } from '../stage/props';
import type { StagedProp } from '../stage/types';
import type { Vec3 } from '../simulate';
import type { LabelBoard } from './labels';
import { drawSmallProp } from './smallProps';
import { drawVehicle } from './vehicles';
import { hex, mix, scale, type Palette, type RGB } from './palette';

export interface LightSource {
  at: Vec3;
  color: RGB;
  /** 0 to about 1.5. */
  intensity: number;
  /** Reach of the glow, metres. */
  radius: number;
}

export interface PropDraw {
  prop: StagedProp;
  id: string;
  at: Vec3;
  spin: number;
  /** For held things: where the holder's hand is, for strings. */
  hand: Vec3 | null;
  /** Depth for sorting. */
  depth: number;
}

function colourOf(prop: StagedProp, fallback: string): RGB {
  return hex(prop.color ?? fallback);
}

/** Draws one prop instance and returns the light it gives off. */
export function drawProp(
  ctx: SKRSContext2D,
  cam: CameraState,
  p: Palette,
  d: PropDraw,
  t: number,
  ambientLight: RGB,
  seed: number,
  labels: LabelBoard,
): LightSource[] {
  const pr = project(cam, d.at);
  if (!pr) return [];
  const s = pr.scale * d.prop.scale;
  const lit = (c: RGB, k = 1): string => p.css(p.haze(scale(scale(c, ambientLight), k), pr.depth));
  const el = d.prop.element;
  const lights: LightSource[] = [];
  const flicker = 0.85 + 0.15 * noise1(seed + d.id.length * 31, t * 9);
  if (el !== null && vehicleElements.has(el)) return drawVehicle({ ctx, p, pr, s, d, t, lit });
  if (el !== null && smallPropIds.has(el)) return drawSmallProp({ ctx, cam, p, pr, s, d, t, lit });
  switch (el) {
    case 'lantern': {
      const h = 0.42 * s;
      const wTop = 0.17 * s;
      const wBot = 0.12 * s;
      const cx = pr.x;
      const cy = pr.y;
      const sway = Math.sin(t * 1.7 + d.spin) * 0.05;
      ctx.save();
      ctx.translate(cx, cy);
      ctx.rotate(sway);
      const glowK = 0.6 + 0.4 * p.night;
      const g = ctx.createLinearGradient(0, h * 0.5, 0, -h * 0.5);
      const paper = colourOf(d.prop, '#f29b45');
      g.addColorStop(0, p.css(mix(paper, [255, 244, 200], 0.75 * glowK)));
      g.addColorStop(0.55, p.css(mix(paper, [255, 200, 120], 0.35 * glowK)));
      g.addColorStop(1, p.css(scale(paper, 0.75 + 0.25 * glowK)));
      ctx.fillStyle = g;
      ctx.beginPath();
      ctx.moveTo(-wBot, h * 0.5);
      ctx.quadraticCurveTo(-wTop * 1.25, 0, -wTop, -h * 0.5);
      ctx.quadraticCurveTo(0, -h * 0.6, wTop, -h * 0.5);
      ctx.quadraticCurveTo(wTop * 1.25, 0, wBot, h * 0.5);
      ctx.closePath();
      ctx.fill();
      ctx.strokeStyle = p.css(scale(paper, 0.6), 0.5);
      ctx.lineWidth = Math.max(1, s * 0.006);
      for (const k of [-0.5, 0, 0.5]) {
        ctx.beginPath();
        ctx.moveTo(k * wBot, h * 0.5);
        ctx.quadraticCurveTo(k * wTop * 1.3, 0, k * wTop, -h * 0.52);
        ctx.stroke();
      }
      ctx.fillStyle = p.css([255, 250, 215], 0.95);
      ctx.beginPath();
      ctx.ellipse(0, h * 0.42, wBot * 0.45, h * 0.06 * flicker, 0, 0, Math.PI * 2);
      ctx.fill();
      ctx.restore();
      lights.push({ at: d.at, color: [255, 170, 80], intensity: (0.5 + 0.9 * p.night) * flicker, radius: 2.2 });
      break;
    }
    case 'balloon': {
      const col = colourOf(d.prop, '#d8342c');
      const rx = 0.15 * s;
      const ry = 0.19 * s;
      const sway = Math.sin(t * 1.3 + d.spin) * 0.08;
      // The string hangs to the hand that holds it, or dangles.
      const end = d.hand ? project(cam, d.hand) : null;
      ctx.strokeStyle = lit([230, 230, 230], 0.8);
      ctx.lineWidth = Math.max(1, s * 0.004);
      ctx.beginPath();
      ctx.moveTo(pr.x, pr.y + ry);
      if (end) ctx.quadraticCurveTo(pr.x + sway * s, (pr.y + end.y) / 2, end.x, end.y);
      else ctx.quadraticCurveTo(pr.x + sway * s * 3, pr.y + ry + 0.4 * s, pr.x - sway * s, pr.y + ry + 0.9 * s);
      ctx.stroke();
      ctx.fillStyle = lit(col);
      ctx.beginPath();
      ctx.ellipse(pr.x, pr.y, rx, ry, sway, 0, Math.PI * 2);
      ctx.fill();
      ctx.fillStyle = p.css([255, 255, 255], 0.35);
      ctx.beginPath();
      ctx.ellipse(pr.x - rx * 0.35, pr.y - ry * 0.4, rx * 0.22, ry * 0.3, -0.4, 0, Math.PI * 2);
      ctx.fill();
      break;
    }
    case 'ball': {
      const r = 0.11 * s;
      ctx.fillStyle = lit(colourOf(d.prop, '#e04a3a'));
      ctx.beginPath();
      ctx.arc(pr.x, pr.y, r, 0, Math.PI * 2);
      ctx.fill();
      ctx.strokeStyle = lit([245, 245, 240]);
      ctx.lineWidth = Math.max(1, r * 0.18);
      ctx.beginPath();
      ctx.arc(pr.x, pr.y, r * 0.75, d.spin, d.spin + Math.PI * 0.8);
      ctx.stroke();
      shadow(ctx, cam, p, d.at, 0.12);
      break;
    }
    case 'cup': {
      const w = 0.09 * s;
      ctx.fillStyle = lit(colourOf(d.prop, '#eeeae0'));
      ctx.fillRect(pr.x - w / 2, pr.y - w * 1.1, w, w * 1.1);
      ctx.strokeStyle = lit(colourOf(d.prop, '#eeeae0'));
      ctx.lineWidth = Math.max(1, w * 0.15);
      ctx.beginPath();
      ctx.arc(pr.x + w * 0.6, pr.y - w * 0.55, w * 0.25, -Math.PI / 2, Math.PI / 2);
      ctx.stroke();
      ctx.strokeStyle = p.css([240, 240, 240], 0.25);
      for (let k = 0; k < 2; k++) {
        ctx.beginPath();
        ctx.moveTo(pr.x - w * 0.2 + k * w * 0.3, pr.y - w * 1.2);
        ctx.quadraticCurveTo(pr.x + Math.sin(t * 2 + k) * w * 0.5, pr.y - w * 2, pr.x + k * w * 0.2, pr.y - w * 2.8);
        ctx.stroke();
      }
      break;
    }
    case 'candle': {
      const w = 0.035 * s;
      ctx.fillStyle = lit([240, 232, 210]);
      ctx.fillRect(pr.x - w / 2, pr.y - w * 4, w, w * 4);
      ctx.fillStyle = p.css([255, 220, 140]);
      ctx.beginPath();
      ctx.ellipse(pr.x, pr.y - w * 5, w * 0.45, w * flicker, 0, 0, Math.PI * 2);
      ctx.fill();
      lights.push({
        at: { x: d.at.x, y: d.at.y + 0.2, z: d.at.z },
        color: [255, 180, 90],
        intensity: 0.5 * flicker,
        radius: 1.4,
      });
      break;
    }
    case 'door': {
      const open = doorOpenAt(d.prop, t);
      const w = 1.0 * s;
      const h = 2.1 * s;
      const x0 = pr.x - w / 2;
      const y0 = pr.y - h;
      ctx.fillStyle = lit([60, 45, 35]);
      ctx.fillRect(x0 - 0.08 * s, y0 - 0.08 * s, w + 0.16 * s, h + 0.08 * s);
      ctx.fillStyle = p.css([18, 14, 12]);
      ctx.fillRect(x0, y0, w, h);
      // The panel swings on its left hinge: it narrows as it opens.
      const pw = w * Math.cos(open * 1.35);
      const panel = colourOf(d.prop, '#8a5a3a');
      ctx.fillStyle = lit(panel, 1 - open * 0.3);
      ctx.fillRect(x0, y0, Math.max(1, pw), h);
      ctx.strokeStyle = lit(scale(panel, 0.7));
      ctx.lineWidth = Math.max(1, 0.02 * s);
      ctx.strokeRect(x0 + pw * 0.12, y0 + h * 0.08, pw * 0.76, h * 0.36);
      ctx.strokeRect(x0 + pw * 0.12, y0 + h * 0.52, pw * 0.76, h * 0.4);
      ctx.fillStyle = lit([210, 180, 90]);
      ctx.beginPath();
      ctx.arc(x0 + pw * 0.86, y0 + h * 0.52, Math.max(1, 0.035 * s), 0, Math.PI * 2);
      ctx.fill();
      break;
    }
    case 'window': {
      const w = 1.2 * s;
      const h = 1.3 * s;
      const x0 = pr.x - w / 2;
      const y0 = pr.y - h;
      ctx.fillStyle = lit([235, 230, 220]);
      ctx.fillRect(x0 - 0.06 * s, y0 - 0.06 * s, w + 0.12 * s, h + 0.12 * s);
      const glass = ctx.createLinearGradient(0, y0, 0, y0 + h);
      const daylight = p.night < 0.5;
      glass.addColorStop(0, p.css(p.sky(0.8)));
      glass.addColorStop(1, p.css(p.sky(0.1)));
      ctx.fillStyle = glass;
      ctx.fillRect(x0, y0, w, h);
      ctx.fillStyle = lit([235, 230, 220]);
      ctx.fillRect(x0 + w / 2 - 0.03 * s, y0, 0.06 * s, h);
      ctx.fillRect(x0, y0 + h / 2 - 0.03 * s, w, 0.06 * s);
      if (!daylight)
        lights.push({
          at: { x: d.at.x, y: d.at.y + 0.6, z: d.at.z },
          color: [180, 200, 255],
          intensity: 0.2,
          radius: 1.5,
        });
      break;
    }
    case 'table': {
      const col = colourOf(d.prop, '#7a5234');
      ctx.fillStyle = lit(scale(col, 0.8));
      for (const lx of [-0.65, 0.6]) ctx.fillRect(pr.x + lx * s, pr.y - 0.72 * s, 0.06 * s, 0.72 * s);
      ctx.fillStyle = lit(col);
      ctx.fillRect(pr.x - 0.75 * s, pr.y - 0.78 * s, 1.5 * s, 0.07 * s);
      break;
    }
    case 'chair': {
      const col = colourOf(d.prop, '#6a4a30');
      ctx.fillStyle = lit(col);
      ctx.fillRect(pr.x - 0.22 * s, pr.y - 0.47 * s, 0.44 * s, 0.05 * s);
      ctx.fillRect(pr.x - 0.22 * s, pr.y - 0.47 * s, 0.04 * s, 0.47 * s);
      ctx.fillRect(pr.x + 0.18 * s, pr.y - 0.47 * s, 0.04 * s, 0.47 * s);
      ctx.fillRect(pr.x - 0.22 * s, pr.y - 0.95 * s, 0.05 * s, 0.5 * s);
      break;
    }
    case 'bench': {
      const col = colourOf(d.prop, '#7a5a3a');
      ctx.fillStyle = lit(col);
      ctx.fillRect(pr.x - 0.8 * s, pr.y - 0.45 * s, 1.6 * s, 0.06 * s);
      ctx.fillRect(pr.x - 0.8 * s, pr.y - 0.8 * s, 1.6 * s, 0.05 * s);
      ctx.fillStyle = lit([40, 40, 42]);
      for (const lx of [-0.7, 0.66]) ctx.fillRect(pr.x + lx * s, pr.y - 0.8 * s, 0.05 * s, 0.8 * s);
      break;
    }
    case 'streetlight': {
      ctx.fillStyle = lit([50, 52, 56]);
      ctx.fillRect(pr.x - 0.06 * s, pr.y - 4.5 * s, 0.12 * s, 4.5 * s);
      ctx.fillRect(pr.x - 0.06 * s, pr.y - 4.5 * s, 0.7 * s, 0.08 * s);
      const on = p.night > 0.4 || p.overcast > 0.6;
      ctx.fillStyle = on ? p.css([255, 230, 170]) : lit([200, 200, 190]);
      ctx.beginPath();
      ctx.ellipse(pr.x + 0.6 * s, pr.y - 4.38 * s, 0.2 * s, 0.08 * s, 0, 0, Math.PI * 2);
      ctx.fill();
      if (on) {
        lights.push({ at: { x: d.at.x + 0.6, y: 4.3, z: d.at.z }, color: [255, 210, 140], intensity: 0.8, radius: 4 });
        // The pool of light it throws on the pavement.
        lights.push({
          at: { x: d.at.x + 0.6, y: 0.05, z: d.at.z },
          color: [255, 200, 130],
          intensity: 0.35,
          radius: 7,
        });
      }
      break;
    }
    case 'fire': {
      ctx.strokeStyle = lit([70, 45, 30]);
      ctx.lineWidth = Math.max(1, 0.1 * s);
      ctx.beginPath();
      ctx.moveTo(pr.x - 0.4 * s, pr.y);
      ctx.lineTo(pr.x + 0.35 * s, pr.y - 0.12 * s);
      ctx.moveTo(pr.x + 0.4 * s, pr.y);
      ctx.lineTo(pr.x - 0.35 * s, pr.y - 0.12 * s);
      ctx.stroke();
      for (let k = 0; k < 5; k++) {
        const fx = pr.x + (k - 2) * 0.1 * s;
        const fh = (0.5 + 0.35 * noise1(seed + k * 17, t * 6 + k)) * s * (k === 2 ? 1.3 : 1);
        const g = ctx.createLinearGradient(0, pr.y, 0, pr.y - fh);
        g.addColorStop(0, p.css([255, 240, 170]));
        g.addColorStop(0.5, p.css([255, 150, 40], 0.9));
        g.addColorStop(1, p.css([200, 40, 10], 0));
        ctx.fillStyle = g;
        ctx.beginPath();
        ctx.moveTo(fx - 0.11 * s, pr.y - 0.05 * s);
        ctx.quadraticCurveTo(fx - 0.1 * s, pr.y - fh * 0.6, fx + noise1(seed + k, t * 4) * 0.08 * s, pr.y - fh);
        ctx.quadraticCurveTo(fx + 0.1 * s, pr.y - fh * 0.6, fx + 0.11 * s, pr.y - 0.05 * s);
        ctx.fill();
      }
      lights.push({
        at: { x: d.at.x, y: 0.5, z: d.at.z },
        color: [255, 150, 60],
        intensity: (0.7 + 0.6 * p.night) * flicker,
        radius: 3.5,
      });
      break;
    }
    case 'kite': {
      const x = pr.x + Math.sin(t * 0.9) * 0.3 * s;
      const y = pr.y + Math.sin(t * 1.3) * 0.2 * s;
      const col = colourOf(d.prop, '#d84a3a');
      ctx.fillStyle = lit(col);
      ctx.beginPath();
      ctx.moveTo(x, y - 0.5 * s);
      ctx.lineTo(x + 0.35 * s, y);
      ctx.lineTo(x, y + 0.55 * s);
      ctx.lineTo(x - 0.35 * s, y);
      ctx.closePath();
      ctx.fill();
      ctx.strokeStyle = lit([240, 240, 240], 0.8);
      ctx.lineWidth = Math.max(1, 0.01 * s);
      ctx.beginPath();
      ctx.moveTo(x, y + 0.55 * s);
      for (let k = 1; k <= 6; k++) ctx.lineTo(x + Math.sin(t * 3 + k) * 0.15 * s, y + (0.55 + k * 0.25) * s);
      ctx.stroke();
      break;
    }
    case 'umbrella': {
      const col = colourOf(d.prop, '#2a2f4a');
      const top = pr.y - 2.05 * s;
      ctx.fillStyle = lit(col);
      ctx.beginPath();
      ctx.arc(pr.x, top + 0.3 * s, 0.6 * s, Math.PI, 0);
      ctx.closePath();
      ctx.fill();
      ctx.strokeStyle = lit([30, 30, 30]);
      ctx.lineWidth = Math.max(1, 0.02 * s);
      ctx.beginPath();
      ctx.moveTo(pr.x, top - 0.3 * s);
      ctx.lineTo(pr.x, top + 0.95 * s);
      ctx.stroke();
      break;
    }
    default: {
      // A stand-in: a small hatched crate, so it marks the spot without crowding what is drawn.
      const k = d.prop.scale;
      const w = (0.5 * s) / k;
      const h = (0.45 * s) / k;
      const col = colourOf(d.prop, '#8a8f99');
      ctx.fillStyle = lit(col);
      ctx.fillRect(pr.x - w / 2, pr.y - h, w, h);
      ctx.strokeStyle = lit(scale(col, 0.7));
      ctx.lineWidth = Math.max(1, 0.02 * s);
      ctx.strokeRect(pr.x - w / 2, pr.y - h, w, h);
      ctx.save();
      ctx.beginPath();
      ctx.rect(pr.x - w / 2, pr.y - h, w, h);
      ctx.clip();
      for (let x = -h; x < w; x += 0.1 * s) {
        ctx.beginPath();
        ctx.moveTo(pr.x - w / 2 + x, pr.y);
        ctx.lineTo(pr.x - w / 2 + x + h, pr.y - h);
        ctx.stroke();
      }
      ctx.restore();
      // One label for a group of the same thing.
      if (!/#[1-9]\d*$/.test(d.id)) labels.add(d.prop.label, pr.x, pr.y - h - 0.05 * s);
      break;
    }
  }
  return lights;
}

function shadow(ctx: SKRSContext2D, cam: CameraState, p: Palette, at: Vec3, r: number): void {
  const g = project(cam, { x: at.x, y: 0, z: at.z });
  if (!g) return;
  const fade = Math.max(0, 1 - at.y / 2);
  ctx.fillStyle = p.css([0, 0, 0], 0.25 * fade);
  ctx.beginPath();
  ctx.ellipse(g.x, g.y, r * g.scale, r * g.scale * 0.25, 0, 0, Math.PI * 2);
  ctx.fill();
}

/** Additive glows for every light, with a reflection on water beneath lights above it. */
export function drawGlows(
  ctx: SKRSContext2D,
  cam: CameraState,
  p: Palette,
  lights: readonly LightSource[],
  waterBand: (x: number, z: number) => { zNear: number; zFar: number } | null,
): void {
  if (lights.length === 0) return;
  ctx.globalCompositeOperation = 'lighter';
  const soft = 1 + p.style.softness * 0.5 + p.style.glow;
  for (const l of lights) {
    const pr: Projected | null = project(cam, l.at);
    if (!pr) continue;
    // Capped, so a fire filling the frame does not cost a full-screen gradient per light.
    const radius = Math.min(l.radius * pr.scale * 0.3 * soft, cam.width * 0.3);
    if (radius < 1) continue;
    const g = ctx.createRadialGradient(pr.x, pr.y, 0, pr.x, pr.y, radius);
    const a = Math.min(1, l.intensity * 0.55);
    g.addColorStop(0, p.css(l.color, a));
    g.addColorStop(0.18, p.css(l.color, a * 0.45));
    g.addColorStop(1, p.css(l.color, 0));
    ctx.fillStyle = g;
    ctx.fillRect(pr.x - radius, pr.y - radius, radius * 2, radius * 2);
    const rz = l.at.z + 1.5;
    const water = waterBand(l.at.x, rz);
    if (l.at.y > 0.2 && water) {
      // Its reflection: a shimmering vertical streak, only where the water is on screen.
      const rp = project(cam, { x: l.at.x, y: -l.at.y, z: l.at.z });
      const top = project(cam, { x: l.at.x, y: 0, z: water.zFar });
      const bottom = project(cam, { x: l.at.x, y: 0, z: Math.max(water.zNear, cam.z + 0.5) });
      if (rp && top && bottom) {
        const y0 = top.y;
        const y1 = Math.min(bottom.y, rp.y + radius * 0.4);
        const w = Math.max(2, l.radius * rp.scale * 0.09);
        // A broken column of short bright dashes: the light mirrored in moving water.
        const rows = Math.max(3, Math.round((y1 - y0) / Math.max(2, w * 0.35)));
        for (let k = 0; k < rows; k++) {
          const y = y0 + ((k + 0.5) / rows) * (y1 - y0);
          const near = 1 - Math.abs(y - rp.y) / Math.max(1, y1 - y0);
          const dash = w * (0.5 + 0.9 * Math.abs(Math.sin(k * 2.3 + l.at.x * 7 + y * 0.05)));
          ctx.fillStyle = p.css(l.color, a * 0.5 * Math.max(0.1, near));
          ctx.fillRect(rp.x - dash / 2, y, dash, Math.max(1, (y1 - y0) / rows / 2));
        }
      }
    }
  }
  ctx.globalCompositeOperation = 'source-over';
}

/** How much nearby lights brighten something at a point, per channel, to add to the ambient light. */
export function lightAt(at: Vec3, lights: readonly LightSource[]): RGB {
  let r = 0;
  let g = 0;
  let b = 0;
  for (const l of lights) {
    const d2 = (l.at.x - at.x) ** 2 + (l.at.y - at.y) ** 2 + (l.at.z - at.z) ** 2;
    const k = (l.intensity * l.radius * l.radius * 0.25) / (d2 + l.radius * l.radius * 0.25);
    r += (l.color[0] / 255) * k;
    g += (l.color[1] / 255) * k;
    b += (l.color[2] / 255) * k;
  }
  return [r, g, b];
}

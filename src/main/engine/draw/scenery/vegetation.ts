/** Plants painted into layers: tree lines (pines or broadleaf), grass and reeds, ferns, and trunks. */
import type { SKRSContext2D } from '@napi-rs/canvas';
import type { Paint } from '../layers';
import { hex, mix, scale, type Palette, type RGB } from '../palette';
import type { Random } from '../../random';

export function treeLinePaint(
  p: Palette,
  r: Random,
  z: number,
  x0: number,
  x1: number,
  heightBase: number,
  pines: boolean,
  density = 1,
): Paint {
  return (ctx, toPx, ppm) => {
    const trunk = p.css(p.lit(hex('#3b2a1e'), z));
    const leafBase = p.night > 0.6 ? hex('#1f3326') : hex('#2f5a2c');
    const count = Math.ceil(((x1 - x0) / (heightBase * 0.45)) * density);
    const [, ground] = toPx(0, 0);
    // Low bushes join the trees to the ground.
    bushes(ctx, p, r, z, leafBase, ground, heightBase * ppm);
    for (let i = 0; i < count; i++) {
      const x = x0 + ((i + r.next() * 0.8) / count) * (x1 - x0);
      const hgt = heightBase * r.range(0.7, 1.3);
      const [px, py] = toPx(x, 0);
      const shade = r.range(0.75, 1.15);
      const leaf = p.css(p.lit(scale(leafBase, shade), z));
      if (pines) pine(ctx, leaf, px, py, hgt, ppm);
      else broadleaf(ctx, r, { trunk, leaf }, px, py, hgt, ppm);
    }
  };
}

/** Low bushes along the ground line gy; scalePx is a tree's height in pixels. */
function bushes(
  ctx: SKRSContext2D,
  p: Palette,
  r: Random,
  z: number,
  leafBase: RGB,
  gy: number,
  scalePx: number,
): void {
  ctx.fillStyle = p.css(p.lit(mix(leafBase, hex('#101a12'), 0.3), z));
  for (let x = 0; x < ctx.canvas.width; x += scalePx * r.range(0.15, 0.4)) {
    const bw = scalePx * r.range(0.08, 0.2);
    ctx.beginPath();
    ctx.ellipse(x, gy, bw, bw * r.range(0.5, 0.9), 0, Math.PI, 0);
    ctx.fill();
  }
}

/** A pine hgt metres tall standing at (px, py): four tiers of boughs. */
function pine(ctx: SKRSContext2D, leaf: string, px: number, py: number, hgt: number, ppm: number): void {
  ctx.fillStyle = leaf;
  const w = hgt * 0.32 * ppm;
  ctx.beginPath();
  ctx.moveTo(px, py - hgt * ppm);
  for (let k = 0; k < 4; k++) {
    const yy = py - hgt * ppm * (1 - (k + 1) * 0.22);
    ctx.lineTo(px + w * (0.4 + k * 0.2), yy);
    ctx.lineTo(px + w * 0.15 * (k + 1) * 0.5, yy - hgt * ppm * 0.04);
  }
  ctx.lineTo(px + w * 0.2, py - hgt * ppm * 0.08);
  ctx.lineTo(px - w * 0.2, py - hgt * ppm * 0.08);
  for (let k = 3; k >= 0; k--) {
    const yy = py - hgt * ppm * (1 - (k + 1) * 0.22);
    ctx.lineTo(px - w * 0.15 * (k + 1) * 0.5, yy - hgt * ppm * 0.04);
    ctx.lineTo(px - w * (0.4 + k * 0.2), yy);
  }
  ctx.closePath();
  ctx.fill();
}

/** A broadleaf tree hgt metres tall standing at (px, py): a trunk and a crown of round blobs. */
function broadleaf(
  ctx: SKRSContext2D,
  r: Random,
  colours: { trunk: string; leaf: string },
  px: number,
  py: number,
  hgt: number,
  ppm: number,
): void {
  ctx.strokeStyle = colours.trunk;
  ctx.lineWidth = Math.max(1, hgt * 0.06 * ppm);
  ctx.beginPath();
  ctx.moveTo(px, py);
  ctx.lineTo(px, py - hgt * 0.55 * ppm);
  ctx.stroke();
  ctx.fillStyle = colours.leaf;
  const blobs = 6;
  for (let k = 0; k < blobs; k++) {
    const bx = px + r.range(-0.28, 0.28) * hgt * ppm;
    const by = py - r.range(0.5, 0.9) * hgt * ppm;
    const rad = r.range(0.16, 0.26) * hgt * ppm;
    ctx.beginPath();
    ctx.arc(bx, by, rad, 0, Math.PI * 2);
    ctx.fill();
  }
}

export function grassPaint(
  p: Palette,
  r: Random,
  z: number,
  tall: number,
  flowers: boolean,
  kind: 'grass' | 'reeds',
): Paint {
  return (ctx, toPx, ppm) => {
    const w = ctx.canvas.width;
    const [, gy] = toPx(0, 0);
    const base = kind === 'reeds' ? hex('#5d6b35') : hex('#4f7a36');
    const blades = Math.min(2500, Math.round((w / ppm) * (kind === 'reeds' ? 8 : 30)));
    const clumps = Array.from({ length: Math.max(1, Math.round(w / ppm / 3)) }, () => r.next() * w);
    ctx.lineCap = 'round';
    for (let i = 0; i < blades; i++) {
      const x = kind === 'reeds' ? (clumps[i % clumps.length] ?? 0) + r.normal() * 0.35 * ppm : r.next() * w;
      const h = tall * r.range(0.35, 1) * ppm;
      const lean = r.range(-0.35, 0.35) * h;
      ctx.strokeStyle = p.css(p.lit(scale(base, r.range(0.6, 1.25)), z));
      ctx.lineWidth = Math.max(1, (kind === 'reeds' ? 0.012 : 0.008) * ppm);
      ctx.beginPath();
      ctx.moveTo(x, gy + 2);
      ctx.quadraticCurveTo(x + lean * 0.2, gy - h * 0.6, x + lean, gy - h);
      ctx.stroke();
      if (kind === 'reeds' && i % 9 === 0) {
        ctx.fillStyle = p.css(p.lit(hex('#5a4028'), z));
        ctx.beginPath();
        ctx.ellipse(x + lean, gy - h, 0.012 * ppm, 0.05 * ppm, 0, 0, Math.PI * 2);
        ctx.fill();
      }
    }
    if (flowers) {
      const colours = ['#e8d44a', '#e07aa0', '#f2f2f2', '#b05ad0'].map(hex);
      for (let i = 0; i < blades / 8; i++) {
        const x = r.next() * w;
        const y = gy - r.range(0.05, 0.6) * tall * ppm;
        ctx.fillStyle = p.css(p.lit(r.pick(colours), z));
        ctx.beginPath();
        ctx.arc(x, y, Math.max(1, 0.018 * ppm), 0, Math.PI * 2);
        ctx.fill();
      }
    }
    // A strip of ground so the tufts sit on something when seen from below the horizon.
    ctx.fillStyle = p.css(p.lit(scale(base, 0.7), z));
    ctx.fillRect(0, gy, w, ctx.canvas.height - gy);
  };
}

/** Forest floor: fans of arching fern fronds, clear of the subject. */
export function fernPaint(p: Palette, r: Random, z: number, focusX: number): Paint {
  return (ctx, toPx, ppm) => {
    const w = ctx.canvas.width;
    const [, gy] = toPx(0, 0);
    const [focusPx] = toPx(focusX, 0);
    const green = hex('#3f6a32');
    ctx.lineCap = 'round';
    for (let x = r.range(0, 1) * ppm; x < w; x += r.range(0.6, 1.6) * ppm) {
      if (Math.abs(x - focusPx) < 0.9 * ppm) continue;
      const size = r.range(0.55, 1.05) * ppm;
      const fronds = 7 + Math.floor(r.next() * 4);
      for (let k = 0; k < fronds; k++) {
        const a = -Math.PI / 2 + (k / (fronds - 1) - 0.5) * 2.4 + r.range(-0.1, 0.1);
        const tipX = x + Math.cos(a) * size;
        const tipY = gy + Math.sin(a) * size * 0.8 + size * 0.25;
        const midX = x + Math.cos(a) * size * 0.5;
        const midY = gy + Math.sin(a) * size * 0.8 - size * 0.15;
        ctx.strokeStyle = p.css(p.lit(scale(green, r.range(0.75, 1.2)), z));
        ctx.lineWidth = Math.max(1, 0.02 * ppm);
        ctx.beginPath();
        ctx.moveTo(x, gy);
        ctx.quadraticCurveTo(midX, midY, tipX, tipY);
        ctx.stroke();
        // Leaflets along the frond, shorter toward its tip.
        ctx.lineWidth = Math.max(1, 0.016 * ppm);
        for (let j = 1; j < 10; j++) {
          const u = j / 10;
          const px = (1 - u) * (1 - u) * x + 2 * u * (1 - u) * midX + u * u * tipX;
          const py = (1 - u) * (1 - u) * gy + 2 * u * (1 - u) * midY + u * u * tipY;
          const len = size * 0.22 * (1 - u * 0.7);
          ctx.beginPath();
          ctx.moveTo(px - len * 0.7, py - len * 0.5);
          ctx.lineTo(px, py);
          ctx.lineTo(px + len * 0.7, py - len * 0.5);
          ctx.stroke();
        }
      }
    }
  };
}

export function trunksPaint(p: Palette, r: Random, z: number, x0: number, x1: number, focusX: number): Paint {
  return (ctx, toPx, ppm) => {
    const bark = hex('#4a382a');
    for (let x = x0; x < x1; x += r.range(1.6, 3.2)) {
      if (Math.abs(x - focusX) < 1.8) continue;
      const w = r.range(0.25, 0.5);
      const [px, py] = toPx(x, 0);
      const [, top] = toPx(x, 9);
      const g = ctx.createLinearGradient(px, 0, px + w * ppm, 0);
      g.addColorStop(0, p.css(p.lit(scale(bark, 0.6), z)));
      g.addColorStop(0.5, p.css(p.lit(bark, z)));
      g.addColorStop(1, p.css(p.lit(scale(bark, 0.5), z)));
      ctx.fillStyle = g;
      ctx.fillRect(px, top, w * ppm, py - top + 2);
    }
  };
}

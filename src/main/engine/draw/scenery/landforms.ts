/** Landforms painted into layers: mountain ranges, dunes and scattered rocks. */
import type { Paint } from '../layers';
import { hex, mix, scale, type Palette, type RGB } from '../palette';
import type { Random } from '../../random';

/** A ridge line of n points from 0 to 1. */
function ridge(r: Random, n: number, rough: number): number[] {
  // Midpoint displacement: a natural skyline of peaks.
  let pts = [r.next(), r.next()];
  let amp = rough;
  while (pts.length < n) {
    const next: number[] = [];
    for (let i = 0; i < pts.length - 1; i++) {
      const a = pts[i] ?? 0;
      const b = pts[i + 1] ?? 0;
      next.push(a, (a + b) / 2 + (r.next() - 0.5) * amp);
    }
    next.push(pts[pts.length - 1] ?? 0);
    pts = next;
    amp *= 0.55;
  }
  const lo = Math.min(...pts);
  const hi = Math.max(...pts);
  return pts.map((p) => (p - lo) / Math.max(1e-6, hi - lo));
}

/** A range of peaks, hazed with distance, snow-capped when asked. */
export function mountainPaint(p: Palette, r: Random, z: number, height: number, tint: RGB, snow: boolean): Paint {
  return (ctx, toPx) => {
    const w = ctx.canvas.width;
    const h = ctx.canvas.height;
    const pts = ridge(r, 129, 1.1);
    const [, baseY] = toPx(0, -2);
    const col = p.haze(p.lit(tint), z * 0.9);
    const grad = ctx.createLinearGradient(0, baseY - height * 3, 0, baseY);
    grad.addColorStop(0, p.css(col));
    grad.addColorStop(1, p.css(p.haze(col, z * 0.5)));
    ctx.fillStyle = grad;
    ctx.beginPath();
    ctx.moveTo(0, h);
    pts.forEach((v, i) => {
      const x = (i / (pts.length - 1)) * w;
      const [, y] = toPx(0, height * (0.35 + 0.65 * v));
      ctx.lineTo(x, y);
    });
    ctx.lineTo(w, h);
    ctx.closePath();
    ctx.fill();
    if (snow) {
      ctx.fillStyle = p.css(p.haze(p.lit(hex('#e8edf2')), z), 0.8);
      pts.forEach((v, i) => {
        if (v < 0.75) return;
        const x = (i / (pts.length - 1)) * w;
        const [, y] = toPx(0, height * (0.35 + 0.65 * v));
        ctx.beginPath();
        ctx.moveTo(x - w / 120, y + (v - 0.7) * 40);
        ctx.lineTo(x, y);
        ctx.lineTo(x + w / 120, y + (v - 0.7) * 40);
        ctx.fill();
      });
    }
  };
}

/** A line of dunes with a lit crest. */
export function dunePaint(p: Palette, r: Random, z: number, height: number): Paint {
  return (ctx, toPx) => {
    const w = ctx.canvas.width;
    const h = ctx.canvas.height;
    const pts = ridge(r, 33, 0.6);
    const base = p.haze(p.lit(hex('#d9b57e')), z * 0.6);
    const [, crest] = toPx(0, height);
    const [, foot] = toPx(0, 0);
    const dg = ctx.createLinearGradient(0, crest, 0, foot);
    dg.addColorStop(0, p.css(base));
    dg.addColorStop(1, p.css(scale(base, 0.8)));
    ctx.fillStyle = dg;
    ctx.beginPath();
    ctx.moveTo(0, h);
    const ys: number[] = [];
    pts.forEach((v, i) => {
      const [, y] = toPx(0, height * (0.3 + 0.7 * v));
      ys.push(y);
      const x = (i / (pts.length - 1)) * w;
      if (i === 0) ctx.lineTo(x, y);
      else {
        const px = ((i - 0.5) / (pts.length - 1)) * w;
        ctx.quadraticCurveTo(px, (y + (ys[i - 1] ?? y)) / 2 - 2, x, y);
      }
    });
    ctx.lineTo(w, h);
    ctx.closePath();
    ctx.fill();
    // A lit crest line along the ridge.
    ctx.strokeStyle = p.css(mix(base, [255, 240, 210], 0.3), 0.6);
    ctx.lineWidth = Math.max(1, w / 900);
    ctx.beginPath();
    ys.forEach((y, i) => {
      const x = (i / (pts.length - 1)) * w;
      if (i === 0) ctx.moveTo(x, y);
      else ctx.lineTo(x, y);
    });
    ctx.stroke();
  };
}

/** Rocks scattered along the ground at one depth, clear of the subject. */
export function rocksPaint(p: Palette, r: Random, z: number, x0: number, x1: number, focusX: number): Paint {
  return (ctx, toPx, ppm) => {
    for (let x = x0; x < x1; x += r.range(0.8, 2.4)) {
      if (Math.abs(x - focusX) < 0.8) continue;
      const w = r.range(0.25, 0.8);
      const h = w * r.range(0.4, 0.7);
      const [px, py] = toPx(x, 0);
      ctx.fillStyle = p.css(p.lit(scale(hex('#7a7670'), r.range(0.75, 1.1)), z));
      ctx.beginPath();
      ctx.ellipse(px, py, (w / 2) * ppm, h * ppm, 0, Math.PI, 0);
      ctx.fill();
      ctx.fillStyle = p.css(p.lit(hex('#a8a49c'), z), 0.4);
      ctx.beginPath();
      ctx.ellipse(px - w * 0.12 * ppm, py - h * 0.6 * ppm, w * 0.18 * ppm, h * 0.25 * ppm, 0, 0, Math.PI * 2);
      ctx.fill();
    }
  };
}

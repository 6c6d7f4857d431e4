/**
 * City places painted into layers: a brick wall, neon signs, market stalls under striped awnings,
 * the neighbouring roofs and parapet of a rooftop, a station's canopy, and a harbour's dock edge
 * with boats moored beyond it.
 */
import type { SKRSContext2D } from '@napi-rs/canvas';
import type { Paint } from '../layers';
import { hex, mix, scale, type Palette, type RGB } from '../palette';
import type { Random } from '../../random';

type ToPx = (x: number, y: number) => [number, number];

function rect(ctx: SKRSContext2D, toPx: ToPx, x0: number, y0: number, x1: number, y1: number): void {
  const [ax, ay] = toPx(x0, y1);
  const [bx, by] = toPx(x1, y0);
  ctx.fillRect(ax, ay, bx - ax, by - ay);
}

/** Bricks in courses, each brick a slightly different red, with mortar between. */
export function brickWallPaint(p: Palette, r: Random, z: number, x0: number, x1: number, height: number): Paint {
  return (ctx, toPx, ppm) => {
    ctx.fillStyle = p.css(p.haze(p.lit(hex('#b8a898')), z));
    rect(ctx, toPx, x0, 0, x1, height);
    const bw = 0.23;
    const bh = 0.075;
    const fine = bh * ppm >= 3;
    const bricks = ['#8a3f2c', '#9a4a32', '#7a3a2a', '#a3553a'].map(hex);
    for (let row = 0, y = 0; y < height; row++, y += bh) {
      if (!fine) {
        ctx.fillStyle = p.css(p.haze(p.lit(r.pick(bricks)), z));
        rect(ctx, toPx, x0, y, x1, y + bh * 0.85);
        continue;
      }
      for (let x = x0 - (row % 2) * bw * 0.5; x < x1; x += bw) {
        ctx.fillStyle = p.css(p.haze(p.lit(scale(r.pick(bricks), r.range(0.85, 1.1))), z));
        rect(ctx, toPx, x + 0.01, y + 0.01, x + bw - 0.01, y + bh - 0.01);
      }
    }
    // A cap of concrete along the top.
    ctx.fillStyle = p.css(p.haze(p.lit(hex('#8d8a84')), z));
    rect(ctx, toPx, x0, height, x1, height + 0.12);
  };
}

const neonColours = ['#ff3fa4', '#3fe0ff', '#7dff6a', '#ffb43f', '#b46bff', '#ff5a4a'].map(hex);

/** A glowing tube sign: a halo, then the bright tube; vertical or across. */
export function neonSign(
  ctx: SKRSContext2D,
  p: Palette,
  colour: RGB,
  x: number,
  y: number,
  w: number,
  h: number,
): void {
  const cx = x + w / 2;
  const cy = y + h / 2;
  const rad = Math.max(w, h) * 0.9;
  const g = ctx.createRadialGradient(cx, cy, 0, cx, cy, rad);
  g.addColorStop(0, p.css(colour, 0.45));
  g.addColorStop(1, p.css(colour, 0));
  ctx.fillStyle = g;
  ctx.fillRect(cx - rad, cy - rad, rad * 2, rad * 2);
  ctx.fillStyle = p.css(scale(colour, 0.25), 0.9);
  ctx.fillRect(x, y, w, h);
  ctx.strokeStyle = p.css(mix(colour, [255, 255, 255], 0.45));
  ctx.lineWidth = Math.max(1.5, Math.min(w, h) * 0.08);
  ctx.strokeRect(x, y, w, h);
  // Strokes inside stand for the lettering.
  const vertical = h > w;
  const n = vertical ? Math.max(2, Math.round(h / w)) : Math.max(2, Math.round(w / h));
  ctx.beginPath();
  for (let i = 0; i < n; i++) {
    if (vertical) {
      const yy = y + ((i + 0.3) / n) * h;
      ctx.moveTo(x + w * 0.25, yy);
      ctx.lineTo(x + w * 0.75, yy + (h / n) * 0.4);
    } else {
      const xx = x + ((i + 0.3) / n) * w;
      ctx.moveTo(xx, y + h * 0.25);
      ctx.lineTo(xx + (w / n) * 0.3, y + h * 0.75);
    }
  }
  ctx.stroke();
}

/** Neon signs hung along the shop fronts, lit whatever the hour. */
export function neonSignsPaint(p: Palette, r: Random, x0: number, x1: number): Paint {
  return (ctx, toPx, ppm) => {
    for (let x = x0 + r.range(0, 2); x < x1; x += r.range(2.2, 4.5)) {
      const vertical = r.next() < 0.45;
      const w = (vertical ? r.range(0.5, 0.8) : r.range(1.6, 3)) * ppm;
      const h = (vertical ? r.range(2, 3.4) : r.range(0.5, 0.8)) * ppm;
      const [px, py] = toPx(x, r.range(3, 6.5));
      neonSign(ctx, p, r.pick(neonColours), px, py, w, h);
    }
  };
}

/** A row of market stalls: trestles of produce under striped awnings, lanterns strung between them at night. */
export function stallsPaint(p: Palette, r: Random, z: number, x0: number, x1: number, focusX: number): Paint {
  const awnings = [
    ['#c8352c', '#f2ede2'],
    ['#2f7a4a', '#f2ede2'],
    ['#2f5f9a', '#f2d65a'],
    ['#e07a2a', '#f2ede2'],
  ].map(([a, b]) => [hex(a ?? '#c8352c'), hex(b ?? '#f2ede2')] as const);
  const produce = ['#d8342c', '#f0a030', '#e8d040', '#5aa040', '#8a3a8a', '#e86a50'].map(hex);
  return (ctx, toPx, ppm) => {
    const lamps: [number, number][] = [];
    for (let x = x0; x < x1; x += r.range(2.6, 3.4)) {
      if (Math.abs(x + 1.2 - focusX) < 1.3) continue;
      const w = r.range(2.2, 2.6);
      const [a, b] = r.pick(awnings);
      const wood = p.css(p.haze(p.lit(hex('#6a4a30')), z));
      ctx.fillStyle = wood;
      for (const px of [x + 0.05, x + w - 0.1]) rect(ctx, toPx, px, 0, px + 0.08, 2.3);
      // The trestle and its heaped produce.
      rect(ctx, toPx, x, 0.78, x + w, 0.88);
      ctx.fillStyle = p.css(p.haze(p.lit(hex('#8a6a48')), z));
      rect(ctx, toPx, x + 0.1, 0, x + w - 0.1, 0.78);
      for (let k = 0; k < 26; k++) {
        ctx.fillStyle = p.css(p.haze(p.lit(r.pick(produce)), z));
        const [cx, cy] = toPx(x + r.range(0.15, w - 0.15), 0.9 + r.range(0, 0.18));
        ctx.beginPath();
        ctx.arc(cx, cy, Math.max(1, 0.07 * ppm), 0, Math.PI * 2);
        ctx.fill();
      }
      // The striped awning, sloping down to the front with a scalloped edge.
      const stripes = 7;
      for (let s = 0; s < stripes; s++) {
        const sx0 = x - 0.1 + ((w + 0.2) * s) / stripes;
        const sx1 = x - 0.1 + ((w + 0.2) * (s + 1)) / stripes;
        ctx.fillStyle = p.css(p.haze(p.lit(s % 2 === 0 ? a : b), z));
        ctx.beginPath();
        ctx.moveTo(...toPx(sx0, 2.7));
        ctx.lineTo(...toPx(sx1, 2.7));
        ctx.lineTo(...toPx(sx1, 2.2));
        ctx.lineTo(...toPx(sx0, 2.2));
        ctx.closePath();
        ctx.fill();
        const [ex, ey] = toPx((sx0 + sx1) / 2, 2.2);
        ctx.beginPath();
        ctx.arc(ex, ey, ((sx1 - sx0) / 2) * ppm, 0, Math.PI);
        ctx.fill();
      }
      lamps.push(toPx(x + w / 2, 2.95));
    }
    if (p.night < 0.35) return;
    // Lanterns on a string between the stalls.
    ctx.strokeStyle = p.css([40, 36, 30], 0.8);
    ctx.lineWidth = 1;
    ctx.beginPath();
    lamps.forEach(([lx, ly], i) => (i === 0 ? ctx.moveTo(lx, ly) : ctx.lineTo(lx, ly)));
    ctx.stroke();
    for (const [lx, ly] of lamps) {
      const rad = 0.9 * ppm;
      const g = ctx.createRadialGradient(lx, ly, 0, lx, ly, rad);
      g.addColorStop(0, p.css([255, 190, 110], 0.9));
      g.addColorStop(0.25, p.css([255, 150, 70], 0.35));
      g.addColorStop(1, p.css([255, 150, 70], 0));
      ctx.fillStyle = g;
      ctx.fillRect(lx - rad, ly - rad, rad * 2, rad * 2);
      ctx.fillStyle = p.css([255, 120, 60]);
      ctx.beginPath();
      ctx.ellipse(lx, ly, 0.14 * ppm, 0.18 * ppm, 0, 0, Math.PI * 2);
      ctx.fill();
    }
  };
}

/** The roofs of the buildings around a rooftop: they rise from far below, windows lit after dark. */
export function neighbourRoofsPaint(p: Palette, r: Random, z: number, x0: number, x1: number): Paint {
  return (ctx, toPx) => {
    for (let x = x0; x < x1; x += r.range(0.2, 2)) {
      const w = r.range(6, 16);
      const top = r.range(-8, 18);
      const col = p.haze(
        p.lit(scale(r.pick(['#5a5f6a', '#6a625a', '#4e5660', '#7a7068'].map(hex)), r.range(0.8, 1.1))),
        z,
      );
      ctx.fillStyle = p.css(col);
      rect(ctx, toPx, x, -60, x + w, top);
      // Water tanks and boxes on the roofs.
      if (r.next() < 0.4) {
        ctx.fillStyle = p.css(scale(col, 0.7));
        rect(ctx, toPx, x + w * 0.3, top, x + w * 0.3 + 1.6, top + 2.2);
      }
      const cols = Math.floor(w / 2.4);
      for (let wy = top - 2; wy > -30; wy -= 3) {
        for (let c = 0; c < cols; c++) {
          const lit = p.night > 0.4 ? r.next() < 0.5 : false;
          ctx.fillStyle = lit ? p.css(hex('#ffd98a')) : p.css(scale(col, 0.6));
          const wx = x + 0.6 + c * 2.4;
          rect(ctx, toPx, wx, wy, wx + 1.1, wy + 1.4);
        }
      }
      x += w;
    }
  };
}

/** The parapet along a roof's edge, with a vent box and a railing. */
export function parapetPaint(p: Palette, r: Random, z: number, x0: number, x1: number): Paint {
  return (ctx, toPx) => {
    const wall = p.haze(p.lit(hex('#8a8580')), z);
    ctx.fillStyle = p.css(wall);
    rect(ctx, toPx, x0, 0, x1, 1.05);
    ctx.fillStyle = p.css(scale(wall, 1.15));
    rect(ctx, toPx, x0, 1.0, x1, 1.12);
    ctx.fillStyle = p.css(scale(wall, 0.85));
    for (let x = x0; x < x1; x += r.range(1.8, 2.6)) rect(ctx, toPx, x, 0, x + 0.03, 1.0);
    const box = r.range(2.5, 4.5) * (r.next() < 0.5 ? -1 : 1);
    ctx.fillStyle = p.css(p.haze(p.lit(hex('#a8aaa8')), z));
    rect(ctx, toPx, box, 0, box + 1.3, 1.4);
    ctx.fillStyle = p.css(p.haze(p.lit(hex('#6a6c6c')), z));
    for (let k = 0; k < 5; k++) rect(ctx, toPx, box + 0.1, 0.2 + k * 0.24, box + 1.2, 0.28 + k * 0.24);
  };
}

/** A station's canopy over the far platform: pillars, a roof edge and hanging lamps. */
export function canopyPaint(p: Palette, r: Random, z: number, x0: number, x1: number): Paint {
  return (ctx, toPx) => {
    const steel = p.css(p.haze(p.lit(hex('#3f4a52')), z));
    const roof = p.css(p.haze(p.lit(hex('#5a646a')), z));
    ctx.fillStyle = steel;
    const step = r.range(5, 6.5);
    for (let x = Math.floor(x0 / step) * step; x < x1; x += step) rect(ctx, toPx, x - 0.1, 0, x + 0.1, 3.6);
    ctx.fillStyle = roof;
    rect(ctx, toPx, x0, 3.6, x1, 4.3);
    ctx.fillStyle = steel;
    rect(ctx, toPx, x0, 4.3, x1, 4.45);
    // A bench and a sign board under it.
    for (let x = Math.floor(x0 / step) * step + step / 2; x < x1; x += step * 2) {
      ctx.fillStyle = p.css(p.haze(p.lit(hex('#26466e')), z));
      rect(ctx, toPx, x - 0.7, 2.7, x + 0.7, 3.1);
      ctx.fillStyle = lampColour(p);
      rect(ctx, toPx, x - 0.3, 3.3, x + 0.3, 3.4);
    }
  };
}

function lampColour(p: Palette): string {
  return p.night > 0.3 ? p.css([255, 236, 190]) : p.css(p.lit(hex('#d8d8d0')));
}

/** The edge of the dock: its fascia and bollards, and boats moored out on the water beyond. */
export function dockEdgePaint(p: Palette, r: Random, z: number, x0: number, x1: number): Paint {
  return (ctx, toPx) => {
    const wood = p.haze(p.lit(hex('#5a4030')), z);
    ctx.fillStyle = p.css(wood);
    rect(ctx, toPx, x0, -0.5, x1, 0.05);
    for (let x = x0 + r.range(0, 2); x < x1; x += r.range(3, 4.5)) {
      ctx.fillStyle = p.css(scale(wood, 0.8));
      rect(ctx, toPx, x, -0.5, x + 0.22, 0.75);
      ctx.fillStyle = p.css(scale(wood, 1.2));
      rect(ctx, toPx, x - 0.02, 0.75, x + 0.24, 0.8);
    }
  };
}

/** Boats at their moorings: hulls in harbour colours, with a mast or a wheelhouse. */
export function mooredBoatsPaint(p: Palette, r: Random, z: number, x0: number, x1: number): Paint {
  const hulls = ['#eeeae2', '#2a4a7a', '#b8322a', '#2f6a4a', '#e8c54a'].map(hex);
  return (ctx, toPx) => {
    for (let x = x0 + r.range(0, 4); x < x1; x += r.range(5, 10)) {
      const len = r.range(4, 7);
      const hull = p.haze(p.lit(r.pick(hulls)), z);
      ctx.fillStyle = p.css(hull);
      ctx.beginPath();
      ctx.moveTo(...toPx(x, 1.1));
      ctx.lineTo(...toPx(x + len, 1.2));
      ctx.lineTo(...toPx(x + len * 0.88, 0));
      ctx.lineTo(...toPx(x + len * 0.1, 0));
      ctx.closePath();
      ctx.fill();
      ctx.fillStyle = p.css(scale(hull, 0.6));
      rect(ctx, toPx, x + len * 0.05, 0, x + len * 0.92, 0.18);
      if (r.next() < 0.5) {
        ctx.fillStyle = p.css(p.haze(p.lit(hex('#d8d4cc')), z));
        rect(ctx, toPx, x + len * 0.45, 1.1, x + len * 0.47, 1.1 + len * 1.3);
      } else {
        ctx.fillStyle = p.css(p.haze(p.lit(hex('#e8e4dc')), z));
        rect(ctx, toPx, x + len * 0.55, 1.15, x + len * 0.85, 2.3);
        ctx.fillStyle = p.css(p.haze(p.lit(hex('#3a4a5a')), z));
        rect(ctx, toPx, x + len * 0.6, 1.7, x + len * 0.8, 2.1);
      }
    }
  };
}

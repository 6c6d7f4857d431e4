/**
 * Wild places painted into layers: rock faces along a coast, canyon walls in receding pairs, a
 * near mountain ridge, a waterfall over its cliff, a lighthouse on its rocks and a coral reef.
 */
import type { SKRSContext2D } from '@napi-rs/canvas';
import type { Paint } from '../layers';
import { hex, mix, scale, type Palette, type RGB } from '../palette';
import type { Random } from '../../random';

type ToPx = (x: number, y: number) => [number, number];

/** A jagged edge: n heights between lo and hi, rough but continuous. */
function jagged(r: Random, n: number, lo: number, hi: number): number[] {
  const out: number[] = [];
  let v = r.range(lo, hi);
  for (let i = 0; i < n; i++) {
    v = Math.max(lo, Math.min(hi, v + r.range(-1, 1) * (hi - lo) * 0.25));
    out.push(v);
  }
  return out;
}

/** A rock mass between x0 and x1 from `base` up to a jagged top, with strata and cracks. */
function rockMass(
  ctx: SKRSContext2D,
  toPx: ToPx,
  r: Random,
  o: {
    x0: number;
    x1: number;
    base: number;
    lo: number;
    hi: number;
    fill: string;
    strata: string;
    crack: string;
    /** Metres between points of the top edge: small for crags, large for a mountain's long ridge. */
    step?: number;
    /** The end that slopes down to the floor, as a canyon wall's inner edge does. */
    shoulder?: 'start' | 'end';
  },
): number[] {
  const n = Math.max(4, Math.round(Math.abs(o.x1 - o.x0) / (o.step ?? 1.5)));
  const tops = jagged(r, n + 1, o.lo, o.hi).map((h, i) => {
    if (o.shoulder === undefined) return h;
    const from = o.shoulder === 'end' ? n - i : i;
    const k = Math.min(1, from / Math.max(1, n * 0.3));
    return o.base + (h - o.base) * (0.35 + 0.65 * Math.sqrt(k));
  });
  // A sloping end is a rock face seen edge on: it juts in and out on its way down.
  const face = (x: number, from: number, up: boolean): [number, number][] => {
    const m = 12;
    const amp = Math.abs(o.x1 - o.x0) > 0 ? Math.min(3, (o.hi - o.base) * 0.05) : 0;
    const pts: [number, number][] = [];
    for (let k = 1; k < m; k++) {
      const u = up ? k / m : 1 - k / m;
      pts.push([x + r.range(-1, 1) * amp, o.base + (from - o.base) * u]);
    }
    return pts;
  };
  const first = tops[0] ?? o.lo;
  const last = tops[n] ?? o.lo;
  ctx.fillStyle = o.fill;
  ctx.beginPath();
  ctx.moveTo(...toPx(o.x0, o.base));
  if (o.shoulder === 'start') for (const [x, y] of face(o.x0, first, true)) ctx.lineTo(...toPx(x, y));
  tops.forEach((h, i) => ctx.lineTo(...toPx(o.x0 + ((o.x1 - o.x0) * i) / n, h)));
  if (o.shoulder === 'end') for (const [x, y] of face(o.x1, last, false)) ctx.lineTo(...toPx(x, y));
  ctx.lineTo(...toPx(o.x1, o.base));
  ctx.closePath();
  ctx.fill();
  ctx.save();
  ctx.clip();
  // Horizontal strata and vertical cracks make it read as rock rather than a hill.
  ctx.strokeStyle = o.strata;
  const [, y0] = toPx(0, o.base);
  const [, y1] = toPx(0, o.hi);
  ctx.lineWidth = Math.max(1, Math.abs(y1 - y0) / 90);
  for (let h = o.base + r.range(0.5, 2); h < o.hi; h += r.range(1.2, 3.5)) {
    ctx.beginPath();
    for (let x = Math.min(o.x0, o.x1); x <= Math.max(o.x0, o.x1); x += 2) {
      const [px, py] = toPx(x, h + Math.sin(x * 0.7 + h) * 0.3);
      if (x === Math.min(o.x0, o.x1)) ctx.moveTo(px, py);
      else ctx.lineTo(px, py);
    }
    ctx.stroke();
  }
  ctx.strokeStyle = o.crack;
  for (let k = 0; k < n * 0.8; k++) {
    const x = r.range(Math.min(o.x0, o.x1), Math.max(o.x0, o.x1));
    const top = r.range(o.lo * 0.6, o.hi);
    ctx.beginPath();
    ctx.moveTo(...toPx(x, top));
    ctx.lineTo(...toPx(x + r.range(-0.6, 0.6), top - r.range(2, 7)));
    ctx.stroke();
  }
  ctx.restore();
  return tops;
}

function rockColours(p: Palette, z: number, base: RGB, shade: number): { fill: string; strata: string; crack: string } {
  const c = p.haze(p.lit(scale(base, shade)), z * 0.8);
  return { fill: p.css(c), strata: p.css(scale(c, 0.78), 0.7), crack: p.css(scale(c, 0.55), 0.6) };
}

/** Sea cliffs rising from the water on either side, with surf breaking white at their feet. */
export function cliffsPaint(p: Palette, r: Random, z: number, x0: number, x1: number, dark: boolean): Paint {
  return (ctx, toPx) => {
    const inner = z * 0.3;
    const base = dark ? hex('#3b3936') : hex('#8a7a66');
    const c = rockColours(p, z, base, r.range(0.85, 1.05));
    const height = Math.min(40, 8 + z * 0.45);
    for (const side of [-1, 1]) {
      const a = side < 0 ? x0 : inner * (1 + r.range(0, 0.4));
      const b = side < 0 ? -inner * (1 + r.range(0, 0.4)) : x1;
      rockMass(ctx, toPx, r, {
        x0: a,
        x1: b,
        base: -1,
        lo: height * 0.55,
        hi: height,
        shoulder: side < 0 ? 'end' : 'start',
        ...c,
      });
      // Foam where the waves meet the rock.
      ctx.fillStyle = p.css(p.lit(hex('#f2f4f2')), 0.8);
      for (let x = a; x < b; x += r.range(0.8, 2)) {
        const [px, py] = toPx(x, 0.1);
        const [qx, qy] = toPx(x + r.range(0.8, 2.2), r.range(0.15, 0.45));
        ctx.beginPath();
        ctx.ellipse((px + qx) / 2, py, Math.abs(qx - px) / 2, Math.max(1, py - qy), 0, Math.PI, 0);
        ctx.fill();
      }
    }
  };
}

/** One pair of canyon walls at depth z: the gap between them narrows and wanders with distance. */
export function canyonWallsPaint(p: Palette, r: Random, z: number, x0: number, x1: number, k: number): Paint {
  return (ctx, toPx) => {
    const centre = Math.sin(k * 1.7) * z * 0.06;
    const gap = 2.4 + z * 0.16;
    const height = 10 + z * 0.9;
    const lit = k % 2 === 0 ? 1 : 0.78;
    for (const side of [-1, 1]) {
      const base = side < 0 ? hex('#9a4a2c') : hex('#b0603a');
      const c = rockColours(p, z, base, lit * (side < 0 ? 0.82 : 1));
      const a = side < 0 ? x0 : centre + gap;
      const b = side < 0 ? centre - gap : x1;
      rockMass(ctx, toPx, r, {
        x0: a,
        x1: b,
        base: -1,
        lo: height * 0.75,
        hi: height,
        step: 2 + z * 0.08,
        shoulder: side < 0 ? 'end' : 'start',
        ...c,
      });
    }
  };
}

/** A nearer rocky ridge for a mountain place: grey rock, snow on its highest points. */
export function ridgePaint(p: Palette, r: Random, z: number, x0: number, x1: number, height: number): Paint {
  return (ctx, toPx) => {
    const c = rockColours(p, z, hex('#6d6a66'), 1);
    const step = height * 0.45;
    const tops = rockMass(ctx, toPx, r, { x0, x1, base: -2, lo: height * 0.3, hi: height, step, ...c });
    ctx.fillStyle = p.css(p.haze(p.lit(hex('#eef2f6')), z * 0.8), 0.9);
    tops.forEach((top, i) => {
      if (top < height * 0.72) return;
      const x = x0 + i * ((x1 - x0) / (tops.length - 1));
      const w = step * 0.45;
      const left = tops[i - 1] ?? top;
      const right = tops[i + 1] ?? top;
      // A cap that follows the slopes down from the peak.
      ctx.beginPath();
      ctx.moveTo(...toPx(x - w, top + (left - top) * (w / step) - w * 0.15));
      ctx.lineTo(...toPx(x, top));
      ctx.lineTo(...toPx(x + w, top + (right - top) * (w / step) - w * 0.15));
      ctx.lineTo(...toPx(x + w * 0.2, top - w * 0.35));
      ctx.lineTo(...toPx(x - w * 0.3, top - w * 0.25));
      ctx.closePath();
      ctx.fill();
    });
  };
}

/** Where a waterfall falls, on its layer's plane: its width, height and the pool below. */
export interface Falls {
  z: number;
  x: number;
  width: number;
  height: number;
}

/** The cliff a waterfall pours over, the white column of water, and the pool and mist at its foot. */
export function waterfallPaint(p: Palette, r: Random, f: Falls, mossy: boolean): Paint {
  return (ctx, toPx) => {
    const c = rockColours(p, f.z, mossy ? hex('#4f5a44') : hex('#6f6a62'), 1);
    const half = f.width * 3.2;
    rockMass(ctx, toPx, r, { x0: f.x - half, x1: f.x + half, base: -1, lo: f.height * 0.85, hi: f.height * 1.1, ...c });
    if (mossy) {
      ctx.fillStyle = p.css(p.haze(p.lit(hex('#3f6a32')), f.z), 0.7);
      for (let k = 0; k < 40; k++) {
        const [px, py] = toPx(f.x + r.range(-half, half), r.range(0, f.height));
        ctx.beginPath();
        ctx.ellipse(px, py, r.range(4, 14), r.range(3, 8), 0, 0, Math.PI * 2);
        ctx.fill();
      }
    }
    const [lx, top] = toPx(f.x - f.width / 2, f.height);
    const [rx, bottom] = toPx(f.x + f.width / 2, 0);
    const g = ctx.createLinearGradient(lx, 0, rx, 0);
    const water = p.lit(hex('#dff0f4'));
    g.addColorStop(0, p.css(scale(water, 0.8)));
    g.addColorStop(0.5, p.css(water));
    g.addColorStop(1, p.css(scale(water, 0.75)));
    ctx.fillStyle = g;
    ctx.fillRect(lx, top, rx - lx, bottom - top);
    // The pool and the mist thrown up where the water lands.
    const [plx, ply] = toPx(f.x - f.width * 2.2, 0.2);
    const [prx] = toPx(f.x + f.width * 2.2, 0);
    ctx.fillStyle = p.css(p.lit(hex('#3f7a86')));
    ctx.beginPath();
    ctx.ellipse((plx + prx) / 2, ply, (prx - plx) / 2, (prx - plx) / 14, 0, 0, Math.PI * 2);
    ctx.fill();
    for (let k = 0; k < 14; k++) {
      const [mx, my] = toPx(f.x + r.range(-f.width * 1.6, f.width * 1.6), r.range(0, f.height * 0.18));
      const rad = r.range(0.4, 1.2) * (rx - lx);
      const mg = ctx.createRadialGradient(mx, my, 0, mx, my, rad);
      mg.addColorStop(0, p.css([240, 246, 248], 0.35));
      mg.addColorStop(1, p.css([240, 246, 248], 0));
      ctx.fillStyle = mg;
      ctx.fillRect(mx - rad, my - rad, rad * 2, rad * 2);
    }
  };
}

/** Where the lighthouse stands and how tall its tower is, in metres on its layer. */
export interface Tower {
  z: number;
  x: number;
  height: number;
}

/** A white tower banded red on a rock, with a glazed lamp room that glows after sunset. */
export function lighthousePaint(p: Palette, r: Random, tw: Tower): Paint {
  return (ctx, toPx) => {
    const { x, height: h } = tw;
    const c = rockColours(p, tw.z, hex('#4a4642'), 1);
    rockMass(ctx, toPx, r, { x0: x - h * 0.6, x1: x + h * 0.6, base: -1, lo: h * 0.08, hi: h * 0.18, ...c });
    const foot = h * 0.15;
    const wb = h * 0.09;
    const wt = h * 0.06;
    const white = p.haze(p.lit(hex('#eeeae2')), tw.z * 0.8);
    const red = p.haze(p.lit(hex('#b8322a')), tw.z * 0.8);
    const band = (y0: number, y1: number, col: RGB): void => {
      const k0 = (y0 - foot) / (h - foot);
      const k1 = (y1 - foot) / (h - foot);
      ctx.fillStyle = p.css(col);
      ctx.beginPath();
      ctx.moveTo(...toPx(x - wb + (wb - wt) * k0, y0));
      ctx.lineTo(...toPx(x - wb + (wb - wt) * k1, y1));
      ctx.lineTo(...toPx(x + wb - (wb - wt) * k1, y1));
      ctx.lineTo(...toPx(x + wb - (wb - wt) * k0, y0));
      ctx.closePath();
      ctx.fill();
    };
    const bands = 5;
    for (let i = 0; i < bands; i++) {
      const y0 = foot + ((h - foot) * i) / bands;
      band(y0, y0 + (h - foot) / bands, i % 2 === 0 ? white : red);
    }
    // Gallery, lamp room and cap.
    const [gx0, gy] = toPx(x - wt * 1.4, h);
    const [gx1] = toPx(x + wt * 1.4, h);
    ctx.fillStyle = p.css(scale(white, 0.4));
    ctx.fillRect(gx0, gy - 3, gx1 - gx0, 4);
    const glow = p.night > 0.3 ? mix(hex('#ffe9a8'), [255, 255, 255], 0.3) : p.lit(hex('#9fb4c0'));
    const [lx0, ly0] = toPx(x - wt * 0.8, h + h * 0.09);
    const [lx1, ly1] = toPx(x + wt * 0.8, h);
    ctx.fillStyle = p.css(glow);
    ctx.fillRect(lx0, ly0, lx1 - lx0, ly1 - ly0);
    ctx.fillStyle = p.css(scale(red, 0.7));
    ctx.beginPath();
    ctx.moveTo(...toPx(x - wt * 1.1, h + h * 0.09));
    ctx.lineTo(...toPx(x, h + h * 0.16));
    ctx.lineTo(...toPx(x + wt * 1.1, h + h * 0.09));
    ctx.closePath();
    ctx.fill();
  };
}

/** Corals on the sea floor: branching antlers, round brain corals and fans, in reef colours. */
export function reefPaint(p: Palette, r: Random, z: number, x0: number, x1: number, focusX: number): Paint {
  const colours = ['#e0704f', '#d94f86', '#8e5fc0', '#f0b04a', '#3fb0a0', '#e86a6a'].map(hex);
  return (ctx, toPx, ppm) => {
    for (let x = x0; x < x1; x += r.range(0.35, 0.9)) {
      if (Math.abs(x - focusX) < 0.9 && r.next() < 0.7) continue;
      const col = p.css(p.haze(p.lit(r.pick(colours)), z));
      const [px, py] = toPx(x, 0);
      const size = r.range(0.25, 0.8) * ppm;
      ctx.fillStyle = col;
      ctx.strokeStyle = col;
      const kind = r.next();
      if (kind < 0.4) {
        ctx.lineWidth = Math.max(1.5, size * 0.1);
        branch(ctx, r, px, py, -Math.PI / 2, size, 3);
      } else if (kind < 0.7) {
        ctx.beginPath();
        ctx.ellipse(px, py, size * 0.55, size * 0.4, 0, Math.PI, 0);
        ctx.fill();
        ctx.strokeStyle = p.css([0, 0, 0], 0.18);
        ctx.lineWidth = 1;
        for (let k = 1; k < 4; k++) {
          ctx.beginPath();
          ctx.ellipse(px, py, size * 0.55 * (k / 4), size * 0.4 * (k / 4), 0, Math.PI, 0);
          ctx.stroke();
        }
      } else {
        ctx.beginPath();
        ctx.moveTo(px, py);
        ctx.quadraticCurveTo(px - size * 0.8, py - size * 0.9, px - size * 0.2, py - size * 1.3);
        ctx.quadraticCurveTo(px + size * 0.4, py - size * 1.5, px + size * 0.6, py - size * 0.9);
        ctx.closePath();
        ctx.globalAlpha = 0.85;
        ctx.fill();
        ctx.globalAlpha = 1;
      }
    }
  };
}

function branch(ctx: SKRSContext2D, r: Random, x: number, y: number, a: number, len: number, depth: number): void {
  const ex = x + Math.cos(a) * len * 0.5;
  const ey = y + Math.sin(a) * len * 0.5;
  ctx.beginPath();
  ctx.moveTo(x, y);
  ctx.lineTo(ex, ey);
  ctx.stroke();
  if (depth <= 0) return;
  branch(ctx, r, ex, ey, a - r.range(0.25, 0.6), len * 0.75, depth - 1);
  branch(ctx, r, ex, ey, a + r.range(0.25, 0.6), len * 0.75, depth - 1);
}

/**
 * The setting: sky, ground bands, water and the static parallax layers (mountains, dunes,
 * skyline, facades, tree lines, grass), built once per shot and drawn each frame.
 */
import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import { blurPixels, groundY, horizonY, project, projectDirection, type CameraState } from '../camera';
import { Random } from '../random';
import { rippleSpeed, type Ripple } from '../simulate';
import type { Stage } from '../stage/types';
import { fillVertical } from './gradient';
import { drawLayer, makeLayer, visibleRect, type Layer } from './layers';
import { hex, mix, scale, type Palette, type RGB } from './palette';
import type { GroundKind } from '../stage/layout';

export interface Scenery {
  /** Sky, far landscape, far ground and far layers in one picture; null indoors. */
  backdrop: Layer | null;
  /** Layers standing on the ground, drawn interleaved with the ground by depth. */
  far: Layer[];
  /** Layers nearer than the subject, drawn over figures. */
  near: Layer[];
  /** Ground and layers farther than this are baked into the backdrop. */
  bakeZ: number;
}

/**
 * Beyond this distance a camera move of a metre or two shifts nothing by more than a pixel or
 * two, so the ground and layers there are painted once into the backdrop.
 */
export const bakeDepth = 28;

type Paint = Parameters<typeof makeLayer>[4];

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

function mountainPaint(p: Palette, r: Random, z: number, height: number, tint: RGB, snow: boolean): Paint {
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

function treeLinePaint(
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
    const gy = ground;
    // Low bushes join the trees to the ground.
    ctx.fillStyle = p.css(p.lit(mix(leafBase, hex('#101a12'), 0.3), z));
    for (let x = 0; x < ctx.canvas.width; x += heightBase * ppm * r.range(0.15, 0.4)) {
      const bw = heightBase * ppm * r.range(0.08, 0.2);
      ctx.beginPath();
      ctx.ellipse(x, gy, bw, bw * r.range(0.5, 0.9), 0, Math.PI, 0);
      ctx.fill();
    }
    for (let i = 0; i < count; i++) {
      const x = x0 + ((i + r.next() * 0.8) / count) * (x1 - x0);
      const hgt = heightBase * r.range(0.7, 1.3);
      const [px, py] = toPx(x, 0);
      const shade = r.range(0.75, 1.15);
      const leaf = p.css(p.lit(scale(leafBase, shade), z));
      if (pines) {
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
      } else {
        ctx.strokeStyle = trunk;
        ctx.lineWidth = Math.max(1, hgt * 0.06 * ppm);
        ctx.beginPath();
        ctx.moveTo(px, py);
        ctx.lineTo(px, py - hgt * 0.55 * ppm);
        ctx.stroke();
        ctx.fillStyle = leaf;
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
    }
  };
}

function grassPaint(p: Palette, r: Random, z: number, tall: number, flowers: boolean, kind: 'grass' | 'reeds'): Paint {
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
function fernPaint(p: Palette, r: Random, z: number, focusX: number): Paint {
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

function skylinePaint(p: Palette, r: Random, z: number, x0: number, x1: number, near: boolean): Paint {
  return (ctx, toPx, ppm) => {
    let x = x0;
    const [, gy] = toPx(0, 0);
    while (x < x1) {
      const bw = near ? r.range(5, 11) : r.range(18, 45);
      const bh = near ? r.range(7, 18) : r.range(35, 140);
      const base = near ? r.pick(['#8a6f5c', '#9c8b78', '#6f6a66', '#a57a5a', '#7d8288'].map(hex)) : hex('#56607a');
      const col = p.lit(scale(base, r.range(0.8, 1.1)), z);
      const [px] = toPx(x, 0);
      ctx.fillStyle = p.css(col);
      ctx.fillRect(px, gy - bh * ppm, bw * ppm, bh * ppm + 2);
      // Windows: lit at night, reflecting the sky by day.
      const rows = Math.floor(bh / (near ? 3 : 4));
      const cols = Math.floor(bw / (near ? 2.2 : 3));
      for (let i = 0; i < rows; i++) {
        for (let j = 0; j < cols; j++) {
          if (near && i === 0) continue;
          const lit = p.night > 0.4 && r.next() < 0.55;
          const wc = lit ? hex('#ffd98a') : p.light.skyHorizon;
          ctx.fillStyle = lit ? p.css(wc, 0.95) : p.css(p.lit(scale(wc, 0.6), z), 0.9);
          const wx = px + ((j + 0.3) / cols) * bw * ppm;
          const wy = gy - bh * ppm + ((i + 0.35) / rows) * bh * ppm;
          ctx.fillRect(wx, wy, (bw / cols) * 0.45 * ppm, (bh / rows) * 0.4 * ppm);
        }
      }
      if (near && (p.night > 0.4 || p.style.neon) && r.next() < 0.7) {
        // A neon sign over the shop: a glowing outline.
        const colour = r.pick(['#ff3fa4', '#3fe0ff', '#7dff6a', '#ffb43f', '#b46bff'].map(hex));
        const sx = px + bw * r.range(0.1, 0.45) * ppm;
        const sy = gy - r.range(3.6, 5.5) * ppm;
        const sw = r.range(1.6, 3) * ppm;
        const sh = r.range(0.5, 0.9) * ppm;
        const glow = ctx.createRadialGradient(sx + sw / 2, sy + sh / 2, 0, sx + sw / 2, sy + sh / 2, sw * 1.2);
        glow.addColorStop(0, p.css(colour, 0.45));
        glow.addColorStop(1, p.css(colour, 0));
        ctx.fillStyle = glow;
        ctx.fillRect(sx - sw * 0.7, sy - sw * 0.9, sw * 2.4, sw * 2.4);
        ctx.strokeStyle = p.css(mix(colour, [255, 255, 255], 0.35));
        ctx.lineWidth = Math.max(1.5, 0.08 * ppm);
        ctx.strokeRect(sx, sy, sw, sh);
        ctx.beginPath();
        ctx.moveTo(sx + sw * 0.15, sy + sh * 0.5);
        ctx.lineTo(sx + sw * 0.85, sy + sh * 0.5);
        ctx.stroke();
      }
      if (near) {
        // A shop front: a dark doorway and an awning.
        ctx.fillStyle = p.css(p.lit(hex('#2a2522'), z));
        ctx.fillRect(px + bw * 0.35 * ppm, gy - 2.3 * ppm, 1.1 * ppm, 2.3 * ppm);
        ctx.fillStyle = p.css(p.lit(r.pick(['#b8452f', '#2f6a8a', '#3f7a4a'].map(hex)), z));
        ctx.fillRect(px + bw * 0.05 * ppm, gy - 3 * ppm, bw * 0.9 * ppm, 0.5 * ppm);
      }
      x += bw + (near ? r.range(0, 0.4) : r.range(1, 12));
    }
  };
}

function dunePaint(p: Palette, r: Random, z: number, height: number): Paint {
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

/**
 * How far away things must be for this camera path to move them by under two pixels against the
 * backdrop: a crane or a truck keeps almost everything live; a push-in or a locked-off shot bakes
 * all but the near ground.
 */
function bakeDistance(cams: readonly CameraState[]): number {
  const ref = cams[0];
  if (!ref) return bakeDepth;
  let need = bakeDepth;
  for (const cam of cams) {
    const sideways = Math.hypot(cam.x - ref.x, cam.y - ref.y);
    const forward = Math.abs(cam.z - ref.z);
    need = Math.max(need, (cam.focal * sideways) / 2, Math.sqrt((cam.focal * Math.max(0.5, cam.y) * forward) / 2));
  }
  return need;
}

/** Distance of the backdrop plane: far enough that nothing on it shows parallax. */
const backdropZ = 2000;

/**
 * Builds the shot's static layers for the camera path it will take. Everything far away (sky,
 * sun, moon, stars, clouds, mountains, skyline, far dunes) is painted once into a single backdrop;
 * nearer things (tree lines, facades, reeds, grass) stay separate layers so they move with parallax.
 */
export function buildScenery(stage: Stage, palette: Palette, cams: readonly CameraState[]): Scenery {
  const env = stage.scene.environment;
  const r = Random.derive(stage.seed, `scenery${stage.scene.index}`);
  const layout = stage.layout;
  const far: Layer[] = [];
  const near: Layer[] = [];
  const p = palette;
  const outdoors = layout.interior === null;
  // Each layer covers only the part of its content the camera path can see; one it never sees is
  // not made at all.
  const place = (
    z: number,
    yMin: number,
    yMax: number,
  ): { ppm: number; r: { x0: number; x1: number; y0: number; y1: number } } | null => {
    const v = visibleRect(cams, z);
    const y0 = Math.max(yMin, v.y0);
    const y1 = Math.min(yMax, v.y1);
    return y1 > y0 ? { ppm: v.ppm, r: { x0: v.x0, x1: v.x1, y0, y1 } } : null;
  };
  if (outdoors) {
    if (env.dunes !== undefined) {
      for (const [z, hgt] of [
        [70, 7],
        [26, 2.6],
      ] as const) {
        const at = place(z, -2, hgt * 1.05);
        if (at) far.push(makeLayer(`dunes${z}`, z, at.r, at.ppm, dunePaint(p, r, z, hgt)));
      }
    }
    if (layout.buildingsZ !== null) {
      const z = layout.buildingsZ;
      const at = place(z, -0.5, 19);
      if (at) far.push(makeLayer('facades', z, at.r, at.ppm, skylinePaint(p, r, z, at.r.x0, at.r.x1, true)));
    }
    if (env.trees !== undefined) {
      const forest = stage.scene.setting === 'forest';
      const rows = forest ? [60, 32, 18, 11] : [Math.max(layout.treeLineZ ?? 60, 55)];
      for (const z of rows) {
        const at = place(z, 0, forest ? 15 : 8);
        if (at)
          far.push(
            makeLayer(
              `trees${z}`,
              z,
              at.r,
              at.ppm,
              treeLinePaint(p, r, z, at.r.x0, at.r.x1, forest ? 11 : 5.5, forest && z > 20, forest ? 1.6 : 0.8),
            ),
          );
      }
      if (forest) {
        // Ferns and fallen leaves on the floor behind the subject, so the ground is a forest's.
        const fz = stage.layout.subjectZ + 1.8;
        const floor = place(fz, -0.4, 1);
        if (floor) far.push(makeLayer('ferns', fz, floor.r, floor.ppm, fernPaint(p, r, fz, stage.focus.x)));
        // Nearer trunks framing the subject, off to the sides.
        const z = stage.layout.subjectZ + 2.5;
        const at = place(z, -0.3, 8.5);
        if (at) far.push(makeLayer('trunks', z, at.r, at.ppm, trunksPaint(p, r, z, at.r.x0, at.r.x1, stage.focus.x)));
      }
    }
    const ground = layout.bands[0]?.kind;
    if (env.grass !== undefined && (ground === 'grass' || ground === 'forest')) {
      if (layout.water) {
        const z = layout.water.zMin + 0.05;
        const at = place(z, 0, 0.8);
        if (at) far.push(makeLayer('reeds', z, at.r, at.ppm, grassPaint(p, r, z, 0.55, false, 'reeds')));
      }
      const z = Math.max(1.4, stage.layout.subjectZ - 4.2);
      const at = place(z, -0.8, 0.55);
      if (at)
        near.push(
          makeLayer('grass-near', z, at.r, at.ppm, grassPaint(p, r, z, 0.45, env.flowers !== undefined, 'grass')),
        );
    }
    if (env.rocks !== undefined) {
      const z = stage.layout.subjectZ + 1.5;
      const at = place(z, -0.2, 0.9);
      if (at) far.push(makeLayer('rocks', z, at.r, at.ppm, rocksPaint(p, r, z, at.r.x0, at.r.x1, stage.focus.x)));
    }
  }
  far.sort((a, b) => b.z - a.z);
  // Rack focus changes every layer's blur over the shot, so then the layers stay live.
  const rack = stage.scene.camera.moves.some((m) => m.id === 'rackFocus');
  const bakeZ = bakeDistance(cams);
  const baked = rack ? [] : far.filter((l) => l.z >= bakeZ);
  const live = far.filter((l) => !baked.includes(l));
  const backdrop = outdoors ? buildBackdrop(stage, p, cams, r, baked, bakeZ) : null;
  return { backdrop, far: live, near, bakeZ: outdoors ? bakeZ : Infinity };
}

function rocksPaint(p: Palette, r: Random, z: number, x0: number, x1: number, focusX: number): Paint {
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

/** Paints sky, sun glow, moon, stars, clouds and the far landscape once, on a plane at backdropZ. */
function buildBackdrop(
  stage: Stage,
  p: Palette,
  cams: readonly CameraState[],
  r: Random,
  baked: readonly Layer[],
  bakeZ: number,
): Layer {
  const env = stage.scene.environment;
  const Z = backdropZ;
  const v = visibleRect(cams, Z, 0.15);
  const ref = cams[0];
  const cx = ref?.x ?? 0;
  const cy = ref?.y ?? 1.2;
  const horizonAt = cy;
  const sunEl = (p.light.sunElevation * Math.PI) / 180;
  return makeLayer(
    'backdrop',
    Z,
    { x0: v.x0, x1: v.x1, y0: Math.min(v.y0, horizonAt - Z * 0.05), y1: v.y1 },
    v.ppm,
    (ctx, toPx, ppm) => {
      const w = ctx.canvas.width;
      const h = ctx.canvas.height;
      const [, hy] = toPx(0, horizonAt);
      // Sky by elevation: u = 0 at the horizon to 1 about 42 degrees up.
      const [, topY] = toPx(0, horizonAt + Z * 0.9);
      const g = ctx.createLinearGradient(0, topY, 0, hy);
      for (const u of [1, 0.7, 0.45, 0.3, 0.15, 0.05, 0]) g.addColorStop(1 - u, p.css(p.sky(u)));
      ctx.fillStyle = g;
      ctx.fillRect(0, 0, w, h);
      const dir = (az: number, el: number): [number, number] => toPx(cx + Z * Math.tan(az), cy + Z * Math.tan(el));
      if ((env.stars ?? 0) > 0 && p.night > 0.3) {
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
      if (env.sun !== undefined || p.light.sunElevation > -10) {
        const [sx, sy] = dir(-0.35, Math.max(sunEl, -0.02));
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
      if (env.moon !== undefined && p.night > 0.5) {
        const [mx, my] = dir(0.28, 0.42);
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
      if ((env.clouds ?? 0) > 0 || p.overcast > 0)
        cloudsInto(ctx, p, r, Math.max(env.clouds ?? 0, p.overcast * 1.5), hy);
      // The far landscape, drawn where a camera at (cx, cy) sees it on this plane, softened by depth of field.
      const layerCanvas = createCanvas(w, h);
      const lc = layerCanvas.getContext('2d');
      const onPlane =
        (zl: number) =>
        (x: number, y: number): [number, number] =>
          toPx(cx + ((x - cx) * Z) / zl, cy + ((y - cy) * Z) / zl);
      let drew = false;
      if (env.mountains !== undefined) {
        for (const [zl, hgt, tint] of [
          [900, 110, hex('#6a7690')],
          [420, 55, hex('#4e5a52')],
        ] as const) {
          mountainPaint(
            p,
            r,
            zl,
            hgt,
            tint,
            zl > 800 && stage.scene.timeOfDay !== 'night',
          )(lc, onPlane(zl), (ppm * Z) / zl);
          drew = true;
        }
      }
      if (env.dunes !== undefined) {
        dunePaint(p, r, 300, 22)(lc, onPlane(300), (ppm * Z) / 300);
        drew = true;
      }
      if (env.skyline !== undefined) {
        const zl = 260;
        const x0 = cx + ((v.x0 - cx) * zl) / Z;
        const x1 = cx + ((v.x1 - cx) * zl) / Z;
        skylinePaint(p, r, zl, x0, x1, false)(lc, onPlane(zl), (ppm * Z) / zl);
        drew = true;
      }
      if (drew) {
        const blur = ref ? blurPixels(ref, 500) : 0;
        if (blur > 1.2) ctx.filter = `blur(${(blur / 2.4).toFixed(2)}px)`;
        ctx.drawImage(layerCanvas, 0, 0);
        ctx.filter = 'none';
      }
      if (!ref) return;
      // Far ground and the layers standing on it, back to front, as the first camera sees them.
      const groundToPx = (z: number): number => toPx(0, cy - (cy * Z) / z)[1];
      const pieces = groundPieces(
        stage,
        bakeZ,
        Infinity,
        baked.map((l) => l.z),
      );
      for (const item of interleave(pieces, baked)) {
        if ('canvas' in item) {
          const [x0, y0] = toPx(cx + ((item.x0 - cx) * Z) / item.z, cy + ((item.y0 + item.height - cy) * Z) / item.z);
          const [x1, y1] = toPx(cx + ((item.x0 + item.width - cx) * Z) / item.z, cy + ((item.y0 - cy) * Z) / item.z);
          const blur = blurPixels(ref, item.z - ref.z);
          if (blur > 1.2) ctx.filter = `blur(${(blur / 2.4).toFixed(2)}px)`;
          ctx.drawImage(item.canvas, x0, y0, x1 - x0, y1 - y0);
          ctx.filter = 'none';
          continue;
        }
        const top = item.zFar >= 1e5 ? hy : groundToPx(item.zFar);
        const bottom = groundToPx(item.zNear);
        if (bottom <= top) continue;
        const g = ctx.createLinearGradient(0, top, 0, bottom);
        g.addColorStop(0, p.css(groundColor(p, stage, item.kind, item.zFar)));
        g.addColorStop(1, p.css(groundColor(p, stage, item.kind, item.zNear)));
        ctx.fillStyle = g;
        ctx.fillRect(0, top - 1, w, bottom - top + 2);
        if (item.kind === 'water' && item.zFar < 1e5 && item.zFar === stage.layout.water?.zMax) {
          // The far shore mirrored in still water.
          const treeZ = Math.max(item.zFar + 1, stage.layout.treeLineZ ?? item.zFar + 20);
          const reflH = (ppm * Z * 6) / treeZ;
          const rg = ctx.createLinearGradient(0, top, 0, top + reflH);
          const dark = mix(p.lit(hex('#1d2b22'), treeZ), p.sky(0.05), 0.25);
          rg.addColorStop(0, p.css(dark, 0.6));
          rg.addColorStop(1, p.css(dark, 0));
          ctx.fillStyle = rg;
          ctx.fillRect(0, top, w, Math.min(reflH, bottom - top));
        }
      }
    },
  );
}

interface GroundPiece {
  zNear: number;
  zFar: number;
  kind: GroundKind;
}

/** The ground bands between two distances, split where layers stand so they can be interleaved. */
function groundPieces(stage: Stage, from: number, to: number, cuts: readonly number[]): GroundPiece[] {
  const out: GroundPiece[] = [];
  for (const b of stage.layout.bands) {
    const zNear = Math.max(b.zNear, from);
    const zFar = Math.min(b.zFar >= 4000 ? 1e6 : b.zFar, to);
    if (zFar <= zNear) continue;
    const inside = cuts.filter((c) => c > zNear && c < zFar).sort((a, c) => a - c);
    let start = zNear;
    for (const c of [...inside, zFar]) {
      out.push({ zNear: start, zFar: c, kind: b.kind });
      start = c;
    }
  }
  return out;
}

/** Ground pieces and layers in back-to-front order: a layer hides the ground behind it. */
function interleave(pieces: readonly GroundPiece[], layers: readonly Layer[]): (GroundPiece | Layer)[] {
  const items: { depth: number; rank: number; item: GroundPiece | Layer }[] = [
    ...pieces.map((item) => ({ depth: item.zNear, rank: 0, item })),
    ...layers.map((item) => ({ depth: item.z, rank: 1, item })),
  ];
  items.sort((a, b) => b.depth - a.depth || a.rank - b.rank);
  return items.map((i) => i.item);
}

/** A ground colour at a distance: the same function for the baked far ground and the live near ground, so they meet without a seam. */
function groundColor(p: Palette, stage: Stage, kind: GroundKind, z: number): RGB {
  if (kind === 'water') {
    const w = stage.layout.water;
    const tint = w?.kind === 'ocean' ? hex('#2d5a78') : w?.kind === 'river' ? hex('#3a5c66') : hex('#385f78');
    const farCol = mix(p.sky(0.04), p.lit(tint), 0.18);
    const nearCol = mix(scale(p.sky(0.55), 0.85), p.lit(tint), 0.4);
    const k = 1 - Math.exp(-Math.max(0, z - (w?.zMin ?? 0)) / 10);
    return mix(nearCol, farCol, k);
  }
  const base = p.ground(kind);
  return scale(p.lit(base, Math.min(z, 3000)), 0.92 + 0.08 * Math.min(1, z / 40));
}

function cloudsInto(ctx: SKRSContext2D, p: Palette, r: Random, amount: number, horizonY: number): void {
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

function trunksPaint(p: Palette, r: Random, z: number, x0: number, x1: number, focusX: number): Paint {
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

export function drawSky(ctx: SKRSContext2D, cam: CameraState, p: Palette, scenery: Scenery): void {
  if (scenery.backdrop) {
    // Opaque and first: copied rather than blended.
    ctx.globalCompositeOperation = 'copy';
    drawLayer(ctx, cam, scenery.backdrop, 1, false);
    ctx.globalCompositeOperation = 'source-over';
    return;
  }
  ctx.fillStyle = p.css(p.sky(0.3));
  ctx.fillRect(-cam.width, -cam.height, cam.width * 3, cam.height * 3);
}

/**
 * The live ground nearer than the bake distance, band by band, interleaved with the layers that
 * stand on it; stripes at fixed depths slide and spread as the camera moves.
 */
export function drawGroundAndLayers(
  ctx: SKRSContext2D,
  cam: CameraState,
  p: Palette,
  stage: Stage,
  scenery: Scenery,
  t: number,
  ripples: readonly Ripple[],
): void {
  const W = cam.width;
  const H = cam.height;
  const hy = horizonY(cam);
  for (const l of scenery.far) if (l.z >= scenery.bakeZ) drawLayer(ctx, cam, l);
  const live = scenery.far.filter((l) => l.z < scenery.bakeZ);
  const pieces = groundPieces(
    stage,
    -10,
    scenery.bakeZ,
    live.map((l) => l.z),
  );
  for (const item of interleave(pieces, live)) {
    if ('canvas' in item) {
      drawLayer(ctx, cam, item);
      continue;
    }
    const yFar = item.zFar >= 1e5 ? hy : Math.max(hy, groundY(cam, item.zFar) ?? hy);
    const yNear = item.zNear <= cam.z + 0.2 ? H * 1.2 : Math.min(H * 1.2, groundY(cam, item.zNear) ?? H * 1.2);
    if (yNear <= yFar) continue;
    const zNearSeen = Math.max(item.zNear, cam.z + 0.5);
    fillVertical(ctx, -W * 0.1, yFar - 1, W * 1.2, yNear - yFar + 2, [
      [0, p.rgba(groundColor(p, stage, item.kind, item.zFar))],
      [1, p.rgba(groundColor(p, stage, item.kind, zNearSeen))],
    ]);
    if (item.kind === 'water') {
      drawWater(ctx, cam, p, stage, item.zNear, item.zFar, yNear, yFar, t, ripples);
      continue;
    }
    if (item.kind === 'road') {
      drawRoadMarkings(ctx, cam, p, item.zNear, item.zFar);
      continue;
    }
    const base = p.ground(item.kind);
    const zTo = Math.min(item.zFar, 40);
    const stripes = 12;
    for (let i = 0; i < stripes; i += 2) {
      const zA = item.zNear + (zTo - item.zNear) * Math.pow(i / stripes, 1.8);
      const zB = item.zNear + (zTo - item.zNear) * Math.pow((i + 1) / stripes, 1.8);
      if (zB <= zA) continue;
      const yA = Math.min(yNear, groundY(cam, Math.max(zA, cam.z + 0.3)) ?? yNear);
      const yB = Math.max(yFar, groundY(cam, zB) ?? yFar);
      if (yA <= yB) continue;
      ctx.fillStyle = p.css(scale(p.lit(base, zA), 1.06), 0.35);
      ctx.fillRect(-W * 0.1, yB, W * 1.2, yA - yB);
    }
    const sea = stage.layout.water;
    if (item.kind === 'sand' && sea?.kind === 'ocean' && item.zFar >= sea.zMin - 0.01)
      drawWetSand(ctx, cam, p, sea.zMin, yNear, t);
  }
}

/** The strip of beach the last wave has just left: darker than dry sand, with the sky in it. */
function drawWetSand(ctx: SKRSContext2D, cam: CameraState, p: Palette, waterZ: number, yNear: number, t: number): void {
  const edge = groundY(cam, waterZ + Math.sin(t * 0.8) * 0.3);
  const dry = groundY(cam, waterZ - 2.4);
  if (edge === null || dry === null) return;
  const bottom = Math.min(dry, yNear);
  if (bottom <= edge) return;
  const sand: RGB = [70, 55, 40];
  fillVertical(ctx, -cam.width * 0.1, edge, cam.width * 1.2, bottom - edge, [
    [0, p.rgba(mix(p.sky(0.15), sand, 0.45), 0.6)],
    [1, p.rgba(sand, 0)],
  ]);
}

function drawRoadMarkings(ctx: SKRSContext2D, cam: CameraState, p: Palette, zNear: number, zFar: number): void {
  if (zFar - zNear > 100) return;
  const mid = (zNear + zFar) / 2;
  ctx.fillStyle = p.css(p.lit(hex('#e8e2c8'), mid), 0.85);
  for (let x = -40; x < 40; x += 4) {
    const a = project(cam, { x, y: 0, z: mid - 0.08 });
    const b = project(cam, { x: x + 2.2, y: 0, z: mid + 0.08 });
    if (!a || !b) continue;
    ctx.fillRect(a.x, b.y, b.x - a.x, Math.max(1, a.y - b.y));
  }
  for (const z of [zNear + 0.15, zFar - 0.15]) {
    const y = groundY(cam, z);
    if (y === null) continue;
    ctx.fillStyle = p.css(p.lit(hex('#777770'), z));
    ctx.fillRect(-cam.width * 0.1, y - 1, cam.width * 1.2, Math.max(2, (cam.focal * 0.12) / Math.max(1, z - cam.z)));
  }
}

function drawWater(
  ctx: SKRSContext2D,
  cam: CameraState,
  p: Palette,
  stage: Stage,
  zNear: number,
  zFar: number,
  yNear: number,
  yFar: number,
  t: number,
  ripples: readonly Ripple[],
): void {
  const W = cam.width;
  const kind = stage.layout.water?.kind ?? 'lake';
  const nearCol = groundColor(p, stage, 'water', zNear);
  // The far bank's reflection: the tree line and hills mirrored as a soft dark band below it.
  if (zFar === stage.layout.water?.zMax) {
    const bankY = groundY(cam, zFar) ?? yFar;
    const treeZ = Math.max(zFar + 1, stage.layout.treeLineZ ?? zFar + 20);
    const reflH = Math.min(yNear - bankY, (cam.focal * 6) / Math.max(1, treeZ - cam.z));
    const dark = mix(p.lit(hex('#1d2b22'), treeZ), p.sky(0.05), 0.25);
    fillVertical(ctx, -W * 0.1, bankY, W * 1.2, reflH, [
      [0, p.rgba(dark, 0.6)],
      [1, p.rgba(dark, 0)],
    ]);
  }
  // The glow of a low sun or afterglow, mirrored as a bright path on the water.
  if (p.light.sunElevation < 15 && p.overcast < 0.7) {
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
  // Shimmer: short bright strokes that drift with the current.
  const r = new Random(stage.seed ^ 0x51f15);
  const shimmer = p.css(mix(p.sky(0.1), [255, 255, 255], 0.35), 0.35);
  const dark = p.css(scale(nearCol, 0.7), 0.35);
  const current = kind === 'river' ? 0.35 : 0.05;
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
  if (kind === 'ocean') {
    // Lines of surf rolling in, and foam where they break on the sand.
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
  // Ripples: rings that spread and fade.
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

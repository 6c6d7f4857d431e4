/**
 * Small things: a phone, a lamp, books and newspapers, clocks, a briefcase, a computer and its
 * keyboard, a violin and a guitar, a radio, a net, a picnic blanket, a kettle and a cooking pot. Each keeps the outline
 * that names it at a glance (a lamp's shade, a clock's face and hands, a violin's waist).
 */
import type { SKRSContext2D } from '@napi-rs/canvas';
import { project, type CameraState, type Projected } from '../camera';
import { swingAngle, TABLE_TOP } from '../stage/handheld';
import type { LightSource, PropDraw } from './props';
import { hex, type Palette, type RGB } from './palette';

export interface SmallCanvas {
  ctx: SKRSContext2D;
  cam: CameraState;
  p: Palette;
  pr: Projected;
  /** Pixels per metre. */
  s: number;
  d: PropDraw;
  t: number;
  lit: (c: RGB, k?: number) => string;
}

function colour(d: PropDraw, fallback: string): RGB {
  return hex(d.prop.color ?? fallback);
}

function box(c: SmallCanvas, x: number, y: number, w: number, h: number, fill: string, r = 0): void {
  c.ctx.fillStyle = fill;
  c.ctx.beginPath();
  c.ctx.roundRect(c.pr.x + x * c.s, c.pr.y - (y + h) * c.s, w * c.s, h * c.s, r * c.s);
  c.ctx.fill();
}

function disc(c: SmallCanvas, x: number, y: number, r: number, fill: string): void {
  c.ctx.fillStyle = fill;
  c.ctx.beginPath();
  c.ctx.ellipse(c.pr.x + x * c.s, c.pr.y - y * c.s, Math.max(0.6, r * c.s), Math.max(0.6, r * c.s), 0, 0, Math.PI * 2);
  c.ctx.fill();
}

function stroke(c: SmallCanvas, pts: [number, number][], fill: string, width: number): void {
  c.ctx.strokeStyle = fill;
  c.ctx.lineWidth = Math.max(1, width * c.s);
  c.ctx.lineCap = 'round';
  c.ctx.beginPath();
  pts.forEach(([x, y], i) =>
    i === 0 ? c.ctx.moveTo(c.pr.x + x * c.s, c.pr.y - y * c.s) : c.ctx.lineTo(c.pr.x + x * c.s, c.pr.y - y * c.s),
  );
  c.ctx.stroke();
}

/** A bare bulb on its cord from the ceiling, swung as the stage says; its light swings with it. */
function hungBulb(c: SmallCanvas, cord: number): LightSource[] {
  const { d, p, cam } = c;
  const angle = swingAngle(d.prop, c.t);
  const pivot = { x: d.at.x, y: d.at.y + cord, z: d.at.z };
  const bulb = { x: pivot.x + Math.sin(angle) * cord, y: pivot.y - Math.cos(angle) * cord, z: pivot.z };
  const top = project(cam, pivot);
  const at = project(cam, bulb);
  if (!top || !at) return [];
  c.ctx.strokeStyle = c.lit([40, 36, 32]);
  c.ctx.lineWidth = Math.max(1, 0.012 * c.s);
  c.ctx.beginPath();
  c.ctx.moveTo(top.x, top.y);
  c.ctx.lineTo(at.x, at.y);
  c.ctx.stroke();
  const r = Math.max(1.5, 0.055 * c.s);
  c.ctx.fillStyle = c.lit([90, 86, 80]);
  c.ctx.fillRect(at.x - r * 0.45, at.y - r * 0.2, r * 0.9, r * 0.7);
  c.ctx.fillStyle = p.css([255, 236, 190]);
  c.ctx.beginPath();
  c.ctx.ellipse(at.x, at.y + r, r, r * 1.15, 0, 0, Math.PI * 2);
  c.ctx.fill();
  return [{ at: bulb, color: [255, 214, 150], intensity: 0.6 + 0.7 * p.night, radius: 3 }];
}

export function drawSmallProp(c: SmallCanvas): LightSource[] {
  const { d, p } = c;
  const held = d.prop.heldBy !== null;
  switch (d.prop.element) {
    case 'cigarette': {
      // A white stick with a glowing tip, a thin curl of smoke rising from it.
      box(c, -0.045, -0.006, 0.08, 0.012, c.lit([236, 232, 222]), 0.004);
      box(c, -0.045, -0.006, 0.022, 0.012, c.lit([196, 140, 80]), 0.004);
      disc(c, 0.038, 0, 0.008, p.css([255, 120, 50]));
      const sway = Math.sin(c.t * 1.7) * 0.02;
      stroke(
        c,
        [
          [0.04, 0.01],
          [0.05 + sway, 0.08],
          [0.035 - sway, 0.16],
          [0.05 + sway, 0.24],
        ],
        p.css([210, 210, 215], 0.35),
        0.008,
      );
      return [];
    }
    case 'kettle': {
      // A round-bellied kettle: its body, lid and knob, the spout to one side, the handle arched
      // over the top, and a thread of steam from the spout.
      const metal = colour(d, '#b8bcc2');
      c.ctx.fillStyle = c.lit(metal);
      c.ctx.beginPath();
      c.ctx.ellipse(c.pr.x, c.pr.y - 0.1 * c.s, 0.12 * c.s, 0.1 * c.s, 0, 0, Math.PI * 2);
      c.ctx.fill();
      box(c, -0.1, 0, 0.2, 0.03, c.lit(metal, 0.8), 0.01);
      box(c, -0.06, 0.18, 0.12, 0.025, c.lit(metal, 0.85), 0.01);
      disc(c, 0, 0.215, 0.016, c.lit([40, 36, 34]));
      stroke(
        c,
        [
          [0.09, 0.08],
          [0.16, 0.13],
          [0.2, 0.17],
        ],
        c.lit(metal, 0.9),
        0.03,
      );
      stroke(
        c,
        [
          [-0.08, 0.17],
          [-0.06, 0.27],
          [0.06, 0.27],
          [0.08, 0.17],
        ],
        c.lit([40, 36, 34]),
        0.018,
      );
      const sway = Math.sin(c.t * 2.1) * 0.025;
      stroke(
        c,
        [
          [0.21, 0.18],
          [0.24 + sway, 0.26],
          [0.22 - sway, 0.34],
          [0.25 + sway, 0.42],
        ],
        p.css([235, 235, 240], 0.35),
        0.018,
      );
      return [];
    }
    case 'pot': {
      // A cooking pot: a wide, squat body with a rolled rim, a lid with its knob, a loop handle on
      // each side, and two threads of steam escaping under the lid.
      const metal = colour(d, '#8f969e');
      box(c, -0.15, 0, 0.3, 0.17, c.lit(metal), 0.025);
      box(c, -0.16, 0.16, 0.32, 0.025, c.lit(metal, 1.15), 0.01);
      box(c, -0.145, 0.185, 0.29, 0.02, c.lit(metal, 0.8), 0.01);
      disc(c, 0, 0.215, 0.018, c.lit([40, 36, 34]));
      for (const side of [-1, 1])
        stroke(
          c,
          [
            [side * 0.15, 0.13],
            [side * 0.2, 0.13],
            [side * 0.2, 0.1],
            [side * 0.15, 0.1],
          ],
          c.lit([40, 36, 34]),
          0.016,
        );
      for (const [k, x] of [-0.08, 0.07].entries()) {
        const sway = Math.sin(c.t * 1.9 + k * 1.7) * 0.03;
        stroke(
          c,
          [
            [x, 0.2],
            [x + sway, 0.29],
            [x - sway, 0.38],
            [x + sway * 1.3, 0.48],
          ],
          p.css([235, 235, 240], 0.3),
          0.02,
        );
      }
      return [];
    }
    case 'phone': {
      box(c, -0.035, -0.07, 0.07, 0.14, c.lit([28, 28, 32]), 0.012);
      box(c, -0.028, -0.058, 0.056, 0.115, p.css([150, 190, 230], 0.9), 0.006);
      return [];
    }
    case 'lamp': {
      if (d.prop.hanging) return hungBulb(c, d.prop.hanging.cord);
      // A table lamp on a desk, a floor lamp standing on the floor: stem, base and a glowing shade.
      const standing = d.at.y < TABLE_TOP * 0.5;
      const stem = standing ? 1.45 : 0.32;
      const shade = colour(d, '#e8d6a8');
      box(c, -0.1, 0, 0.2, 0.03, c.lit([60, 50, 40]), 0.01);
      box(c, -0.012, 0, 0.024, stem, c.lit([70, 60, 50]));
      c.ctx.fillStyle = p.css([255, 230, 170]);
      c.ctx.beginPath();
      const y0 = c.pr.y - stem * c.s;
      c.ctx.moveTo(c.pr.x - 0.17 * c.s, y0);
      c.ctx.lineTo(c.pr.x + 0.17 * c.s, y0);
      c.ctx.lineTo(c.pr.x + 0.1 * c.s, y0 - 0.2 * c.s);
      c.ctx.lineTo(c.pr.x - 0.1 * c.s, y0 - 0.2 * c.s);
      c.ctx.closePath();
      c.ctx.fill();
      c.ctx.fillStyle = p.css(shade, 0.55);
      c.ctx.fill();
      return [
        {
          at: { x: d.at.x, y: d.at.y + stem, z: d.at.z },
          color: [255, 205, 140],
          intensity: 0.5 + 0.7 * p.night,
          radius: 2.5,
        },
      ];
    }
    case 'book': {
      const cover = colour(d, '#7a2a2a');
      if (held) {
        // Open in the hands: two pale pages in a shallow V, the cover behind them.
        c.ctx.fillStyle = c.lit(cover);
        c.ctx.fillRect(c.pr.x - 0.17 * c.s, c.pr.y - 0.13 * c.s, 0.34 * c.s, 0.23 * c.s);
        for (const side of [-1, 1]) {
          c.ctx.fillStyle = c.lit([240, 234, 218]);
          c.ctx.beginPath();
          c.ctx.moveTo(c.pr.x, c.pr.y + 0.08 * c.s);
          c.ctx.lineTo(c.pr.x + side * 0.155 * c.s, c.pr.y + 0.06 * c.s);
          c.ctx.lineTo(c.pr.x + side * 0.155 * c.s, c.pr.y - 0.11 * c.s);
          c.ctx.lineTo(c.pr.x, c.pr.y - 0.09 * c.s);
          c.ctx.fill();
        }
        return [];
      }
      box(c, -0.13, 0, 0.26, 0.045, c.lit(cover), 0.005);
      box(c, -0.12, 0.008, 0.24, 0.03, c.lit([235, 230, 215]));
      return [];
    }
    case 'newspaper': {
      const w = held ? 0.55 : 0.3;
      const h = held ? 0.38 : 0.03;
      box(c, -w / 2, held ? -0.2 : 0, w, h, c.lit([226, 222, 210]));
      if (held) {
        box(c, -w / 2 + 0.03, 0.1, w - 0.06, 0.05, c.lit([40, 40, 40]));
        for (let col = 0; col < 3; col++)
          for (let row = 0; row < 6; row++)
            box(c, -w / 2 + 0.04 + col * 0.16, 0.05 - row * 0.04, 0.13, 0.012, c.lit([120, 120, 118]));
        stroke(
          c,
          [
            [0, 0.18],
            [0, -0.2],
          ],
          c.lit([170, 168, 160]),
          0.006,
        );
      }
      return [];
    }
    case 'clock': {
      const onWall = d.at.y > 1.2;
      const r = onWall ? 0.2 : 0.07;
      const cy = onWall ? 0 : r + 0.02;
      if (!onWall) {
        // An alarm clock: two bells on top and two little feet.
        disc(c, -r * 0.7, cy + r * 0.95, r * 0.38, c.lit([190, 60, 50]));
        disc(c, r * 0.7, cy + r * 0.95, r * 0.38, c.lit([190, 60, 50]));
        box(c, -r * 0.8, 0, r * 0.25, 0.03, c.lit([50, 50, 50]));
        box(c, r * 0.55, 0, r * 0.25, 0.03, c.lit([50, 50, 50]));
      }
      disc(c, 0, cy, r * 1.12, c.lit(colour(d, onWall ? '#3a2e24' : '#c0392b')));
      disc(c, 0, cy, r, c.lit([246, 242, 230]));
      for (let h = 0; h < 12; h++) {
        const a = (h / 12) * Math.PI * 2;
        disc(c, Math.sin(a) * r * 0.82, cy + Math.cos(a) * r * 0.82, r * 0.05, c.lit([40, 40, 40]));
      }
      const minute = (c.t / 60) * Math.PI * 2 + 1.1;
      const hour = 0.35 + minute / 12;
      stroke(
        c,
        [
          [0, cy],
          [Math.sin(hour) * r * 0.5, cy + Math.cos(hour) * r * 0.5],
        ],
        c.lit([30, 30, 30]),
        r * 0.09,
      );
      stroke(
        c,
        [
          [0, cy],
          [Math.sin(minute) * r * 0.78, cy + Math.cos(minute) * r * 0.78],
        ],
        c.lit([30, 30, 30]),
        r * 0.06,
      );
      const second = c.t * (Math.PI / 30);
      stroke(
        c,
        [
          [0, cy],
          [Math.sin(second) * r * 0.85, cy + Math.cos(second) * r * 0.85],
        ],
        p.css([200, 40, 30]),
        r * 0.025,
      );
      return [];
    }
    case 'briefcase': {
      // Hangs from the hand by its handle.
      const leather = colour(d, '#5a3a22');
      const top = held ? -0.04 : 0.3;
      box(c, -0.21, top - 0.3, 0.42, 0.3, c.lit(leather), 0.03);
      stroke(
        c,
        [
          [-0.06, top],
          [-0.06, top + 0.04],
          [0.06, top + 0.04],
          [0.06, top],
        ],
        c.lit([40, 28, 18]),
        0.02,
      );
      box(c, -0.21, top - 0.09, 0.42, 0.015, c.lit([40, 28, 18]));
      box(c, -0.13, top - 0.1, 0.05, 0.035, c.lit([200, 170, 90]));
      box(c, 0.08, top - 0.1, 0.05, 0.035, c.lit([200, 170, 90]));
      return [];
    }
    case 'computer': {
      box(c, -0.19, 0, 0.38, 0.02, c.lit(colour(d, '#9aa0a8')), 0.005);
      c.ctx.fillStyle = c.lit(colour(d, '#9aa0a8'));
      c.ctx.beginPath();
      c.ctx.moveTo(c.pr.x - 0.18 * c.s, c.pr.y - 0.02 * c.s);
      c.ctx.lineTo(c.pr.x + 0.18 * c.s, c.pr.y - 0.02 * c.s);
      c.ctx.lineTo(c.pr.x + 0.2 * c.s, c.pr.y - 0.27 * c.s);
      c.ctx.lineTo(c.pr.x - 0.16 * c.s, c.pr.y - 0.27 * c.s);
      c.ctx.closePath();
      c.ctx.fill();
      c.ctx.fillStyle = p.css([120, 170, 220], 0.95);
      c.ctx.beginPath();
      c.ctx.moveTo(c.pr.x - 0.16 * c.s, c.pr.y - 0.04 * c.s);
      c.ctx.lineTo(c.pr.x + 0.16 * c.s, c.pr.y - 0.04 * c.s);
      c.ctx.lineTo(c.pr.x + 0.18 * c.s, c.pr.y - 0.25 * c.s);
      c.ctx.lineTo(c.pr.x - 0.14 * c.s, c.pr.y - 0.25 * c.s);
      c.ctx.closePath();
      c.ctx.fill();
      return [{ at: { x: d.at.x, y: d.at.y + 0.15, z: d.at.z }, color: [150, 190, 255], intensity: 0.35, radius: 1.4 }];
    }
    case 'keyboard': {
      box(c, -0.22, 0, 0.44, 0.035, c.lit(colour(d, '#2e3036')), 0.008);
      for (let k = 0; k < 12; k++) box(c, -0.2 + k * 0.034, 0.035, 0.026, 0.01, c.lit([200, 200, 205]));
      return [];
    }
    case 'violin':
    case 'guitar': {
      const guitar = d.prop.element === 'guitar';
      const k = guitar ? 2.2 : 1;
      const wood = colour(d, guitar ? '#b8743a' : '#9a4a1c');
      c.ctx.save();
      c.ctx.translate(c.pr.x, c.pr.y);
      c.ctx.rotate(held ? -0.9 : -Math.PI / 2);
      const dd = (x: number, y: number, r: number, f: string): void => {
        c.ctx.fillStyle = f;
        c.ctx.beginPath();
        c.ctx.arc(x * c.s, -y * c.s, Math.max(0.6, r * c.s), 0, Math.PI * 2);
        c.ctx.fill();
      };
      dd(-0.09 * k, 0, 0.085 * k, c.lit(wood));
      dd(0.05 * k, 0, 0.065 * k, c.lit(wood));
      c.ctx.fillStyle = c.lit([30, 20, 14]);
      c.ctx.fillRect(0.1 * k * c.s, -0.012 * k * c.s, 0.2 * k * c.s, 0.024 * k * c.s);
      if (guitar) dd(-0.02 * k, 0, 0.025 * k, c.lit([30, 20, 14]));
      else {
        c.ctx.fillStyle = c.lit([30, 20, 14]);
        c.ctx.fillRect(-0.04 * c.s, -0.01 * c.s, 0.012 * c.s, 0.02 * c.s);
      }
      c.ctx.restore();
      if (!guitar && held) {
        // The bow across the strings, moving with the music.
        const swing = Math.sin(c.t * 3) * 0.12;
        stroke(
          c,
          [
            [-0.3 + swing, -0.1],
            [0.25 + swing, 0.12],
          ],
          c.lit([200, 180, 150]),
          0.008,
        );
      }
      return [];
    }
    case 'radio': {
      const body = colour(d, '#6a4a30');
      box(c, -0.16, 0, 0.32, 0.2, c.lit(body), 0.03);
      disc(c, -0.06, 0.1, 0.065, c.lit([60, 50, 44]));
      box(c, 0.04, 0.12, 0.09, 0.04, c.lit([230, 210, 150]), 0.01);
      disc(c, 0.1, 0.06, 0.02, c.lit([220, 220, 210]));
      stroke(
        c,
        [
          [0.12, 0.2],
          [0.25, 0.45],
        ],
        c.lit([180, 180, 185]),
        0.008,
      );
      return [];
    }
    case 'net':
    case 'blanket':
      drawGroundCloth(c, d.prop.element === 'net');
      return [];
    default:
      return [];
  }
}

/** A picnic blanket lying flat on the ground, or a fishing net heaped there: a quad in the world. */
function drawGroundCloth(c: SmallCanvas, net: boolean): void {
  const { d, cam, ctx, p } = c;
  const w = net ? 0.9 : 1.6;
  const depth = net ? 0.7 : 1.2;
  const n = net ? 8 : 6;
  const base = colour(d, net ? '#6a7a5a' : '#c8352c');
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const corners = [
        [i, j],
        [i + 1, j],
        [i + 1, j + 1],
        [i, j + 1],
      ].map(([a = 0, b = 0]) =>
        project(cam, {
          x: d.at.x - w / 2 + (a / n) * w,
          y: 0.01 + (net ? 0.08 * Math.sin((a / n) * Math.PI) * Math.sin((b / n) * Math.PI) : 0),
          z: d.at.z - depth / 2 + (b / n) * depth,
        }),
      );
      if (corners.some((q) => q === null)) return;
      ctx.beginPath();
      corners.forEach((q, k) => {
        if (!q) return;
        if (k === 0) ctx.moveTo(q.x, q.y);
        else ctx.lineTo(q.x, q.y);
      });
      ctx.closePath();
      if (net) {
        ctx.strokeStyle = c.lit(base);
        ctx.lineWidth = Math.max(1, c.s * 0.012);
        ctx.stroke();
      } else {
        ctx.fillStyle = (i + j) % 2 === 0 ? c.lit(base) : c.lit([240, 236, 226]);
        ctx.fill();
      }
    }
  }
  if (net) {
    ctx.fillStyle = p.css([210, 200, 170], 0.9);
    const float = project(cam, { x: d.at.x + w / 2, y: 0.05, z: d.at.z });
    if (float) ctx.fillRect(float.x - 2, float.y - 2, 4, 4);
  }
}

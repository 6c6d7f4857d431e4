/**
 * Articulated figures (head, body, limbs, hair with secondary motion, a mouth that opens with
 * speech), stand-in figures with labels, and animals.
 */
import type { SKRSContext2D } from '@napi-rs/canvas';
import { project, type CameraState } from '../camera';
import { proportions, type Pose } from '../stage/pose';
import type { StagedAnimal, StagedFigure } from '../stage/types';
import { drawOtherAnimal } from './animals';
import { hex, scale, type Palette, type RGB } from './palette';

export interface FigureLook {
  /** Light falling on the figure: ambient plus nearby lamps, per channel. */
  light: RGB;
  /** Hair swing from its spring, radians; positive streams behind the figure. */
  hairAngle: number;
  mouthOpen: number;
  t: number;
  /** What a sitting figure sits on: a log outdoors, a chair indoors. */
  seat: 'log' | 'chair' | null;
}

type Pt = [number, number];

/** Draws a figure at its pose. Returns the screen box it covers, for labels. */
export function drawFigure(
  ctx: SKRSContext2D,
  cam: CameraState,
  p: Palette,
  fig: StagedFigure,
  pose: Pose,
  look: FigureLook,
): { x: number; top: number; scale: number } | null {
  const root = project(cam, { x: pose.x, y: pose.y, z: pose.z });
  if (!root) return null;
  const s = root.scale;
  const H = fig.height;
  const f = pose.facing;
  const P = (lx: number, ly: number): Pt => [root.x + lx * s * f, root.y - ly * s];
  const dir = (angle: number, len: number): Pt => [Math.sin(angle) * len, -Math.cos(angle) * len];
  const depth = root.depth;
  const tone = (c: string | RGB, k = 1): string => {
    const rgb = typeof c === 'string' ? hex(c) : c;
    return p.css(p.haze(scale(rgb, look.light).map((v) => v * k) as unknown as RGB, depth));
  };
  if (look.seat) drawSeat(ctx, look.seat, P, pose.y, tone);
  const L = fig.look;
  const grey = fig.standIn;
  const skin = grey ? '#9a9ea6' : L.skin;
  const top = grey ? '#7c828c' : L.top;
  const bottom = grey ? '#5c626c' : L.bottom;
  const hairCol = grey ? '#6c727c' : L.hair;
  if (pose.view !== 'side')
    return drawFacing(ctx, p, fig, pose, look, P, s, tone, {
      skin,
      top,
      bottom,
      hair: hairCol,
      shoes: grey ? '#4a4f58' : L.shoes,
    });

  const lean = pose.lean;
  const neck: Pt = [Math.sin(lean) * proportions.torso * H, Math.cos(lean) * proportions.torso * H];
  const shoulder: Pt = [
    neck[0] - Math.sin(lean) * proportions.shoulderDrop * H,
    neck[1] - Math.cos(lean) * proportions.shoulderDrop * H,
  ];
  const headAngle = lean + pose.headTilt * 0.25;
  const headR = proportions.head * H;
  const head: Pt = [
    neck[0] + Math.sin(headAngle) * (proportions.neck * H + headR),
    neck[1] + Math.cos(headAngle) * (proportions.neck * H + headR),
  ];

  const limb = (from: Pt, a1: number, l1: number, a2: number, l2: number): [Pt, Pt] => {
    const d1 = dir(a1, l1);
    const mid: Pt = [from[0] + d1[0], from[1] + d1[1]];
    const d2 = dir(a2, l2);
    return [mid, [mid[0] + d2[0], mid[1] + d2[1]]];
  };
  const line = (pts: Pt[], width: number, colour: string): void => {
    ctx.strokeStyle = colour;
    ctx.lineWidth = Math.max(1, width * s);
    ctx.beginPath();
    pts.forEach(([x, y], i) => {
      const [sx, sy] = P(x, y);
      if (i === 0) ctx.moveTo(sx, sy);
      else ctx.lineTo(sx, sy);
    });
    ctx.stroke();
  };
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';

  const legs = [0, 1].map((i) => {
    const a1 = pose.legUpper[i] ?? 0;
    const a2 = a1 + (pose.legLower[i] ?? 0);
    const hip: Pt = [i === 0 ? 0.012 * H : -0.012 * H, 0];
    return { hip, joints: limb(hip, a1, proportions.thigh * H, a2, proportions.shin * H) };
  });
  const arms = [0, 1].map((i) => {
    const a1 = (pose.armUpper[i] ?? 0) + lean;
    const a2 = a1 + (pose.armLower[i] ?? 0);
    const sh: Pt = [shoulder[0] + (i === 0 ? 0.01 : -0.02) * H, shoulder[1]];
    return { sh, joints: limb(sh, a1, proportions.upperArm * H, a2, proportions.forearm * H) };
  });

  // Long hair falls behind everything else; it swings from its spring and its loose strands lag.
  const up = -pose.headTilt;
  const at = (angle: number, radius: number): Pt => [
    head[0] + Math.cos(angle + up) * radius,
    head[1] + Math.sin(angle + up) * radius,
  ];
  const hairLen = L.hairLength * 0.34 * H;
  if (hairLen > 0.05 * H) {
    const sw = look.hairAngle;
    const top = at((Math.PI * 5) / 6, headR * 1.02);
    const nape = at((Math.PI * 4) / 3, headR * 0.9);
    const tip: Pt = [head[0] - headR * 0.55 - Math.sin(sw) * hairLen, head[1] - headR * 0.4 - Math.cos(sw) * hairLen];
    const bulge: Pt = [head[0] - headR * 1.25 - Math.sin(sw) * hairLen * 0.45, head[1] - hairLen * 0.35];
    ctx.fillStyle = tone(hairCol, 0.85);
    ctx.beginPath();
    let q = P(top[0], top[1]);
    ctx.moveTo(q[0], q[1]);
    const b1 = P(bulge[0], bulge[1]);
    const t1 = P(tip[0], tip[1]);
    ctx.quadraticCurveTo(b1[0], b1[1], t1[0], t1[1]);
    const inner = P(head[0] - headR * 0.35 - Math.sin(sw) * hairLen * 0.3, head[1] - hairLen * 0.3);
    q = P(nape[0], nape[1]);
    ctx.quadraticCurveTo(inner[0], inner[1], q[0], q[1]);
    ctx.closePath();
    ctx.fill();
    ctx.strokeStyle = tone(hairCol, 1.2);
    ctx.lineWidth = Math.max(1, 0.005 * H * s);
    for (let k = 0; k < 3; k++) {
      const lag = Math.sin(look.t * 3.1 + k * 1.7) * 0.12 * (0.3 + Math.abs(sw));
      const a = P(top[0] - headR * 0.1 * k, top[1] - headR * 0.2 * k);
      const c = P(bulge[0] + headR * 0.25 * k, bulge[1] + headR * 0.1 * k);
      const e = P(tip[0] + Math.sin(lag) * hairLen * 0.25 + headR * 0.2 * k, tip[1] + hairLen * 0.06 * k);
      ctx.beginPath();
      ctx.moveTo(a[0], a[1]);
      ctx.quadraticCurveTo(c[0], c[1], e[0], e[1]);
      ctx.stroke();
    }
  }

  // Far limbs first, in shade.
  const farArm = arms[1];
  const farLeg = legs[1];
  if (farLeg) {
    line([farLeg.hip, farLeg.joints[0], farLeg.joints[1]], 0.07 * H, tone(bottom, 0.7));
    foot(farLeg.joints[1], 0.7);
  }
  if (farArm) {
    line([farArm.sh, farArm.joints[0]], 0.05 * H, tone(top, 0.7));
    line([farArm.joints[0], farArm.joints[1]], 0.042 * H, tone(skin, 0.7));
  }
  const nearLeg = legs[0];
  if (nearLeg) {
    line([nearLeg.hip, nearLeg.joints[0], nearLeg.joints[1]], 0.075 * H, tone(bottom));
    foot(nearLeg.joints[1], 1);
  }
  // Torso: hips to shoulders, leaning with the pose.
  const torso: Pt[] = [
    [-0.055 * H, 0.03 * H],
    [0.06 * H, 0.03 * H],
    [shoulder[0] + 0.065 * H, shoulder[1] - 0.01 * H],
    [shoulder[0] + 0.03 * H, shoulder[1] + 0.015 * H],
    [shoulder[0] - 0.05 * H, shoulder[1] + 0.01 * H],
    [shoulder[0] - 0.06 * H, shoulder[1] - 0.02 * H],
  ];
  ctx.fillStyle = tone(top);
  poly(torso);
  if (L.feminine && !grey) {
    // A skirt over the thighs.
    ctx.fillStyle = tone(top, 0.92);
    poly([
      [-0.058 * H, 0.08 * H],
      [0.062 * H, 0.08 * H],
      [0.1 * H + Math.max(0, pose.legUpper[0]) * 0.1 * H, -0.17 * H],
      [-0.095 * H + Math.min(0, pose.legUpper[1]) * 0.1 * H, -0.17 * H],
    ]);
  }
  // Neck and head.
  line(
    [
      [neck[0], neck[1] - 0.01 * H],
      [head[0] - Math.sin(headAngle) * headR, head[1] - Math.cos(headAngle) * headR],
    ],
    0.045 * H,
    tone(skin, 0.9),
  );
  const [hx, hy] = P(head[0], head[1]);
  ctx.fillStyle = tone(skin);
  ctx.beginPath();
  ctx.arc(hx, hy, headR * s, 0, Math.PI * 2);
  ctx.fill();
  // Face on the side the figure faces: an eye and a mouth that opens with the voice.
  if (!grey) {
    const eye = at(0.25, headR * 0.62);
    ctx.fillStyle = p.css([30, 24, 22]);
    ctx.beginPath();
    const [ex, ey] = P(eye[0], eye[1]);
    ctx.arc(ex, ey, Math.max(0.8, headR * 0.1 * s), 0, Math.PI * 2);
    ctx.fill();
    const m = at(-0.55, headR * 0.72);
    const [mx, my] = P(m[0], m[1]);
    const open = Math.max(0.05, look.mouthOpen);
    ctx.fillStyle = p.css(p.haze(scale([120, 40, 40], look.light), depth));
    ctx.beginPath();
    ctx.ellipse(
      mx,
      my,
      Math.max(0.8, headR * 0.15 * s),
      Math.max(0.5, headR * (0.04 + 0.28 * open) * s),
      0,
      0,
      Math.PI * 2,
    );
    ctx.fill();
    // A nose, so the profile reads.
    const n1 = at(0.05, headR * 0.98);
    const n2 = at(-0.2, headR * 1.12);
    const n3 = at(-0.35, headR * 0.95);
    ctx.fillStyle = tone(skin);
    ctx.beginPath();
    let q = P(n1[0], n1[1]);
    ctx.moveTo(q[0], q[1]);
    q = P(n2[0], n2[1]);
    ctx.lineTo(q[0], q[1]);
    q = P(n3[0], n3[1]);
    ctx.lineTo(q[0], q[1]);
    ctx.fill();
  }
  // The hair's cap over the top and back of the head.
  ctx.fillStyle = tone(hairCol);
  ctx.beginPath();
  const capFrom = 0.55;
  const capTo = Math.PI * 1.38;
  for (let k = 0; k <= 12; k++) {
    const a = capFrom + ((capTo - capFrom) * k) / 12;
    const pt = at(a, headR * 1.08);
    const [cx2, cy2] = P(pt[0], pt[1]);
    if (k === 0) ctx.moveTo(cx2, cy2);
    else ctx.lineTo(cx2, cy2);
  }
  const fringe = at(Math.PI * 0.75, headR * 0.35);
  const [fx2, fy2] = P(fringe[0], fringe[1]);
  ctx.lineTo(fx2, fy2);
  ctx.closePath();
  ctx.fill();
  // Near arm over the body.
  const nearArm = arms[0];
  if (nearArm) {
    line([nearArm.sh, nearArm.joints[0]], 0.055 * H, tone(top, 1.05));
    line([nearArm.joints[0], nearArm.joints[1]], 0.045 * H, tone(skin));
    const [hx2, hy2] = P(nearArm.joints[1][0], nearArm.joints[1][1]);
    ctx.fillStyle = tone(skin);
    ctx.beginPath();
    ctx.arc(hx2, hy2, Math.max(1, 0.028 * H * s), 0, Math.PI * 2);
    ctx.fill();
  }
  const [, headTop] = P(head[0], head[1] + headR * 1.1);
  return { x: hx, top: headTop, scale: s };

  function poly(pts: Pt[]): void {
    ctx.beginPath();
    pts.forEach(([x, y], i) => {
      const [sx, sy] = P(x, y);
      if (i === 0) ctx.moveTo(sx, sy);
      else ctx.lineTo(sx, sy);
    });
    ctx.closePath();
    ctx.fill();
  }

  function foot(at: Pt, k: number): void {
    const [fx, fy] = P(at[0] + 0.03 * H, at[1] + 0.01 * H);
    ctx.fillStyle = tone(grey ? '#4a4f58' : L.shoes, k);
    ctx.beginPath();
    ctx.ellipse(fx, fy, 0.055 * H * s, 0.022 * H * s, 0, 0, Math.PI * 2);
    ctx.fill();
  }
}

/**
 * A figure seen from behind (walking away) or from the front (walking toward the camera): legs
 * side by side, the stepping one lifted and shortened, arms swinging at the sides, and the face, or
 * the back of the head, to match.
 */
function drawFacing(
  ctx: SKRSContext2D,
  p: Palette,
  fig: StagedFigure,
  pose: Pose,
  look: FigureLook,
  P: (lx: number, ly: number) => Pt,
  s: number,
  tone: (c: string | RGB, k?: number) => string,
  c: { skin: string; top: string; bottom: string; hair: string; shoes: string },
): { x: number; top: number; scale: number } {
  const H = fig.height;
  const L = fig.look;
  const back = pose.view === 'back';
  const fill = (pts: Pt[], colour: string): void =>
    fillPolygon(
      ctx,
      pts.map(([x, y]) => P(x, y)),
      colour,
    );
  const stroke = (a: Pt, b: Pt, width: number, colour: string): void => {
    const [ax, ay] = P(a[0], a[1]);
    const [bx, by] = P(b[0], b[1]);
    ctx.strokeStyle = colour;
    ctx.lineWidth = Math.max(1, width * H * s);
    ctx.beginPath();
    ctx.moveTo(ax, ay);
    ctx.lineTo(bx, by);
    ctx.stroke();
  };
  const legLen = (proportions.thigh + proportions.shin) * H;
  const shoulderY = (proportions.torso - proportions.shoulderDrop) * H;
  ctx.lineCap = 'round';
  // Legs: the one swinging forward is lifted, and seen end-on it looks shorter. Seated with its
  // back to the camera, the seat hides them; seated facing it, the thighs come toward the camera
  // and only the shins show, down to the floor.
  for (const [i, side] of (fig.seatView === 'back' ? [] : [-1, 1]).entries()) {
    const swing = pose.legUpper[i] ?? 0;
    const lift = Math.max(0, swing) * 0.16 * H;
    const hip: Pt = [side * 0.045 * H, 0.02 * H];
    const foot: Pt = [side * 0.07 * H, fig.seatView === 'front' ? -pose.y : -legLen + lift];
    stroke(hip, foot, 0.072, tone(c.bottom, back ? 0.9 : 1));
    const [fx, fy] = P(foot[0], foot[1]);
    ctx.fillStyle = tone(c.shoes);
    ctx.beginPath();
    ctx.ellipse(fx, fy, 0.035 * H * s, 0.024 * H * s, 0, 0, Math.PI * 2);
    ctx.fill();
  }
  // Torso, and a skirt over the thighs.
  fill(
    [
      [-0.07 * H, 0.03 * H],
      [0.07 * H, 0.03 * H],
      [0.1 * H, shoulderY],
      [-0.1 * H, shoulderY],
    ],
    tone(c.top),
  );
  if (L.feminine && !fig.standIn)
    fill(
      [
        [-0.075 * H, 0.08 * H],
        [0.075 * H, 0.08 * H],
        [0.11 * H, -0.17 * H],
        [-0.11 * H, -0.17 * H],
      ],
      tone(c.top, 0.92),
    );
  // Arms hang at the sides and swing fore and aft, which from here is a small change in length.
  for (const [i, side] of [1, -1].entries()) {
    const swing = pose.armUpper[i] ?? 0;
    const len = (proportions.upperArm + proportions.forearm) * H * (0.92 + 0.08 * Math.cos(swing));
    const raised = Math.max(0, swing - 1.2);
    const sh: Pt = [side * 0.095 * H, shoulderY - 0.01 * H];
    const hand: Pt = [
      side * (0.12 + 0.1 * raised) * H,
      shoulderY - len * Math.cos(Math.min(swing, 1.2) * 0.4 + raised),
    ];
    stroke(sh, [(sh[0] + hand[0]) / 2, (sh[1] + hand[1]) / 2], 0.05, tone(c.top, 0.95));
    stroke([(sh[0] + hand[0]) / 2, (sh[1] + hand[1]) / 2], hand, 0.042, tone(c.skin));
  }
  // Neck and head; from behind, hair covers it.
  const headR = proportions.head * H;
  const head: Pt = [0, proportions.torso * H + proportions.neck * H + headR];
  stroke([0, shoulderY], [0, head[1] - headR], 0.045, tone(c.skin, 0.9));
  const [hx, hy] = P(head[0], head[1]);
  const hairLen = L.hairLength * 0.34 * H;
  if (back && hairLen > 0.05 * H) {
    ctx.fillStyle = tone(c.hair, 0.9);
    const sway = Math.sin(look.hairAngle) * 0.3 * headR * s;
    ctx.beginPath();
    ctx.roundRect(hx - headR * 0.95 * s + sway, hy, headR * 1.9 * s, hairLen * s, headR * 0.6 * s);
    ctx.fill();
  }
  ctx.fillStyle = tone(back ? c.hair : c.skin);
  ctx.beginPath();
  ctx.arc(hx, hy, headR * s, 0, Math.PI * 2);
  ctx.fill();
  if (!back) {
    // Hair on top, two eyes, and a mouth that opens with the voice.
    ctx.fillStyle = tone(c.hair);
    ctx.beginPath();
    ctx.arc(hx, hy, headR * 1.06 * s, Math.PI * 1.05, Math.PI * 1.95);
    ctx.fill();
    if (!fig.standIn) {
      ctx.fillStyle = p.css([30, 24, 22]);
      for (const side of [-1, 1]) {
        ctx.beginPath();
        ctx.arc(hx + side * headR * 0.38 * s, hy - headR * 0.05 * s, Math.max(0.8, headR * 0.1 * s), 0, Math.PI * 2);
        ctx.fill();
      }
      const open = Math.max(0.05, look.mouthOpen);
      ctx.fillStyle = p.css(scale([120, 40, 40], look.light));
      ctx.beginPath();
      ctx.ellipse(
        hx,
        hy + headR * 0.5 * s,
        Math.max(0.8, headR * 0.2 * s),
        Math.max(0.5, headR * (0.04 + 0.25 * open) * s),
        0,
        0,
        Math.PI * 2,
      );
      ctx.fill();
    }
  }
  if (fig.seatView === 'back') {
    // The seat's backrest, between the camera and the seated back: the head and shoulders show over it.
    const rest = shoulderY - 0.04 * H;
    fill(
      [
        [-0.17 * H, -0.05 * H],
        [0.17 * H, -0.05 * H],
        [0.16 * H, rest],
        [-0.16 * H, rest],
      ],
      tone('#34343c'),
    );
  }
  return { x: hx, top: hy - headR * 1.1 * s, scale: s };
}

/** Dogs and other four-legged animals; birds in flight or perched. Horses, cats and fish: animals.ts. */
export function drawAnimal(
  ctx: SKRSContext2D,
  cam: CameraState,
  p: Palette,
  a: StagedAnimal,
  t: number,
  light: RGB,
): void {
  if (a.kind === 'horse' || a.kind === 'cat' || a.kind === 'fish') {
    drawOtherAnimal(ctx, cam, p, a, t, light);
    return;
  }
  const col = hex(a.color);
  for (const [i, m] of a.members.entries()) {
    if (a.kind === 'bird' && a.flying) {
      const speed = 2.4 + (i % 3) * 0.3;
      const x = m.x + speed * t;
      const y = m.y + Math.sin(t * 1.3 + m.phase) * 0.25 + t * 0.12;
      const pr = project(cam, { x, y, z: m.z });
      if (!pr) continue;
      const s = pr.scale * a.size;
      const flap = Math.sin(t * 11 + m.phase);
      ctx.strokeStyle = p.css(p.haze(scale(col, light), pr.depth));
      ctx.lineWidth = Math.max(1, s * 0.12);
      ctx.beginPath();
      ctx.moveTo(pr.x - s * 0.9, pr.y - flap * s * 0.5);
      ctx.quadraticCurveTo(pr.x - s * 0.4, pr.y - s * 0.25 - flap * s * 0.2, pr.x, pr.y);
      ctx.quadraticCurveTo(pr.x + s * 0.4, pr.y - s * 0.25 - flap * s * 0.2, pr.x + s * 0.9, pr.y - flap * s * 0.5);
      ctx.stroke();
      continue;
    }
    let x = m.x;
    let walking = false;
    if (a.walk) {
      const u = Math.min(1, Math.max(0, (t - a.walk.t0) / Math.max(0.01, a.walk.t1 - a.walk.t0)));
      x += a.walk.dx * u;
      walking = t > a.walk.t0 && t < a.walk.t1;
    }
    const pr = project(cam, { x, y: 0, z: m.z });
    if (!pr) continue;
    const s = pr.scale * a.size;
    const c = (k: number): string => p.css(p.haze(scale(scale(col, k), light), pr.depth));
    if (a.kind === 'bird' && a.swimming === true) {
      drawSwimmer(ctx, pr.x, pr.y, s, c, t + m.phase, p.css(p.haze(scale([235, 240, 245], light), pr.depth)));
      continue;
    }
    if (a.kind === 'bird') {
      ctx.fillStyle = c(1);
      ctx.beginPath();
      ctx.ellipse(pr.x, pr.y - s * 0.3, s * 0.35, s * 0.2, 0, 0, Math.PI * 2);
      ctx.arc(pr.x + s * 0.3, pr.y - s * 0.5, s * 0.13, 0, Math.PI * 2);
      ctx.fill();
      continue;
    }
    const legH = s * 0.5;
    const bodyL = s;
    const phase = walking ? t * 9 + m.phase : 0;
    ctx.strokeStyle = c(0.8);
    ctx.lineWidth = Math.max(1, s * 0.09);
    ctx.lineCap = 'round';
    for (let k = 0; k < 4; k++) {
      const lx = pr.x + (k < 2 ? -0.35 : 0.3) * bodyL + (k % 2) * s * 0.06;
      const swing = Math.sin(phase + (k % 2 === 0 ? 0 : Math.PI) + (k < 2 ? 0 : Math.PI / 2)) * s * 0.15;
      ctx.beginPath();
      ctx.moveTo(lx, pr.y - legH);
      ctx.lineTo(lx + swing, pr.y);
      ctx.stroke();
    }
    ctx.fillStyle = c(1);
    ctx.beginPath();
    ctx.ellipse(pr.x, pr.y - legH - s * 0.12, bodyL * 0.5, s * 0.2, 0, 0, Math.PI * 2);
    ctx.fill();
    const barking = a.barkAt.some((b) => t >= b && t < b + 0.5);
    const bob = barking ? Math.sin((t * 20) % Math.PI) * s * 0.05 : 0;
    const hx = pr.x + bodyL * 0.55;
    const hy = pr.y - legH - s * 0.38 - bob;
    ctx.beginPath();
    ctx.arc(hx, hy, s * 0.17, 0, Math.PI * 2);
    ctx.fill();
    ctx.beginPath();
    ctx.ellipse(hx + s * 0.16, hy + s * 0.05, s * 0.12, s * (barking ? 0.09 : 0.06), 0, 0, Math.PI * 2);
    ctx.fill();
    ctx.fillStyle = c(0.6);
    ctx.beginPath();
    ctx.moveTo(hx - s * 0.08, hy - s * 0.1);
    ctx.lineTo(hx - s * 0.02, hy - s * 0.28);
    ctx.lineTo(hx + s * 0.06, hy - s * 0.12);
    ctx.fill();
    ctx.strokeStyle = c(1);
    ctx.lineWidth = Math.max(1, s * 0.06);
    const wag = Math.sin(t * (a.kind === 'dog' ? 12 : 2) + m.phase) * 0.4;
    ctx.beginPath();
    ctx.moveTo(pr.x - bodyL * 0.48, pr.y - legH - s * 0.15);
    ctx.quadraticCurveTo(
      pr.x - bodyL * 0.7,
      pr.y - legH - s * 0.35,
      pr.x - bodyL * 0.65 + wag * s * 0.2,
      pr.y - legH - s * 0.45,
    );
    ctx.stroke();
  }
}

/** A duck on the water, seen side-on: a low body riding the waterline, neck and head, a bill and a wake. */
function drawSwimmer(
  ctx: SKRSContext2D,
  x: number,
  y: number,
  s: number,
  c: (k: number) => string,
  phase: number,
  foam: string,
): void {
  const bob = Math.sin(phase * 2.1) * s * 0.02;
  ctx.fillStyle = c(1);
  ctx.beginPath();
  ctx.ellipse(x, y - s * 0.1 + bob, s * 0.42, s * 0.16, 0, Math.PI, Math.PI * 2);
  ctx.moveTo(x - s * 0.42, y - s * 0.1 + bob);
  ctx.lineTo(x - s * 0.55, y - s * 0.22 + bob);
  ctx.lineTo(x - s * 0.3, y - s * 0.14 + bob);
  ctx.fill();
  ctx.fillStyle = c(0.7);
  ctx.fillRect(x + s * 0.22, y - s * 0.42 + bob, s * 0.09, s * 0.3);
  ctx.beginPath();
  ctx.arc(x + s * 0.28, y - s * 0.44 + bob, s * 0.11, 0, Math.PI * 2);
  ctx.fill();
  ctx.fillStyle = '#d9a030';
  ctx.beginPath();
  ctx.moveTo(x + s * 0.37, y - s * 0.47 + bob);
  ctx.lineTo(x + s * 0.52, y - s * 0.42 + bob);
  ctx.lineTo(x + s * 0.37, y - s * 0.39 + bob);
  ctx.fill();
  ctx.strokeStyle = foam;
  ctx.lineWidth = Math.max(1, s * 0.03);
  ctx.beginPath();
  ctx.moveTo(x - s * 0.9, y - s * 0.05);
  ctx.lineTo(x - s * 0.45, y - s * 0.08);
  ctx.moveTo(x - s * 0.85, y + s * 0.02);
  ctx.lineTo(x - s * 0.4, y - s * 0.02);
  ctx.stroke();
}

/**
 * The seat under a sitting figure, in its own frame (x along its facing, y up from the hips, in
 * metres): a log lying across the view, or a plain wooden chair.
 */
function drawSeat(
  ctx: SKRSContext2D,
  kind: 'log' | 'chair',
  P: (lx: number, ly: number) => Pt,
  hip: number,
  tone: (c: string | RGB, k?: number) => string,
): void {
  const poly = (pts: Pt[], colour: string): void => fillPolygon(ctx, pts, colour);
  if (kind === 'log') {
    const top = -0.04;
    const bottom = -hip;
    poly([P(-0.5, top), P(0.4, top), P(0.4, bottom), P(-0.5, bottom)], tone('#5a3d26'));
    poly([P(-0.5, top - 0.05), P(0.4, top - 0.05), P(0.4, top - 0.09), P(-0.5, top - 0.09)], tone('#3e2a1a'));
    poly([P(0.36, top), P(0.44, top), P(0.44, bottom), P(0.36, bottom)], tone('#a07850'));
  } else {
    const seat = -0.02;
    poly([P(-0.22, seat), P(0.22, seat), P(0.22, seat - 0.05), P(-0.22, seat - 0.05)], tone('#7a5236'));
    for (const x of [-0.19, 0.17])
      poly([P(x, seat - 0.05), P(x + 0.03, seat - 0.05), P(x + 0.03, -hip), P(x, -hip)], tone('#5e3e28'));
    poly([P(-0.24, seat + 0.5), P(-0.2, seat + 0.5), P(-0.2, seat), P(-0.24, seat)], tone('#6a4630'));
  }
}

/** Fills a polygon given in screen pixels. */
function fillPolygon(ctx: SKRSContext2D, pts: readonly Pt[], colour: string): void {
  const [first, ...rest] = pts;
  if (!first) return;
  ctx.fillStyle = colour;
  ctx.beginPath();
  ctx.moveTo(first[0], first[1]);
  for (const q of rest) ctx.lineTo(q[0], q[1]);
  ctx.closePath();
  ctx.fill();
}

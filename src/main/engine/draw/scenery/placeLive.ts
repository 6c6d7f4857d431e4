/**
 * The scenery of places that moves or must be drawn in perspective every frame: an alley's side
 * walls, a waterfall's falling water, a lighthouse's sweeping beam, a drifting spacecraft, and in
 * front of everything the light shafts, dust motes and bubbles in the air or water.
 */
import type { SKRSContext2D } from '@napi-rs/canvas';
import { project, type CameraState } from '../../camera';
import { hashString, Random } from '../../random';
import type { Stage } from '../../stage/types';
import { hex, scale, type Palette, type RGB } from '../palette';
import { neonSign } from './city';
import { fillFace } from './face';
import { fallsOf, towerOf } from './placeLayers';
import { drawFurniture } from './room';
import { drawSpacecraft } from './space';

/** Drawn after the ground and the room, before figures and things. */
export function drawPlaceBehind(ctx: SKRSContext2D, cam: CameraState, p: Palette, stage: Stage, t: number): void {
  if (stage.layout.interior) drawFurniture(ctx, cam, p, stage);
  if (stage.scene.setting === 'alley') drawAlleyWalls(ctx, cam, p, stage);
  if (stage.scene.environment.waterfall !== undefined) drawFallingWater(ctx, cam, p, stage, t);
  drawSpacecraft(ctx, cam, p, stage, t);
}

/** Drawn over everything but the glows: shafts of light, dust and bubbles. */
export function drawPlaceInFront(ctx: SKRSContext2D, cam: CameraState, p: Palette, stage: Stage, t: number): void {
  const env = stage.scene.environment;
  if (env.lighthouse !== undefined && p.night > 0.2) drawBeam(ctx, cam, p, stage, t);
  if (env.lightShafts !== undefined) drawShafts(ctx, cam, p, stage, t);
  if (env.dust !== undefined) drawMotes(ctx, cam, p, stage, t, 'dust');
  if (env.bubbles !== undefined) drawMotes(ctx, cam, p, stage, t, 'bubbles');
}

const alleyHalfWidth = 2.4;
const alleyDepth = 34;

/** Brick side walls running away from the camera, with windows, a fire escape, pipes and signs. */
function drawAlleyWalls(ctx: SKRSContext2D, cam: CameraState, p: Palette, stage: Stage): void {
  const r = new Random(hashString('alley', stage.seed));
  const h = 14;
  // Start the walls just far enough ahead that their tops are still in front of a camera tilted down.
  const z0 = cam.z + 0.5 + Math.max(0, -Math.sin(cam.pitch)) * h;
  // Lit by the signs and windows around them at night, not left black.
  const glow = 1 + 1.6 * p.night;
  for (const side of [-1, 1]) {
    const x = side * alleyHalfWidth;
    const brick: RGB = side < 0 ? hex('#7a3f30') : hex('#6a4a3e');
    fillFace(
      ctx,
      cam,
      [
        { x, y: 0, z: z0 },
        { x, y: 0, z: alleyDepth },
        { x, y: h, z: alleyDepth },
        { x, y: h, z: z0 },
      ],
      p.css(p.lit(brick, 0, glow)),
    );
    // Mortar courses every metre, fading with distance.
    ctx.strokeStyle = p.css(p.lit(scale(brick, 0.7), 0, glow), 0.5);
    ctx.lineWidth = 1;
    for (let y = 0.5; y < h; y += 0.5) {
      const a = project(cam, { x, y, z: z0 });
      const b = project(cam, { x, y, z: alleyDepth });
      if (!a || !b) continue;
      ctx.beginPath();
      ctx.moveTo(a.x, a.y);
      ctx.lineTo(b.x, b.y);
      ctx.stroke();
    }
    for (let z = 3 + r.range(0, 2); z < alleyDepth - 2; z += r.range(3.5, 5.5)) {
      for (const y of [3.2, 6.4, 9.6]) {
        const lit = p.night > 0.4 && r.next() < 0.35;
        const glass: RGB = lit ? [255, 214, 140] : scale(p.light.skyHorizon, 0.45);
        const wx = x - side * 0.01;
        fillFace(
          ctx,
          cam,
          [
            { x: wx, y, z },
            { x: wx, y, z: z + 1.1 },
            { x: wx, y: y + 1.5, z: z + 1.1 },
            { x: wx, y: y + 1.5, z },
          ],
          lit ? p.css(glass) : p.css(p.lit(glass)),
        );
      }
      if (r.next() < 0.35) {
        // A dumpster against the wall.
        const dx = x - side * 0.8;
        const green = p.lit(hex('#2f5a3a'));
        fillFace(
          ctx,
          cam,
          [
            { x: dx, y: 0, z },
            { x: dx, y: 0, z: z + 1.8 },
            { x: dx, y: 1.2, z: z + 1.8 },
            { x: dx, y: 1.2, z },
          ],
          p.css(green),
        );
        fillFace(
          ctx,
          cam,
          [
            { x: dx, y: 1.2, z },
            { x: x, y: 1.2, z },
            { x: x, y: 1.2, z: z + 1.8 },
            { x: dx, y: 1.2, z: z + 1.8 },
          ],
          p.css(scale(green, 1.2)),
        );
      }
    }
    // A fire escape on one wall: landings and a zigzag of stairs.
    if (side > 0) {
      ctx.strokeStyle = p.css(p.lit(hex('#1e1e22')));
      ctx.lineWidth = 2;
      for (const y of [4.6, 7.8, 11]) {
        const a = project(cam, { x: x - 0.9, y, z: 6 });
        const b = project(cam, { x: x - 0.9, y, z: 11 });
        const c = project(cam, { x: x - 0.9, y: y + 0.9, z: 6 });
        const d = project(cam, { x: x - 0.9, y: y - 3.2, z: 11 });
        if (!a || !b || !c || !d) continue;
        ctx.beginPath();
        ctx.moveTo(a.x, a.y);
        ctx.lineTo(b.x, b.y);
        ctx.moveTo(c.x, c.y);
        ctx.lineTo(b.x, b.y);
        ctx.moveTo(a.x, a.y);
        ctx.lineTo(d.x, d.y);
        ctx.stroke();
      }
    }
    // Signs sticking out from the wall, neon after dark or when asked for.
    const neon = p.night > 0.4 || p.style.neon || stage.scene.environment.neonSigns !== undefined;
    for (let z = 4 + r.range(0, 3); z < alleyDepth - 4; z += r.range(5, 9)) {
      const top = project(cam, { x: x - side * 0.15, y: 5.5, z });
      const bottom = project(cam, { x: x - side * 0.15, y: 3.4, z });
      if (!top || !bottom) continue;
      const w = Math.max(3, 0.5 * top.scale);
      const colour = r.pick(['#ff3fa4', '#3fe0ff', '#7dff6a', '#ffb43f', '#ff5a4a'].map(hex));
      if (neon) neonSign(ctx, p, colour, top.x - w / 2, top.y, w, bottom.y - top.y);
      else {
        ctx.fillStyle = p.css(p.lit(scale(colour, 0.7)));
        ctx.fillRect(top.x - w / 2, top.y, w, bottom.y - top.y);
      }
    }
  }
}

/** Streaks sliding down the waterfall, so the water is seen to fall. */
function drawFallingWater(ctx: SKRSContext2D, cam: CameraState, p: Palette, stage: Stage, t: number): void {
  const f = fallsOf({ stage });
  const r = new Random(hashString('falls', stage.seed));
  ctx.strokeStyle = p.css([255, 255, 255], 0.55);
  for (let k = 0; k < 28; k++) {
    const x = f.x - f.width / 2 + r.next() * f.width;
    const speed = r.range(0.35, 0.6);
    const y = f.height * (1 - ((r.next() + t * speed) % 1));
    const a = project(cam, { x, y, z: f.z - 0.05 });
    const b = project(cam, { x, y: Math.max(0, y - f.height * 0.12), z: f.z - 0.05 });
    if (!a || !b) continue;
    ctx.lineWidth = Math.max(1, 0.06 * a.scale);
    ctx.beginPath();
    ctx.moveTo(a.x, a.y);
    ctx.lineTo(b.x, b.y);
    ctx.stroke();
  }
}

/** The lamp's beam, turning: long when it points across the frame, short when it swings toward us. */
function drawBeam(ctx: SKRSContext2D, cam: CameraState, p: Palette, stage: Stage, t: number): void {
  const tw = towerOf();
  const lamp = project(cam, { x: tw.x, y: tw.height * 1.05, z: tw.z });
  if (!lamp) return;
  const angle = t * 0.9 + (hashString('beam', stage.seed) % 628) / 100;
  const reach = Math.abs(Math.cos(angle)) * cam.width * 0.9;
  const dir = Math.cos(angle) >= 0 ? 1 : -1;
  const spread = lamp.scale * 1.2;
  const g = ctx.createLinearGradient(lamp.x, lamp.y, lamp.x + dir * reach, lamp.y);
  g.addColorStop(0, p.css([255, 246, 210], 0.85));
  g.addColorStop(1, p.css([255, 246, 210], 0));
  ctx.globalCompositeOperation = 'lighter';
  ctx.fillStyle = g;
  ctx.beginPath();
  ctx.moveTo(lamp.x, lamp.y - spread * 0.2);
  ctx.lineTo(lamp.x + dir * reach, lamp.y - spread * 2.5);
  ctx.lineTo(lamp.x + dir * reach, lamp.y + spread * 2.5);
  ctx.lineTo(lamp.x, lamp.y + spread * 0.2);
  ctx.closePath();
  ctx.fill();
  ctx.globalCompositeOperation = 'source-over';
}

/** Slanting shafts of light from above, swaying a little, strongest in haze, dust or water. */
function drawShafts(ctx: SKRSContext2D, cam: CameraState, p: Palette, stage: Stage, t: number): void {
  const r = new Random(hashString('shafts', stage.seed));
  const W = cam.width;
  const H = cam.height;
  const under = stage.scene.setting === 'underwater';
  const colour: RGB = under ? [200, 255, 250] : p.night > 0.6 ? [190, 205, 255] : [255, 240, 200];
  ctx.globalCompositeOperation = 'lighter';
  for (let k = 0; k < 6; k++) {
    const x = W * (0.05 + 0.9 * r.next()) + Math.sin(t * 0.4 + k) * W * 0.01;
    const w = W * r.range(0.03, 0.08);
    const slant = W * (under ? r.range(-0.05, 0.05) : 0.22);
    const g = ctx.createLinearGradient(0, 0, 0, H);
    const a = r.range(0.08, 0.16) * (0.8 + 0.2 * Math.sin(t * 0.7 + k * 2));
    g.addColorStop(0, p.css(colour, a));
    g.addColorStop(1, p.css(colour, 0));
    ctx.fillStyle = g;
    ctx.beginPath();
    ctx.moveTo(x, 0);
    ctx.lineTo(x + w, 0);
    ctx.lineTo(x + w * 2.2 + slant, H);
    ctx.lineTo(x + slant, H);
    ctx.closePath();
    ctx.fill();
  }
  ctx.globalCompositeOperation = 'source-over';
}

/** Dust motes drifting and glinting, or bubbles rising and wobbling, around the subject. */
function drawMotes(
  ctx: SKRSContext2D,
  cam: CameraState,
  p: Palette,
  stage: Stage,
  t: number,
  kind: 'dust' | 'bubbles',
): void {
  const r = new Random(hashString(kind, stage.seed));
  const z0 = stage.layout.subjectZ;
  const n = kind === 'dust' ? 90 : 60;
  for (let k = 0; k < n; k++) {
    const z = z0 + r.range(-3, 4);
    const x = stage.focus.x + r.range(-4, 4) + Math.sin(t * r.range(0.2, 0.6) + k) * 0.2;
    const y =
      kind === 'bubbles'
        ? (r.range(0, 4) + t * r.range(0.4, 0.9)) % 4.5
        : r.range(0.2, 3) + Math.sin(t * r.range(0.1, 0.3) + k) * 0.25;
    const pr = project(cam, { x: x + (kind === 'bubbles' ? Math.sin(t * 5 + k) * 0.03 : 0), y, z });
    if (!pr) continue;
    if (kind === 'dust') {
      const glint = 0.35 + 0.65 * Math.max(0, Math.sin(t * 2 + k * 1.7));
      ctx.fillStyle = p.css([255, 244, 220], 0.75 * glint);
      const s = Math.max(1.5, 0.02 * pr.scale);
      ctx.fillRect(pr.x, pr.y, s, s);
    } else {
      const rad = Math.max(1.5, r.range(0.015, 0.05) * pr.scale);
      ctx.strokeStyle = p.css([230, 255, 255], 0.7);
      ctx.lineWidth = Math.max(1, rad * 0.2);
      ctx.beginPath();
      ctx.arc(pr.x, pr.y, rad, 0, Math.PI * 2);
      ctx.stroke();
      ctx.fillStyle = p.css([255, 255, 255], 0.6);
      ctx.fillRect(pr.x - rad * 0.4, pr.y - rad * 0.5, Math.max(1, rad * 0.3), Math.max(1, rad * 0.3));
    }
  }
}

/** Two tracks across the rail bed: sleepers, then steel rails catching the light. */
export function drawRails(ctx: SKRSContext2D, cam: CameraState, p: Palette, zNear: number, zFar: number): void {
  const mid = (zNear + zFar) / 2;
  for (const zc of [mid - 0.9, mid + 0.9]) {
    for (let x = -40; x < 40; x += 0.6) {
      const a = project(cam, { x, y: 0, z: zc - 0.75 });
      const b = project(cam, { x: x + 0.25, y: 0, z: zc + 0.75 });
      if (!a || !b) continue;
      ctx.fillStyle = p.css(p.lit(hex('#4a3a2e')));
      ctx.fillRect(a.x, b.y, b.x - a.x, Math.max(1, a.y - b.y));
    }
    for (const z of [zc - 0.72, zc + 0.72]) {
      const a = project(cam, { x: -60, y: 0.15, z });
      const b = project(cam, { x: 60, y: 0.15, z });
      if (!a || !b) continue;
      ctx.strokeStyle = p.css(p.lit(hex('#b8bcc0')));
      ctx.lineWidth = Math.max(1.5, 0.07 * a.scale);
      ctx.beginPath();
      ctx.moveTo(a.x, a.y);
      ctx.lineTo(b.x, b.y);
      ctx.stroke();
    }
  }
}

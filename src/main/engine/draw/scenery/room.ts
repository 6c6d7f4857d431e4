/**
 * Furniture in a room, drawn as lit boxes in perspective: a bed with its pillow and blanket, a
 * nightstand, a desk, shelves of books, curtains at the window, a staircase up the right wall, and
 * the counter of a shop or kitchen. What the room's own word implies stands there too ("bedroom" has a bed; stage/handheld.ts roomFurniture).
 */
import type { SKRSContext2D } from '@napi-rs/canvas';
import type { CameraState } from '../../camera';
import { hashString, Random } from '../../random';
import { bedArea, deskArea, roomFurniture, sofaArea, TABLE_TOP } from '../../stage/handheld';
import { counterRooms, nightstandArea, shelvesArea, stairsArea, stoveArea } from '../../stage/surfaces';
import type { Stage } from '../../stage/types';
import { hex, scale, type Palette, type RGB } from '../palette';
import { drawCockpit, isCockpit } from './cockpit';
import { fillFace } from './face';

export interface Box {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  z0: number;
  z1: number;
}

/** A box seen from the camera: its top, the side facing the camera, and its front. */
export function box(ctx: SKRSContext2D, cam: CameraState, p: Palette, b: Box, colour: RGB): void {
  const face = (pts: [number, number, number][], k: number): void =>
    fillFace(
      ctx,
      cam,
      pts.map(([x, y, z]) => ({ x, y, z })),
      p.css(p.lit(scale(colour, k))),
    );
  if (cam.y > b.y1)
    face(
      [
        [b.x0, b.y1, b.z0],
        [b.x1, b.y1, b.z0],
        [b.x1, b.y1, b.z1],
        [b.x0, b.y1, b.z1],
      ],
      1.12,
    );
  const sideX = cam.x < b.x0 ? b.x0 : cam.x > b.x1 ? b.x1 : null;
  if (sideX !== null)
    face(
      [
        [sideX, b.y0, b.z0],
        [sideX, b.y0, b.z1],
        [sideX, b.y1, b.z1],
        [sideX, b.y1, b.z0],
      ],
      0.78,
    );
  face(
    [
      [b.x0, b.y0, b.z0],
      [b.x1, b.y0, b.z0],
      [b.x1, b.y1, b.z0],
      [b.x0, b.y1, b.z0],
    ],
    0.92,
  );
}

export function drawFurniture(ctx: SKRSContext2D, cam: CameraState, p: Palette, stage: Stage): void {
  const room = stage.layout.interior;
  if (!room) return;
  const word = stage.scene.settingWord ?? '';
  const has = roomFurniture(stage.scene);
  const zb = room.backWallZ;
  const hw = room.halfWidth;
  const r = new Random(hashString('room', stage.seed));
  if (has.has('curtains')) drawCurtains(ctx, cam, p, zb, hw);
  if (has.has('shelves')) {
    const shelves = shelvesArea(zb, hw);
    drawShelves(ctx, cam, p, r, { x0: shelves.x0, x1: shelves.x1, z: shelves.z1 });
  }
  if (counterRooms.test(word)) drawCounter(ctx, cam, p, r, zb, hw);
  if (has.has('stove')) drawStove(ctx, cam, p, stoveArea(zb, counterRooms.test(word)));
  if (has.has('bed')) drawBed(ctx, cam, p, zb, hw);
  if (has.has('sofa')) drawSofa(ctx, cam, p, sofaArea(zb, hw, has.has('bed')));
  if (has.has('nightstand')) {
    const n = nightstandArea(zb, hw);
    box(ctx, cam, p, { x0: n.x0, x1: n.x1, y0: 0, y1: n.top, z0: n.z0, z1: n.z1 }, hex('#6a4a30'));
    box(
      ctx,
      cam,
      p,
      { x0: n.x0 + 0.05, x1: n.x1 - 0.05, y0: 0.3, y1: 0.33, z0: n.z0 - 0.01, z1: n.z0 },
      hex('#3a2a1a'),
    );
  }
  if (has.has('stairs')) drawStairs(ctx, cam, p, stairsArea(zb, hw));
  if (has.has('desk')) drawDesk(ctx, cam, p, stage.layout.subjectZ);
  if (isCockpit(word)) drawCockpit(ctx, cam, p, r, zb, hw);
}

function drawCurtains(ctx: SKRSContext2D, cam: CameraState, p: Palette, zb: number, hw: number): void {
  // Beside the window the room puts on its back wall (1.2 m wide, centred 1.6 m left).
  const cx = Math.max(-hw + 1, -1.6);
  const z = zb - 0.08;
  box(ctx, cam, p, { x0: cx - 1.05, x1: cx + 1.05, y0: 2.52, y1: 2.56, z0: z - 0.02, z1: z }, hex('#3a2a1a'));
  const cloth = hex('#8a2f3a');
  for (const side of [-1, 1]) {
    const x0 = side < 0 ? cx - 1.0 : cx + 0.55;
    for (let k = 0; k < 5; k++) {
      const fx = x0 + k * 0.09;
      box(
        ctx,
        cam,
        p,
        { x0: fx, x1: fx + 0.09, y0: 0.9, y1: 2.52, z0: z - 0.04, z1: z },
        scale(cloth, k % 2 === 0 ? 1 : 0.78),
      );
    }
  }
}

function drawShelves(
  ctx: SKRSContext2D,
  cam: CameraState,
  p: Palette,
  r: Random,
  at: { x0: number; x1: number; z: number },
): void {
  const wood = hex('#5a3a22');
  const depth = 0.35;
  const z0 = at.z - depth;
  box(ctx, cam, p, { x0: at.x0, x1: at.x1, y0: 0, y1: 2.1, z0: at.z - 0.02, z1: at.z }, scale(wood, 0.6));
  for (const x of [at.x0, at.x1 - 0.04]) box(ctx, cam, p, { x0: x, x1: x + 0.04, y0: 0, y1: 2.1, z0, z1: at.z }, wood);
  const spines = ['#8a2a2a', '#2a4a7a', '#2f6a3a', '#c8a040', '#5a3a6a', '#d8d0c0', '#a0522d'].map(hex);
  for (let y = 0.05; y < 2; y += 0.42) {
    box(ctx, cam, p, { x0: at.x0, x1: at.x1, y0: y, y1: y + 0.03, z0, z1: at.z }, wood);
    for (let x = at.x0 + 0.06; x < at.x1 - 0.08;) {
      const w = r.range(0.03, 0.07);
      const h = r.range(0.22, 0.34);
      if (r.next() < 0.08) {
        x += 0.1;
        continue;
      }
      box(
        ctx,
        cam,
        p,
        { x0: x, x1: x + w, y0: y + 0.03, y1: y + 0.03 + h, z0: z0 + 0.06, z1: at.z - 0.04 },
        r.pick(spines),
      );
      x += w + 0.004;
    }
  }
}

function drawCounter(ctx: SKRSContext2D, cam: CameraState, p: Palette, r: Random, zb: number, hw: number): void {
  const z0 = zb - 1.4;
  box(ctx, cam, p, { x0: -hw + 0.1, x1: hw - 0.1, y0: 0, y1: 0.95, z0, z1: z0 + 0.6 }, hex('#7a5a3a'));
  box(ctx, cam, p, { x0: -hw + 0.05, x1: hw - 0.05, y0: 0.95, y1: 1.0, z0: z0 - 0.03, z1: z0 + 0.63 }, hex('#d8d2c8'));
  // Shelves of jars and loaves on the wall behind it.
  const goods = ['#c8a060', '#e8d8b0', '#a0603a', '#5a8a9a', '#d8b050'].map(hex);
  for (const y of [1.35, 1.85]) {
    box(ctx, cam, p, { x0: -hw + 0.3, x1: hw - 0.3, y0: y, y1: y + 0.04, z0: zb - 0.3, z1: zb - 0.02 }, hex('#5a3a22'));
    for (let x = -hw + 0.4; x < hw - 0.5; x += r.range(0.18, 0.35))
      box(
        ctx,
        cam,
        p,
        { x0: x, x1: x + 0.14, y0: y + 0.04, y1: y + r.range(0.14, 0.26), z0: zb - 0.24, z1: zb - 0.1 },
        r.pick(goods),
      );
  }
}

/** A stove: a white body, a dark oven door with its window and handle, four burners on the hob and its knobs. */
function drawStove(ctx: SKRSContext2D, cam: CameraState, p: Palette, a: ReturnType<typeof stoveArea>): void {
  const { x0, x1, z0, z1, top } = a;
  box(ctx, cam, p, { x0, x1, y0: 0, y1: top - 0.02, z0, z1 }, hex('#e4e2dc'));
  box(ctx, cam, p, { x0: x0 - 0.01, x1: x1 + 0.01, y0: top - 0.02, y1: top, z0: z0 - 0.01, z1: z1 + 0.01 }, hex('#3a3a3c'));
  // The oven door on the front, its window, and a bar handle above it.
  const door = { x0: x0 + 0.06, x1: x1 - 0.06, z0: z0 - 0.005, z1: z0 };
  box(ctx, cam, p, { ...door, y0: 0.1, y1: top - 0.22 }, hex('#2e2e30'));
  box(ctx, cam, p, { ...door, x0: x0 + 0.16, x1: x1 - 0.16, y0: 0.28, y1: top - 0.36, z0: z0 - 0.01 }, hex('#4a4640'));
  box(ctx, cam, p, { ...door, x0: x0 + 0.12, x1: x1 - 0.12, y0: top - 0.2, y1: top - 0.17, z0: z0 - 0.03 }, hex('#b8bcc2'));
  // Knobs along the front, under the hob.
  for (let k = 0; k < 4; k++) {
    const x = x0 + 0.12 + (k * (x1 - x0 - 0.24)) / 3;
    box(ctx, cam, p, { x0: x - 0.02, x1: x + 0.02, y0: top - 0.12, y1: top - 0.08, z0: z0 - 0.025, z1: z0 }, hex('#2a2a2a'));
  }
  // Four burners: dark rings just above the hob.
  const w = x1 - x0;
  const d = z1 - z0;
  for (const [u, v] of [
    [0.28, 0.3],
    [0.72, 0.3],
    [0.28, 0.72],
    [0.72, 0.72],
  ] as const) {
    const cx = x0 + u * w;
    const cz = z0 + v * d;
    box(ctx, cam, p, { x0: cx - 0.09, x1: cx + 0.09, y0: top, y1: top + 0.015, z0: cz - 0.09, z1: cz + 0.09 }, hex('#1e1e1e'));
  }
}

function drawBed(ctx: SKRSContext2D, cam: CameraState, p: Palette, zb: number, hw: number): void {
  const { x0, x1, z0 } = bedArea(zb, hw);
  const frame = hex('#5a3a22');
  box(ctx, cam, p, { x0: x0, x1: x0 + 0.08, y0: 0, y1: 1.1, z0, z1: zb - 0.05 }, frame);
  box(ctx, cam, p, { x0: x0 + 0.08, x1, y0: 0, y1: 0.32, z0, z1: zb - 0.05 }, frame);
  box(ctx, cam, p, { x0: x0 + 0.08, x1: x1 - 0.02, y0: 0.32, y1: 0.52, z0: z0 + 0.02, z1: zb - 0.07 }, hex('#eeeae2'));
  box(ctx, cam, p, { x0: x0 + 0.15, x1: x0 + 0.6, y0: 0.52, y1: 0.66, z0: z0 + 0.15, z1: zb - 0.2 }, hex('#f6f4ee'));
  box(ctx, cam, p, { x0: x0 + 0.75, x1: x1 + 0.02, y0: 0.3, y1: 0.57, z0: z0 - 0.02, z1: zb - 0.06 }, hex('#3a5a8a'));
  box(ctx, cam, p, { x0: x1 - 0.06, x1: x1, y0: 0, y1: 0.75, z0, z1: zb - 0.05 }, frame);
}

/** A sofa against the back wall, facing the room: its base and cushions, the backrest, two arms and short legs. */
function drawSofa(ctx: SKRSContext2D, cam: CameraState, p: Palette, area: ReturnType<typeof sofaArea>): void {
  const { x0, x1, z0, z1, seat } = area;
  const fabric = hex('#4f6f73');
  const leg = hex('#3a2a1c');
  for (const x of [x0 + 0.08, x1 - 0.12])
    box(ctx, cam, p, { x0: x, x1: x + 0.04, y0: 0, y1: 0.1, z0: z0 + 0.05, z1: z0 + 0.09 }, leg);
  box(ctx, cam, p, { x0, x1, y0: 0.1, y1: seat - 0.12, z0, z1 }, scale(fabric, 0.8));
  box(ctx, cam, p, { x0, x1, y0: seat - 0.02, y1: 0.92, z0: z1 - 0.25, z1 }, scale(fabric, 0.9));
  // Two seat cushions, a seam between them.
  const mid = (x0 + x1) / 2;
  box(ctx, cam, p, { x0: x0 + 0.18, x1: mid - 0.01, y0: seat - 0.12, y1: seat, z0, z1: z1 - 0.25 }, fabric);
  box(ctx, cam, p, { x0: mid + 0.01, x1: x1 - 0.18, y0: seat - 0.12, y1: seat, z0, z1: z1 - 0.25 }, fabric);
  for (const x of [x0, x1 - 0.18])
    box(ctx, cam, p, { x0: x, x1: x + 0.18, y0: 0.1, y1: seat + 0.18, z0, z1 }, scale(fabric, 0.85));
}

/**
 * A staircase against the right wall, climbing away from the camera to the back wall: solid
 * steps of equal rise and tread, each with a lighter nosing, and a banister on the open side
 * (a post on every step, the handrail running up with them).
 */
function drawStairs(ctx: SKRSContext2D, cam: CameraState, p: Palette, a: ReturnType<typeof stairsArea>): void {
  const { x0, x1, z0, steps, rise, tread } = a;
  const wood = hex('#7a5436');
  // The far, high steps first: a nearer, lower step stands in front of them.
  for (let k = steps - 1; k >= 0; k--) {
    const front = z0 + k * tread;
    const top = (k + 1) * rise;
    box(ctx, cam, p, { x0, x1, y0: 0, y1: top, z0: front, z1: z0 + steps * tread }, scale(wood, 0.82));
    box(ctx, cam, p, { x0, x1, y0: top - 0.03, y1: top, z0: front - 0.02, z1: front + tread }, scale(wood, 1.15));
  }
  const rail = hex('#3a2a1c');
  for (let k = 0; k < steps; k++) {
    const z = z0 + k * tread + tread / 2;
    const top = (k + 1) * rise;
    box(ctx, cam, p, { x0: x0 - 0.04, x1: x0, y0: top, y1: top + 0.9, z0: z - 0.02, z1: z + 0.02 }, rail);
    box(
      ctx,
      cam,
      p,
      { x0: x0 - 0.06, x1: x0 + 0.02, y0: top + 0.88, y1: top + 0.94, z0: z - tread / 2, z1: z + tread / 2 },
      rail,
    );
  }
}

function drawDesk(ctx: SKRSContext2D, cam: CameraState, p: Palette, subjectZ: number): void {
  const { x0, x1, z0, z1 } = deskArea(subjectZ);
  const wood = hex('#6a4a2e');
  box(ctx, cam, p, { x0: x1 - 0.45, x1: x1 - 0.02, y0: 0, y1: TABLE_TOP - 0.05, z0: z0 + 0.02, z1 }, scale(wood, 0.9));
  for (const y of [0.2, 0.45])
    box(ctx, cam, p, { x0: x1 - 0.42, x1: x1 - 0.05, y0: y, y1: y + 0.02, z0: z0, z1: z0 + 0.02 }, scale(wood, 0.5));
  box(ctx, cam, p, { x0: x0 + 0.02, x1: x0 + 0.07, y0: 0, y1: TABLE_TOP - 0.05, z0: z0 + 0.02, z1 }, scale(wood, 0.8));
  box(ctx, cam, p, { x0, x1, y0: TABLE_TOP - 0.05, y1: TABLE_TOP, z0, z1 }, wood);
  // Papers and a closed laptop on top.
  box(
    ctx,
    cam,
    p,
    { x0: x0 + 0.2, x1: x0 + 0.5, y0: TABLE_TOP, y1: TABLE_TOP + 0.02, z0: z0 + 0.1, z1: z0 + 0.4 },
    hex('#f2efe6'),
  );
  box(
    ctx,
    cam,
    p,
    { x0: x0 + 0.65, x1: x0 + 1.0, y0: TABLE_TOP, y1: TABLE_TOP + 0.03, z0: z0 + 0.15, z1: z0 + 0.45 },
    hex('#3a3c40'),
  );
}

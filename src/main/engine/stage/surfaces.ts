/**
 * Furniture things rest on: "a cat on the desk", "a cup on the table", "a phone on the bookshelf".
 * Where each surface's top is (the room draws the bed, desk, nightstand and shelves; a table is a
 * staged prop), and the pass that sets what the prompt put on one onto its top.
 */
import type { Surface } from '../scene';
import type { BodySpec } from '../simulate';
import { bedArea, deskArea, TABLE_TOP } from './handheld';
import { actionTime, type Staging } from './staging';
import type { StagedAnimal, StagedProp } from './types';

/** A surface's top: its middle, its height, and how wide it is across the view. */
export interface SurfaceTop {
  x: number;
  y: number;
  z: number;
  width: number;
}

/** Where a room's nightstand stands (drawn with the room): beside the bed, against the back wall. */
export function nightstandArea(
  backWallZ: number,
  halfWidth: number,
): { x0: number; x1: number; z0: number; z1: number; top: number } {
  return { x0: -halfWidth + 2.35, x1: -halfWidth + 2.85, z0: backWallZ - 0.5, z1: backWallZ - 0.05, top: 0.55 };
}

/** Where a room's bookshelf stands (drawn with the room): against the right of the back wall, 2.1 m tall. */
export function shelvesArea(
  backWallZ: number,
  halfWidth: number,
): { x0: number; x1: number; z0: number; z1: number; top: number } {
  return { x0: halfWidth - 1.7, x1: halfWidth - 0.1, z0: backWallZ - 0.4, z1: backWallZ - 0.05, top: 2.1 };
}

/** Whether a room's word gives it a shop's or kitchen's counter along its back (drawn in draw/scenery/room.ts). */
export const counterRooms = /kitchen|bakery|diner|cafe|restaurant|bar|pub|shop|store/;

/**
 * Where a room's stove stands (drawn with the room): right of the middle, set into the counter
 * where the room has one, else against the back wall; `top` is its hob's height.
 */
export function stoveArea(
  backWallZ: number,
  withCounter: boolean,
): { x0: number; x1: number; z0: number; z1: number; top: number } {
  return withCounter
    ? { x0: 0.55, x1: 1.3, z0: backWallZ - 1.42, z1: backWallZ - 0.8, top: 1.0 }
    : { x0: 0.55, x1: 1.3, z0: backWallZ - 0.7, z1: backWallZ - 0.05, top: 0.9 };
}

/**
 * Where a room's staircase stands (drawn with the room): against the right wall, climbing away
 * from the camera to the back wall in `steps` steps of `rise` and `tread` metres.
 */
export function stairsArea(
  backWallZ: number,
  halfWidth: number,
): { x0: number; x1: number; z0: number; steps: number; rise: number; tread: number } {
  const steps = 12;
  const tread = 0.28;
  const x1 = halfWidth - 0.05;
  return { x0: x1 - 1.0, x1, z0: backWallZ - 0.05 - steps * tread, steps, rise: 0.19, tread };
}

/** The top of the surface, or undefined when the shot has none of it to rest on. */
export function surfaceTop(s: Staging, props: readonly StagedProp[], on: Surface): SurfaceTop | undefined {
  if (on === 'table') {
    const table = props.find((p) => p.element === 'table')?.instances[0];
    return table ? { x: table.x, y: TABLE_TOP, z: table.z, width: 1.4 } : undefined;
  }
  const room = s.layout.interior;
  if (!room) return undefined;
  if (on === 'stove') {
    const area = stoveArea(room.backWallZ, counterRooms.test(s.scene.settingWord ?? ''));
    return { x: (area.x0 + area.x1) / 2, y: area.top, z: (area.z0 + area.z1) / 2, width: area.x1 - area.x0 };
  }
  const area =
    on === 'bed'
      ? bedArea(room.backWallZ, room.halfWidth)
      : on === 'desk'
        ? { ...deskArea(s.layout.subjectZ), top: TABLE_TOP }
        : on === 'nightstand'
          ? nightstandArea(room.backWallZ, room.halfWidth)
          : shelvesArea(room.backWallZ, room.halfWidth);
  return { x: (area.x0 + area.x1) / 2, y: area.top, z: (area.z0 + area.z1) / 2, width: area.x1 - area.x0 };
}

/**
 * Sets what rests on furniture onto its top: animals lie there (a cat on the bed is staged with
 * the bed, in animals.ts), things stand there side by side, held by nothing until something knocks
 * them off ("a cup falls off the table"). A thing a figure holds stays in the hand.
 */
export function restOnSurfaces(
  s: Staging,
  animals: StagedAnimal[],
  props: readonly StagedProp[],
  bodies: BodySpec[],
): void {
  const used = new Map<Surface, number>();
  const slot = (on: Surface): number => {
    const n = used.get(on) ?? 0;
    used.set(on, n + 1);
    return n;
  };
  for (const e of s.scene.entities) {
    if (e.on === undefined) continue;
    const top = surfaceTop(s, props, e.on);
    if (!top) continue;
    const animal = animals.find((a) => a.key === e.key);
    if (animal && e.on !== 'bed') {
      const k = slot(e.on);
      animal.members.forEach((m, i) => {
        m.x = top.x + offset(k + i, top.width, animal.size);
        m.y = top.y;
        m.z = top.z;
      });
      animal.walk = null;
      animal.flying = false;
    }
    const prop = props.find((p) => p.key === e.key);
    if (!prop || prop.heldBy !== null) continue;
    const fall = e.actions.find((a) => a.verb === 'fall' || a.verb === 'drop');
    for (const inst of prop.instances) {
      const at = { x: top.x + offset(slot(e.on), top.width, 0.3), y: top.y, z: top.z - 0.05 };
      Object.assign(inst, at);
      const body = bodies.find((b) => b.id === inst.id);
      if (!body) continue;
      const rest = { ...at, y: at.y + body.radius };
      body.position = rest;
      inst.y = rest.y;
      body.anchor = () => rest;
      body.velocity = { x: 0, y: 0, z: 0 };
      if (fall) {
        // Knocked off: it slides to the nearer edge and goes over it at the action's time, so it
        // falls beside the furniture rather than through its top.
        const over = actionTime(fall, s.defaults, 0.5);
        const side = at.x >= top.x ? 1 : -1;
        const distance = Math.max(0, top.x + side * (top.width / 2 + body.radius) - at.x) * side;
        const slide = Math.max(0.05, Math.min(over, Math.abs(distance) / SLIDE_SPEED));
        body.anchor = (t) => {
          const k = Math.max(0, Math.min(1, (t - (over - slide)) / slide));
          return { ...rest, x: rest.x + distance * k };
        };
        body.releaseAt = over;
        body.launch = { x: side * 0.3, y: 0, z: 0 };
      } else {
        delete body.releaseAt;
        delete body.launch;
      }
    }
  }
}

/** How fast a thing knocked off a surface slides to its edge, metres a second. */
const SLIDE_SPEED = 1.6;

/** The k-th place along a surface: the middle first, then alternately right and left. */
function offset(k: number, width: number, size: number): number {
  const step = Math.max(0.25, size * 1.4);
  const x = Math.ceil(k / 2) * step * (k % 2 === 1 ? 1 : -1);
  return Math.max(-width / 2 + 0.1, Math.min(width / 2 - 0.1, x));
}

/**
 * Small things (a phone, a book, a briefcase, a violin, a lamp, a clock, a kettle, a pot…): held by the figure
 * that uses them, else set on the table or desk, else on the wall or the ground near the subject.
 */
import type { ShotScene } from '../scene';
import type { Vec3 } from '../simulate';
import type { PlaceElementId } from '../vocabulary/places';
import type { ElementId } from '../vocabulary/world';
import type { Holders } from './choreography';
import { handAt, poseAt, proportions } from './pose';
import type { Staging } from './staging';
import type { StagedFigure, StagedProp } from './types';

/** Things a figure carries when one is there to carry them. */
const HANDHELD = new Set<ElementId>(['phone', 'book', 'newspaper', 'briefcase', 'violin', 'guitar', 'cigarette']);
/** Things that sit on a table or desk when there is one. */
const TABLETOP = new Set<ElementId>(['lamp', 'clock', 'radio', 'computer', 'keyboard', 'book', 'newspaper', 'kettle', 'pot']);

export const smallPropIds: ReadonlySet<ElementId> = new Set<ElementId>([...HANDHELD, ...TABLETOP, 'net', 'blanket']);

/** What small things stand on: a table, or a desk or nightstand where a room has one. */
const SURFACES = new Set<string>(['table', 'desk', 'nightstand', 'counter']);

/** Height of a table or desk top, metres. */
export const TABLE_TOP = 0.78;

/** Where a room's desk stands (drawn with the room, not staged as a prop): right of the subject, just behind. */
export function deskArea(subjectZ: number): { x0: number; x1: number; z0: number; z1: number } {
  return { x0: 0.35, x1: 1.85, z0: subjectZ + 0.35, z1: subjectZ + 1.05 };
}

/**
 * Where a room's sofa stands (drawn with the room): against the back wall, facing the camera;
 * `seat` is its cushions' height, `z0` its front. With a bed in the room it stands to the right of
 * the bed and its nightstand (bedArea, nightstandArea), narrower if the room is.
 */
export function sofaArea(
  backWallZ: number,
  halfWidth: number,
  withBed: boolean,
): { x0: number; x1: number; z0: number; z1: number; seat: number } {
  const x0 = withBed ? Math.max(-1.1, -halfWidth + 3.05) : -1.1;
  const x1 = Math.max(x0 + 1.4, Math.min(x0 + 2.2, halfWidth - 0.1));
  return { x0, x1, z0: backWallZ - 0.95, z1: backWallZ - 0.05, seat: 0.45 };
}

/** Furniture a room's word brings with it, whether or not the prompt names it ("bedroom" has a bed). */
function impliedBy(word: string): PlaceElementId[] {
  if (/bedroom|hotel|motel/.test(word)) return ['bed', 'nightstand', 'curtains'];
  if (/library|bookstore|study/.test(word)) return ['shelves'];
  if (/office|classroom/.test(word)) return ['desk', 'shelves'];
  if (/living room|loft|attic/.test(word)) return ['shelves', 'curtains'];
  return [];
}

/** What furniture a room has: what the prompt names and what the room's word implies. */
export function roomFurniture(scene: Pick<ShotScene, 'environment' | 'settingWord'>): ReadonlySet<string> {
  return new Set<string>([...Object.keys(scene.environment), ...impliedBy(scene.settingWord ?? '')]);
}

/** Where a room's bed stands (drawn with the room): against the left and back walls; `top` is its blanket's height. */
export function bedArea(
  backWallZ: number,
  halfWidth: number,
): { x0: number; x1: number; z0: number; z1: number; top: number } {
  const x0 = -halfWidth + 0.1;
  return { x0, x1: x0 + 2.1, z0: backWallZ - 1.6, z1: backWallZ - 0.05, top: 0.57 };
}

/** The surface small things stand on: a staged table, else the room's desk. */
function surfaceOf(s: Staging, props: readonly StagedProp[]): { x: number; z: number } | undefined {
  const table = props.find((p) => p.element !== null && SURFACES.has(p.element))?.instances[0];
  if (table) return table;
  if (!s.layout.interior || !('desk' in s.scene.environment)) return undefined;
  const desk = deskArea(s.layout.subjectZ);
  return { x: (desk.x0 + desk.x1) / 2, z: desk.z0 + 0.4 };
}

/** Lamps that hang from the ceiling rather than stand: a bare bulb, a pendant, a swinging light, a light (a lamp called a light hangs). */
const HUNG = /\b(bulb|pendant|hanging|hung|ceiling|overhead|swinging|chandelier|fixture|light)\b/;

/** Height of a hung bulb, metres: above a standing head, below the ceiling it hangs from. */
export const HUNG_BULB_Y = 2.05;

/**
 * A lamp hangs when its words say so or something swings it ("a bare bulb swinging", "the lamp
 * sways"): it hangs over the table, else over the subject, and a sway swings it on its cord.
 */
function hangLamp(s: Staging, prop: StagedProp, table: { x: number; z: number } | undefined): boolean {
  const entity = s.scene.entities.find((e) => e.key === prop.key);
  const swinging = entity?.actions.find((a) => a.verb === 'sway');
  if (!HUNG.test(prop.noun) && swinging === undefined) return false;
  const swing =
    swinging !== undefined || /\bswinging\b/.test(prop.noun) ? 0.38 * Math.min(1.5, swinging?.intensity ?? 1) : 0;
  prop.hanging = { cord: 0.7, swing };
  for (const inst of prop.instances) {
    inst.x = table ? table.x : inst.x;
    inst.y = HUNG_BULB_Y;
    inst.z = table ? table.z : s.layout.subjectZ + 0.3;
  }
  return true;
}

/** How far a hung lamp has swung at time t, radians from hanging straight down. */
export function swingAngle(prop: StagedProp, t: number): number {
  const swing = prop.hanging?.swing ?? 0;
  // A pendulum of the cord's length, its period about 2π√(L/g).
  const period = 2 * Math.PI * Math.sqrt((prop.hanging?.cord ?? 0.7) / 9.81);
  return swing * Math.sin((2 * Math.PI * t) / period);
}

/** Gives each small thing a holder or a place, once every prop has been placed. */
export function settleSmallProps(
  s: Staging,
  props: StagedProp[],
  figures: readonly StagedFigure[],
  holders: Holders,
): void {
  const table = surfaceOf(s, props);
  let onTable = 0;
  for (const prop of props) {
    const el = prop.element;
    if (el === null || !smallPropIds.has(el)) continue;
    // A thing the prompt puts on furniture ("a phone on the bookshelf") stays there (surfaces.ts).
    const resting = s.scene.entities.find((e) => e.key === prop.key)?.on !== undefined;
    if (el === 'lamp' && !holders.has(prop.key) && !resting && hangLamp(s, prop, table)) continue;
    const holder = holders.get(prop.key)?.figure ?? (HANDHELD.has(el) && !resting ? figures[0] : undefined);
    if (holder && HANDHELD.has(el) && !(table && TABLETOP.has(el) && !holders.has(prop.key))) {
      prop.heldBy = holder.key;
      continue;
    }
    for (const inst of prop.instances) {
      if (table && TABLETOP.has(el)) {
        inst.x = table.x - 0.45 + (onTable++ % 4) * 0.3;
        inst.y = TABLE_TOP;
        inst.z = table.z - 0.05;
      } else if (el === 'clock' && s.layout.interior) {
        inst.x = 0.9;
        inst.y = 1.9;
        inst.z = s.layout.interior.backWallZ - 0.04;
      } else if (el === 'blanket' || el === 'net') {
        const near = figures[0];
        inst.x = near ? near.x + 0.9 * near.facing : inst.x;
        inst.z = near ? near.z + 0.2 : inst.z;
      }
    }
  }
}

/** Where a held thing is at time t: at the ear for a phone, in the hand for anything else. */
export function heldPosition(fig: StagedFigure, element: ElementId, t: number, seed: number): Vec3 {
  if (element === 'phone') {
    const p = poseAt(fig, t, seed);
    return { x: p.x + 0.07 * p.facing, y: p.y + (0.9 - proportions.hip) * fig.height, z: p.z - 0.06 };
  }
  return handAt(fig, t, seed);
}

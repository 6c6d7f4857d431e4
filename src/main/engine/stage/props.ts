/**
 * Props: where each thing stands, which of them the world simulates (lanterns, balloons, balls,
 * cups, stones), how cars drive past and doors swing, and the sounds doors make.
 */
import type { SceneAction, SceneEntity } from '../scene';
import type { BodySpec } from '../simulate';
import type { VerbId } from '../vocabulary/verbs';
import type { ElementId } from '../vocabulary/world';
import type { Holders } from './choreography';
import { settleSmallProps } from './handheld';
import { groundAt } from './layout';
import { handAt, smooth } from './pose';
import { actionTime, panOf, type Staging } from './staging';
import type { StagedFigure, StagedProp } from './types';
import { placeBoat, placeRoadVehicle, placeTrain } from './vehicles';

const livingElements = new Set<ElementId | null>(['person', 'child', 'dog', 'cat', 'bird', 'animal', 'horse', 'fish']);

/** Places every prop that is not a figure or an animal; returns them and the bodies to simulate. */
export function stageProps(
  s: Staging,
  holders: Holders,
  figures: readonly StagedFigure[] = [],
): { props: StagedProp[]; bodies: BodySpec[] } {
  const props: StagedProp[] = [];
  const bodies: BodySpec[] = [];
  let propSlot = 0;
  for (const e of s.scene.entities) {
    if (livingElements.has(e.element) || e.standIn === 'figure') continue;
    const held = holders.get(e.key);
    const prop: StagedProp = {
      key: e.key,
      element: e.element,
      label: e.label,
      noun: e.noun,
      color: e.color,
      scale: e.scale,
      instances: [],
      doorTimeline: [],
      drive: null,
      heldBy: held?.figure.key ?? null,
    };
    const count = Math.min(e.count, 16);
    const baseX = (propSlot++ % 2 === 0 ? 1 : -1) * s.halfWidth * 0.35 * (1 + Math.floor(propSlot / 2) * 0.5);
    const riseAction = e.actions.find((a) => a.verb === 'rise' || a.verb === 'fly');
    const fallAction = e.actions.find((a) => a.verb === 'fall' || a.verb === 'drop' || a.verb === 'bounce');
    const place = placements[e.element ?? 'standIn'] ?? placeNearSubject;
    for (let c = 0; c < count; c++) {
      const id = count > 1 ? `${e.key}#${c}` : e.key;
      place({ s, e, prop, held, c, count, id, baseX, riseAction, fallAction, bodies });
    }
    // Doors open, close and slam on their actions; the sound lands when the door meets its frame.
    if (e.element === 'door') stageDoor(s, prop);
    props.push(prop);
  }
  settleSmallProps(s, props, figures, holders);
  return { props, bodies };
}

/** One instance of a prop to place. */
interface Placement {
  s: Staging;
  e: SceneEntity;
  prop: StagedProp;
  held: ReturnType<Holders['get']>;
  /** Which copy, of how many. */
  c: number;
  count: number;
  id: string;
  baseX: number;
  riseAction: SceneAction | undefined;
  fallAction: SceneAction | undefined;
  bodies: BodySpec[];
}

type Place = (p: Placement) => void;

/** Lanterns and balloons: carried by warm air or helium, held in a hand until let go. */
const placeFloater: Place = ({ s, e, prop, held, c, count, id, baseX, riseAction, bodies }) => {
  const { r, layout, halfWidth, seed } = s;
  const group = e.element;
  const lift = group === 'lantern' ? 9.81 + 0.26 : 9.81 + 1.2;
  const drag = group === 'lantern' ? 3.2 : 1.8;
  const spec: BodySpec = {
    id,
    position: { x: baseX + c * 0.7, y: 0.15, z: layout.subjectZ + 0.4 + c * 0.8 },
    radius: group === 'lantern' ? 0.14 * e.scale : 0.17 * e.scale,
    drag,
    lift,
    restitution: 0.2,
    windFactor: 0.8,
    floats: true,
    velocity: { x: 0, y: 0, z: 0 },
    // Warm air carries lanterns out over the water and away.
    drift: { x: 0, y: 0, z: group === 'lantern' ? 0.45 : 0.2 },
  };
  if (held && c === 0) {
    const fig = held.figure;
    const releaseAt = held.verb === 'hold' ? undefined : held.t;
    spec.anchor = (t: number) => {
      const h = handAt(fig, t, seed);
      return { x: h.x + 0.05 * fig.facing, y: h.y + (group === 'lantern' ? 0.16 : 0.9), z: h.z };
    };
    if (releaseAt !== undefined) spec.releaseAt = releaseAt;
    spec.velocity = { x: 0, y: 0, z: 0.25 };
    spec.launch = { x: 0.05 * fig.facing, y: 0.1, z: 0.3 };
    spec.inherit = 0.3;
  } else if (riseAction || !held) {
    // A free lantern rises from the start (others float further off, already aloft).
    const t0 = riseAction ? actionTime(riseAction, s.defaults, 0.3) : 0.3;
    spec.position =
      c === 0 && count === 1
        ? { x: baseX, y: 0.3, z: layout.subjectZ + 1 }
        : {
            x: r.range(-halfWidth * 1.6, halfWidth * 1.6),
            y: r.range(0.5, 4.5),
            z: layout.subjectZ + r.range(3, 20),
          };
    const start = spec.position;
    spec.anchor = () => start;
    spec.releaseAt = c === 0 ? t0 : 0;
    spec.velocity = { x: 0, y: 0, z: 0 };
    spec.launch = { x: 0, y: 0.2, z: 0.25 };
  }
  bodies.push(spec);
  prop.instances.push({ id, ...spec.position, dynamic: true });
};

/** Balls, cups and stones: they fall, bounce, are thrown or dropped. */
const placeSolid: Place = ({ s, e, prop, held, c, id, baseX, fallAction, bodies }) => {
  const { layout, seed } = s;
  const group = e.element;
  const spec: BodySpec = {
    id,
    position: { x: baseX + c * 0.5, y: group === 'ball' ? 1.6 : 0.1, z: layout.subjectZ + 0.5 },
    radius: group === 'ball' ? 0.11 * e.scale : 0.05,
    drag: 0.02,
    lift: 0,
    // Soft ground (sand, grass, snow) takes more of a bounce than a floor or a road.
    restitution:
      group === 'ball'
        ? ['sand', 'grass', 'snow', 'forest'].includes(groundAt(layout, layout.subjectZ))
          ? 0.55
          : 0.72
        : 0.2,
    windFactor: 0,
    floats: group === 'ball',
  };
  if (held && c === 0) {
    const fig = held.figure;
    spec.anchor = (t: number) => handAt(fig, t, seed);
    if (held.verb !== 'hold') spec.releaseAt = held.t;
    if (held.verb === 'throw') {
      spec.launch = { x: 3.4 * fig.facing, y: 3.2, z: 0.8 };
      spec.inherit = 0.1;
    }
  } else if (group === 'ball' && fallAction) {
    const t0 = actionTime(fallAction, s.defaults, 0.5);
    const start = spec.position;
    spec.anchor = () => start;
    spec.releaseAt = t0;
    spec.launch = { x: 0.25, y: 0, z: 0 };
  } else if (group === 'ball') {
    spec.position = { x: baseX, y: 0.11 * e.scale, z: layout.subjectZ + 0.5 };
  } else if (group === 'cup') {
    const table = s.scene.entities.some((x) => x.element === 'table');
    spec.position = { x: baseX, y: table ? 0.8 : 0.05, z: layout.subjectZ + 0.4 };
    spec.radius = 0.05;
  }
  bodies.push(spec);
  prop.instances.push({ id, ...spec.position, dynamic: true });
};

const placeDoor: Place = ({ s, prop, c, id }) => {
  const { layout } = s;
  const inside = layout.interior;
  const z = inside ? inside.backWallZ - 0.05 : (layout.buildingsZ ?? layout.subjectZ + 2.5);
  const x = inside && inside.halfWidth < 2 ? 0.3 : 1.4 + c * 2.2;
  prop.instances.push({ id, x, y: 0, z, dynamic: false });
};

const placeWindow: Place = ({ s, prop, c, id }) => {
  const { layout } = s;
  const inside = layout.interior;
  const z = inside ? inside.backWallZ - 0.05 : (layout.buildingsZ ?? layout.subjectZ + 3);
  const x = -1.6 - c * 2;
  if (inside && Math.abs(x) + 0.6 > inside.halfWidth) return;
  prop.instances.push({ id, x, y: 1.1, z, dynamic: false });
};

/** Cars, buses and bicycles travel (vehicles.ts); a train runs behind the subject; boats sit on the water. */
const placeVehicle: Place = ({ s, e, prop, c }) => {
  placeRoadVehicle(s, e, prop, c);
};

const placeTrainOf: Place = ({ s, e, prop, c }) => {
  placeTrain(s, e, prop, c);
};

const placeBoatOf: Place = ({ s, e, prop, c, baseX }) => {
  placeBoat(s, e, prop, c, baseX);
};

const placeFurniture: Place = ({ s, prop, c, id, baseX }) => {
  prop.instances.push({ id, x: baseX + c * 1.2, y: 0, z: s.layout.subjectZ + 0.6, dynamic: false });
};

const placeStreetlight: Place = ({ s, prop, id }) => {
  prop.instances.push({ id: `${id}a`, x: -s.halfWidth * 1.3, y: 0, z: 3, dynamic: false });
  prop.instances.push({ id: `${id}b`, x: s.halfWidth * 1.9, y: 0, z: 13.5, dynamic: false });
};

const placeFire: Place = ({ s, prop, id, baseX }) => {
  prop.instances.push({ id, x: baseX + 0.6, y: 0, z: s.layout.subjectZ + 1.2, dynamic: false });
};

/** Stand-ins, candles, kites, umbrellas: placed near the subject. */
const placeNearSubject: Place = ({ s, e, prop, held, c, id, baseX }) => {
  const kite = e.element === 'kite';
  prop.instances.push({
    id,
    x: held ? held.figure.x : baseX + c * 0.9,
    y: kite ? 5 : 0,
    z: s.layout.subjectZ + (kite ? 6 : 0.5),
    dynamic: false,
  });
};

const placements: Partial<Record<ElementId | 'standIn', Place>> = {
  lantern: placeFloater,
  balloon: placeFloater,
  ball: placeSolid,
  cup: placeSolid,
  rocks: placeSolid,
  door: placeDoor,
  window: placeWindow,
  car: placeVehicle,
  bus: placeVehicle,
  bicycle: placeVehicle,
  motorcycle: placeVehicle,
  train: placeTrainOf,
  boat: placeBoatOf,
  table: placeFurniture,
  chair: placeFurniture,
  bench: placeFurniture,
  streetlight: placeStreetlight,
  fire: placeFire,
};

/** A door's opening over time from what is done to it, and the creak, click or slam each makes. */
function stageDoor(s: Staging, prop: StagedProp): void {
  const actions: { verb: VerbId; t: number; who: string; word: string }[] = [];
  for (const e of s.scene.entities) {
    for (const a of e.actions) {
      if (a.verb !== 'slam' && a.verb !== 'open' && a.verb !== 'close') continue;
      if (e.key !== prop.key && a.target !== prop.key) continue;
      actions.push({
        verb: a.verb,
        t: actionTime(a, s.defaults, s.scene.durationMs / 3000),
        who: e.label,
        word: a.word,
      });
    }
  }
  actions.sort((p, q) => p.t - q.t);
  const pan = panOf(s, prop.instances[0]?.x ?? 0);
  let open = actions[0]?.verb === 'open' ? 0 : actions.length > 0 ? 0.8 : 0;
  prop.doorTimeline.push({ t: 0, open });
  for (const a of actions) {
    if (a.verb === 'open') {
      prop.doorTimeline.push({ t: a.t, open });
      open = 0.9;
      prop.doorTimeline.push({ t: a.t + 1.2, open });
      s.sounds.push({
        t: a.t,
        effect: 'doorCreak',
        level: 0.8,
        label: `${a.who} ${a.word} the door`,
        source: 'action',
        pan,
      });
    } else {
      const swing = a.verb === 'slam' ? 0.18 : 0.9;
      prop.doorTimeline.push({ t: a.t - swing, open });
      open = 0;
      prop.doorTimeline.push({ t: a.t, open });
      s.sounds.push({
        t: a.t,
        effect: a.verb === 'slam' ? 'doorSlam' : 'click',
        level: 1,
        label: `the door ${a.verb === 'slam' ? 'slams' : 'closes'}`,
        source: 'physics',
        pan,
      });
    }
  }
}

/** Door opening (0 shut … 1 open) at time t. */
export function doorOpenAt(prop: StagedProp, t: number): number {
  const tl = prop.doorTimeline;
  if (tl.length === 0) return 0;
  let prev = tl[0];
  for (const k of tl) {
    if (k.t > t) {
      if (!prev) return k.open;
      const u = (t - prev.t) / Math.max(1e-6, k.t - prev.t);
      // Slams accelerate into the frame.
      return prev.open + (k.open - prev.open) * (k.open < prev.open ? u * u : smooth(u));
    }
    prev = k;
  }
  return prev?.open ?? 0;
}

/**
 * The deterministic world: rigid bodies under gravity, drag, wind and buoyancy, colliding with the
 * ground and water; particle systems; ripples that spread and decay. It steps at a fixed rate that
 * does not depend on the frame rate, and every contact is an event with an exact time, so sound can
 * be placed on it.
 *
 * Units are metres and seconds. x runs right, y up (the ground is y = 0), z away from the camera.
 */
import { noise1, Random } from './random';

/** Simulation steps per second. Frame times at 24, 30, 48 and 60 fps fall on step boundaries. */
export const stepsPerSecond = 240;
export const stepSeconds = 1 / stepsPerSecond;

export interface Vec3 {
  x: number;
  y: number;
  z: number;
}

export interface BodySpec {
  id: string;
  position: Vec3;
  velocity?: Vec3;
  radius: number;
  /** Quadratic drag: deceleration = drag × speed². */
  drag: number;
  /** Upward acceleration from buoyancy in air (a hot-air lantern's lift), m/s². */
  lift: number;
  /** Fraction of normal speed kept after a bounce. */
  restitution: number;
  /** How strongly the wind pushes it: 0 for a stone, 1 for a balloon. */
  windFactor: number;
  /** Floats when it reaches water; otherwise it sinks out of sight. */
  floats: boolean;
  /** While held, the body follows this anchor (a hand); at `releaseAt` it flies free with the anchor's velocity. */
  anchor?: (t: number) => Vec3;
  releaseAt?: number;
  /** A kick added at release: a throw. */
  launch?: Vec3;
  /** A steady air current the body drifts with (drag pulls its velocity toward it), m/s. */
  drift?: Vec3;
  /** How much of the hand's own velocity the body keeps at release, 0 to 1 (default 1). */
  inherit?: number;
}

export interface WaterRegion {
  xMin: number;
  xMax: number;
  zMin: number;
  zMax: number;
}

export type EmitterKind = 'rain' | 'snow' | 'leaves' | 'sparks' | 'smoke' | 'fireflies';

export interface EmitterSpec {
  kind: EmitterKind;
  /** Particles alive at once; fixed for the shot so memory stays flat. */
  count: number;
  /** Where particles live: a box in world space. */
  region: { xMin: number; xMax: number; yMax: number; zMin: number; zMax: number };
  /** Where sparks and smoke come from. */
  origin?: Vec3;
  /** 1 is normal. */
  intensity: number;
}

export interface WorldSetup {
  seed: number;
  durationSeconds: number;
  gravity?: number;
  /** Mean wind along x, m/s, and how gusty it is (0 steady to 1 very gusty). */
  wind: { speed: number; gust: number };
  bodies: BodySpec[];
  water: WaterRegion[];
  emitters: EmitterSpec[];
  /** Random drops breaking the water surface, per second (the "ripples form" of a calm river). */
  rippleRate: number;
  /** Ripples at given times: splashes the prompt asks for. */
  ripplesAt: { t: number; x: number; z: number; strength: number }[];
}

export type ContactKind = 'ground' | 'water';

export interface Contact {
  /** Seconds from the start of the shot, exact within the step. */
  t: number;
  kind: ContactKind;
  body: string;
  /** Speed into the surface, m/s. */
  speed: number;
  position: Vec3;
}

export interface BodyState {
  id: string;
  x: number;
  y: number;
  z: number;
  vx: number;
  vy: number;
  vz: number;
  held: boolean;
  /** Resting on the ground or floating. */
  resting: boolean;
  inWater: boolean;
  /** Sunk below the surface: no longer drawn. */
  sunk: boolean;
  /** Spin angle for drawing, radians. */
  spin: number;
}

export interface Ripple {
  x: number;
  z: number;
  t0: number;
  strength: number;
}

/** A particle system's state, in flat arrays so a frame never allocates. */
export interface Particles {
  kind: EmitterKind;
  count: number;
  x: Float32Array;
  y: Float32Array;
  z: Float32Array;
  vx: Float32Array;
  vy: Float32Array;
  vz: Float32Array;
  /** Seconds since the particle was (re)born. */
  age: Float32Array;
  /** Its lifetime, or a phase for particles that live forever. */
  life: Float32Array;
  angle: Float32Array;
  intensity: number;
}

const rippleLifetime = 3.2;
/** Ripple rings spread at this speed, m/s. */
export const rippleSpeed = 0.55;
const maxRipples = 64;

interface Body {
  spec: BodySpec;
  state: BodyState;
  released: boolean;
}

export class World {
  readonly gravity: number;
  t = 0;
  private stepIndex = 0;
  readonly bodies: Body[];
  readonly particles: Particles[];
  readonly ripples: Ripple[] = [];
  private readonly pendingRipples: WorldSetup['ripplesAt'];
  private readonly random: Random;
  private readonly contactsOut: Contact[] = [];
  private readonly emitterSpecs = new Map<Particles, { spec: EmitterSpec; random: Random }>();

  /**
   * With `particles: false` the emitters are left out: no particle touches a body or makes a
   * contact, and each emitter draws from its own random stream, so the bodies and their contacts
   * are the same as in the full world, for a fraction of the stepping (rain or falling leaves are
   * most of it).
   */
  constructor(
    readonly setup: WorldSetup,
    options: { particles?: boolean } = {},
  ) {
    this.gravity = setup.gravity ?? 9.81;
    this.random = Random.derive(setup.seed, 'world');
    this.pendingRipples = [...setup.ripplesAt].sort((a, b) => a.t - b.t);
    this.bodies = setup.bodies.map((spec) => {
      const p = spec.anchor ? spec.anchor(0) : spec.position;
      const v = spec.velocity ?? { x: 0, y: 0, z: 0 };
      return {
        spec,
        released: spec.anchor === undefined,
        state: {
          id: spec.id,
          x: p.x,
          y: p.y,
          z: p.z,
          vx: v.x,
          vy: v.y,
          vz: v.z,
          held: spec.anchor !== undefined,
          resting: false,
          inWater: false,
          sunk: false,
          spin: 0,
        },
      };
    });
    this.particles =
      options.particles === false
        ? []
        : setup.emitters.map((e, i) => this.makeParticles(e, Random.derive(setup.seed, `emitter${i}${e.kind}`)));
  }

  /** Wind along x at time t, m/s: a steady part and smooth gusts. */
  windAt(t: number): number {
    const { speed, gust } = this.setup.wind;
    const g =
      noise1(this.setup.seed ^ 0x5bd1e995, t * 0.35) * 0.6 + noise1(this.setup.seed ^ 0x1b873593, t * 1.3) * 0.4;
    return speed * (1 + gust * g);
  }

  waterAt(x: number, z: number): boolean {
    return this.setup.water.some((w) => x >= w.xMin && x <= w.xMax && z >= w.zMin && z <= w.zMax);
  }

  /** Advances whole steps until the world time reaches t (seconds); returns the contacts on the way. */
  advanceTo(t: number): Contact[] {
    this.contactsOut.length = 0;
    const target = Math.round(t * stepsPerSecond);
    while (this.stepIndex < target) this.step();
    return this.contactsOut;
  }

  state(id: string): BodyState | undefined {
    return this.bodies.find((b) => b.spec.id === id)?.state;
  }

  private step(): void {
    const t0 = this.stepIndex * stepSeconds;
    const dt = stepSeconds;
    const t1 = (this.stepIndex + 1) * stepSeconds;
    const wind = this.windAt(t0);
    for (const body of this.bodies) this.stepBody(body, t0, t1, dt, wind);
    for (const p of this.particles) this.stepParticles(p, dt, wind, t1);
    while (this.pendingRipples.length > 0 && (this.pendingRipples[0]?.t ?? Infinity) < t1) {
      const r = this.pendingRipples.shift();
      if (r) this.addRipple(r.x, r.z, r.t, r.strength);
    }
    if (this.setup.rippleRate > 0 && this.setup.water.length > 0 && this.random.next() < this.setup.rippleRate * dt) {
      const w = this.random.pick(this.setup.water);
      const x = this.random.range(Math.max(w.xMin, -6), Math.min(w.xMax, 6));
      const z = this.random.range(w.zMin + 0.5, Math.min(w.zMax, w.zMin + 14));
      this.addRipple(x, z, t1, this.random.range(0.4, 0.8));
    }
    for (let i = this.ripples.length - 1; i >= 0; i--) {
      const r = this.ripples[i];
      if (r && t1 - r.t0 > rippleLifetime) this.ripples.splice(i, 1);
    }
    this.stepIndex++;
    this.t = t1;
  }

  addRipple(x: number, z: number, t0: number, strength: number): void {
    if (this.ripples.length >= maxRipples) this.ripples.shift();
    this.ripples.push({ x, z, t0, strength });
  }

  private stepBody(body: Body, t0: number, t1: number, dt: number, wind: number): void {
    const s = body.state;
    const spec = body.spec;
    if (!body.released && spec.anchor) {
      const p = spec.anchor(t1);
      s.vx = (p.x - s.x) / dt;
      s.vy = (p.y - s.y) / dt;
      s.vz = (p.z - s.z) / dt;
      s.x = p.x;
      s.y = p.y;
      s.z = p.z;
      if (spec.releaseAt !== undefined && t1 >= spec.releaseAt) {
        body.released = true;
        s.held = false;
        const keep = spec.inherit ?? 1;
        s.vx *= keep;
        s.vy *= keep;
        s.vz *= keep;
        if (spec.launch) {
          s.vx += spec.launch.x;
          s.vy += spec.launch.y;
          s.vz += spec.launch.z;
        }
      }
      return;
    }
    if (s.sunk) return;
    if (s.resting && !s.inWater && spec.lift <= this.gravity) {
      // Rolling to a stop on the ground.
      s.vx *= Math.max(0, 1 - 3 * dt);
      s.x += s.vx * dt;
      s.spin += (s.vx / Math.max(spec.radius, 0.01)) * dt;
      return;
    }
    if (s.inWater) {
      // Floating: bob on the surface and drift with the wind and current.
      s.vx += (wind * spec.windFactor * 0.15 - s.vx) * Math.min(1, dt * 0.8);
      s.x += s.vx * dt;
      s.y = -spec.radius * 0.3 + Math.sin(t1 * 2.1 + s.x) * 0.01;
      return;
    }
    // Constant acceleration within the step, so free fall is integrated exactly.
    const air = spec.drift ?? { x: 0, y: 0, z: 0 };
    const relX = s.vx - wind * spec.windFactor - air.x;
    const relY = s.vy - air.y;
    const relZ = s.vz - air.z;
    const speed = Math.hypot(relX, relY, relZ);
    const ax = -spec.drag * speed * relX;
    const ay = spec.lift - this.gravity - spec.drag * speed * relY;
    const az = -spec.drag * speed * relZ;
    const floor = spec.radius;
    const yEnd = s.y + s.vy * dt + 0.5 * ay * dt * dt;
    if (yEnd < floor && s.vy <= 0) {
      // Solve y(τ) = floor for the moment of contact inside this step.
      const a = 0.5 * ay;
      const b = s.vy;
      const c = s.y - floor;
      let tau = dt;
      if (Math.abs(a) < 1e-12) tau = b !== 0 ? -c / b : 0;
      else {
        const disc = b * b - 4 * a * c;
        if (disc >= 0) {
          const sq = Math.sqrt(disc);
          const r1 = (-b - sq) / (2 * a);
          const r2 = (-b + sq) / (2 * a);
          const roots = [r1, r2].filter((r) => r >= -1e-9 && r <= dt + 1e-9).sort((p, q) => p - q);
          tau = roots[0] ?? dt;
        }
      }
      tau = Math.min(Math.max(tau, 0), dt);
      const vyHit = s.vy + ay * tau;
      s.x += s.vx * tau + 0.5 * ax * tau * tau;
      s.z += s.vz * tau + 0.5 * az * tau * tau;
      s.vx += ax * tau;
      s.vz += az * tau;
      s.y = floor;
      const hitSpeed = -vyHit;
      const water = this.waterAt(s.x, s.z);
      const at = { x: s.x, y: 0, z: s.z };
      if (hitSpeed > 0.05)
        this.contactsOut.push({
          t: t0 + tau,
          kind: water ? 'water' : 'ground',
          body: spec.id,
          speed: hitSpeed,
          position: at,
        });
      if (water) {
        s.inWater = true;
        s.vy = 0;
        s.vz = 0;
        this.addRipple(s.x, s.z, t0 + tau, Math.min(1.5, 0.4 + hitSpeed * 0.2));
        if (!spec.floats) s.sunk = true;
        return;
      }
      s.vy = hitSpeed * spec.restitution;
      s.vx *= 0.85;
      s.vz *= 0.85;
      if (s.vy < 0.35) {
        s.vy = 0;
        s.resting = true;
        return;
      }
      // The rest of the step after the bounce, under the same acceleration.
      const rest = dt - tau;
      s.y += s.vy * rest + 0.5 * ay * rest * rest;
      s.vy += ay * rest;
      s.x += s.vx * rest;
      s.z += s.vz * rest;
      return;
    }
    s.x += s.vx * dt + 0.5 * ax * dt * dt;
    s.y = yEnd;
    s.z += s.vz * dt + 0.5 * az * dt * dt;
    s.vx += ax * dt;
    s.vy += ay * dt;
    s.vz += az * dt;
    s.spin += s.vx * dt * 0.5;
  }

  private makeParticles(e: EmitterSpec, random: Random): Particles {
    const n = Math.max(0, Math.round(e.count));
    const p: Particles = {
      kind: e.kind,
      count: n,
      x: new Float32Array(n),
      y: new Float32Array(n),
      z: new Float32Array(n),
      vx: new Float32Array(n),
      vy: new Float32Array(n),
      vz: new Float32Array(n),
      age: new Float32Array(n),
      life: new Float32Array(n),
      angle: new Float32Array(n),
      intensity: e.intensity,
    };
    this.emitterSpecs.set(p, { spec: e, random });
    for (let i = 0; i < n; i++) this.spawn(p, i, true);
    return p;
  }

  /**
   * Wind carries snow and leaves sideways for seconds before they land; one that leaves its box
   * comes back in on the other side, so a windy shot does not empty itself.
   */
  private wrapSideways(p: Particles, i: number): void {
    const r = this.emitterSpecs.get(p)?.spec.region;
    if (!r) return;
    const widen = widening(r, p.z[i] ?? 0);
    const lo = r.xMin * widen;
    const hi = r.xMax * widen;
    const x = p.x[i] ?? 0;
    if (x > hi) p.x[i] = x - (hi - lo);
    else if (x < lo) p.x[i] = x + (hi - lo);
  }

  private spawn(p: Particles, i: number, initial: boolean): void {
    const entry = this.emitterSpecs.get(p);
    if (!entry) return;
    const { spec, random } = entry;
    const r = spec.region;
    const z = random.range(r.zMin, r.zMax);
    const widen = widening(r, z);
    const x = random.range(r.xMin * widen, r.xMax * widen);
    p.age[i] = 0;
    p.angle[i] = random.range(0, Math.PI * 2);
    p.z[i] = z;
    p.x[i] = x;
    p.vz[i] = 0;
    switch (p.kind) {
      case 'rain':
        p.y[i] = initial ? random.range(0, r.yMax) : r.yMax + random.range(0, 2);
        p.vx[i] = 0;
        p.vy[i] = -random.range(7.5, 9.5);
        p.life[i] = 0;
        break;
      case 'snow':
        p.y[i] = initial ? random.range(0, r.yMax) : r.yMax + random.range(0, 1);
        p.vx[i] = 0;
        p.vy[i] = -random.range(0.6, 1.2);
        p.life[i] = random.range(0, 100);
        break;
      case 'leaves':
        p.y[i] = initial ? random.range(0, r.yMax) : r.yMax + random.range(0, 1.5);
        p.vx[i] = 0;
        p.vy[i] = -random.range(0.5, 0.9);
        p.life[i] = random.range(0, 100);
        break;
      case 'sparks': {
        const o = spec.origin ?? { x: 0, y: 0, z: 5 };
        p.x[i] = o.x + random.range(-0.15, 0.15);
        p.y[i] = o.y + random.range(0, 0.2);
        p.z[i] = o.z + random.range(-0.1, 0.1);
        p.vx[i] = random.range(-0.4, 0.4);
        p.vy[i] = random.range(1.2, 3.2);
        p.vz[i] = random.range(-0.2, 0.2);
        p.life[i] = random.range(0.6, 1.8);
        if (initial) p.age[i] = random.range(0, p.life[i] ?? 1);
        break;
      }
      case 'smoke': {
        const o = spec.origin ?? { x: 0, y: 0, z: 5 };
        p.x[i] = o.x + random.range(-0.1, 0.1);
        p.y[i] = o.y + random.range(0.2, 0.4);
        p.z[i] = o.z;
        p.vx[i] = random.range(-0.05, 0.05);
        p.vy[i] = random.range(0.35, 0.6);
        p.life[i] = random.range(3, 5);
        if (initial) p.age[i] = random.range(0, p.life[i] ?? 1);
        break;
      }
      case 'fireflies':
        p.y[i] = random.range(0.3, Math.min(3, r.yMax));
        p.vx[i] = 0;
        p.vy[i] = 0;
        p.life[i] = random.range(0, 100);
        break;
    }
  }

  private stepParticles(p: Particles, dt: number, wind: number, t: number): void {
    const n = p.count;
    const { x, y, z, vx, vy, vz, age, life, angle } = p;
    const seed = this.setup.seed;
    for (let i = 0; i < n; i++) {
      const a = (age[i] ?? 0) + dt;
      age[i] = a;
      switch (p.kind) {
        case 'rain': {
          vx[i] = wind * 0.35;
          x[i] = (x[i] ?? 0) + (vx[i] ?? 0) * dt;
          y[i] = (y[i] ?? 0) + (vy[i] ?? 0) * dt;
          if ((y[i] ?? 0) <= 0) {
            const px = x[i] ?? 0;
            const pz = z[i] ?? 0;
            if (i % 7 === 0 && this.waterAt(px, pz)) this.addRipple(px, pz, t, 0.18);
            this.spawn(p, i, false);
          }
          break;
        }
        case 'snow': {
          const ph = life[i] ?? 0;
          vx[i] = wind * 0.5 + Math.sin(t * 1.3 + ph) * 0.25;
          x[i] = (x[i] ?? 0) + (vx[i] ?? 0) * dt;
          y[i] = (y[i] ?? 0) + (vy[i] ?? 0) * dt;
          this.wrapSideways(p, i);
          if ((y[i] ?? 0) <= 0) this.spawn(p, i, false);
          break;
        }
        case 'leaves': {
          // Flutter: the leaf swings side to side and its sink rate rises and falls with the swing.
          const ph = life[i] ?? 0;
          const swing = Math.sin(t * 2.4 + ph);
          vx[i] = wind * 0.8 + swing * 0.7 + noise1(seed + i, t * 0.7) * 0.3;
          const sink = 0.55 + 0.35 * Math.abs(Math.cos(t * 2.4 + ph));
          x[i] = (x[i] ?? 0) + (vx[i] ?? 0) * dt;
          y[i] = (y[i] ?? 0) - sink * dt;
          angle[i] = (angle[i] ?? 0) + swing * 3 * dt + 0.8 * dt;
          this.wrapSideways(p, i);
          if ((y[i] ?? 0) <= 0) {
            const px = x[i] ?? 0;
            const pz = z[i] ?? 0;
            if (this.waterAt(px, pz)) this.addRipple(px, pz, t, 0.3);
            this.spawn(p, i, false);
          }
          break;
        }
        case 'sparks': {
          vx[i] = (vx[i] ?? 0) + wind * 0.6 * dt;
          vy[i] = (vy[i] ?? 0) - 2.5 * dt;
          x[i] = (x[i] ?? 0) + (vx[i] ?? 0) * dt;
          y[i] = (y[i] ?? 0) + (vy[i] ?? 0) * dt;
          z[i] = (z[i] ?? 0) + (vz[i] ?? 0) * dt;
          if (a >= (life[i] ?? 1)) this.spawn(p, i, false);
          break;
        }
        case 'smoke': {
          vx[i] = (vx[i] ?? 0) + (wind * 0.4 - (vx[i] ?? 0)) * dt * 0.6;
          x[i] = (x[i] ?? 0) + (vx[i] ?? 0) * dt;
          y[i] = (y[i] ?? 0) + (vy[i] ?? 0) * dt;
          angle[i] = (angle[i] ?? 0) + 0.3 * dt;
          if (a >= (life[i] ?? 1)) this.spawn(p, i, false);
          break;
        }
        case 'fireflies': {
          const ph = life[i] ?? 0;
          x[i] = (x[i] ?? 0) + noise1(seed + i * 7, t * 0.4 + ph) * 0.4 * dt;
          y[i] = Math.max(0.2, (y[i] ?? 0) + noise1(seed + i * 13, t * 0.5 + ph) * 0.3 * dt);
          break;
        }
      }
    }
  }
}

/**
 * Runs a world's bodies to its end and returns every contact: the sound pass uses this before
 * frames are drawn. Particles are not simulated: they make no contacts (see World); a world
 * without bodies has none to find.
 */
export function collectContacts(setup: WorldSetup): Contact[] {
  if (setup.bodies.length === 0) return [];
  const world = new World(setup, { particles: false });
  const all: Contact[] = [];
  const frames = Math.ceil(setup.durationSeconds * 10);
  for (let i = 1; i <= frames; i++) all.push(...world.advanceTo(Math.min(setup.durationSeconds, i / 10)));
  return all;
}

/** The spread of a particle box at depth z: it widens with distance as the view does, so the spread is even on screen. */
function widening(r: { zMin: number }, z: number): number {
  return Math.max(1, z / Math.max(1, r.zMin + 4));
}

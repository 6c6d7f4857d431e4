import { describe, expect, test } from 'vitest';
import { collectContacts, stepSeconds, World, type BodySpec, type WorldSetup } from './simulate';

function setup(bodies: BodySpec[], extra: Partial<WorldSetup> = {}): WorldSetup {
  return {
    seed: 7,
    durationSeconds: 6,
    wind: { speed: 0, gust: 0 },
    bodies,
    water: [],
    emitters: [],
    rippleRate: 0,
    ripplesAt: [],
    ...extra,
  };
}

const stone = (h: number, extra: Partial<BodySpec> = {}): BodySpec => ({
  id: 'stone',
  position: { x: 0, y: h + 0.1, z: 5 },
  radius: 0.1,
  drag: 0,
  lift: 0,
  restitution: 0,
  windFactor: 0,
  floats: false,
  ...extra,
});

describe('simulate', () => {
  test('lands a dropped body at t = sqrt(2h/g), within one step', () => {
    for (const h of [0.5, 1, 2, 5, 12.3]) {
      const contacts = collectContacts(setup([stone(h)]));
      const expected = Math.sqrt((2 * h) / 9.81);
      expect(contacts[0]?.kind).toBe('ground');
      expect(Math.abs((contacts[0]?.t ?? -1) - expected)).toBeLessThan(stepSeconds);
      expect(contacts[0]?.speed).toBeCloseTo(Math.sqrt(2 * 9.81 * h), 3);
    }
  });

  test('bounces with restitution, each bounce a contact, lower each time', () => {
    const contacts = collectContacts(setup([stone(1, { restitution: 0.7 })]));
    expect(contacts.length).toBeGreaterThanOrEqual(4);
    for (let i = 1; i < contacts.length; i++) {
      const prev = contacts[i - 1];
      const cur = contacts[i];
      if (!prev || !cur) continue;
      expect(cur.t).toBeGreaterThan(prev.t);
      expect(cur.speed).toBeCloseTo(prev.speed * 0.7, 1);
      // A bounce at speed v returns after 2v/g.
      expect(cur.t - prev.t).toBeCloseTo((2 * prev.speed * 0.7) / 9.81, 2);
    }
  });

  test('makes a lantern rise once released, and drift with the wind', () => {
    const lantern: BodySpec = {
      id: 'lantern',
      position: { x: 0, y: 1, z: 5 },
      radius: 0.15,
      drag: 3,
      lift: 9.81 + 0.6,
      restitution: 0,
      windFactor: 1,
      floats: true,
      anchor: () => ({ x: 0, y: 1.2, z: 5 }),
      releaseAt: 1,
    };
    const world = new World(setup([lantern], { wind: { speed: 0.5, gust: 0 } }));
    world.advanceTo(0.9);
    expect(world.state('lantern')).toMatchObject({ held: true, y: 1.2 });
    world.advanceTo(4);
    const s = world.state('lantern');
    expect(s?.held).toBe(false);
    expect(s?.y).toBeGreaterThan(2);
    expect(s?.vy).toBeGreaterThan(0.2);
    expect(s?.x).toBeGreaterThan(0.1);
  });

  test('splashes into water and leaves a ripple that spreads and decays', () => {
    const world = new World(setup([stone(2)], { water: [{ xMin: -10, xMax: 10, zMin: 0, zMax: 20 }] }));
    const contacts = world.advanceTo(1);
    expect(contacts.map((c) => c.kind)).toEqual(['water']);
    expect(world.ripples).toHaveLength(1);
    expect(world.ripples[0]?.t0).toBeCloseTo(Math.sqrt(4 / 9.81), 2);
    expect(world.state('stone')?.sunk).toBe(true);
    world.advanceTo(5);
    expect(world.ripples).toHaveLength(0);
  });

  test('runs its particle systems, and leaves flutter rather than fall straight', () => {
    const world = new World(
      setup([], {
        emitters: [
          { kind: 'leaves', count: 20, region: { xMin: -3, xMax: 3, yMax: 4, zMin: 3, zMax: 10 }, intensity: 1 },
        ],
      }),
    );
    const leaves = world.particles[0];
    if (!leaves) throw new Error('no leaves');
    const xs: number[] = [];
    for (let i = 1; i <= 48; i++) {
      world.advanceTo(i / 24);
      xs.push(leaves.x[0] ?? 0);
    }
    const dx = xs.slice(1).map((x, i) => x - (xs[i] ?? 0));
    expect(dx.some((d) => d > 0)).toBe(true);
    expect(dx.some((d) => d < 0)).toBe(true);
  });

  test('is deterministic for a seed, and differs for another', () => {
    const make = (seed: number) =>
      setup([stone(3, { restitution: 0.6, velocity: { x: 0.5, y: 0, z: 0 } })], {
        seed,
        wind: { speed: 1, gust: 0.8 },
        water: [{ xMin: -10, xMax: 10, zMin: 8, zMax: 20 }],
        rippleRate: 2,
        emitters: [
          { kind: 'rain', count: 50, region: { xMin: -3, xMax: 3, yMax: 5, zMin: 3, zMax: 12 }, intensity: 1 },
          {
            kind: 'sparks',
            count: 10,
            region: { xMin: -3, xMax: 3, yMax: 5, zMin: 3, zMax: 12 },
            origin: { x: 0, y: 0, z: 5 },
            intensity: 1,
          },
        ],
      });
    const run = (seed: number) => {
      const world = new World(make(seed));
      const contacts = world.advanceTo(4);
      return { contacts, ripples: world.ripples.map((r) => ({ ...r })), rain: Array.from(world.particles[0]?.x ?? []) };
    };
    expect(run(1)).toEqual(run(1));
    expect(run(1).rain).not.toEqual(run(2).rain);
  });

  test('collects the same contacts as the full world, whose particles it does not run', () => {
    const world = setup(
      [
        stone(3, { restitution: 0.6, velocity: { x: 0.5, y: 0, z: 0 } }),
        stone(1.5, { id: 'pebble', position: { x: 1, y: 1.6, z: 12 }, restitution: 0.3 }),
      ],
      {
        wind: { speed: 2, gust: 0.8 },
        water: [{ xMin: -10, xMax: 10, zMin: 8, zMax: 20 }],
        rippleRate: 2,
        emitters: [
          { kind: 'rain', count: 300, region: { xMin: -3, xMax: 3, yMax: 5, zMin: 3, zMax: 12 }, intensity: 1 },
          { kind: 'leaves', count: 40, region: { xMin: -3, xMax: 3, yMax: 4, zMin: 3, zMax: 10 }, intensity: 1 },
        ],
      },
    );
    const full = new World(world);
    const drawn: ReturnType<World['advanceTo']> = [];
    // Stepped as frames are drawn, at 24 fps.
    for (let f = 1; f <= world.durationSeconds * 24; f++) drawn.push(...full.advanceTo(f / 24));
    expect(drawn.length).toBeGreaterThanOrEqual(3);
    expect(collectContacts(world)).toEqual(drawn);
    expect(new World(world, { particles: false }).particles).toEqual([]);
  });

  test('keeps wind-blown leaves and snow in their box instead of blowing them all away', () => {
    const region = { xMin: -4, xMax: 4, yMax: 5, zMin: 1.5, zMax: 9 };
    for (const kind of ['leaves', 'snow'] as const) {
      const world = new World(
        setup([], {
          durationSeconds: 10,
          wind: { speed: 6, gust: 0.5 },
          emitters: [{ kind, count: 200, region, intensity: 1 }],
        }),
      );
      world.advanceTo(10);
      const p = world.particles[0];
      expect(p).toBeDefined();
      if (!p) continue;
      let inside = 0;
      for (let i = 0; i < p.x.length; i++) {
        const widen = Math.max(1, (p.z[i] ?? 0) / (region.zMin + 4));
        const x = p.x[i] ?? 0;
        if (x >= region.xMin * widen && x <= region.xMax * widen) inside++;
      }
      // 6 m/s for 10 s would carry every one of them 30 m or more to the side.
      expect({ kind, inside }).toEqual({ kind, inside: p.x.length });
    }
  });
});

import { describe, expect, test } from 'vitest';
import { emptyShot, type EngineShot } from '../input';
import { stageShot } from '../stage/shot';
import { impliedBeds } from '../sound/schedule';
import { poseAt } from '../stage/pose';
import { interpret } from './interpret';

function read(scene: string, more: Partial<EngineShot> = {}) {
  const result = interpret({ shots: [emptyShot({ scene, durationMs: 3000, ...more })] });
  const shot = result.shots[0];
  if (!shot) throw new Error('no shot');
  return { ...result, shot };
}

describe('places', () => {
  test.each([
    ['A hiker in a narrow canyon.', 'canyon'],
    ['A drone dives off a cliff edge.', 'cliff'],
    ['A climber on the summit.', 'mountain'],
    ['A figure crosses a vast snowfield.', 'snowfield'],
    ['A diver swims underwater.', 'underwater'],
    ['A spacecraft drifts in outer space.', 'space'],
    ['A woman on a rooftop.', 'rooftop'],
    ['A cat in a back alley.', 'alley'],
    ['Lanterns over a busy night market.', 'market'],
    ['A fisherman on a wooden dock.', 'harbor'],
    ['A soldier on the station platform.', 'station'],
    ['A waitress in a roadside diner.', 'interior'],
    ['A dancer in an empty warehouse.', 'interior'],
    ['Her footsteps echo in the cathedral.', 'interior'],
  ])('%s is set in the %s', (scene, setting) => {
    expect(read(scene).shot.setting).toBe(setting);
  });

  test('a city sets the shot in its streets unless a place is named, and is no one', () => {
    const paris = read('A woman walks in Paris at night.');
    expect(paris.shot.setting).toBe('street');
    expect(paris.shot.entities.map((e) => e.name)).toEqual([null]);
    expect(read('A busy market in Tokyo.').shot.setting).toBe('market');
  });

  test('"night market" keeps the night as the time of day', () => {
    expect(read('A night market in Tokyo.').shot.timeOfDay).toBe('night');
  });

  test('space is night with stars and a planet, without a sun or moon', () => {
    const env = read('A spacecraft drifts past a planet.').shot;
    expect(env.setting).toBe('space');
    expect(env.timeOfDay).toBe('night');
    expect(Object.keys(env.environment).sort()).toEqual(['planet', 'spacecraft', 'stars']);
  });

  test('furniture stands in a room', () => {
    const s = read('A bed, a nightstand, a bookshelf and a window with curtains.').shot;
    expect(s.setting).toBe('interior');
    for (const id of ['bed', 'nightstand', 'shelves', 'curtains']) expect(s.environment).toHaveProperty(id);
  });
});

describe('waves crashing are surf, not a collision', () => {
  test.each([
    'Waves crashing against black cliffs.',
    'The waves crash on the rocks.',
    'Crashing waves at sunset.',
    'The surf crashing on the shore.',
  ])('%s', (scene) => {
    const r = read(scene);
    expect(r.shot.cues.map((c) => c.effect)).not.toContain('crash');
    expect(r.shot.environment.ocean).toBeDefined();
    expect(impliedBeds(stageShot(r.shot, 1)).map((b) => b.id)).toContain('ocean');
  });

  test('in the audio, waves crashing play the ocean bed, timed or not', () => {
    const amb = read('A beach.', { audio: { ambience: ['waves crashing'], events: [] } }).shot;
    expect(amb.beds.map((b) => b.id)).toEqual(['ocean']);
    expect(amb.cues).toEqual([]);
    const ev = read('A beach.', {
      audio: { ambience: [], events: [{ label: 'waves crash', startMs: 1000, endMs: null }] },
    }).shot;
    expect(ev.beds.map((b) => [b.id, b.fromMs])).toEqual([['ocean', 1000]]);
    expect(ev.cues.map((c) => c.effect)).not.toContain('crash');
  });

  test('a car crash is still a crash', () => {
    expect(read('A car crash at 00:01.').shot.cues.map((c) => c.effect)).toContain('crash');
  });
});

describe('what places sound of', () => {
  const beds = (scene: string): string[] => impliedBeds(stageShot(read(scene).shot, 1)).map((b) => b.id);
  test.each([
    ['A woman in a market.', 'crowd'],
    ['A diver by a reef underwater.', 'underwater'],
    ['A woman on a rooftop at night.', 'traffic'],
    ['A hiker in a canyon.', 'wind'],
    ['A waterfall in a forest.', 'river'],
  ])('%s plays %s', (scene, bed) => {
    expect(beds(scene)).toContain(bed);
  });

  test('no wind or crickets under the sea or in space, no crickets in an alley at night', () => {
    expect(beds('A diver underwater at night.')).toEqual(['underwater']);
    expect(beds('A spacecraft in space.')).toEqual([]);
    expect(beds('A man in an alley at night.')).not.toContain('crickets');
  });
});

describe('work with the hands', () => {
  test.each([
    ['A baker kneads dough.', 'A baker.'],
    ['Mia pours coffee.', 'Mia waits.'],
    ['Ben reads the paper.', 'Ben waits.'],
    ['An old man mends a net.', 'An old man.'],
  ])('%s: the figure works, arms forward and head bent', (scene, idleScene) => {
    const r = read(scene);
    const figure = r.shot.entities.find((e) => e.element === 'person');
    expect(figure?.actions.map((a) => a.verb)).toContain('work');
    const busy = stageShot(r.shot, 1).figures[0];
    const idle = stageShot(read(idleScene).shot, 1).figures[0];
    if (!busy || !idle) throw new Error('no figure');
    const a = poseAt(busy, 1.5, 1);
    const b = poseAt(idle, 1.5, 1);
    expect(a.armUpper[0]).toBeGreaterThan(b.armUpper[0] + 0.4);
    expect(a.headTilt).toBeGreaterThan(b.headTilt);
  });

  test('a diver swims across, level in the water', () => {
    const f = stageShot(read('A diver swims past a coral reef underwater.').shot, 1).figures[0];
    if (!f) throw new Error('no figure');
    const a = poseAt(f, 0.5, 1);
    const b = poseAt(f, 2.5, 1);
    expect(a.lean).toBeGreaterThan(1.2);
    expect(Math.abs(b.x - a.x)).toBeGreaterThan(0.5);
  });

  test('a train pulls into the station: driving, not hand work', () => {
    const r = read('A car pulls into the station.');
    expect(r.shot.entities.find((e) => e.element === 'car')?.actions.map((a) => a.verb)).toEqual(['drive']);
  });
});

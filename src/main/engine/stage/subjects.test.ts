import { describe, expect, test } from 'vitest';
import { bodyOf } from '../draw/vehicles';
import { emptyShot, type EngineShot } from '../input';
import { interpret } from '../interpret/interpret';
import { phrases } from '../vocabulary/lemmas';
import { carBodies } from '../vocabulary/subjects';
import type { VerbId } from '../vocabulary/verbs';
import { verbWords } from '../vocabulary/verbs';
import { echoWords, effectWords, type EffectId } from '../vocabulary/sound';
import { stageShot } from './shot';
import type { Stage } from './types';
import { bedArea, deskArea, swingAngle } from './handheld';
import { nightstandArea, shelvesArea, stoveArea } from './surfaces';
import { alongDrive, travelView } from './vehicles';

function staged(scene: string, more: Partial<EngineShot> = {}): Stage {
  const shot = interpret({ shots: [emptyShot({ scene, durationMs: 6000, ...more })] }).shots[0];
  if (!shot) throw new Error('no shot');
  return stageShot(shot, 5);
}

function prop(stage: Stage, element: string) {
  const found = stage.props.find((p) => p.element === element);
  if (!found) throw new Error(`no ${element} among ${stage.props.map((p) => p.element).join(', ')}`);
  return found;
}

describe('vehicles show the side they present', () => {
  test('a car driving away shows its back and gets smaller; one coming toward the camera shows its front', () => {
    const away = prop(staged('A black SUV drives away from the camera down a country road.'), 'car');
    expect(travelView(away.drive).view).toBe('back');
    const d = away.drive;
    if (!d) throw new Error('no path');
    expect(alongDrive(d, 5, 0, 0).z).toBeGreaterThan(alongDrive(d, 0.5, 0, 0).z + 3);
    const toward = prop(staged('A taxi drives toward the camera at night.'), 'car');
    expect(travelView(toward.drive).view).toBe('front');
  });

  test('a car crossing the street is seen in profile, facing where it goes', () => {
    const crossing = prop(staged('A red convertible drives down a city street.'), 'car');
    const view = travelView(crossing.drive);
    expect(view.view).toBe('side');
    const d = crossing.drive;
    if (!d) throw new Error('no path');
    expect(Math.sign(d.x1 - d.x0)).toBe(view.facing);
  });

  test('a car driving away in a street stops short of the buildings across it', () => {
    const stage = staged('A car drives away from the camera on a city street.');
    const d = prop(stage, 'car').drive;
    expect(d?.z1).toBeLessThan(stage.layout.buildingsZ ?? Infinity);
  });

  test('a horse ridden away from the camera goes into the distance with its rider on its back', () => {
    const stage = staged('A lone rider on horseback rides away from the camera across the desert.');
    expect(stage.figures).toEqual([]);
    const horse = stage.animals.find((a) => a.kind === 'horse');
    expect(horse?.rider).toBeTruthy();
    expect(horse?.walk?.dz ?? 0).toBeGreaterThan(3);
  });

  test('a galloping horse crosses the view with its hooves heard', () => {
    const stage = staged('A white horse gallops across a meadow.');
    const horse = stage.animals.find((a) => a.kind === 'horse');
    expect(Math.abs(horse?.walk?.dx ?? 0)).toBeGreaterThan(2);
    expect(horse?.color).toBe('#eeeeea');
    expect(stage.sounds.map((s) => s.effect)).toContain('hooves');
  });
});

describe('subjects keep to where they are', () => {
  test('a horse walking toward the camera on a beach comes up the sand, not out of the sea', () => {
    const stage = staged('A brown horse walks toward the camera on a beach.');
    const horse = stage.animals.find((a) => a.kind === 'horse');
    const start = horse?.members[0]?.z ?? Infinity;
    expect(start).toBeLessThan(stage.layout.water?.zMin ?? 0);
    expect(horse?.walk?.dz ?? 0).toBeLessThan(0);
  });

  test('a parked car stands where it is all shot, and makes no engine noise', () => {
    const stage = staged('A parked car on the street.');
    expect(prop(stage, 'car').drive).toBeNull();
    expect(stage.sounds.map((s) => s.effect)).not.toContain('engineRoar');
    // A car nothing is said of still passes by.
    expect(prop(staged('A car on the street.'), 'car').drive).not.toBeNull();
  });

  test('a cat on the bed lies on its blanket, within the bed; a cat beside it is on the floor', () => {
    const stage = staged('A cat on the bed.');
    const cat = stage.animals.find((a) => a.kind === 'cat')?.members[0];
    const room = stage.layout.interior;
    if (!cat || !room) throw new Error('no cat or no room');
    const bed = bedArea(room.backWallZ, room.halfWidth);
    expect(cat.y).toBeCloseTo(bed.top);
    expect(cat.x).toBeGreaterThan(bed.x0);
    expect(cat.x).toBeLessThan(bed.x1);
    expect(cat.z).toBeGreaterThan(bed.z0);
    expect(staged('A cat beside the bed.').animals.find((a) => a.kind === 'cat')?.members[0]?.y).toBe(0);
  });

  test('the window a soldier waves from is the train’s, not a room’s', () => {
    const stage = staged('A steam train pulls into the station. A soldier waves from the window.');
    expect(stage.scene.setting).not.toBe('interior');
    expect(stage.props.map((p) => p.element)).not.toContain('window');
  });
});

describe('riders are drawn on what they ride', () => {
  test('a man riding a bicycle is its rider, not a figure standing beside it', () => {
    const stage = staged('A man rides a bicycle toward the camera.');
    expect(stage.figures).toEqual([]);
    const bike = prop(stage, 'bicycle');
    expect(bike.rider).toBeTruthy();
    expect(travelView(bike.drive).view).toBe('front');
  });

  test('a cyclist is a bicycle with its rider, and an unridden bicycle stands still', () => {
    expect(prop(staged('A cyclist passes a cafe.'), 'bicycle').rider).toBeTruthy();
    const parked = prop(staged('A bicycle leans against a wall.'), 'bicycle');
    expect(parked.rider ?? null).toBeNull();
    expect(parked.drive).toBeNull();
  });

  test('a named fisherman rowing a boat sits in it and moves it across the water', () => {
    const stage = staged('A fisherman named Jonah rows a small boat across a foggy lake at dawn.');
    expect(stage.figures).toEqual([]);
    const boat = prop(stage, 'boat');
    expect(boat.rider).toBeTruthy();
    expect(boat.drive).not.toBeNull();
  });
});

describe('words for things read as those things', () => {
  test.each(Object.entries(carBodies))('"%s" is a car drawn with the %s body', (word, body) => {
    const stage = staged(`A ${word} drives past.`);
    const car = prop(stage, 'car');
    expect(bodyOf(car.noun)).toBe(body);
  });

  test('a colour dresses the vehicle it belongs to', () => {
    const stage = staged('A red convertible and a yellow school bus pass.');
    expect(prop(stage, 'car').color).toBe('#c8352c');
    expect(prop(stage, 'bus')).toMatchObject({ color: '#e8c53a', noun: 'school bus' });
  });

  const NEW_VERBS: VerbId[] = ['ride', 'row', 'play', 'boil'];
  const verbEntries = NEW_VERBS.flatMap((id) => phrases(verbWords[id]).map((w) => [w.join(' '), id] as const));
  test.each(verbEntries)('"%s" is the action %s', (word, id) => {
    const r = interpret({ shots: [emptyShot({ scene: `A woman ${word} by the lake.` })] });
    expect(r.understood.find((u) => u.text.toLowerCase() === word)?.meaning).toBe(`action ${id}`);
  });

  const NEW_SOUNDS: EffectId[] = ['meow', 'neigh', 'hooves', 'boil', 'sweep'];
  const soundEntries = NEW_SOUNDS.flatMap((id) => phrases(effectWords[id]).map((w) => [w.join(' '), id] as const));
  // Words added to an action's list: each is read as that action.
  const addedVerbWords: [string, VerbId][] = [
    ['fill', 'spread'],
    ['fill up', 'spread'],
    ['flood', 'spread'],
    ['flood in', 'spread'],
    ['pour in', 'spread'],
    ['sweep', 'work'],
    ['mop', 'work'],
    ['sweep the floor', 'work'],
  ];
  test.each(addedVerbWords)('"%s" is the action %s', (word, id) => {
    const r = interpret({ shots: [emptyShot({ scene: `A woman ${word} by the lake.` })] });
    expect(r.understood.find((u) => u.text.toLowerCase() === word)?.meaning).toBe(`action ${id}`);
  });

  test.each(phrases(echoWords).map((w) => w.join(' ')))('"%s" on a sound puts an echo on it', (word) => {
    const r = interpret({
      shots: [
        emptyShot({
          audio: { ambience: [], events: [{ label: `a door slams, ${word}`, startMs: 1000, endMs: null }] },
        }),
      ],
    });
    expect(r.shots[0]?.cues.map((c) => [c.effect, c.echo])).toEqual([['doorSlam', true]]);
  });

  test.each(soundEntries)('the sound "%s" is the effect %s', (word, id) => {
    const r = interpret({
      shots: [emptyShot({ audio: { ambience: [], events: [{ label: word, startMs: 1000, endMs: null }] } })],
    });
    expect(r.shots[0]?.cues.map((c) => c.effect)).toContain(id);
  });
});

describe('small things and their sounds', () => {
  test('a phone is held by the woman talking on it; a lamp and a clock stand on the desk', () => {
    const phone = prop(staged('A woman stands on a rooftop talking on her phone.'), 'phone');
    expect(phone.heldBy).toBe('woman');
    const desk = staged('A lamp glows on a desk beside an alarm clock.');
    for (const el of ['lamp', 'clock']) expect(prop(desk, el).instances[0]?.y).toBeCloseTo(0.78);
  });

  test('a bare bulb swinging hangs over the table on its cord and swings to both sides', () => {
    const bulb = prop(staged('A bare bulb swinging over a table in a dim interrogation room.'), 'lamp');
    expect(bulb.hanging).toBeDefined();
    expect(bulb.instances[0]?.y).toBeGreaterThan(1.8);
    const angles = Array.from({ length: 40 }, (_, i) => swingAngle(bulb, i * 0.05));
    expect(Math.max(...angles)).toBeGreaterThan(0.2);
    expect(Math.min(...angles)).toBeLessThan(-0.2);
    // "The light swings" is the same: a lamp that sways hangs and swings.
    expect(prop(staged('A hanging lamp sways above the bed.'), 'lamp').hanging?.swing).toBeGreaterThan(0.2);
    // A bulb nothing swings hangs still; a desk lamp stands on the desk.
    const still = prop(staged('A bare bulb over a table.'), 'lamp');
    expect([still.hanging?.swing, swingAngle(still, 0.4)]).toEqual([0, 0]);
    expect(prop(staged('A lamp glows on a desk.'), 'lamp').hanging).toBeUndefined();
  });

  test('furniture is a surface: a cat on the desk, a cup on the table, a phone on the bookshelf rest on its top', () => {
    const stage = staged(
      'A woman reads in a bedroom. A cat on the desk, a cup on the table, a phone on the bookshelf, a lamp on the nightstand.',
    );
    const room = stage.layout.interior;
    if (!room) throw new Error('no room');
    const cat = stage.animals.find((a) => a.kind === 'cat')?.members[0];
    const desk = deskArea(stage.layout.subjectZ);
    expect(cat?.y).toBeCloseTo(0.78);
    expect(cat?.x).toBeGreaterThanOrEqual(desk.x0);
    expect(cat?.x).toBeLessThanOrEqual(desk.x1);
    const table = prop(stage, 'table').instances[0];
    const cup = prop(stage, 'cup');
    expect(cup.instances[0]?.y).toBeGreaterThan(0.78);
    expect(Math.abs((cup.instances[0]?.x ?? 99) - (table?.x ?? 0))).toBeLessThan(0.7);
    // The cup is held on the table top for the whole shot: nothing lets it fall.
    expect(stage.world.bodies.find((b) => b.id === 'cup')?.releaseAt).toBeUndefined();
    const phone = prop(stage, 'phone');
    const shelves = shelvesArea(room.backWallZ, room.halfWidth);
    expect([phone.heldBy, phone.instances[0]?.y]).toEqual([null, shelves.top]);
    expect(prop(stage, 'lamp').instances[0]?.y).toBe(nightstandArea(room.backWallZ, room.halfWidth).top);
  });

  test('a stove stands in the room, set into a kitchen counter, and a kettle on it stands on its hob', () => {
    for (const [scene, counter] of [
      ['A kettle whistles on the stove in a small kitchen.', true],
      ['A kettle sits on the stove in a quiet room.', false],
    ] as const) {
      const stage = staged(scene);
      const room = stage.layout.interior;
      if (!room) throw new Error('no room');
      expect('stove' in stage.scene.environment, scene).toBe(true);
      expect(
        stage.scene.entities.map((e) => e.label),
        scene,
      ).not.toContain('stove');
      const hob = stoveArea(room.backWallZ, counter);
      const kettle = prop(stage, 'kettle').instances[0];
      expect(kettle?.y, scene).toBe(hob.top);
      expect(kettle?.x, scene).toBeGreaterThan(hob.x0);
      expect(kettle?.x, scene).toBeLessThan(hob.x1);
      expect(kettle?.z, scene).toBeGreaterThan(hob.z0 - 0.1);
      expect(kettle?.z, scene).toBeLessThan(hob.z1);
    }
  });

  test('"a light swings", in any form of the verb, is a lamp hung on its cord and swinging', () => {
    for (const scene of [
      'A dim cellar. A light swings overhead.',
      'The light swung above the table.',
      'A single light swaying over the table.',
    ]) {
      const light = prop(staged(scene), 'lamp');
      expect(light.instances[0]?.y, scene).toBeGreaterThan(1.8);
      expect(light.hanging?.swing, scene).toBeGreaterThan(0.2);
    }
  });

  test('a cat meows, a horse neighs and a dog barks, each with its own call', () => {
    const stage = staged('A cat meows. A horse neighs. A dog barks.');
    expect(stage.sounds.map((s) => s.effect)).toEqual(expect.arrayContaining(['meow', 'neigh', 'dogBark']));
  });

  test('a train pulling into a station slows to a stop with its brakes; a car passing has its engine', () => {
    const train = staged('An old steam train pulls into the station.');
    const d = prop(train, 'train').drive;
    expect(d?.stops).toBe(true);
    expect(train.sounds.map((s) => s.effect)).toEqual(expect.arrayContaining(['rumble', 'trainBrakes']));
    expect(staged('A car drives down the street.').sounds.map((s) => s.effect)).toContain('engineRoar');
  });

  test('fish swim as a school unless there is one', () => {
    expect(staged('Fish swim past a diver.').animals.find((a) => a.kind === 'fish')?.members.length).toBeGreaterThan(3);
    expect(staged('A fish swims past a diver.').animals.find((a) => a.kind === 'fish')?.members.length).toBe(1);
  });
});

describe('fish out of the sea', () => {
  test('a catch of fish lies on the ground; fish under the sea swim above the floor', () => {
    const catchOf = staged('Fishermen unload crates of silver fish at the harbour.').animals.find(
      (a) => a.kind === 'fish',
    );
    expect(catchOf?.walk).toBeNull();
    expect(Math.max(...(catchOf?.members ?? []).map((m) => m.y))).toBeLessThan(0.2);
    const school = staged('A school of fish under the sea.').animals.find((a) => a.kind === 'fish');
    expect(Math.min(...(school?.members ?? []).map((m) => m.y))).toBeGreaterThanOrEqual(0.5);
  });
});

describe('a cigarette', () => {
  test('is held by the one smoking it, not by whoever came first', () => {
    const scene = interpret({
      shots: [emptyShot({ scene: 'Anna pours coffee. Tom sits at a wooden table smoking a cigarette.' })],
    }).shots[0];
    if (!scene) throw new Error('no shot');
    const stage = stageShot(scene, 2);
    expect(stage.props.find((p) => p.element === 'cigarette')?.heldBy).toBe('tom');
    expect(scene.environment.smoke).toBeUndefined();
  });
});

describe('motorcycles', () => {
  test('a motorcyclist rides a motorcycle across the view, engine roaring; a parked motorbike stands', () => {
    const ridden = staged('A motorcyclist rides along a desert road.');
    const bike = ridden.props.find((p) => p.element === 'motorcycle');
    expect(bike?.rider).not.toBeNull();
    expect(bike?.drive).not.toBeNull();
    expect(ridden.figures).toEqual([]);
    expect(ridden.sounds.map((s) => s.effect)).toContain('engineRoar');
    const parked = staged('A parked motorbike by the road.');
    expect(parked.props.find((p) => p.element === 'motorcycle')?.drive).toBeNull();
    expect(parked.sounds.map((s) => s.effect)).not.toContain('engineRoar');
  });

  test('a man rides his motorbike: he is seated on it, not standing beside it', () => {
    const s = staged('A man rides his motorbike down the street.');
    expect(s.props.find((p) => p.element === 'motorcycle')?.rider).not.toBeNull();
    expect(s.figures).toEqual([]);
  });
});

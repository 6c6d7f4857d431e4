import { describe, expect, test } from 'vitest';
import { emptyShot } from '../input';
import { interpret } from '../interpret/interpret';
import { World } from '../simulate';
import { TABLE_TOP } from './handheld';
import { stageShot } from './shot';

function sounds(scene: string): { effect: string; t: number; label: string }[] {
  const shot = interpret({ shots: [emptyShot({ scene, durationMs: 6000 })] }).shots[0];
  if (!shot) throw new Error('no shot');
  return stageShot(shot, 1)
    .sounds.filter((s) => s.source === 'action')
    .map(({ effect, t, label }) => ({ effect, t, label }));
}

describe('things that ring or whistle sound when the prompt says so', () => {
  test('a phone that rings at 00:03 rings then', () => {
    expect(sounds('A woman reads at her desk. At 00:03 her phone rings.')).toEqual([
      { effect: 'phoneRing', t: 3, label: 'phone rings' },
    ]);
  });

  test('a kettle that whistles, whatever stands around it, is the one that whistles', () => {
    for (const scene of [
      'Steam rises from a kettle that whistles on the table.',
      'A kettle on the stove whistles.',
      'The kettle whistles in a small kitchen.',
    ])
      expect(sounds(scene).map((s) => s.effect)).toEqual(['kettleWhistle']);
  });

  test('a figure who whistles a tune is heard whistling; an alarm clock rings; a bell rings out', () => {
    expect(sounds('A man whistles a tune as he walks.').map((s) => s.effect)).toEqual(['whistle']);
    expect(sounds('An alarm clock rings on the nightstand.').map((s) => s.effect)).toEqual(['phoneRing']);
    expect(sounds('A woman rings the bell at the door.').map((s) => s.effect)).toEqual(['bell']);
  });

  test('a figure who hums is heard humming; a fridge that hums is the room', () => {
    for (const scene of [
      'He hums a tune while he cooks.',
      'She is humming softly.',
      'A woman hums to herself as she reads.',
    ])
      expect(
        sounds(scene).map((s) => s.effect),
        scene,
      ).toEqual(['hum']);
    expect(sounds('The fridge hums in a quiet kitchen.')).toEqual([]);
  });

  test('a pot that boils bubbles at its time and a kettle that boils whistles; a figure who sweeps is heard sweeping', () => {
    expect(sounds('A pot boils on the stove at 00:02.')).toEqual([{ effect: 'boil', t: 2, label: 'pot boils' }]);
    expect(sounds('A pot simmers on the stove.').map((s) => s.effect)).toEqual(['boil']);
    expect(sounds('A kettle boils on the stove.').map((s) => s.effect)).toEqual(['kettleWhistle']);
    expect(sounds('At 00:01 a woman sweeps the floor of the kitchen.')).toEqual([
      { effect: 'sweep', t: 1, label: 'woman sweeps the floor' },
    ]);
    // Other busy hands make no broom's sound.
    expect(sounds('A woman chops onions in the kitchen.')).toEqual([]);
  });

  test('nothing rings or whistles unless the prompt says so', () => {
    expect(sounds('A kettle and a phone on the table in a kitchen.')).toEqual([]);
  });
});

describe('steam', () => {
  const smoke = (scene: string): number => {
    const shot = interpret({ shots: [emptyShot({ scene, durationMs: 4000 })] }).shots[0];
    if (!shot) throw new Error('no shot');
    return stageShot(shot, 1).world.emitters.filter((e) => e.kind === 'smoke').length;
  };

  test('steam from a kettle or a cup is their own thread, not smoke sent up from the side', () => {
    expect(smoke('Steam rises from a kettle that whistles on the table.')).toBe(0);
    expect(smoke('Steam curls up from a cup of coffee by the window.')).toBe(0);
    expect(smoke('Steam rises from a grate in the street.')).toBe(1);
  });
});

describe('a thing knocked off furniture', () => {
  test('slides to the edge and falls beside the table, and shatters where it lands', () => {
    const scene =
      'A cup of coffee sits on the table in a quiet cafe. At 00:02 the cup falls off the table and shatters.';
    const shot = interpret({ shots: [emptyShot({ scene, durationMs: 4000 })] }).shots[0];
    if (!shot) throw new Error('no shot');
    const stage = stageShot(shot, 1);
    const table = stage.props.find((p) => p.element === 'table')?.instances[0];
    const cup = stage.props.find((p) => p.element === 'cup')?.instances[0];
    if (!table || !cup) throw new Error('no table or cup');
    const world = new World({ ...stage.world, ripplesAt: [] });
    const contacts = [];
    let over: number | null = null;
    for (let t = 0; t <= 3.5; t += 1 / 48) {
      contacts.push(...world.advanceTo(t).map((c) => ({ ...c })));
      const at = world.state(cup.id);
      if (!at) throw new Error('no cup body');
      // Still on the top: never lower than it while within the table's width.
      if (Math.abs(at.x - table.x) < 0.7 - 0.02) expect(at.y).toBeGreaterThan(TABLE_TOP);
      if (over === null && at.y < TABLE_TOP) over = t;
    }
    expect(over).toBeGreaterThanOrEqual(2);
    expect(over).toBeLessThan(2.3);
    const landing = contacts.find((c) => c.body === cup.id && c.kind === 'ground');
    expect(landing?.t).toBeGreaterThan(2.2);
    expect(shot.cues.find((c) => c.effect === 'glassBreak')?.atMs).toBeNull();
  });
});

import { describe, expect, test } from 'vitest';
import { emptyShot, type EngineShot } from '../input';
import { tokenize } from '../lexicon';
import { phrases } from '../vocabulary/lemmas';
import { elementIds, elementWords, settingIds, settingWords } from '../vocabulary/world';
import { interpret } from './interpret';

function read(scene: string, more: Partial<EngineShot> = {}) {
  const result = interpret({ shots: [emptyShot({ scene, ...more })] });
  const shot = result.shots[0];
  if (!shot) throw new Error('no shot');
  const labels = shot.entities.map((e) => e.label.toLowerCase());
  const people = shot.entities.filter((e) => e.name !== null).map((e) => e.name);
  const times = result.understood.filter((u) => u.meaning.startsWith('at ')).map((u) => u.text);
  return { ...result, shot, labels, people, times };
}

describe('a capitalised word is a person only when it is one', () => {
  test.each(['Drone', 'Handheld', 'Push', 'Pan', 'Tracking', 'SFX', 'Canada', 'Paris', 'Melancholic'])(
    '"%s" is not a person',
    (word) => {
      const { people, labels } = read(`${word} over a quiet lake at dawn, a boat drifts.`);
      expect(people).toEqual([]);
      expect(labels).not.toContain(word.toLowerCase());
    },
  );

  test.each([
    ['Mia waits by the door.', 'Mia'],
    ['Dr. Okafor waits by the door.', 'Okafor'],
    ['A man named Walter waits by the door.', 'Walter'],
    ['Zephyrine walks along the river.', 'Zephyrine'],
    // A name ending in "s" is one person, not a plural: a known given name, or one before a verb that says so.
    ['Marcus hums a tune while he cooks.', 'Marcus'],
    ['Thomas waits by the door.', 'Thomas'],
    ['Silas walks along the river.', 'Silas'],
  ])('%s has a person named %s', (scene, name) => {
    expect(read(scene).people).toEqual([name]);
  });

  test.each([
    ['Water boils in a pot on the stove.', 'pot'],
    ['Water is boiling in the kettle.', 'kettle'],
    ['She pours water in a glass on the table.', 'cup'],
    ['She pours water into a glass in the kitchen.', 'cup'],
  ])('"%s": water in a vessel is the %s\'s, not a lake', (scene, vessel) => {
    const r = read(scene);
    expect(r.shot.setting).not.toBe('lakeside');
    expect(r.shot.entities.map((e) => e.element)).toContain(vessel);
    expect(r.understood.some((u) => u.meaning === 'element lake')).toBe(false);
  });

  test('water on its own is still water to sail on', () => {
    expect(read('A boat drifts on the water at dusk.').understood.some((u) => u.meaning === 'element lake')).toBe(true);
  });

  test('a place before a verb is still a place', () => {
    expect(read('Paris glows at night.').people).toEqual([]);
  });

  test('words with accents are read whole: "café" is a café, "Élodie" a person', () => {
    const cafe = read('A small café on a rainy street.');
    expect(cafe.shot.setting).toBe('interior');
    expect(cafe.notUnderstood.map((u) => u.text)).toEqual([]);
    expect(read('Élodie walks through the café.').people).toEqual(['Élodie']);
  });

  test('a plural at the start of a sentence is still a plural, not a person', () => {
    expect(read('Lanterns rise over the river.').people).toEqual([]);
  });
});

describe('numbers that are not clip times or counts', () => {
  test.each([
    ['A 1970s diner at dusk.', '1970s'],
    ["A '80s arcade glows.", "'80s"],
    ['A street in 1984, rain falls.', '1984'],
    ['A 30-year-old woman walks.', '30-year-old'],
    ['A 3D render of a cup.', '3D'],
    ['A 4K shot of a cup, 16:9.', '4K'],
  ])('%s: "%s" is no time and no count', (scene, word) => {
    const r = read(scene);
    expect(r.times).toEqual([]);
    expect(r.shot.entities.every((e) => e.count < 3)).toBe(true);
    expect(r.notUnderstood.map((n) => n.text)).not.toContain(word);
  });

  test('a clock face is not a moment in the clip', () => {
    const r = read('An alarm clock reads 07:30 as a man wakes.', { durationMs: 4000 });
    expect(r.times).toEqual([]);
    expect(r.shot.entities.find((e) => e.key === 'man')?.actions.every((a) => a.atMs === null)).toBe(true);
  });

  test('a time inside the shot still is one, spelled out or not', () => {
    expect(read('At 3 s a cat jumps. After two seconds a dog barks.', { durationMs: 5000 }).times).toEqual([
      '3 s',
      '2 seconds',
    ]);
  });

  test('a moment set off by a comma times the clause after it', () => {
    const r = read('At 00:04, a dog barks. After 2 seconds, a cat jumps.', { durationMs: 6000 });
    expect(r.shot.entities.map((e) => [e.key, e.actions.map((a) => a.atMs)])).toEqual([
      ['dog', [4000]],
      ['cat', [2000]],
    ]);
  });

  test('"1970s" is read as one word, not as 1970 seconds', () => {
    expect(tokenize('a 1970s car').map((t) => t.kind)).toEqual(['word', 'word', 'word']);
  });
});

describe('only nouns become stand-ins, and clothes dress their figure', () => {
  test.each(['long', 'low', 'following', 'weathered', 'exhausted'])('"%s" on its own is no stand-in', (word) => {
    expect(read(`The ${word}, by the river at dusk.`).labels).not.toContain(word);
  });

  test('a red coat colours the woman wearing it instead of standing beside her', () => {
    const r = read('A woman in a red coat walks down the street.');
    expect(r.labels).toEqual(['woman']);
    expect(r.shot.entities[0]?.color).not.toBeNull();
  });
});

describe('sky and time of day', () => {
  test('"sky" does not make the scene night', () => {
    expect(read('A kite flies in a bright blue sky.').shot.timeOfDay).not.toBe('night');
  });
  test('"sunny" is daytime', () => {
    expect(read('A sunny park, a dog runs.').shot.timeOfDay).toBe('noon');
  });
});

/** Inflected words whose stem is an unrelated noun in the vocabulary. */
const FALSE_FRIENDS: [word: string, notElement: string][] = [
  ['staring', 'stars'],
  ['exhausted', 'smoke'],
  ['swallowed', 'bird'],
  ['rocking', 'rocks'],
  ['fired', 'fire'],
  ['stormed', 'fog'],
  ['sparking', 'sparks'],
  ['flowering', 'flowers'],
  ['balled', 'ball'],
  ['treed', 'trees'],
  ['clouded', 'clouds'],
  ['mooning', 'moon'],
  ['doored', 'door'],
];

describe('synonyms are real synonyms', () => {
  test.each(FALSE_FRIENDS)('"%s" is not read as %s', (word, notElement) => {
    const r = read(`A girl ${word} by the lake.`);
    expect(r.understood.filter((u) => u.text.toLowerCase() === word).map((u) => u.meaning)).not.toContain(
      `element ${notElement}`,
    );
  });

  const entries = elementIds.flatMap((id) =>
    phrases(elementWords[id])
      .map((words) => words.join(' '))
      .filter((w) => !['he', 'she'].includes(w))
      .map((w) => [w, id] as const),
  );
  test.each(entries)('"%s" means element %s', (word, id) => {
    const r = read(`The ${word}.`);
    const hit = r.understood.find((u) => u.text.toLowerCase().replace(/-/g, ' ') === word);
    // A word both tables hold ("river") may be read as the place instead; either is the word's own meaning.
    expect(hit?.meaning).toMatch(new RegExp(`^(element ${id}|setting )`));
  });

  const settings = settingIds.flatMap((id) => phrases(settingWords[id]).map((words) => [words.join(' '), id] as const));
  test.each(settings)('"%s" names a setting or element that fits %s', (word) => {
    const r = read(`A dog in the ${word}.`);
    expect(r.notUnderstood.map((n) => n.text.toLowerCase())).not.toContain(word);
  });
});

describe('misreadings found in showcase-style prose', () => {
  test.each([
    ['A low tracking shot past the bumper.', 'bumper', 'sound thud'],
    ['A basketball player leaps.', 'player', 'action play'],
    ['The camera follows closely behind her.', 'closely', 'action close'],
    ['An old woman waters flowers on her balcony.', 'waters', 'element lake'],
  ])('%s: "%s" is not read as %s', (scene, word, wrong) => {
    const r = read(scene);
    expect(r.understood.filter((u) => u.text === word).map((u) => u.meaning)).not.toContain(wrong);
  });

  test('a player is a person and a woman who waters flowers works with her hands', () => {
    expect(read('A basketball player leaps.').shot.entities.find((e) => e.key === 'player')?.element).toBe('person');
    const woman = read('An old woman waters flowers.').shot.entities.find((e) => e.key === 'woman');
    expect(woman?.actions.map((a) => a.verb)).toEqual(['work']);
  });

  test('an hour of the day sets the time of day and is no moment in the clip', () => {
    for (const [scene, time] of [
      ['A hospital corridor at 3am, lights flicker.', 'night'],
      ['A kitchen at 7:30 am.', 'morning'],
      ['A street at 6 pm.', 'golden'],
      ['A bar at 11 p.m.', 'night'],
    ] as const) {
      const r = read(scene);
      expect([scene, r.shot.timeOfDay, r.times]).toEqual([scene, time, []]);
      expect(r.labels).not.toContain('am');
    }
  });

  test('a plain time of day wins over a word that says little of the hour', () => {
    expect(read('A tram on a sunny morning.').shot.timeOfDay).toBe('morning');
    expect(read('A sunny beach.').shot.timeOfDay).toBe('noon');
    expect(read('Dark streets at dusk.').shot.timeOfDay).toBe('dusk');
  });

  test('a planet by name is the planet, and two-word cities are cities', () => {
    const earth = read('An astronaut floats above the Earth.');
    expect(earth.labels).not.toContain('earth');
    expect(earth.shot.environment.planet).toBe(1);
    for (const city of ['Los Angeles', 'Hong Kong', 'New York']) {
      const r = read(`A car speeds through ${city} at night.`);
      expect([city, r.people, r.labels, r.shot.setting]).toEqual([city, [], ['car'], 'street']);
      expect(r.notUnderstood).toEqual([]);
    }
  });

  test('"in the distance", the horizon and the floor are never stand-ins', () => {
    const r = read('Peaks glow pink in the distance above the horizon, dust on the floor.');
    expect(r.labels).toEqual([]);
    expect(r.notUnderstood).toEqual([]);
  });
});

describe('the sound of a sentence in the audio fields', () => {
  test('what makes the sound is read as its source and never staged from there', () => {
    const r = read('', { audio: { ambience: [], events: [{ label: 'A chair scrapes', startMs: 4000, endMs: null }] } });
    expect(r.shot.entities).toEqual([]);
    expect(r.shot.cues.map((c) => [c.effect, c.atMs])).toEqual([['scrape', 4000]]);
    expect(r.notUnderstood).toEqual([]);
  });
});

describe('how the camera travels', () => {
  const camera = (text: string) => read('A ridge at dawn.', { camera: text });
  test('a travel verb is the move named beside it, else a glide along the view', () => {
    expect(camera('An FPV drone rockets along').shot.camera.moves.map((m) => m.id)).toEqual(['fpv']);
    expect(camera('the camera drifting slowly').shot.camera.moves.map((m) => m.id)).toEqual(['truckRight']);
    expect(camera('the camera drifting to the left').shot.camera.moves.map((m) => m.id)).toEqual(['truckLeft']);
    expect(camera('the camera glides to the right').notUnderstood).toEqual([]);
  });

  test('"to the left" is the camera only in a Camera line', () => {
    expect(read('A dog runs to the left.').shot.camera.moves.map((m) => m.id)).toEqual(['static']);
  });
});

describe('who a word belongs to', () => {
  test('"her white dress" dresses the woman even when a man was named last', () => {
    const r = read('A bride and groom dance in a barn, her white dress swirling.');
    expect(r.shot.entities.find((e) => e.key === 'bride')?.color).toBe('#eeeeea');
    expect(r.shot.entities.find((e) => e.key === 'groom')?.color).toBeNull();
  });

  test('"Dad:" and "She says" speak as the father and daughter the scene shows', () => {
    const r = read('A father drives while his daughter stares out the window.', {
      dialogue: [
        { atMs: 500, speaker: 'Dad', line: 'Talk to me.' },
        { atMs: 2000, speaker: 'She', line: 'I know.' },
      ],
    });
    expect(r.shot.dialogue.map((d) => d.entity)).toEqual(['father', 'daughter']);
    expect(r.shot.entities.filter((e) => e.element === 'person')).toHaveLength(2);
  });

  test('"close behind" is nearness, not a door closing; fishermen are several; snow-capped peaks bring no snow', () => {
    expect(read('A cruiser close behind.').understood.map((u) => u.meaning)).not.toContain('action close');
    expect(read('Fishermen unload crates.').shot.entities[0]?.count).toBe(3);
    expect(read('Snow-capped peaks glow.').shot.environment.snow).toBeUndefined();
  });
});

describe('camera phrases in a Scene paragraph move the camera', () => {
  test.each([
    ['A woman waits in a kitchen, whip pan to the door.', 'panRight'],
    ['A slow orbit around a dancer in a studio.', 'orbit'],
    ['A man sits at a table, the camera orbiting him.', 'orbit'],
    ['Tracking shot of a runner along a beach.', 'truckRight'],
    ['A crane shot over a market at dawn.', 'craneUp'],
    ['Slow dolly in on a candle on a table.', 'pushIn'],
    ['Drone shot of a lighthouse on a cliff.', 'drone'],
    ['A slow push-in on a detective in an office.', 'pushIn'],
    ['The camera pulls back to reveal a city at night.', 'pullOut'],
    ['FPV flight through a canyon.', 'fpv'],
    ['Handheld, a boy runs down a street.', 'handheld'],
  ])('%s', (scene, move) => {
    const { shot, labels } = read(scene);
    expect(shot.camera.moves.map((m) => m.id)).toContain(move);
    expect(shot.entities.filter((e) => e.standIn !== null).map((e) => e.label)).toEqual([]);
    expect(labels.join(' ')).not.toMatch(/pan|orbit|shot|dolly|push|drone|crane|fpv|handheld/);
  });

  test('words that also name a thing or an action stay in the picture outside a Camera line', () => {
    expect(read('A cook holds a pan in a kitchen.').shot.camera.moves.map((m) => m.id)).toEqual(['static']);
    expect(read('A truck drives down a road.').shot.camera.moves.map((m) => m.id)).toEqual(['static']);
    expect(read('Children circle a tree in a park.').shot.camera.moves.map((m) => m.id)).toEqual(['static']);
  });

  test.each(['Sleek, cinematic. A car on a street.', 'A car on a street. The end.', 'A car on a street. SFX, rain.'])(
    '%s draws no stand-in',
    (scene) => {
      expect(
        read(scene)
          .shot.entities.filter((e) => e.standIn !== null)
          .map((e) => e.label),
      ).toEqual([]);
    },
  );
});

describe('outside a place, and the hour on a clock', () => {
  test.each([
    ['A woman waits outside a diner.', 'diner'],
    ['Two men talk in front of the bar at night.', 'bar'],
    ['Rain falls on the diner exterior.', 'diner'],
  ])('%s is a street scene with the %s', (scene, word) => {
    const { shot } = read(scene);
    expect(shot.setting).toBe('street');
    expect(shot.settingWord).toBe(word);
    expect(shot.environment.neonSigns).toBeDefined();
  });

  test('inside the diner is still the room', () => {
    expect(read('A woman waits inside a diner.').shot.setting).toBe('interior');
    expect(read('A waitress pours coffee in a diner.').shot.setting).toBe('interior');
  });

  test.each([
    ['A man waits at a bus stop at 07:30.', 'morning'],
    ['A woman sits in a kitchen at 23:15.', 'night'],
    ['A street at 18:00.', 'golden'],
    ['A street at midnight.', 'night'],
  ])('%s sets the time of day, not a clip time', (scene, time) => {
    const { shot, times } = read(scene);
    expect(shot.timeOfDay).toBe(time);
    expect(times).toEqual([]);
    expect(shot.entities.flatMap((e) => e.actions).filter((a) => a.atMs !== null)).toEqual([]);
  });

  test('a moment within the shot is still a clip time', () => {
    const { shot, times } = read('A door slams at 00:03.');
    expect(times).toEqual(['00:03']);
    expect(shot.timeOfDay).toBe('noon');
  });
});

describe('words from pasted prose', () => {
  test('a name from the given-names list is a woman or a man without saying so', () => {
    for (const [scene, gender] of [
      ['Mara walks along the river.', 'feminine'],
      ['Kwame walks along the river.', 'masculine'],
      ['Haruka walks along the river.', 'feminine'],
      ['Santiago walks along the river.', 'masculine'],
    ] as const)
      expect({ scene, gender: read(scene).shot.entities[0]?.gender }).toEqual({ scene, gender });
  });

  test('a known given name is a person even where nothing else says so', () => {
    expect(read('A dog sleeps beside Mara.').people).toEqual(['Mara']);
  });

  test('the co-pilot is a person of their own, beside the pilot', () => {
    const r = read('A pilot in the cockpit, the co-pilot nods.');
    const figures = r.shot.entities.filter((e) => e.element === 'person').map((e) => e.label);
    expect(figures).toEqual(['pilot', 'co-pilot']);
    expect(r.shot.entities.find((e) => e.label === 'co-pilot')?.actions.map((a) => a.verb)).toEqual(['look']);
  });

  test('a parked car stays put: parked is no drive', () => {
    const car = read('A parked car on the street.').shot.entities.find((e) => e.element === 'car');
    expect(car?.actions.map((a) => a.verb)).toEqual(['stand']);
  });

  test('"open-plan" describes the office: no door opens and nothing is staged for it', () => {
    const r = read('An open-plan office, a man types at his desk.');
    expect(r.labels).not.toContain('plan');
    expect(r.shot.entities.flatMap((e) => e.actions.map((a) => a.verb))).not.toContain('open');
    expect(r.notUnderstood.map((n) => n.text)).not.toContain('plan');
  });
});

describe('light and what things are made of', () => {
  test('"dim light" darkens the picture, in the Scene or the Style', () => {
    expect(read('A kitchen table, dim light.').shot.style.exposure).toBeLessThan(0.9);
    expect(read('A kitchen table.', { style: 'dim light' }).shot.style.exposure).toBeLessThan(0.9);
    expect(read('The room is dimly lit.').shot.style.exposure).toBeLessThan(0.9);
  });

  test('"cold light" cools the picture and is no action of the figure', () => {
    const r = read('A kitchen in cold light, a woman waits.');
    expect(r.shot.style.warmth).toBeLessThan(0);
    expect(r.shot.entities.find((e) => e.key === 'woman')?.actions.map((a) => a.verb)).toEqual(['stand']);
  });

  test('"metal" and "wooden" colour the thing made of them, not a stand-in of their own', () => {
    const r = read('A metal bucket and a wooden chair stand in the yard.');
    const chair = r.shot.entities.find((e) => e.element === 'chair');
    const bucket = r.shot.entities.find((e) => e.label === 'bucket');
    expect(chair?.color).toBe('#8b5a2b');
    expect(bucket?.color).toBe('#8d939b');
    expect(r.labels).not.toContain('metal bucket');
    expect(r.notUnderstood.map((n) => n.text)).not.toContain('wooden');
  });
});

describe('sounds and lines timed after the shot ends', () => {
  test('are left out, and a note names each and says so', () => {
    const r = read('A harbour at dusk.', {
      durationMs: 8000,
      audio: {
        ambience: [],
        events: [
          { label: 'a foghorn sounds', startMs: 12_000, endMs: null },
          { label: 'a bell rings', startMs: 3000, endMs: null },
        ],
      },
      dialogue: [{ atMs: 9000, speaker: 'Ann', line: 'Too late.' }],
    });
    expect(r.shot.cues.map((c) => c.label)).toEqual(['a bell rings']);
    expect(r.shot.dialogue).toEqual([]);
    expect(r.notes).toEqual([
      'shot 1: "a foghorn sounds" is timed at 12.00 s, after the shot ends at 8.00 s; it is left out (time it earlier or lengthen the shot to hear it)',
      'shot 1: Ann\'s line "Too late." is timed at 9.00 s, after the shot ends at 8.00 s; it is left out (time it earlier or lengthen the shot to hear it)',
    ]);
  });
});

describe('what a thing rests on', () => {
  test.each([
    ['A cat on the bed.', 'bed'],
    ['A dog sleeps on the bed in a bedroom.', 'bed'],
    ['A cat beside the bed.', undefined],
  ])('%s rests on %s', (scene, on) => {
    expect(read(scene).shot.entities.find((e) => e.element === 'cat' || e.element === 'dog')?.on).toBe(on);
  });

  test.each([
    ['A cat on the desk.', 'cat', 'desk'],
    ['A cup on the table.', 'cup', 'table'],
    ['A phone on the bookshelf.', 'phone', 'shelves'],
    ['A lamp glows on the nightstand.', 'lamp', 'nightstand'],
    ['A vase on the kitchen table.', 'vase', 'table'],
    ['A man sits on the bed.', 'man', undefined],
    ['A cup beside the table.', 'cup', undefined],
    ['A kettle whistles on the stove.', 'kettle', 'stove'],
    ['A pot boils on the gas stove.', 'pot', 'stove'],
  ])('%s: the %s rests on %s', (scene, key, on) => {
    expect(read(scene).shot.entities.find((e) => e.key === key)?.on).toBe(on);
  });
});

describe('a cockpit is a place', () => {
  test('the pilots sit in a cockpit, not in a meadow beside a box labelled "cockpit"', () => {
    const r = read('A pilot in the cockpit, the co-pilot nods.');
    expect([r.shot.setting, r.shot.settingWord]).toEqual(['interior', 'cockpit']);
    expect(r.labels).not.toContain('cockpit');
  });

  test('"inside a cockpit" names the cockpit, which has its windscreen and instruments, not a room\'s door and window', () => {
    const r = read('Inside a cockpit interior at night, a pilot checks the instruments through the windscreen.');
    expect([r.shot.setting, r.shot.settingWord]).toEqual(['interior', 'cockpit']);
    expect(r.shot.environment).toEqual({});
    expect(r.labels).toEqual(['pilot']);
    expect(r.notUnderstood.map((n) => n.text)).not.toContain('instruments');
  });
});

describe('"light" as a thing and as an amount', () => {
  test('a light that swings or hangs overhead is a lamp; light rain and a light that fades are not', () => {
    expect(
      read('A dim cellar. A light swings overhead.').shot.entities.map((e) => [e.element, e.actions[0]?.verb]),
    ).toEqual([['lamp', 'sway']]);
    expect(read('Light rain falls. The light fades.').shot.entities.map((e) => e.element)).not.toContain('lamp');
  });

  test('a cellar is a room', () => {
    expect(read('A dim cellar.').shot.setting).toBe('interior');
  });
});

describe('the hour in a Style line', () => {
  test.each([
    ['night', 'night'],
    ['dusk, 35mm', 'dusk'],
    ['dawn light', 'dawn'],
    ['golden hour glow', 'golden'],
    ['cinematic, night time', 'night'],
  ])('Style "%s" sets the time of day to %s', (style, time) => {
    expect(read('A man walks along a street.', { style }).shot.timeOfDay).toBe(time);
  });

  test('unless the Scene says otherwise; a dark room is no hour', () => {
    expect(read('A man walks along a sunlit street.', { style: 'night' }).shot.timeOfDay).toBe('noon');
    expect(read('A man walks along a street at noon.', { style: 'dusk tones' }).shot.timeOfDay).toBe('noon');
    expect(read('A man walks down a dark alley.', { style: 'golden hour' }).shot.timeOfDay).toBe('golden');
  });

  test('a Style carried on to the next shot does not undo the hour the first shot kept', () => {
    const r = interpret({
      shots: [
        emptyShot({ scene: 'A man walks along a street at noon.', style: 'night' }),
        emptyShot({ scene: 'A woman waits by a door.', style: 'night' }),
      ],
    });
    expect(r.shots.map((s) => s.timeOfDay)).toEqual(['noon', 'noon']);
  });
});

describe('misreadings found in the newer corpus prompts', () => {
  test('"Wind howls" is the wind, not the keeper howling', () => {
    const r = read('A lighthouse keeper climbs the stairs with a lantern. Wind howls outside.');
    expect(r.shot.entities.find((e) => e.key === 'keeper')?.actions.map((a) => a.verb)).toEqual(['rise']);
    expect(r.shot.wind).toBeGreaterThan(0.5);
  });

  test('a mug of coffee is one cup', () => {
    expect(read('A mug of coffee steams on the table.').shot.entities.filter((e) => e.element === 'cup')).toHaveLength(
      1,
    );
  });

  test('mood words are never stand-ins; "heat shimmering" is haze, not a person named Heat', () => {
    const r = read('Heat shimmering off a salt flat. Tense, intimate, high saturation.');
    expect(r.labels).toEqual([]);
    expect(r.people).toEqual([]);
    expect([r.shot.setting, r.shot.style.saturation > 1]).toEqual(['desert', true]);
  });

  test('"in front of the bar" is outside it, and "in front of" is never a stand-in', () => {
    const r = read('A man stands in front of the bar.');
    expect(r.shot.setting).toBe('street');
    expect(r.notUnderstood.map((n) => n.text)).not.toContain('front');
  });

  test.each([
    ['A man searches the shelves.', 'man', 'look'],
    ['A man walks, then stops.', 'man', 'stand'],
    ['The bike roars past the camera.', 'bicycle', 'drive'],
  ])('%s: the %s does %s', (scene, key, verb) => {
    expect(
      read(scene)
        .shot.entities.find((e) => e.key === key)
        ?.actions.map((a) => a.verb),
    ).toContain(verb);
  });

  test('a camera that tracks in a Camera line is a tracking move', () => {
    expect(read('A keeper climbs.', { camera: 'The camera tracks up beside him.' }).shot.camera.moves[0]?.id).toBe(
      'truckRight',
    );
  });
});

describe('who does the verb', () => {
  const actionsOf = (scene: string): Record<string, string[]> =>
    Object.fromEntries(read(scene).shot.entities.map((e) => [e.label.toLowerCase(), e.actions.map((a) => a.verb)]));

  test('a thing named after a word of place is where, not who', () => {
    expect(actionsOf('A kettle on the stove whistles.')).toEqual({ kettle: ['whistle'] });
    expect(actionsOf('A kettle on the hotplate whistles.')).toEqual({ kettle: ['whistle'], hotplate: [] });
    expect(actionsOf('A dog by the boat barks.')).toEqual({ dog: ['bark'], boat: [] });
  });

  test('"that" before a verb makes the noun before it the doer', () => {
    expect(actionsOf('Steam rises from a kettle that whistles.')).toEqual({ kettle: ['whistle'] });
  });
});

describe('a verb that is a noun too is the noun where it stands as one', () => {
  test.each([
    ['A boxer stands in the ring.', 'ring'],
    ['She slips a ring on her finger.', 'ring'],
    ['The referee blows a whistle.', 'whistle'],
    ['A train whistle echoes across the valley.', 'whistle'],
  ])('%s has no %s action', (scene, verb) => {
    const { shot } = read(scene);
    expect(shot.entities.flatMap((e) => e.actions.map((a) => a.verb))).not.toContain(verb);
  });

  test.each([
    ['A phone rings on the desk.', 'ring'],
    ['At 00:02 her phone starts ringing.', 'ring'],
    ['The kettle whistles.', 'whistle'],
  ])('%s has a %s action', (scene, verb) => {
    const { shot } = read(scene);
    expect(shot.entities.flatMap((e) => e.actions.map((a) => a.verb))).toContain(verb);
  });
});

describe('a participle of look before a noun describes the noun', () => {
  test('"glowing instruments" leave the picture’s look alone; "glowing and dreamy" sets it', () => {
    const plain = read('Two pilots sit in the cockpit, instruments in front of them.').shot.style;
    expect(read('Two pilots sit in the cockpit, glowing instruments in front of them.').shot.style).toEqual(plain);
    expect(read('The picture is glowing and dreamy.').shot.style.glow).toBeGreaterThan(plain.glow);
  });
});

describe('"close on" is a framing only when it directs the camera', () => {
  test.each(['Close on the kettle as it begins to steam.', 'We close on her hands as she pours tea.'])(
    '%s',
    (scene) => {
      expect(read(scene).shot.camera.closeUp).not.toBeNull();
    },
  );

  test('"the door is close on the left" is where the door is', () => {
    expect(read('The door is close on the left.').shot.camera.closeUp).toBeNull();
  });
});

describe('the wind heard, a figure humming, a cook cooking', () => {
  test.each([
    'The wind whistles through the broken window.',
    'The wind howls through the trees.',
    'A whistling wind crosses the snowfield.',
  ])('%s: the wind is strong enough to hear, and nothing else whistles or barks', (scene) => {
    const r = read(scene);
    expect(r.shot.wind).toBeGreaterThanOrEqual(1.2);
    expect(r.shot.entities.flatMap((e) => e.actions.map((a) => a.verb))).toEqual([]);
    expect(r.notUnderstood.map((n) => n.text)).not.toContain('whistling');
  });

  test('a dog howling in the wind is still a dog howling', () => {
    expect(
      read('A dog howls in the wind.')
        .shot.entities.find((e) => e.key === 'dog')
        ?.actions.map((a) => a.verb),
    ).toEqual(['bark']);
  });

  test('"he hums a tune while he cooks": one man, humming and cooking, no tune box and no three cooks', () => {
    const r = read('He hums a tune while he cooks.');
    expect(r.shot.entities).toHaveLength(1);
    expect(r.shot.entities[0]?.actions.map((a) => a.verb)).toEqual(['hum', 'work']);
    expect(r.labels).not.toContain('tune');
  });

  test('a word after "the" is a noun even after a word the engine does not know: "sweeps the water" waters nothing', () => {
    const r = read('A searchlight sweeps the water.');
    expect(r.shot.entities.flatMap((e) => e.actions.map((a) => a.verb))).toEqual([]);
    expect(r.understood.find((u) => u.text === 'water')?.meaning).toBe('element lake');
    expect(read('She waters the plants.').shot.entities[0]?.actions.map((a) => a.verb)).toEqual(['work']);
  });

  test('"the cooks shout" are still cooks', () => {
    expect(read('The cooks shout in a busy kitchen.').shot.entities[0]?.count).toBe(3);
  });
});

describe('a thing beside something on furniture rests there too', () => {
  const on = (scene: string, key: string): string | undefined =>
    read(scene).shot.entities.find((e) => e.key === key)?.on;

  test.each([
    ['A kettle sits on a kitchen table, a cup beside it.', 'cup', 'table'],
    ['A kettle on the table and a cup beside the kettle.', 'cup', 'table'],
    ['A lamp on the desk, a phone near it.', 'phone', 'desk'],
  ])('%s: the %s is on the %s', (scene, key, surface) => {
    expect(on(scene, key)).toBe(surface);
  });

  test('beside something on the floor stays on the floor', () => {
    expect(on('A cat sits by the door, a ball beside it.', 'ball')).toBeUndefined();
  });
});

describe('a tune, a melody, a song are music, and what describes them is no box', () => {
  test.each(['A gentle tune plays softly.', 'A sad song drifts from the radio.', 'A haunting melody plays.'])(
    '%s',
    (scene) => {
      const r = read(scene);
      expect(r.shot.beds.map((b) => b.id)).toContain('musicAmbient');
      expect(r.shot.entities.filter((e) => e.standIn !== null)).toEqual([]);
    },
  );

  test("what a sound does is the sound's: the radio a song drifts from does not drift, nor does the lead", () => {
    const r = read('A sad song drifts from the radio.');
    expect(r.shot.entities.find((e) => e.key === 'radio')?.actions).toEqual([]);
    expect(r.understood.find((u) => u.text === 'drifts')?.meaning).toBe('said of the song: heard, not staged');
    const walk = read('Music plays as she walks in.');
    expect(walk.shot.entities.map((e) => e.actions.map((a) => a.verb))).toEqual([['walk']]);
    expect(read('The song drifts through the hall.').notUnderstood.map((u) => u.text)).not.toContain('drifts');
  });

  test('a figure who whistles or hums a tune is not a music bed', () => {
    expect(read('He whistles a tune.').shot.beds).toEqual([]);
    expect(read('He hums a tune.').shot.beds).toEqual([]);
  });
});

describe('words people write about light, fog, echoes and boiling', () => {
  test('"light fills the room" is light pouring in, "fog fills the valley" is the fog spreading: neither is a stand-in', () => {
    const light = read('Light fills the room.');
    expect(light.shot.environment.lightShafts).toBeGreaterThan(0);
    expect([light.labels, light.notUnderstood]).toEqual([[], []]);
    const sunlight = read('Morning sunlight floods the kitchen.');
    expect(sunlight.shot.environment.lightShafts).toBeGreaterThan(0);
    expect(sunlight.notUnderstood).toEqual([]);
    const fog = read('Fog fills the valley.');
    expect(fog.shot.environment.fog).toBeGreaterThan(0);
    expect([fog.labels, fog.notUnderstood]).toEqual([[], []]);
  });

  test('a place that echoes echoes every sound in it; a sound that echoes echoes alone', () => {
    expect(read('A shout echoes through the canyon.').shot.echo).toBe(true);
    const ambience = read('A canyon at noon.', { audio: { ambience: ['echo in the canyon'], events: [] } });
    expect([ambience.shot.echo, ambience.notUnderstood]).toEqual([true, []]);
    const one = read('An empty hall.', {
      audio: {
        ambience: [],
        events: [
          { label: 'a door slams and echoes', startMs: 1000, endMs: null },
          { label: 'a knock', startMs: 2000, endMs: null },
        ],
      },
    });
    expect(one.shot.echo).toBeUndefined();
    expect(one.shot.cues.map((c) => [c.effect, c.echo === true])).toEqual([
      ['doorSlam', true],
      ['knock', false],
    ]);
  });

  test('"sweeps" is a pan in a Camera line and a broom in a figure\'s hands; "boils" is the pot\'s', () => {
    const camera = read('A valley at dawn.', { camera: 'The camera sweeps across the valley.' });
    expect(camera.shot.camera.moves.map((m) => m.id)).toEqual(['panRight']);
    const sweeper = read('A woman sweeps the floor.');
    expect(sweeper.shot.entities.find((e) => e.key === 'woman')?.actions.map((a) => a.verb)).toEqual(['work']);
    expect(sweeper.notUnderstood).toEqual([]);
    const pot = read('A pot boils on the stove.');
    expect(pot.shot.entities.find((e) => e.key === 'pot')?.actions.map((a) => a.verb)).toEqual(['boil']);
    expect(pot.notUnderstood).toEqual([]);
  });
});

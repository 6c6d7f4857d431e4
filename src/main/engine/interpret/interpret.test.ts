import { describe, expect, test } from 'vitest';
import { emptyShot, type EngineShot } from '../input';
import { interpret } from './interpret';
import { figureGender } from './words';
import { phrases } from '../vocabulary/lemmas';
import { cameraMoveIds, cameraWords } from '../vocabulary/camera';
import { bedIds, bedWords, effectIds, effectWords } from '../vocabulary/sound';
import { styleIds, styleWords } from '../vocabulary/style';
import { elementIds, elementWords, settingIds, settingWords } from '../vocabulary/world';

function one(shot: Partial<EngineShot>) {
  const result = interpret({ shots: [emptyShot(shot)] });
  const scene = result.shots[0];
  if (!scene) throw new Error('no shot');
  return { ...result, scene };
}

const seedShot: Partial<EngineShot> = {
  scene: 'A young girl releases a lantern by a riverside at dusk.',
  camera: 'Slow push-in, 50mm depth-of-field, hand-held feel.',
  motion: 'Hair gently moves; lantern rises; ripples form.',
  style: 'Soft lighting, warm tones, no grain, subtle vignette.',
  audio: {
    ambience: ['Crickets in the background'],
    events: [
      { label: 'soft water splash', startMs: null, endMs: null },
      { label: 'wind chime', startMs: 3000, endMs: null },
    ],
  },
};

describe('interpret: the seed prompt', () => {
  test('reads every field of the lantern prompt', () => {
    const { scene, notUnderstood } = one(seedShot);
    expect(notUnderstood).toEqual([]);
    expect(scene.setting).toBe('riverside');
    expect(scene.timeOfDay).toBe('dusk');
    const girl = scene.entities.find((e) => e.key === 'girl');
    expect(girl?.element).toBe('person');
    expect(girl?.age).toBe('young');
    expect(girl?.actions.map((a) => [a.verb, a.target])).toEqual([['release', 'lantern']]);
    expect(scene.entities.find((e) => e.key === 'lantern')?.actions.map((a) => a.verb)).toEqual(['rise']);
    expect(scene.environment.ripples).toBeGreaterThan(0);
    expect(scene.environment.river).toBeGreaterThan(0);
    expect(scene.hair).toBeCloseTo(0.6);
    expect(scene.camera.moves.map((m) => m.id).sort()).toEqual(['handheld', 'pushIn']);
    expect(scene.camera.moves.find((m) => m.id === 'pushIn')?.intensity).toBeLessThan(1);
    expect(scene.camera.lensMm).toBe(50);
    expect(scene.camera.depthOfField).toBeGreaterThan(0.3);
    expect(scene.style.softness).toBeGreaterThan(0.6);
    expect(scene.style.warmth).toBeGreaterThan(0);
    expect(scene.style.grain).toBe(0);
    expect(scene.style.vignette).toBeGreaterThan(0);
    expect(scene.style.vignette).toBeLessThan(0.5);
    expect(scene.beds.map((b) => b.id)).toEqual(['crickets']);
    expect(scene.cues.map((c) => [c.effect, c.atMs])).toEqual([
      ['splash', null],
      ['windChime', 3000],
    ]);
    expect(scene.cues[0]?.level).toBeLessThan(1);
  });
});

describe('interpret: vocabulary classes', () => {
  test('knows at least 30 visual elements and every one of their words', () => {
    expect(elementIds.length).toBeGreaterThanOrEqual(30);
    for (const id of elementIds) {
      for (const words of phrases(elementWords[id])) {
        const text = `There is a ${words.join(' ')} here.`;
        const { scene, understood } = one({ scene: text });
        const hit = understood.some((u) => u.meaning.startsWith(`element ${id}`));
        const present = scene.entities.some((e) => e.element === id) || (scene.environment[id] ?? 0) > 0;
        expect({ id, words: words.join(' '), hit, present }).toEqual({
          id,
          words: words.join(' '),
          hit: true,
          present: true,
        });
      }
    }
  });

  test('knows the settings', () => {
    expect(settingIds.length).toBeGreaterThanOrEqual(8);
    for (const id of settingIds) {
      const first = phrases(settingWords[id])[0]?.join(' ') ?? '';
      expect([id, one({ scene: `A figure in the ${first}.` }).scene.setting]).toEqual([id, id]);
    }
    expect(one({ scene: 'A woman on a hallway bench' }).scene.setting).toBe('interior');
    expect(one({ scene: 'A boat on the lake' }).scene.setting).toBe('lakeside');
  });

  test('knows times of day and weather', () => {
    const cases: [string, string, string][] = [
      ['at dawn', 'dawn', 'clear'],
      ['at noon', 'noon', 'clear'],
      ['during golden hour', 'golden', 'clear'],
      ['at sunset', 'golden', 'clear'],
      ['at dusk', 'dusk', 'clear'],
      ['at night', 'night', 'clear'],
      ['in a storm', 'noon', 'storm'],
      ['in the rain', 'noon', 'rain'],
      ['in falling snow', 'noon', 'snow'],
      ['in thick fog', 'noon', 'fog'],
      ['on a misty morning', 'morning', 'fog'],
    ];
    for (const [words, time, weather] of cases) {
      const { scene } = one({ scene: `A man walks on the field ${words}.` });
      expect([words, scene.timeOfDay, scene.weather]).toEqual([words, time, weather]);
    }
    const storm = one({ scene: 'A field in a thunderstorm' }).scene;
    expect(storm.environment.lightning).toBeGreaterThan(0);
    expect(storm.environment.rain).toBeGreaterThan(0);
  });

  test('knows every camera move, with speed', () => {
    expect(
      new Set(cameraMoveIds.map((id) => id.replace(/(Left|Right|Up|Down|In|Out)$/, ''))).size,
    ).toBeGreaterThanOrEqual(10);
    for (const id of cameraMoveIds) {
      const first = phrases(cameraWords[id])[0]?.join(' ') ?? '';
      const { scene, notUnderstood } = one({ camera: first });
      expect([first, scene.camera.moves.map((m) => m.id)]).toEqual([first, [id]]);
      expect(notUnderstood).toEqual([]);
    }
    expect(one({ camera: 'slow pan left' }).scene.camera.moves).toEqual([
      { id: 'panLeft', intensity: 0.55, onset: 'eased' },
    ]);
    expect(one({ camera: 'fast dolly-in' }).scene.camera.moves).toEqual([
      { id: 'pushIn', intensity: 1.7, onset: 'eased' },
    ]);
    expect(one({ camera: 'orbit around her, 85 mm' }).scene.camera.lensMm).toBe(85);
  });

  test('maps lens words and depth of field', () => {
    expect(one({ camera: 'wide-angle' }).scene.camera.lensMm).toBe(24);
    expect(one({ camera: 'telephoto' }).scene.camera.lensMm).toBe(135);
    expect(one({ camera: '24mm' }).scene.camera.lensMm).toBe(24);
    expect(one({ camera: 'shallow depth of field' }).scene.camera.depthOfField).toBe(1);
    expect(one({ camera: 'deep focus' }).scene.camera.depthOfField).toBe(0);
  });

  test('knows the style words', () => {
    for (const id of styleIds) {
      const first = phrases(styleWords[id])[0]?.join(' ') ?? '';
      const { understood } = one({ style: first });
      expect([id, understood.some((u) => u.meaning === `style ${id}`)]).toEqual([id, true]);
    }
    const s = one({ style: 'black and white, high contrast, film grain, letterbox, strong vignette' }).scene.style;
    expect(s.blackAndWhite).toBe(true);
    expect(s.contrast).toBeGreaterThan(1.2);
    expect(s.grain).toBeGreaterThan(0);
    expect(s.letterbox).toBe(true);
    expect(s.vignette).toBeGreaterThan(0.6);
    expect(one({ style: 'cool, pastel, neon' }).scene.style.warmth).toBeLessThan(0);
    expect(one({ style: 'b&w' }).scene.style.blackAndWhite).toBe(true);
  });

  test('knows ambience beds and timed effects', () => {
    expect(bedIds.length).toBeGreaterThanOrEqual(8);
    expect(effectIds.length).toBeGreaterThanOrEqual(20);
    for (const id of bedIds) {
      const first = phrases(bedWords[id])[0]?.join(' ') ?? '';
      expect([id, one({ audio: { ambience: [first], events: [] } }).scene.beds.map((b) => b.id)]).toEqual([id, [id]]);
    }
    for (const id of effectIds) {
      const first = phrases(effectWords[id])[0]?.join(' ') ?? '';
      const { scene } = one({ audio: { ambience: [], events: [{ label: first, startMs: 1500, endMs: null }] } });
      expect([id, scene.cues.map((c) => [c.effect, c.atMs])]).toEqual([id, [[id, 1500]]]);
    }
  });
});

describe('interpret: words', () => {
  test('undoes inflections and reads synonyms', () => {
    for (const text of [
      'She slams the door',
      'She slammed the door',
      'She is slamming the door',
      'she bangs shut the door',
    ]) {
      const door = one({ scene: text }).scene.entities.find((e) => e.actions.some((a) => a.verb === 'slam'));
      expect([text, door?.actions[0]?.target]).toEqual([text, 'door']);
    }
    expect(one({ scene: 'children run' }).scene.entities[0]?.element).toBe('child');
    expect(one({ scene: 'puppies' }).scene.entities[0]?.element).toBe('dog');
    expect(one({ scene: 'a kitten' }).scene.entities[0]?.element).toBe('cat');
    expect(one({ scene: 'a taxi drives past' }).scene.entities[0]?.actions[0]?.verb).toBe('drive');
    expect(one({ scene: 'a taxi drives past' }).scene.entities[0]).toMatchObject({ element: 'car', noun: 'taxi' });
    expect(one({ scene: 'A man walks toward the camera.' }).scene.entities[0]?.actions[0]?.heading).toBe('toward');
    expect(one({ scene: 'A woman runs towards us.' }).scene.entities[0]?.actions[0]?.heading).toBe('toward');
    expect(one({ scene: 'A dog runs off into the distance.' }).scene.entities[0]?.actions[0]?.heading).toBe('away');
    expect(one({ scene: 'A man walks across a field.' }).scene.entities[0]?.actions[0]?.heading).toBeUndefined();
    expect(one({ scene: 'Toward the camera.' }).notUnderstood.map((n) => n.text)).toEqual(['Toward the camera']);
    expect(one({ camera: 'Static wide shot at eye level.' }).notUnderstood).toEqual([]);
    expect(one({ motion: 'leaves are fluttering down' }).scene.environment.leaves).toBeGreaterThan(0);
    expect(one({ scene: 'the balloon floated away' }).scene.entities[0]?.actions[0]?.verb).toBe('rise');
  });

  test('counts and colours', () => {
    const balloon = one({ scene: 'Three red balloons rise' }).scene.entities[0];
    expect(balloon?.count).toBe(3);
    expect(balloon?.color).toMatch(/^#/);
    expect(one({ scene: 'birds fly over the lake' }).scene.entities[0]?.count).toBeGreaterThan(1);
  });

  test('times an action that names its moment', () => {
    const door = one({ scene: 'A man slams the door at 00:05.' }).scene.entities.find((e) => e.key === 'man');
    expect(door?.actions[0]?.atMs).toBe(5000);
  });

  test('removes what the negatives name, including what a setting brings', () => {
    const plain = one({ scene: 'A riverside at dusk' }).scene;
    expect(plain.environment.trees).toBeGreaterThan(0);
    const without = one({ scene: 'A riverside at dusk', negative: ['trees', 'mountains'] }).scene;
    expect(without.environment.trees).toBeUndefined();
    expect(without.environment.mountains).toBeUndefined();
    const noRain = one({ scene: 'A girl in the rain', negative: ['rain'] }).scene;
    expect(noRain.environment.rain).toBeUndefined();
    expect(noRain.weather).toBe('clear');
    const noDog = one({ scene: 'A girl and a dog on a beach', negative: ['dogs'] }).scene;
    expect(noDog.entities.map((e) => e.key)).toEqual(['girl']);
    expect(one({ scene: 'A street with no cars' }).scene.entities).toEqual([]);
    expect(one({ style: 'warm', negative: ['grain', 'vignette'] }).scene.style).toMatchObject({
      grain: 0,
      vignette: 0,
    });
  });

  test('reports what it does not understand, and stages unknown subjects as labelled stand-ins', () => {
    const { scene, notUnderstood } = one({ scene: 'A robot juggles purple spheres beside a zeppelin.' });
    const keys = scene.entities.map((e) => [e.key, e.element, e.standIn]);
    expect(keys).toContainEqual(['robot', null, 'block']);
    expect(keys).toContainEqual(['zeppelin', null, 'block']);
    expect(scene.entities.find((e) => e.key === 'spheres')?.color).toMatch(/^#/);
    expect(notUnderstood.map((n) => n.text)).toEqual(
      expect.arrayContaining(['robot', 'juggles', 'spheres', 'zeppelin']),
    );
    const juggler = one({ scene: 'A juggler wobbles past.' });
    expect(juggler.scene.entities[0]).toMatchObject({ key: 'juggler', standIn: 'figure' });
    expect(juggler.notUnderstood.map((n) => n.text)).toContain('wobbles');
  });

  test('reports unknown words in every field', () => {
    const { notUnderstood } = one({
      camera: 'slow dutch push in',
      style: 'warm, vaporwave',
      audio: { ambience: ['theremin drone'], events: [{ label: 'kazoo', startMs: 500, endMs: null }] },
    });
    const byField = notUnderstood.map((n) => `${n.field}:${n.text}`);
    expect(byField).toEqual(
      expect.arrayContaining(['camera:dutch', 'style:vaporwave', 'ambience:theremin', 'event:kazoo']),
    );
  });

  test('a sound that happens once plays once when named in the ambience; one sentence is one sound', () => {
    const slam = one({ scene: 'A door slams.', audio: { ambience: ['A door slams'], events: [] } }).scene;
    expect(slam.cues.map((c) => [c.effect, c.repeat])).toEqual([['doorSlam', false]]);
    const barks = one({ audio: { ambience: ['A dog barks'], events: [] } }).scene;
    expect(barks.cues.map((c) => [c.effect, c.repeat])).toEqual([['dogBark', true]]);
    const thunder = one({ audio: { ambience: ['Thunder rumbles in the distance'], events: [] } });
    expect(thunder.scene.cues.map((c) => c.effect)).toEqual(['thunder']);
    expect(thunder.notUnderstood).toEqual([]);
    const two = one({ audio: { ambience: ['dogs bark and a bell tolls'], events: [] } }).scene;
    expect(two.cues.map((c) => c.effect)).toEqual(['dogBark', 'bell']);
  });

  test('marks an unknown sound event with a stand-in so its time stays audible', () => {
    const { scene } = one({ audio: { ambience: [], events: [{ label: 'kazoo solo', startMs: 500, endMs: null }] } });
    expect(scene.cues).toMatchObject([{ standIn: true, atMs: 500, label: 'kazoo solo' }]);
  });

  test('gives each speaker a figure, reusing one the scene names', () => {
    const { scene } = one({
      scene: 'A girl stands on a beach.',
      dialogue: [
        { atMs: 500, speaker: 'Girl', line: 'Look!' },
        { atMs: 2500, speaker: 'Ben', line: 'I see it.' },
      ],
    });
    expect(scene.dialogue.map((d) => d.entity)).toEqual(['girl', 'ben']);
    expect(scene.entities.find((e) => e.key === 'ben')?.name).toBe('Ben');
  });

  test('speaks a timed sound that is someone speaking, at its time, by the figure it names', () => {
    const { scene, notUnderstood } = one({
      scene: 'A woman stands in a kitchen.',
      audio: {
        ambience: [],
        events: [
          { label: 'a kettle whistles', startMs: 1000, endMs: null },
          { label: 'a woman says "Tea\'s ready"', startMs: 3000, endMs: null },
          { label: 'Mia whispers: "Go."', startMs: 4000, endMs: null },
        ],
      },
    });
    expect(scene.dialogue).toEqual([
      { atMs: 3000, speaker: 'woman', entity: 'woman', line: "Tea's ready" },
      { atMs: 4000, speaker: 'Mia', entity: 'mia', line: 'Go.' },
    ]);
    expect(scene.cues.map((c) => c.effect)).toEqual(['kettleWhistle']);
    expect(notUnderstood).toEqual([]);
  });

  test('infers night from stars or a moon, dusk from fireflies, and keeps the word that named the place', () => {
    expect(one({ scene: 'A campfire in the desert under the stars' }).scene.timeOfDay).toBe('night');
    expect(one({ scene: 'A full moon over the lake' }).scene.timeOfDay).toBe('night');
    expect(one({ scene: 'Fireflies over a meadow' }).scene.timeOfDay).toBe('dusk');
    expect(one({ scene: 'A long hallway' }).scene.settingWord).toBe('hallway');
  });

  test('lets named speakers take the places of an unnamed group, with its actions', () => {
    const { scene } = one({
      scene: 'Two people sit on a bench.',
      dialogue: [
        { atMs: 0, speaker: 'Ana', line: 'Hi.' },
        { atMs: 1000, speaker: 'Ben', line: 'Hello.' },
      ],
    });
    const figures = scene.entities.filter((e) => e.element === 'person');
    expect(figures.map((e) => [e.key, e.actions.map((a) => a.verb)])).toEqual([
      ['ana', ['sit']],
      ['ben', ['sit']],
    ]);
  });

  test('is deterministic and keeps shot spans', () => {
    const input = {
      shots: [emptyShot({ ...seedShot, durationMs: 3000 }), emptyShot({ scene: 'a beach', durationMs: 2000 })],
    };
    expect(interpret(input)).toEqual(interpret(input));
    expect(interpret(input).shots.map((s) => [s.startMs, s.durationMs])).toEqual([
      [0, 3000],
      [3000, 2000],
    ]);
  });
});

describe('interpret: who a figure is', () => {
  test('reads gender from the noun, a title or a common given name, and leaves the rest open', () => {
    const cases: [string, ReturnType<typeof figureGender>][] = [
      ['the old man', 'masculine'],
      ['a young girl', 'feminine'],
      ['Mrs Hale', 'feminine'],
      ['Mr. Okafor', 'masculine'],
      ['Ben', 'masculine'],
      ['Ana', 'feminine'],
      ['Ben Ortiz', 'masculine'],
      ['Sam', null],
      ['Kai', null],
      ['the cyclist', null],
    ];
    expect(cases.map(([label]) => [label, figureGender(label)])).toEqual(cases);
  });
});

describe('interpret: a Style carried on to later shots', () => {
  test('its words not understood are reported once, for the shot that wrote them', () => {
    const style = 'Moonlight, warm.';
    const result = interpret({
      shots: [
        emptyShot({ scene: 'a kitchen', style }),
        emptyShot({ scene: 'a garden', style }),
        emptyShot({ scene: 'a beach', style: 'Moonlight, cold.' }),
      ],
    });
    expect(result.notUnderstood.filter((n) => n.field === 'style').map((n) => [n.shot, n.text])).toEqual([
      [0, 'Moonlight'],
      [2, 'Moonlight'],
    ]);
    // What was understood still counts for each shot: the carried Style still looks warm there.
    expect(result.understood.filter((n) => n.field === 'style').map((n) => n.shot)).toEqual([0, 1, 2]);
  });
});

import { describe, expect, test } from 'vitest';
import { parse } from './parse';
import { readProse, type ProseTarget } from './prose';

function route(text: string): [ProseTarget, string][] {
  return readProse([{ text, from: 0 }]).phrases.map((p) => [p.target, p.text]);
}

function shot(text: string, i = 0) {
  const s = parse(text).doc.shots[i];
  if (!s) throw new Error(`no shot ${i}`);
  return s;
}

describe('routing free prose to fields', () => {
  test('camera language that opens a clause goes to Camera, its subject to Scene', () => {
    expect(route('Aerial drone shot of a coastline at sunset')).toEqual([
      ['camera', 'Aerial drone shot'],
      ['scene', 'a coastline at sunset'],
    ]);
    expect(route('The camera slowly pushes in on her face')).toEqual([
      ['camera', 'The camera slowly pushes in'],
      ['scene', 'her face'],
    ]);
    expect(route('Tracking shot following a cyclist through Paris')).toEqual([
      ['camera', 'Tracking shot following'],
      ['scene', 'a cyclist through Paris'],
    ]);
    expect(route('A drone flies over the valley')).toEqual([
      ['camera', 'A drone flies'],
      ['scene', 'over the valley'],
    ]);
  });

  test('a clause of camera words alone is Camera, and a speed word after it stays with it', () => {
    expect(route('A man waits by the door, low angle, handheld, slow')).toEqual([
      ['scene', 'A man waits by the door'],
      ['camera', 'low angle'],
      ['camera', 'handheld'],
      ['camera', 'slow'],
    ]);
    expect(route('A fox trots through snow, FPV, dolly zoom, orbit, crane up, tilt down, pull-back, POV')).toEqual([
      ['scene', 'A fox trots through snow'],
      ...['FPV', 'dolly zoom', 'orbit', 'crane up', 'tilt down', 'pull-back', 'POV'].map(
        (w) => ['camera', w] as [ProseTarget, string],
      ),
    ]);
  });

  test('a camera word in the scenery does not open a camera phrase', () => {
    expect(route('Wide golden fields stretch to the hills')).toEqual([
      ['scene', 'Wide golden fields stretch to the hills'],
    ]);
    expect(route('A dog following its owner')).toEqual([['scene', 'A dog following its owner']]);
  });

  test('sounds: labels, openings and "the sound of" inside a clause', () => {
    expect(route('SFX: glass shatters, a dog barks')).toEqual([['audio', 'glass shatters, a dog barks']]);
    expect(route('We hear the distant rumble of thunder')).toEqual([['audio', 'distant rumble of thunder']]);
    expect(route('The sound of rain on a tin roof')).toEqual([['audio', 'rain on a tin roof']]);
    expect(route('Waves roll onto the beach with the sound of gulls overhead')).toEqual([
      ['scene', 'Waves roll onto the beach'],
      ['audio', 'gulls overhead'],
    ]);
    expect(route('Music: a slow piano melody')).toEqual([['audio', 'a slow piano melody']]);
  });

  test('a sound sentence goes to Audio, and stays in Scene when its subject is something seen', () => {
    expect(route('Waves crash below')).toEqual([
      ['scene', 'Waves crash below'],
      ['audio', 'Waves crash below'],
    ]);
    expect(route('A keeper opens the door; a door slams at 00:02')).toEqual([
      ['scene', 'A keeper opens the door'],
      ['scene', 'a door slams at 00:02'],
      ['audio', 'a door slams at 00:02'],
    ]);
    for (const s of ['A dog barks', 'Church bells ring', 'The old floorboards creak', 'A kettle hisses']) {
      expect(
        route(s).map(([t]) => t),
        s,
      ).toContain('audio');
    }
  });

  test('a sound only heard leaves the Scene with its own words, and the rest stays', () => {
    expect(route('Thunder rumbles in the distance')).toEqual([['audio', 'Thunder rumbles in the distance']]);
    expect(route('Tires screech as the car drifts around a corner')).toEqual([
      ['audio', 'Tires screech'],
      ['scene', 'as the car drifts around a corner'],
    ]);
    expect(route('A cruiser close behind with sirens wailing')).toEqual([
      ['scene', 'A cruiser close behind'],
      ['audio', 'sirens wailing'],
    ]);
  });

  test('two verbs share a subject; a sound named as a noun counts only when it is timed', () => {
    expect(route('as seagulls wheel and scream overhead')).toContainEqual([
      'audio',
      'seagulls wheel and scream overhead',
    ]);
    expect(route('A loud bang at 00:03')).toEqual([
      ['scene', 'A loud bang at 00:03'],
      ['audio', 'A loud bang at 00:03'],
    ]);
    expect(route('The bark of an old oak')).toEqual([['scene', 'The bark of an old oak']]);
    expect(route('A diamond ring sparkles')).toEqual([['scene', 'A diamond ring sparkles']]);
    expect(route('Waves crashing against the rocks')).toContainEqual(['audio', 'Waves crashing']);
  });

  test('"low angle" and "whip pan" open camera language before the clause they are about', () => {
    expect(route('Low angle as the bike speeds past the camera, then a whip pan to follow it')).toEqual([
      ['camera', 'Low angle'],
      ['scene', 'as the bike speeds past the camera'],
      ['camera', 'then a whip pan'],
      ['scene', 'to follow it'],
    ]);
  });

  test('a timed sentence without a sound stays in Scene, and a clock time is no moment of the shot', () => {
    expect(route('At 3 s a book falls from a shelf')).toEqual([['scene', 'At 3 s a book falls from a shelf']]);
    expect(route('The alarm clock rings at 07:30')).toEqual([
      ['scene', 'The alarm clock rings at 07:30'],
      ['audio', 'The alarm clock rings'],
    ]);
  });

  test('a sound timed before it, in brackets, after an @ or over a span is a timed Audio direction', () => {
    const audio = shot(
      'A church at noon. [00:02] A bell rings. A dog barks @ 00:03. 00:04 – a door slams. 00:05, a gong sounds. A kettle whistles from 00:01 to 00:03.',
    ).audio;
    expect(audio).toEqual({
      ambience: [],
      events: [
        { label: 'A bell rings', startMs: 2000, endMs: null },
        { label: 'A dog barks', startMs: 3000, endMs: null },
        { label: 'a door slams', startMs: 4000, endMs: null },
        { label: 'a gong sounds', startMs: 5000, endMs: null },
        { label: 'A kettle whistles', startMs: 1000, endMs: 3000 },
      ],
    });
    // An hour of the day is still no moment of the shot.
    expect(shot('07:30 – the alarm clock rings.').audio).toEqual({ ambience: ['the alarm clock rings'], events: [] });
  });

  test('style and era words go to Style, in a clause of their own or after "in the style of"', () => {
    expect(route('A diner at night, cinematic, 35mm film grain, 1970s, moody lighting')).toEqual([
      ['scene', 'A diner at night'],
      ['style', 'cinematic'],
      ['style', '35mm film grain'],
      ['style', '1970s'],
      ['style', 'moody lighting'],
    ]);
    expect(route('A kid rides a bike in the style of a Wes Anderson film')).toEqual([
      ['scene', 'A kid rides a bike'],
      ['style', 'in the style of a Wes Anderson film'],
    ]);
    expect(route('Style: watercolor, soft pastel tones')).toEqual([['style', 'watercolor, soft pastel tones']]);
  });

  test('speech: Name: "line", Name says "line", the X whispers "line", with or without a time', () => {
    const r = readProse([
      { text: 'Mia: "We are late." Then Ben says "Run!" The old man whispers, "Wait." [00:04] Ana: "Go."', from: 0 },
    ]);
    expect(r.dialogue.map((d) => [d.speaker, d.line, d.atMs])).toEqual([
      ['Mia', 'We are late.', null],
      ['Ben', 'Run!', null],
      ['The old man', 'Wait.', null],
      ['Ana', 'Go.', 4000],
    ]);
    expect(r.phrases.filter((p) => p.target !== 'dialogue')).toEqual([]);
  });

  test('a moment written after the line times it, and is no part of the scene', () => {
    const r = readProse([
      {
        text: 'A woman stands in a kitchen. She says "Dinner is ready." at 00:03. Tom replies, "Coming!" at 4.5 seconds. Ana: "Now." @ 6s',
        from: 0,
      },
    ]);
    expect(r.dialogue.map((d) => [d.speaker, d.line, d.atMs])).toEqual([
      ['She', 'Dinner is ready.', 3000],
      ['Tom', 'Coming!', 4500],
      ['Ana', 'Now.', 6000],
    ]);
    expect(r.phrases.filter((p) => p.target !== 'dialogue').map((p) => p.text)).toEqual([
      'A woman stands in a kitchen',
    ]);
  });

  test('a moment before the speaker times the line too, and a pronoun can speak', () => {
    const r = readProse([
      { text: 'A man in an office. At 00:05, he says "Now." At 6s She says: "Later." @ 7s they shout "Go!"', from: 0 },
    ]);
    expect(r.dialogue.map((d) => [d.speaker, d.line, d.atMs])).toEqual([
      ['He', 'Now.', 5000],
      ['She', 'Later.', 6000],
      ['They', 'Go!', 7000],
    ]);
    expect(r.phrases.filter((p) => p.target !== 'dialogue').map((p) => p.text)).toEqual(['A man in an office']);
  });

  test('more words from the same speaker are lines of theirs, each with its own moment', () => {
    const r = readProse([
      {
        text: 'He says "Now" at 00:05 and "Later" at 00:07. She says "One," then "Two." at 00:09. A dog sleeps.',
        from: 0,
      },
    ]);
    expect(r.dialogue.map((d) => [d.speaker, d.line, d.atMs])).toEqual([
      ['He', 'Now', 5000],
      ['He', 'Later', 7000],
      ['She', 'One,', null],
      ['She', 'Two.', 9000],
    ]);
    expect(r.phrases.filter((p) => p.target !== 'dialogue').map((p) => p.text)).toEqual(['A dog sleeps']);
  });

  test('"the", "then" and "other" hold no pronoun that speaks', () => {
    const r = readProse([{ text: 'The other says "Hi." Then he nods.', from: 0 }]);
    expect(r.dialogue.map((d) => d.speaker)).toEqual(['The other']);
  });

  test('a clock time of day after a line is not a moment in the shot', () => {
    const r = readProse([{ text: 'Mia says "Good morning." at 07:30 sharp in the hall.', from: 0 }]);
    expect(r.dialogue.map((d) => [d.speaker, d.atMs])).toEqual([['Mia', null]]);
    expect(r.phrases.filter((p) => p.target !== 'dialogue').map((p) => p.text)).toEqual(['at 07:30 sharp in the hall']);
  });

  test('speakers and words with accents are read whole: Élodie, Zoë, the café', () => {
    const r = readProse([{ text: 'Élodie: "Encore un café?" Zoë says "Non, merci." The café owner laughs.', from: 0 }]);
    expect(r.dialogue.map((d) => [d.speaker, d.line])).toEqual([
      ['Élodie', 'Encore un café?'],
      ['Zoë', 'Non, merci.'],
    ]);
    expect(r.phrases.filter((p) => p.target !== 'dialogue').map((p) => p.text)).toEqual(['The café owner laughs']);
  });

  test('keeps where each phrase was written, across lines', () => {
    const text = 'First line here\nand drone shot';
    const r = parse(text).source.shots[0]?.prose ?? [];
    for (const p of r) expect(text.slice(p.span.from, p.span.to).replace(/\s+/g, ' ')).toBe(p.text);
  });

  test('nothing is dropped: every word lands in a phrase, apart from "of"/"on" joining a camera to its subject', () => {
    const text =
      'Close-up of a baker kneading dough at dawn, warm light, with the sound of a radio. ' +
      'The camera pulls back to reveal the bakery. Cinematic. Mia: "Morning!"';
    const phrases = readProse([{ text, from: 0 }]).phrases;
    const covered = phrases.map((p) => p.text.toLowerCase()).join(' ');
    const words = text.toLowerCase().match(/[a-z!-]+/g) ?? [];
    const missing = words.filter((w) => !covered.includes(w) && !['of', 'on', 'the', 'sound', 'with'].includes(w));
    expect(missing).toEqual([]);
  });
});

describe('prose in the prompt', () => {
  test('a prompt with no keys is the scene of one shot, with its camera, sound and style routed', () => {
    const s = shot(
      'A slow aerial drone shot glides over a misty pine forest at dawn. A red truck winds along a dirt road. ' +
        'We hear birdsong. Cinematic, 35mm film.',
    );
    expect(s).toMatchObject({
      scene: 'over a misty pine forest at dawn. A red truck winds along a dirt road',
      camera: 'A slow aerial drone shot glides',
      style: 'Cinematic, 35mm film',
      audio: { ambience: ['birdsong'], events: [] },
    });
  });

  test('a Style line at the top does not swallow the paragraph below it', () => {
    const s = shot('Style: noir, high contrast\n\nA detective lights a cigarette under a streetlamp.\n');
    expect(s.style).toBe('noir, high contrast');
    expect(s.scene).toBe('A detective lights a cigarette under a streetlamp');
  });

  test('segment marks become shots of that length, each read as prose', () => {
    const doc = parse('[00:00-00:02] Wide shot: a harbor at dawn. SFX: gulls\n[00:02-00:05] Close-up of a sailor.').doc;
    expect(doc.shots.map((s) => [s.scene, s.camera, s.durationMs, s.audio.ambience])).toEqual([
      ['a harbor at dawn', 'Wide shot', 2000, ['gulls']],
      ['a sailor', 'Close-up', 3000, []],
    ]);
  });

  test('sound sentences in prose become timed Audio events and ambience, and the seen ones stay in the Scene', () => {
    const s = shot(
      'A stormy coast at night. Waves crash below. A door slams at 00:02. Thunder rumbles in the distance.',
    );
    expect(s.scene).toBe('A stormy coast at night. Waves crash below. A door slams at 00:02');
    expect(s.audio).toEqual({
      ambience: ['Waves crash below', 'Thunder rumbles in the distance'],
      events: [{ label: 'A door slams', startMs: 2000, endMs: null }],
    });
  });

  test('untimed lines are spoken one after another at a natural pace, in prose and under Dialogue', () => {
    const prose = shot('Mia: "We are late again."\nBen: "Then run."\nMia: "Fine."');
    expect(prose.dialogue).toEqual([
      { atMs: 500, speaker: 'Mia', line: 'We are late again.' },
      { atMs: 2400, speaker: 'Ben', line: 'Then run.' },
      { atMs: 3500, speaker: 'Mia', line: 'Fine.' },
    ]);
    const keyed = shot('Scene: a kitchen\nDialogue: Mia: "We are late again."\nBen: "Then run."\n');
    expect(keyed.dialogue.map((d) => d.atMs)).toEqual([500, 2400]);
  });

  test('the lint warning names where each part went and the quick fix writes it keyed', () => {
    const text = 'A girl flies a kite on a hill, wide shot, we hear wind. Style: watercolor';
    const result = parse(text);
    const d = result.diagnostics.find((x) => x.code === 'text-outside-key');
    expect(d?.message).toBe(
      'This text is under no key, so the engine reads it as prose: "wide shot" as Camera, "wind" as Audio, "watercolor" as Style, and the rest as the Scene.',
    );
    expect(d?.fixes[0]?.insert).toBe(
      'Scene: A girl flies a kite on a hill\nCamera: wide shot\nAudio: wind\nStyle: watercolor\n',
    );
  });
});

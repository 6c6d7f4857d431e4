/** How prompts as creators write them are read: a fragment in, the reading out. */
import { describe, expect, test } from 'vitest';
import { parse } from './parse';

function shot(text: string, i = 0) {
  const s = parse(text).doc.shots[i];
  if (!s) throw new Error(`no shot ${i}`);
  return s;
}

describe('timed sounds', () => {
  test('a unit written apart from its number reads like one written with it', () => {
    expect(shot('Scene: a harbour\nAudio: foghorn at 3 s').audio.events).toEqual([
      { label: 'foghorn', startMs: 3000, endMs: null },
    ]);
    expect(shot('Audio: thunder at 2.5 seconds.').audio.events).toEqual([
      { label: 'thunder', startMs: 2500, endMs: null },
    ]);
    expect(shot('Audio: a bell from 1 s to 3 s').audio.events).toEqual([
      { label: 'a bell', startMs: 1000, endMs: 3000 },
    ]);
    expect(parse('Audio: foghorn at 3 s').diagnostics.map((d) => d.code)).toEqual([]);
  });

  test('two timed sounds in one sentence keep both, in prose and under Audio', () => {
    const both = [
      { label: 'a door slams', startMs: 2000, endMs: null },
      { label: 'a dog barks', startMs: 4000, endMs: null },
    ];
    expect(shot('In the hall a door slams at 2s and a dog barks at 4s.').audio.events).toEqual(both);
    expect(shot('Audio: a door slams at 2s and a dog barks at 4s').audio.events).toEqual(both);
    // An "and" inside one sound's name does not split it.
    expect(shot('Audio: rain and wind at 2s').audio.events).toEqual([
      { label: 'rain and wind', startMs: 2000, endMs: null },
    ]);
  });
});

describe('dialogue', () => {
  test('two speakers on one Dialogue line become two lines in order', () => {
    expect(shot('Scene: a kitchen\nDialogue: Anna: "Go." Ben: "Now?"').dialogue).toEqual([
      { atMs: 500, speaker: 'Anna', line: 'Go.' },
      { atMs: 1400, speaker: 'Ben', line: 'Now?' },
    ]);
    expect(shot('Dialogue: [00:01] Anna: “Go.” [00:03] Ben: “Now?”').dialogue).toEqual([
      { atMs: 1000, speaker: 'Anna', line: 'Go.' },
      { atMs: 3000, speaker: 'Ben', line: 'Now?' },
    ]);
    expect(parse('Dialogue: Anna: "Go." Ben: "Now?"').diagnostics).toEqual([]);
  });
});

describe('negatives inside prose', () => {
  test('an inline Negative: or Avoid: goes to Negative, not the scene', () => {
    const s = shot('A fox runs through the snowy forest. Negative: blur, watermark. Avoid: people.');
    expect(s.scene).toBe('A fox runs through the snowy forest');
    expect(s.negative).toEqual(['blur', 'watermark', 'people']);
  });

  test('a closing list of exclusions goes to Negative', () => {
    const s = shot('A cat sleeps on a sofa by the window. No text, no logos.');
    expect(s.scene).toBe('A cat sleeps on a sofa by the window');
    expect(s.negative).toEqual(['No text', 'no logos']);
    expect(shot('A cat sleeps on a sofa. No watermarks.').negative).toEqual(['No watermarks']);
  });

  test('a sentence that only starts with "no" stays in the scene', () => {
    expect(shot('No one walks the empty street. A dog sleeps.').negative).toEqual([]);
    expect(shot('No rain falls on the dry field.').scene).toBe('No rain falls on the dry field');
  });
});

describe('Shot headings in prose', () => {
  test('"Shot 1:" and "Shot 2 —" start shots, and their words are that shot\'s text', () => {
    const { doc } = parse(
      'Shot 1: A woman walks along a beach at dawn.\nShot 2 — A dog runs across the sand, wide shot.',
    );
    expect(doc.shots.map((s) => [s.scene, s.camera])).toEqual([
      ['A woman walks along a beach at dawn', ''],
      ['A dog runs across the sand', 'wide shot'],
    ]);
  });

  test("prose under a heading follows the heading's words", () => {
    const { doc } = parse('Shot 1: A lighthouse at dusk.\nThe lamp turns slowly.\nShot 2: A boat rocks.');
    expect(doc.shots.map((s) => s.scene)).toEqual(['A lighthouse at dusk. The lamp turns slowly', 'A boat rocks']);
  });

  test('a heading over a shot with its own Scene stays its title only', () => {
    const { doc } = parse('Shot 1: The chase\nScene: a fox runs through snow');
    expect(doc.shots.map((s) => [s.title, s.scene])).toEqual([['The chase', 'a fox runs through snow']]);
  });
});

describe('segment marks', () => {
  test('a time inside [00:04-00:08] is on the clip clock, and the segment is a shot', () => {
    const { doc } = parse(
      '[00:00-00:04] A lighthouse on a cliff at dusk.\n[00:04-00:08] Rain on the sea, thunder at 00:05.',
    );
    expect(doc.shots.map((s) => [s.scene, s.durationMs, s.audio.events])).toEqual([
      ['A lighthouse on a cliff at dusk', 4000, []],
      ['Rain on the sea', 4000, [{ label: 'thunder', startMs: 1000, endMs: null }]],
    ]);
  });

  test('timed speech inside a segment is on the clip clock too', () => {
    const { doc } = parse('[00:00-00:03] A quiet pier.\n[00:03-00:08] [00:05] Mia: "There it is."');
    expect(doc.shots[1]?.dialogue).toEqual([{ atMs: 2000, speaker: 'Mia', line: 'There it is.' }]);
  });

  test('a clip-clock time kept in the Scene is on the shot clock; an hour on a clock face is not', () => {
    const { doc } = parse(
      '[00:00-00:02] A hallway, a man waits.\n[00:02-00:05] At 00:03 a door opens. The wall clock reads 07:30.',
    );
    expect(doc.shots[1]?.scene).toBe('At 00:01 a door opens. The wall clock reads 07:30');
  });

  test('a time in seconds inside the segment is clip time too; one outside it counts from the segment start', () => {
    const { doc } = parse(
      '[00:00-00:02] A quiet street at night.\n[00:02-00:06] At 3s the door slams. At 1s a cat jumps. A bell rings at 5 seconds.',
    );
    const shot = doc.shots[1];
    expect(shot?.scene).toBe('At 1s the door slams. At 1s a cat jumps');
    expect(shot?.audio.events).toEqual([
      { label: 'the door slams', startMs: 1000, endMs: null },
      { label: 'A bell rings', startMs: 3000, endMs: null },
    ]);
  });

  test('a sound timed before its subject, with or without a comma, is a timed sound', () => {
    const { doc } = parse('A man walks to a door. At 3s the door slams. At 00:04, a dog barks.');
    expect(doc.shots[0]?.audio).toEqual({
      ambience: [],
      events: [
        { label: 'the door slams', startMs: 3000, endMs: null },
        { label: 'a dog barks', startMs: 4000, endMs: null },
      ],
    });
  });
});

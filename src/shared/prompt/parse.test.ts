import { describe, expect, test } from 'vitest';
import { MAX_DIAGNOSTICS, type Diagnostic, type QuickFix } from './diagnostics';
import { format } from './format';
import { MAX_PROMPT_CHARS, parse } from './parse';
import { emptyShot, PromptDoc, type Shot } from './types';
import { LANTERN_SHOT } from '../../../test/prompt/examples';

function applyFix(text: string, fix: QuickFix): string {
  return text.slice(0, fix.from) + fix.insert + text.slice(fix.to);
}

function only(diagnostics: Diagnostic[], code: Diagnostic['code']): Diagnostic {
  const found = diagnostics.filter((d) => d.code === code);
  expect(found, `expected exactly one ${code} in ${JSON.stringify(diagnostics.map((d) => d.code))}`).toHaveLength(1);
  const [first] = found;
  if (!first) throw new Error('unreachable');
  return first;
}

function shotAt(text: string, i: number): Shot {
  const shot = parse(text).doc.shots[i];
  if (!shot) throw new Error(`no shot ${i}`);
  return shot;
}

const LANTERN = `${LANTERN_SHOT}---
Scene: The lantern drifts over the water.
`;

describe('parse: the documented format', () => {
  test('reads the issue example into the full structure', () => {
    const { doc, diagnostics } = parse(LANTERN);
    expect(diagnostics).toEqual([]);
    expect(doc).toEqual<PromptDoc>({
      title: 'Lantern at dusk',
      size: null,
      shots: [
        {
          title: null,
          scene: 'A young girl releases a lantern by a riverside at dusk.',
          camera: 'Slow push-in, 50mm depth-of-field, hand-held feel.',
          motion: 'Hair gently moves; lantern rises; ripples form.',
          audio: {
            ambience: ['Crickets in the background'],
            events: [
              { label: 'soft water splash', startMs: 3000, endMs: null },
              { label: 'wind chime', startMs: 6000, endMs: null },
            ],
          },
          dialogue: [{ atMs: 2000, speaker: 'Girl', line: 'Go on, fly!' }],
          style: 'Soft lighting, warm tones, no grain, subtle vignette.',
          negative: ['no close-ups', 'no product logos'],
          inherited: { style: false, negative: false },
          durationMs: 8000,
        },
        {
          ...emptyShot(),
          scene: 'The lantern drifts over the water.',
          style: 'Soft lighting, warm tones, no grain, subtle vignette.',
          negative: ['no close-ups', 'no product logos'],
          inherited: { style: true, negative: true },
        },
      ],
    });
    expect(PromptDoc.safeParse(doc).success).toBe(true);
  });

  test('reads keys in any case', () => {
    const shot = shotAt('SCENE: a\ncamera: b\nMoTiOn: c\nnegative prompt: no d\n', 0);
    expect([shot.scene, shot.camera, shot.motion, shot.negative]).toEqual(['a', 'b', 'c', ['no d']]);
  });

  test('continues a value on the following lines, across blank lines', () => {
    const shot = shotAt('Scene: A girl\n  walks to the river\n\n  and stops.\nCamera: wide\n', 0);
    expect(shot.scene).toBe('A girl walks to the river and stops.');
    expect(shot.camera).toBe('wide');
  });

  test('splits shots on --- and on Shot N headings, with or without a title', () => {
    const { doc } = parse('Scene: a\n---\nScene: b\nShot 3\nScene: c\nShot 4: Rooftop\nScene: d\n');
    expect(doc.shots.map((s) => [s.title, s.scene])).toEqual([
      [null, 'a'],
      [null, 'b'],
      [null, 'c'],
      ['Rooftop', 'd'],
    ]);
  });

  test('treats --- followed by a heading as one cut, and a leading --- or heading as the first shot', () => {
    expect(parse('---\nScene: a\n---\nShot 2: Roof\nScene: b\n').doc.shots.map((s) => [s.title, s.scene])).toEqual([
      [null, 'a'],
      ['Roof', 'b'],
    ]);
    expect(parse('Title: T\nShot 1: Open\nScene: a\n').doc.shots.map((s) => s.title)).toEqual(['Open']);
  });

  test('accepts Shot N - title and Shot N. title headings', () => {
    expect(parse('Shot 1 - Open\nScene: a\nShot 2. Close\nScene: b').doc.shots.map((s) => s.title)).toEqual([
      'Open',
      'Close',
    ]);
  });

  test('a Style or Negative line before the first shot heading or separator is for every shot, not a shot of its own', () => {
    for (const text of [
      'Style: night, neon\n\nShot 1\nScene: a\n---\nShot 2\nScene: b\n',
      'Style: night, neon\nNegative: text\n---\nScene: a\n---\nScene: b\n',
    ]) {
      const { doc } = parse(text);
      expect(
        doc.shots.map((s) => [s.scene, s.style, s.inherited.style]),
        text,
      ).toEqual([
        ['a', 'night, neon', false],
        ['b', 'night, neon', true],
      ]);
    }
  });

  test('takes Title for the whole prompt wherever it appears', () => {
    const { doc } = parse('Scene: a\n---\nTitle: Late title\nScene: b\n');
    expect(doc.title).toBe('Late title');
    expect(doc.shots).toHaveLength(2);
  });

  test('carries Style and Negative over until a shot sets its own, and lets an empty one stop the carry', () => {
    const { doc } = parse(
      'Scene: a\nStyle: warm\nNegative: no logos\n---\nScene: b\n---\nScene: c\nStyle: cold\n---\nScene: d\nNegative:\n',
    );
    expect(doc.shots.map((s) => [s.style, s.inherited.style, s.negative, s.inherited.negative])).toEqual([
      ['warm', false, ['no logos'], false],
      ['warm', true, ['no logos'], true],
      ['cold', false, ['no logos'], true],
      ['cold', true, [], false],
    ]);
  });

  test('reads timed audio in every natural phrasing, relative to the shot', () => {
    const audio = shotAt(
      'Audio: door slam at 00:05, a door slams at 5s, at 0:05 the door slams, thunder cracks at 2.5s, rain from 00:02 to 00:06, hum until 1m05s, wind between 1s and 2s, birds\n',
      0,
    ).audio;
    expect(audio.events).toEqual([
      { label: 'door slam', startMs: 5000, endMs: null },
      { label: 'a door slams', startMs: 5000, endMs: null },
      { label: 'the door slams', startMs: 5000, endMs: null },
      { label: 'thunder cracks', startMs: 2500, endMs: null },
      { label: 'rain', startMs: 2000, endMs: 6000 },
      { label: 'hum', startMs: 0, endMs: 65_000 },
      { label: 'wind', startMs: 1000, endMs: 2000 },
    ]);
    expect(audio.ambience).toEqual(['birds']);
  });

  test('reads a time written before the sound, in brackets, after an @ or set off at the end', () => {
    const audio = shotAt(
      'Audio: 00:02 a bell rings, [00:02] bell, bell @ 00:02, gong @00:03, 00:02 – chime, 0:02 - knock, at 0:02 a bell, 2s – horn, horn (00:04), siren [3s], whistle – 00:01, [00:02-00:06] rain, 00:01-00:03 wind\n',
      0,
    ).audio;
    expect(audio.events).toEqual([
      { label: 'a bell rings', startMs: 2000, endMs: null },
      { label: 'bell', startMs: 2000, endMs: null },
      { label: 'bell', startMs: 2000, endMs: null },
      { label: 'gong', startMs: 3000, endMs: null },
      { label: 'chime', startMs: 2000, endMs: null },
      { label: 'knock', startMs: 2000, endMs: null },
      { label: 'a bell', startMs: 2000, endMs: null },
      { label: 'horn', startMs: 2000, endMs: null },
      { label: 'horn', startMs: 4000, endMs: null },
      { label: 'siren', startMs: 3000, endMs: null },
      { label: 'whistle', startMs: 1000, endMs: null },
      { label: 'rain', startMs: 2000, endMs: 6000 },
      { label: 'wind', startMs: 1000, endMs: 3000 },
    ]);
    expect(audio.ambience).toEqual([]);
    // Each on its own line of the Audio field too.
    expect(shotAt('Audio:\n[00:02] bell\n00:04 – a dog barks\n', 0).audio.events).toEqual([
      { label: 'bell', startMs: 2000, endMs: null },
      { label: 'a dog barks', startMs: 4000, endMs: null },
    ]);
  });

  test('reads a list item without its marker, in every field and in prose', () => {
    const { doc, diagnostics } = parse(
      [
        '- Scene: a church at noon',
        '- a man waits',
        '• a dog sits.',
        'Style:',
        '* warm light',
        '1. 35mm film',
        'Audio: wind',
        '- a bell rings at 00:02',
        '• a dog barks at 00:03',
        '* thunder @ 00:04',
        '1. a gong sounds at 00:05',
        '2) rain from 1s to 2s',
        'Dialogue:',
        '- [00:01] Ann: "Hi."',
        '',
        '---',
        'A harbour at dusk.',
        '- a foghorn sounds at 00:02',
        '- gulls cry',
      ].join('\n'),
    );
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const [first, second] = doc.shots;
    expect(first?.scene).toBe('a church at noon. a man waits. a dog sits.');
    expect(first?.style).toBe('warm light, 35mm film');
    expect(first?.audio).toEqual({
      ambience: ['wind'],
      events: [
        { label: 'a bell rings', startMs: 2000, endMs: null },
        { label: 'a dog barks', startMs: 3000, endMs: null },
        { label: 'thunder', startMs: 4000, endMs: null },
        { label: 'a gong sounds', startMs: 5000, endMs: null },
        { label: 'rain', startMs: 1000, endMs: 2000 },
      ],
    });
    expect(first?.dialogue).toEqual([{ atMs: 1000, speaker: 'Ann', line: 'Hi.' }]);
    expect(second?.audio.events).toEqual([{ label: 'a foghorn sounds', startMs: 2000, endMs: null }]);
    expect(second?.scene).not.toContain('-');
    // A separator and a time range are no list markers.
    expect(parse('Scene: a\n---\nAudio: 1.5s – bell\n').doc.shots[1]?.audio.events).toEqual([
      { label: 'bell', startMs: 1500, endMs: null },
    ]);
  });

  test('reads an hour of the day or a decade as words, not a time in the shot', () => {
    const { doc, diagnostics } = parse(
      'Audio: a rooster crows at 07:30 in the morning, 07:30 in the morning a kettle, an alarm at 7:30 pm, an alarm at 6:45am, 1970s jazz, 1980s – synth pop, bells @ 9:00 am\n',
    );
    expect(diagnostics).toEqual([]);
    expect(doc.shots[0]?.audio).toEqual({
      ambience: [
        'a rooster crows at 07:30 in the morning',
        '07:30 in the morning a kettle',
        'an alarm at 7:30 pm',
        'an alarm at 6:45am',
        '1970s jazz',
        '1980s – synth pop',
        'bells @ 9:00 am',
      ],
      events: [],
    });
  });

  test('reports a marked time with no sound, or a marked span that ends before it starts', () => {
    const { doc, diagnostics } = parse('Audio: [00:02]; [00:05-00:03] rain\n');
    expect(only(diagnostics, 'event-label-missing')).toMatchObject({ range: { line: 1, column: 8 } });
    expect(only(diagnostics, 'bad-range')).toMatchObject({ severity: 'error' });
    expect(doc.shots[0]?.audio.events).toEqual([{ label: 'rain', startMs: 5000, endMs: null }]);
  });

  test('keeps items without a time as ambience, including "at" that is not a time', () => {
    expect(shotAt('Audio: crickets in the background; wind at dusk\n  distant traffic\n', 0).audio).toEqual({
      ambience: ['crickets in the background', 'wind at dusk', 'distant traffic'],
      events: [],
    });
  });

  test('keeps a sound named in double quotes whole: its commas, semicolons and "at" are its own', () => {
    const { doc, diagnostics } = parse(
      'Audio: "glass, breaking" at 00:02, at 3s "chairs; scraping", "door at 5s" from 1s to 2s, a voice says "hi, there", an open " quote, wind\n',
    );
    expect(diagnostics).toEqual([]);
    expect(doc.shots[0]?.audio).toEqual({
      ambience: ['a voice says "hi, there"', 'an open " quote', 'wind'],
      events: [
        { label: 'glass, breaking', startMs: 2000, endMs: null },
        { label: 'chairs; scraping', startMs: 3000, endMs: null },
        { label: 'door at 5s', startMs: 1000, endMs: 2000 },
      ],
    });
    // A lone quote would pair with a later item's once written, so the schema refuses it.
    expect(PromptDoc.safeParse(doc).success).toBe(false);
    const paired = parse(
      'Audio: "glass, breaking" at 00:02, at 3s "chairs; scraping", "door at 5s" from 1s to 2s, a voice says "hi, there"\n',
    ).doc;
    expect(PromptDoc.safeParse(paired).success).toBe(true);
    expect(format(paired)).toBe(
      'Audio: a voice says "hi, there", "glass, breaking" at 00:02, "chairs; scraping" at 00:03, "door at 5s" from 00:01 to 00:02\n',
    );
    expect(parse(format(paired)).doc).toEqual(paired);
  });

  test('reads several dialogue lines per shot, one per line or per Dialogue: line', () => {
    const shot = shotAt('Dialogue: [00:01] Ann: "Hi."\n[0:02.5] Bo: “Hello, you.”\nDialogue: [3s] Ann: "Bye"\n', 0);
    expect(shot.dialogue).toEqual([
      { atMs: 1000, speaker: 'Ann', line: 'Hi.' },
      { atMs: 2500, speaker: 'Bo', line: 'Hello, you.' },
      { atMs: 3000, speaker: 'Ann', line: 'Bye' },
    ]);
  });

  test('lets a quoted line continue on the next line', () => {
    const { doc, diagnostics } = parse('Dialogue: [00:01] Ann: "Wait\nfor me!"\n');
    expect(diagnostics).toEqual([]);
    expect(doc.shots[0]?.dialogue).toEqual([{ atMs: 1000, speaker: 'Ann', line: 'Wait for me!' }]);
  });

  test('reads Size and Duration', () => {
    const { doc } = parse('Size: 1920 x 1080\nDuration: 1m05s\n');
    expect(doc.size).toEqual({ width: 1920, height: 1080 });
    expect(doc.shots[0]?.durationMs).toBe(65_000);
  });

  test('reports where the text is: source spans for fields, items and shot blocks', () => {
    const text = 'Scene: a\n---\nAudio: x at 1s, wind\nNegative: no y\n';
    const { source } = parse(text);
    const second = source.shots[1];
    expect(source.shots[0]?.block).toEqual({ from: 0, to: 9 });
    expect(second?.header).toEqual({ from: 9, to: 12 });
    expect(second && text.slice(second.events[0]?.from, second.events[0]?.to)).toBe('x at 1s');
    expect(second && text.slice(second.ambience[0]?.from, second.ambience[0]?.to)).toBe('wind');
    expect(second && text.slice(second.negative[0]?.from, second.negative[0]?.to)).toBe('no y');
  });
});

describe('parse: malformed input becomes diagnostics with line and column', () => {
  test('reports an unterminated quote and keeps the words', () => {
    const { doc, diagnostics } = parse('Scene: a\nDialogue: [00:01] Ann: "Wait for me\nCamera: wide\n');
    const d = only(diagnostics, 'unterminated-quote');
    expect(d).toMatchObject({ severity: 'error', range: { line: 2, column: 24 } });
    expect(doc.shots[0]?.dialogue).toEqual([{ atMs: 1000, speaker: 'Ann', line: 'Wait for me' }]);
    expect(doc.shots[0]?.camera).toBe('wide');
  });

  test('a moment written after a line times it; what else follows the quote is named and left out', () => {
    const text = [
      'Dialogue:',
      'Mia: "Hello." at 00:01',
      'Tom: "Hi there." (3s)',
      'Mia: "Ready?" @ 4.5s.',
      '[00:06] Tom: "Go." at 7s',
      'Mia: "See you." at 7:30 pm',
      'Tom: "Wait." Then he leaves.',
      'Duration: 10s',
    ].join('\n');
    const { doc, diagnostics } = parse(text);
    expect(doc.shots[0]?.dialogue.map((d) => [d.atMs, d.line])).toEqual([
      [1000, 'Hello.'],
      [3000, 'Hi there.'],
      [4500, 'Ready?'],
      [6000, 'Go.'],
      // Untimed lines follow the one before at a natural pace.
      [6000 + 600 + 300, 'See you.'],
      [6900 + 800 + 300, 'Wait.'],
    ]);
    expect(diagnostics.map((d) => [d.code, d.severity, d.range.line])).toEqual([
      ['multiple-times', 'warning', 5],
      ['bad-dialogue', 'warning', 6],
      ['bad-dialogue', 'warning', 7],
    ]);
    expect(diagnostics[0]?.message).toContain('already timed at 00:06');
    expect(diagnostics[1]?.message).toContain('“at 7:30 pm” after them is left out');
    expect(diagnostics[2]?.message).toContain('“Then he leaves.” after them is left out');
    expect(diagnostics.some((d) => d.code === 'unterminated-quote')).toBe(false);
  });

  test('several speakers on one line each keep the moment written after their words', () => {
    const lines = (text: string): [number, string, string][] =>
      (parse(`Dialogue: ${text}\nDuration: 10s`).doc.shots[0]?.dialogue ?? []).map((d) => [d.atMs, d.speaker, d.line]);
    expect(lines('Mia: "Hello." at 1s Tom: "Hi." at 5s')).toEqual([
      [1000, 'Mia', 'Hello.'],
      [5000, 'Tom', 'Hi.'],
    ]);
    expect(lines('Mia: "One" at 00:01. Tom: "Two" (5s)')).toEqual([
      [1000, 'Mia', 'One'],
      [5000, 'Tom', 'Two'],
    ]);
    expect(lines('Mia: "One." at 00:03, Tom: "Two." at 00:05')).toEqual([
      [3000, 'Mia', 'One.'],
      [5000, 'Tom', 'Two.'],
    ]);
    // A time in brackets before a speaker is still that speaker's.
    expect(lines('[00:01] Anna: “Go.” [00:03] Ben: “Now?”')).toEqual([
      [1000, 'Anna', 'Go.'],
      [3000, 'Ben', 'Now?'],
    ]);
  });

  test('a moment after the words reads as Audio’s do: spaced units, “(at 3s)”, mixed quote marks; words after it are left out with a warning', () => {
    const { doc, diagnostics } = parse(
      [
        'Dialogue:',
        'Tom: "One." at 1 second',
        'Mia: "Two." at 2.5 s',
        'Tom: "Three." (4 s)',
        'Mia: "Four." (at 5s)',
        'Tom: “Five." at 6s',
        'Mia: "Six.” at 7s, softly',
        'Duration: 10s',
      ].join('\n'),
    );
    expect(doc.shots[0]?.dialogue.map((d) => [d.atMs, d.line])).toEqual([
      [1000, 'One.'],
      [2500, 'Two.'],
      [4000, 'Three.'],
      [5000, 'Four.'],
      [6000, 'Five.'],
      [7000, 'Six.'],
    ]);
    expect(diagnostics.map((d) => [d.code, d.severity, d.range.line])).toEqual([['bad-dialogue', 'warning', 7]]);
    expect(diagnostics[0]?.message).toContain('“softly” after them is left out');
  });

  test('a line with nothing between its quotes says nothing, and a warning says so', () => {
    const { doc, diagnostics } = parse('Dialogue: Mia: "" at 2s\nTom: "  " \nAnn: "Hi."');
    expect(doc.shots[0]?.dialogue.map((d) => [d.speaker, d.line])).toEqual([
      ['Mia', ''],
      ['Tom', ''],
      ['Ann', 'Hi.'],
    ]);
    expect(diagnostics.map((d) => [d.code, d.severity, d.range.line])).toEqual([
      ['bad-dialogue', 'warning', 1],
      ['bad-dialogue', 'warning', 2],
    ]);
    expect(diagnostics[0]?.message).toContain("Mia's line has no words");
  });

  test('a minus touching a time, or after “at” with a space, is a moment before the shot, never a positive time', () => {
    const { doc, diagnostics } = parse(
      'Audio: glass breaks -2s, a dog barks at - 2s, a door slams (-2s), bell - 00:02\nDialogue: Mia: "Hi." -1s\n',
    );
    expect(diagnostics.map((d) => [d.code, d.severity, d.range.line, d.message.match(/\((-[^)]+)\)/)?.[1]])).toEqual([
      ['bad-time', 'error', 1, '-2s'],
      ['bad-time', 'error', 1, '-2s'],
      ['bad-time', 'error', 1, '-2s'],
      ['bad-time', 'error', 2, '-1s'],
    ]);
    // A dash with a space after it still sets a time off: the bell rings at 2 s.
    expect(doc.shots[0]?.audio.events).toEqual([{ label: 'bell', startMs: 2000, endMs: null }]);
    expect(doc.shots[0]?.dialogue).toEqual([]);
  });

  test('a moment before the shot starts is an error, in Dialogue and in Audio, not a time a dash sets off', () => {
    const { doc, diagnostics } = parse(
      'Audio: a door slams at -2s, rain from -1s to 3s\nDialogue: Mia: "Hi." at -1s\n',
    );
    const times = diagnostics.filter((d) => d.code === 'bad-time');
    expect(times.map((d) => [d.range.line, d.range.column, d.severity])).toEqual([
      [1, 21, 'error'],
      [1, 39, 'error'],
      [2, 22, 'error'],
    ]);
    expect(times[0]?.message).toContain('cannot come before its shot starts (-2s)');
    expect(times[2]?.message).toContain('cannot come before its shot starts (-1s)');
    // Nothing is timed by them, and nothing is lost: the sounds stay as written.
    expect(doc.shots[0]?.audio.events).toEqual([]);
    expect(doc.shots[0]?.audio.ambience).toEqual(['a door slams at -2s', 'rain from -1s to 3s']);
    expect(doc.shots[0]?.dialogue).toEqual([]);
  });

  test('in prose, a moment before the shot is named: its words stay in the Scene, timing nothing', () => {
    const text = 'A quiet kitchen at night. A door slams at -2s. A dog barks at 00:03.';
    const { doc, diagnostics } = parse(text);
    const early = diagnostics.filter((d) => d.code === 'bad-time');
    expect(early.map((d) => [d.severity, text.slice(d.range.from, d.range.to)])).toEqual([['warning', 'at -2s']]);
    expect(early[0]?.message).toContain('A moment before the shot starts (-2s) times nothing');
    expect(doc.shots[0]?.audio.events.map((e) => [e.label, e.startMs])).toEqual([['A dog barks', 3000]]);
  });

  test('reports a time without a unit and offers to add one', () => {
    const text = 'Audio: door slam at 5\nDuration: 8\n';
    const { diagnostics } = parse(text);
    const times = diagnostics.filter((d) => d.code === 'bad-time');
    expect(times.map((d) => [d.range.line, d.range.column, d.severity])).toEqual([
      [1, 21, 'error'],
      [2, 11, 'error'],
    ]);
    expect(times[0]?.message).toContain('5s');
    let fixed = text;
    for (const d of [...times].reverse()) {
      const fix = d.fixes[0];
      if (fix) fixed = applyFix(fixed, fix);
    }
    expect(fixed).toBe('Audio: door slam at 5s\nDuration: 8s\n');
    expect(parse(fixed).diagnostics).toEqual([]);
  });

  test('reports 99:99 and keeps the item as ambience text', () => {
    const { doc, diagnostics } = parse('Audio: thunder at 99:99\n');
    expect(only(diagnostics, 'bad-time')).toMatchObject({ range: { line: 1, column: 19, endColumn: 24 } });
    expect(doc.shots[0]?.audio).toEqual({ ambience: ['thunder at 99:99'], events: [] });
  });

  test('names a repeated key with its article', () => {
    const camera = only(parse('Scene: a street\nCamera: wide\nCamera: slow pan\n').diagnostics, 'duplicate-key');
    expect(camera.message).toBe('This shot already has a Camera, so the two are joined; write one Camera per shot.');
  });

  test('reads tabs as spaces', () => {
    const { doc, diagnostics } = parse('Scene:\tA girl\n\twalks\nCamera:\t\twide\nAudio:\train at\t3s\n');
    expect(diagnostics).toEqual([]);
    expect(doc.shots[0]).toMatchObject({
      scene: 'A girl walks',
      camera: 'wide',
      audio: { events: [{ label: 'rain', startMs: 3000, endMs: null }] },
    });
  });

  test('reads Windows line endings like Unix ones, with columns and fixes on the original text', () => {
    const unix = 'Scene: a\nCamra: wide\n---\nScene: b\n';
    const windows = unix.replaceAll('\n', '\r\n');
    expect(parse(windows).doc).toEqual(parse(unix).doc);
    const d = only(parse(windows).diagnostics, 'unknown-key');
    expect(d.range).toMatchObject({ line: 2, column: 1 });
    const fix = d.fixes[0];
    expect(fix && applyFix(windows, fix)).toBe('Scene: a\r\nCamera: wide\r\n---\r\nScene: b\r\n');
    expect(parse(windows).source.lineEnding).toBe('\r\n');
  });

  test('reads unknown keys as the key they most likely mean, else as prose, and says so', () => {
    const { doc, diagnostics } = parse('Sceen: a\nLighting: warm\nFoo bar: x\n');
    const unknown = diagnostics.filter((d) => d.code === 'unknown-key');
    expect(unknown.map((d) => d.message)).toEqual([
      '"Sceen" is not a prompt key, so this line is read as Scene; did you mean Scene?',
      '"Lighting" is not a prompt key, so this line is read as Style, where lighting belongs.',
      '"Foo bar" is not a prompt key, so this line is read as prose; to choose its field, use one of Title, Size, Scene, Camera, Motion, Audio, Dialogue, Style, Negative, Duration.',
    ]);
    expect(unknown.map((d) => d.fixes.map((f) => f.insert))).toEqual([['Scene'], ['Style'], []]);
    expect(doc.shots[0]).toMatchObject({ scene: 'a. x', style: 'warm' });
  });

  test('reads the continuation lines of a key it folds into another one', () => {
    const { doc, diagnostics } = parse('Mood: calm\n  very calm\nScene: a\n');
    expect(diagnostics.map((d) => d.code)).toEqual(['unknown-key']);
    expect(doc.shots[0]).toMatchObject({ scene: 'a', style: 'calm very calm' });
  });

  test('reads text before any key as prose, says where it went, and offers the keyed form', () => {
    const text = 'A girl by a river\nat dusk\nCamera: wide\n';
    const { doc, diagnostics } = parse(text);
    const d = only(diagnostics, 'text-outside-key');
    expect(d.message).toBe('This text is under no key, so the engine reads all of it as the Scene.');
    expect(doc.shots[0]).toMatchObject({ scene: 'A girl by a river at dusk', camera: 'wide' });
    const fix = d.fixes[0];
    expect(fix?.title).toBe('Convert to structured');
    const converted = fix ? applyFix(text, fix) : '';
    expect(converted).toBe('Scene: A girl by a river at dusk\nCamera: wide\n');
    expect(parse(converted).doc).toEqual(doc);
  });

  test('ends a field at a blank line unless the next line is indented', () => {
    const { doc } = parse('Style: 1970s film look\n\nA girl walks by a river.\n');
    expect(doc.shots[0]).toMatchObject({ style: '1970s film look', scene: 'A girl walks by a river' });
  });

  test('warns about keys written twice in a shot', () => {
    const { doc, diagnostics } = parse('Scene: a\nScene: b\nDuration: 2s\nDuration: 3s\nTitle: x\nTitle: y\n');
    expect(diagnostics.map((d) => d.code)).toEqual(['duplicate-key', 'duplicate-key', 'duplicate-key']);
    expect(doc.shots[0]).toMatchObject({ scene: 'a b', durationMs: 3000 });
    expect(doc.title).toBe('y');
  });

  test('reports a bad size, a zero duration and malformed dialogue', () => {
    const { diagnostics } = parse('Size: big\nDuration: 0s\nDialogue: Ann hi\n[00:01] "no speaker"\n[00:0x] Bo: "x"\n');
    expect(diagnostics.map((d) => [d.code, d.range.line])).toEqual([
      ['bad-size', 1],
      ['bad-time', 2],
      ['bad-dialogue', 3],
      ['bad-dialogue', 4],
      ['bad-time', 5],
    ]);
  });

  test('reports a timed item with no sound, two times in one item and a span that ends before it starts', () => {
    const { doc, diagnostics } = parse('Audio: at 00:05, door at 1s and at 2s, rain from 00:06 to 00:02\n');
    expect(diagnostics.map((d) => d.code)).toEqual(['event-label-missing', 'multiple-times', 'bad-range']);
    expect(doc.shots[0]?.audio.events).toEqual([
      { label: 'door and', startMs: 1000, endMs: null },
      { label: 'rain', startMs: 6000, endMs: null },
    ]);
  });

  test('survives a megabyte of text in many shapes, always answering with a diagnostic', () => {
    const megabyte = 1024 * 1024;
    const shapes = [
      'x'.repeat(megabyte),
      '.'.repeat(megabyte),
      `Audio: a at ${'9'.repeat(megabyte)}`,
      `Scene: ${'word '.repeat(megabyte / 5)}`,
      'Scene: a\n---\n'.repeat(megabyte / 14),
      'Dialogue: [00:01] A: "open\n'.repeat(megabyte / 27),
      `Audio: ${'door at 1s, '.repeat(megabyte / 12)}`,
      `Negative: ${'.'.repeat(megabyte)}x`,
      'Sceen: '.repeat(megabyte / 7),
      `Dialogue: [${'['.repeat(megabyte)}`,
      '\r\n'.repeat(megabyte / 2),
      'Scene: a\n'.repeat(megabyte / 9),
      `Audio: door${' at 1s'.repeat(megabyte / 6)}`,
      `Negative: ${'no x\n'.repeat(megabyte / 5)}`,
    ];
    for (const text of shapes) {
      expect(text.length).toBeGreaterThan(MAX_PROMPT_CHARS);
      const result = parse(text);
      expect(result.doc.shots.length).toBeGreaterThan(0);
      expect(result.diagnostics.filter((d) => d.code === 'prompt-too-long')).toHaveLength(1);
      // The editor gets a bounded list: the first findings, the whole-text warning and a summary.
      expect(result.diagnostics.length).toBeLessThanOrEqual(MAX_DIAGNOSTICS + 2);
    }
    // Fourteen megabytes parsed: a loaded machine needs more than the default time.
  }, 120_000);
});

import { describe, expect, test } from 'vitest';
import type { Diagnostic, DiagnosticCode, QuickFix } from './diagnostics';
import { CAMERA_PLACEHOLDER, lint, speechMs, type LintOptions } from './lint';
import { readWording } from './wording';
import { LANTERN_SHOT } from '../../../test/prompt/examples';

function applyFix(text: string, fix: QuickFix | undefined): string {
  if (!fix) throw new Error('expected a quick fix');
  return text.slice(0, fix.from) + fix.insert + text.slice(fix.to);
}

function findings(text: string, code: DiagnosticCode, options: LintOptions = {}): Diagnostic[] {
  return lint(text, options).diagnostics.filter((d) => d.code === code);
}

function one(text: string, code: DiagnosticCode, options: LintOptions = {}): Diagnostic {
  const found = findings(text, code, options);
  expect(
    found,
    `expected one ${code}, got ${JSON.stringify(lint(text, options).diagnostics.map((d) => d.code))}`,
  ).toHaveLength(1);
  const [first] = found;
  if (!first) throw new Error('unreachable');
  return first;
}

const GOOD_SHOT = 'Scene: A girl releases a lantern.\nCamera: Slow push-in.\nMotion: The lantern rises.\n';

describe('camera-missing: anchor the camera per shot', () => {
  test('flags a shot without a Camera line and inserts one after the Scene', () => {
    const text = 'Scene: A girl releases a lantern.\nMotion: The lantern rises.\n';
    const d = one(text, 'camera-missing');
    expect(d).toMatchObject({ severity: 'warning', range: { line: 1, column: 1 } });
    const fixed = applyFix(text, d.fixes[0]);
    expect(fixed).toBe(
      `Scene: A girl releases a lantern.\nCamera: ${CAMERA_PLACEHOLDER}\nMotion: The lantern rises.\n`,
    );
    expect(findings(fixed, 'camera-missing')).toEqual([]);
  });

  test('inserts before the first key when there is no Scene, keeping Windows line endings', () => {
    const text = 'Title: T\r\n---\r\nShot 2: Roof\r\nMotion: Birds scatter.\r\n';
    const d = one(text, 'camera-missing');
    expect(d.range.line).toBe(3);
    expect(applyFix(text, d.fixes[0])).toBe(
      `Title: T\r\n---\r\nShot 2: Roof\r\nCamera: ${CAMERA_PLACEHOLDER}\r\nMotion: Birds scatter.\r\n`,
    );
  });

  test('stays quiet for shots with a camera and for empty shots', () => {
    expect(findings(GOOD_SHOT, 'camera-missing')).toEqual([]);
    expect(findings(`${GOOD_SHOT}---\n`, 'camera-missing')).toEqual([]);
    expect(findings('', 'camera-missing')).toEqual([]);
  });
});

describe('adjectives-not-verbs: use verbs, not adjectives', () => {
  test('flags Motion and Scene carried by adjectives alone', () => {
    const text = 'Scene: Beautiful, cinematic, moody sunset.\nCamera: Wide.\nMotion: Slow, dramatic and epic.\n';
    const found = findings(text, 'adjectives-not-verbs');
    expect(found.map((d) => [d.range.line, d.severity])).toEqual([
      [1, 'warning'],
      [3, 'warning'],
    ]);
    expect(found[0]?.message).toContain('(beautiful, cinematic)');
    expect(found[1]?.message).toMatch(/^Motion is carried by adjectives/);
  });

  test('accepts lines that say what happens, in any verb form', () => {
    for (const motion of [
      'Hair gently moves; lantern rises; ripples form.',
      'She is slowly turning away',
      'The door slammed',
      'Leaves fell',
      'waves crash',
    ]) {
      expect(findings(`Camera: wide\nMotion: ${motion}\n`, 'adjectives-not-verbs'), motion).toEqual([]);
    }
  });

  test('leaves plain descriptions without adjectives alone', () => {
    expect(findings('Scene: A lighthouse on a cliff\nCamera: wide\n', 'adjectives-not-verbs')).toEqual([]);
  });

  test('reads word forms cautiously', () => {
    expect(readWording('A stunning, breathtaking evening')).toEqual({
      actions: [],
      descriptive: ['stunning', 'breathtaking'],
    });
    expect(readWording('rising, carried, flies, shakes').actions).toHaveLength(4);
  });
});

describe('event-after-end: timed sound or dialogue past the shot', () => {
  test('warns of a sound that starts after the shot ends, names it and what happens to it, and offers to lengthen the shot', () => {
    const text = `${GOOD_SHOT}Audio: thunder at 00:09, rain\nDuration: 8s\n`;
    const d = one(text, 'event-after-end');
    expect(d).toMatchObject({ severity: 'warning', range: { line: 4, column: 8 } });
    expect(d.message).toBe(
      '"thunder" starts at 00:09, after the shot ends at 00:08, so it is left out; move it earlier or lengthen the shot.',
    );
    const fixed = applyFix(text, d.fixes[0]);
    expect(fixed).toContain('Duration: 10s');
    expect(findings(fixed, 'event-after-end')).toEqual([]);
  });

  test('flags a span that runs past the end and a line spoken after it', () => {
    const text = `${GOOD_SHOT}Audio: rain from 00:02 to 00:09.500\nDialogue: [00:08] Ann: "Late"\nDuration: 8s\n`;
    const found = findings(text, 'event-after-end');
    expect(found.map((d) => d.fixes[0]?.insert)).toEqual(['10s', '9s']);
    expect(found.map((d) => [d.severity, d.message])).toEqual([
      [
        'warning',
        '"rain" runs to 00:09.500, past the shot\'s end at 00:08, so it is cut off there; end it sooner or lengthen the shot.',
      ],
      [
        'warning',
        'Ann speaks at 00:08, where the shot ends, so the line is left out; move it earlier or lengthen the shot.',
      ],
    ]);
  });

  test('stays quiet inside the shot, at its exact end for spans, and when no model says how long a shot without a length lasts', () => {
    expect(
      findings(`${GOOD_SHOT}Audio: a at 00:07.999, b from 00:01 to 00:08\nDuration: 8s\n`, 'event-after-end'),
    ).toEqual([]);
    expect(findings(`${GOOD_SHOT}Audio: a at 00:30\n`, 'event-after-end')).toEqual([]);
  });

  test('a sound at exactly the end of the shot is left out, and says so', () => {
    const text = `${GOOD_SHOT}Audio: door slam at 00:10\nDuration: 10s\n`;
    const d = one(text, 'event-after-end');
    expect(d.message).toBe(
      '"door slam" starts at 00:10, where the shot ends, so it is left out; move it earlier or lengthen the shot.',
    );
    expect(applyFix(text, d.fixes[0])).toContain('Duration: 11s');
  });

  test("a sound past the end of a 10 s shot, in the editor's lint for the built-in engine too", () => {
    const text = `${GOOD_SHOT}Audio: rain, door slam at 00:12\nDuration: 10s\n`;
    for (const options of [{}, { provider: 'local' }] as const) {
      const d = one(text, 'event-after-end', options);
      expect(d).toMatchObject({ severity: 'warning', range: { line: 4, column: 14 } });
      expect(d.message).toBe(
        '"door slam" starts at 00:12, after the shot ends at 00:10, so it is left out; move it earlier or lengthen the shot.',
      );
      expect(findings(applyFix(text, d.fixes[0]), 'event-after-end', options)).toEqual([]);
    }
  });

  test("a shot without a Duration lasts the model's default, and times past it are found", () => {
    const text = `${GOOD_SHOT}Audio: bell at 00:07.500, door slam at 00:12\nDialogue: [00:09] Ann: "Late"\n`;
    const found = findings(text, 'event-after-end', { provider: 'local' });
    expect(found.map((d) => d.message)).toEqual([
      '"door slam" starts at 00:12, after the shot ends at 00:08, since with no Duration it lasts the default 8s, so it is left out; move it earlier or give the shot a Duration.',
      'Ann speaks at 00:09, after the shot ends at 00:08, since with no Duration it lasts the default 8s, so the line is left out; move it earlier or give the shot a Duration.',
    ]);
    // The fix writes the Duration the shot lacked, long enough for the sound, after its last line.
    const [slam] = found;
    expect(slam?.fixes[0]?.title).toBe('Add Duration: 13s');
    const fixed = applyFix(text, slam?.fixes[0]);
    expect(fixed).toBe(
      `${GOOD_SHOT}Audio: bell at 00:07.500, door slam at 00:12\nDialogue: [00:09] Ann: "Late"\nDuration: 13s\n`,
    );
    expect(findings(fixed, 'event-after-end', { provider: 'local' })).toEqual([]);
    // Runway's default is 5 s: the bell at 00:07.5 is past it there.
    expect(findings(`${GOOD_SHOT}Audio: bell at 00:07.500\n`, 'event-after-end', { provider: 'runway' })).toHaveLength(
      1,
    );
    expect(findings(`${GOOD_SHOT}Audio: bell at 00:07.500\n`, 'event-after-end', { provider: 'local' })).toEqual([]);
  });

  test('a sound running past a shot without a Duration is cut off at the default end', () => {
    const d = one(`${GOOD_SHOT}Audio: rain from 00:06 to 00:09\n`, 'event-after-end', { provider: 'local' });
    expect(d.message).toBe(
      '"rain" runs to 00:09, past the shot\'s end at 00:08, since with no Duration it lasts the default 8s, so it is cut off there; end it sooner or give the shot a Duration.',
    );
  });

  test("in a prompt of several shots, names the shot and reads a later shot's times from its own start", () => {
    const text = [
      'Shot 1: Hall',
      GOOD_SHOT + 'Audio: knock at 00:12',
      'Duration: 10s',
      '',
      'Shot 2: Stairs',
      GOOD_SHOT + 'Audio: door slam at 00:12',
      'Duration: 10s',
      '',
      'Shot 3: Roof',
      GOOD_SHOT + 'Audio: wind at 00:25',
      'Duration: 4s',
    ].join('\n');
    expect(findings(text, 'event-after-end').map((d) => d.message)).toEqual([
      '"knock" starts at 00:12, after shot 1 ends at 00:10, so it is left out; move it earlier or lengthen the shot.',
      '"door slam" starts at 00:12, after shot 2 ends at 00:10, so it is left out; move it earlier (times in shot 2 count from its start, so 00:02 here is 00:12 in the clip) or lengthen the shot.',
      // 00:25 is past shot 3 on the clip's clock too (it runs 00:20–00:24): no such reading to offer.
      '"wind" starts at 00:25, after shot 3 ends at 00:04, so it is left out; move it earlier or lengthen the shot.',
    ]);
  });

  test('with one clip for the whole prompt, a shot without a Duration gets its share of the default clip', () => {
    const text = [
      'Shot 1: Hall',
      GOOD_SHOT + 'Duration: 3s',
      '',
      'Shot 2: Stairs',
      GOOD_SHOT + 'Audio: door slam at 00:05',
      'Audio: bell at 00:04.900',
    ].join('\n');
    const found = findings(text, 'event-after-end', { provider: 'veo' });
    expect(found.map((d) => d.message)).toEqual([
      '"door slam" starts at 00:05, where shot 2 ends, since with no Duration it lasts 5s, its share of the default 8s clip, so it is left out; move it earlier (times in shot 2 count from its start, so 00:02 here is 00:05 in the clip) or give the shot a Duration.',
    ]);
  });
});

describe('dialogue-overlap', () => {
  test('flags a line that starts while someone is still speaking and offers the first free moment', () => {
    const text = `${GOOD_SHOT}Dialogue: [00:01] Ann: "I have been waiting here for you all night"\n[00:02] Bo: "Sorry"\n`;
    const d = one(text, 'dialogue-overlap');
    expect(d).toMatchObject({ severity: 'warning', range: { line: 5, column: 1 } });
    expect(d.message).toBe(
      'Ann is still speaking until about 00:04.600, so this line talks over it; start it at 00:04.600 or later.',
    );
    const fixed = applyFix(text, d.fixes[0]);
    expect(fixed).toContain('[00:04.600] Bo: "Sorry"');
    expect(findings(fixed, 'dialogue-overlap')).toEqual([]);
  });

  test('orders lines by time, not by how they are written', () => {
    const text = `${GOOD_SHOT}Dialogue: [00:02] Bo: "Sorry"\n[00:01] Ann: "I have been waiting here for you all night"\n`;
    expect(one(text, 'dialogue-overlap').range.line).toBe(4);
  });

  test('stays quiet when lines leave room for each other', () => {
    expect(findings(`${GOOD_SHOT}Dialogue: [00:01] Ann: "Hi"\n[00:02] Bo: "Hey"\n`, 'dialogue-overlap')).toEqual([]);
  });

  test('estimates speech at about 150 words a minute with a short minimum', () => {
    expect(speechMs('Hi')).toBe(600);
    expect(speechMs('one two three four five')).toBe(2000);
  });
});

describe('negative-not-exclusion', () => {
  test('flags a negative that reads as something to show and offers "no"', () => {
    const text = `${GOOD_SHOT}Negative: no logos, blurry faces\n`;
    const d = one(text, 'negative-not-exclusion');
    expect(d.message).toBe(
      '"blurry faces" reads as something to show; phrase each negative as an exclusion, like "no blurry faces".',
    );
    const fixed = applyFix(text, d.fixes[0]);
    expect(fixed).toContain('Negative: no logos, no blurry faces');
    expect(findings(fixed, 'negative-not-exclusion')).toEqual([]);
  });

  test('accepts every common way of excluding, and does not flag carried-over negatives twice', () => {
    const text = `${GOOD_SHOT}Negative: no logos, without text; avoid lens flare, never cuts, don't zoom, non-human\n---\n${GOOD_SHOT}`;
    expect(findings(text, 'negative-not-exclusion')).toEqual([]);
    expect(findings(`${GOOD_SHOT}Negative: blur\n---\n${GOOD_SHOT}`, 'negative-not-exclusion')).toHaveLength(1);
  });
});

describe('unknown-key (from the parser, through lint)', () => {
  test('suggests the key that was meant', () => {
    const d = one(`${GOOD_SHOT}Negtive: no logos\n`, 'unknown-key');
    expect(d.message).toContain('did you mean Negative?');
    expect(d.fixes[0]?.insert).toBe('Negative');
  });

  test('does not flag known keys and aliases', () => {
    expect(findings(`${GOOD_SHOT}Negative prompt: no logos\n`, 'unknown-key')).toEqual([]);
  });
});

describe('empty-shot', () => {
  test('flags a shot with nothing in it and removes it', () => {
    const text = `${GOOD_SHOT}---\n---\n${GOOD_SHOT}`;
    const d = one(text, 'empty-shot');
    expect(d.range.line).toBe(4);
    const fixed = applyFix(text, d.fixes[0]);
    expect(fixed).toBe(`${GOOD_SHOT}---\n${GOOD_SHOT}`);
    expect(lint(fixed).doc.shots).toHaveLength(2);
  });

  test('flags a trailing separator and a titled shot with no content', () => {
    expect(findings(`${GOOD_SHOT}---\n`, 'empty-shot')).toHaveLength(1);
    const text = `${GOOD_SHOT}Shot 2: Later\n`;
    expect(applyFix(text, one(text, 'empty-shot').fixes[0])).toBe(GOOD_SHOT);
  });

  test('stays quiet for a single shot, for an empty editor and for a shot that only sets a length', () => {
    expect(findings('', 'empty-shot')).toEqual([]);
    expect(findings('Title: Draft\n', 'empty-shot')).toEqual([]);
    expect(findings(`${GOOD_SHOT}---\nDuration: 2s\n`, 'empty-shot')).toEqual([]);
  });
});

describe('provider-duration', () => {
  test('offers the nearest length Veo renders for a one-shot prompt', () => {
    const d = one(`${GOOD_SHOT}Duration: 10s\n`, 'provider-duration', { provider: 'veo' });
    expect(d.message).toBe('Veo 3.1 renders 4, 6 or 8 s clips, so 10s will become 8s; set Duration to 8s.');
    expect(d.fixes[0]?.insert).toBe('8s');
  });

  test('checks the total of a multi-shot prompt and offers to trim the last shot', () => {
    const text = `${GOOD_SHOT}Duration: 5s\n---\n${GOOD_SHOT}Duration: 4s\n`;
    const d = one(text, 'provider-duration', { provider: 'veo' });
    expect(d.range.line).toBe(9);
    const fixed = applyFix(text, d.fixes[0]);
    expect(fixed.endsWith('Duration: 3s\n')).toBe(true);
    expect(findings(fixed, 'provider-duration', { provider: 'veo' })).toEqual([]);
  });

  test('checks each shot for the built-in engine, and whole seconds for Runway', () => {
    expect(one(`${GOOD_SHOT}Duration: 90s\n`, 'provider-duration', { provider: 'local' }).fixes[0]?.insert).toBe('60s');
    expect(one(`${GOOD_SHOT}Duration: 8.5s\n`, 'provider-duration', { provider: 'runway' }).fixes[0]?.insert).toBe(
      '9s',
    );
    expect(one(`${GOOD_SHOT}Duration: 5s\n`, 'provider-duration', { provider: 'openai-videos' }).fixes[0]?.insert).toBe(
      '4s',
    );
  });

  test('stays quiet for allowed lengths, unwritten lengths, free-form ComfyUI and without a provider', () => {
    expect(findings(`${GOOD_SHOT}Duration: 8s\n`, 'provider-duration', { provider: 'veo' })).toEqual([]);
    expect(findings(`${GOOD_SHOT}Duration: 6s\n---\n${GOOD_SHOT}`, 'provider-duration', { provider: 'veo' })).toEqual(
      [],
    );
    expect(findings(`${GOOD_SHOT}Duration: 37s\n`, 'provider-duration', { provider: 'comfyui' })).toEqual([]);
    expect(findings(`${GOOD_SHOT}Duration: 37s\n`, 'provider-duration')).toEqual([]);
    expect(findings(`${GOOD_SHOT}Duration: 37s\n`, 'provider-duration', { provider: 'local' })).toEqual([]);
  });
});

describe('provider-size', () => {
  test('offers the nearest size the model renders', () => {
    const d = one(`Size: 1000x1000\n${GOOD_SHOT}`, 'provider-size', { provider: 'veo' });
    expect(d.message).toBe(
      'Veo 3.1 renders 1280x720, 720x1280, 1920x1080, 1080x1920, 3840x2160 or 2160x3840, so 1000x1000 will become 1280x720; set Size to 1280x720.',
    );
    expect(d.fixes[0]?.insert).toBe('1280x720');
    expect(one(`Size: 3840x2160\n${GOOD_SHOT}`, 'provider-size', { provider: 'local' }).fixes[0]?.insert).toBe(
      '1920x1080',
    );
    expect(one(`Size: 1792x1024\n${GOOD_SHOT}`, 'provider-size', { provider: 'openai-videos' }).fixes[0]?.insert).toBe(
      '1280x720',
    );
  });

  test('explains a size that renders only at another length', () => {
    const d = one(`Size: 1920x1080\n${GOOD_SHOT}Duration: 6s\n`, 'provider-size', { provider: 'veo' });
    expect(d.message).toBe(
      'Veo 3.1 renders 1920x1080 only as an 8 s clip, so 1920x1080 will become 1280x720; set Size to 1280x720 or change the length.',
    );
  });

  test('stays quiet for allowed sizes, for Sora 2 Pro sizes on that model and without a Size', () => {
    expect(findings(`Size: 1920x1080\n${GOOD_SHOT}Duration: 8s\n`, 'provider-size', { provider: 'veo' })).toEqual([]);
    expect(
      findings(`Size: 1792x1024\n${GOOD_SHOT}`, 'provider-size', { provider: 'openai-videos', model: 'sora-2-pro' }),
    ).toEqual([]);
    expect(findings(GOOD_SHOT, 'provider-size', { provider: 'runway' })).toEqual([]);
    expect(findings(`Size: 123x77\n${GOOD_SHOT}`, 'provider-size', { provider: 'comfyui' })).toEqual([]);
  });
});

describe('lint as a whole', () => {
  test('finds nothing in the seed template once it has a length', () => {
    const text = LANTERN_SHOT;
    for (const provider of ['local', 'veo', 'runway', 'comfyui', 'openai-videos'] as const) {
      expect(lint(text, { provider }).diagnostics, provider).toEqual([]);
    }
  });

  test('teaches in one sentence per finding, every time', () => {
    const messy = `stray text
Sceen: x
Scene: Epic, dramatic, gorgeous
Audio: a at 5, b at 99:99, at 1s, c at 1s and at 2s, d from 3s to 1s, e at 00:30
Dialogue: [00:01] A: "one two three four five six seven eight"
[00:02] B: "unclosed
Dialogue: no time
Negative: blurry
Size: huge
Duration: 0s
Duration: 20s
---
---
Lighting: warm
Duration: 4s
`;
    const all = lint(messy, { provider: 'veo' }).diagnostics;
    const codes = new Set(all.map((d) => d.code));
    for (const code of [
      'unknown-key',
      'adjectives-not-verbs',
      'camera-missing',
      'bad-time',
      'event-label-missing',
      'multiple-times',
      'bad-range',
      'unterminated-quote',
      'bad-dialogue',
      'negative-not-exclusion',
      'bad-size',
      'duplicate-key',
      'event-after-end',
      'dialogue-overlap',
      'empty-shot',
      'provider-duration',
      'text-outside-key',
    ] as const) {
      expect(codes.has(code), code).toBe(true);
    }
    for (const d of all) {
      expect(d.message, d.code).toMatch(/[.?]$/);
      expect(d.message, d.code).not.toMatch(/[.!?] [A-Z]/);
    }
  });

  test('returns diagnostics in text order with both line and offset ranges', () => {
    const { diagnostics } = lint('Scene: Epic sky\nCamra: x\n');
    expect(diagnostics.map((d) => d.range.from)).toEqual(
      [...diagnostics.map((d) => d.range.from)].sort((a, b) => a - b),
    );
    for (const d of diagnostics) expect(d.range.line).toBeGreaterThan(0);
  });

  test('lints a megabyte of text to completion', () => {
    const megabyte = 1024 * 1024;
    for (const text of [
      `${GOOD_SHOT}---\n`.repeat(megabyte / 90),
      `Scene: ${'epic '.repeat(megabyte / 5)}`,
      'Dialogue: [00:01] A: "x y z"\n'.repeat(megabyte / 28),
      'Scene: a\n'.repeat(megabyte / 9),
      `Audio: door${' at 1s'.repeat(megabyte / 6)}\nDuration: 1s\n`,
    ]) {
      const result = lint(text, { provider: 'veo' });
      expect(result.diagnostics.some((d) => d.code === 'prompt-too-long')).toBe(true);
    }
  });
});

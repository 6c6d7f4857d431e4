import { describe, expect, test } from 'vitest';
import { LANTERN_SHOT } from '../../../test/prompt/examples';
import { isUnchanged, PromptDiff, promptDiff, summarise, type VersionFacts } from './promptDiff';

const base: VersionFacts = {
  promptText: LANTERN_SHOT,
  provider: 'local',
  model: 'engine-1',
  seed: 7,
  width: 640,
  height: 360,
};

function withPrompt(text: string, facts: Partial<VersionFacts> = {}): VersionFacts {
  return { ...base, promptText: text, ...facts };
}

describe('promptDiff', () => {
  test('the same version against itself changes nothing', () => {
    const diff = promptDiff(base, base);
    expect(isUnchanged(diff)).toBe(true);
    expect(diff.shots).toHaveLength(1);
    expect(diff.shots[0]?.change).toBe('same');
    expect(summarise(diff)).toBe('No changes');
  });

  test('a new Style line shows under Style in its shot, word by word', () => {
    const after = withPrompt(LANTERN_SHOT.replace(/^Style: .*$/m, 'Style: Noir, high contrast, deep shadows.'));
    const diff = promptDiff(base, after);
    expect(diff.shots[0]?.change).toBe('changed');
    expect(diff.shots[0]?.fields.map((f) => f.key)).toEqual(['style']);
    const words = diff.shots[0]?.fields[0]?.words ?? [];
    expect(words.filter((w) => w.op === 'added').map((w) => w.text.trim())).toContain('Noir');
    expect(words.some((w) => w.op === 'removed' && w.text.includes('warm'))).toBe(true);
    // Reassembling the kept and added words gives the new line; kept and removed the old one.
    expect(
      words
        .filter((w) => w.op !== 'removed')
        .map((w) => w.text)
        .join(''),
    ).toBe('Noir, high contrast, deep shadows.');
    expect(
      words
        .filter((w) => w.op !== 'added')
        .map((w) => w.text)
        .join(''),
    ).toBe('Soft lighting, warm tones, no grain, subtle vignette.');
    expect(summarise(diff)).toBe('Shot 1: Style');
  });

  test('a sound that moves is compared in milliseconds; one that goes and one that comes are named', () => {
    const after = withPrompt(
      LANTERN_SHOT.replace('soft water splash at 00:03', 'soft water splash at 00:04').replace(
        'wind chime at 00:06',
        'dog bark at 00:05',
      ),
    );
    const timed = promptDiff(base, after).shots[0]?.timed ?? [];
    expect(timed).toEqual([
      { key: 'dialogue', label: 'Girl: Go on, fly!', beforeMs: 2000, afterMs: 2000, deltaMs: 0, change: 'same' },
      { key: 'audio', label: 'soft water splash', beforeMs: 3000, afterMs: 4000, deltaMs: 1000, change: 'moved' },
      { key: 'audio', label: 'dog bark', beforeMs: null, afterMs: 5000, deltaMs: null, change: 'added' },
      { key: 'audio', label: 'wind chime', beforeMs: 6000, afterMs: null, deltaMs: null, change: 'removed' },
    ]);
    // The words of the Audio line changed too (a different sound), the moved one's did not.
    const audio = promptDiff(base, after).shots[0]?.fields.find((f) => f.key === 'audio');
    expect(audio?.words.filter((w) => w.op !== 'same').map((w) => w.text.trim())).toEqual(['wind chime', 'dog bark']);
  });

  test('dialogue moved in time is a timed change, not a word change', () => {
    const after = withPrompt(LANTERN_SHOT.replace('[00:02] Girl', '[00:01.500] Girl'));
    const shot = promptDiff(base, after).shots[0];
    expect(shot?.fields).toEqual([]);
    expect(shot?.timed.find((t) => t.key === 'dialogue')).toMatchObject({ deltaMs: -500, change: 'moved' });
    expect(summarise(promptDiff(base, after))).toBe('Shot 1: Dialogue');
  });

  test('shots are compared by position; an added shot lists its keys as new', () => {
    const after = withPrompt(`${LANTERN_SHOT}---\nScene: The lantern drifts over the town.\nCamera: Wide shot.\n`);
    const diff = promptDiff(base, after);
    expect(diff.shots.map((s) => s.change)).toEqual(['same', 'added']);
    const added = diff.shots[1];
    expect(added?.fields.map((f) => f.key)).toEqual(expect.arrayContaining(['scene', 'camera']));
    expect(added?.fields.find((f) => f.key === 'scene')).toMatchObject({
      before: '',
      after: 'The lantern drifts over the town.',
    });
    expect(summarise(diff)).toBe('Shot 2 added');
    expect(promptDiff(after, base).shots.map((s) => s.change)).toEqual(['same', 'removed']);
  });

  test('parameters: provider, model, seed and size, only those that changed', () => {
    const diff = promptDiff(base, { ...base, seed: 8, width: 1280, height: 720 });
    expect(diff.params).toEqual([
      { name: 'seed', before: '7', after: '8' },
      { name: 'size', before: '640x360', after: '1280x720' },
    ]);
    expect(promptDiff(base, { ...base, provider: 'veo', model: 'veo-3.0' }).params.map((p) => p.name)).toEqual([
      'provider',
      'model',
    ]);
    expect(summarise(diff)).toBe('Seed · Size');
  });

  test('a title change is reported apart from the shots', () => {
    const diff = promptDiff(base, withPrompt(LANTERN_SHOT.replace('Lantern at dusk', 'Lantern at night')));
    expect(diff.title).toEqual({ before: 'Lantern at dusk', after: 'Lantern at night' });
    expect(diff.shots[0]?.change).toBe('same');
  });

  test('an imported clip without a prompt compares as no shots, and the result survives its schema', () => {
    const diff = promptDiff({ ...base, promptText: null }, base);
    expect(diff.shots[0]?.change).toBe('added');
    expect(PromptDiff.parse(JSON.parse(JSON.stringify(diff)))).toEqual(diff);
  });
});

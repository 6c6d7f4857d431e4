import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parse } from '../parse';
import { isDurationAllowed, isSizeAllowed, modelFor, PROVIDER_IDS } from '../providers';
import { promptDoc } from '../../../../test/prompt/arbitraries';
import type { PromptDoc } from '../types';
import {
  compile,
  compileComfy,
  compileLocal,
  compileOpenAIVideos,
  compileRunway,
  compileVeo,
  CompileNote,
} from './index';
import { LANTERN_SHOT } from '../../../../test/prompt/examples';

function doc(text: string): PromptDoc {
  const parsed = parse(text);
  expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return parsed.doc;
}

const LANTERN = doc(LANTERN_SHOT);

const LANTERN_TEXT = `Scene: A young girl releases a lantern by a riverside at dusk.
Camera: Slow push-in, 50mm depth-of-field, hand-held feel.
Motion: Hair gently moves; lantern rises; ripples form.
Audio: Crickets in the background; soft water splash at 00:03; wind chime at 00:06.
Dialogue: at 00:02 Girl says "Go on, fly!".
Style: Soft lighting, warm tones, no grain, subtle vignette.`;

const TWO_SHOTS = doc(`Size: 720x1280
Shot 1: River
Scene: A girl releases a lantern.
Camera: Slow push-in.
Audio: splash at 00:03
Style: Warm tones
Negative: no logos
Duration: 6s
---
Shot 2: Sky
Scene: The lantern rises into the clouds.
Camera: Tilt up.
Audio: thunder from 00:01 to 00:03
Dialogue: [00:02] Girl: "Bye!"
Negative: no birds
Duration: 4s
`);

describe('compileLocal: the built-in engine gets the full structure', () => {
  test('passes the structure through with every shot length settled and nothing to report', () => {
    const result = compileLocal(TWO_SHOTS, { seed: 7 });
    expect(result.request.doc).toBe(TWO_SHOTS);
    expect(result.request).toMatchObject({ shotDurationsMs: [6000, 4000], width: 720, height: 1280, fps: 24, seed: 7 });
    expect(result.notes).toEqual([]);
    expect(result.output).toEqual({ durationMs: 10_000, size: { width: 720, height: 1280 }, audio: true });
    expect(result.estimatedCostUsd).toBe(0);
  });

  test('fills unwritten lengths and clamps lengths, size and frame rate to what the engine renders', () => {
    const result = compileLocal(doc('Scene: a\nDuration: 90s\n---\nScene: b\n'), {
      size: { width: 3840, height: 2160 },
      fps: 120,
    });
    expect(result.request).toMatchObject({
      shotDurationsMs: [60_000, 8000],
      width: 1920,
      height: 1080,
      fps: 60,
      seed: null,
    });
    expect(result.notes.map((n) => [n.kind, n.what])).toEqual([
      ['clamped', 'duration'],
      ['clamped', 'size'],
      ['clamped', 'fps'],
    ]);
  });
});

describe('compileVeo: prompt, negativePrompt, an allowed durationSeconds and aspectRatio', () => {
  test('sends one shot as its own text with the negatives, without the "no", as the negative prompt', () => {
    const result = compileVeo(LANTERN);
    expect(result.request).toEqual({
      instances: [{ prompt: LANTERN_TEXT }],
      parameters: {
        aspectRatio: '16:9',
        resolution: '720p',
        durationSeconds: 8,
        negativePrompt: 'close-ups, product logos',
      },
    });
    expect(result.endpoint).toBe('POST /v1beta/models/veo-3.1-generate-preview:predictLongRunning');
    expect(result.notes).toEqual([]);
    expect(result.estimatedCostUsd).toBe(3.2);
  });

  test('merges shots into one text with absolute times and cuts, and combines their negatives', () => {
    const result = compileVeo(TWO_SHOTS);
    expect(result.request.parameters).toEqual({
      aspectRatio: '9:16',
      resolution: '720p',
      durationSeconds: 8,
      negativePrompt: 'logos, birds',
    });
    expect(result.request.instances[0].prompt).toBe(`2 shots cut together in one 8-second clip.
Shot 1 "River", 00:00–00:04.800: Scene: A girl releases a lantern. Camera: Slow push-in. Audio: splash at 00:02.400.
Cut to Shot 2 "Sky", 00:04.800–00:08: Scene: The lantern rises into the clouds. Camera: Tilt up. Audio: thunder from 00:05.600 to 00:07.200. Dialogue: at 00:06.400 Girl says "Bye!".
Style: Warm tones.`);
    expect(result.notes).toEqual<CompileNote[]>([
      { kind: 'clamped', what: 'duration', detail: 'Veo 3.1 renders 4, 6 or 8 s, so 10s becomes 8s.' },
      {
        kind: 'clamped',
        what: 'timings',
        detail: 'Every cut, sound and line moves by the same factor (×0.8) so the timing fits the 8s clip.',
      },
      {
        kind: 'merged',
        what: 'shots',
        detail:
          'Google Veo (Gemini API) takes one prompt per clip, so the 2 shots are written as one text with cuts at 00:04.800.',
      },
      {
        kind: 'merged',
        what: 'negatives',
        detail: 'Veo 3.1 takes one negative prompt per clip, so the negatives of every shot are combined.',
      },
    ]);
  });

  test('keeps the length the creator timed and drops to 720p when 1080p would need 8 s', () => {
    const result = compileVeo(doc('Size: 1920x1080\nScene: a\nDuration: 6s\n'), {
      model: 'veo-3.1-fast-generate-preview',
    });
    expect(result.request.parameters).toEqual({ aspectRatio: '16:9', resolution: '720p', durationSeconds: 6 });
    expect(result.model).toBe('veo-3.1-fast-generate-preview');
    expect(result.notes).toEqual([
      {
        kind: 'clamped',
        what: 'size',
        detail: 'Veo 3.1 Fast renders 1920x1080 only as an 8 s clip, so 1920x1080 becomes 1280x720.',
      },
    ]);
  });

  test('leaves out empty shots and an unknown model, saying so', () => {
    const result = compileVeo(doc('Scene: a\n---\n---\nScene: b\n'), { model: 'veo-9' });
    expect(result.model).toBe('veo-3.1-generate-preview');
    expect(result.notes.map((n) => [n.kind, n.what, n.detail])).toEqual([
      ['clamped', 'model', 'Google Veo (Gemini API) has no model called veo-9, so Veo 3.1 is used.'],
      ['dropped', 'shots', 'Shot 2 has nothing to show or hear, so it is left out.'],
      [
        'merged',
        'shots',
        'Google Veo (Gemini API) takes one prompt per clip, so the 2 shots are written as one text with cuts at 00:04.',
      ],
    ]);
  });
});

describe('compileRunway: promptText of at most 1000 characters with an allowed ratio and duration', () => {
  test('sends the prompt, a ratio string and whole seconds, folding negatives into the text and dropping sound for Gen-4.5', () => {
    const result = compileRunway(LANTERN, { seed: 42 });
    expect(result.request).toEqual({
      model: 'gen4.5',
      promptText: `Scene: A young girl releases a lantern by a riverside at dusk.
Camera: Slow push-in, 50mm depth-of-field, hand-held feel.
Motion: Hair gently moves; lantern rises; ripples form.
Style: Soft lighting, warm tones, no grain, subtle vignette.
Avoid: close-ups, product logos.`,
      ratio: '1280:720',
      duration: 8,
      seed: 42,
    });
    expect(result.endpoint).toBe('POST /v1/text_to_video');
    expect(result.notes.map((n) => [n.kind, n.what])).toEqual([
      ['dropped', 'audio'],
      ['merged', 'negatives'],
    ]);
    expect(result.output.audio).toBe(false);
  });

  test('cuts a long prompt to 1000 characters at a word and says how long it was', () => {
    const long = doc(`Scene: ${'the lantern drifts over the water '.repeat(60)}\nCamera: wide\n`);
    const result = compileRunway(long);
    expect(result.request.promptText.length).toBeLessThanOrEqual(1000);
    expect(result.request.promptText.endsWith('…')).toBe(true);
    const full = compileOpenAIVideos(long).request.prompt;
    expect(full.length).toBeGreaterThan(2000);
    expect(full.startsWith(result.request.promptText.slice(0, -1))).toBe(true);
    expect(result.notes).toContainEqual({
      kind: 'clamped',
      what: 'prompt text',
      detail: `Runway reads at most 1000 characters, so the prompt is cut from ${full.length} characters and its end is dropped.`,
    });
  });

  test('asks Veo 3.1 on Runway for sound and picks its portrait 1080p ratio', () => {
    const result = compileRunway(doc('Size: 1080x1920\nScene: a\nAudio: rain\nDuration: 6s\n'), { model: 'veo3.1' });
    expect(result.request).toEqual({
      model: 'veo3.1',
      promptText: 'Scene: a.\nAudio: rain.',
      ratio: '1080:1920',
      duration: 6,
      audio: true,
    });
    expect(result.estimatedCostUsd).toBe(2.4);
    const silent = compileRunway(doc('Scene: a\nDuration: 4s\n'), { model: 'veo3.1_fast' });
    expect(silent.request).toMatchObject({ model: 'veo3.1_fast', audio: false, duration: 4 });
    expect(silent.estimatedCostUsd).toBe(0.4);
    expect(compileRunway(LANTERN, { model: 'veo3' }).request).not.toHaveProperty('audio');
  });

  test('uses Gen-4 Turbo only with a start image, on the image-to-video endpoint', () => {
    const without = compileRunway(LANTERN, { model: 'gen4_turbo' });
    expect(without.model).toBe('gen4.5');
    expect(without.notes[0]).toEqual({
      kind: 'clamped',
      what: 'model',
      detail: 'Gen-4 Turbo (needs a start image) animates a start image and none was given, so Gen-4.5 is used.',
    });
    const withImage = compileRunway(LANTERN, { model: 'gen4_turbo', promptImage: 'https://example.com/first.png' });
    expect(withImage.endpoint).toBe('POST /v1/image_to_video');
    expect(withImage.request).toMatchObject({
      model: 'gen4_turbo',
      promptImage: 'https://example.com/first.png',
      ratio: '1280:720',
      duration: 8,
    });
  });

  test('rounds lengths to whole seconds within 2–10', () => {
    expect(compileRunway(doc('Scene: a\nDuration: 14.4s\n')).request.duration).toBe(10);
    expect(compileRunway(doc('Scene: a\nDuration: 1s\n')).request.duration).toBe(2);
  });
});

describe('compileComfy: positive and negative text', () => {
  test('sends positive and negative text plus the numbers the workflow needs, without clamping', () => {
    const result = compileComfy(TWO_SHOTS, { size: { width: 832, height: 480 }, fps: 16, seed: 3 });
    expect(result.request).toMatchObject({
      negative: 'logos, birds',
      width: 832,
      height: 480,
      durationMs: 10_000,
      fps: 16,
      seed: 3,
    });
    expect(result.request.positive).toContain(
      'Cut to Shot 2 "Sky", 00:06–00:10: Scene: The lantern rises into the clouds. Camera: Tilt up.',
    );
    expect(result.request.positive).not.toContain('Audio');
    expect(result.notes.map((n) => [n.kind, n.what])).toEqual([
      ['merged', 'shots'],
      ['dropped', 'audio'],
      ['merged', 'negatives'],
    ]);
    expect(result.estimatedCostUsd).toBe(0);
  });
});

describe('compileOpenAIVideos: seconds "4", "8" or "12" and an allowed size', () => {
  test('sends the prompt with negatives folded in, seconds as a string and the size string', () => {
    const result = compileOpenAIVideos(LANTERN);
    expect(result.request).toEqual({
      model: 'sora-2',
      prompt: `${LANTERN_TEXT}\nAvoid: close-ups, product logos.`,
      seconds: '8',
      size: '1280x720',
    });
    expect(result.endpoint).toBe('POST /v1/videos');
    expect(result.notes).toEqual([
      {
        kind: 'merged',
        what: 'negatives',
        detail: 'Sora 2 has no negative prompt, so the negatives are added to the prompt text as "Avoid: …".',
      },
    ]);
    expect(result.estimatedCostUsd).toBe(0.8);
  });

  test('clamps length and size per model', () => {
    const wide = doc('Size: 1792x1024\nScene: a\nDuration: 10s\n');
    expect(compileOpenAIVideos(wide).request).toMatchObject({ seconds: '12', size: '1280x720' });
    expect(compileOpenAIVideos(wide, { model: 'sora-2-pro' }).request).toMatchObject({
      model: 'sora-2-pro',
      seconds: '12',
      size: '1792x1024',
    });
    expect(compileOpenAIVideos(doc('Scene: a\nDuration: 5s\n')).request.seconds).toBe('4');
  });
});

describe('compile: the dispatcher', () => {
  test('routes to the provider’s compiler', () => {
    expect(compile('veo', LANTERN)).toEqual(compileVeo(LANTERN));
    expect(compile('runway', LANTERN, { model: 'veo3' }).request.duration).toBe(8);
    expect(compile('local', LANTERN).provider).toBe('local');
  });

  test('always produces a request every provider accepts, for any valid structure', () => {
    fc.assert(
      fc.property(promptDoc, fc.constantFrom(...PROVIDER_IDS), (d, provider) => {
        const result = compile(provider, d);
        for (const note of result.notes) expect(CompileNote.safeParse(note).success).toBe(true);
        const { model } = modelFor(provider, result.model);
        // The built-in engine limits each shot, not the whole clip; that is checked below.
        if (provider !== 'local') expect(isDurationAllowed(model.durations, result.output.durationMs)).toBe(true);
        expect(isSizeAllowed(model.sizes, result.output.size)).toBe(true);
        if (result.provider === 'runway') expect(result.request.promptText.length).toBeLessThanOrEqual(1000);
        if (result.provider === 'veo') expect([4, 6, 8]).toContain(result.request.parameters.durationSeconds);
        if (result.provider === 'openai-videos') expect(['4', '8', '12']).toContain(result.request.seconds);
        if (result.provider === 'local') {
          for (const ms of result.request.shotDurationsMs) expect(ms >= 1000 && ms <= 60_000).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

import { describe, expect, test } from 'vitest';
import { compile } from './compile/index';
import { continueModel, continueModesOf, continueProblem, type ContinueSource } from './continuation';
import { lint } from './lint';
import { parse } from './parse';

const NOW = Date.UTC(2026, 11, 3, 12);
const veoClip: ContinueSource = {
  provider: 'veo',
  remoteId: 'models/veo-3.1-generate-preview/operations/abc',
  durationMs: 8000,
  width: 1280,
  height: 720,
  createdAt: NOW - 60_000,
};
const imported: ContinueSource = { ...veoClip, provider: 'import', remoteId: null, durationMs: 12_000 };

const PROMPT = `Scene: A lighthouse on a cliff at dusk.
Camera: Slow push in.
Style: Warm tones.
Duration: 8s`;

describe('continue modes', () => {
  test('come from the limits table, per provider', () => {
    expect(continueModesOf('veo')).toEqual(['extend']);
    expect(continueModesOf('runway')).toEqual(['video-to-video']);
    expect(continueModesOf('comfyui')).toEqual(['video-input']);
    expect(continueModesOf('local')).toEqual([]);
  });

  test('pick the model that takes the mode, or none when the creator chose one that cannot', () => {
    expect(continueModel('runway', 'video-to-video')?.id).toBe('aleph2');
    expect(continueModel('runway', 'video-to-video', 'aleph2')?.id).toBe('aleph2');
    expect(continueModel('runway', 'video-to-video', 'gen4.5')).toBeNull();
    expect(continueModel('veo', 'extend', 'veo-3.1-fast-generate-preview')?.id).toBe('veo-3.1-fast-generate-preview');
  });

  test('refuse what a provider cannot do, saying what to choose instead', () => {
    expect(continueProblem('local', undefined, 'extend', null, NOW)).toBe(
      'Built-in engine has no way to continue a clip; choose “Regenerate”, or a provider that offers “Extend”.',
    );
    expect(continueProblem('veo', undefined, 'video-to-video', null, NOW)).toBe(
      'Google Veo (Gemini API) cannot do “Video to video”; choose “Extend” or “Regenerate”.',
    );
    expect(continueProblem('runway', 'gen4.5', 'video-to-video', null, NOW)).toBe(
      'Gen-4.5 cannot do “Video to video”; choose Aleph 2 (video to video).',
    );
  });

  test('hold Veo extension to 720p clips Veo made, of at most 141 s, within two days', () => {
    expect(continueProblem('veo', undefined, 'extend', veoClip, NOW)).toBeNull();
    expect(continueProblem('veo', undefined, 'extend', imported, NOW)).toMatch(
      /^Veo extends only clips Veo made through the Gemini API; this one was made elsewhere and imported\./,
    );
    expect(continueProblem('veo', undefined, 'extend', { ...veoClip, width: 1920, height: 1080 }, NOW)).toMatch(
      /720p clips only .* this one is 1920×1080/,
    );
    expect(continueProblem('veo', undefined, 'extend', { ...veoClip, durationMs: 148_000 }, NOW)).toMatch(
      /up to 141 s; this one is 148 s/,
    );
    expect(
      continueProblem('veo', undefined, 'extend', { ...veoClip, createdAt: NOW - 3 * 24 * 3600 * 1000 }, NOW),
    ).toMatch(/keeps a video for two days/);
  });

  test('hold Aleph to sources of at most 30 s; any clip may go to a ComfyUI workflow', () => {
    expect(continueProblem('runway', undefined, 'video-to-video', imported, NOW)).toBeNull();
    expect(continueProblem('runway', undefined, 'video-to-video', { ...imported, durationMs: 42_000 }, NOW)).toBe(
      'Aleph 2 (video to video) remakes clips of up to 30 s; this one is 42 s. Trim it first, or choose “Regenerate”.',
    );
    expect(continueProblem('comfyui', undefined, 'video-input', { ...imported, durationMs: 600_000 }, NOW)).toBeNull();
  });
});

describe('the linter', () => {
  test('reports a continuation the provider cannot make as an error', () => {
    const { diagnostics } = lint(PROMPT, {
      provider: 'veo',
      continueFrom: { mode: 'extend', source: imported, now: NOW },
    });
    const errors = diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => d.code)).toEqual(['provider-continue']);
    expect(errors[0]?.message).toMatch(/Veo extends only clips Veo made/);
  });

  test('checks an extension against the length Veo extends at', () => {
    const text = PROMPT.replace('Duration: 8s', 'Duration: 4s');
    const plain = lint(text, { provider: 'veo' }).diagnostics.filter((d) => d.code === 'provider-duration');
    expect(plain).toEqual([]);
    const extending = lint(text, { provider: 'veo', continueFrom: { mode: 'extend', source: veoClip, now: NOW } });
    const durations = extending.diagnostics.filter((d) => d.code === 'provider-duration');
    expect(durations.map((d) => d.message)).toEqual([
      'Veo 3.1 renders 8 s clips, so 4s will become 8s; set Duration to 8s.',
    ]);
  });
});

describe('the compilers', () => {
  const doc = parse(PROMPT).doc;

  test('Veo extends at 720p in the source’s shape and delivers the source plus 7 s', () => {
    const portrait = { ...veoClip, width: 720, height: 1280 };
    const compiled = compile('veo', doc, { size: { width: 1920, height: 1080 } }, { mode: 'extend', source: portrait });
    expect(compiled.request.parameters).toEqual({ aspectRatio: '9:16', resolution: '720p', durationSeconds: 8 });
    expect(compiled.output).toEqual({ durationMs: 15_000, size: { width: 720, height: 1280 }, audio: true });
    expect(compiled.notes.map((n) => n.what)).toEqual(['size', 'extension']);
    // 8 s at $0.40 a second.
    expect(compiled.estimatedCostUsd).toBe(3.2);
  });

  test('Runway video to video sends the prompt and seed only; the clip keeps its source’s length and shape', () => {
    const compiled = compile(
      'runway',
      doc,
      { model: 'aleph2', seed: 7 },
      { mode: 'video-to-video', source: { ...imported, width: 640, height: 360 } },
    );
    expect(compiled.endpoint).toBe('POST /v1/video_to_video');
    expect(compiled.request).toEqual({
      model: 'aleph2',
      promptText: expect.stringContaining('lighthouse') as string,
      seed: 7,
    });
    expect(compiled.output).toEqual({ durationMs: 12_000, size: { width: 640, height: 360 }, audio: false });
    // 12 s at 28 credits ($0.28) a second.
    expect(compiled.estimatedCostUsd).toBe(3.36);
  });

  test('Aleph without a source clip falls back to Gen-4.5, saying so', () => {
    const compiled = compile('runway', doc, { model: 'aleph2' });
    expect(compiled.model).toBe('gen4.5');
    expect(compiled.notes[0]?.detail).toMatch(
      /^Aleph 2 \(video to video\) remakes an existing clip and none was given/,
    );
  });

  test('ComfyUI marks the request for the workflow’s video loader', () => {
    const compiled = compile('comfyui', doc, {}, { mode: 'video-input', source: imported });
    expect(compiled.request.videoInput).toBe(true);
    expect(compile('comfyui', doc, {}).request.videoInput).toBeUndefined();
  });
});

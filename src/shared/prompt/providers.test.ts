import { describe, expect, test } from 'vitest';
import {
  describeDurations,
  describeSizes,
  estimateCostUsd,
  isDurationAllowed,
  isSizeAllowed,
  modelFor,
  nearestDuration,
  nearestSize,
  planOutput,
  PROVIDER_IDS,
  PROVIDERS,
  type ModelLimits,
} from './providers';

function model(provider: keyof typeof PROVIDERS, id: string): ModelLimits {
  const found = PROVIDERS[provider].models.find((m) => m.id === id);
  if (!found) throw new Error(`no ${id}`);
  return found;
}

function seconds(m: ModelLimits): readonly number[] {
  if (m.durations.kind !== 'choices') throw new Error(`${m.id} has no fixed lengths`);
  return m.durations.seconds;
}

function sizes(m: ModelLimits): string[] {
  if (m.sizes.kind !== 'choices') throw new Error(`${m.id} has no fixed sizes`);
  return m.sizes.sizes.map((s) => `${s.width}x${s.height}=${s.value}${s.resolution ? `@${s.resolution}` : ''}`);
}

describe('the provider table', () => {
  test('lists every provider, each with its default model and a dated, sourced price per model', () => {
    expect([...PROVIDER_IDS]).toEqual(['local', 'veo', 'runway', 'comfyui', 'openai-videos']);
    for (const id of PROVIDER_IDS) {
      const limits = PROVIDERS[id];
      expect(limits.id).toBe(id);
      expect(
        limits.models.some((m) => m.id === limits.defaultModel),
        id,
      ).toBe(true);
      for (const m of limits.models) {
        expect(m.price.usdPerSecond, m.id).toBeGreaterThanOrEqual(0);
        expect(m.price.source, m.id).not.toBe('');
        expect(m.price.checked, m.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(isDurationAllowed(m.durations, nearestDuration(m.durations, m.defaultDurationMs)), m.id).toBe(true);
        expect(isDurationAllowed(m.durations, m.defaultDurationMs), m.id).toBe(true);
        expect(isSizeAllowed(m.sizes, m.defaultSize), m.id).toBe(true);
      }
    }
  });

  // From the Gemini API's video guide (https://ai.google.dev/gemini-api/docs/video): durationSeconds
  // is 4, 6 or 8; aspectRatio is "16:9" or "9:16"; resolution is 720p, 1080p or 4k, and 1080p and
  // 4k are made only as 8 s clips; negativePrompt is a parameter; Veo 3.1 makes its own sound.
  test('holds the Veo limits of the Gemini API: 4, 6 or 8 s, 16:9 or 9:16, 1080p and 4k only at 8 s, a negative prompt', () => {
    expect(PROVIDERS.veo.models.map((m) => m.id)).toEqual([
      'veo-3.1-generate-preview',
      'veo-3.1-fast-generate-preview',
    ]);
    for (const m of PROVIDERS.veo.models) {
      for (const ms of [4000, 6000, 8000]) expect(isDurationAllowed(m.durations, ms), `${m.id} ${ms}`).toBe(true);
      for (const ms of [2000, 5000, 7000, 10_000])
        expect(isDurationAllowed(m.durations, ms), `${m.id} ${ms}`).toBe(false);
      // Halfway between two lengths, the longer one, so nothing the creator timed is cut.
      expect(nearestDuration(m.durations, 5000)).toBe(6000);
      expect(nearestDuration(m.durations, 12_000)).toBe(8000);

      const hd = planOutput(m, { width: 1280, height: 720 }, 4000);
      expect(hd.choice).toMatchObject({ value: '16:9', resolution: '720p' });
      expect(planOutput(m, { width: 720, height: 1280 }, 6000).choice).toMatchObject({
        value: '9:16',
        resolution: '720p',
      });
      expect(planOutput(m, { width: 1920, height: 1080 }, 8000).choice).toMatchObject({
        value: '16:9',
        resolution: '1080p',
      });
      expect(planOutput(m, { width: 2160, height: 3840 }, 8000).choice).toMatchObject({
        value: '9:16',
        resolution: '4k',
      });
      // 1080p asked at 6 s: the length wins, the picture drops to 720p of the same shape.
      const short = planOutput(m, { width: 1920, height: 1080 }, 6000);
      expect(short.durationMs).toBe(6000);
      expect(short.choice).toMatchObject({ width: 1280, height: 720, resolution: '720p' });
      expect(isSizeAllowed(m.sizes, { width: 1024, height: 1024 })).toBe(false);

      expect(m.negativePrompt).toBe(true);
      expect(m.audio).toBe(true);
    }
  });

  test('holds the Runway limits: promptText of at most 1000 characters, ratio strings and per-model lengths', () => {
    for (const m of PROVIDERS.runway.models) {
      expect(m.maxPromptChars, m.id).toBe(1000);
      expect(m.negativePrompt, m.id).toBe(false);
      // Aleph's output follows its input video, so only models that make new clips list sizes.
      if (m.requiresVideo === true) {
        expect(m.sizes.kind, m.id).toBe('any');
        continue;
      }
      if (m.sizes.kind !== 'choices') throw new Error('Runway sizes are a list');
      for (const s of m.sizes.sizes) expect(s.value).toBe(`${s.width}:${s.height}`);
    }
    expect(model('runway', 'gen4.5').durations).toEqual({ kind: 'range', minMs: 2000, maxMs: 10_000, stepMs: 1000 });
    expect(sizes(model('runway', 'gen4.5'))).toEqual(['1280x720=1280:720', '720x1280=720:1280']);
    expect(model('runway', 'gen4_turbo').requiresImage).toBe(true);
    expect(seconds(model('runway', 'veo3'))).toEqual([8]);
    expect(seconds(model('runway', 'veo3.1'))).toEqual([4, 6, 8]);
    expect(seconds(model('runway', 'veo3.1_fast'))).toEqual([4, 6, 8]);
    expect(PROVIDERS.runway.models.map((m) => m.id)).toEqual([
      'gen4.5',
      'gen4_turbo',
      'aleph2',
      'veo3.1',
      'veo3.1_fast',
      'veo3',
    ]);
  });

  test('holds the OpenAI videos limits: 4, 8 or 12 s and the sizes of each Sora model', () => {
    expect(seconds(model('openai-videos', 'sora-2'))).toEqual([4, 8, 12]);
    expect(sizes(model('openai-videos', 'sora-2'))).toEqual(['720x1280=720x1280', '1280x720=1280x720']);
    expect(sizes(model('openai-videos', 'sora-2-pro'))).toEqual([
      '720x1280=720x1280',
      '1280x720=1280x720',
      '1024x1792=1024x1792',
      '1792x1024=1792x1024',
    ]);
    expect(model('openai-videos', 'sora-2').remix).toBe(true);
  });

  test('holds the built-in engine limits and leaves ComfyUI free-form, both at no cost', () => {
    const builtin = model('local', 'builtin');
    expect(builtin.durations).toEqual({ kind: 'range', minMs: 1000, maxMs: 60_000, stepMs: 1 });
    expect(isSizeAllowed(builtin.sizes, { width: 1920, height: 1080 })).toBe(true);
    expect(isSizeAllowed(builtin.sizes, { width: 1080, height: 1920 })).toBe(true);
    expect(isSizeAllowed(builtin.sizes, { width: 2560, height: 1440 })).toBe(false);
    expect(PROVIDERS.local.fps).toEqual({ min: 12, max: 60, default: 24 });
    expect(PROVIDERS.local.singlePrompt).toBe(false);
    const comfy = model('comfyui', 'workflow');
    expect([comfy.durations.kind, comfy.sizes.kind, comfy.price.usdPerSecond, builtin.price.usdPerSecond]).toEqual([
      'any',
      'any',
      0,
      0,
    ]);
  });
});

describe('limit helpers', () => {
  test('picks the nearest allowed length, the longer one on a tie', () => {
    const veo = model('veo', 'veo-3.1-generate-preview').durations;
    expect([3000, 5000, 7000, 9000, 20_000].map((ms) => nearestDuration(veo, ms))).toEqual([
      4000, 6000, 8000, 8000, 8000,
    ]);
    const gen45 = model('runway', 'gen4.5').durations;
    expect([500, 4400, 4500, 12_000].map((ms) => nearestDuration(gen45, ms))).toEqual([2000, 4000, 5000, 10_000]);
    expect(nearestDuration(model('local', 'builtin').durations, 1234)).toBe(1234);
  });

  test('picks the nearest allowed size by shape first', () => {
    const sora = model('openai-videos', 'sora-2').sizes;
    expect(nearestSize(sora, { width: 1080, height: 1920 })).toEqual({ width: 720, height: 1280 });
    expect(nearestSize(sora, { width: 3840, height: 2160 })).toEqual({ width: 1280, height: 720 });
    const builtin = model('local', 'builtin').sizes;
    expect(nearestSize(builtin, { width: 3840, height: 2160 })).toEqual({ width: 1920, height: 1080 });
    expect(nearestSize(builtin, { width: 1001, height: 3001 })).toEqual({ width: 640, height: 1920 });
    expect(nearestSize(builtin, { width: 641, height: 361 })).toEqual({ width: 640, height: 360 });
  });

  test('plans the clip a model makes: the length wins over the resolution', () => {
    const veo = model('veo', 'veo-3.1-generate-preview');
    const at6 = planOutput(veo, { width: 1920, height: 1080 }, 6000);
    expect([at6.durationMs, at6.size, at6.choice?.resolution]).toEqual([6000, { width: 1280, height: 720 }, '720p']);
    expect(at6.changes.map((c) => c.what)).toEqual(['size']);
    const at8 = planOutput(veo, { width: 1080, height: 1920 }, 7000);
    expect([at8.durationMs, at8.choice?.value, at8.choice?.resolution]).toEqual([8000, '9:16', '1080p']);
    expect(at8.changes.map((c) => c.what)).toEqual(['duration']);
  });

  test('estimates cost from the table, by size and with or without sound', () => {
    expect(estimateCostUsd(model('veo', 'veo-3.1-generate-preview'), 8000, { width: 1280, height: 720 })).toBe(3.2);
    expect(estimateCostUsd(model('veo', 'veo-3.1-generate-preview'), 8000, { width: 3840, height: 2160 })).toBe(4.8);
    expect(estimateCostUsd(model('openai-videos', 'sora-2-pro'), 4000, { width: 1792, height: 1024 })).toBe(2);
    expect(estimateCostUsd(model('runway', 'veo3.1'), 8000, { width: 1280, height: 720 }, false)).toBe(1.6);
    expect(estimateCostUsd(model('local', 'builtin'), 60_000, { width: 1920, height: 1080 })).toBe(0);
  });

  test('falls back to the default model for an unknown id and says so', () => {
    expect(modelFor('runway', 'gen9')).toMatchObject({ model: { id: 'gen4.5' }, known: false });
    expect(modelFor('runway')).toMatchObject({ model: { id: 'gen4.5' }, known: true });
    expect(modelFor('openai-videos', 'sora-2-pro')).toMatchObject({ model: { id: 'sora-2-pro' }, known: true });
  });

  test('describes limits in words for messages', () => {
    expect(describeDurations(model('veo', 'veo-3.1-generate-preview').durations)).toBe('4, 6 or 8 s');
    expect(describeDurations(model('runway', 'gen4.5').durations)).toBe('2–10 s');
    expect(describeDurations(model('comfyui', 'workflow').durations)).toBe('any length');
    expect(describeSizes(model('local', 'builtin').sizes)).toBe('even sizes from 64x64 up to 1920x1080');
  });
});

import { describe, expect, test } from 'vitest';
import { PROVIDER_IDS, type ProviderId } from '../../shared/prompt/providers';
import { capabilitiesOf, estimateCost } from './capabilities';
import { createProviders, describeProviders } from './index';
import { envKeySource } from './keys';

describe('capabilities', () => {
  // Prices as the providers publish them, per second of output, read on the table's date:
  // Gemini API pricing (ai.google.dev/gemini-api/docs/pricing), Runway's API pricing (credits at
  // $0.01, docs.dev.runwayml.com/guides/pricing) and OpenAI's (openai.com/api/pricing).
  test('carry each model’s published price per second, with its source and date', () => {
    const prices = (id: ProviderId): [string, number][] =>
      capabilitiesOf(id).models.map((m) => [m.id, m.price.usdPerSecond]);
    expect(prices('local')).toEqual([['builtin', 0]]);
    expect(prices('comfyui')).toEqual([['workflow', 0]]);
    expect(prices('veo')).toEqual([
      ['veo-3.1-generate-preview', 0.4],
      ['veo-3.1-fast-generate-preview', 0.12],
    ]);
    // Credits per second: 12, 5, 28, 40, 15 and 40.
    expect(prices('runway')).toEqual([
      ['gen4.5', 0.12],
      ['gen4_turbo', 0.05],
      ['aleph2', 0.28],
      ['veo3.1', 0.4],
      ['veo3.1_fast', 0.15],
      ['veo3', 0.4],
    ]);
    expect(prices('openai-videos')).toEqual([
      ['sora-2', 0.1],
      ['sora-2-pro', 0.3],
    ]);
    for (const id of PROVIDER_IDS) {
      for (const model of capabilitiesOf(id).models) {
        expect(model.price.source, model.id).not.toBe('');
        expect(model.price.checked, model.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
    }
  });

  test('add what only the runtime knows: who charges, who can cancel or find a job again', () => {
    expect(capabilitiesOf('local')).toMatchObject({ paid: false, cancel: 'worker', defaultConcurrency: 1 });
    expect(capabilitiesOf('veo')).toMatchObject({ paid: true, cancel: 'local-only', lookup: false, remix: false });
    expect(capabilitiesOf('runway')).toMatchObject({ paid: true, cancel: 'remote', lookup: false, remix: false });
    expect(capabilitiesOf('openai-videos')).toMatchObject({
      paid: true,
      cancel: 'local-only',
      lookup: true,
      remix: true,
    });
    expect(capabilitiesOf('comfyui')).toMatchObject({ paid: false, cancel: 'remote', lookup: true });
    expect(capabilitiesOf('veo').defaultModel).toBe('veo-3.1-generate-preview');
  });

  test('declare each provider’s own ways to carry a clip on', () => {
    expect(capabilitiesOf('veo').continueModes).toEqual(['extend']);
    expect(capabilitiesOf('runway').continueModes).toEqual(['video-to-video']);
    expect(capabilitiesOf('comfyui').continueModes).toEqual(['video-input']);
    expect(capabilitiesOf('local').continueModes).toEqual([]);
    expect(capabilitiesOf('openai-videos').continueModes).toEqual([]);
  });

  test('estimate a clip’s cost from its length, size and sound, worked out by hand', () => {
    const hd = { width: 1280, height: 720 };
    const uhd = { width: 3840, height: 2160 };
    const cost = (id: ProviderId, model: string, seconds: number, size = hd, audio = true): number =>
      estimateCost(id, model, { durationMs: seconds * 1000, size, audio }).usd;
    // 8 s of Veo 3.1 at $0.40/s = $3.20; in 4k at $0.60/s = $4.80.
    expect(cost('veo', 'veo-3.1-generate-preview', 8)).toBeCloseTo(3.2, 6);
    expect(cost('veo', 'veo-3.1-generate-preview', 8, uhd)).toBeCloseTo(4.8, 6);
    // 6 s of Veo 3.1 Fast at $0.12/s = $0.72.
    expect(cost('veo', 'veo-3.1-fast-generate-preview', 6)).toBeCloseTo(0.72, 6);
    // 5 s of Gen-4.5 at 12 credits/s = 60 credits = $0.60.
    expect(cost('runway', 'gen4.5', 5, hd, false)).toBeCloseTo(0.6, 6);
    // 8 s of Veo 3.1 on Runway: 40 credits/s with sound = $3.20, 20 credits/s without = $1.60.
    expect(cost('runway', 'veo3.1', 8)).toBeCloseTo(3.2, 6);
    expect(cost('runway', 'veo3.1', 8, hd, false)).toBeCloseTo(1.6, 6);
    // 12 s of Sora 2 Pro at 1792x1024, $0.50/s = $6.00.
    expect(cost('openai-videos', 'sora-2-pro', 12, { width: 1792, height: 1024 })).toBeCloseTo(6, 6);
    // A minute on this computer costs nothing.
    expect(cost('local', 'builtin', 60)).toBe(0);

    const veo = estimateCost('veo', 'veo-3.1-generate-preview', { durationMs: 8000, size: hd, audio: true });
    expect(veo.price.source).toBe('https://ai.google.dev/gemini-api/docs/pricing');
    const registry = createProviders({ keys: envKeySource({}), env: {}, render: null });
    expect(
      registry.get('runway')?.estimateCost('gen4.5', { durationMs: 5000, size: hd, audio: false }).usd,
    ).toBeCloseTo(0.6, 6);
  });

  test('the registry has every provider and says which are not ready, and why', () => {
    const registry = createProviders({ keys: envKeySource({ RUNWAYML_API_SECRET: 'k' }), env: {}, render: null });
    expect([...registry.keys()].sort()).toEqual([...PROVIDER_IDS].sort());
    const described = new Map(describeProviders(registry).map((p) => [p.id, p]));
    expect(described.get('runway')).toMatchObject({ ready: true, notReadyReason: null });
    expect(described.get('veo')?.notReadyReason).toMatch(/GEMINI_API_KEY/);
    expect(described.get('openai-videos')?.notReadyReason).toMatch(/OPENAI_API_KEY/);
    expect(described.get('local')?.ready).toBe(false);
    expect(described.get('comfyui')?.notReadyReason).toMatch(/workflow/);
  });
});

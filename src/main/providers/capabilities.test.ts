import { describe, expect, test } from 'vitest';
import { PROVIDER_IDS, PROVIDERS } from '../../shared/prompt/providers';
import { capabilitiesOf, estimateCost } from './capabilities';
import { createProviders, describeProviders } from './index';
import { envKeySource } from './keys';

describe('capabilities', () => {
  test('come from the shared limits table, with price sources and dates, plus what only the runtime knows', () => {
    for (const id of PROVIDER_IDS) {
      const capabilities = capabilitiesOf(id);
      expect(capabilities.models).toBe(PROVIDERS[id].models);
      for (const model of capabilities.models) {
        expect(model.price.source).not.toBe('');
        expect(model.price.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
    }
    expect(capabilitiesOf('local')).toMatchObject({ paid: false, cancel: 'worker', defaultConcurrency: 1 });
    expect(capabilitiesOf('veo')).toMatchObject({ paid: true, cancel: 'local-only', lookup: false });
    expect(capabilitiesOf('runway')).toMatchObject({ paid: true, cancel: 'remote', lookup: false });
    expect(capabilitiesOf('openai-videos')).toMatchObject({
      paid: true,
      cancel: 'local-only',
      lookup: true,
      remix: true,
    });
    expect(capabilitiesOf('comfyui')).toMatchObject({ paid: false, cancel: 'remote', lookup: true });
  });

  test('estimates come from the table’s price, with its source and date', () => {
    const hd = { width: 1280, height: 720 };
    const veo = estimateCost('veo', 'veo-3.1-generate-preview', { durationMs: 8000, size: hd, audio: true });
    const perSecond = PROVIDERS.veo.models.find((m) => m.id === 'veo-3.1-generate-preview')?.price.usdPerSecond ?? NaN;
    expect(veo.usd).toBeCloseTo(perSecond * 8, 6);
    expect(veo.price.source).toMatch(/^https:\/\/ai\.google\.dev/);
    expect(estimateCost('local', 'builtin', { durationMs: 60_000, size: hd, audio: true }).usd).toBe(0);
    const registry = createProviders({ keys: envKeySource({}), env: {}, render: null });
    const gen45 = PROVIDERS.runway.models.find((m) => m.id === 'gen4.5')?.price.usdPerSecond ?? NaN;
    expect(
      registry.get('runway')?.estimateCost('gen4.5', { durationMs: 5000, size: hd, audio: false }).usd,
    ).toBeCloseTo(gen45 * 5, 6);
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

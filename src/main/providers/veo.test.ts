import { GoogleGenAI } from '@google/genai';
import { describe, expect, onTestFinished, test } from 'vitest';
import { estimateCostUsd, modelFor } from '../../shared/prompt/providers';
import { PROMPT, queueHarness, sampleVideo, settled } from '../../../test/jobs/harness';
import { expectStudioError, rejectionOf, thrownBy } from '../../../test/support/fixtures';
import { ProviderError } from './errors';
import { googleError, startVeoFake, type VeoFake } from '../../../test/fakes/veo';
import { providerConformance } from '../../../test/providers/conformance';
import { createVeoProvider, veoFileName } from './veo';

const HD = { width: 1280, height: 720 };
const costOf = (model: string): number => estimateCostUsd(modelFor('veo', model).model, 4000, HD);

providerConformance({
  id: 'veo',
  expectedCostUsd: costOf('veo-3.1-generate-preview'), // the table's price for 4 s
  async start(video, requestTimeoutMs, slow) {
    const fake = await startVeoFake({ video, pollsToFinish: slow ? 100_000 : 2 });
    const provider = createVeoProvider({ apiKey: () => fake.apiKey, baseUrl: fake.url, requestTimeoutMs });
    return {
      provider,
      fake: {
        fault: (route, fault, times) => fake.faults.add(route, fault, times),
        submissions: () => fake.submissions(),
        outcomes: fake.outcomes,
        cancels: () => 0,
        close: () => fake.close(),
      },
    };
  },
});

async function veoFake(): Promise<VeoFake> {
  const fake = await startVeoFake({ video: await sampleVideo() });
  onTestFinished(() => fake.close());
  return fake;
}

const signal = (): AbortSignal => new AbortController().signal;
const context = () => ({ idempotencyKey: 'k', submittedAt: Date.now(), signal: signal() });
const request = (parameters: Record<string, unknown>) => ({
  model: 'veo-3.1-generate-preview',
  request: {
    instances: [{ prompt: 'a kite' }],
    parameters: { aspectRatio: '16:9', resolution: '720p', durationSeconds: 8, ...parameters },
  },
});

describe('the fake Gemini API checks what the real one checks', () => {
  test('the API key: missing is refused, wrong is invalid', async () => {
    const fake = await veoFake();
    const url = `${fake.url}/v1beta/models/veo-3.1-generate-preview:predictLongRunning`;
    const body = JSON.stringify({ instances: [{ prompt: 'x' }] });
    const missing = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(missing.status).toBe(403);
    expect(await missing.json()).toMatchObject({ error: { status: 'PERMISSION_DENIED' } });
    const wrong = createVeoProvider({ apiKey: () => 'nope', baseUrl: fake.url, requestTimeoutMs: 2000 });
    const error = await rejectionOf(wrong.submit(request({}), context()));
    expect(error).toMatchObject({ kind: 'rejected', status: 400, code: 'INVALID_ARGUMENT' });
    expect((error as Error).message).toMatch(/API key not valid/);
  });

  test('unknown fields are refused with Google’s wording; so are unknown models', async () => {
    const fake = await veoFake();
    const response = await fetch(`${fake.url}/v1beta/models/veo-3.1-generate-preview:predictLongRunning`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-goog-api-key': fake.apiKey },
      body: JSON.stringify({ instances: [{ prompt: 'x' }], parameters: { fps: 24 } }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual(
      googleError(400, `Invalid JSON payload received. Unknown name "fps" at 'parameters': Cannot find field.`),
    );
    const provider = createVeoProvider({ apiKey: () => fake.apiKey, baseUrl: fake.url, requestTimeoutMs: 2000 });
    const unknown = await rejectionOf(provider.submit({ ...request({}), model: 'veo-9' }, context()));
    expect(unknown).toMatchObject({ kind: 'not_found', status: 404 });
  });

  test('1080p must be 8 s, and a bad aspect ratio is refused: the provider reports the service’s reason', async () => {
    const fake = await veoFake();
    const provider = createVeoProvider({ apiKey: () => fake.apiKey, baseUrl: fake.url, requestTimeoutMs: 2000 });
    const short = await rejectionOf(provider.submit(request({ resolution: '1080p', durationSeconds: 4 }), context()));
    expect(short).toBeInstanceOf(ProviderError);
    expect(short).toMatchObject({
      kind: 'rejected',
      message: 'Veo answered 400 INVALID_ARGUMENT: 1080p videos must be 8 seconds long.',
    });
    const square = await rejectionOf(provider.submit(request({ aspectRatio: '1:1' }), context()));
    expect((square as Error).message).toMatch(/Aspect ratio 1:1 is not supported/);
    expect(fake.submissions()).toBe(0);
  });

  test('the official SDK drives the fake end to end (generateVideos, operations, the redirecting download)', async () => {
    const fake = await veoFake();
    const ai = new GoogleGenAI({ apiKey: fake.apiKey, httpOptions: { baseUrl: fake.url } });
    let operation = await ai.models.generateVideos({
      model: 'veo-3.1-fast-generate-preview',
      source: { prompt: 'a kite' },
      config: { durationSeconds: 6 },
    });
    expect(operation.name).toMatch(/^models\/veo-3\.1-fast-generate-preview\/operations\/[0-9a-f]{12}$/);
    while (operation.done !== true) operation = await ai.operations.getVideosOperation({ operation });
    const uri = operation.response?.generatedVideos?.[0]?.video?.uri ?? '';
    expect(uri).toMatch(
      /^https:\/\/generativelanguage\.googleapis\.com\/v1beta\/files\/[0-9a-f]+:download\?alt=media$/,
    );
    expect(veoFileName(uri)).toMatch(/^[0-9a-f]{12}$/);
  });
});

describe('Veo through the queue', () => {
  test('sends the compiled request: prompt, aspect ratio, resolution, length and the negative prompt', async () => {
    const fake = await veoFake();
    const provider = createVeoProvider({ apiKey: () => fake.apiKey, baseUrl: fake.url, requestTimeoutMs: 2000 });
    const h = await queueHarness(new Map([['veo', provider]]));
    const job = h.queue.enqueue({
      projectId: h.projectId,
      provider: 'veo',
      promptText: PROMPT,
      options: { model: 'veo-3.1-fast-generate-preview' },
    });
    const price = costOf('veo-3.1-fast-generate-preview');
    expect(job).toMatchObject({ model: 'veo-3.1-fast-generate-preview', costEstimateUsd: price, seed: null });
    h.queue.start();
    expect(await settled(h.queue, job.id)).toMatchObject({ state: 'succeeded', costActualUsd: price });
    const [operation] = [...fake.operations.values()];
    expect(operation?.request).toEqual({
      instances: [{ prompt: expect.stringContaining('a red kite over a beach at dawn') as unknown }],
      parameters: { aspectRatio: '16:9', resolution: '720p', durationSeconds: 4, negativePrompt: 'people' },
    });
    // The file is fetched from the configured base URL, with the key, following the redirect.
    const download = fake.requests.find((r) => r.route === 'download');
    expect(download?.headers['x-goog-api-key']).toBe(fake.apiKey);
    expect(fake.requests.some((r) => r.route === 'file')).toBe(true);
  });

  test('a 429 that carries Google’s RetryInfo (no Retry-After header) is honoured', async () => {
    const fake = await veoFake();
    fake.faults.add('submit', {
      kind: 'status',
      status: 429,
      body: googleError(429, 'Quota exceeded.', [
        { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '31s' },
      ]),
    });
    const provider = createVeoProvider({ apiKey: () => fake.apiKey, baseUrl: fake.url, requestTimeoutMs: 2000 });
    const error = await rejectionOf(provider.submit(request({}), context()));
    expect(error).toMatchObject({ kind: 'rate_limited', retryAfterMs: 31_000, code: 'RESOURCE_EXHAUSTED' });
  });

  test('without a key the job is refused at once, saying where the key goes', async () => {
    const provider = createVeoProvider({ apiKey: () => null, requestTimeoutMs: 2000 });
    const h = await queueHarness(new Map([['veo', provider]]));
    const error = thrownBy(() => h.queue.enqueue({ projectId: h.projectId, provider: 'veo', promptText: PROMPT }));
    expectStudioError(error, 'invalid_input', /GEMINI_API_KEY/);
    expect(h.queue.list()).toEqual([]);
  });
});

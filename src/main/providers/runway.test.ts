import RunwayML from '@runwayml/sdk';
import { describe, expect, onTestFinished, test } from 'vitest';
import { PROMPT, queueHarness, sampleVideo, settled } from '../../../test/jobs/harness';
import { rejectionOf } from '../../../test/support/fixtures';
import { RUNWAY_VERSION, startRunwayFake, type RunwayFake } from '../../../test/fakes/runway';
import { createRunwayProvider, RUNWAY_API_VERSION } from './runway';
import { providerConformance } from '../../../test/providers/conformance';

providerConformance({
  id: 'runway',
  // Gen-4.5 at 12 credits a second for 4 s, reported by the service as the task's cost.
  expectedCostUsd: 0.48,
  async start(video, requestTimeoutMs, slow) {
    const fake = await startRunwayFake({ video, pollsToFinish: slow ? 100_000 : 3 });
    const provider = createRunwayProvider({ apiKey: () => fake.apiKey, baseUrl: fake.url, requestTimeoutMs });
    return {
      provider,
      fake: {
        fault: (route, fault, times) => fake.faults.add(route === 'download' ? 'file' : route, fault, times),
        submissions: () => fake.submissions(),
        outcomes: fake.outcomes,
        cancels: () => fake.cancels.length,
        close: () => fake.close(),
      },
    };
  },
});

async function runwayFake(): Promise<RunwayFake> {
  const fake = await startRunwayFake({ video: await sampleVideo() });
  onTestFinished(() => fake.close());
  return fake;
}

const context = () => ({ idempotencyKey: 'k', submittedAt: Date.now(), signal: new AbortController().signal });

describe('the fake Runway API checks what the real one checks', () => {
  test('the version header is required and must be current', async () => {
    expect(RUNWAY_API_VERSION).toBe(RUNWAY_VERSION);
    const fake = await runwayFake();
    const body = JSON.stringify({ model: 'gen4.5', promptText: 'x', ratio: '1280:720', duration: 5 });
    const headers = { authorization: `Bearer ${fake.apiKey}`, 'content-type': 'application/json' };
    const missing = await fetch(`${fake.url}/v1/text_to_video`, { method: 'POST', headers, body });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual({ error: expect.stringMatching(/X-Runway-Version/) as unknown });
    const old = new RunwayML({ apiKey: fake.apiKey, baseURL: fake.url, runwayVersion: '2023-01-01', maxRetries: 0 });
    const error = await rejectionOf(
      old.textToVideo.create({ model: 'gen4.5', promptText: 'x', ratio: '1280:720', duration: 5 }),
    );
    expect((error as Error).message).toMatch(/Invalid API version/);
    expect(fake.submissions()).toBe(0);
  });

  test('a body that fails validation is refused with its issues, and the job fails with them', async () => {
    const fake = await runwayFake();
    const provider = createRunwayProvider({ apiKey: () => fake.apiKey, baseUrl: fake.url, requestTimeoutMs: 2000 });
    const error = await rejectionOf(
      provider.submit(
        {
          model: 'gen4.5',
          request: { model: 'gen4.5', promptText: 'x'.repeat(1001), ratio: '1280:720', duration: 11 },
        },
        context(),
      ),
    );
    expect(error).toMatchObject({ kind: 'rejected', status: 400 });
    expect((error as Error).message).toMatch(
      /Validation of body failed \(promptText must be at most 1000 characters; .*10/,
    );
  });

  test('a wrong key is refused as an auth failure', async () => {
    const fake = await runwayFake();
    const provider = createRunwayProvider({ apiKey: () => 'key_wrong', baseUrl: fake.url, requestTimeoutMs: 2000 });
    const error = await rejectionOf(provider.poll('nope', { signal: new AbortController().signal }));
    expect(error).toMatchObject({ kind: 'auth', status: 401 });
  });
});

describe('Runway through the queue', () => {
  test('sends the compiled body with the job’s seed and the version header; the cost is the task’s credits', async () => {
    const fake = await runwayFake();
    const provider = createRunwayProvider({ apiKey: () => fake.apiKey, baseUrl: fake.url, requestTimeoutMs: 2000 });
    const h = await queueHarness(new Map([['runway', provider]]));
    const job = h.queue.enqueue({
      projectId: h.projectId,
      provider: 'runway',
      promptText: PROMPT,
      options: { seed: 1234 },
    });
    h.queue.start();
    const done = await settled(h.queue, job.id);
    expect(done).toMatchObject({ state: 'succeeded', seed: 1234, costActualUsd: 0.48 });
    expect(fake.bodies).toEqual([
      {
        model: 'gen4.5',
        promptText: expect.stringContaining('Avoid: people.') as unknown,
        ratio: '1280:720',
        duration: 4,
        seed: 1234,
      },
    ]);
    const submit = fake.requests.find((r) => r.route === 'submit');
    expect(submit?.headers['x-runway-version']).toBe(RUNWAY_VERSION);
    expect(submit?.headers.authorization).toBe(`Bearer ${fake.apiKey}`);
    // The signed output URL is fetched without the API key.
    expect(fake.requests.find((r) => r.route === 'file')?.headers.authorization).toBeUndefined();
    expect(h.clips.get(done.clipId ?? 0).seed).toBe(1234);
  });

  test('a model that animates a start image goes to /v1/image_to_video with the image', async () => {
    const fake = await runwayFake();
    const provider = createRunwayProvider({ apiKey: () => fake.apiKey, baseUrl: fake.url, requestTimeoutMs: 2000 });
    const h = await queueHarness(new Map([['runway', provider]]), { newSeed: () => 5 });
    const image = 'https://example.com/start.png';
    const job = h.queue.enqueue({
      projectId: h.projectId,
      provider: 'runway',
      promptText: PROMPT,
      options: { model: 'gen4_turbo', promptImage: image },
    });
    h.queue.start();
    expect(await settled(h.queue, job.id)).toMatchObject({ state: 'succeeded', model: 'gen4_turbo' });
    expect(fake.requests.find((r) => r.route === 'submit')?.path).toBe('/v1/image_to_video');
    expect(fake.bodies).toEqual([expect.objectContaining({ model: 'gen4_turbo', promptImage: image, seed: 5 })]);
  });

  test('a job without a seed gets one at enqueue, so the clip can be made again', async () => {
    const fake = await runwayFake();
    const provider = createRunwayProvider({ apiKey: () => fake.apiKey, baseUrl: fake.url, requestTimeoutMs: 2000 });
    const h = await queueHarness(new Map([['runway', provider]]), { newSeed: () => 77 });
    const job = h.queue.enqueue({ projectId: h.projectId, provider: 'runway', promptText: PROMPT });
    expect(job.seed).toBe(77);
    expect(job.params.seed).toBe(77);
  });
});

import OpenAI from 'openai';
import { describe, expect, onTestFinished, test } from 'vitest';
import { estimateCostUsd, modelFor } from '../../shared/prompt/providers';
import { PROMPT, queueHarness, sampleVideo, settled } from '../../../test/jobs/harness';
import { expectStudioError, rejectionOf, thrownBy } from '../../../test/support/fixtures';
import { capabilitiesOf } from './capabilities';
import { multipartFields, startOpenAIFake, type OpenAIFake } from '../../../test/fakes/openai-videos';
import { createOpenAIVideosProvider } from './openai-videos';
import { providerConformance } from '../../../test/providers/conformance';

const price = estimateCostUsd(modelFor('openai-videos', 'sora-2').model, 4000, { width: 1280, height: 720 });

providerConformance({
  id: 'openai-videos',
  expectedCostUsd: price,
  async start(video, requestTimeoutMs, slow) {
    const fake = await startOpenAIFake({ video, pollsToFinish: slow ? 100_000 : 2 });
    const provider = createOpenAIVideosProvider({
      apiKey: () => fake.apiKey,
      baseUrl: `${fake.url}/v1`,
      requestTimeoutMs,
    });
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

async function openaiFake(now?: () => number): Promise<OpenAIFake> {
  const fake = await startOpenAIFake({ video: await sampleVideo(), ...(now ? { now } : {}) });
  onTestFinished(() => fake.close());
  return fake;
}

const signal = (): AbortSignal => new AbortController().signal;

describe('the fake videos API checks the Sora 2 request shape', () => {
  test('the SDK sends multipart form fields; a size the model does not make is refused as OpenAI does', async () => {
    const fake = await openaiFake();
    const client = new OpenAI({ apiKey: fake.apiKey, baseURL: `${fake.url}/v1`, maxRetries: 0 });
    const error = await rejectionOf(
      client.videos.create({ model: 'sora-2', prompt: 'x', seconds: '4', size: '1792x1024' }),
    );
    expect(error).toMatchObject({ status: 400, code: 'invalid_value', param: 'size' });
    expect((error as Error).message).toMatch(
      /Invalid value: '1792x1024'\. Supported values are: '720x1280', '1280x720'\./,
    );
    const created = await client.videos.create({ model: 'sora-2-pro', prompt: 'x', seconds: '8', size: '1792x1024' });
    expect(created).toMatchObject({
      object: 'video',
      status: 'queued',
      model: 'sora-2-pro',
      seconds: '8',
      size: '1792x1024',
      prompt: 'x',
    });
    const submit = fake.requests.filter((r) => r.route === 'submit').at(-1);
    expect(String(submit?.headers['content-type'])).toMatch(/^multipart\/form-data; boundary=/);
  });

  test('multipart parsing keeps text fields and skips files', () => {
    const body = Buffer.from(
      '--b\r\nContent-Disposition: form-data; name="prompt"\r\n\r\nA kite\r\n' +
        '--b\r\nContent-Disposition: form-data; name="input_reference"; filename="a.png"\r\nContent-Type: image/png\r\n\r\nPNG\r\n--b--\r\n',
    );
    expect(multipartFields(body, 'multipart/form-data; boundary=b')).toEqual({ prompt: 'A kite' });
  });

  test('the provider is marked legacy, with the reason', () => {
    expect(capabilitiesOf('openai-videos').legacy).toEqual({
      since: '2026-09',
      note: expect.stringMatching(/ended its own video service in September 2026/) as unknown,
    });
  });
});

describe('lookup of a submission whose answer was lost', () => {
  const request = { model: 'sora-2', request: { model: 'sora-2', prompt: 'a kite', seconds: '4', size: '1280x720' } };

  test('matches prompts whatever the line breaks became in the multipart body (CRLF)', async () => {
    const fake = await openaiFake();
    const client = new OpenAI({ apiKey: fake.apiKey, baseURL: `${fake.url}/v1`, maxRetries: 0 });
    const provider = createOpenAIVideosProvider({
      apiKey: () => fake.apiKey,
      baseUrl: `${fake.url}/v1`,
      requestTimeoutMs: 2000,
    });
    const before = Date.now();
    const made = await client.videos.create({
      model: 'sora-2',
      prompt: 'a kite\nat dawn',
      seconds: '4',
      size: '1280x720',
    });
    expect(fake.videos.get(made.id)?.prompt).toBe('a kite\r\nat dawn');
    const multiLine = { model: 'sora-2', request: { ...request.request, prompt: 'a kite\nat dawn' } };
    expect(
      await provider.lookup?.(multiLine, {
        idempotencyKey: 'k',
        submittedAt: before,
        exclude: new Set(),
        signal: signal(),
      }),
    ).toEqual({
      found: true,
      remoteId: made.id,
    });
  });

  test('finds the video with the same request made after the job was recorded, and none other', async () => {
    const fake = await openaiFake();
    const client = new OpenAI({ apiKey: fake.apiKey, baseURL: `${fake.url}/v1`, maxRetries: 0 });
    const provider = createOpenAIVideosProvider({
      apiKey: () => fake.apiKey,
      baseUrl: `${fake.url}/v1`,
      requestTimeoutMs: 2000,
    });
    const before = Date.now();
    const theirs = await client.videos.create({ model: 'sora-2', prompt: 'a kite', seconds: '4', size: '1280x720' });
    await client.videos.create({ model: 'sora-2', prompt: 'a kite', seconds: '8', size: '1280x720' });
    await client.videos.create({ model: 'sora-2', prompt: 'another kite', seconds: '4', size: '1280x720' });
    const context = { idempotencyKey: 'k', submittedAt: before, signal: signal() };
    expect(await provider.lookup?.(request, { ...context, exclude: new Set() })).toEqual({
      found: true,
      remoteId: theirs.id,
    });
    // Owned by another job: not ours.
    expect(await provider.lookup?.(request, { ...context, exclude: new Set([theirs.id]) })).toEqual({ found: false });
  });

  test('ignores videos made well before the job was recorded', async () => {
    let clock = Date.now() - 60 * 60_000;
    const fake = await openaiFake(() => clock);
    const client = new OpenAI({ apiKey: fake.apiKey, baseURL: `${fake.url}/v1`, maxRetries: 0 });
    await client.videos.create({ model: 'sora-2', prompt: 'a kite', seconds: '4', size: '1280x720' });
    clock = Date.now();
    const provider = createOpenAIVideosProvider({
      apiKey: () => fake.apiKey,
      baseUrl: `${fake.url}/v1`,
      requestTimeoutMs: 2000,
    });
    expect(
      await provider.lookup?.(request, {
        idempotencyKey: 'k',
        submittedAt: Date.now(),
        exclude: new Set(),
        signal: signal(),
      }),
    ).toEqual({
      found: false,
    });
  });
});

describe('remix', () => {
  test('a remix of a clip this endpoint made goes to /v1/videos/{id}/remix and keeps the lineage', async () => {
    const fake = await openaiFake();
    const provider = createOpenAIVideosProvider({
      apiKey: () => fake.apiKey,
      baseUrl: `${fake.url}/v1`,
      requestTimeoutMs: 2000,
    });
    const h = await queueHarness(new Map([['openai-videos', provider]]));
    h.queue.start();
    const first = await settled(
      h.queue,
      h.queue.enqueue({ projectId: h.projectId, provider: 'openai-videos', promptText: PROMPT }).id,
    );
    const parent = first.clipId ?? 0;
    const remix = h.queue.enqueue({
      projectId: h.projectId,
      provider: 'openai-videos',
      promptText: `${PROMPT}\nAudio: door slam at 00:02`,
      parentClipId: parent,
      remix: true,
    });
    const done = await settled(h.queue, remix.id);
    expect(done).toMatchObject({ state: 'succeeded', parentClipId: parent, params: { remix: true } });
    const remote = fake.videos.get(done.remoteId ?? '');
    expect(remote?.remixedFrom).toBe(first.remoteId);
    expect(fake.requests.some((r) => r.path === `/v1/videos/${first.remoteId ?? ''}/remix`)).toBe(true);
    expect(h.clips.get(done.clipId ?? 0).parentId).toBe(parent);
  });

  test('a clip made elsewhere cannot be remixed here, and remix needs a clip', async () => {
    const fake = await openaiFake();
    const provider = createOpenAIVideosProvider({
      apiKey: () => fake.apiKey,
      baseUrl: `${fake.url}/v1`,
      requestTimeoutMs: 2000,
    });
    const h = await queueHarness(new Map([['openai-videos', provider]]));
    expectStudioError(
      thrownBy(() =>
        h.queue.enqueue({ projectId: h.projectId, provider: 'openai-videos', promptText: PROMPT, remix: true }),
      ),
      'invalid_input',
      /choose the clip to remix/,
    );
    const media = 'a'.repeat(64);
    h.clips.upsertMedia({
      id: media,
      mimeType: 'video/mp4',
      bytes: 1,
      durationMs: 1000,
      width: 1,
      height: 1,
      fps: 1,
      videoCodec: null,
      audioCodec: null,
    });
    const imported = h.clips.insert({
      projectId: h.projectId,
      title: 'x',
      provider: 'import',
      durationMs: 1000,
      width: 1,
      height: 1,
      fps: 1,
      mediaId: media,
      posterId: null,
    });
    expectStudioError(
      thrownBy(() =>
        h.queue.enqueue({
          projectId: h.projectId,
          provider: 'openai-videos',
          promptText: PROMPT,
          parentClipId: imported.id,
          remix: true,
        }),
      ),
      'invalid_input',
      /can remix only clips it made itself/,
    );
  });
});

import { utimes, writeFile } from 'node:fs/promises';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import OpenAI from 'openai';
import { describe, expect, onTestFinished, test } from 'vitest';
import { startOpenAIFake } from '../../../test/fakes/openai-videos';
import { startRunwayFake } from '../../../test/fakes/runway';
import { startVeoFake } from '../../../test/fakes/veo';
import { createLocalProvider } from '../providers/local/provider';
import { createOpenAIVideosProvider } from '../providers/openai-videos';
import { createRunwayProvider } from '../providers/runway';
import { createVeoProvider } from '../providers/veo';
import { sha256, storedObjects } from '../../../test/support/fixtures';
import { sweepOrphanMedia } from './recovery';
import { JobStore } from './store';
import { library, PROMPT, queueHarness, sampleVideo, settled } from '../../../test/jobs/harness';
import { testRender } from '../../../test/jobs/test-render';

const job = { projectId: 0, promptText: PROMPT };

describe('recovery at start', () => {
  test('a render left mid-way restarts from the queue', async () => {
    const h = await queueHarness(new Map([['local', createLocalProvider(testRender())]]));
    const id = h.queue.enqueue({ ...job, projectId: h.projectId, provider: 'local' }).id;
    new JobStore(h.db).move(id, 'running', { attempts: 1, progress: 0.4 }, Date.now());
    expect(await h.queue.recover()).toEqual({
      resumed: 0,
      restarted: 1,
      toLookUp: 0,
      needsDecision: 0,
      orphanFiles: 0,
    });
    expect(h.queue.get(id)).toMatchObject({ state: 'queued', progress: 0 });
    h.queue.start();
    expect(await settled(h.queue, id)).toMatchObject({ state: 'succeeded', attempts: 2 });
  });

  test('a paid submission with no remote id on a provider that cannot be asked needs a decision, and is never resent by itself', async () => {
    const fake = await startVeoFake({ video: await sampleVideo() });
    onTestFinished(() => fake.close());
    const provider = createVeoProvider({ apiKey: () => fake.apiKey, baseUrl: fake.url, requestTimeoutMs: 2000 });
    const h = await queueHarness(new Map([['veo', provider]]));
    const store = new JobStore(h.db);
    const [attach, abandon, resend] = [1, 2, 3].map(() => {
      const id = h.queue.enqueue({ ...job, projectId: h.projectId, provider: 'veo' }).id;
      store.move(id, 'submitting', { attempts: 1, submitted_at: Date.now() }, Date.now());
      return id;
    }) as [number, number, number];
    expect(await h.queue.recover()).toMatchObject({ needsDecision: 3, toLookUp: 0 });
    h.queue.start();
    const waiting = h.queue.get(attach);
    expect(waiting).toMatchObject({ state: 'needs_decision', errorCode: 'unknown_submission' });
    expect(waiting.errorMessage).toMatch(
      /^Shotline stopped while sending this job to Google Veo \(Gemini API\)\. .* may charge for it/,
    );
    expect(fake.submissions()).toBe(0);

    // The creator found it in the Veo console: follow that operation.
    const ai = await import('@google/genai').then(
      ({ GoogleGenAI }) => new GoogleGenAI({ apiKey: fake.apiKey, httpOptions: { baseUrl: fake.url } }),
    );
    const found = await ai.models.generateVideos({ model: 'veo-3.1-generate-preview', source: { prompt: 'a kite' } });
    expect(h.queue.decide(attach, { action: 'attach', remoteId: found.name ?? '' }).state).toBe('running');
    expect(await settled(h.queue, attach)).toMatchObject({ state: 'succeeded', remoteId: found.name });
    expect(h.queue.decide(abandon, { action: 'abandon' })).toMatchObject({ state: 'canceled', errorCode: 'abandoned' });
    expect(h.queue.decide(resend, { action: 'resubmit' }).state).toBe('queued');
    expect(await settled(h.queue, resend)).toMatchObject({ state: 'succeeded' });
    expect(fake.submissions()).toBe(2); // the console one and the resend, nothing else
    expect(() => h.queue.decide(resend, { action: 'resubmit' })).toThrow(/only a job waiting for a decision/);
  });

  test('a submission with no remote id on a provider that can be asked is looked up: found → followed; absent → sent', async () => {
    const fake = await startOpenAIFake({ video: await sampleVideo() });
    onTestFinished(() => fake.close());
    const provider = createOpenAIVideosProvider({
      apiKey: () => fake.apiKey,
      baseUrl: `${fake.url}/v1`,
      requestTimeoutMs: 2000,
    });
    const h = await queueHarness(new Map([['openai-videos', provider]]));
    const store = new JobStore(h.db);
    const arrived = h.queue.enqueue({ ...job, projectId: h.projectId, provider: 'openai-videos' }).id;
    const lost = h.queue.enqueue({
      ...job,
      projectId: h.projectId,
      provider: 'openai-videos',
      promptText: `${PROMPT}\nCamera: crane up`,
    }).id;
    for (const id of [arrived, lost])
      store.move(id, 'submitting', { attempts: 1, submitted_at: Date.now() - 1000 }, Date.now());
    // The first request reached the service before the crash; the second never left.
    const sent = store.get(arrived).request.request as {
      model: 'sora-2';
      prompt: string;
      seconds: '4';
      size: '1280x720';
    };
    const remote = await new OpenAI({ apiKey: fake.apiKey, baseURL: `${fake.url}/v1`, maxRetries: 0 }).videos.create(
      sent,
    );
    expect(await h.queue.recover()).toMatchObject({ toLookUp: 2, needsDecision: 0 });
    h.queue.start();
    expect(await settled(h.queue, arrived)).toMatchObject({ state: 'succeeded', remoteId: remote.id, attempts: 1 });
    expect(await settled(h.queue, lost)).toMatchObject({ state: 'succeeded', attempts: 2 });
    expect([...fake.submissionsByPrompt().values()]).toEqual([1, 1]);
  });

  test('a quit while a submission is on the wire lets it finish, so the next start simply resumes it', async () => {
    const fake = await startOpenAIFake({ video: await sampleVideo(), latencyMs: { submit: 300 } });
    onTestFinished(() => fake.close());
    const provider = createOpenAIVideosProvider({
      apiKey: () => fake.apiKey,
      baseUrl: `${fake.url}/v1`,
      requestTimeoutMs: 2000,
    });
    const h = await queueHarness(new Map([['openai-videos', provider]]));
    const id = h.queue.enqueue({ ...job, projectId: h.projectId, provider: 'openai-videos' }).id;
    h.queue.start();
    await settled(h.queue, id, ['submitting']);
    await h.queue.stop();
    const stopped = h.queue.get(id);
    expect(stopped.state).toBe('running');
    expect(stopped.remoteId).not.toBeNull();
    expect(await h.queue.recover()).toMatchObject({ resumed: 1, toLookUp: 0, needsDecision: 0 });
    h.queue.start();
    expect(await settled(h.queue, id)).toMatchObject({ state: 'succeeded', attempts: 1 });
    expect(fake.submissions()).toBe(1);
  });

  test('remote jobs with an id resume polling; one caught downloading is downloaded again', async () => {
    const fake = await startRunwayFake({ video: await sampleVideo() });
    onTestFinished(() => fake.close());
    const provider = createRunwayProvider({ apiKey: () => fake.apiKey, baseUrl: fake.url, requestTimeoutMs: 2000 });
    const client = await import('@runwayml/sdk').then(
      ({ default: RunwayML }) => new RunwayML({ apiKey: fake.apiKey, baseURL: fake.url }),
    );
    const h = await queueHarness(new Map([['runway', provider]]));
    const store = new JobStore(h.db);
    const ids = await Promise.all(
      (['running', 'downloading'] as const).map(async (state) => {
        const id = h.queue.enqueue({ ...job, projectId: h.projectId, provider: 'runway' }).id;
        const task = await client.textToVideo.create({
          model: 'gen4.5',
          promptText: 'x',
          ratio: '1280:720',
          duration: 4,
        });
        store.move(id, 'submitting', { attempts: 1, submitted_at: Date.now() }, Date.now());
        store.move(id, 'running', { remote_id: task.id }, Date.now());
        if (state === 'downloading') store.move(id, 'downloading', { progress: 0.9 }, Date.now());
        return id;
      }),
    );
    expect(await h.queue.recover()).toMatchObject({ resumed: 2, restarted: 0, needsDecision: 0 });
    h.queue.start();
    for (const id of ids) expect(await settled(h.queue, id)).toMatchObject({ state: 'succeeded', attempts: 1 });
    expect(fake.submissions()).toBe(2);
  });

  test('stored files no row names are swept; recorded ones and ones being written now are kept', async () => {
    const lib = await library();
    const write = async (content: string, ageMs: number): Promise<string> => {
      const id = sha256(Buffer.from(content));
      await mkdir(join(lib.store.root, id.slice(0, 2)), { recursive: true });
      const path = join(lib.store.root, id.slice(0, 2), id);
      await writeFile(path, content);
      const at = new Date(Date.now() - ageMs);
      await utimes(path, at, at);
      return id;
    };
    const orphan = await write('half of a job that crashed', 60_000);
    const kept = await write('a clip', 60_000);
    lib.clips.upsertMedia({
      id: kept,
      mimeType: 'video/mp4',
      bytes: 6,
      durationMs: null,
      width: null,
      height: null,
      fps: null,
      videoCodec: null,
      audioCodec: null,
    });
    const fresh = await write('being stored right now', -60_000);
    expect(await sweepOrphanMedia(lib.db, lib.store, Date.now())).toEqual([orphan]);
    expect(await storedObjects(lib.store.root)).toEqual([kept, fresh].sort());
  });
});

import { join } from 'node:path';
import { describe, expect, onTestFinished, test } from 'vitest';
import { createComfyProvider } from '../providers/comfyui';
import { loadWorkflowFile } from '../providers/comfyui-workflow';
import { createOpenAIVideosProvider } from '../providers/openai-videos';
import { createVeoProvider } from '../providers/veo';
import { startComfyFake, type ComfyFake } from '../../../test/fakes/comfyui';
import { startOpenAIFake } from '../../../test/fakes/openai-videos';
import { startVeoFake } from '../../../test/fakes/veo';
import { idle, orphanCheck, PROMPT, queueHarness, sampleVideo, settled } from '../../../test/jobs/harness';
import { repoRoot } from '../../../test/support/fixtures';

const WORKFLOW = join(repoRoot, 'resources/comfyui/wan2.2-ti2v-5b.json');

interface RowAtSend {
  state: string;
  idempotency_key: string;
  submitted_at: number | null;
  attempts: number;
  remote_id: string | null;
}

async function comfy(steps = 4): Promise<{ fake: ComfyFake; provider: ReturnType<typeof createComfyProvider> }> {
  const fake = await startComfyFake({ video: await sampleVideo(), steps, stepMs: 5 });
  const file = await loadWorkflowFile(WORKFLOW);
  const provider = createComfyProvider({ baseUrl: fake.url, workflow: () => file, requestTimeoutMs: 500 });
  onTestFinished(async () => {
    await provider.close?.();
    await fake.close();
  });
  return { fake, provider };
}

const states = (events: { name: string; payload: unknown }[]): string[] =>
  events.filter((e) => e.name === 'jobs.changed').map((e) => (e.payload as { state: string }).state);

describe('sending a job', () => {
  test('the submission is on record, with its idempotency key, when its request reaches the service', async () => {
    const { fake, provider } = await comfy();
    const h = await queueHarness(new Map([['comfyui', provider]]));
    const atSend: RowAtSend[] = [];
    // Read the library the moment the service receives the request, before it answers.
    fake.server.on('request', (request: { method?: string; url?: string }) => {
      if (request.method !== 'POST' || !request.url?.endsWith('/prompt')) return;
      const row = h.db
        .prepare<[], RowAtSend>('SELECT state, idempotency_key, submitted_at, attempts, remote_id FROM jobs')
        .get();
      if (row) atSend.push(row);
    });
    const queued = h.queue.enqueue({ projectId: h.projectId, provider: 'comfyui', promptText: PROMPT });
    const key = h.db
      .prepare<[number], { idempotency_key: string }>('SELECT idempotency_key FROM jobs WHERE id = ?')
      .get(queued.id)?.idempotency_key;
    expect(key).toMatch(/^[0-9a-f-]{36}$/);
    h.queue.start();
    const job = await settled(h.queue, queued.id);
    expect(job).toMatchObject({ state: 'succeeded', attempts: 1 });
    expect(atSend).toEqual([
      {
        state: 'submitting',
        idempotency_key: key,
        submitted_at: expect.any(Number) as unknown,
        attempts: 1,
        remote_id: null,
      },
    ]);
    // ComfyUI takes a client-chosen prompt id: the service knows the job by the same key.
    expect([...fake.submitted.entries()]).toEqual([[key, 1]]);
    expect(job.remoteId).toBe(key);
    expect(states(h.events)).toEqual(['queued', 'submitting', 'running', 'downloading', 'succeeded']);
  });

  test('a reply lost after the service took the job: looked up by its key and followed, never sent twice', async () => {
    const { fake, provider } = await comfy();
    fake.faults.add('submit', { kind: 'drop', when: 'after' });
    const h = await queueHarness(new Map([['comfyui', provider]]));
    const queued = h.queue.enqueue({ projectId: h.projectId, provider: 'comfyui', promptText: PROMPT });
    h.queue.start();
    const job = await settled(h.queue, queued.id);
    expect(job).toMatchObject({ state: 'succeeded', attempts: 1, errorMessage: null });
    expect(fake.submissions()).toBe(1);
    const key = [...fake.submitted.keys()][0];
    expect(job.remoteId).toBe(key);
    // The lookup asked for that prompt id before anything else was sent.
    const afterSubmit = fake.requests.slice(fake.requests.findIndex((r) => r.route === 'submit') + 1);
    expect(afterSubmit.some((r) => r.path.includes(key ?? '?'))).toBe(true);
    expect(afterSubmit.filter((r) => r.route === 'submit')).toEqual([]);
  });

  test('a reply lost by a paid service that cannot be asked: the creator decides, and attaching follows that job', async () => {
    const fake = await startVeoFake({ video: await sampleVideo(), pollsToFinish: 2 });
    onTestFinished(() => fake.close());
    fake.faults.add('submit', { kind: 'drop', when: 'after' });
    const veo = createVeoProvider({ apiKey: () => fake.apiKey, baseUrl: fake.url, requestTimeoutMs: 2000 });
    const h = await queueHarness(new Map([['veo', veo]]));
    const queued = h.queue.enqueue({ projectId: h.projectId, provider: 'veo', promptText: PROMPT });
    h.queue.start();
    const waiting = await settled(h.queue, queued.id);
    expect(waiting).toMatchObject({ state: 'needs_decision', errorCode: 'unknown_submission', remoteId: null });
    expect(fake.submissions()).toBe(1);
    const [operation] = [...fake.operations.values()];
    const name = `models/${operation?.model ?? ''}/operations/${operation?.id ?? ''}`;
    expect(h.queue.decide(queued.id, { action: 'attach', remoteId: name }).state).toBe('running');
    expect(await settled(h.queue, queued.id)).toMatchObject({ state: 'succeeded', remoteId: name });
    expect(fake.submissions()).toBe(1);
    expect(fake.requests.filter((r) => r.route === 'submit')).toHaveLength(1);
  });
});

describe('following a job', () => {
  test('polls until done, one interval apart, with rising progress, then downloads and makes the clip', async () => {
    const fake = await startOpenAIFake({ video: await sampleVideo(), pollsToFinish: 5 });
    onTestFinished(() => fake.close());
    const openai = createOpenAIVideosProvider({
      apiKey: () => fake.apiKey,
      baseUrl: `${fake.url}/v1`,
      requestTimeoutMs: 2000,
    });
    const h = await queueHarness(new Map([['openai-videos', openai]]), { pollIntervalMs: { 'openai-videos': 777 } });
    const queued = h.queue.enqueue({ projectId: h.projectId, provider: 'openai-videos', promptText: PROMPT });
    h.queue.start();
    const job = await settled(h.queue, queued.id);
    expect(job).toMatchObject({ state: 'succeeded', progress: 1 });
    const polls = fake.requests.filter((r) => r.route === 'poll');
    expect(polls.length).toBeGreaterThanOrEqual(5);
    // Every check waited the poll interval first (the first one too: the job was just sent).
    expect(h.clock.sleeps.filter((ms) => ms === 777).length).toBeGreaterThanOrEqual(polls.length);
    expect(fake.requests.filter((r) => r.route === 'download')).toHaveLength(1);

    const progress = h.events
      .filter((e) => e.name === 'jobs.progress')
      .map((e) => e.payload as { progress: number; state: string });
    const values = progress.map((p) => p.progress);
    expect(values).toEqual([...values].sort((a, b) => a - b));
    // Generating fills the bar up to 90 %, as the service reports it; then download and ingest.
    const generating = progress.filter((p) => p.state === 'running').map((p) => p.progress);
    expect(generating.length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...generating)).toBeLessThanOrEqual(0.9);
    expect(values.some((v) => v > 0.9)).toBe(true);
    expect(states(h.events)).toEqual(['queued', 'submitting', 'running', 'downloading', 'succeeded']);
    await idle(h.queue);
    expect(await orphanCheck(h)).toEqual({ unreferencedFiles: [], unusedRows: [], temp: [] });
  });

  test('a cancel while the service works stops the job there', async () => {
    const { fake, provider } = await comfy(100_000);
    const h = await queueHarness(new Map([['comfyui', provider]]));
    const queued = h.queue.enqueue({ projectId: h.projectId, provider: 'comfyui', promptText: PROMPT });
    h.queue.start();
    await settled(h.queue, queued.id, ['running']);
    h.queue.cancel(queued.id);
    const job = await settled(h.queue, queued.id);
    expect(job).toMatchObject({ state: 'canceled', errorCode: null, clipId: null });
    expect(fake.interrupts.length + fake.deletions.length).toBeGreaterThanOrEqual(1);
    expect(fake.submissions()).toBe(1);
  });
});

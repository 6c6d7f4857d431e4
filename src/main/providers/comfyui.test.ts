import { join } from 'node:path';
import { describe, expect, onTestFinished, test } from 'vitest';
import { PROMPT, queueHarness, sampleVideo, settled } from '../../../test/jobs/harness';
import { rejectionOf, repoRoot, waitFor } from '../../../test/support/fixtures';
import { createComfyProvider } from './comfyui';
import {
  findVideoOutput,
  frameCount,
  injectRequest,
  loadWorkflowFile,
  mappingProblems,
  type ComfyWorkflowFile,
} from './comfyui-workflow';
import { startComfyFake, type ComfyFake } from '../../../test/fakes/comfyui';
import { providerConformance } from '../../../test/providers/conformance';

const EXAMPLE = join(repoRoot, 'resources/comfyui/wan2.2-ti2v-5b.json');
let example: Promise<ComfyWorkflowFile> | null = null;
const workflow = (): Promise<ComfyWorkflowFile> => (example ??= loadWorkflowFile(EXAMPLE));

providerConformance({
  id: 'comfyui',
  expectedCostUsd: 0,
  async start(video, requestTimeoutMs, slow) {
    const fake = await startComfyFake({ video, steps: slow ? 100_000 : 4, stepMs: 5 });
    const file = await workflow();
    const provider = createComfyProvider({
      baseUrl: fake.url,
      workflow: () => file,
      requestTimeoutMs,
      reconnectMs: 50,
    });
    return {
      provider,
      fake: {
        fault: (route, fault, times) => fake.faults.add(route === 'poll' ? 'history' : route, fault, times),
        submissions: () => fake.submissions(),
        outcomes: fake.outcomes,
        cancels: () => fake.interrupts.length + fake.deletions.length,
        close: () => fake.close(),
      },
    };
  },
});

async function comfyFake(options: { steps?: number } = {}): Promise<ComfyFake> {
  const fake = await startComfyFake({ video: await sampleVideo(), stepMs: 5, ...options });
  onTestFinished(() => fake.close());
  return fake;
}

const request = { positive: 'a kite', negative: 'people', width: 640, height: 352, durationMs: 2000, fps: 24, seed: 5 };
const context = (key = 'prompt-key') => ({
  idempotencyKey: key,
  submittedAt: Date.now(),
  signal: new AbortController().signal,
});

describe('the example workflow and its mapping', () => {
  test('the shipped Wan 2.2 workflow loads and every mapped input exists', async () => {
    const file = await workflow();
    expect(file.name).toMatch(/Wan 2\.2/);
    expect(mappingProblems(file.prompt, file.mapping)).toEqual([]);
    expect(file.prompt[file.mapping.output ?? '']?.class_type).toBe('SaveVideo');
  });

  test('injection writes prompt, negative, seed, size, a 4n+1 frame count and the frame rate into a copy', async () => {
    const file = await workflow();
    const injected = injectRequest(file.prompt, file.mapping, request);
    expect(injected['6']?.inputs.text).toBe('a kite');
    expect(injected['7']?.inputs.text).toBe('people');
    expect(injected['3']?.inputs.seed).toBe(5);
    expect(injected['55']?.inputs).toMatchObject({ width: 640, height: 352, length: 49 });
    expect(injected['57']?.inputs.fps).toBe(24);
    expect(file.prompt['6']?.inputs.text).toBe(''); // the original is untouched
    expect(frameCount(5000, 24, 4, 1)).toBe(121);
    expect(frameCount(1000, 16, 4, 1)).toBe(17);
    expect(frameCount(10, 24, 4, 1)).toBe(5);
  });

  test('a mapping that points at missing nodes or inputs is described', async () => {
    const file = await workflow();
    expect(
      mappingProblems(file.prompt, {
        ...file.mapping,
        seed: { node: '99', input: 'seed' },
        fps: { node: '57', input: 'rate' },
      }),
    ).toEqual([
      'The seed points at node 99, which the workflow does not have.',
      'The frame rate points at input "rate" of node 57 (CreateVideo), which has no such input.',
    ]);
  });

  test('the video is found under SaveVideo’s images, Video Combine’s gifs, or a mapped node', () => {
    const file = { filename: 'a_00001_.mp4', subfolder: 'video', type: 'output' };
    expect(findVideoOutput({ '58': { images: [file], animated: [true] } }, undefined)).toEqual(file);
    expect(
      findVideoOutput(
        { '9': { images: [{ filename: 'x.png', subfolder: '', type: 'output' }] }, '12': { gifs: [file] } },
        undefined,
      ),
    ).toEqual(file);
    expect(findVideoOutput({ '12': { gifs: [file] } }, '58')).toBeNull();
  });
});

describe('the fake ComfyUI validates like validate_prompt', () => {
  test('a missing required input and an out-of-range value are refused, naming node and input', async () => {
    const fake = await comfyFake();
    const file = await workflow();
    const broken = structuredClone(file);
    delete broken.prompt['3']?.inputs.seed;
    const provider = createComfyProvider({ baseUrl: fake.url, workflow: () => broken, requestTimeoutMs: 2000 });
    const error = await rejectionOf(
      provider.submit({ model: 'workflow', request: { ...request, seed: null, width: 16 } }, context()),
    );
    expect(error).toMatchObject({ kind: 'rejected', code: 'invalid_prompt' });
    expect((error as Error).message).toBe(
      'ComfyUI refused the workflow: Prompt outputs failed validation: ' +
        'KSampler (node 3): Required input is missing: seed; Wan22ImageToVideoLatent (node 55): Value 16 smaller than min of 32: width',
    );
    expect(fake.submissions()).toBe(0);
  });

  test('a workflow without an output node is refused', async () => {
    const fake = await comfyFake();
    const file = await workflow();
    const noOutput = structuredClone(file);
    delete noOutput.prompt['58'];
    const provider = createComfyProvider({
      baseUrl: fake.url,
      workflow: () => ({ ...noOutput, mapping: { ...noOutput.mapping, output: undefined } }),
      requestTimeoutMs: 2000,
    });
    const error = await rejectionOf(provider.submit({ model: 'workflow', request }, context()));
    expect((error as Error).message).toBe('ComfyUI refused the workflow: Prompt has no outputs');
  });
});

describe('ComfyUI through the queue', () => {
  test('the prompt id is the job’s idempotency key, progress arrives over the WebSocket, the workflow carries the job', async () => {
    const fake = await comfyFake({ steps: 20 });
    const file = await workflow();
    const provider = createComfyProvider({ baseUrl: fake.url, workflow: () => file, requestTimeoutMs: 2000 });
    onTestFinished(() => provider.close?.());
    const h = await queueHarness(new Map([['comfyui', provider]]), {
      newKey: () => 'c0ffee00-0000-4000-8000-000000000001',
      newSeed: () => 99,
    });
    const job = h.queue.enqueue({
      projectId: h.projectId,
      provider: 'comfyui',
      promptText: PROMPT,
      options: { size: { width: 640, height: 352 } },
    });
    h.queue.start();
    const done = await settled(h.queue, job.id);
    expect(done).toMatchObject({
      state: 'succeeded',
      remoteId: 'c0ffee00-0000-4000-8000-000000000001',
      seed: 99,
      costActualUsd: 0,
    });
    expect([...fake.submitted]).toEqual([['c0ffee00-0000-4000-8000-000000000001', 1]]);
    const sent = fake.prompts[0];
    expect(sent?.['6']?.inputs.text).toContain('a red kite over a beach at dawn');
    expect(sent?.['7']?.inputs.text).toBe('people');
    expect(sent?.['3']?.inputs.seed).toBe(99);
    expect(sent?.['55']?.inputs).toMatchObject({ width: 640, height: 352, length: 97 });
    const progress = h.events
      .filter((e) => e.name === 'jobs.progress')
      .map((e) => (e.payload as { progress: number }).progress)
      .filter((p) => p > 0 && p < 0.9);
    expect(progress.length).toBeGreaterThan(3);
  });

  test('cancel of a prompt still waiting in ComfyUI’s queue deletes it from the queue', async () => {
    const fake = await comfyFake();
    fake.pause(true);
    const file = await workflow();
    const provider = createComfyProvider({ baseUrl: fake.url, workflow: () => file, requestTimeoutMs: 2000 });
    const h = await queueHarness(new Map([['comfyui', provider]]));
    const job = h.queue.enqueue({ projectId: h.projectId, provider: 'comfyui', promptText: PROMPT });
    h.queue.start();
    await waitFor(() => fake.submissions() === 1 && h.queue.get(job.id).state === 'running');
    h.queue.cancel(job.id);
    expect(await settled(h.queue, job.id)).toMatchObject({ state: 'canceled', errorMessage: null });
    expect(fake.deletions).toEqual([h.queue.get(job.id).remoteId]);
    expect(fake.interrupts).toEqual([]);
  });

  test('a server that lost the prompt (restarted) fails the job with a reason', async () => {
    const fake = await comfyFake();
    const file = await workflow();
    const provider = createComfyProvider({ baseUrl: fake.url, workflow: () => file, requestTimeoutMs: 2000 });
    const error = await rejectionOf(provider.poll('never-submitted', { signal: new AbortController().signal }));
    expect(error).toMatchObject({ kind: 'not_found' });
    expect((error as Error).message).toMatch(/was the server restarted/);
  });

  test('without a workflow the provider is not ready and says what to do', () => {
    const provider = createComfyProvider({
      baseUrl: 'http://127.0.0.1:9',
      workflow: () => null,
      requestTimeoutMs: 2000,
    });
    expect(provider.ready()).toEqual({
      ok: false,
      message: expect.stringMatching(/Choose a ComfyUI workflow/) as unknown,
    });
  });
});

import { describe, expect, onTestFinished, test } from 'vitest';
import type { LocalRequest } from '../../shared/prompt/compile/local';
import { registryOf } from '../providers/index';
import { createLocalProvider } from '../providers/local/provider';
import { createOpenAIVideosProvider } from '../providers/openai-videos';
import type { LocalRender } from '../providers/types';
import { startOpenAIFake } from '../../../test/fakes/openai-videos';
import { idle, queueHarness, sampleVideo, settled, type QueueHarness } from '../../../test/jobs/harness';
import { testRender } from '../../../test/jobs/test-render';
import { waitFor } from '../../../test/support/fixtures';

/** A renderer that records the order it rendered in and the most renders that ran at once. */
function recordingRender(options: { delayMs?: number } = {}): {
  render: LocalRender;
  order: string[];
  running: () => number;
  peak: () => number;
} {
  const order: string[] = [];
  let running = 0;
  let peak = 0;
  return {
    order,
    running: () => running,
    peak: () => peak,
    render: async (request: LocalRequest, context) => {
      running++;
      peak = Math.max(peak, running);
      order.push(request.doc.title ?? '');
      try {
        return await testRender({ delayMs: options.delayMs ?? 0, maxMs: 200 })(request, context);
      } finally {
        running--;
      }
    },
  };
}

const prompt = (title: string): string => `Title: ${title}\nScene: a harbour at night\nDuration: 1s`;

function enqueueLocal(h: QueueHarness, title: string, priority = 0): number {
  return h.queue.enqueue({ projectId: h.projectId, provider: 'local', promptText: prompt(title), priority }).id;
}

describe('the scheduler', () => {
  test('takes the highest priority first, then the oldest', async () => {
    const r = recordingRender();
    const h = await queueHarness(registryOf(createLocalProvider(r.render)));
    const ids = [
      enqueueLocal(h, 'A'),
      enqueueLocal(h, 'B', 5),
      enqueueLocal(h, 'C'),
      enqueueLocal(h, 'D', 5),
      enqueueLocal(h, 'E', 9),
    ];
    h.queue.start();
    for (const id of ids) expect((await settled(h.queue, id)).state).toBe('succeeded');
    expect(r.order).toEqual(['E', 'B', 'D', 'A', 'C']);
    expect(r.peak()).toBe(1); // the built-in engine takes one job at a time by default
  });

  test('runs as many jobs of a provider at once as its concurrency, and no more', async () => {
    const r = recordingRender({ delayMs: 150 });
    const h = await queueHarness(registryOf(createLocalProvider(r.render)), { concurrency: { local: 2 } });
    const ids = ['A', 'B', 'C', 'D', 'E'].map((title) => enqueueLocal(h, title));
    h.queue.start();
    await waitFor(() => r.running() === 2);
    expect(h.queue.activeCount()).toBe(2);
    for (const id of ids) expect((await settled(h.queue, id)).state).toBe('succeeded');
    expect(r.peak()).toBe(2);
    expect(r.order).toEqual(['A', 'B', 'C', 'D', 'E']);
  });

  test('a raised concurrency takes effect while jobs run', async () => {
    const r = recordingRender({ delayMs: 60_000 });
    const h = await queueHarness(registryOf(createLocalProvider(r.render)));
    const ids = ['A', 'B', 'C'].map((title) => enqueueLocal(h, title));
    h.queue.start();
    await waitFor(() => r.running() === 1);
    h.queue.setConcurrency('local', 3);
    await waitFor(() => r.running() === 3);
    expect(r.order).toEqual(['A', 'B', 'C']);
    for (const id of ids) h.queue.cancel(id);
    for (const id of ids) expect((await settled(h.queue, id)).state).toBe('canceled');
    await idle(h.queue);
  });

  test('a busy provider does not hold back another: a remote job finishes while the engine renders', async () => {
    const fake = await startOpenAIFake({ video: await sampleVideo(), pollsToFinish: 2 });
    onTestFinished(() => fake.close());
    const openai = createOpenAIVideosProvider({
      apiKey: () => fake.apiKey,
      baseUrl: `${fake.url}/v1`,
      requestTimeoutMs: 2000,
    });
    const r = recordingRender({ delayMs: 60_000 });
    const h = await queueHarness(registryOf(createLocalProvider(r.render), openai));
    const rendering = enqueueLocal(h, 'Slow render');
    const waiting = enqueueLocal(h, 'Next render');
    const remote = h.queue.enqueue({
      projectId: h.projectId,
      provider: 'openai-videos',
      promptText: prompt('Remote'),
    }).id;
    h.queue.start();
    const done = await settled(h.queue, remote);
    expect(done.errorMessage).toBeNull();
    expect(done.state).toBe('succeeded');
    expect(h.queue.get(rendering).state).toBe('running');
    expect(h.queue.get(waiting).state).toBe('queued');
    expect(r.order).toEqual(['Slow render']);
    h.queue.cancel(rendering);
    h.queue.cancel(waiting);
    await settled(h.queue, waiting);
    await idle(h.queue);
  });

  test('progress events only rise, and are written no more often than asked', async () => {
    const h = await queueHarness(registryOf(createLocalProvider(testRender())));
    const id = enqueueLocal(h, 'Every step');
    h.queue.start();
    expect(await settled(h.queue, id)).toMatchObject({ state: 'succeeded', progress: 1 });
    const all = h.events
      .filter((e) => e.name === 'jobs.progress')
      .map((e) => (e.payload as { progress: number }).progress);
    expect(all.length).toBeGreaterThan(3);
    expect(all).toEqual([...all].sort((a, b) => a - b));
    expect(all.every((p) => p > 0 && p <= 1)).toBe(true);

    const slow = await queueHarness(registryOf(createLocalProvider(testRender())), { progressIntervalMs: 3_600_000 });
    const throttled = enqueueLocal(slow, 'Hourly');
    slow.queue.start();
    await settled(slow.queue, throttled);
    const written = slow.events
      .filter((e) => e.name === 'jobs.progress')
      .map((e) => (e.payload as { progress: number }).progress);
    // The first value, then nothing more within the hour.
    expect(written).toEqual([all[0]]);
    expect(slow.queue.get(throttled).progress).toBe(1);
  });

  test('stop interrupts the running render and starts no other; both wait in the queue', async () => {
    const r = recordingRender({ delayMs: 60_000 });
    const h = await queueHarness(registryOf(createLocalProvider(r.render)));
    const first = enqueueLocal(h, 'First');
    const second = enqueueLocal(h, 'Second');
    h.queue.start();
    await waitFor(() => r.running() === 1);
    await h.queue.stop();
    expect(h.queue.running).toBe(false);
    expect(h.queue.activeCount()).toBe(0);
    expect(h.queue.get(first).state).toBe('queued');
    expect(h.queue.get(second).state).toBe('queued');
    expect(r.order).toEqual(['First']);
  });
});

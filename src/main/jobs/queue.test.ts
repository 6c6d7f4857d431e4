import { readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { decodePeakValues, PeakFile } from '../../shared/cues/peaks';
import { estimateCostUsd, modelFor } from '../../shared/prompt/providers';
import { probeFile } from '../media/probe';
import { createLocalProvider } from '../providers/local/provider';
import type { LocalRequest } from '../../shared/prompt/compile/local';
import { registryOf } from '../providers/index';
import type { LocalRender } from '../providers/types';
import type { ProviderRegistry } from '../providers/types';
import { createVeoProvider } from '../providers/veo';
import { expectStudioError, thrownBy, waitFor } from '../../../test/support/fixtures';
import { SPRITE_TILE_WIDTH, SPRITE_TILES } from './derivatives';
import { idle, orphanCheck, PROMPT, queueHarness, settled } from '../../../test/jobs/harness';
import { testRender, testReport } from '../../../test/jobs/test-render';

function local(render: LocalRender = testRender()): ProviderRegistry {
  return registryOf(createLocalProvider(render));
}

/** A renderer that records what it rendered and how many renders ran at once; `delayMs(n)` holds the n-th render back. */
function countingRender(delayMs: (n: number) => number = () => 0): {
  render: LocalRender;
  order: string[];
  peak: () => number;
} {
  const order: string[] = [];
  let now = 0;
  let peak = 0;
  return {
    order,
    peak: () => peak,
    render: async (request: LocalRequest, context) => {
      now++;
      peak = Math.max(peak, now);
      order.push(request.doc.title ?? '');
      try {
        return await testRender({ delayMs: delayMs(order.length) })(request, context);
      } finally {
        now--;
      }
    },
  };
}

const prompt = (title: string): string => `Title: ${title}\nScene: a lighthouse in fog\nDuration: 1s`;

describe('the built-in engine through the queue', () => {
  test('a job becomes a clip with its prompt, parameters, seed, poster, sprite sheet, peaks and job link', async () => {
    const requests: LocalRequest[] = [];
    const h = await queueHarness(local(testRender({ onRequest: (request) => requests.push(request) })), {
      newSeed: () => 4242,
    });
    const queued = h.queue.enqueue({ projectId: h.projectId, provider: 'local', promptText: PROMPT });
    expect(queued).toMatchObject({ state: 'queued', model: 'builtin', seed: 4242, costEstimateUsd: 0, attempts: 0 });
    expect(queued.params).toMatchObject({
      durationMs: 4000,
      width: 1280,
      height: 720,
      fps: 24,
      seed: 4242,
      audio: true,
    });
    h.queue.start();
    const job = await settled(h.queue, queued.id);
    expect(job).toMatchObject({ state: 'succeeded', progress: 1, attempts: 1, costActualUsd: 0, errorMessage: null });
    // The engine got the compiled structure with the seed.
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ seed: 4242, shotDurationsMs: [4000], width: 1280, height: 720, fps: 24 });
    expect(requests[0]?.doc.shots[0]?.scene).toBe('a red kite over a beach at dawn');

    const clip = h.clips.get(job.clipId ?? 0);
    expect(clip).toMatchObject({
      title: 'Kite at dawn',
      provider: 'local',
      model: 'builtin',
      seed: 4242,
      promptText: PROMPT,
      videoCodec: 'h264',
      audioCodec: 'aac',
    });
    const row = h.db
      .prepare<[number], { job_id: number; prompt_json: string; params_json: string; cost_usd: number | null }>(
        'SELECT job_id, prompt_json, params_json, cost_usd FROM clips WHERE id = ?',
      )
      .get(clip.id);
    expect(row?.job_id).toBe(job.id);
    expect(row?.cost_usd).toBe(0);
    expect(JSON.parse(row?.prompt_json ?? 'null')).toMatchObject({
      title: 'Kite at dawn',
      shots: [{ scene: 'a red kite over a beach at dawn' }],
    });
    expect(JSON.parse(row?.params_json ?? 'null')).toMatchObject({ model: 'builtin', seed: 4242, durationMs: 4000 });

    // The sprite sheet is one row of tiles; the peaks are the cue timeline's own format.
    const sprite = await probeFile(h.store.pathOf(clip.spriteId ?? '') ?? '', 'sprite').catch(
      (error: unknown) => error,
    );
    expect(sprite).toBeInstanceOf(Error); // a still image is not media the library imports
    expect(h.clips.mediaType(clip.spriteId ?? '')).toBe('image/jpeg');
    expect(h.clips.mediaType(clip.posterId ?? '')).toBe('image/jpeg');
    expect(h.clips.mediaType(clip.cardPosterId ?? '')).toBe('image/jpeg');
    const peaks = PeakFile.parse(JSON.parse(await readFile(h.store.pathOf(clip.peaksId ?? '') ?? '', 'utf8')));
    expect(peaks).toMatchObject({ format: 'shotline-peaks', version: 2, levels: [{ pairsPerSecond: 100 }] });
    const values = Array.from(decodePeakValues(peaks.levels[0]?.data ?? ''));
    expect(values.length).toBeGreaterThanOrEqual(2 * 59); // 600 ms of sound
    expect(Math.max(...values)).toBeGreaterThan(10); // the sine is there
    expect(SPRITE_TILES * SPRITE_TILE_WIDTH).toBe(1600);

    const changes = h.events
      .filter((e) => e.name === 'jobs.changed')
      .map((e) => (e.payload as { state: string }).state);
    expect(changes).toEqual(['queued', 'running', 'succeeded']);
    const progress = h.events
      .filter((e) => e.name === 'jobs.progress')
      .map((e) => (e.payload as { progress: number }).progress);
    expect(progress.length).toBeGreaterThan(2);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(h.events.map((e) => e.name)).toEqual(expect.arrayContaining(['clips.changed', 'projects.changed']));
    await idle(h.queue);
    expect(await orphanCheck(h)).toEqual({ unreferencedFiles: [], unusedRows: [], temp: [] });
  });

  test("the engine's render report is kept with the clip, as the engine wrote it", async () => {
    const h = await queueHarness(
      local(
        testRender({
          report: (request) => {
            // The engine writes more than the studio reads; all of it is kept.
            const written = {
              ...testReport(request),
              notUnderstood: [
                { shot: 0, field: 'style' as const, text: 'vaporwave', reason: 'not in the vocabulary' },
                { shot: 0, field: 'event' as const, text: 'kazoo', reason: 'no sound effect matches' },
              ],
              understood: [{ shot: 0, field: 'scene', text: 'lighthouse', meaning: 'element lighthouse' }],
              loudness: { integratedLufs: -16, gainDb: 2.5 },
            };
            return written;
          },
        }),
      ),
    );
    const job = h.queue.enqueue({ projectId: h.projectId, provider: 'local', promptText: prompt('Reported') });
    h.queue.start();
    const done = await settled(h.queue, job.id);
    expect(done.state).toBe('succeeded');
    const stored = h.db
      .prepare<[number], string | null>('SELECT report_json FROM clips WHERE id = ?')
      .pluck()
      .get(done.clipId ?? 0);
    expect(JSON.parse(stored ?? 'null')).toEqual({
      engine: 'local',
      version: 1,
      durationMs: 1000,
      shots: [{ index: 0, startMs: 0, endMs: 1000 }],
      notUnderstood: [
        { shot: 0, field: 'style', text: 'vaporwave', reason: 'not in the vocabulary' },
        { shot: 0, field: 'event', text: 'kazoo', reason: 'no sound effect matches' },
      ],
      sounds: [{ shot: 0, timeMs: 0, kind: 'tone', label: 'test tone', source: 'world', standIn: false }],
      notes: ['rendered by the test stand-in, not the built-in engine'],
      understood: [{ shot: 0, field: 'scene', text: 'lighthouse', meaning: 'element lighthouse' }],
      loudness: { integratedLufs: -16, gainDb: 2.5 },
    });
  });

  test('a failed render keeps no report, and the retry that succeeds keeps its own', async () => {
    let calls = 0;
    const h = await queueHarness(
      local(async (request, context) => {
        calls++;
        if (calls === 1) throw new Error('the engine ran out of film');
        return testRender({ report: (r) => ({ ...testReport(r), notes: [`attempt ${calls}`] }) })(request, context);
      }),
    );
    const job = h.queue.enqueue({ projectId: h.projectId, provider: 'local', promptText: prompt('Twice') });
    h.queue.start();
    expect(await settled(h.queue, job.id)).toMatchObject({ state: 'failed', clipId: null });
    h.queue.retry(job.id);
    const done = await settled(h.queue, job.id);
    const reports = h.db.prepare<[], string | null>('SELECT report_json FROM clips').pluck().all();
    expect(reports).toHaveLength(1);
    expect(JSON.parse(reports[0] ?? 'null')).toMatchObject({ notes: ['attempt 2'] });
    expect(done.clipId).not.toBeNull();
  });

  test('one render at a time by default; more when the creator allows it', async () => {
    const counting = countingRender(() => 150);
    const h = await queueHarness(local(counting.render));
    const ids = ['A', 'B'].map(
      (title) => h.queue.enqueue({ projectId: h.projectId, provider: 'local', promptText: prompt(title) }).id,
    );
    expect(h.queue.concurrency('local')).toBe(1);
    h.queue.start();
    for (const id of ids) await settled(h.queue, id);
    expect(counting.peak()).toBe(1);

    h.queue.setConcurrency('local', 2);
    const more = ['D', 'E', 'F'].map(
      (title) => h.queue.enqueue({ projectId: h.projectId, provider: 'local', promptText: prompt(title) }).id,
    );
    for (const id of more) await settled(h.queue, id);
    expect(counting.peak()).toBe(2);
    expectStudioError(
      thrownBy(() => h.queue.setConcurrency('local', 0)),
      'invalid_input',
      'from 1 to 16',
    );
  });

  test('higher priority first; move to front jumps the queue', async () => {
    const counting = countingRender();
    const h = await queueHarness(local(counting.render));
    const a = h.queue.enqueue({ projectId: h.projectId, provider: 'local', promptText: prompt('A') });
    h.queue.enqueue({ projectId: h.projectId, provider: 'local', promptText: prompt('B'), priority: 5 });
    const c = h.queue.enqueue({ projectId: h.projectId, provider: 'local', promptText: prompt('C') });
    const d = h.queue.enqueue({ projectId: h.projectId, provider: 'local', promptText: prompt('D') });
    expect(h.queue.moveToFront(d.id).priority).toBe(6);
    expect(h.queue.list({ states: ['queued'] }).map((job) => job.id)).toEqual([d.id, d.id - 2, a.id, c.id]);
    h.queue.start();
    for (const job of h.queue.list()) await settled(h.queue, job.id);
    expect(counting.order).toEqual(['D', 'B', 'A', 'C']);
    expectStudioError(
      thrownBy(() => h.queue.moveToFront(a.id)),
      'conflict',
      'Only a queued job can be moved',
    );
  });

  test('a queued job can be edited (recompiled) or duplicated; a running one cannot be edited', async () => {
    const counting = countingRender((n) => (n === 1 ? 300 : 0));
    const h = await queueHarness(local(counting.render), { newSeed: () => 7 });
    const job = h.queue.enqueue({ projectId: h.projectId, provider: 'local', promptText: prompt('Before') });
    const edited = h.queue.update({
      id: job.id,
      promptText: prompt('After'),
      options: { size: { width: 640, height: 360 } },
    });
    expect(edited).toMatchObject({ id: job.id, state: 'queued', params: { width: 640, height: 360 } });
    expect(edited.promptText).toContain('After');
    const copy = h.queue.duplicate(job.id);
    expect(copy.id).not.toBe(job.id);
    expect(copy).toMatchObject({ state: 'queued', promptText: edited.promptText, params: { width: 640, height: 360 } });
    h.queue.start();
    await waitFor(() => h.queue.get(job.id).state === 'running');
    expectStudioError(
      thrownBy(() => h.queue.update({ id: job.id, priority: 3 })),
      'conflict',
      'is running',
    );
    await settled(h.queue, copy.id);
    expect(counting.order).toEqual(['After', 'After']);
  });

  test('cancel: a queued job never runs; a running render is stopped, leaving no clip and no temp file', async () => {
    const counting = countingRender(() => 5_000);
    const h = await queueHarness(local(counting.render));
    const running = h.queue.enqueue({ projectId: h.projectId, provider: 'local', promptText: prompt('Long') });
    const waiting = h.queue.enqueue({ projectId: h.projectId, provider: 'local', promptText: prompt('Never') });
    h.queue.start();
    await waitFor(() => h.queue.get(running.id).state === 'running');
    expect(h.queue.cancel(waiting.id).state).toBe('canceled');
    const started = Date.now();
    h.queue.cancel(running.id);
    const canceled = await settled(h.queue, running.id);
    expect(Date.now() - started).toBeLessThan(2_000); // the worker was stopped, not waited for
    expect(canceled).toMatchObject({ state: 'canceled', clipId: null });
    expect(counting.order).toEqual(['Long']);
    expect(h.clips.list(h.projectId)).toEqual([]);
    await idle(h.queue);
    expect(await orphanCheck(h)).toEqual({ unreferencedFiles: [], unusedRows: [], temp: [] });
    expectStudioError(
      thrownBy(() => h.queue.cancel(running.id)),
      'conflict',
      'nothing to cancel',
    );
  });

  test('a failed render says why; retry runs it again', async () => {
    let calls = 0;
    const inner = testRender();
    const h = await queueHarness(
      local(async (request, context) => {
        calls++;
        if (calls === 1) throw new Error('the GPU driver went away');
        return inner(request, context);
      }),
    );
    const job = h.queue.enqueue({ projectId: h.projectId, provider: 'local', promptText: prompt('Flaky') });
    h.queue.start();
    const failed = await settled(h.queue, job.id);
    expect(failed).toMatchObject({
      state: 'failed',
      errorMessage: 'The built-in engine could not render this clip: the GPU driver went away',
    });
    const retried = h.queue.retry(job.id);
    expect(retried).toMatchObject({ state: 'queued', attempts: 0, errorMessage: null });
    expect(await settled(h.queue, job.id)).toMatchObject({ state: 'succeeded', attempts: 1 });
    expectStudioError(
      thrownBy(() => h.queue.retry(job.id)),
      'conflict',
      'Only a failed or canceled job can be retried',
    );
  });

  test('stop interrupts a render and puts it back in the queue; the next start renders it', async () => {
    const counting = countingRender((n) => (n === 1 ? 5_000 : 0));
    const h = await queueHarness(local(counting.render));
    const job = h.queue.enqueue({ projectId: h.projectId, provider: 'local', promptText: prompt('Again') });
    h.queue.start();
    await waitFor(() => h.queue.get(job.id).state === 'running');
    await h.queue.stop();
    expect(h.queue.get(job.id)).toMatchObject({ state: 'queued', progress: 0 });
    expect(await h.store.tempEntries()).toEqual([]);
    h.queue.start();
    expect(await settled(h.queue, job.id)).toMatchObject({ state: 'succeeded' });
    expect(counting.order).toEqual(['Again', 'Again']);
  });
});

describe('enqueue refuses what cannot run, saying why', () => {
  test('an empty prompt, an unknown project, an unknown model, a missing clip, a provider without a key', async () => {
    const veo = createVeoProvider({ apiKey: () => null, requestTimeoutMs: 1000 });
    const h = await queueHarness(registryOf(createLocalProvider(testRender()), veo));
    expectStudioError(
      thrownBy(() => h.queue.enqueue({ projectId: h.projectId, provider: 'local', promptText: '   ' })),
      'invalid_input',
      'promptText: prompt must not be empty',
    );
    expectStudioError(
      thrownBy(() => h.queue.enqueue({ projectId: 999, provider: 'local', promptText: PROMPT })),
      'not_found',
      'Project 999',
    );
    expectStudioError(
      thrownBy(() =>
        h.queue.enqueue({ projectId: h.projectId, provider: 'local', promptText: PROMPT, options: { model: 'turbo' } }),
      ),
      'invalid_input',
      'has no model "turbo"; choose one of builtin',
    );
    expectStudioError(
      thrownBy(() =>
        h.queue.enqueue({ projectId: h.projectId, provider: 'local', promptText: PROMPT, parentClipId: 5 }),
      ),
      'not_found',
      'Clip 5',
    );
    expectStudioError(
      thrownBy(() => h.queue.enqueue({ projectId: h.projectId, provider: 'veo', promptText: PROMPT })),
      'invalid_input',
      'GEMINI_API_KEY',
    );
    expectStudioError(
      thrownBy(() => h.queue.enqueue({ projectId: h.projectId, provider: 'runway', promptText: PROMPT })),
      'invalid_input',
      'not available',
    );
    expect(h.queue.list()).toEqual([]);
  });
});

describe('the monthly budget', () => {
  test('blocks a paid job that would pass it, saying by how much; free jobs are never blocked', async () => {
    const veo = createVeoProvider({ apiKey: () => 'key', baseUrl: 'http://127.0.0.1:9', requestTimeoutMs: 1000 });
    const h = await queueHarness(registryOf(createLocalProvider(testRender()), veo));
    const price = estimateCostUsd(modelFor('veo').model, 4000, { width: 1280, height: 720 });
    h.queue.setBudget(price * 1.5);
    const first = h.queue.enqueue({ projectId: h.projectId, provider: 'veo', promptText: PROMPT });
    expect(first.costEstimateUsd).toBe(price);
    const error = thrownBy(() => h.queue.enqueue({ projectId: h.projectId, provider: 'veo', promptText: PROMPT }));
    const fmt = (usd: number): string => `$${usd.toFixed(2)}`;
    expectStudioError(
      error,
      'over_budget',
      `This clip is estimated at ${fmt(price)}. With $0.00 spent and ${fmt(price)} in jobs not yet finished this month (${fmt(price)} in all), ` +
        `it would pass your monthly budget of ${fmt(price * 1.5)} by ${fmt(price / 2)}.`,
    );
    expect(h.queue.enqueue({ projectId: h.projectId, provider: 'local', promptText: PROMPT }).state).toBe('queued');
    const spend = h.queue.spend();
    expect(spend).toMatchObject({ spentUsd: 0, reservedUsd: price, budgetUsd: price * 1.5 });
    expect(spend.remainingUsd).toBeCloseTo(price * 0.5, 4);
    h.queue.setBudget(null);
    expect(h.queue.enqueue({ projectId: h.projectId, provider: 'veo', promptText: PROMPT }).state).toBe('queued');
    expectStudioError(
      thrownBy(() => h.queue.setBudget(0)),
      'invalid_input',
      'more than $0',
    );
  });
});

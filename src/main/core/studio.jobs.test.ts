/**
 * The job queue as the studio wires it: calls through the contract, events on the studio's
 * hub, keys from the environment and the settings file (never stored), the library lock,
 * and the queue stopped and resumed with the studio.
 */
import { chmod, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, onTestFinished, test } from 'vitest';
import type { EventName } from '../../shared/contract';
import { decodePeakValues, PeakFile } from '../../shared/cues/peaks';
import type { Job } from '../../shared/jobs';
import { sampleVideo } from '../../../test/jobs/harness';
import { testRender, type TestRenderOptions } from '../../../test/jobs/test-render';
import { googleError, startVeoFake } from '../../../test/fakes/veo';
import { LOCK_FILE } from '../storage/lock';
import { SETTINGS_FILE } from './settings';
import { createStudio, type Studio, type StudioOptions } from './studio';
import { expectStudioError, rejectionOf, tempDir, waitFor } from '../../../test/support/fixtures';

const PROMPT = [
  'Title: Lighthouse',
  'Scene: a lighthouse in fog at night',
  'Audio: foghorn at 00:01',
  'Duration: 2s',
].join('\n');

interface Opened {
  studio: Studio;
  dataDir: string;
  events: { name: EventName; payload: unknown }[];
}

async function open(
  options: Partial<StudioOptions> & { renderOptions?: TestRenderOptions } = {},
  dataDir?: string,
): Promise<Opened> {
  const dir = dataDir ?? join(await tempDir('shotline-studio-jobs-'), 'data');
  const { renderOptions, ...rest } = options;
  const studio = await createStudio({ dataDir: dir, env: {}, render: testRender(renderOptions), ...rest });
  onTestFinished(() => studio.close());
  const events: Opened['events'] = [];
  studio.onEvent((name, payload) => events.push({ name, payload }));
  return { studio, dataDir: dir, events };
}

async function until(studio: Studio, id: number, states: Job['state'][]): Promise<Job> {
  let job = await studio.call('jobs.get', { id });
  await waitFor(async () => {
    job = await studio.call('jobs.get', { id });
    return states.includes(job.state);
  }, 20);
  return job;
}

describe('jobs through the studio', () => {
  test('a queued prompt becomes a clip in its project, with events on the way', async () => {
    const { studio, events } = await open();
    const project = await studio.call('projects.create', { name: 'Coast' });
    const queued = await studio.call('jobs.enqueue', { projectId: project.id, provider: 'local', promptText: PROMPT });
    expect(queued).toMatchObject({ state: 'queued', title: 'Lighthouse', provider: 'local', model: 'builtin' });
    const done = await until(studio, queued.id, ['succeeded', 'failed']);
    expect(done).toMatchObject({ state: 'succeeded', progress: 1, errorMessage: null });
    const clips = await studio.call('clips.list', { projectId: project.id });
    expect(clips.map((c) => [c.id, c.title, c.provider])).toEqual([[done.clipId, 'Lighthouse', 'local']]);
    // What the engine reported comes with the clip.
    expect(await studio.call('clips.report', { id: done.clipId ?? 0 })).toMatchObject({
      engine: 'local',
      notUnderstood: [{ shot: 0, field: 'scene', text: 'a lighthouse in fog at night' }],
      sounds: [{ timeMs: 0, label: 'test tone', source: 'world' }],
    });
    const names = events.map((e) => e.name);
    expect(names).toContain('jobs.changed');
    expect(names).toContain('jobs.progress');
    expect(events).toContainEqual({ name: 'clips.changed', payload: { projectId: project.id } });
    expect(events).toContainEqual({
      name: 'jobs.changed',
      payload: { jobId: queued.id, projectId: project.id, state: 'succeeded' },
    });
    expect(await studio.call('jobs.list', { projectId: project.id })).toEqual([done]);
  });

  test("a rendered clip's peaks are stored in the timeline's format, and the timeline reads them as stored", async () => {
    const { studio, dataDir } = await open();
    const project = await studio.call('projects.create', { name: 'Coast' });
    const queued = await studio.call('jobs.enqueue', { projectId: project.id, provider: 'local', promptText: PROMPT });
    const done = await until(studio, queued.id, ['succeeded', 'failed']);
    const clip = await studio.call('clips.get', { id: done.clipId ?? 0 });
    const peaksPath = join(dataDir, 'media', (clip.peaksId ?? '').slice(0, 2), clip.peaksId ?? '');
    const stored = PeakFile.parse(JSON.parse(await readFile(peaksPath, 'utf8')));
    const base = stored.levels[0];
    expect(base?.pairsPerSecond).toBe(100);
    // The stand-in renders 600 ms of sound, whatever the prompt asks.
    const values = Array.from(decodePeakValues(base?.data ?? ''));
    expect(values.length).toBeGreaterThanOrEqual(2 * 59);
    // The stand-in's sine plays at one eighth of full scale: 127 / 8 ≈ 16.
    expect(Math.max(...values)).toBeGreaterThan(12);
    expect(Math.max(...values)).toBeLessThan(20);
    // With the clip's media gone, only the stored peaks can answer.
    await rm(join(dataDir, 'media', clip.mediaId.slice(0, 2), clip.mediaId));
    expect(await studio.call('cues.peaks', { clipId: clip.id })).toEqual(stored);
  });

  test('a prompt with errors is refused, naming the line', async () => {
    const { studio } = await open();
    const project = await studio.call('projects.create', { name: 'P' });
    const error = await rejectionOf(
      studio.call('jobs.enqueue', {
        projectId: project.id,
        provider: 'local',
        promptText: 'Scene: a door\nAudio: door slam from 00:03 to 00:01\nDuration: 4s',
      }),
    );
    expectStudioError(error, 'invalid_input', 'The prompt has 1 error to fix before it can be queued: line 2:');
    expect(await studio.call('jobs.list', {})).toEqual([]);
  });

  test('a provider without its key says which variable to set, and is shown as not ready', async () => {
    const { studio } = await open();
    const project = await studio.call('projects.create', { name: 'P' });
    const error = await rejectionOf(
      studio.call('jobs.enqueue', { projectId: project.id, provider: 'veo', promptText: PROMPT }),
    );
    expectStudioError(error, 'invalid_input', 'GEMINI_API_KEY');
    const providers = await studio.call('jobs.providers', {});
    expect(providers.map((p) => p.id)).toEqual(['local', 'veo', 'runway', 'openai-videos', 'comfyui']);
    expect(providers.find((p) => p.id === 'local')).toMatchObject({ ready: true, paid: false, concurrency: 1 });
    expect(providers.find((p) => p.id === 'veo')).toMatchObject({ ready: false, paid: true });
    expect(providers.find((p) => p.id === 'runway')?.notReadyReason).toContain('RUNWAYML_API_SECRET');
    expect(providers.find((p) => p.id === 'openai-videos')?.notReadyReason).toContain('OPENAI_API_KEY');
  });

  test('a paid job past the monthly budget is refused as over_budget, saying by how much', async () => {
    const { studio } = await open({ env: { GEMINI_API_KEY: 'test-key-123456' } });
    const project = await studio.call('projects.create', { name: 'P' });
    await studio.call('jobs.setBudget', { monthlyUsd: 0.5 });
    const error = await rejectionOf(
      studio.call('jobs.enqueue', { projectId: project.id, provider: 'veo', promptText: PROMPT }),
    );
    expectStudioError(error, 'over_budget', /would pass your monthly budget of \$0\.50 by \$\d+\.\d\d/);
    expect(await studio.call('jobs.spend', {})).toMatchObject({ spentUsd: 0, reservedUsd: 0, budgetUsd: 0.5 });
  });

  test('API keys never reach the library database, job records or provider list', async () => {
    const key = 'AIzaSy-never-store-this-key-0123456789';
    const fake = await startVeoFake({ apiKey: key, video: await sampleVideo(), pollsToFinish: 1000 });
    onTestFinished(() => fake.close());
    const { studio, dataDir } = await open({
      env: { GEMINI_API_KEY: key, SHOTLINE_VEO_BASE_URL: fake.url },
    });
    const project = await studio.call('projects.create', { name: 'P' });
    const queued = await studio.call('jobs.enqueue', { projectId: project.id, provider: 'veo', promptText: PROMPT });
    await waitFor(async () => (await studio.call('jobs.get', { id: queued.id })).remoteId !== null, 20);
    expect(fake.submissions()).toBe(1);
    const visible = JSON.stringify([
      await studio.call('jobs.list', {}),
      await studio.call('jobs.providers', {}),
      await studio.call('jobs.spend', {}),
    ]);
    expect(visible).not.toContain(key);
    await studio.close();
    for (const name of await readdir(dataDir)) {
      if (!name.startsWith('library.db')) continue;
      expect((await readFile(join(dataDir, name))).includes(key), name).toBe(false);
    }
  });

  test('a key from a private settings file is used; a settings file others can read is refused with the fix', async () => {
    const dataDir = join(await tempDir('shotline-studio-jobs-'), 'data');
    const { studio } = await open({}, dataDir);
    await studio.close();
    const settings = join(dataDir, SETTINGS_FILE);
    await writeFile(settings, JSON.stringify({ keys: { runway: 'runway-key-from-file' } }), { mode: 0o600 });
    await chmod(settings, 0o600);
    const reopened = await open({}, dataDir);
    const runway = (await reopened.studio.call('jobs.providers', {})).find((p) => p.id === 'runway');
    expect(runway).toMatchObject({ ready: true, notReadyReason: null });
    await reopened.studio.close();
    await chmod(settings, 0o644);
    expectStudioError(
      await rejectionOf(createStudio({ dataDir, env: {}, render: null })),
      'invalid_input',
      `chmod 600 '${settings}'`,
    );
    // The refusal left the library free for the next try.
    await chmod(settings, 0o600);
    await (await createStudio({ dataDir, env: {}, render: null })).close();
  });
});

describe('what a provider says on the way back', () => {
  test('a key the service echoes in its error is hidden in the job, the contract reply and the database', async () => {
    const key = 'echoed-secret-key-0123456789';
    const fake = await startVeoFake({ apiKey: key, video: await sampleVideo() });
    onTestFinished(() => fake.close());
    fake.faults.add('submit', { kind: 'status', status: 400, body: googleError(400, `API key not valid: ${key}`) });
    const { studio, dataDir } = await open({ env: { GEMINI_API_KEY: key, SHOTLINE_VEO_BASE_URL: fake.url } });
    const project = await studio.call('projects.create', { name: 'P' });
    const queued = await studio.call('jobs.enqueue', { projectId: project.id, provider: 'veo', promptText: PROMPT });
    const failed = await until(studio, queued.id, ['failed', 'needs_decision', 'succeeded']);
    expect(failed).toMatchObject({
      state: 'failed',
      errorMessage:
        'Google Veo (Gemini API) refused this job: Veo answered 400 INVALID_ARGUMENT: API key not valid: [key hidden]',
    });
    const reply = await studio.invoke('jobs.get', { id: queued.id });
    expect(JSON.stringify(reply)).toContain('[key hidden]');
    expect(JSON.stringify([reply, await studio.invoke('jobs.list', {})])).not.toContain(key);
    await studio.close();
    for (const name of await readdir(dataDir)) {
      if (!name.startsWith('library.db')) continue;
      expect((await readFile(join(dataDir, name))).includes(key), name).toBe(false);
    }
  });

  test('a refused connection proves nothing was sent: the paid job is sent again later, not parked for a decision', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const { studio } = await open({
      env: { GEMINI_API_KEY: 'test-key-123456', SHOTLINE_VEO_BASE_URL: `http://127.0.0.1:${String(port)}/` },
    });
    const project = await studio.call('projects.create', { name: 'P' });
    const queued = await studio.call('jobs.enqueue', { projectId: project.id, provider: 'veo', promptText: PROMPT });
    let job = queued;
    await waitFor(async () => {
      job = await studio.call('jobs.get', { id: queued.id });
      return job.attempts > 0 && job.state !== 'submitting';
    }, 20);
    expect(job).toMatchObject({ state: 'queued', errorCode: 'unreachable' });
    expect(job.errorMessage).toMatch(
      new RegExp(
        `^Veo could not be reached: the connection was refused \\(127\\.0\\.0\\.1:${String(port)}\\)\\. Nothing was sent\\. Trying again in `,
      ),
    );
  });
});

describe('one studio per library', () => {
  test('a second studio on an open library is refused; a stale lock is taken over', async () => {
    const { studio, dataDir } = await open();
    expectStudioError(await rejectionOf(createStudio({ dataDir, env: {} })), 'conflict', 'has the library in');
    await studio.close();
    // A lock left by a process that is gone.
    await writeFile(join(dataDir, LOCK_FILE), JSON.stringify({ pid: 2 ** 22 + 12345, host: hostname(), since: 0 }));
    const again = await createStudio({ dataDir, env: {}, render: null });
    await again.close();
    await expect(readFile(join(dataDir, LOCK_FILE))).rejects.toThrow();
  });

  test('closing the studio puts a render back in the queue; the next studio finishes it', async () => {
    const first = await open({ renderOptions: { delayMs: 60_000 } });
    const project = await first.studio.call('projects.create', { name: 'P' });
    const queued = await first.studio.call('jobs.enqueue', {
      projectId: project.id,
      provider: 'local',
      promptText: PROMPT,
    });
    await until(first.studio, queued.id, ['running']);
    await first.studio.close();
    const second = await open({}, first.dataDir);
    expect((await until(second.studio, queued.id, ['succeeded', 'failed'])).state).toBe('succeeded');
    expect(await second.studio.call('clips.list', { projectId: project.id })).toHaveLength(1);
  });
});

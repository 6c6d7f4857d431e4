/**
 * Carrying a clip on with each provider's own means, through the queue and the official SDKs
 * against fakes that speak the documented protocols: Veo extends the video of an earlier
 * operation, Runway's Aleph takes the clip as videoUri, a ComfyUI workflow loads the uploaded clip.
 */
import { GoogleGenAI } from '@google/genai';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, onTestFinished, test } from 'vitest';
import { PROMPT, queueHarness, sampleVideo, settled, type QueueHarness } from '../../../test/jobs/harness';
import { startComfyFake } from '../../../test/fakes/comfyui';
import { startRunwayFake } from '../../../test/fakes/runway';
import { startVeoFake } from '../../../test/fakes/veo';
import { expectStudioError, makeVideo, rejectionOf, repoRoot, thrownBy } from '../../../test/support/fixtures';
import type { Job } from '../../shared/jobs';
import { createComfyProvider } from './comfyui';
import { loadWorkflowFile, type ComfyWorkflowFile } from './comfyui-workflow';
import { createRunwayProvider, RUNWAY_DATA_URI_MAX_BYTES } from './runway';
import type { ContinueFile } from './types';
import { createVeoProvider } from './veo';

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'shotline-continue-'));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** A short 720p clip: the only size Veo extends. */
async function hdVideo(): Promise<Buffer> {
  const dir = await tempDir();
  return readFile(await makeVideo(dir, 'hd.mp4', { seconds: 0.5, width: 1280, height: 720, fps: 12 }));
}

async function madeClip(h: QueueHarness, job: Job): Promise<number> {
  h.queue.start();
  const done = await settled(h.queue, job.id);
  expect(done.state, done.errorMessage ?? '').toBe('succeeded');
  if (done.clipId === null) throw new Error('the job made no clip');
  return done.clipId;
}

const parentOf = (h: QueueHarness, clipId: number): number | null =>
  h.db.prepare<[number], { parent_clip_id: number | null }>('SELECT parent_clip_id FROM clips WHERE id = ?').get(clipId)
    ?.parent_clip_id ?? null;

describe('Veo extends a clip it made', () => {
  test('the earlier operation’s video goes back in as the source; the child clip is a remix of it', async () => {
    const fake = await startVeoFake({ video: await hdVideo() });
    onTestFinished(() => fake.close());
    const provider = createVeoProvider({ apiKey: () => fake.apiKey, baseUrl: fake.url, requestTimeoutMs: 5000 });
    const h = await queueHarness(new Map([['veo', provider]]));
    const first = h.queue.enqueue({ projectId: h.projectId, provider: 'veo', promptText: PROMPT });
    const parent = await madeClip(h, first);

    const job = h.queue.enqueue({
      projectId: h.projectId,
      provider: 'veo',
      promptText: `${PROMPT}\nMotion: the kite climbs out of frame`,
      continueFrom: { clipId: parent, mode: 'extend' },
    });
    expect(job.parentClipId).toBe(parent);
    expect(job.params).toMatchObject({ continueMode: 'extend', width: 1280, height: 720, durationMs: 7500 });
    const child = await madeClip(h, job);
    expect(parentOf(h, child)).toBe(parent);

    const [source, extension] = [...fake.operations.values()];
    expect(extension?.extends).toBe(source?.fileId);
    expect(extension?.request.instances[0]?.video).toEqual({
      uri: `https://generativelanguage.googleapis.com/v1beta/files/${source?.fileId ?? ''}:download?alt=media`,
    });
    expect(extension?.request.parameters).toMatchObject({
      resolution: '720p',
      durationSeconds: 8,
      aspectRatio: '16:9',
    });
    // The 4 s source and Veo's 7 s, as one video.
    expect([source?.lengthSeconds, extension?.lengthSeconds]).toEqual([4, 11]);
  });

  test('a clip Veo did not make is refused before anything is sent, saying what to do', async () => {
    const fake = await startVeoFake({ video: await hdVideo() });
    onTestFinished(() => fake.close());
    const runway = await startRunwayFake({ video: await hdVideo() });
    onTestFinished(() => runway.close());
    const h = await queueHarness(
      new Map([
        ['veo', createVeoProvider({ apiKey: () => fake.apiKey, baseUrl: fake.url, requestTimeoutMs: 5000 })],
        ['runway', createRunwayProvider({ apiKey: () => runway.apiKey, baseUrl: runway.url, requestTimeoutMs: 5000 })],
      ]),
    );
    const other = await madeClip(
      h,
      h.queue.enqueue({ projectId: h.projectId, provider: 'runway', promptText: PROMPT }),
    );
    const error = thrownBy(() =>
      h.queue.enqueue({
        projectId: h.projectId,
        provider: 'veo',
        promptText: PROMPT,
        continueFrom: { clipId: other, mode: 'extend' },
      }),
    );
    expectStudioError(error, 'invalid_input', /^Veo extends only clips Veo made .* with runway\. Choose “Regenerate”/);
    expect(fake.submissions()).toBe(0);
  });

  test('the fake refuses what the Gemini API refuses: bytes instead of a Veo video, an older model, 1080p', async () => {
    const fake = await startVeoFake({ video: await hdVideo(), pollsToFinish: 1 });
    onTestFinished(() => fake.close());
    const ai = new GoogleGenAI({ apiKey: fake.apiKey, httpOptions: { baseUrl: fake.url } });
    const made = await ai.models.generateVideos({ model: 'veo-3.1-generate-preview', source: { prompt: 'a kite' } });
    const done = await ai.operations.getVideosOperation({ operation: made });
    const video = done.response?.generatedVideos?.[0]?.video;
    if (!video) throw new Error('the fake made no video');
    expect(video.uri).toMatch(/files\/[a-f0-9]+:download/);
    const extend = (model: string, config: Record<string, unknown>, source = video) =>
      rejectionOf(ai.models.generateVideos({ model, source: { prompt: 'on', video: source }, config }));
    expect(String(await extend('veo-3.1-generate-preview', {}, { videoBytes: 'AAAA', mimeType: 'video/mp4' }))).toMatch(
      /supports only videos generated by Veo/,
    );
    expect(String(await extend('veo-3.0-generate-001', {}))).toMatch(/not supported by veo-3\.0-generate-001/);
    expect(String(await extend('veo-3.1-generate-preview', { resolution: '1080p' }))).toMatch(/only 720p/);
    expect(String(await extend('veo-3.1-generate-preview', { aspectRatio: '9:16' }))).toMatch(
      /must match the input video/,
    );
    const ok = await ai.models.generateVideos({
      model: 'veo-3.1-fast-generate-preview',
      source: { prompt: 'on', video },
    });
    expect(ok.name).toMatch(/operations\//);
  });
});

describe('Runway remakes a clip with Aleph (video to video)', () => {
  test('the clip goes inline as a data URI through the SDK, and the child is a remix of it', async () => {
    const video = await sampleVideo();
    const fake = await startRunwayFake({ video });
    onTestFinished(() => fake.close());
    const provider = createRunwayProvider({ apiKey: () => fake.apiKey, baseUrl: fake.url, requestTimeoutMs: 5000 });
    const h = await queueHarness(new Map([['runway', provider]]));
    const parent = await madeClip(
      h,
      h.queue.enqueue({ projectId: h.projectId, provider: 'runway', promptText: PROMPT }),
    );

    const refused = thrownBy(() =>
      h.queue.enqueue({
        projectId: h.projectId,
        provider: 'runway',
        promptText: PROMPT,
        options: { model: 'gen4.5' },
        continueFrom: { clipId: parent, mode: 'video-to-video' },
      }),
    );
    expectStudioError(refused, 'invalid_input', 'Gen-4.5 cannot do “Video to video”; choose Aleph 2 (video to video).');

    const job = h.queue.enqueue({
      projectId: h.projectId,
      provider: 'runway',
      promptText: PROMPT.replace('slow push in', 'slow push in, claymation style'),
      options: { model: 'aleph2', seed: 11 },
      continueFrom: { clipId: parent, mode: 'video-to-video' },
    });
    expect(job).toMatchObject({ model: 'aleph2', parentClipId: parent, params: { continueMode: 'video-to-video' } });
    const child = await madeClip(h, job);
    expect(parentOf(h, child)).toBe(parent);
    const body = fake.bodies.at(-1) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['model', 'promptText', 'seed', 'videoUri']);
    expect(body).toMatchObject({ model: 'aleph2', seed: 11 });
    expect(body.videoUri).toMatch(/^data:video\/mp4;base64,/);
    expect(fake.videoInputs).toEqual([video]);
  });

  test('a clip too large for a data URI is uploaded first and sent as its runway:// URI', async () => {
    const video = await sampleVideo();
    const fake = await startRunwayFake({ video });
    onTestFinished(() => fake.close());
    const provider = createRunwayProvider({ apiKey: () => fake.apiKey, baseUrl: fake.url, requestTimeoutMs: 5000 });
    // The sample with padding after its boxes: still a file that starts as an MP4 does.
    const big = Buffer.concat([video, Buffer.alloc(RUNWAY_DATA_URI_MAX_BYTES)]);
    const path = join(await tempDir(), 'big.mp4');
    await writeFile(path, big);
    const source: ContinueFile = { path, mimeType: 'video/mp4', bytes: big.length, name: 'shotline-clip-1.mp4' };
    const submitted = await provider.submit(
      {
        model: 'aleph2',
        request: { model: 'aleph2', promptText: 'claymation' },
        continueFrom: { mode: 'video-to-video', clipId: 1, remoteId: null },
      },
      { idempotencyKey: 'k', submittedAt: Date.now(), signal: new AbortController().signal, source },
    );
    expect(submitted.remoteId).toMatch(/^[0-9a-f-]{36}$/);
    const body = fake.bodies.at(-1) as { videoUri?: string };
    expect(body.videoUri).toMatch(/^runway:\/\/ephemeral\//);
    expect(fake.uploads.get(body.videoUri ?? '')?.equals(big)).toBe(true);
    expect(fake.requests.map((r) => r.route)).toEqual(['upload', 'storage', 'submit']);
  });

  test('the fake refuses a videoUri that holds no video, and an upload that was never made', async () => {
    const fake = await startRunwayFake({ video: await sampleVideo() });
    onTestFinished(() => fake.close());
    const provider = createRunwayProvider({ apiKey: () => fake.apiKey, baseUrl: fake.url, requestTimeoutMs: 5000 });
    const path = join(await tempDir(), 'not-a-video.mp4');
    await writeFile(path, 'plain text, not a video');
    const source: ContinueFile = { path, mimeType: 'video/mp4', bytes: 23, name: 'x.mp4' };
    const error = await rejectionOf(
      provider.submit(
        {
          model: 'aleph2',
          request: { model: 'aleph2', promptText: 'x' },
          continueFrom: { mode: 'video-to-video', clipId: 1, remoteId: null },
        },
        { idempotencyKey: 'k', submittedAt: Date.now(), signal: new AbortController().signal, source },
      ),
    );
    expect(error).toMatchObject({ kind: 'rejected', status: 400 });
    expect(String(error)).toMatch(/does not hold a video/);
    const unknown = await fetch(`${fake.url}/v1/video_to_video`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${fake.apiKey}`,
        'x-runway-version': '2024-11-06',
        'content-type': 'application/json',
      },
      body: JSON.stringify({ model: 'aleph2', videoUri: 'runway://ephemeral/nothing' }),
    });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(await unknown.json())).toMatch(/names no upload/);
  });
});

describe('a ComfyUI workflow with a video loader takes the clip as input', () => {
  const base = (): Promise<ComfyWorkflowFile> =>
    loadWorkflowFile(join(repoRoot, 'resources/comfyui/wan2.2-ti2v-5b.json'));

  async function withLoader(): Promise<ComfyWorkflowFile> {
    const file = await base();
    return {
      ...file,
      prompt: { ...file.prompt, '90': { class_type: 'LoadVideo', inputs: { file: '' } } },
      mapping: { ...file.mapping, video: { node: '90', input: 'file' } },
    };
  }

  test('the clip is uploaded with POST /upload/image and its name put in the loader', async () => {
    const video = await sampleVideo();
    const fake = await startComfyFake({ video, stepMs: 5 });
    onTestFinished(() => fake.close());
    // A workflow with a loader needs a clip every time, so the parent is made with the plain one
    // and the creator then switches to the video-input workflow.
    let workflow = await base();
    const provider = createComfyProvider({ baseUrl: fake.url, workflow: () => workflow, requestTimeoutMs: 5000 });
    onTestFinished(() => provider.close?.());
    const h = await queueHarness(new Map([['comfyui', provider]]));
    const parent = await madeClip(
      h,
      h.queue.enqueue({ projectId: h.projectId, provider: 'comfyui', promptText: PROMPT }),
    );
    workflow = await withLoader();
    const job = h.queue.enqueue({
      projectId: h.projectId,
      provider: 'comfyui',
      promptText: PROMPT,
      continueFrom: { clipId: parent, mode: 'video-input' },
    });
    const child = await madeClip(h, job);
    expect(parentOf(h, child)).toBe(parent);
    const name = `shotline-clip-${parent}.mp4`;
    expect(fake.inputs.get(name)?.equals(video)).toBe(true);
    expect(fake.prompts.map((prompt) => prompt['90']?.inputs.file)).toEqual([undefined, name]);
  });

  test('without a mapped video input the mode is not offered and a job asking for it is refused', async () => {
    const fake = await startComfyFake({ video: await sampleVideo(), stepMs: 5 });
    onTestFinished(() => fake.close());
    const workflow = await base();
    const provider = createComfyProvider({ baseUrl: fake.url, workflow: () => workflow, requestTimeoutMs: 5000 });
    onTestFinished(() => provider.close?.());
    expect(provider.continueReady?.('video-input').ok).toBe(false);
    const h = await queueHarness(new Map([['comfyui', provider]]));
    const parent = await madeClip(
      h,
      h.queue.enqueue({ projectId: h.projectId, provider: 'comfyui', promptText: PROMPT }),
    );
    const error = thrownBy(() =>
      h.queue.enqueue({
        projectId: h.projectId,
        provider: 'comfyui',
        promptText: PROMPT,
        continueFrom: { clipId: parent, mode: 'video-input' },
      }),
    );
    expectStudioError(error, 'invalid_input', /has no video input: add a Load Video node/);
  });

  test('the fake refuses a loader naming a file that is not in the input folder, as ComfyUI does', async () => {
    const fake = await startComfyFake({ video: await sampleVideo(), stepMs: 5 });
    onTestFinished(() => fake.close());
    const workflow = await withLoader();
    const prompt = { ...workflow.prompt, '90': { class_type: 'LoadVideo', inputs: { file: 'missing.mp4' } } };
    const answer = await fetch(`${fake.url}/prompt`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ prompt }),
    });
    expect(answer.status).toBe(400);
    expect(await answer.json()).toMatchObject({
      node_errors: { '90': { errors: [{ type: 'value_not_in_list' }], class_type: 'LoadVideo' } },
    });
  });
});

describe('the contract', () => {
  test('refuses a continuation together with a provider remix, or with another parent', async () => {
    const h = await queueHarness(new Map());
    const both = thrownBy(() =>
      h.queue.enqueue({
        projectId: h.projectId,
        provider: 'veo',
        promptText: PROMPT,
        remix: true,
        parentClipId: 1,
        continueFrom: { clipId: 1, mode: 'extend' },
      }),
    );
    expectStudioError(
      both,
      'invalid_input',
      'jobs.enqueue: continueFrom: choose either remix or continueFrom, not both',
    );
    const other = thrownBy(() =>
      h.queue.enqueue({
        projectId: h.projectId,
        provider: 'veo',
        promptText: PROMPT,
        parentClipId: 2,
        continueFrom: { clipId: 1, mode: 'extend' },
      }),
    );
    expectStudioError(other, 'invalid_input', /parentClipId must be the clip named in continueFrom/);
  });
});

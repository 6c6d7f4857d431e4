/**
 * The Settings calls through a real studio on a real data folder: keys saved, tested against
 * fakes of each service and removed, taking effect without a restart and never coming back in
 * an answer; the ComfyUI server and workflow mapping; the default provider.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, onTestFinished, test } from 'vitest';
import type { EventName } from '../../../shared/contract';
import { startComfyFake } from '../../../../test/fakes/comfyui';
import { startOpenAIFake } from '../../../../test/fakes/openai-videos';
import { startRunwayFake } from '../../../../test/fakes/runway';
import { startVeoFake } from '../../../../test/fakes/veo';
import { sampleVideo } from '../../../../test/jobs/harness';
import { testRender } from '../../../../test/jobs/test-render';
import { expectStudioError, rejectionOf, repoRoot, tempDir, waitFor } from '../../../../test/support/fixtures';
import type { SafeStorageLike } from '../../providers/keys';
import { COMFY_WORKFLOW_FILE, KEYS_FILE, SETTINGS_FILE } from '../settings';
import { createStudio, type Studio, type StudioOptions } from '../studio';

/** Stands in for Electron's safeStorage: reversible, and visibly not plain text. */
const fakeSafeStorage: SafeStorageLike = {
  isEncryptionAvailable: () => true,
  encryptString: (plain) => Buffer.from(`sealed:${Buffer.from(plain).toString('hex')}`),
  decryptString: (sealed) => Buffer.from(sealed.toString().replace(/^sealed:/, ''), 'hex').toString(),
};

async function open(
  options: Partial<StudioOptions> = {},
): Promise<{ studio: Studio; dataDir: string; events: EventName[] }> {
  const dataDir = join(await tempDir('shotline-settings-'), 'data');
  const studio = await createStudio({ dataDir, env: {}, render: testRender(), ...options });
  onTestFinished(() => studio.close());
  const events: EventName[] = [];
  studio.onEvent((name) => events.push(name));
  return { studio, dataDir, events };
}

async function readiness(studio: Studio, id: string): Promise<{ ready: boolean; notReadyReason: string | null }> {
  const found = (await studio.call('jobs.providers', {})).find((provider) => provider.id === id);
  if (!found) throw new Error(`no provider ${id}`);
  return { ready: found.ready, notReadyReason: found.notReadyReason };
}

const RUNWAY_KEY = 'key_runway_0123456789abcd';

describe('API keys in the browser studio (settings.json)', () => {
  test('a saved key makes the provider ready at once, is stored 0600 and only its ending comes back', async () => {
    const { studio, dataDir, events } = await open();
    expect(await readiness(studio, 'runway')).toMatchObject({
      ready: false,
      notReadyReason: expect.stringContaining('Settings (Ctrl+,)') as unknown,
    });
    const before = await studio.call('settings.get', {});
    expect(before.keys.find((k) => k.provider === 'runway')).toEqual({
      provider: 'runway',
      label: 'Runway API',
      envVar: 'RUNWAYML_API_SECRET',
      origin: null,
      endsWith: null,
    });
    expect(before.keyStorage.kind).toBe('settings-file');

    const saved = await studio.call('settings.setKey', { provider: 'runway', key: `  ${RUNWAY_KEY}\n` });
    expect(saved).toMatchObject({ origin: 'saved', endsWith: 'abcd' });
    expect(events).toContain('settings.changed');
    expect(await readiness(studio, 'runway')).toEqual({ ready: true, notReadyReason: null });

    const file = join(dataDir, SETTINGS_FILE);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ keys: { runway: RUNWAY_KEY } });
    const answer = JSON.stringify(await studio.call('settings.get', {}));
    expect(answer).not.toContain(RUNWAY_KEY);
    expect(answer).toContain('"endsWith":"abcd"');

    const removed = await studio.call('settings.removeKey', { provider: 'runway' });
    expect(removed).toMatchObject({ origin: null, endsWith: null });
    expect(await readiness(studio, 'runway')).toMatchObject({ ready: false });
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ keys: {} });
  });

  test('a saved key wins over the environment; removing it falls back to the environment', async () => {
    const { studio } = await open({ env: { OPENAI_API_KEY: 'sk-from-the-environment-9999' } });
    const keyOf = async (): Promise<unknown> =>
      (await studio.call('settings.get', {})).keys.find((k) => k.provider === 'openai-videos');
    expect(await keyOf()).toMatchObject({ origin: 'environment', endsWith: '9999' });
    await studio.call('settings.setKey', { provider: 'openai-videos', key: 'sk-saved-in-settings-1111' });
    expect(await keyOf()).toMatchObject({ origin: 'saved', endsWith: '1111' });
    await studio.call('settings.removeKey', { provider: 'openai-videos' });
    expect(await keyOf()).toMatchObject({ origin: 'environment', endsWith: '9999' });
  });

  test('the contract refuses keys that cannot be keys, and unknown providers', async () => {
    const { studio } = await open();
    expectStudioError(
      await rejectionOf(studio.call('settings.setKey', { provider: 'veo', key: 'short' })),
      'invalid_input',
      'settings.setKey: key: the key is too short',
    );
    expectStudioError(
      await rejectionOf(studio.call('settings.setKey', { provider: 'veo', key: 'two words in a key' })),
      'invalid_input',
      'must not contain spaces',
    );
    const reply = await studio.invoke('settings.setKey', { provider: 'local', key: 'abcdefghijkl' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const url = await studio.invoke('settings.setComfyUrl', { url: 'ftp://127.0.0.1:8188' });
    expect(url).toMatchObject({ ok: false, error: { message: expect.stringContaining('http or https') as unknown } });
  });
});

describe('API keys in the desktop app (keys.json through safeStorage)', () => {
  test('the key is sealed in keys.json, never written to settings.json, and read again after a restart', async () => {
    const { studio, dataDir } = await open({ safeStorage: fakeSafeStorage });
    expect((await studio.call('settings.get', {})).keyStorage.kind).toBe('keychain');
    await studio.call('settings.setKey', { provider: 'veo', key: 'AIzaSy-desktop-key-4321' });
    const sealed = await readFile(join(dataDir, KEYS_FILE), 'utf8');
    expect(sealed).not.toContain('AIzaSy-desktop-key-4321');
    expect((await stat(join(dataDir, KEYS_FILE))).mode & 0o777).toBe(0o600);
    await expect(stat(join(dataDir, SETTINGS_FILE))).rejects.toThrow();
    await studio.close();

    const again = await createStudio({ dataDir, env: {}, render: null, safeStorage: fakeSafeStorage });
    onTestFinished(() => again.close());
    expect((await again.call('settings.get', {})).keys.find((k) => k.provider === 'veo')).toMatchObject({
      origin: 'saved',
      endsWith: '4321',
    });
  });

  test('without encryption on this computer the key is refused with what to do instead', async () => {
    const { studio } = await open({ safeStorage: { ...fakeSafeStorage, isEncryptionAvailable: () => false } });
    expectStudioError(
      await rejectionOf(studio.call('settings.setKey', { provider: 'veo', key: 'AIzaSy-desktop-key-4321' })),
      'conflict',
      'no encrypted storage',
    );
  });
});

describe('testing a key with the service', () => {
  test('Runway: the organization answers with its credit balance; a wrong key is refused in Runway’s words', async () => {
    const fake = await startRunwayFake({ apiKey: RUNWAY_KEY, video: await sampleVideo(), creditBalance: 1250 });
    onTestFinished(() => fake.close());
    const { studio } = await open({ env: { SHOTLINE_RUNWAY_BASE_URL: fake.url } });
    expect(await studio.call('settings.testKey', { provider: 'runway' })).toEqual({
      ok: false,
      message: 'No Runway API key is set: enter one first.',
    });
    await studio.call('settings.setKey', { provider: 'runway', key: RUNWAY_KEY });
    expect(await studio.call('settings.testKey', { provider: 'runway' })).toEqual({
      ok: true,
      message: 'Runway accepted the key: the organization has 1,250 credits left ($12.50).',
    });
    await studio.call('settings.setKey', { provider: 'runway', key: 'key_runway_wrong_00000000' });
    const refused = await studio.call('settings.testKey', { provider: 'runway' });
    expect(refused.ok).toBe(false);
    expect(refused.message).toMatch(
      /^Runway answered 401.*Incorrect API key provided.*Check that the key is copied whole/,
    );
    expect(refused.message).not.toContain('key_runway_wrong_00000000');
    // Nothing was generated.
    expect(fake.submissions()).toBe(0);
  });

  test('Veo: the default model is fetched with the key', async () => {
    const fake = await startVeoFake({ apiKey: 'AIzaSy-veo-test-key-0001', video: await sampleVideo() });
    onTestFinished(() => fake.close());
    const { studio } = await open({ env: { SHOTLINE_VEO_BASE_URL: fake.url } });
    await studio.call('settings.setKey', { provider: 'veo', key: 'AIzaSy-veo-test-key-0001' });
    expect(await studio.call('settings.testKey', { provider: 'veo' })).toEqual({
      ok: true,
      message: 'Veo accepted the key: Veo 3.1 is available to it.',
    });
    await studio.call('settings.setKey', { provider: 'veo', key: 'AIzaSy-veo-wrong-key-0002' });
    const refused = await studio.call('settings.testKey', { provider: 'veo' });
    expect(refused).toMatchObject({ ok: false });
    expect(refused.message).toContain('API key not valid');
    expect(fake.submissions()).toBe(0);
  });

  test('an OpenAI-compatible endpoint: its video list answers', async () => {
    const fake = await startOpenAIFake({ apiKey: 'sk-openai-test-key-0003', video: await sampleVideo() });
    onTestFinished(() => fake.close());
    const { studio } = await open({
      env: { SHOTLINE_OPENAI_BASE_URL: `${fake.url}/v1`, OPENAI_API_KEY: 'sk-openai-test-key-0003' },
    });
    expect(await studio.call('settings.testKey', { provider: 'openai-videos' })).toEqual({
      ok: true,
      message: 'The OpenAI-compatible video endpoint accepted the key; it has no videos yet.',
    });
    await studio.call('settings.setKey', { provider: 'openai-videos', key: 'sk-openai-wrong-key-0004' });
    const refused = await studio.call('settings.testKey', { provider: 'openai-videos' });
    expect(refused).toMatchObject({ ok: false });
    expect(refused.message).toContain('answered 401');
  });
});

const SHIPPED_WORKFLOW = join(repoRoot, 'resources', 'comfyui', 'wan2.2-ti2v-5b.json');

describe('ComfyUI in Settings', () => {
  test('server URL, workflow mapping and a test render apply without a restart', async () => {
    const fake = await startComfyFake({ video: await sampleVideo(), steps: 3, stepMs: 5 });
    onTestFinished(() => fake.close());
    const { studio, dataDir } = await open();
    expect((await studio.call('settings.get', {})).comfyui).toEqual({
      url: 'http://127.0.0.1:8188',
      urlFromEnvironment: false,
      workflow: null,
    });
    expect(await readiness(studio, 'comfyui')).toMatchObject({
      ready: false,
      notReadyReason: expect.stringContaining('in Settings') as unknown,
    });
    await studio.call('settings.setComfyUrl', { url: fake.url });
    expect(await studio.call('settings.testComfy', {})).toEqual({
      ok: true,
      message: `ComfyUI 0.3.62 answered at ${fake.url}, running on cuda:0 NVIDIA GeForce RTX 4090 : cudaMallocAsync.`,
    });

    // A bare API-format graph: the usual inputs are guessed from the sampler's links.
    const shipped = JSON.parse(await readFile(SHIPPED_WORKFLOW, 'utf8')) as { prompt: unknown };
    const text = JSON.stringify(shipped.prompt);
    const reading = await studio.call('settings.readWorkflow', { text, fileName: 'wan22-api.json' });
    expect(reading.name).toBe('wan22-api');
    expect(reading.nodes.find((node) => node.id === '6')).toMatchObject({
      classType: 'CLIPTextEncode',
      title: 'Positive prompt (Shotline)',
      inputs: [
        { name: 'text', value: '' },
        { name: 'clip', value: null },
      ],
    });
    expect(reading.mapping).toMatchObject({
      positive: { node: '6', input: 'text' },
      negative: { node: '7', input: 'text' },
      seed: { node: '3', input: 'seed' },
      width: { node: '55', input: 'width' },
      height: { node: '55', input: 'height' },
      length: { node: '55', input: 'length' },
      fps: { node: '57', input: 'fps' },
    });

    expectStudioError(
      await rejectionOf(
        studio.call('settings.saveWorkflow', {
          name: 'Wan',
          text,
          mapping: { positive: { node: '6', input: 'txt' } },
        }),
      ),
      'invalid_input',
      'The prompt points at input "txt" of node 6 (CLIPTextEncode), which has no such input.',
    );
    const mapping = { ...reading.mapping, positive: { node: '6', input: 'text' } };
    const saved = await studio.call('settings.saveWorkflow', { name: 'Wan 2.2', text, mapping });
    expect(saved.workflow?.name).toBe('Wan 2.2');
    expect(JSON.parse(await readFile(join(dataDir, COMFY_WORKFLOW_FILE), 'utf8'))).toMatchObject({
      name: 'Wan 2.2',
      mapping: { positive: { node: '6', input: 'text' } },
    });
    expect(await readiness(studio, 'comfyui')).toEqual({ ready: true, notReadyReason: null });

    // The test render goes to the saved server with the prompt in the mapped input.
    const project = await studio.call('projects.create', { name: 'Settings test' });
    const job = await studio.call('jobs.enqueue', {
      projectId: project.id,
      provider: 'comfyui',
      promptText: 'Scene: a test render of a lighthouse\nDuration: 2s',
    });
    await waitFor(async () => (await studio.call('jobs.get', { id: job.id })).state === 'succeeded', 20);
    expect(fake.prompts[0]?.['6']?.inputs.text).toContain('lighthouse');

    const removed = await studio.call('settings.removeWorkflow', {});
    expect(removed.workflow).toBeNull();
    expect(await readiness(studio, 'comfyui')).toMatchObject({ ready: false });
  });

  test('a Shotline workflow keeps its mapping; an editor-format file and broken JSON are refused with what to do', async () => {
    const { studio } = await open();
    const reading = await studio.call('settings.readWorkflow', { text: await readFile(SHIPPED_WORKFLOW, 'utf8') });
    expect(reading.name).toContain('Wan 2.2');
    expect(reading.mapping.length).toMatchObject({ node: '55', input: 'length', multipleOf: 4, offset: 1 });
    expectStudioError(
      await rejectionOf(
        studio.call('settings.readWorkflow', { text: JSON.stringify({ nodes: [], links: [], version: 0.4 }) }),
      ),
      'invalid_input',
      'Workflow → Export (API)',
    );
    expectStudioError(
      await rejectionOf(studio.call('settings.readWorkflow', { text: '{"3": ' })),
      'invalid_input',
      'is not JSON',
    );
  });
});

describe('the default provider', () => {
  test('is saved in settings.json and read back', async () => {
    const { studio, dataDir } = await open();
    expect((await studio.call('settings.get', {})).defaultProvider).toBe('local');
    await studio.call('settings.setDefaultProvider', { provider: 'runway' });
    expect((await studio.call('settings.get', {})).defaultProvider).toBe('runway');
    expect(JSON.parse(await readFile(join(dataDir, SETTINGS_FILE), 'utf8'))).toMatchObject({
      defaultProvider: 'runway',
    });
  });
});

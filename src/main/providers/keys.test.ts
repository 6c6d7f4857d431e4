import { chmod, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { expectStudioError, rejectionOf, tempDir } from '../../../test/support/fixtures';
import {
  baseUrlFor,
  chainKeySources,
  DEFAULT_COMFYUI_URL,
  EncryptedKeyFile,
  envKeySource,
  readSettingsFile,
  settingsKeySource,
  type SafeStorageLike,
} from './keys';

/** Stands in for Electron's safeStorage: reversible, and visibly not plain text. */
const fakeSafeStorage: SafeStorageLike = {
  isEncryptionAvailable: () => true,
  encryptString: (plain) => Buffer.from(`sealed:${Buffer.from(plain).toString('hex')}`),
  decryptString: (sealed) => Buffer.from(sealed.toString().replace(/^sealed:/, ''), 'hex').toString(),
};

describe('keys from the environment', () => {
  test('GEMINI_API_KEY, RUNWAYML_API_SECRET and OPENAI_API_KEY, blank meaning none', () => {
    const keys = envKeySource({ GEMINI_API_KEY: ' g-key ', RUNWAYML_API_SECRET: 'r-key', OPENAI_API_KEY: '  ' });
    expect(keys.get('veo')).toBe('g-key');
    expect(keys.get('runway')).toBe('r-key');
    expect(keys.get('openai-videos')).toBeNull();
  });

  test('base URL overrides come from SHOTLINE_*_BASE_URL, then the settings file; ComfyUI defaults to 127.0.0.1:8188', () => {
    const env = { SHOTLINE_VEO_BASE_URL: 'http://127.0.0.1:9001', SHOTLINE_COMFYUI_URL: 'http://gpu:8188' };
    const settings = { keys: {}, baseUrls: { veo: 'http://ignored', runway: 'http://127.0.0.1:9002' } };
    expect(baseUrlFor('veo', env, settings)).toBe('http://127.0.0.1:9001');
    expect(baseUrlFor('runway', env, settings)).toBe('http://127.0.0.1:9002');
    expect(baseUrlFor('openai-videos', env, settings)).toBeUndefined();
    expect(baseUrlFor('comfyui', env)).toBe('http://gpu:8188');
    expect(baseUrlFor('comfyui', {})).toBe(DEFAULT_COMFYUI_URL);
  });
});

describe('the settings file', () => {
  test('is read when only its owner can read it (0600)', async () => {
    const dir = await tempDir();
    const path = join(dir, 'settings.json');
    await writeFile(
      path,
      JSON.stringify({ keys: { veo: 'from-file' }, baseUrls: { 'openai-videos': 'http://127.0.0.1:9/v1' } }),
      { mode: 0o600 },
    );
    const settings = await readSettingsFile(path);
    const keys = chainKeySources(envKeySource({ GEMINI_API_KEY: '' }), settingsKeySource(path, settings));
    expect(keys.get('veo')).toBe('from-file');
    expect(keys.get('runway')).toBeNull();
    expect(baseUrlFor('openai-videos', {}, settings)).toBe('http://127.0.0.1:9/v1');
    // The environment wins over the file.
    expect(chainKeySources(envKeySource({ GEMINI_API_KEY: 'env' }), settingsKeySource(path, settings)).get('veo')).toBe(
      'env',
    );
  });

  test.skipIf(process.platform === 'win32')(
    'is refused when others can read it, with the command that fixes it',
    async () => {
      const dir = await tempDir();
      const path = join(dir, 'settings.json');
      await writeFile(path, JSON.stringify({ keys: { veo: 'secret' } }));
      await chmod(path, 0o644);
      const error = await rejectionOf(readSettingsFile(path));
      expectStudioError(error, 'invalid_input', `can be read by other users (permissions 0644)`);
      expect(error.message).toContain(`chmod 600 '${path}'`);
      expect(error.message).not.toContain('secret');
      await chmod(path, 0o640);
      expectStudioError(await rejectionOf(readSettingsFile(path)), 'invalid_input', 'permissions 0640');
    },
  );

  test('a missing file is empty; a broken one says where', async () => {
    const dir = await tempDir();
    expect(await readSettingsFile(join(dir, 'none.json'))).toEqual({ keys: {}, baseUrls: {} });
    const path = join(dir, 'settings.json');
    await writeFile(path, JSON.stringify({ keys: { veo: 'k' }, baseUrls: { runway: 'ftp://x' } }), { mode: 0o600 });
    expectStudioError(
      await rejectionOf(readSettingsFile(path)),
      'invalid_input',
      'baseUrls.runway must be an http or https URL',
    );
    await writeFile(path, '{ not json', { mode: 0o600 });
    expectStudioError(await rejectionOf(readSettingsFile(path)), 'invalid_input', 'is not valid JSON');
  });
});

describe('keys encrypted with safeStorage (the desktop app)', () => {
  test('are stored sealed in a private file and read back', async () => {
    const dir = await tempDir();
    const path = join(dir, 'keys.json');
    const file = await EncryptedKeyFile.open(path, fakeSafeStorage);
    expect(file.get('runway')).toBeNull();
    await file.set('runway', 'key_live_123');
    expect(file.get('runway')).toBe('key_live_123');
    const raw = await readFile(path, 'utf8');
    expect(raw).not.toContain('key_live_123');
    if (process.platform !== 'win32') expect((await stat(path)).mode & 0o777).toBe(0o600);
    const reopened = await EncryptedKeyFile.open(path, fakeSafeStorage);
    expect(reopened.get('runway')).toBe('key_live_123');
    await reopened.set('runway', null);
    expect((await EncryptedKeyFile.open(path, fakeSafeStorage)).get('runway')).toBeNull();
  });

  test('are not saved where the OS offers no encryption', async () => {
    const dir = await tempDir();
    const file = await EncryptedKeyFile.open(join(dir, 'keys.json'), {
      ...fakeSafeStorage,
      isEncryptionAvailable: () => false,
    });
    expectStudioError(await rejectionOf(file.set('veo', 'k')), 'conflict', 'no encrypted storage');
  });
});

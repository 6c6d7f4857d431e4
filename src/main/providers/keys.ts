/**
 * API keys and endpoint overrides. Keys never enter the library database, logs or the
 * renderer: the desktop app keeps them in a file encrypted with Electron's safeStorage (passed
 * in, since only the Electron host imports Electron); the browser studio and the CLI read
 * environment variables or a settings file that only its owner may read (mode 0600).
 */
import { chmod, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { StudioError } from '../../shared/errors';
import { ProviderId } from '../../shared/prompt/providers';

export type KeyedProvider = 'veo' | 'runway' | 'openai-videos';
export const KEYED_PROVIDERS: readonly KeyedProvider[] = ['veo', 'runway', 'openai-videos'];

export const KEY_ENV: Readonly<Record<KeyedProvider, string>> = {
  veo: 'GEMINI_API_KEY',
  runway: 'RUNWAYML_API_SECRET',
  'openai-videos': 'OPENAI_API_KEY',
};

export type RemoteProviderId = Exclude<ProviderId, 'local'>;

export const BASE_URL_ENV: Readonly<Record<RemoteProviderId, string>> = {
  veo: 'SHOTLINE_VEO_BASE_URL',
  runway: 'SHOTLINE_RUNWAY_BASE_URL',
  'openai-videos': 'SHOTLINE_OPENAI_BASE_URL',
  comfyui: 'SHOTLINE_COMFYUI_URL',
};

export const DEFAULT_COMFYUI_URL = 'http://127.0.0.1:8188';

export interface KeySource {
  /** Where keys come from, for messages ("environment", "settings file ~/.shotline.json"). */
  readonly name: string;
  get(provider: KeyedProvider): string | null;
}

function clean(value: string | undefined | null): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

export function envKeySource(env: NodeJS.ProcessEnv = process.env): KeySource {
  return { name: 'environment', get: (provider) => clean(env[KEY_ENV[provider]]) };
}

/** The first source that has a key wins. */
export function chainKeySources(...sources: readonly KeySource[]): KeySource {
  return {
    name: sources.map((source) => source.name).join(', then '),
    get: (provider) => {
      for (const source of sources) {
        const key = source.get(provider);
        if (key !== null) return key;
      }
      return null;
    },
  };
}

const Url = z.url({ protocol: /^https?$/, error: 'must be an http or https URL' });

export const SettingsFile = z
  .object({
    keys: z
      .object({ veo: z.string().min(1), runway: z.string().min(1), 'openai-videos': z.string().min(1) })
      .partial()
      .strict()
      .default({}),
    baseUrls: z.object({ veo: Url, runway: Url, 'openai-videos': Url, comfyui: Url }).partial().strict().default({}),
    /** The provider the Prompt view starts with. */
    defaultProvider: ProviderId.optional(),
  })
  .strict();
export type SettingsFile = z.infer<typeof SettingsFile>;

function describeMode(mode: number): string {
  return `0${(mode & 0o777).toString(8)}`;
}

/**
 * Reads the settings file. A missing file is an empty one. A file that others can read or
 * write is refused (its keys would be exposed), with the command that fixes it.
 */
export async function readSettingsFile(path: string): Promise<SettingsFile> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return SettingsFile.parse({});
    throw error;
  }
  if (process.platform !== 'win32' && (info.mode & 0o077) !== 0) {
    throw new StudioError(
      'invalid_input',
      `The settings file ${path} can be read by other users (permissions ${describeMode(info.mode)}), so Shotline will not take API keys from it. ` +
        `Make it private with: chmod 600 '${path}'`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch {
    throw new StudioError('invalid_input', `The settings file ${path} is not valid JSON.`);
  }
  const parsed = SettingsFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'the file';
    throw new StudioError('invalid_input', `The settings file ${path}: ${where} ${issue?.message ?? 'is not valid'}.`);
  }
  return parsed.data;
}

export function settingsKeySource(path: string, settings: SettingsFile): KeySource {
  return { name: `settings file ${path}`, get: (provider) => clean(settings.keys[provider]) };
}

/** The base URL for a provider: the environment override, then the settings file, else the SDK's default. */
export function baseUrlFor(
  provider: RemoteProviderId,
  env: NodeJS.ProcessEnv = process.env,
  settings?: SettingsFile,
): string | undefined {
  const fromEnv = clean(env[BASE_URL_ENV[provider]]);
  if (fromEnv !== null) return fromEnv;
  const fromFile = settings?.baseUrls[provider];
  if (fromFile !== undefined) return fromFile;
  return provider === 'comfyui' ? DEFAULT_COMFYUI_URL : undefined;
}

/** Writes a file readable only by its owner, replacing the old one in a single rename. */
export async function writePrivateFile(path: string, text: string): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, text, { mode: 0o600 });
  await chmod(tmp, 0o600);
  await rename(tmp, path);
}

/** A place the studio can save keys entered in the app: the OS keychain, or the private settings file. */
export interface KeyStore extends KeySource {
  readonly kind: 'keychain' | 'settings-file';
  /** Saves the key (null removes it); the next request uses it. */
  set(provider: KeyedProvider, key: string | null): Promise<void>;
}

/**
 * settings.json in the library folder, kept in memory and rewritten (mode 0600) on change, so
 * a key, server URL or default provider set in the app applies at once, without a restart.
 */
export class SettingsFileStore implements KeyStore {
  readonly kind = 'settings-file';
  readonly name: string;

  private constructor(
    readonly path: string,
    private settings: SettingsFile,
  ) {
    this.name = `settings file ${path}`;
  }

  static async open(path: string): Promise<SettingsFileStore> {
    return new SettingsFileStore(path, await readSettingsFile(path));
  }

  get current(): SettingsFile {
    return this.settings;
  }

  get(provider: KeyedProvider): string | null {
    return clean(this.settings.keys[provider]);
  }

  set(provider: KeyedProvider, key: string | null): Promise<void> {
    const value = clean(key);
    return this.update((settings) => {
      const keys = Object.fromEntries(Object.entries(settings.keys).filter(([name]) => name !== provider));
      return { ...settings, keys: value === null ? keys : { ...keys, [provider]: value } };
    });
  }

  async update(change: (settings: SettingsFile) => SettingsFile): Promise<void> {
    const next = SettingsFile.parse(change(this.settings));
    await writePrivateFile(this.path, `${JSON.stringify(next, null, 2)}\n`);
    this.settings = next;
  }
}

/** The part of Electron's safeStorage the key file needs; passed in by the Electron host. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

const EncryptedFile = z.object({
  version: z.literal(1),
  keys: z.object({ veo: z.string(), runway: z.string(), 'openai-videos': z.string() }).partial(),
});

/**
 * Keys for the desktop app: each one encrypted with the OS keychain through safeStorage, the
 * file private to its owner and replaced atomically on change. Decrypted keys live only in
 * memory in the main process.
 */
export class EncryptedKeyFile implements KeyStore {
  readonly kind = 'keychain';
  readonly name = 'the app keychain';

  private constructor(
    private readonly path: string,
    private readonly safe: SafeStorageLike,
    private readonly keys: Map<KeyedProvider, string>,
  ) {}

  static async open(path: string, safe: SafeStorageLike): Promise<EncryptedKeyFile> {
    const keys = new Map<KeyedProvider, string>();
    let raw: string | null = null;
    try {
      raw = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    if (raw !== null) {
      const parsed = EncryptedFile.safeParse(JSON.parse(raw));
      if (!parsed.success)
        throw new StudioError('invalid_input', `The key file ${path} is damaged; remove it and enter the keys again.`);
      for (const provider of KEYED_PROVIDERS) {
        const sealed = parsed.data.keys[provider];
        if (sealed !== undefined) keys.set(provider, safe.decryptString(Buffer.from(sealed, 'base64')));
      }
    }
    return new EncryptedKeyFile(path, safe, keys);
  }

  get(provider: KeyedProvider): string | null {
    return this.keys.get(provider) ?? null;
  }

  has(provider: KeyedProvider): boolean {
    return this.keys.has(provider);
  }

  async set(provider: KeyedProvider, key: string | null): Promise<void> {
    if (key !== null && !this.safe.isEncryptionAvailable()) {
      throw new StudioError(
        'conflict',
        'This computer offers no encrypted storage for secrets, so the key was not saved. Set it as an environment variable instead.',
      );
    }
    const next = new Map(this.keys);
    const value = clean(key);
    if (value === null) next.delete(provider);
    else next.set(provider, value);
    const sealed: Partial<Record<KeyedProvider, string>> = {};
    for (const [name, plain] of next) sealed[name] = this.safe.encryptString(plain).toString('base64');
    await writePrivateFile(this.path, JSON.stringify({ version: 1, keys: sealed }));
    this.keys.clear();
    for (const [name, plain] of next) this.keys.set(name, plain);
  }
}

/** For messages: how a creator gives Shotline a key for this provider. */
export function howToAddKey(provider: KeyedProvider): string {
  return `Enter it in Settings (Ctrl+,), or set ${KEY_ENV[provider]} in the environment Shotline starts from.`;
}

/** The last four characters of a key, which is all of it the app ever shows. */
export function keyEnding(key: string): string {
  return key.slice(-4);
}

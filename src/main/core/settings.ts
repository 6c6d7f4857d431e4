/**
 * What the studio reads from its data folder before it opens the library: API keys (the
 * environment, settings.json, and the desktop app's encrypted keys.json) and the ComfyUI workflow.
 */
import { join } from 'node:path';
import { loadWorkflowFile, type ComfyWorkflowFile } from '../providers/comfyui-workflow';
import {
  baseUrlFor,
  chainKeySources,
  DEFAULT_COMFYUI_URL,
  EncryptedKeyFile,
  envKeySource,
  SettingsFileStore,
  type KeySource,
  type KeyStore,
  type SafeStorageLike,
} from '../providers/keys';
import { log } from '../log/logger';

/** Files in the data folder the providers read. */
export const SETTINGS_FILE = 'settings.json';
export const KEYS_FILE = 'keys.json';
export const COMFY_WORKFLOW_FILE = 'comfyui-workflow.json';

/** What the Settings screen changes while the studio runs; providers read through it per request. */
export interface LiveSettings {
  readonly opened: OpenedKeys;
  /** The creator's ComfyUI workflow; replaced when one is saved in Settings. */
  readonly comfyWorkflow: { current: ComfyWorkflowFile | null };
  /** Per-request timeout for the Settings screen's test calls. */
  readonly testTimeoutMs: number;
}

/** The ComfyUI server in use: SHOTLINE_COMFYUI_URL, else the one saved in Settings, else the local default. */
export function comfyUrl(opened: OpenedKeys): string {
  return baseUrlFor('comfyui', opened.env, opened.settingsFile.current) ?? DEFAULT_COMFYUI_URL;
}

/** The keys in use, and the stores the Settings screen writes to. */
export interface OpenedKeys {
  /** Every source in order: the key saved in the app wins over the environment. */
  keys: KeySource;
  /** Where keys entered in the app go; null when the desktop keychain could not be read. */
  store: KeyStore | null;
  /** Why `store` is null, in words. */
  storeProblem: string | null;
  settingsFile: SettingsFileStore;
  env: NodeJS.ProcessEnv;
}

export async function openKeys(
  dataDir: string,
  options: { safeStorage?: SafeStorageLike | undefined; env?: NodeJS.ProcessEnv | undefined },
): Promise<OpenedKeys> {
  const env = options.env ?? process.env;
  // Refuses a file others can read, with the chmod command that fixes it.
  const settingsFile = await SettingsFileStore.open(join(dataDir, SETTINGS_FILE));
  if (!options.safeStorage) {
    return {
      keys: chainKeySources(settingsFile, envKeySource(env)),
      store: settingsFile,
      storeProblem: null,
      settingsFile,
      env,
    };
  }
  let store: KeyStore | null = null;
  let storeProblem: string | null = null;
  try {
    store = await EncryptedKeyFile.open(join(dataDir, KEYS_FILE), options.safeStorage);
  } catch (error) {
    // The keychain may have changed; keys from the environment and settings file still work.
    storeProblem = `The saved API keys could not be read (${error instanceof Error ? error.message : 'unknown error'}).`;
    log.warn(storeProblem);
  }
  const sources = [...(store ? [store] : []), envKeySource(env), settingsFile];
  return { keys: chainKeySources(...sources), store, storeProblem, settingsFile, env };
}

export async function openComfyWorkflow(dataDir: string): Promise<ComfyWorkflowFile | null> {
  try {
    return await loadWorkflowFile(join(dataDir, COMFY_WORKFLOW_FILE));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      log.warn(`the ComfyUI workflow was left out: ${error instanceof Error ? error.message : String(error)}`);
    }
    return null;
  }
}

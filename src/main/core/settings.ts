/**
 * What the studio reads from its data folder before it opens the library: API keys (the
 * environment, settings.json, and the desktop app's encrypted keys.json) and the ComfyUI workflow.
 */
import { join } from 'node:path';
import { loadWorkflowFile, type ComfyWorkflowFile } from '../providers/comfyui-workflow';
import {
  chainKeySources,
  EncryptedKeyFile,
  envKeySource,
  readSettingsFile,
  settingsKeySource,
  type KeySource,
  type SafeStorageLike,
} from '../providers/keys';
import { log } from '../log/logger';

/** Files in the data folder the providers read. */
export const SETTINGS_FILE = 'settings.json';
export const KEYS_FILE = 'keys.json';
export const COMFY_WORKFLOW_FILE = 'comfyui-workflow.json';

export async function openKeys(
  dataDir: string,
  options: { safeStorage?: SafeStorageLike | undefined; env?: NodeJS.ProcessEnv | undefined },
): Promise<{ keys: KeySource; settings: Awaited<ReturnType<typeof readSettingsFile>> }> {
  const settingsPath = join(dataDir, SETTINGS_FILE);
  // Refuses a file others can read, with the chmod command that fixes it.
  const settings = await readSettingsFile(settingsPath);
  const sources: KeySource[] = [];
  if (options.safeStorage) {
    try {
      sources.push(await EncryptedKeyFile.open(join(dataDir, KEYS_FILE), options.safeStorage));
    } catch (error) {
      // The keychain may have changed; keys from the environment and settings file still work.
      log.warn(`the saved API keys could not be read (${error instanceof Error ? error.message : 'unknown error'}).`);
    }
  }
  sources.push(envKeySource(options.env ?? process.env), settingsKeySource(settingsPath, settings));
  return { keys: chainKeySources(...sources), settings };
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

import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { StudioError } from '../../../shared/errors';
import { PROVIDERS } from '../../../shared/prompt/providers';
import type { ComfySettings, KeyedProviderId, KeyStatus, StudioSettings } from '../../../shared/settings';
import { ComfyMapping, mappingProblems, type ComfyWorkflowFile } from '../../providers/comfyui-workflow';
import { checkComfy, checkKey } from '../../providers/key-check';
import { baseUrlFor, envKeySource, KEY_ENV, KEYED_PROVIDERS, keyEnding, writePrivateFile } from '../../providers/keys';
import { keyRedactor } from '../../providers/redaction';
import { COMFY_WORKFLOW_FILE, comfyUrl } from '../settings';
import { listNodes, parseWorkflowText, readWorkflow } from '../workflowFile';
import type { DomainHandlers, HandlerContext } from './context';

export function settingsHandlers({ settings, hub, dataDir, background }: HandlerContext): DomainHandlers<'settings'> {
  const { opened, comfyWorkflow } = settings;
  const env = envKeySource(opened.env);
  const redact = keyRedactor(opened.keys);
  const changed = (): void => hub.emit('settings.changed', {});

  function keyStatus(provider: KeyedProviderId): KeyStatus {
    const saved = opened.store?.get(provider) ?? null;
    const fromEnv = env.get(provider);
    const fromFile = opened.settingsFile.get(provider);
    const [origin, key] =
      saved !== null
        ? (['saved', saved] as const)
        : fromEnv !== null
          ? (['environment', fromEnv] as const)
          : fromFile !== null
            ? (['settings-file', fromFile] as const)
            : ([null, null] as const);
    return {
      provider,
      label: PROVIDERS[provider].label,
      envVar: KEY_ENV[provider],
      origin,
      endsWith: key === null ? null : keyEnding(key),
    };
  }

  function comfySettings(): ComfySettings {
    const current = comfyWorkflow.current;
    return {
      url: comfyUrl(opened),
      urlFromEnvironment: (opened.env.SHOTLINE_COMFYUI_URL ?? '').trim() !== '',
      workflow: current ? { name: current.name, nodes: listNodes(current.prompt), mapping: current.mapping } : null,
    };
  }

  function keyStorage(): StudioSettings['keyStorage'] {
    if (opened.store?.kind === 'keychain')
      return {
        kind: 'keychain',
        description: "your system's keychain (keys.json, encrypted with Electron safeStorage)",
      };
    if (opened.store?.kind === 'settings-file')
      return {
        kind: 'settings-file',
        description: `settings.json in the library folder, readable only by you (mode 0600)`,
      };
    return { kind: 'unavailable', description: opened.storeProblem ?? 'No place to save keys.' };
  }

  return {
    'settings.get': () => ({
      keys: KEYED_PROVIDERS.map(keyStatus),
      keyStorage: keyStorage(),
      comfyui: comfySettings(),
      defaultProvider: opened.settingsFile.current.defaultProvider ?? 'local',
    }),
    'settings.setKey': async ({ provider, key }) => {
      if (!opened.store) {
        throw new StudioError(
          'conflict',
          `${opened.storeProblem ?? 'There is no place to save keys.'} Set ${KEY_ENV[provider]} in the environment instead.`,
        );
      }
      await opened.store.set(provider, key);
      changed();
      return keyStatus(provider);
    },
    'settings.removeKey': async ({ provider }) => {
      if (opened.store?.get(provider) != null) {
        await opened.store.set(provider, null);
        changed();
      }
      return keyStatus(provider);
    },
    'settings.testKey': ({ provider }) => {
      const apiKey = opened.keys.get(provider);
      if (apiKey === null) {
        return { ok: false, message: `No ${PROVIDERS[provider].label} key is set: enter one first.` };
      }
      return background.run(async (signal) => {
        const result = await checkKey(provider, {
          apiKey,
          baseUrl: baseUrlFor(provider, opened.env, opened.settingsFile.current),
          timeoutMs: settings.testTimeoutMs,
          signal,
        });
        // Some services quote part of a refused key back; the whole key never leaves the main process.
        return { ok: result.ok, message: redact(result.message) };
      });
    },
    'settings.setComfyUrl': async ({ url }) => {
      await opened.settingsFile.update((current) => {
        const baseUrls = { ...current.baseUrls };
        if (url === null) delete baseUrls.comfyui;
        else baseUrls.comfyui = url;
        return { ...current, baseUrls };
      });
      changed();
      return comfySettings();
    },
    'settings.testComfy': () =>
      background.run((signal) => checkComfy(comfyUrl(opened), { timeoutMs: settings.testTimeoutMs, signal })),
    'settings.readWorkflow': ({ text, fileName }) =>
      readWorkflow(text, fileName?.replace(/\.json$/i, '') || 'ComfyUI workflow'),
    'settings.saveWorkflow': async ({ name, text, mapping }) => {
      const { prompt } = parseWorkflowText(text);
      const parsed = ComfyMapping.parse(mapping);
      const problems = mappingProblems(prompt, parsed);
      if (problems.length > 0) throw new StudioError('invalid_input', problems.join(' '));
      const file: ComfyWorkflowFile = { name, description: '', mapping: parsed, prompt };
      await writePrivateFile(join(dataDir, COMFY_WORKFLOW_FILE), `${JSON.stringify(file, null, 2)}\n`);
      comfyWorkflow.current = file;
      changed();
      return comfySettings();
    },
    'settings.removeWorkflow': async () => {
      await rm(join(dataDir, COMFY_WORKFLOW_FILE), { force: true });
      comfyWorkflow.current = null;
      changed();
      return comfySettings();
    },
    'settings.setDefaultProvider': async ({ provider }) => {
      await opened.settingsFile.update((current) => ({ ...current, defaultProvider: provider }));
      return { ok: true } as const;
    },
  };
}

/** Builds every provider from keys, endpoint overrides and the injected engine. */
import type { ProviderId } from '../../shared/prompt/providers';
import { capabilitiesOf, type ProviderCapabilities } from './capabilities';
import { createComfyProvider } from './comfyui';
import type { ComfyWorkflowFile } from './comfyui-workflow';
import { baseUrlFor, DEFAULT_COMFYUI_URL, type KeySource, type SettingsFile } from './keys';
import { createLocalProvider } from './local/provider';
import { createOpenAIVideosProvider } from './openai-videos';
import { keyRedactor, redactingProvider } from './redaction';
import { createRunwayProvider } from './runway';
import type { LocalRender, Provider, ProviderRegistry } from './types';
import { createVeoProvider } from './veo';

export interface ProvidersOptions {
  keys: KeySource;
  env?: NodeJS.ProcessEnv;
  settings?: SettingsFile;
  /** The ComfyUI server, read per request so a URL saved in Settings applies at once. Default: from env and settings. */
  comfyBaseUrl?: () => string;
  /** The built-in engine; null where it is not available. */
  render: LocalRender | null;
  /** The creator's ComfyUI workflow and mapping, read each time a job is sent. */
  comfyWorkflow?: () => ComfyWorkflowFile | null;
  /** Per-request timeout for every remote call. Default 60 s. */
  requestTimeoutMs?: number;
}

/** A registry of the given providers, by id. */
export function registryOf(...providers: Provider[]): ProviderRegistry {
  return new Map(providers.map((provider) => [provider.id, provider]));
}

export function createProviders(options: ProvidersOptions): ProviderRegistry {
  const env = options.env ?? process.env;
  const requestTimeoutMs = options.requestTimeoutMs ?? 60_000;
  const providers: Provider[] = [
    createLocalProvider(options.render),
    createVeoProvider({
      apiKey: () => options.keys.get('veo'),
      baseUrl: baseUrlFor('veo', env, options.settings),
      requestTimeoutMs,
    }),
    createRunwayProvider({
      apiKey: () => options.keys.get('runway'),
      baseUrl: baseUrlFor('runway', env, options.settings),
      requestTimeoutMs,
    }),
    createOpenAIVideosProvider({
      apiKey: () => options.keys.get('openai-videos'),
      baseUrl: baseUrlFor('openai-videos', env, options.settings),
      requestTimeoutMs,
    }),
    createComfyProvider({
      baseUrl: options.comfyBaseUrl ?? baseUrlFor('comfyui', env, options.settings) ?? DEFAULT_COMFYUI_URL,
      workflow: options.comfyWorkflow ?? (() => null),
      requestTimeoutMs,
    }),
  ];
  // Every message a provider makes passes the one redactor before anything stores or shows it.
  const redact = keyRedactor(options.keys);
  return registryOf(...providers.map((provider) => redactingProvider(provider, redact)));
}

/** What the UI shows per provider: capabilities plus whether it can take a job right now. */
export function describeProviders(
  registry: ProviderRegistry,
): (ProviderCapabilities & { ready: boolean; notReadyReason: string | null })[] {
  return [...registry.values()].map((provider) => {
    const readiness = provider.ready();
    const continueModes = provider.capabilities.continueModes.filter(
      (mode) => provider.kind === 'local' || (provider.continueReady?.(mode).ok ?? true),
    );
    return {
      ...provider.capabilities,
      continueModes,
      ready: readiness.ok,
      notReadyReason: readiness.ok ? null : (readiness.message ?? null),
    };
  });
}

export async function closeProviders(registry: ProviderRegistry): Promise<void> {
  await Promise.allSettled(
    [...registry.values()].map(async (provider) => (provider.kind === 'remote' ? provider.close?.() : undefined)),
  );
}

export { capabilitiesOf };
export type { ProviderCapabilities, ProviderId };
export * from './types';
export { ProviderError, isAmbiguous, isTransient } from './errors';
export type { ProviderErrorKind } from './errors';

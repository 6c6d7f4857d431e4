/**
 * API keys never leave the provider layer in a message. A service may quote the key it was
 * sent ("API key not valid: AIza…"), an SDK may put it in an error, a URL may carry it in a
 * query string: every message a provider produces passes one redactor before the queue
 * stores it, the renderer sees it, or the command line prints or logs it.
 */
import { ProviderError } from './errors';
import { KEYED_PROVIDERS, type KeySource } from './keys';
import type { Provider, RemoteProvider, RemoteStatus } from './types';

export type Redact = (text: string) => string;

export const KEY_HIDDEN = '[key hidden]';

/** Key shapes hidden even when they are not the configured key (a key from another account, say). */
const KEY_SHAPES = [/AIza[0-9A-Za-z_-]{35}/g, /\bsk-(?:proj-)?[A-Za-z0-9_-]{20,}/g, /\bkey_[A-Za-z0-9]{32,}/g];

/** Hides every configured key (as sent, and URL-encoded) and anything shaped like one. */
export function keyRedactor(keys: KeySource): Redact {
  return (text) => {
    let out = text;
    for (const provider of KEYED_PROVIDERS) {
      const key = keys.get(provider);
      // Very short values would hide ordinary words; real keys are far longer.
      if (key === null || key.length < 8) continue;
      for (const form of new Set([key, encodeURIComponent(key)])) out = out.split(form).join(KEY_HIDDEN);
    }
    for (const shape of KEY_SHAPES) out = out.replace(shape, KEY_HIDDEN);
    return out;
  };
}

/** The same error with its message (and a ProviderError's body) redacted. */
export function redactError(error: unknown, redact: Redact): unknown {
  if (error instanceof ProviderError) {
    const hidden = new ProviderError(error.kind, redact(error.message), {
      ...(error.status === undefined ? {} : { status: error.status }),
      ...(error.code === undefined ? {} : { code: redact(error.code) }),
      ...(error.retryAfterMs === undefined ? {} : { retryAfterMs: error.retryAfterMs }),
      ...(error.body === undefined ? {} : { body: redact(error.body) }),
    });
    return hidden;
  }
  if (error instanceof Error) {
    const message = redact(error.message);
    if (message === error.message) return error;
    const hidden = new Error(message);
    hidden.name = error.name;
    return hidden;
  }
  return typeof error === 'string' ? redact(error) : error;
}

function redactStatus(status: RemoteStatus, redact: Redact): RemoteStatus {
  if (!status.error) return status;
  return {
    ...status,
    error: { ...status.error, message: redact(status.error.message), code: redact(status.error.code) },
  };
}

async function hiding<T>(redact: Redact, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw redactError(error, redact);
  }
}

/** A remote provider whose failures and failure reports come out redacted. */
export function redactingProvider(provider: Provider, redact: Redact): Provider {
  if (provider.kind === 'local') return provider;
  const remote: RemoteProvider = provider;
  return {
    kind: 'remote',
    id: remote.id,
    capabilities: remote.capabilities,
    ready: () => {
      const readiness = remote.ready();
      return readiness.message === undefined ? readiness : { ...readiness, message: redact(readiness.message) };
    },
    estimateCost: (model, output) => remote.estimateCost(model, output),
    submit: (job, context) => hiding(redact, () => remote.submit(job, context)),
    poll: (remoteId, context) => hiding(redact, async () => redactStatus(await remote.poll(remoteId, context), redact)),
    download: (remoteId, output, context) => hiding(redact, () => remote.download(remoteId, output, context)),
    ...(remote.cancel
      ? { cancel: (remoteId, context) => hiding(redact, async () => remote.cancel?.(remoteId, context)) }
      : {}),
    ...(remote.lookup
      ? {
          lookup: (job, context) =>
            hiding(redact, async () => (remote.lookup ? remote.lookup(job, context) : { found: false as const })),
        }
      : {}),
    ...(remote.watch
      ? { watch: (remoteId, onProgress) => remote.watch?.(remoteId, onProgress) ?? (() => undefined) }
      : {}),
    ...(remote.close ? { close: () => hiding(redact, async () => remote.close?.()) } : {}),
    ...(remote.continueReady ? { continueReady: (mode) => remote.continueReady?.(mode) ?? { ok: true } } : {}),
  };
}

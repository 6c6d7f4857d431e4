/**
 * The three keyed providers (Veo through @google/genai, Runway through @runwayml/sdk, OpenAI
 * video through openai) make their SDK client and read its failures the same way: a client
 * built per call with the key read at that moment (so a key added while the studio runs is
 * used), no SDK retries (the queue decides: an SDK retry of a timed-out POST could start a
 * second paid job), and one mapping of every failure to a ProviderError. Each SDK says only
 * how to build its client and how to read its HTTP errors.
 */
import { ProviderError } from './errors';
import { howToAddKey, type KeyedProvider } from './keys';
import { networkFailure } from './network-errors';
import type { KeyedProviderOptions } from './types';

export interface ClientSettings {
  apiKey: string;
  /** The SHOTLINE_*_BASE_URL override, when given. */
  baseUrl: string | undefined;
  timeoutMs: number;
  /** fetch that remembers the last response, so a 429's Retry-After is not lost inside an SDK error. */
  fetch: typeof fetch;
}

export interface SdkSpec<C> {
  provider: KeyedProvider;
  /** How messages name the service: "Veo", "Runway", "The OpenAI-compatible video endpoint". */
  label: string;
  /** The opening of the missing-key message: "Veo", "The OpenAI-compatible endpoint". */
  keyHolder: string;
  create(settings: ClientSettings): C;
  /** The SDK's HTTP error (and its own timers) as a ProviderError; null for anything else. */
  httpError(error: unknown, response: Response | null, now: number, timeoutMs: number): ProviderError | null;
}

export interface SdkCaller<C> {
  /** Whether a key is set, with the message that says how to set one. */
  ready(): { ok: true } | { ok: false; message: string };
  /** Runs SDK calls with a fresh client; every failure comes out as a ProviderError. */
  call<T>(signal: AbortSignal, run: (client: C, fetchFn: typeof fetch) => Promise<T>): Promise<T>;
}

function capturingFetch(): { fetch: typeof fetch; last: () => Response | null } {
  let last: Response | null = null;
  return {
    fetch: async (input, init) => {
      const response = await fetch(input, init);
      last = response;
      return response;
    },
    last: () => last,
  };
}

/** Any SDK failure as a ProviderError: our cancel, the service's HTTP answer, a broken body, or the network. */
export function sdkError<C>(
  error: unknown,
  spec: Pick<SdkSpec<C>, 'label' | 'httpError'>,
  response: Response | null,
  signal: AbortSignal,
  timeoutMs: number,
  now: number,
): ProviderError {
  if (error instanceof ProviderError) return error;
  if (signal.aborted) return new ProviderError('canceled', `${spec.label}: canceled.`);
  const http = spec.httpError(error, response, now, timeoutMs);
  if (http) return http;
  if (error instanceof SyntaxError) {
    return new ProviderError('malformed', `${spec.label} sent an answer that is not valid JSON (${error.message}).`);
  }
  return networkFailure(error, spec.label, signal, timeoutMs);
}

export function sdkCaller<C>(options: KeyedProviderOptions, spec: SdkSpec<C>): SdkCaller<C> {
  const now = options.now ?? Date.now;
  const noKey = (): string => `${spec.keyHolder} has no API key. ${howToAddKey(spec.provider)}`;
  return {
    ready: () => (options.apiKey() === null ? { ok: false, message: noKey() } : { ok: true }),
    async call(signal, run) {
      const apiKey = options.apiKey();
      if (apiKey === null) throw new ProviderError('not_configured', noKey());
      const capture = capturingFetch();
      try {
        const client = spec.create({
          apiKey,
          baseUrl: options.baseUrl,
          timeoutMs: options.requestTimeoutMs,
          fetch: capture.fetch,
        });
        return await run(client, capture.fetch);
      } catch (error) {
        throw sdkError(error, spec, capture.last(), signal, options.requestTimeoutMs, now());
      }
    },
  };
}

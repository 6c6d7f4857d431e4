/**
 * The Settings screen's "Test" button: one cheap authenticated request per service, through the
 * same official SDK the provider uses, that generates nothing and costs nothing. Veo: GET the
 * default model; Runway: GET /v1/organization (the credit balance); an OpenAI-compatible
 * endpoint: GET /v1/videos?limit=1. ComfyUI: GET /system_stats.
 */
import { PROVIDERS } from '../../shared/prompt/providers';
import { ProviderError } from './errors';
import { requestJson } from './http';
import type { KeyedProvider } from './keys';
import { OPENAI_SDK } from './openai-videos';
import { RUNWAY_SDK, RUNWAY_USD_PER_CREDIT } from './runway';
import { sdkCaller, type SdkSpec } from './sdk';
import { VEO_SDK } from './veo';

export interface CheckOptions {
  apiKey: string;
  /** The endpoint override in use; the service's own API when absent. */
  baseUrl?: string | undefined;
  timeoutMs: number;
  signal: AbortSignal;
}

export interface CheckResult {
  ok: boolean;
  /** The service's answer, in words: what it said about the key. */
  message: string;
}

/** One call with the key being checked, through the same client setup and error mapping as the provider's. */
function callWith<C, T>(
  options: CheckOptions,
  spec: SdkSpec<C>,
  run: (client: C, signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const caller = sdkCaller(
    { apiKey: () => options.apiKey, baseUrl: options.baseUrl, requestTimeoutMs: options.timeoutMs },
    spec,
  );
  return caller.call(options.signal, (client) => run(client, options.signal));
}

async function checkVeo(options: CheckOptions): Promise<string> {
  const model = PROVIDERS.veo.defaultModel;
  const found = await callWith(options, VEO_SDK, (ai, signal) =>
    ai.models.get({ model, config: { abortSignal: signal } }),
  );
  return `Veo accepted the key: ${found.displayName ?? found.name ?? model} is available to it.`;
}

async function checkRunway(options: CheckOptions): Promise<string> {
  const organization = await callWith(options, RUNWAY_SDK, (runway, signal) =>
    runway.organization.retrieve({ signal }),
  );
  const credits = organization.creditBalance;
  const usd = (credits * RUNWAY_USD_PER_CREDIT).toFixed(2);
  return `Runway accepted the key: the organization has ${credits.toLocaleString('en-US')} credits left ($${usd}).`;
}

async function checkOpenAI(options: CheckOptions): Promise<string> {
  const page = await callWith(options, OPENAI_SDK, (openai, signal) => openai.videos.list({ limit: 1 }, { signal }));
  const latest = page.data[0];
  return latest
    ? `${OPENAI_SDK.label} accepted the key; its latest video is ${latest.id} (${latest.status}).`
    : `${OPENAI_SDK.label} accepted the key; it has no videos yet.`;
}

const CHECKS: Record<KeyedProvider, (options: CheckOptions) => Promise<string>> = {
  veo: checkVeo,
  runway: checkRunway,
  'openai-videos': checkOpenAI,
};

function failed(error: unknown): CheckResult {
  if (error instanceof ProviderError) {
    const hint =
      error.kind === 'auth' ? ' Check that the key is copied whole and belongs to an account with API access.' : '';
    return { ok: false, message: `${error.message}${hint}` };
  }
  return { ok: false, message: error instanceof Error ? error.message : String(error) };
}

/** Tests a key with the service; never throws, the answer says what happened. */
export async function checkKey(provider: KeyedProvider, options: CheckOptions): Promise<CheckResult> {
  try {
    return { ok: true, message: await CHECKS[provider](options) };
  } catch (error) {
    return failed(error);
  }
}

/** Asks a ComfyUI server for its system stats: it is reachable and which version it runs. */
export async function checkComfy(
  baseUrl: string,
  options: { timeoutMs: number; signal: AbortSignal },
): Promise<CheckResult> {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  try {
    const stats = (await requestJson(
      new URL('system_stats', base).toString(),
      { method: 'GET' },
      'ComfyUI',
      options,
    )) as {
      system?: { comfyui_version?: unknown };
      devices?: { name?: unknown }[];
    } | null;
    const version = typeof stats?.system?.comfyui_version === 'string' ? ` ${stats.system.comfyui_version}` : '';
    const device = stats?.devices?.[0]?.name;
    return {
      ok: true,
      message: `ComfyUI${version} answered at ${baseUrl}${typeof device === 'string' ? `, running on ${device}` : ''}.`,
    };
  } catch (error) {
    return failed(error);
  }
}

/**
 * Google Veo through the Gemini API, with the official @google/genai SDK:
 * POST models/{model}:predictLongRunning, then GET the operation until it is done, then
 * download the file it names. The Gemini API has no cancel for video operations and no way
 * to find an operation by its request, so a submission whose answer was lost needs the
 * creator's decision. A clip Veo made can be extended: its operation's video goes back in as
 * the source of a new generateVideos call, and the answer is the clip and its extension.
 */
import { ApiError, GenerateVideosOperation, GoogleGenAI, type Video } from '@google/genai';
import { z } from 'zod';
import { capabilitiesOf, estimateCost } from './capabilities';
import { kindForStatus, parseGoogleDuration, parseRetryAfter, ProviderError } from './errors';
import { downloadToFile } from './http';
import { howToAddKey } from './keys';
import { sdkCaller, type SdkSpec } from './sdk';
import type {
  CallContext,
  DownloadContext,
  ProviderJob,
  RemoteProvider,
  RemoteStatus,
  SubmitContext,
  Submitted,
  KeyedProviderOptions,
} from './types';

export const VEO_DEFAULT_BASE_URL = 'https://generativelanguage.googleapis.com/';

/** baseUrl is SHOTLINE_VEO_BASE_URL; the Gemini API when absent. */
export type VeoOptions = KeyedProviderOptions;

const VeoRequestSchema = z.object({
  instances: z.tuple([z.object({ prompt: z.string().min(1) })]),
  parameters: z.object({
    aspectRatio: z.string(),
    resolution: z.string(),
    durationSeconds: z.number().int().positive(),
    negativePrompt: z.string().optional(),
  }),
});

const VeoOutput = z.object({ uri: z.string().min(1), mimeType: z.string().optional() });

const GoogleErrorBody = z.object({
  error: z.object({
    code: z.number().optional(),
    message: z.string().optional(),
    status: z.string().optional(),
    details: z.array(z.looseObject({ '@type': z.string().optional(), retryDelay: z.string().optional() })).optional(),
  }),
});

const LABEL = 'Veo';

/** Google's error answer (ApiError, whose message is the JSON body) as a ProviderError; null for anything else. */
export function googleHttpError(error: unknown, response: Response | null, now: number): ProviderError | null {
  if (!(error instanceof ApiError)) return null;
  let body: z.infer<typeof GoogleErrorBody> | null = null;
  try {
    const parsed = GoogleErrorBody.safeParse(JSON.parse(error.message));
    body = parsed.success ? parsed.data : null;
  } catch {
    body = null;
  }
  const retryInfo = body?.error.details?.find((detail) => detail['@type']?.endsWith('google.rpc.RetryInfo'));
  const retryAfterMs =
    parseRetryAfter(response?.headers.get('retry-after'), now) ?? parseGoogleDuration(retryInfo?.retryDelay);
  const status = body?.error.status;
  const message = body?.error.message ?? error.message;
  return new ProviderError(
    kindForStatus(error.status),
    `${LABEL} answered ${String(error.status)}${status ? ` ${status}` : ''}: ${message}`,
    {
      status: error.status,
      ...(status ? { code: status } : {}),
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    },
  );
}

/** "https://…/v1beta/files/abc123:download?alt=media" → "abc123", as the SDK reads it. */
export function veoFileName(uri: string): string | null {
  const match = /files\/([a-z0-9-]+)/i.exec(uri);
  return match?.[1] ?? null;
}

/** How this provider's SDK client is made and its errors read; the Settings key check uses it too. */
export const VEO_SDK: SdkSpec<GoogleGenAI> = {
  provider: 'veo',
  label: LABEL,
  keyHolder: LABEL,
  create: (settings) =>
    new GoogleGenAI({
      apiKey: settings.apiKey,
      httpOptions: {
        ...(settings.baseUrl === undefined ? {} : { baseUrl: settings.baseUrl }),
        timeout: settings.timeoutMs,
      },
    }),
  httpError: googleHttpError,
};

export function createVeoProvider(options: VeoOptions): RemoteProvider {
  const now = options.now ?? Date.now;
  const given = options.baseUrl ?? VEO_DEFAULT_BASE_URL;
  const base = given.endsWith('/') ? given : `${given}/`;

  const sdk = sdkCaller(options, VEO_SDK);
  const call = <T>(signal: AbortSignal, run: (ai: GoogleGenAI, fetchFn: typeof fetch) => Promise<T>): Promise<T> =>
    sdk.call(signal, run);

  /**
   * The video an earlier operation made, as that operation names it: the Gemini API extends only
   * videos it generated, passed back as the operation's own generated video.
   */
  async function sourceVideo(operationName: string | null, context: SubmitContext): Promise<Video> {
    if (operationName === null)
      throw new ProviderError('rejected', 'Veo extends only clips Veo made; this clip has no Veo operation.');
    const earlier = new GenerateVideosOperation();
    earlier.name = operationName;
    let done: GenerateVideosOperation;
    try {
      done = await call(context.signal, (ai, fetchFn) =>
        ai.operations.getVideosOperation({
          operation: earlier,
          config: { abortSignal: context.signal, httpOptions: { fetch: fetchFn } },
        }),
      );
    } catch (error) {
      if (error instanceof ProviderError && error.kind === 'not_found')
        throw new ProviderError(
          'rejected',
          'Veo no longer has the video this clip came from (it keeps videos for two days), so it cannot be extended. Regenerate instead.',
          { status: 404, code: 'source_expired' },
        );
      throw error;
    }
    const video = done.response?.generatedVideos?.[0]?.video;
    if (done.done !== true || !video?.uri)
      throw new ProviderError('rejected', 'Veo has no finished video for this clip, so it cannot be extended.');
    return { uri: video.uri, ...(video.mimeType ? { mimeType: video.mimeType } : {}) };
  }

  return {
    kind: 'remote',
    id: 'veo',
    capabilities: capabilitiesOf('veo'),
    estimateCost: (model, output) => estimateCost('veo', model, output),
    ready: () => sdk.ready(),

    async submit(job: ProviderJob, context: SubmitContext): Promise<Submitted> {
      const parsed = VeoRequestSchema.safeParse(job.request);
      if (!parsed.success)
        throw new ProviderError(
          'rejected',
          `This job's Veo request is not valid: ${parsed.error.issues[0]?.message ?? ''}`,
        );
      const { instances, parameters } = parsed.data;
      const extended =
        job.continueFrom?.mode === 'extend' ? await sourceVideo(job.continueFrom.remoteId, context) : null;
      const operation = await call(context.signal, (ai, fetchFn) =>
        ai.models.generateVideos({
          model: job.model,
          source: { prompt: instances[0].prompt, ...(extended ? { video: extended } : {}) },
          config: {
            aspectRatio: parameters.aspectRatio,
            resolution: parameters.resolution,
            durationSeconds: parameters.durationSeconds,
            ...(parameters.negativePrompt === undefined ? {} : { negativePrompt: parameters.negativePrompt }),
            abortSignal: context.signal,
            httpOptions: { fetch: fetchFn },
          },
        }),
      );
      if (typeof operation.name !== 'string' || operation.name === '') {
        throw new ProviderError('malformed', 'Veo accepted the request but its answer named no operation.');
      }
      return { remoteId: operation.name };
    },

    async poll(remoteId: string, context: CallContext): Promise<RemoteStatus> {
      const operation = new GenerateVideosOperation();
      operation.name = remoteId;
      const next = await call(context.signal, (ai, fetchFn) =>
        ai.operations.getVideosOperation({
          operation,
          config: { abortSignal: context.signal, httpOptions: { fetch: fetchFn } },
        }),
      );
      if (next.done !== true) return { state: 'running', progress: null };
      if (next.error) {
        const code =
          typeof next.error.code === 'number' || typeof next.error.code === 'string'
            ? String(next.error.code)
            : 'error';
        const message =
          typeof next.error.message === 'string' ? next.error.message : 'Veo reported an error without a message.';
        return {
          state: 'failed',
          progress: null,
          error: { code, message: `Veo could not make the video: ${message}`, filtered: false },
        };
      }
      const response = next.response;
      const video = response?.generatedVideos?.[0]?.video;
      if (
        (response?.raiMediaFilteredCount ?? 0) > 0 ||
        (!video && (response?.raiMediaFilteredReasons?.length ?? 0) > 0)
      ) {
        const reasons = response?.raiMediaFilteredReasons?.join(' ') ?? '';
        return {
          state: 'failed',
          progress: null,
          error: {
            code: 'content_filtered',
            message: `Veo's safety filters blocked this video${reasons ? `: ${reasons}` : '.'} Rephrase the prompt and try again.`,
            filtered: true,
          },
        };
      }
      if (!video?.uri) {
        return {
          state: 'failed',
          progress: null,
          error: {
            code: 'no_output',
            message: 'Veo finished without a video and without saying why.',
            filtered: false,
          },
        };
      }
      return {
        state: 'succeeded',
        progress: 1,
        output: { uri: video.uri, ...(video.mimeType ? { mimeType: video.mimeType } : {}) },
      };
    },

    async download(_remoteId: string, output: unknown, context: DownloadContext): Promise<void> {
      const parsed = VeoOutput.safeParse(output);
      if (!parsed.success) throw new ProviderError('malformed', 'Veo named no file to download.');
      const apiKey = options.apiKey();
      if (apiKey === null) throw new ProviderError('not_configured', `Veo has no API key. ${howToAddKey('veo')}`);
      // The SDK's files.download cannot be aborted once the body streams and leaves a file
      // handle open if the connection drops, so the documented REST call is used instead:
      // GET files/{name}:download?alt=media with the key, following the redirect.
      const name = veoFileName(parsed.data.uri);
      const url = name === null ? parsed.data.uri : new URL(`v1beta/files/${name}:download?alt=media`, base).toString();
      await downloadToFile(url, context.toPath, 'Veo download', {
        signal: context.signal,
        timeoutMs: options.requestTimeoutMs,
        headers: { 'x-goog-api-key': apiKey },
        now,
      });
    },
  };
}

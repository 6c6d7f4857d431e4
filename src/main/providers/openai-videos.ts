/**
 * An OpenAI-compatible /v1/videos endpoint through the official openai SDK (the Sora 2
 * request shape: model, prompt, seconds, size; remix of a finished video). Legacy: OpenAI
 * ended its own service in September 2026, so this is for compatible endpoints, reached
 * through SHOTLINE_OPENAI_BASE_URL. There is no cancel for a running video. A submission
 * whose answer was lost is found again by listing recent videos and matching the request.
 */
import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import type { Video, VideoCreateParams } from 'openai/resources/videos';
import { z } from 'zod';
import { capabilitiesOf, estimateCost } from './capabilities';
import { ProviderError } from './errors';
import { writeBody } from './http';
import { sdkCaller, type SdkSpec } from './sdk';
import { stainlessHttpError } from './stainless-errors';
import type {
  CallContext,
  DownloadContext,
  LookupContext,
  LookupResult,
  ProviderJob,
  RemoteProvider,
  RemoteStatus,
  SubmitContext,
  Submitted,
  KeyedProviderOptions,
} from './types';

/** baseUrl is SHOTLINE_OPENAI_BASE_URL, e.g. "http://127.0.0.1:9000/v1". */
export interface OpenAIVideosOptions extends KeyedProviderOptions {
  /** How far before the recorded submission time a lookup still accepts a match (clock skew). */
  lookupSkewMs?: number;
}

const OpenAIRequestSchema = z.object({
  model: z.string().min(1),
  prompt: z.string().min(1),
  seconds: z.enum(['4', '8', '12']),
  size: z.string().min(1),
});

const VideoSchema = z.object({
  id: z.string().min(1),
  status: z.enum(['queued', 'in_progress', 'completed', 'failed']),
  progress: z.number().optional().nullable(),
  error: z.object({ code: z.string().optional(), message: z.string().optional() }).nullable().optional(),
});

const LABEL = 'The OpenAI-compatible video endpoint';
const CLASSES = { APIError, APIConnectionError, APIConnectionTimeoutError, APIUserAbortError };
const FILTER_CODES = /moderation|content_policy|safety|blocked/i;

/**
 * Line breaks as sent: the SDK posts multipart/form-data, whose encoding turns every line
 * break in a field into CRLF, so the service stores (and lists) the prompt with CRLFs.
 */
function samePrompt(listed: string | null, sent: string): boolean {
  const normal = (text: string): string => text.replace(/\r\n?/g, '\n').trim();
  return listed !== null && normal(listed) === normal(sent);
}

/** Whether a listed video is the one this job sent: same request, made after it was recorded, not someone else's. */
function matches(
  video: Video,
  request: z.infer<typeof OpenAIRequestSchema>,
  remixOf: string | null,
  context: LookupContext,
  skewMs: number,
): boolean {
  if (context.exclude.has(video.id)) return false;
  if (video.created_at * 1000 < context.submittedAt - skewMs) return false;
  if (!samePrompt(video.prompt, request.prompt)) return false;
  if (remixOf !== null) return video.remixed_from_video_id === remixOf;
  return (
    video.model.startsWith(request.model) && video.size === request.size && String(video.seconds) === request.seconds
  );
}

/** How this provider's SDK client is made and its errors read; the Settings key check uses it too. */
export const OPENAI_SDK: SdkSpec<OpenAI> = {
  provider: 'openai-videos',
  label: LABEL,
  keyHolder: 'The OpenAI-compatible endpoint',
  create: (settings) =>
    new OpenAI({
      apiKey: settings.apiKey,
      maxRetries: 0,
      timeout: settings.timeoutMs,
      fetch: settings.fetch,
      ...(settings.baseUrl === undefined ? {} : { baseURL: settings.baseUrl }),
      logLevel: 'off',
    }),
  httpError: stainlessHttpError(LABEL, CLASSES),
};

export function createOpenAIVideosProvider(options: OpenAIVideosOptions): RemoteProvider {
  const skewMs = options.lookupSkewMs ?? 10 * 60_000;

  const sdk = sdkCaller(options, OPENAI_SDK);
  const call = <T>(signal: AbortSignal, run: (openai: OpenAI) => Promise<T>): Promise<T> =>
    sdk.call(signal, (openai) => run(openai));

  function parseRequest(job: ProviderJob): z.infer<typeof OpenAIRequestSchema> {
    const parsed = OpenAIRequestSchema.safeParse(job.request);
    if (!parsed.success)
      throw new ProviderError(
        'rejected',
        `This job's video request is not valid: ${parsed.error.issues[0]?.message ?? ''}`,
      );
    return parsed.data;
  }

  return {
    kind: 'remote',
    id: 'openai-videos',
    capabilities: capabilitiesOf('openai-videos'),
    estimateCost: (model, output) => estimateCost('openai-videos', model, output),
    ready: () => sdk.ready(),

    async submit(job: ProviderJob, context: SubmitContext): Promise<Submitted> {
      const request = parseRequest(job);
      const remixOf = job.remixOf ?? null;
      const video: unknown = await call(context.signal, async (openai) =>
        remixOf !== null
          ? openai.videos.remix(remixOf, { prompt: request.prompt }, { signal: context.signal })
          : openai.videos.create(request as VideoCreateParams, { signal: context.signal }),
      );
      const parsed = VideoSchema.safeParse(video);
      if (!parsed.success)
        throw new ProviderError('malformed', `${LABEL} accepted the request but its answer named no video.`);
      return { remoteId: parsed.data.id };
    },

    async poll(remoteId: string, context: CallContext): Promise<RemoteStatus> {
      const raw: unknown = await call(context.signal, async (openai) =>
        openai.videos.retrieve(remoteId, { signal: context.signal }),
      );
      const parsed = VideoSchema.safeParse(raw);
      if (!parsed.success)
        throw new ProviderError('malformed', `${LABEL} sent a video this version of Shotline cannot read.`);
      const video = parsed.data;
      const progress = typeof video.progress === 'number' ? Math.min(1, Math.max(0, video.progress / 100)) : null;
      switch (video.status) {
        case 'queued':
          return { state: 'queued', progress };
        case 'in_progress':
          return { state: 'running', progress };
        case 'completed':
          return { state: 'succeeded', progress: 1, output: { id: video.id } };
        case 'failed': {
          const code = video.error?.code ?? 'failed';
          const filtered = FILTER_CODES.test(code);
          const message = video.error?.message ?? 'no reason given';
          return {
            state: 'failed',
            progress: null,
            error: {
              code,
              message: filtered
                ? `The video was blocked by moderation (${code}): ${message}`
                : `The video could not be made (${code}): ${message}`,
              filtered,
            },
          };
        }
      }
    },

    async lookup(job: ProviderJob, context: LookupContext): Promise<LookupResult> {
      const request = parseRequest(job);
      const remixOf = job.remixOf ?? null;
      return call(context.signal, async (openai) => {
        for await (const video of openai.videos.list({ order: 'desc', limit: 100 }, { signal: context.signal })) {
          if (video.created_at * 1000 < context.submittedAt - skewMs) break;
          if (matches(video, request, remixOf, context, skewMs)) return { found: true, remoteId: video.id };
        }
        return { found: false };
      });
    },

    async download(remoteId: string, _output: unknown, context: DownloadContext): Promise<void> {
      const response = await call(context.signal, async (openai) =>
        openai.videos.downloadContent(remoteId, { variant: 'video' }, { signal: context.signal }),
      );
      const length = Number(response.headers.get('content-length'));
      await writeBody(response.body, context.toPath, `${LABEL} download`, {
        signal: context.signal,
        idleTimeoutMs: options.requestTimeoutMs,
        expectedBytes: Number.isFinite(length) && length > 0 ? length : null,
      });
    },
  };
}

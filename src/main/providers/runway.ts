/**
 * Runway with the official @runwayml/sdk: POST /v1/text_to_video (or /v1/image_to_video for
 * models that animate a start image), GET /v1/tasks/{id} until it settles, DELETE to cancel.
 * Every request carries X-Runway-Version (the SDK adds it). Runway has no endpoint that lists
 * tasks, so a submission whose answer was lost needs the creator's decision. Video to video
 * (Aleph) sends the source clip as videoUri: inline as a data URI when small enough, else through
 * an ephemeral upload (POST /v1/uploads, then the file to the storage URL it names).
 */
import RunwayML, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from '@runwayml/sdk';
import type { ImageToVideoCreateParams } from '@runwayml/sdk/resources/image-to-video';
import type { TextToVideoCreateParams } from '@runwayml/sdk/resources/text-to-video';
import type { VideoToVideoCreateParams } from '@runwayml/sdk/resources/video-to-video';
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { capabilitiesOf, estimateCost } from './capabilities';
import { ProviderError } from './errors';
import { downloadToFile } from './http';
import { sdkCaller, type SdkSpec } from './sdk';
import { stainlessHttpError } from './stainless-errors';
import type {
  CallContext,
  ContinueFile,
  DownloadContext,
  ProviderJob,
  RemoteProvider,
  RemoteStatus,
  SubmitContext,
  Submitted,
  KeyedProviderOptions,
} from './types';

/** The API version this client speaks; sent as X-Runway-Version. */
export const RUNWAY_API_VERSION = '2024-11-06';
/** Runway takes a video inline as a data URI of at most 5 MB; a larger one is uploaded first. */
export const RUNWAY_DATA_URI_MAX_BYTES = 5 * 1024 * 1024;
/** Runway bills API credits at one cent each. */
export const RUNWAY_USD_PER_CREDIT = 0.01;

/** baseUrl is SHOTLINE_RUNWAY_BASE_URL; Runway's API when absent. */
export type RunwayOptions = KeyedProviderOptions;

const RunwayRequestSchema = z.object({
  model: z.string().min(1),
  promptText: z.string().min(1),
  ratio: z.string().min(1).optional(),
  duration: z.number().int().positive().optional(),
  promptImage: z.string().min(1).optional(),
  audio: z.boolean().optional(),
  seed: z.number().int().nonnegative().optional(),
});

const Cost = z.object({ credits: z.number() }).optional();
const Task = z.discriminatedUnion('status', [
  z.object({ id: z.string(), status: z.literal('PENDING') }),
  z.object({ id: z.string(), status: z.literal('THROTTLED') }),
  z.object({ id: z.string(), status: z.literal('RUNNING'), progress: z.number().min(0).max(1).optional() }),
  z.object({ id: z.string(), status: z.literal('SUCCEEDED'), output: z.array(z.string()).min(1), cost: Cost }),
  z.object({
    id: z.string(),
    status: z.literal('FAILED'),
    failure: z.string(),
    failureCode: z.string().optional(),
    cost: Cost,
  }),
  z.object({ id: z.string(), status: z.literal('CANCELLED'), cost: Cost }),
]);

const RunwayOutput = z.object({ urls: z.array(z.string().min(1)).min(1) });

const LABEL = 'Runway';
const CLASSES = { APIError, APIConnectionError, APIConnectionTimeoutError, APIUserAbortError };

function usd(cost: z.infer<typeof Cost>): { costUsd?: number } {
  return cost ? { costUsd: Math.round(cost.credits * RUNWAY_USD_PER_CREDIT * 10_000) / 10_000 } : {};
}

/** How this provider's SDK client is made and its errors read; the Settings key check uses it too. */
export const RUNWAY_SDK: SdkSpec<RunwayML> = {
  provider: 'runway',
  label: LABEL,
  keyHolder: LABEL,
  create: (settings) =>
    new RunwayML({
      apiKey: settings.apiKey,
      runwayVersion: RUNWAY_API_VERSION,
      maxRetries: 0,
      timeout: settings.timeoutMs,
      fetch: settings.fetch,
      ...(settings.baseUrl === undefined ? {} : { baseURL: settings.baseUrl }),
      logLevel: 'off',
    }),
  httpError: stainlessHttpError(LABEL, CLASSES),
};

function taskId(created: unknown): string {
  const id: unknown = (created as { id?: unknown }).id;
  if (typeof id !== 'string' || id === '')
    throw new ProviderError('malformed', 'Runway accepted the request but its answer named no task.');
  return id;
}

/** The clip as Runway takes a video: a data URI up to 5 MB, else the URI of an ephemeral upload. */
async function videoUriOf(runway: RunwayML, source: ContinueFile, signal: AbortSignal): Promise<string> {
  const bytes = await readFile(source.path, { signal });
  const encodedLength = `data:${source.mimeType};base64,`.length + Math.ceil(bytes.length / 3) * 4;
  if (encodedLength <= RUNWAY_DATA_URI_MAX_BYTES) return `data:${source.mimeType};base64,${bytes.toString('base64')}`;
  const file = new File([bytes], source.name, { type: source.mimeType });
  const uploaded = await runway.uploads.createEphemeral({ file }, { signal });
  return uploaded.uri;
}

export function createRunwayProvider(options: RunwayOptions): RemoteProvider {
  const now = options.now ?? Date.now;
  const sdk = sdkCaller(options, RUNWAY_SDK);
  const call = <T>(signal: AbortSignal, run: (runway: RunwayML) => Promise<T>): Promise<T> =>
    sdk.call(signal, (runway) => run(runway));

  return {
    kind: 'remote',
    id: 'runway',
    capabilities: capabilitiesOf('runway'),
    estimateCost: (model, output) => estimateCost('runway', model, output),
    ready: () => sdk.ready(),

    async submit(job: ProviderJob, context: SubmitContext): Promise<Submitted> {
      const parsed = RunwayRequestSchema.safeParse(job.request);
      if (!parsed.success)
        throw new ProviderError(
          'rejected',
          `This job's Runway request is not valid: ${parsed.error.issues[0]?.message ?? ''}`,
        );
      const body = parsed.data;
      if (job.continueFrom?.mode === 'video-to-video') {
        const source = context.source;
        if (!source) throw new ProviderError('rejected', 'This video-to-video job has no source clip to send.');
        const created = await call(context.signal, async (runway) => {
          const videoUri = await videoUriOf(runway, source, context.signal);
          const params = { ...body, videoUri } as unknown as VideoToVideoCreateParams;
          return runway.videoToVideo.create(params, { signal: context.signal });
        });
        return { remoteId: taskId(created) };
      }
      const created = await call(context.signal, async (runway) => {
        // The SDK types list each model's exact literals; the compiler already chose values
        // from the same table, and Runway validates the body itself.
        if (body.promptImage !== undefined) {
          return runway.imageToVideo.create(body as unknown as ImageToVideoCreateParams, { signal: context.signal });
        }
        return runway.textToVideo.create(body as unknown as TextToVideoCreateParams, { signal: context.signal });
      });
      return { remoteId: taskId(created) };
    },

    async poll(remoteId: string, context: CallContext): Promise<RemoteStatus> {
      const raw: unknown = await call(context.signal, async (runway) =>
        runway.tasks.retrieve(remoteId, { signal: context.signal }),
      );
      const parsed = Task.safeParse(raw);
      if (!parsed.success)
        throw new ProviderError('malformed', `Runway sent a task this version of Shotline cannot read.`);
      const task = parsed.data;
      switch (task.status) {
        case 'PENDING':
        case 'THROTTLED':
          return { state: 'queued', progress: 0 };
        case 'RUNNING':
          return { state: 'running', progress: task.progress ?? null };
        case 'SUCCEEDED':
          return { state: 'succeeded', progress: 1, output: { urls: task.output }, ...usd(task.cost) };
        case 'FAILED': {
          const code = task.failureCode ?? 'FAILED';
          const filtered = code.startsWith('SAFETY');
          return {
            state: 'failed',
            progress: null,
            error: {
              code,
              message: filtered
                ? `Runway's content moderation stopped this video (${code}): ${task.failure}`
                : `Runway could not make the video (${code}): ${task.failure}`,
              filtered,
            },
            ...usd(task.cost),
          };
        }
        case 'CANCELLED':
          return { state: 'canceled', progress: null, ...usd(task.cost) };
      }
    },

    async cancel(remoteId: string, context: CallContext): Promise<void> {
      try {
        await call(context.signal, async (runway) => runway.tasks.delete(remoteId, { signal: context.signal }));
      } catch (error) {
        // Already gone: nothing left to stop.
        if (error instanceof ProviderError && error.kind === 'not_found') return;
        throw error;
      }
    },

    async download(_remoteId: string, output: unknown, context: DownloadContext): Promise<void> {
      const parsed = RunwayOutput.safeParse(output);
      const url = parsed.success ? parsed.data.urls[0] : undefined;
      if (url === undefined) throw new ProviderError('malformed', 'Runway named no output file.');
      // Output URLs are signed; the API key is not sent to the file host.
      await downloadToFile(url, context.toPath, 'Runway download', {
        signal: context.signal,
        timeoutMs: options.requestTimeoutMs,
        now,
      });
    },
  };
}

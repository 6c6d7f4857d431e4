/**
 * A fake Gemini API for Veo: POST /v1beta/models/{model}:predictLongRunning, GET
 * /v1beta/{operation}, GET /v1beta/files/{id}:download?alt=media (redirecting to the file, as
 * the real one does). It checks what the real service checks: the x-goog-api-key header, the
 * model, unknown fields (Google's "Invalid JSON payload received. Unknown name …"), aspect
 * ratio, resolution, length (and that 1080p and 4k need 8 s), and answers in Google's error
 * shape { error: { code, message, status } }. Video extension works as the Gemini API documents
 * it: a Veo 3.1 model, the video of an earlier generation of this service passed back by its uri
 * (never bytes), 720p, 8 s, the source's aspect ratio, a source of at most 141 s; the answer is
 * one video of the source and 7 more seconds.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import {
  jsonBody,
  startFakeServer,
  videoResponse,
  type FakeRequest,
  type FakeResponse,
  type FakeServer,
} from './server';

export type VeoRoute = 'submit' | 'poll' | 'download' | 'file' | 'model';
export type Outcome = 'succeed' | 'fail' | 'filter';

const MODELS: Record<string, { resolutions: string[] }> = {
  'veo-3.0-generate-001': { resolutions: ['720p', '1080p'] },
  'veo-3.0-fast-generate-001': { resolutions: ['720p', '1080p'] },
  'veo-3.1-generate-preview': { resolutions: ['720p', '1080p', '4k'] },
  'veo-3.1-fast-generate-preview': { resolutions: ['720p', '1080p', '4k'] },
};

const STATUS_NAMES: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
};

export function googleError(code: number, message: string, details?: unknown[]): unknown {
  return { error: { code, message, status: STATUS_NAMES[code] ?? 'UNKNOWN', ...(details ? { details } : {}) } };
}

const VideoInput = z.strictObject({
  uri: z.string().optional(),
  encodedVideo: z.string().optional(),
  encoding: z.string().optional(),
});

const Body = z.strictObject({
  instances: z.array(
    z.strictObject({
      prompt: z.string().optional(),
      image: z.unknown().optional(),
      lastFrame: z.unknown().optional(),
      video: VideoInput.optional(),
    }),
  ),
  parameters: z
    .strictObject({
      aspectRatio: z.string().optional(),
      resolution: z.string().optional(),
      durationSeconds: z.number().optional(),
      negativePrompt: z.string().optional(),
      personGeneration: z.string().optional(),
      sampleCount: z.number().optional(),
      enhancePrompt: z.boolean().optional(),
    })
    .optional(),
});

interface Operation {
  id: string;
  model: string;
  request: z.infer<typeof Body>;
  polls: number;
  outcome: Outcome;
  fileId: string;
  /** The video this operation makes: its length and shape, for extending it later. */
  lengthSeconds: number;
  aspectRatio: string;
  /** The file this operation extends, when it is an extension. */
  extends: string | null;
}

/** The longest video Veo extends, and what one extension adds. */
const EXTENDABLE_SECONDS = 141;
const EXTENSION_SECONDS = 7;

export interface VeoFake extends FakeServer<VeoRoute> {
  readonly apiKey: string;
  readonly operations: Map<string, Operation>;
  /** Outcomes for the next submissions, in order; 'succeed' when empty. */
  readonly outcomes: Outcome[];
  /** Accepted submissions (each one would be billed). */
  submissions(): number;
}

export interface VeoFakeOptions {
  apiKey?: string;
  video: Buffer;
  /** GETs of an operation before it is done. */
  pollsToFinish?: number;
}

function invalid(message: string): FakeResponse {
  return { status: 400, json: googleError(400, message) };
}

function unknownField(issue: z.core.$ZodIssue): string | null {
  if (issue.code !== 'unrecognized_keys') return null;
  const where =
    issue.path.length === 0 ? '' : ` at '${issue.path.filter((part) => typeof part === 'string').join('.')}'`;
  return `Invalid JSON payload received. Unknown name "${issue.keys[0] ?? ''}"${where}: Cannot find field.`;
}

export async function startVeoFake(options: VeoFakeOptions): Promise<VeoFake> {
  const apiKey = options.apiKey ?? 'test-gemini-key';
  const pollsToFinish = options.pollsToFinish ?? 2;
  const operations = new Map<string, Operation>();
  const files = new Map<string, Operation>();
  const outcomes: Outcome[] = [];
  let accepted = 0;

  function authorize(request: FakeRequest): FakeResponse | null {
    const key = request.headers['x-goog-api-key'];
    if (key === undefined) {
      return {
        status: 403,
        json: googleError(
          403,
          "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.",
        ),
      };
    }
    if (key !== apiKey) return invalid('API key not valid. Please pass a valid API key.');
    return null;
  }

  /** The source of an extension, or why the request cannot extend it. */
  function extensionSource(model: string, request: z.infer<typeof Body>): Operation | string {
    const instance = request.instances[0];
    const video = instance?.video;
    if (!video) return 'no video';
    if (!model.startsWith('veo-3.1')) return `Video extension is not supported by ${model}; use a Veo 3.1 model.`;
    if (instance.image !== undefined) return 'image and video cannot both be set.';
    if (video.encodedVideo !== undefined || video.uri === undefined)
      return 'Video extension supports only videos generated by Veo: pass the video of a previous generation.';
    const fileId = /files\/([a-z0-9-]+)/i.exec(video.uri)?.[1] ?? '';
    const source = files.get(fileId);
    if (!source || source.outcome !== 'succeed' || source.polls < pollsToFinish)
      return 'The input video was not generated by Veo or is no longer available.';
    const parameters = request.parameters ?? {};
    if ((parameters.resolution ?? '720p') !== '720p') return 'Video extension supports only 720p.';
    if ((parameters.durationSeconds ?? 8) !== 8) return 'Video extension requires a duration of 8 seconds.';
    if ((parameters.aspectRatio ?? '16:9') !== source.aspectRatio)
      return `The aspect ratio must match the input video (${source.aspectRatio}).`;
    if (source.lengthSeconds > EXTENDABLE_SECONDS)
      return `The input video is ${source.lengthSeconds} seconds long; videos of at most ${EXTENDABLE_SECONDS} seconds can be extended.`;
    return source;
  }

  function validate(model: string, request: z.infer<typeof Body>): string | null {
    const spec = MODELS[model];
    if (!spec) return null;
    if (request.instances.length !== 1) return 'Exactly one instance is supported.';
    const prompt = request.instances[0]?.prompt;
    if (request.instances[0]?.video !== undefined) {
      const source = extensionSource(model, request);
      return typeof source === 'string' ? source : null;
    }
    if (prompt === undefined || prompt.trim() === '') return 'A prompt is required for text-to-video.';
    const parameters = request.parameters ?? {};
    const ratio = parameters.aspectRatio ?? '16:9';
    if (!['16:9', '9:16'].includes(ratio)) return `Aspect ratio ${ratio} is not supported; use 16:9 or 9:16.`;
    const resolution = parameters.resolution ?? '720p';
    if (!spec.resolutions.includes(resolution)) return `Resolution ${resolution} is not supported by ${model}.`;
    const seconds = parameters.durationSeconds ?? 8;
    if (![4, 6, 8].includes(seconds))
      return `The duration (${seconds} seconds) is out of bounds: use 4, 6 or 8 seconds.`;
    if (resolution !== '720p' && seconds !== 8) return `${resolution} videos must be 8 seconds long.`;
    if (parameters.sampleCount !== undefined && parameters.sampleCount !== 1)
      return 'sampleCount must be 1 for this model.';
    return null;
  }

  const base = await startFakeServer<VeoRoute>({
    route(method, url) {
      if (method === 'POST' && /^\/v1beta\/models\/[^/]+:predictLongRunning$/.test(url.pathname)) return 'submit';
      if (method === 'GET' && /^\/v1beta\/models\/[^/]+\/operations\/[^/]+$/.test(url.pathname)) return 'poll';
      if (method === 'GET' && /^\/v1beta\/files\/[^/]+:download$/.test(url.pathname)) return 'download';
      if (method === 'GET' && url.pathname.startsWith('/cdn/')) return 'file';
      if (method === 'GET' && /^\/v1beta\/models\/[^/:]+$/.test(url.pathname)) return 'model';
      return null;
    },
    handle(request, route) {
      if (route === 'file') {
        const id = request.url.pathname.slice('/cdn/'.length);
        return files.has(id) && request.url.searchParams.get('token') === 'signed'
          ? videoResponse(options.video)
          : { status: 404, body: 'Not Found' };
      }
      const denied = authorize(request);
      if (denied) return denied;
      if (route === 'model') {
        // models.get: the Model resource, as the Gemini API lists it.
        const model = request.url.pathname.slice('/v1beta/models/'.length);
        if (!(model in MODELS))
          return { status: 404, json: googleError(404, `models/${model} is not found for API version v1beta.`) };
        return {
          status: 200,
          json: {
            name: `models/${model}`,
            version: model.includes('3.1') ? '3.1' : '3.0',
            displayName: model.includes('3.1') ? 'Veo 3.1' : 'Veo 3',
            supportedGenerationMethods: ['predictLongRunning'],
          },
        };
      }
      if (route === 'submit') {
        const model = /^\/v1beta\/models\/([^/:]+)/.exec(request.url.pathname)?.[1] ?? '';
        if (!(model in MODELS)) {
          return {
            status: 404,
            json: googleError(
              404,
              `models/${model} is not found for API version v1beta, or is not supported for predictLongRunning.`,
            ),
          };
        }
        if (!String(request.headers['content-type']).includes('application/json'))
          return invalid('Invalid JSON payload received.');
        const parsed = Body.safeParse(jsonBody(request));
        if (!parsed.success) {
          const first = parsed.error.issues[0];
          return invalid(
            (first && unknownField(first)) ??
              `Invalid JSON payload received. ${first?.path.join('.') ?? ''}: ${first?.message ?? ''}`,
          );
        }
        const problem = validate(model, parsed.data);
        if (problem) return invalid(problem);
        const id = randomBytes(6).toString('hex');
        const fileId = randomBytes(6).toString('hex');
        const source = extensionSource(model, parsed.data);
        const extended = typeof source === 'string' ? null : source;
        const operation: Operation = {
          id,
          model,
          request: parsed.data,
          polls: 0,
          outcome: outcomes.shift() ?? 'succeed',
          fileId,
          lengthSeconds: extended
            ? extended.lengthSeconds + EXTENSION_SECONDS
            : (parsed.data.parameters?.durationSeconds ?? 8),
          aspectRatio: parsed.data.parameters?.aspectRatio ?? '16:9',
          extends: extended?.fileId ?? null,
        };
        operations.set(id, operation);
        files.set(fileId, operation);
        accepted += 1;
        return { status: 200, json: { name: `models/${model}/operations/${id}` } };
      }
      if (route === 'poll') {
        const match = /^\/v1beta\/models\/([^/]+)\/operations\/([^/]+)$/.exec(request.url.pathname);
        const operation = operations.get(match?.[2] ?? '');
        if (!operation || operation.model !== match?.[1])
          return { status: 404, json: googleError(404, 'Operation not found.') };
        operation.polls += 1;
        const name = `models/${operation.model}/operations/${operation.id}`;
        if (operation.polls < pollsToFinish) return { status: 200, json: { name } };
        if (operation.outcome === 'fail') {
          return {
            status: 200,
            json: {
              name,
              done: true,
              error: { code: 13, message: 'Video generation failed due to an internal error.' },
            },
          };
        }
        const response =
          operation.outcome === 'filter'
            ? {
                raiMediaFilteredCount: 1,
                raiMediaFilteredReasons: [
                  "The video could not be generated because it violates Google's Generative AI Prohibited Use policy.",
                ],
              }
            : {
                generatedSamples: [
                  {
                    video: {
                      uri: `https://generativelanguage.googleapis.com/v1beta/files/${operation.fileId}:download?alt=media`,
                    },
                  },
                ],
              };
        return {
          status: 200,
          json: {
            name,
            done: true,
            response: {
              '@type': 'type.googleapis.com/google.ai.generativelanguage.v1beta.PredictLongRunningResponse',
              generateVideoResponse: response,
            },
          },
        };
      }
      // download: the real API answers with a redirect to the stored file.
      const id = /^\/v1beta\/files\/([^/:]+):download$/.exec(request.url.pathname)?.[1] ?? '';
      if (request.url.searchParams.get('alt') !== 'media')
        return invalid('alt=media is required to download file content.');
      if (!files.has(id)) return { status: 404, json: googleError(404, `File ${id} does not exist.`) };
      return { status: 302, headers: { location: `/cdn/${id}?token=signed` } };
    },
    errorBody: (status) =>
      googleError(
        status,
        status === 429 ? 'Resource has been exhausted (e.g. check quota).' : 'Internal error encountered.',
      ),
    notFound: () => ({ status: 404, json: googleError(404, 'Requested entity was not found.') }),
  });

  return { ...base, apiKey, operations, outcomes, submissions: () => accepted };
}

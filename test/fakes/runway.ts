/**
 * A fake Runway API: POST /v1/text_to_video and /v1/image_to_video, GET and DELETE
 * /v1/tasks/{id}, and signed output URLs. Like the real one it requires the
 * `Authorization: Bearer` key and the X-Runway-Version header, validates each model's body
 * (answering { error: "Validation of body failed", issues }), and moves tasks through
 * PENDING → RUNNING (with progress) → SUCCEEDED | FAILED, with CANCELLED after a DELETE.
 * POST /v1/video_to_video (Aleph 2) takes videoUri as an HTTPS URL, a data URI of a video of at
 * most 5 MB, or the runway:// URI of an ephemeral upload (POST /v1/uploads names a storage URL
 * and form fields; the file then goes there as multipart form data, as the SDK sends it).
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  bearer,
  jsonBody,
  startFakeServer,
  videoResponse,
  type FakeRequest,
  type FakeResponse,
  type FakeServer,
} from './server';
import { parseMultipart } from './multipart';
import type { Outcome } from './veo';

export type RunwayRoute = 'submit' | 'poll' | 'cancel' | 'file' | 'organization' | 'upload' | 'storage';

/** Videos inline as data URIs up to 5 MB (the SDK's documented limit). */
export const DATA_URI_MAX_BYTES = 5 * 1024 * 1024;

/** An MP4 (or QuickTime) file starts with an ftyp box. */
function isVideo(bytes: Buffer): boolean {
  return bytes.length > 12 && bytes.subarray(4, 8).toString('latin1') === 'ftyp';
}

export const RUNWAY_VERSION = '2024-11-06';

const promptText = z
  .string()
  .min(1, 'promptText must not be empty')
  .refine((text) => text.length <= 1000, 'promptText must be at most 1000 characters');
const seed = z.number().int().min(0).max(4_294_967_295).optional();

const TEXT_MODELS = {
  'gen4.5': z.strictObject({
    model: z.literal('gen4.5'),
    promptText,
    ratio: z.enum(['1280:720', '720:1280']),
    duration: z.number().int().min(2).max(10),
    seed,
    contentModeration: z.object({ publicFigureThreshold: z.enum(['auto', 'low']) }).optional(),
  }),
  'veo3.1': z.strictObject({
    model: z.literal('veo3.1'),
    promptText,
    ratio: z.enum(['1280:720', '720:1280', '1080:1920', '1920:1080']),
    duration: z.union([z.literal(4), z.literal(6), z.literal(8)]).optional(),
    audio: z.boolean().optional(),
    negativePrompt: z.string().optional(),
    seed,
  }),
  veo3: z.strictObject({
    model: z.literal('veo3'),
    promptText,
    ratio: z.enum(['1280:720', '720:1280', '1080:1920', '1920:1080']),
    duration: z.literal(8),
    seed,
  }),
} as const;

const VIDEO_MODELS = {
  aleph2: z.strictObject({
    model: z.literal('aleph2'),
    videoUri: z
      .string()
      .regex(/^(https:\/\/|runway:\/\/|data:video\/)/, 'videoUri must be an HTTPS URL, a runway:// URI or a data URI'),
    promptText: promptText.optional(),
    seed,
    ratio: z.string().optional(),
    targetAspectRatio: z.enum(['16:9', '4:3', '3:2', '1:1', '2:3', '3:4', '9:16', '21:9']).optional(),
    outputFormat: z.enum(['mp4', 'prores', 'png_sequence', 'sdr_rec709_10bit']).optional(),
    contentModeration: z.object({ publicFigureThreshold: z.enum(['auto', 'low']) }).optional(),
  }),
} as const;

const IMAGE_MODELS = {
  gen4_turbo: z.strictObject({
    model: z.literal('gen4_turbo'),
    promptImage: z.string().regex(/^(https:\/\/|data:image\/)/, 'promptImage must be an HTTPS URL or a data URI'),
    promptText: promptText.optional(),
    ratio: z.enum(['1280:720', '720:1280', '1104:832', '832:1104', '960:960', '1584:672']),
    duration: z.number().int().min(2).max(10),
    seed,
  }),
} as const;

interface Task {
  id: string;
  createdAt: string;
  credits: number;
  polls: number;
  outcome: Outcome;
  canceled: boolean;
  deleted: boolean;
}

export interface RunwayFake extends FakeServer<RunwayRoute> {
  readonly apiKey: string;
  readonly tasks: Map<string, Task>;
  readonly outcomes: Outcome[];
  readonly bodies: unknown[];
  /** Task ids that received a DELETE. */
  readonly cancels: string[];
  /** Files received through ephemeral uploads, by runway:// URI. */
  readonly uploads: Map<string, Buffer>;
  /** The videos video-to-video tasks were given, decoded, in order. */
  readonly videoInputs: Buffer[];
  submissions(): number;
}

export interface RunwayFakeOptions {
  apiKey?: string;
  video: Buffer;
  /** GETs of a task before it settles (the first ones say PENDING, then RUNNING). */
  pollsToFinish?: number;
  /** Credits the organization has before any task; 5000 by default. */
  creditBalance?: number;
}

function error(status: number, message: string, issues?: unknown[]): FakeResponse {
  return { status, json: { error: message, ...(issues ? { issues } : {}) } };
}

export async function startRunwayFake(options: RunwayFakeOptions): Promise<RunwayFake> {
  const apiKey = options.apiKey ?? 'key_test_runway';
  const pollsToFinish = options.pollsToFinish ?? 3;
  const creditBalance = options.creditBalance ?? 5000;
  const tasks = new Map<string, Task>();
  const outcomes: Outcome[] = [];
  const bodies: unknown[] = [];
  const cancels: string[] = [];
  const uploads = new Map<string, Buffer>();
  const slots = new Map<string, { filename: string; uri: string }>();
  const videoInputs: Buffer[] = [];
  let accepted = 0;
  let origin = '';

  function check(request: FakeRequest): FakeResponse | null {
    const key = bearer(request.headers);
    if (key === null)
      return error(401, 'You must provide an API key in the Authorization header: "Authorization: Bearer <key>".');
    if (key !== apiKey)
      return error(401, 'Incorrect API key provided. You can find your API keys in the developer portal.');
    const version = request.headers['x-runway-version'];
    if (version === undefined)
      return error(400, 'You must pass the X-Runway-Version header. The current version is 2024-11-06.');
    if (version !== RUNWAY_VERSION)
      return error(400, `Invalid API version "${String(version)}". The current version is ${RUNWAY_VERSION}.`);
    return null;
  }

  function taskJson(task: Task): unknown {
    const cost = { credits: task.credits };
    if (task.canceled) return { id: task.id, status: 'CANCELLED', createdAt: task.createdAt, cost: { credits: 0 } };
    if (task.polls < pollsToFinish - 1) {
      return task.polls === 0
        ? { id: task.id, status: 'PENDING', createdAt: task.createdAt, estimatedCost: cost }
        : {
            id: task.id,
            status: 'RUNNING',
            createdAt: task.createdAt,
            estimatedCost: cost,
            progress: task.polls / pollsToFinish,
          };
    }
    if (task.outcome === 'fail') {
      return {
        id: task.id,
        status: 'FAILED',
        createdAt: task.createdAt,
        failure: 'An unexpected error occurred.',
        failureCode: 'INTERNAL.BAD_OUTPUT.CODE01',
        cost: { credits: 0 },
      };
    }
    if (task.outcome === 'filter') {
      return {
        id: task.id,
        status: 'FAILED',
        createdAt: task.createdAt,
        failure: 'The prompt did not pass content moderation.',
        failureCode: 'SAFETY.INPUT.TEXT',
        cost: { credits: 0 },
      };
    }
    return {
      id: task.id,
      status: 'SUCCEEDED',
      createdAt: task.createdAt,
      output: [`${origin}/outputs/${task.id}.mp4?_jwt=signed`],
      cost,
    };
  }

  const base = await startFakeServer<RunwayRoute>({
    route(method, url) {
      if (method === 'POST' && (url.pathname === '/v1/text_to_video' || url.pathname === '/v1/image_to_video'))
        return 'submit';
      if (method === 'GET' && /^\/v1\/tasks\/[^/]+$/.test(url.pathname)) return 'poll';
      if (method === 'DELETE' && /^\/v1\/tasks\/[^/]+$/.test(url.pathname)) return 'cancel';
      if (method === 'GET' && /^\/outputs\/[^/]+\.mp4$/.test(url.pathname)) return 'file';
      if (method === 'GET' && url.pathname === '/v1/organization') return 'organization';
      if (method === 'POST' && url.pathname === '/v1/video_to_video') return 'submit';
      if (method === 'POST' && url.pathname === '/v1/uploads') return 'upload';
      if (method === 'POST' && /^\/storage\/[^/]+$/.test(url.pathname)) return 'storage';
      return null;
    },
    handle(request, route) {
      if (route === 'storage') return storeUpload(request);
      if (route === 'file') {
        const id = /^\/outputs\/([^/]+)\.mp4$/.exec(request.url.pathname)?.[1] ?? '';
        const task = tasks.get(id);
        if (!task || task.deleted || request.url.searchParams.get('_jwt') !== 'signed')
          return { status: 403, body: 'AccessDenied' };
        return videoResponse(options.video);
      }
      const denied = check(request);
      if (denied) return denied;
      if (route === 'organization') {
        // GET /v1/organization: the credit balance left after the tasks this fake accepted.
        const spent = [...tasks.values()].reduce((sum, task) => sum + task.credits, 0);
        return {
          status: 200,
          json: {
            creditBalance: Math.max(0, creditBalance - spent),
            tier: { maxMonthlyCreditSpend: 10_000, models: {} },
            usage: { models: {} },
          },
        };
      }
      if (route === 'submit') {
        const body = jsonBody(request);
        bodies.push(body);
        const model: unknown =
          typeof body === 'object' && body !== null ? (body as { model?: unknown }).model : undefined;
        const schemas: Record<string, z.ZodType> =
          request.url.pathname === '/v1/text_to_video'
            ? TEXT_MODELS
            : request.url.pathname === '/v1/video_to_video'
              ? VIDEO_MODELS
              : IMAGE_MODELS;
        const schema = typeof model === 'string' ? schemas[model] : undefined;
        if (!schema) {
          return error(400, 'Validation of body failed', [
            { path: ['model'], message: `Invalid model: expected one of ${Object.keys(schemas).join(', ')}` },
          ]);
        }
        const parsed = schema.safeParse(body);
        if (!parsed.success) {
          return error(
            400,
            'Validation of body failed',
            parsed.error.issues.map((issue) => ({ path: issue.path, message: issue.message })),
          );
        }
        const videoUri = (parsed.data as { videoUri?: string }).videoUri;
        if (videoUri !== undefined) {
          const video = videoInput(videoUri);
          if (typeof video === 'string')
            return error(400, 'Validation of body failed', [{ path: ['videoUri'], message: video }]);
          videoInputs.push(video);
        }
        const duration = (parsed.data as { duration?: number }).duration ?? 8;
        const task: Task = {
          id: randomUUID(),
          createdAt: new Date().toISOString(),
          credits: Math.round(
            duration * (model === 'gen4.5' ? 12 : model === 'gen4_turbo' ? 5 : model === 'aleph2' ? 28 : 40),
          ),
          polls: 0,
          outcome: outcomes.shift() ?? 'succeed',
          canceled: false,
          deleted: false,
        };
        tasks.set(task.id, task);
        accepted += 1;
        return { status: 200, json: { id: task.id, estimatedCost: { credits: task.credits } } };
      }
      if (route === 'upload') {
        const body = jsonBody(request) as { filename?: unknown; type?: unknown } | null;
        if (typeof body?.filename !== 'string' || body.filename === '' || body.type !== 'ephemeral') {
          return error(400, 'Validation of body failed', [
            { path: ['filename'], message: 'filename is required and type must be "ephemeral"' },
          ]);
        }
        const key = randomUUID();
        const uri = `runway://ephemeral/${key}`;
        slots.set(key, { filename: body.filename, uri });
        return {
          status: 200,
          json: { uploadUrl: `${origin}/storage/${key}`, fields: { key, policy: 'signed-policy' }, runwayUri: uri },
        };
      }
      const id = /^\/v1\/tasks\/([^/]+)$/.exec(request.url.pathname)?.[1] ?? '';
      const task = tasks.get(id);
      if (!task || task.deleted) return error(404, 'Task not found.');
      if (route === 'cancel') {
        cancels.push(id);
        const settled = task.polls >= pollsToFinish - 1 && !task.canceled;
        if (settled) task.deleted = true;
        else task.canceled = true;
        return { status: 204 };
      }
      const json = taskJson(task);
      if (!task.canceled) task.polls += 1;
      return { status: 200, json };
    },
    errorBody: (status) => ({
      error: status === 429 ? 'You have exceeded the rate limit. Please slow down.' : 'An internal error occurred.',
    }),
    notFound: () => error(404, 'Not found.'),
  });
  origin = base.url;

  /** The video a videoUri names, or why it cannot be used. */
  function videoInput(uri: string): Buffer | string {
    if (uri.startsWith('runway://')) return uploads.get(uri) ?? 'The runway:// URI names no upload (or it expired).';
    if (uri.startsWith('https://')) return 'This fake cannot fetch HTTPS videos; send a data URI or an upload.';
    const match = /^data:(video\/[\w.+-]+);base64,(.*)$/s.exec(uri);
    if (!match?.[2]) return 'The data URI is not a base64 video.';
    if (uri.length > DATA_URI_MAX_BYTES) return 'The data URI is larger than 5 MB; upload the video instead.';
    const bytes = Buffer.from(match[2], 'base64');
    return isVideo(bytes) ? bytes : 'The data URI does not hold a video Runway can read.';
  }

  /** The storage side of an ephemeral upload: the policy fields, then the file, as multipart form data. */
  function storeUpload(request: FakeRequest): FakeResponse {
    const key = request.url.pathname.slice('/storage/'.length);
    const slot = slots.get(key);
    const type = typeof request.headers['content-type'] === 'string' ? request.headers['content-type'] : '';
    const form = type.startsWith('multipart/form-data') ? parseMultipart(request.body, type) : null;
    if (!slot || !form) return { status: 403, body: 'AccessDenied' };
    const file = form.files.file;
    if (form.fields.key !== key || form.fields.policy !== 'signed-policy' || !file)
      return { status: 400, body: 'InvalidPolicyDocument' };
    if (!isVideo(file.bytes)) return { status: 400, body: 'The uploaded file is not a video.' };
    uploads.set(slot.uri, file.bytes);
    slots.delete(key);
    return { status: 204 };
  }

  return { ...base, apiKey, tasks, outcomes, bodies, cancels, uploads, videoInputs, submissions: () => accepted };
}

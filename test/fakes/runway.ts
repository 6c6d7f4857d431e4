/**
 * A fake Runway API: POST /v1/text_to_video and /v1/image_to_video, GET and DELETE
 * /v1/tasks/{id}, and signed output URLs. Like the real one it requires the
 * `Authorization: Bearer` key and the X-Runway-Version header, validates each model's body
 * (answering { error: "Validation of body failed", issues }), and moves tasks through
 * PENDING → RUNNING (with progress) → SUCCEEDED | FAILED, with CANCELLED after a DELETE.
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
import type { Outcome } from './veo';

export type RunwayRoute = 'submit' | 'poll' | 'cancel' | 'file' | 'organization';

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
      return null;
    },
    handle(request, route) {
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
          request.url.pathname === '/v1/text_to_video' ? TEXT_MODELS : IMAGE_MODELS;
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
        const duration = (parsed.data as { duration?: number }).duration ?? 8;
        const task: Task = {
          id: randomUUID(),
          createdAt: new Date().toISOString(),
          credits: Math.round(duration * (model === 'gen4.5' ? 12 : model === 'gen4_turbo' ? 5 : 40)),
          polls: 0,
          outcome: outcomes.shift() ?? 'succeed',
          canceled: false,
          deleted: false,
        };
        tasks.set(task.id, task);
        accepted += 1;
        return { status: 200, json: { id: task.id, estimatedCost: { credits: task.credits } } };
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

  return { ...base, apiKey, tasks, outcomes, bodies, cancels, submissions: () => accepted };
}

/**
 * A fake OpenAI-compatible videos API: POST /v1/videos (multipart, as the SDK sends it, or
 * JSON), GET /v1/videos/{id}, GET /v1/videos (cursor list), GET /v1/videos/{id}/content,
 * POST /v1/videos/{id}/remix and DELETE /v1/videos/{id}. It checks the Bearer key and the
 * Sora 2 request shape (model, seconds "4" | "8" | "12", the model's sizes) and answers in
 * OpenAI's error shape { error: { message, type, param, code } }.
 */
import { randomBytes } from 'node:crypto';
import { bearer, jsonBody, startFakeServer, type FakeRequest, type FakeResponse, type FakeServer } from './server';
import type { Outcome } from './veo';

export type OpenAIRoute = 'submit' | 'poll' | 'list' | 'download' | 'delete';

const SIZES: Record<string, string[]> = {
  'sora-2': ['720x1280', '1280x720'],
  'sora-2-pro': ['720x1280', '1280x720', '1024x1792', '1792x1024'],
};

interface FakeVideo {
  id: string;
  model: string;
  prompt: string;
  seconds: string;
  size: string;
  createdAt: number;
  polls: number;
  outcome: Outcome;
  remixedFrom: string | null;
  deleted: boolean;
}

export interface OpenAIFake extends FakeServer<OpenAIRoute> {
  readonly apiKey: string;
  readonly videos: Map<string, FakeVideo>;
  readonly outcomes: Outcome[];
  /** Accepted creations (including remixes), each of which would be billed. */
  submissions(): number;
  /** How many accepted creations carried each prompt. */
  submissionsByPrompt(): Map<string, number>;
}

export interface OpenAIFakeOptions {
  apiKey?: string;
  video: Buffer;
  pollsToFinish?: number;
  /** The service's clock (seconds in created_at), to test clock skew. */
  now?: () => number;
  /** How long answers take per route, after the work is done (widens the window a crash can hit). */
  latencyMs?: Partial<Record<OpenAIRoute, number>>;
}

export function openaiError(
  status: number,
  message: string,
  param: string | null = null,
  code: string | null = null,
): FakeResponse {
  const type = status === 429 ? 'rate_limit_exceeded' : status >= 500 ? 'server_error' : 'invalid_request_error';
  return { status, json: { error: { message, type, param, code } } };
}

/** The text fields of a multipart/form-data body (file parts are skipped). */
export function multipartFields(body: Buffer, contentType: string): Record<string, string> | null {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  const marker = boundary?.[1] ?? boundary?.[2];
  if (marker === undefined) return null;
  const out: Record<string, string> = {};
  for (const part of body.toString('latin1').split(`--${marker}`)) {
    const split = part.indexOf('\r\n\r\n');
    if (split < 0) continue;
    const head = part.slice(0, split);
    const name = /content-disposition:[^\r\n]*\bname="([^"]*)"/i.exec(head)?.[1];
    if (name === undefined || /filename=/i.test(head)) continue;
    out[name] = Buffer.from(part.slice(split + 4).replace(/\r\n$/, ''), 'latin1').toString('utf8');
  }
  return out;
}

function fields(request: FakeRequest): Record<string, string> | null {
  const type = typeof request.headers['content-type'] === 'string' ? request.headers['content-type'] : '';
  if (type.includes('application/json')) {
    const body = jsonBody(request);
    if (typeof body !== 'object' || body === null) return null;
    return Object.fromEntries(
      Object.entries(body).map(([key, value]) => [key, typeof value === 'string' ? value : JSON.stringify(value)]),
    );
  }
  if (type.includes('multipart/form-data')) return multipartFields(request.body, type);
  return null;
}

export async function startOpenAIFake(options: OpenAIFakeOptions): Promise<OpenAIFake> {
  const apiKey = options.apiKey ?? 'sk-test-videos';
  const pollsToFinish = options.pollsToFinish ?? 2;
  const now = options.now ?? Date.now;
  const videos = new Map<string, FakeVideo>();
  const outcomes: Outcome[] = [];
  const byPrompt = new Map<string, number>();
  let accepted = 0;

  function videoJson(video: FakeVideo): unknown {
    const done = video.polls >= pollsToFinish;
    const failed = done && video.outcome !== 'succeed';
    return {
      id: video.id,
      object: 'video',
      model: video.model,
      status: !done ? (video.polls === 0 ? 'queued' : 'in_progress') : failed ? 'failed' : 'completed',
      progress: done ? 100 : Math.round((video.polls / pollsToFinish) * 100),
      created_at: video.createdAt,
      completed_at: done ? Math.floor(now() / 1000) : null,
      expires_at: done ? Math.floor(now() / 1000) + 3600 : null,
      size: video.size,
      seconds: video.seconds,
      quality: 'standard',
      prompt: video.prompt,
      remixed_from_video_id: video.remixedFrom,
      error: failed
        ? video.outcome === 'filter'
          ? { code: 'moderation_blocked', message: 'Your request was blocked by our moderation system.' }
          : { code: 'internal_error', message: 'Video generation failed.' }
        : null,
    };
  }

  function create(model: string, prompt: string, seconds: string, size: string, remixedFrom: string | null): FakeVideo {
    const video: FakeVideo = {
      id: `video_${randomBytes(12).toString('hex')}`,
      model,
      prompt,
      seconds,
      size,
      createdAt: Math.floor(now() / 1000),
      polls: 0,
      outcome: outcomes.shift() ?? 'succeed',
      remixedFrom,
      deleted: false,
    };
    videos.set(video.id, video);
    accepted += 1;
    byPrompt.set(prompt, (byPrompt.get(prompt) ?? 0) + 1);
    return video;
  }

  const base = await startFakeServer<OpenAIRoute>({
    route(method, url) {
      if (method === 'POST' && (url.pathname === '/v1/videos' || /^\/v1\/videos\/[^/]+\/remix$/.test(url.pathname)))
        return 'submit';
      if (method === 'GET' && url.pathname === '/v1/videos') return 'list';
      if (method === 'GET' && /^\/v1\/videos\/[^/]+\/content$/.test(url.pathname)) return 'download';
      if (method === 'GET' && /^\/v1\/videos\/[^/]+$/.test(url.pathname)) return 'poll';
      if (method === 'DELETE' && /^\/v1\/videos\/[^/]+$/.test(url.pathname)) return 'delete';
      return null;
    },
    handle(request, route) {
      const key = bearer(request.headers);
      if (key !== apiKey) {
        return openaiError(
          401,
          `Incorrect API key provided: ${key === null ? 'none' : `${key.slice(0, 3)}***`}.`,
          null,
          'invalid_api_key',
        );
      }
      if (route === 'list') {
        const limit = Math.min(100, Number(request.url.searchParams.get('limit') ?? 20));
        const after = request.url.searchParams.get('after');
        const ascending = request.url.searchParams.get('order') === 'asc';
        const all = [...videos.values()].filter((video) => !video.deleted);
        if (!ascending) all.reverse();
        const start = after === null ? 0 : all.findIndex((video) => video.id === after) + 1;
        const page = all.slice(start, start + limit);
        return {
          status: 200,
          json: {
            object: 'list',
            data: page.map(videoJson),
            first_id: page[0]?.id ?? null,
            last_id: page.at(-1)?.id ?? null,
            has_more: start + limit < all.length,
          },
        };
      }
      if (route === 'submit') {
        const body = fields(request);
        if (body === null) return openaiError(400, 'The request body must be multipart/form-data or JSON.');
        const remix = /^\/v1\/videos\/([^/]+)\/remix$/.exec(request.url.pathname)?.[1];
        const prompt = body.prompt ?? '';
        if (prompt.trim() === '')
          return openaiError(400, "Missing required parameter: 'prompt'.", 'prompt', 'missing_required_parameter');
        if (remix !== undefined) {
          const source = videos.get(remix);
          if (!source || source.deleted) return openaiError(404, `Video '${remix}' not found.`, null, 'not_found');
          if (source.polls < pollsToFinish || source.outcome !== 'succeed') {
            return openaiError(400, 'Only completed videos can be remixed.', null, 'invalid_video_state');
          }
          return { status: 200, json: videoJson(create(source.model, prompt, source.seconds, source.size, source.id)) };
        }
        const allowedKeys = new Set(['model', 'prompt', 'seconds', 'size', 'input_reference']);
        const extra = Object.keys(body).find((name) => !allowedKeys.has(name));
        if (extra !== undefined) return openaiError(400, `Unknown parameter: '${extra}'.`, extra, 'unknown_parameter');
        const model = body.model ?? 'sora-2';
        const sizes = SIZES[model];
        if (!sizes)
          return openaiError(
            400,
            `Invalid value: '${model}'. Supported values are: 'sora-2' and 'sora-2-pro'.`,
            'model',
            'invalid_value',
          );
        const seconds = body.seconds ?? '4';
        if (!['4', '8', '12'].includes(seconds)) {
          return openaiError(
            400,
            `Invalid value: '${seconds}'. Supported values are: '4', '8', and '12'.`,
            'seconds',
            'invalid_value',
          );
        }
        const size = body.size ?? '720x1280';
        if (!sizes.includes(size)) {
          return openaiError(
            400,
            `Invalid value: '${size}'. Supported values are: ${sizes.map((s) => `'${s}'`).join(', ')}.`,
            'size',
            'invalid_value',
          );
        }
        return { status: 200, json: videoJson(create(model, prompt, seconds, size, null)) };
      }
      const id = /^\/v1\/videos\/([^/]+)/.exec(request.url.pathname)?.[1] ?? '';
      const video = videos.get(id);
      if (!video || video.deleted) return openaiError(404, `Video '${id}' not found.`, null, 'not_found');
      if (route === 'poll') {
        const json = videoJson(video);
        video.polls += 1;
        return { status: 200, json };
      }
      const done = video.polls >= pollsToFinish;
      if (route === 'delete') {
        if (!done)
          return openaiError(400, 'Only completed or failed videos can be deleted.', null, 'invalid_video_state');
        video.deleted = true;
        return { status: 200, json: { id, object: 'video.deleted', deleted: true } };
      }
      if (!done || video.outcome !== 'succeed') {
        return openaiError(
          404,
          'Video content is not available until the video has completed.',
          null,
          'video_not_ready',
        );
      }
      return { status: 200, headers: { 'content-type': 'video/mp4' }, body: options.video };
    },
    errorBody: (status) =>
      openaiError(
        status,
        status === 429
          ? 'Rate limit reached for videos. Please try again later.'
          : 'The server had an error while processing your request.',
      ).json,
    notFound: (request) => openaiError(404, `Invalid URL (${request.method} ${request.url.pathname})`),
    latencyMs: (route) => options.latencyMs?.[route] ?? 0,
  });

  return {
    ...base,
    apiKey,
    videos,
    outcomes,
    submissions: () => accepted,
    submissionsByPrompt: () => new Map(byPrompt),
  };
}

/**
 * A creator's ComfyUI server (no official SDK; its HTTP and WebSocket API):
 * POST /prompt with the API-format workflow (the request injected into mapped nodes), live
 * progress over /ws, /history/{id} and /queue for state, /view for the file, /interrupt and
 * POST /queue {delete} to cancel. The prompt id is Shotline's idempotency key (ComfyUI takes
 * a client-chosen prompt_id), so a submission whose answer was lost is found by asking for it.
 * A remix with "Video input" uploads the clip (POST /upload/image) into the mapped video loader.
 */
import { randomUUID } from 'node:crypto';
import { openAsBlob } from 'node:fs';
import WebSocket from 'ws';
import { z } from 'zod';
import type { ComfyRequest } from '../../shared/prompt/compile/comfyui';
import { capabilitiesOf, estimateCost } from './capabilities';
import { findVideoOutput, injectRequest, mappingProblems, type ComfyWorkflowFile } from './comfyui-workflow';
import { ProviderError } from './errors';
import { downloadToFile, requestJson } from './http';
import type {
  CallContext,
  ContinueFile,
  DownloadContext,
  LookupContext,
  LookupResult,
  ProviderJob,
  RemoteProvider,
  RemoteStatus,
  SubmitContext,
  Submitted,
} from './types';

export interface ComfyOptions {
  /** SHOTLINE_COMFYUI_URL, default http://127.0.0.1:8188; a function when Settings may change it while the studio runs. */
  baseUrl: string | (() => string);
  /** The creator's workflow and its mapping; null until one is chosen. */
  workflow: () => ComfyWorkflowFile | null;
  requestTimeoutMs: number;
  now?: () => number;
  /** Delay before reconnecting the progress socket. */
  reconnectMs?: number;
}

const ComfyRequestSchema = z.object({
  positive: z.string(),
  negative: z.string(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  durationMs: z.number().int().positive(),
  fps: z.number().positive(),
  seed: z.number().int().nullable(),
  videoInput: z.literal(true).optional(),
});
/** POST /upload/image's answer: the name the file was stored under in the input folder. */
const Uploaded = z.object({ name: z.string().min(1), subfolder: z.string().default(''), type: z.string().optional() });

const PromptAccepted = z.object({ prompt_id: z.string().min(1) });
const PromptRefused = z.object({
  error: z.union([
    z.string(),
    z.object({ type: z.string().optional(), message: z.string().optional(), details: z.string().optional() }),
  ]),
  node_errors: z
    .union([
      z.array(z.unknown()),
      z.record(
        z.string(),
        z.object({
          class_type: z.string().optional(),
          errors: z.array(z.object({ message: z.string().optional(), details: z.string().optional() })).default([]),
        }),
      ),
    ])
    .optional(),
});
const HistoryEntry = z.object({
  outputs: z.record(z.string(), z.unknown()).default({}),
  status: z
    .object({
      status_str: z.string().optional(),
      completed: z.boolean().optional(),
      messages: z.array(z.tuple([z.string(), z.unknown()])).default([]),
    })
    .optional(),
});
const History = z.record(z.string(), HistoryEntry);
const QueueItem = z.array(z.unknown()).min(2);
const Queue = z.object({
  queue_running: z.array(QueueItem).default([]),
  queue_pending: z.array(QueueItem).default([]),
});
const ExecutionError = z.object({
  exception_message: z.string().optional(),
  node_type: z.string().optional(),
  node_id: z.string().optional(),
});
const WsMessage = z.object({ type: z.string(), data: z.looseObject({ prompt_id: z.string().optional() }) });
const ComfyOutput = z.object({ filename: z.string().min(1), subfolder: z.string(), type: z.string() });

const LABEL = 'ComfyUI';
const NO_VIDEO_INPUT =
  'The ComfyUI workflow has no video input: add a Load Video node and map its file input as "video" in the workflow’s mapping, or choose “Regenerate”.';

function describeRefusal(body: z.infer<typeof PromptRefused>): string {
  const head =
    typeof body.error === 'string' ? body.error : (body.error.message ?? body.error.type ?? 'invalid workflow');
  const details: string[] = [];
  if (body.node_errors && !Array.isArray(body.node_errors)) {
    for (const [node, entry] of Object.entries(body.node_errors)) {
      for (const error of entry.errors) {
        details.push(
          `${entry.class_type ?? 'node'} (node ${node}): ${error.message ?? 'error'}${error.details ? `: ${error.details}` : ''}`,
        );
      }
    }
  }
  return details.length > 0 ? `${head}: ${details.join('; ')}` : head;
}

function queueIds(items: readonly (readonly unknown[])[]): string[] {
  return items.map((item) => item[1]).filter((id): id is string => typeof id === 'string');
}

export function createComfyProvider(options: ComfyOptions): RemoteProvider {
  const now = options.now ?? Date.now;
  const base = (): string => {
    const given = typeof options.baseUrl === 'function' ? options.baseUrl() : options.baseUrl;
    return given.endsWith('/') ? given : `${given}/`;
  };
  const clientId = randomUUID();
  const listeners = new Map<string, Set<(fraction: number) => void>>();
  let socket: WebSocket | null = null;
  let reconnect: NodeJS.Timeout | undefined;
  let closed = false;

  const url = (path: string): string => new URL(path, base()).toString();
  const http = (signal: AbortSignal): { signal: AbortSignal; timeoutMs: number; now: () => number } => ({
    signal,
    timeoutMs: options.requestTimeoutMs,
    now,
  });

  function openSocket(): void {
    if (closed || socket !== null || listeners.size === 0) return;
    const wsUrl = new URL(`ws?clientId=${clientId}`, base());
    wsUrl.protocol = wsUrl.protocol === 'https:' ? 'wss:' : 'ws:';
    const ws = new WebSocket(wsUrl);
    socket = ws;
    ws.on('message', (data, isBinary) => {
      if (isBinary) return; // preview frames
      let parsed;
      try {
        const bytes = Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
        parsed = WsMessage.safeParse(JSON.parse(bytes.toString('utf8')));
      } catch {
        return;
      }
      if (!parsed.success) return;
      const { type, data: payload } = parsed.data;
      const id = payload.prompt_id;
      if (id === undefined) return;
      const targets = listeners.get(id);
      if (!targets) return;
      let fraction: number | null = null;
      if (
        type === 'progress' &&
        typeof payload.value === 'number' &&
        typeof payload.max === 'number' &&
        payload.max > 0
      ) {
        fraction = Math.min(1, payload.value / payload.max);
      } else if (type === 'execution_success' || (type === 'executing' && payload.node === null)) {
        fraction = 1;
      }
      if (fraction !== null) for (const listener of targets) listener(fraction);
    });
    ws.on('error', () => {
      /* reported through close */
    });
    ws.on('close', () => {
      socket = null;
      if (!closed && listeners.size > 0) {
        clearTimeout(reconnect);
        reconnect = setTimeout(openSocket, options.reconnectMs ?? 2000);
      }
    });
  }

  async function history(id: string, signal: AbortSignal): Promise<z.infer<typeof HistoryEntry> | null> {
    const parsed = History.safeParse(
      await requestJson(url(`history/${encodeURIComponent(id)}`), { method: 'GET' }, LABEL, http(signal)),
    );
    if (!parsed.success)
      throw new ProviderError('malformed', 'ComfyUI sent a history this version of Shotline cannot read.');
    return parsed.data[id] ?? null;
  }

  async function queue(signal: AbortSignal): Promise<{ running: string[]; pending: string[] }> {
    const parsed = Queue.safeParse(await requestJson(url('queue'), { method: 'GET' }, LABEL, http(signal)));
    if (!parsed.success)
      throw new ProviderError('malformed', 'ComfyUI sent a queue this version of Shotline cannot read.');
    return { running: queueIds(parsed.data.queue_running), pending: queueIds(parsed.data.queue_pending) };
  }

  /**
   * Puts the source clip in the server's input folder with POST /upload/image (the one upload
   * route ComfyUI has; it stores any file) and returns the name a loader node reads it by.
   */
  async function upload(source: ContinueFile, signal: AbortSignal): Promise<string> {
    const form = new FormData();
    form.append('image', await openAsBlob(source.path, { type: source.mimeType }), source.name);
    form.append('type', 'input');
    form.append('overwrite', 'true');
    const answer = Uploaded.safeParse(
      await requestJson(url('upload/image'), { method: 'POST', body: form }, LABEL, http(signal)),
    );
    if (!answer.success) throw new ProviderError('malformed', 'ComfyUI took the clip but did not say where it put it.');
    return answer.data.subfolder === '' ? answer.data.name : `${answer.data.subfolder}/${answer.data.name}`;
  }

  function finished(entry: z.infer<typeof HistoryEntry>): RemoteStatus {
    const messages = entry.status?.messages ?? [];
    if (messages.some(([type]) => type === 'execution_interrupted')) return { state: 'canceled', progress: null };
    if (entry.status?.status_str === 'error') {
      const raw = messages.find(([type]) => type === 'execution_error')?.[1];
      const error = ExecutionError.safeParse(raw);
      const where =
        error.success && error.data.node_type ? ` in ${error.data.node_type} (node ${error.data.node_id ?? '?'})` : '';
      const why = error.success ? (error.data.exception_message?.trim() ?? 'no message') : 'no message';
      return {
        state: 'failed',
        progress: null,
        error: { code: 'execution_error', message: `The ComfyUI workflow failed${where}: ${why}`, filtered: false },
      };
    }
    const file = findVideoOutput(entry.outputs, options.workflow()?.mapping.output);
    if (!file) {
      return {
        state: 'failed',
        progress: null,
        error: {
          code: 'no_output',
          message:
            'The ComfyUI workflow finished without saving a video. End it with a Save Video or Video Combine node.',
          filtered: false,
        },
      };
    }
    return { state: 'succeeded', progress: 1, output: file };
  }

  return {
    kind: 'remote',
    id: 'comfyui',
    capabilities: capabilitiesOf('comfyui'),
    estimateCost: (model, output) => estimateCost('comfyui', model, output),
    ready: () => {
      const workflow = options.workflow();
      if (!workflow)
        return {
          ok: false,
          message: 'Choose a ComfyUI workflow in Settings (Ctrl+,) and map its prompt, seed, size and length inputs.',
        };
      const problems = mappingProblems(workflow.prompt, workflow.mapping);
      return problems.length > 0 ? { ok: false, message: problems.join(' ') } : { ok: true };
    },

    continueReady: (mode) => {
      if (mode !== 'video-input') return { ok: false, message: `ComfyUI cannot do “${mode}”.` };
      return options.workflow()?.mapping.video ? { ok: true } : { ok: false, message: NO_VIDEO_INPUT };
    },

    async submit(job: ProviderJob, context: SubmitContext): Promise<Submitted> {
      const workflow = options.workflow();
      if (!workflow) throw new ProviderError('not_configured', 'Choose a ComfyUI workflow and map its inputs first.');
      const parsed = ComfyRequestSchema.safeParse(job.request);
      if (!parsed.success)
        throw new ProviderError(
          'rejected',
          `This job's ComfyUI request is not valid: ${parsed.error.issues[0]?.message ?? ''}`,
        );
      const { videoInput, ...values } = parsed.data;
      let video: string | undefined;
      if (videoInput === true) {
        if (!workflow.mapping.video)
          throw new ProviderError('not_configured', NO_VIDEO_INPUT, { code: 'no_video_input' });
        if (!context.source)
          throw new ProviderError('rejected', 'This job has no source clip to send to the workflow.');
        video = await upload(context.source, context.signal);
      }
      const prompt = injectRequest(workflow.prompt, workflow.mapping, values satisfies ComfyRequest, video);
      let answer: unknown;
      try {
        answer = await requestJson(
          url('prompt'),
          { method: 'POST', body: { prompt, client_id: clientId, prompt_id: context.idempotencyKey } },
          LABEL,
          http(context.signal),
        );
      } catch (error) {
        if (error instanceof ProviderError && error.kind === 'rejected' && error.body !== undefined) {
          let refusal: z.infer<typeof PromptRefused> | null = null;
          try {
            const candidate = PromptRefused.safeParse(JSON.parse(error.body));
            refusal = candidate.success ? candidate.data : null;
          } catch {
            refusal = null;
          }
          if (refusal)
            throw new ProviderError('rejected', `ComfyUI refused the workflow: ${describeRefusal(refusal)}`, {
              status: 400,
              code: 'invalid_prompt',
            });
        }
        throw error;
      }
      const accepted = PromptAccepted.safeParse(answer);
      if (!accepted.success)
        throw new ProviderError('malformed', 'ComfyUI accepted the workflow but its answer named no prompt id.');
      return { remoteId: accepted.data.prompt_id };
    },

    async poll(remoteId: string, context: CallContext): Promise<RemoteStatus> {
      const done = await history(remoteId, context.signal);
      if (done) return finished(done);
      const current = await queue(context.signal);
      if (current.running.includes(remoteId)) return { state: 'running', progress: null };
      if (current.pending.includes(remoteId)) return { state: 'queued', progress: 0 };
      // It may have finished between the two questions.
      const late = await history(remoteId, context.signal);
      if (late) return finished(late);
      throw new ProviderError('not_found', `ComfyUI no longer knows prompt ${remoteId}; was the server restarted?`, {
        status: 404,
      });
    },

    async cancel(remoteId: string, context: CallContext): Promise<void> {
      const current = await queue(context.signal);
      if (current.pending.includes(remoteId)) {
        await requestJson(url('queue'), { method: 'POST', body: { delete: [remoteId] } }, LABEL, http(context.signal));
      }
      if (current.running.includes(remoteId)) {
        // Newer ComfyUI interrupts only the named prompt; older ones interrupt whatever runs,
        // which is this prompt, as the queue just said.
        await requestJson(
          url('interrupt'),
          { method: 'POST', body: { prompt_id: remoteId } },
          LABEL,
          http(context.signal),
        );
      }
    },

    async lookup(_job: ProviderJob, context: LookupContext): Promise<LookupResult> {
      const id = context.idempotencyKey;
      if (await history(id, context.signal)) return { found: true, remoteId: id };
      const current = await queue(context.signal);
      if (current.running.includes(id) || current.pending.includes(id)) return { found: true, remoteId: id };
      if (await history(id, context.signal)) return { found: true, remoteId: id };
      return { found: false };
    },

    async download(_remoteId: string, output: unknown, context: DownloadContext): Promise<void> {
      const parsed = ComfyOutput.safeParse(output);
      if (!parsed.success) throw new ProviderError('malformed', 'ComfyUI named no output file.');
      const query = new URLSearchParams({
        filename: parsed.data.filename,
        subfolder: parsed.data.subfolder,
        type: parsed.data.type,
      });
      await downloadToFile(url(`view?${query.toString()}`), context.toPath, 'ComfyUI download', http(context.signal));
    },

    watch(remoteId: string, onProgress: (fraction: number) => void): () => void {
      let set = listeners.get(remoteId);
      if (!set) {
        set = new Set();
        listeners.set(remoteId, set);
      }
      set.add(onProgress);
      openSocket();
      return () => {
        const current = listeners.get(remoteId);
        current?.delete(onProgress);
        if (current?.size === 0) listeners.delete(remoteId);
        if (listeners.size === 0) {
          clearTimeout(reconnect);
          socket?.close();
        }
      };
    },

    close(): Promise<void> {
      closed = true;
      clearTimeout(reconnect);
      listeners.clear();
      socket?.terminate();
      socket = null;
      return Promise.resolve();
    },
  };
}

/**
 * A fake ComfyUI server: POST /prompt (validated as ComfyUI's validate_prompt does: known node
 * classes, required inputs, links to existing nodes, number ranges, at least one output node,
 * answering { error, node_errors }), a one-at-a-time executor that reports over /ws
 * (execution_start, progress, executed, execution_success, executing null), GET /history/{id},
 * GET and POST /queue, POST /interrupt and GET /view. A client-chosen prompt_id is honoured,
 * as current ComfyUI does. POST /upload/image stores a file in the input folder (multipart:
 * image, type, subfolder, overwrite; a taken name gets " (1)" unless overwrite is "true") and
 * answers { name, subfolder, type }; a video loader's file input must name such a file, as
 * ComfyUI's combo check demands ("Value not in list").
 */
import { randomUUID } from 'node:crypto';
import { WebSocketServer, type WebSocket } from 'ws';
import {
  jsonBody,
  startFakeServer,
  videoResponse,
  type FakeRequest,
  type FakeResponse,
  type FakeServer,
} from './server';
import { parseMultipart } from './multipart';
import type { Outcome } from './veo';

export type ComfyRoute = 'submit' | 'history' | 'queue' | 'queue-edit' | 'interrupt' | 'download' | 'stats' | 'upload';

type Spec =
  | { kind: 'link' }
  | { kind: 'string' }
  | { kind: 'int'; min: number; max: number }
  | { kind: 'float'; min: number; max: number }
  /** A combo of the files in the input folder (video and image loaders). */
  | { kind: 'input-file' };

const link: Spec = { kind: 'link' };
const text: Spec = { kind: 'string' };
const int = (min: number, max: number): Spec => ({ kind: 'int', min, max });
const float = (min: number, max: number): Spec => ({ kind: 'float', min, max });
const inputFile: Spec = { kind: 'input-file' };

/** The node classes the fake knows, with their required inputs (from ComfyUI's object_info). */
const NODES: Record<string, { inputs: Record<string, Spec>; output?: boolean }> = {
  UNETLoader: { inputs: { unet_name: text, weight_dtype: text } },
  CLIPLoader: { inputs: { clip_name: text, type: text } },
  VAELoader: { inputs: { vae_name: text } },
  ModelSamplingSD3: { inputs: { model: link, shift: float(0, 100) } },
  CLIPTextEncode: { inputs: { text, clip: link } },
  Wan22ImageToVideoLatent: {
    inputs: { vae: link, width: int(32, 8192), height: int(32, 8192), length: int(1, 8192), batch_size: int(1, 4096) },
  },
  KSampler: {
    inputs: {
      model: link,
      seed: int(0, Number.MAX_SAFE_INTEGER),
      steps: int(1, 10000),
      cfg: float(0, 100),
      sampler_name: text,
      scheduler: text,
      positive: link,
      negative: link,
      latent_image: link,
      denoise: float(0, 1),
    },
  },
  VAEDecode: { inputs: { samples: link, vae: link } },
  LoadVideo: { inputs: { file: inputFile } },
  GetVideoComponents: { inputs: { video: link } },
  VHS_LoadVideo: {
    inputs: {
      video: inputFile,
      force_rate: float(0, 60),
      custom_width: int(0, 8192),
      custom_height: int(0, 8192),
      frame_load_cap: int(0, 100_000),
      skip_first_frames: int(0, 100_000),
      select_every_nth: int(1, 1000),
    },
  },
  CreateVideo: { inputs: { images: link, fps: float(1, 120) } },
  SaveVideo: { inputs: { video: link, filename_prefix: text, format: text, codec: text }, output: true },
  VHS_VideoCombine: {
    inputs: { images: link, frame_rate: float(1, 240), filename_prefix: text, format: text },
    output: true,
  },
};

interface NodeError {
  type: string;
  message: string;
  details: string;
  extra_info: Record<string, unknown>;
}

interface PromptRecord {
  id: string;
  number: number;
  clientId: string | null;
  prompt: Record<string, { class_type: string; inputs: Record<string, unknown> }>;
  outcome: Outcome;
}

interface Execution {
  record: PromptRecord;
  interrupted: boolean;
  timer: NodeJS.Timeout | undefined;
}

interface HistoryRecord {
  prompt: unknown[];
  outputs: Record<string, unknown>;
  status: { status_str: 'success' | 'error'; completed: boolean; messages: [string, Record<string, unknown>][] };
  meta: Record<string, unknown>;
}

export interface ComfyFake extends FakeServer<ComfyRoute> {
  readonly outcomes: Outcome[];
  readonly history: Map<string, HistoryRecord>;
  /** Accepted POST /prompt calls per prompt id. */
  readonly submitted: Map<string, number>;
  readonly interrupts: (string | null)[];
  readonly deletions: string[];
  /** The workflows accepted, as received. */
  readonly prompts: PromptRecord['prompt'][];
  /** The input folder: uploaded files by the name a loader reads them by. */
  readonly inputs: Map<string, Buffer>;
  submissions(): number;
  /** Stops the executor from starting the next prompt (to test queued prompts and their cancel). */
  pause(paused: boolean): void;
  running(): string | null;
}

export interface ComfyFakeOptions {
  video: Buffer;
  steps?: number;
  stepMs?: number;
}

function isLink(value: unknown): value is [string, number] {
  return Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'number';
}

function nodeErrors(
  prompt: PromptRecord['prompt'],
  inputFiles: ReadonlySet<string>,
): {
  fatal: FakeResponse | null;
  errors: Record<string, { errors: NodeError[]; dependent_outputs: string[]; class_type: string }>;
} {
  const errors: Record<string, { errors: NodeError[]; dependent_outputs: string[]; class_type: string }> = {};
  const outputs = Object.entries(prompt)
    .filter(([, node]) => NODES[node.class_type]?.output === true)
    .map(([id]) => id);
  for (const [id, node] of Object.entries(prompt)) {
    const spec = NODES[node.class_type];
    if (!spec) {
      return {
        fatal: {
          status: 400,
          json: {
            error: {
              type: 'invalid_prompt',
              message: `Cannot execute because node ${node.class_type} does not exist.`,
              details: `Node ID '#${id}'`,
              extra_info: {},
            },
            node_errors: {},
          },
        },
        errors,
      };
    }
    const found: NodeError[] = [];
    for (const [name, input] of Object.entries(spec.inputs)) {
      const value = node.inputs[name];
      const info = { input_name: name };
      if (value === undefined) {
        found.push({
          type: 'required_input_missing',
          message: 'Required input is missing',
          details: name,
          extra_info: info,
        });
      } else if (isLink(value)) {
        if (!(value[0] in prompt)) {
          found.push({
            type: 'bad_linked_input',
            message: 'Bad linked input, must be a length-2 list of [node_id, slot_index]',
            details: `${name}, ${JSON.stringify(value)}`,
            extra_info: info,
          });
        }
      } else if (input.kind === 'link') {
        found.push({
          type: 'bad_linked_input',
          message: 'Bad linked input, must be a length-2 list of [node_id, slot_index]',
          details: `${name}, ${JSON.stringify(value)}`,
          extra_info: info,
        });
      } else if (input.kind === 'int' || input.kind === 'float') {
        if (typeof value !== 'number' || (input.kind === 'int' && !Number.isInteger(value))) {
          found.push({
            type: 'invalid_input_type',
            message: `Failed to convert an input value to a ${input.kind.toUpperCase()} value`,
            details: `${name}, ${JSON.stringify(value)}`,
            extra_info: info,
          });
        } else if (value < input.min) {
          found.push({
            type: 'value_smaller_than_min',
            message: `Value ${value} smaller than min of ${input.min}`,
            details: name,
            extra_info: info,
          });
        } else if (value > input.max) {
          found.push({
            type: 'value_bigger_than_max',
            message: `Value ${value} bigger than max of ${input.max}`,
            details: name,
            extra_info: info,
          });
        }
      } else if (input.kind === 'input-file' && (typeof value !== 'string' || !inputFiles.has(value))) {
        found.push({
          type: 'value_not_in_list',
          message: 'Value not in list',
          details: `${name}: ${JSON.stringify(value)} not in ${JSON.stringify([...inputFiles])}`,
          extra_info: { ...info, received_value: value },
        });
      } else if (typeof value !== 'string') {
        found.push({
          type: 'invalid_input_type',
          message: 'Failed to convert an input value to a STRING value',
          details: `${name}, ${JSON.stringify(value)}`,
          extra_info: info,
        });
      }
    }
    if (found.length > 0) errors[id] = { errors: found, dependent_outputs: outputs, class_type: node.class_type };
  }
  if (outputs.length === 0) {
    return {
      fatal: {
        status: 400,
        json: {
          error: { type: 'prompt_no_outputs', message: 'Prompt has no outputs', details: '', extra_info: {} },
          node_errors: [],
        },
      },
      errors,
    };
  }
  return { fatal: null, errors };
}

export async function startComfyFake(options: ComfyFakeOptions): Promise<ComfyFake> {
  const steps = options.steps ?? 4;
  const stepMs = options.stepMs ?? 5;
  const outcomes: Outcome[] = [];
  const history = new Map<string, HistoryRecord>();
  const submitted = new Map<string, number>();
  const interrupts: (string | null)[] = [];
  const deletions: string[] = [];
  const prompts: PromptRecord['prompt'][] = [];
  const pending: PromptRecord[] = [];
  const files = new Set<string>();
  /** Files in the input folder, as loaders name them ("clip.mp4", "sub/clip.mp4"), with their bytes. */
  const inputs = new Map<string, Buffer>();
  const sockets = new Map<string, Set<WebSocket>>();
  let current: Execution | null = null as Execution | null;
  let counter = 0;
  let paused = false;
  let accepted = 0;

  function emit(clientId: string | null, type: string, data: Record<string, unknown>): void {
    const targets =
      clientId === null ? [...sockets.values()].flatMap((set) => [...set]) : [...(sockets.get(clientId) ?? [])];
    for (const ws of targets) ws.send(JSON.stringify({ type, data }));
  }

  function finish(record: PromptRecord, status: HistoryRecord['status'], outputs: Record<string, unknown>): void {
    history.set(record.id, { prompt: [record.number, record.id, record.prompt, {}, []], outputs, status, meta: {} });
    current = null;
    emit(record.clientId, 'executing', { node: null, prompt_id: record.id });
    setImmediate(next);
  }

  function next(): void {
    if (current || paused) return;
    const record = pending.shift();
    if (!record) return;
    const run: Execution = { record, interrupted: false, timer: undefined };
    current = run;
    const started: [string, Record<string, unknown>] = [
      'execution_start',
      { prompt_id: record.id, timestamp: Date.now() },
    ];
    emit(record.clientId, 'execution_start', started[1]);
    const sampler = Object.entries(record.prompt).find(([, node]) => node.class_type === 'KSampler')?.[0] ?? null;
    let step = 0;
    const tick = (): void => {
      if (run.interrupted) {
        finish(
          record,
          {
            status_str: 'error',
            completed: false,
            messages: [
              started,
              [
                'execution_interrupted',
                { prompt_id: record.id, node_id: sampler, node_type: 'KSampler', executed: [] },
              ],
            ],
          },
          {},
        );
        return;
      }
      if (step < steps) {
        step += 1;
        emit(record.clientId, 'progress', { value: step, max: steps, prompt_id: record.id, node: sampler });
        run.timer = setTimeout(tick, stepMs);
        return;
      }
      if (record.outcome !== 'succeed') {
        const error = {
          prompt_id: record.id,
          node_id: sampler,
          node_type: 'KSampler',
          executed: [],
          exception_message: 'Allocation on device 0 would exceed allowed memory. (out of memory)\n',
          exception_type: 'torch.OutOfMemoryError',
          traceback: [],
          current_inputs: {},
          current_outputs: {},
        };
        emit(record.clientId, 'execution_error', error);
        finish(record, { status_str: 'error', completed: false, messages: [started, ['execution_error', error]] }, {});
        return;
      }
      const saver = Object.entries(record.prompt).find(([, node]) => NODES[node.class_type]?.output === true);
      const given = saver?.[1].inputs.filename_prefix;
      const prefix = typeof given === 'string' ? given : 'ComfyUI';
      const slash = prefix.lastIndexOf('/');
      const subfolder = slash >= 0 ? prefix.slice(0, slash) : '';
      const filename = `${slash >= 0 ? prefix.slice(slash + 1) : prefix}_${String(record.number).padStart(5, '0')}_.mp4`;
      files.add(`${subfolder}/${filename}`);
      const output =
        saver?.[1].class_type === 'VHS_VideoCombine'
          ? { gifs: [{ filename, subfolder, type: 'output', format: 'video/h264-mp4' }] }
          : { images: [{ filename, subfolder, type: 'output' }], animated: [true] };
      emit(record.clientId, 'executed', { node: saver?.[0], display_node: saver?.[0], output, prompt_id: record.id });
      emit(record.clientId, 'execution_success', { prompt_id: record.id, timestamp: Date.now() });
      finish(
        record,
        {
          status_str: 'success',
          completed: true,
          messages: [started, ['execution_success', { prompt_id: record.id }]],
        },
        saver ? { [saver[0]]: output } : {},
      );
    };
    run.timer = setTimeout(tick, stepMs);
  }

  const queueEntry = (record: PromptRecord): unknown[] => [
    record.number,
    record.id,
    record.prompt,
    { client_id: record.clientId },
    [],
  ];

  const base = await startFakeServer<ComfyRoute>({
    route(method, url) {
      const path = url.pathname.replace(/^\/api(?=\/)/, '');
      if (method === 'POST' && path === '/prompt') return 'submit';
      if (method === 'GET' && /^\/history\/[^/]+$/.test(path)) return 'history';
      if (method === 'GET' && path === '/queue') return 'queue';
      if (method === 'POST' && path === '/queue') return 'queue-edit';
      if (method === 'POST' && path === '/interrupt') return 'interrupt';
      if (method === 'GET' && path === '/view') return 'download';
      if (method === 'GET' && path === '/system_stats') return 'stats';
      if (method === 'POST' && path === '/upload/image') return 'upload';
      return null;
    },
    handle(request, route) {
      const path = request.url.pathname.replace(/^\/api(?=\/)/, '');
      if (route === 'upload') return upload(request);
      if (route === 'stats') {
        return {
          status: 200,
          json: {
            system: { os: 'posix', comfyui_version: '0.3.62', python_version: '3.12.3', embedded_python: false },
            devices: [{ name: 'cuda:0 NVIDIA GeForce RTX 4090 : cudaMallocAsync', type: 'cuda', index: 0 }],
          },
        };
      }
      if (route === 'submit') {
        const body = jsonBody(request) as { prompt?: unknown; client_id?: unknown; prompt_id?: unknown } | null;
        if (!body || typeof body.prompt !== 'object' || body.prompt === null) {
          return {
            status: 400,
            json: {
              error: {
                type: 'no_prompt',
                message: 'No prompt provided',
                details: 'No prompt provided',
                extra_info: {},
              },
              node_errors: [],
            },
          };
        }
        const prompt = body.prompt as PromptRecord['prompt'];
        const { fatal, errors } = nodeErrors(prompt, new Set(inputs.keys()));
        if (fatal) return fatal;
        if (Object.keys(errors).length > 0) {
          return {
            status: 400,
            json: {
              error: {
                type: 'prompt_outputs_failed_validation',
                message: 'Prompt outputs failed validation',
                details: '',
                extra_info: {},
              },
              node_errors: errors,
            },
          };
        }
        const id = typeof body.prompt_id === 'string' ? body.prompt_id : randomUUID();
        counter += 1;
        const record: PromptRecord = {
          id,
          number: counter,
          clientId: typeof body.client_id === 'string' ? body.client_id : null,
          prompt,
          outcome: outcomes.shift() ?? 'succeed',
        };
        pending.push(record);
        prompts.push(prompt);
        submitted.set(id, (submitted.get(id) ?? 0) + 1);
        accepted += 1;
        setImmediate(next);
        return { status: 200, json: { prompt_id: id, number: record.number, node_errors: {} } };
      }
      if (route === 'history') {
        const id = decodeURIComponent(path.slice('/history/'.length));
        const entry = history.get(id);
        return { status: 200, json: entry ? { [id]: entry } : {} };
      }
      if (route === 'queue') {
        return {
          status: 200,
          json: { queue_running: current ? [queueEntry(current.record)] : [], queue_pending: pending.map(queueEntry) },
        };
      }
      if (route === 'queue-edit') {
        const body = jsonBody(request) as { delete?: unknown; clear?: unknown } | null;
        if (Array.isArray(body?.delete)) {
          for (const id of body.delete) {
            if (typeof id !== 'string') continue;
            const index = pending.findIndex((record) => record.id === id);
            if (index >= 0) {
              pending.splice(index, 1);
              deletions.push(id);
            }
          }
        }
        return { status: 200, body: '' };
      }
      if (route === 'interrupt') {
        const body = jsonBody(request) as { prompt_id?: unknown } | null;
        const id = typeof body?.prompt_id === 'string' ? body.prompt_id : null;
        interrupts.push(id);
        if (current && (id === null || id === current.record.id)) current.interrupted = true;
        return { status: 200, body: '' };
      }
      const key = `${request.url.searchParams.get('subfolder') ?? ''}/${request.url.searchParams.get('filename') ?? ''}`;
      if (request.url.searchParams.get('type') !== 'output' || !files.has(key))
        return { status: 404, body: '404: Not Found' };
      return videoResponse(options.video);
    },
    errorBody: (status) => ({
      error: {
        type: 'server_error',
        message: status === 429 ? 'Too many requests' : 'Internal server error',
        details: '',
        extra_info: {},
      },
    }),
    notFound: () => ({ status: 404, body: '404: Not Found' }),
  });

  /** ComfyUI's upload_image: multipart "image", into the input folder unless "type" says otherwise. */
  function upload(request: FakeRequest): FakeResponse {
    const type = typeof request.headers['content-type'] === 'string' ? request.headers['content-type'] : '';
    const form = type.startsWith('multipart/form-data') ? parseMultipart(request.body, type) : null;
    const image = form?.files.image;
    if (!form || !image || image.filename === '') return { status: 400, body: '' };
    const folder = form.fields.type ?? 'input';
    if (folder !== 'input') return { status: 400, body: '' };
    const subfolder = form.fields.subfolder ?? '';
    const overwrite = form.fields.overwrite === 'true' || form.fields.overwrite === '1';
    const at = (name: string): string => (subfolder === '' ? name : `${subfolder}/${name}`);
    let name = image.filename;
    for (let n = 1; !overwrite && inputs.has(at(name)); n++) name = image.filename.replace(/(\.[^.]*)?$/, ` (${n})$1`);
    inputs.set(at(name), image.bytes);
    return { status: 200, json: { name, subfolder, type: folder } };
  }

  const wss = new WebSocketServer({ noServer: true });
  base.server.on('upgrade', (request, socket, head) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== '/ws') {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      const clientId = url.searchParams.get('clientId') ?? randomUUID();
      const set = sockets.get(clientId) ?? new Set<WebSocket>();
      set.add(ws);
      sockets.set(clientId, set);
      ws.on('close', () => set.delete(ws));
      ws.send(
        JSON.stringify({
          type: 'status',
          data: { status: { exec_info: { queue_remaining: pending.length } }, sid: clientId },
        }),
      );
    });
  });

  return {
    ...base,
    outcomes,
    history,
    submitted,
    interrupts,
    deletions,
    prompts,
    inputs,
    submissions: () => accepted,
    pause(value: boolean) {
      paused = value;
      if (!value) setImmediate(next);
    },
    running: () => current?.record.id ?? null,
    close: async () => {
      if (current) clearTimeout(current.timer);
      for (const set of sockets.values()) for (const ws of set) ws.terminate();
      wss.close();
      await base.close();
    },
  };
}

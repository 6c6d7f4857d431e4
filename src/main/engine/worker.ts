/**
 * The engine's worker entry, in one of two roles (see threads.ts).
 *
 * `render`: runs pipelines, one at a time, and reports back. It stays alive between renders, so a
 * queue of clips pays for starting it (loading Skia and the engine) once. The caller can cancel
 * through a shared flag (seen between frames) or a message. It keeps a `mix` worker of its own,
 * started with it, to make each soundtrack while the frames are drawn. Both load their code as
 * they start, not on their first request.
 *
 * `mix`: makes soundtracks on request (sound/mixer.ts).
 */
import { parentPort, workerData, type MessagePort, type Worker } from 'node:worker_threads';
import { StudioError } from '../../shared/errors';
import type { EngineInput } from './input';
import type { PipelineOptions, RenderProgress, RenderResult } from './pipeline';
import { abandonStart, startRender } from './renderStart';
import { mixTransfer, type MixReply, type MixRequest, type MixSummary } from './sound/mixerReply';
import { shapeOf, SpareEncoders } from './spareEncoders';
import { spawnEngineWorker, type EngineWorkerData } from './threads';

export interface WorkerStart {
  input: EngineInput;
  options: PipelineOptions;
  /** Int32Array over a SharedArrayBuffer; index 0 becomes 1 on cancel. */
  cancel: SharedArrayBuffer;
}

/**
 * What the caller sends: a render to start, a cancel of the one running, or (when it mixes) a
 * soundtrack the render asked it for.
 */
export type WorkerRequest =
  | { type: 'render'; start: WorkerStart }
  | { type: 'cancel' }
  | { type: 'mixed'; reply: MixReply }
  /** Before the worker is stopped: its spare encoders stop, and it answers `stopped`. */
  | { type: 'stop' };

export type WorkerMessage =
  | { type: 'progress'; progress: RenderProgress }
  | { type: 'encoder'; pid: number }
  | { type: 'mix'; id: number; request: MixRequest }
  | { type: 'done'; result: RenderResult }
  | { type: 'failed'; code: string; message: string }
  | { type: 'stopped' };

function serveMixing(port: MessagePort): void {
  const mixer = import('./sound/mixer');
  mixer.catch(() => undefined);
  port.on('message', (m: { id: number; request: MixRequest }) => {
    void mixer
      .then(({ mixReply }) => mixReply(m.id, m.request))
      .then(
        (reply) => port.postMessage(reply, mixTransfer(reply)),
        (error: unknown) =>
          port.postMessage({
            id: m.id,
            ok: false,
            message: error instanceof Error ? error.message : String(error),
          } satisfies MixReply),
      );
  });
}

/** Replies to mix requests, by id, as they come back. */
class MixRequests {
  private next = 0;
  private readonly waiting = new Map<number, { resolve: (s: MixSummary) => void; reject: (e: Error) => void }>();

  ask(send: (id: number) => void): Promise<MixSummary> {
    const id = this.next++;
    return new Promise<MixSummary>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      send(id);
    });
  }

  settle(reply: MixReply): void {
    const w = this.waiting.get(reply.id);
    this.waiting.delete(reply.id);
    if (!w) return;
    if (reply.ok) w.resolve(reply.summary);
    else w.reject(new StudioError('internal', `Mixing the soundtrack failed: ${reply.message}`));
  }

  failAll(message: string): void {
    for (const w of this.waiting.values()) w.reject(new StudioError('internal', message));
    this.waiting.clear();
  }
}

/**
 * A mix worker beside this render worker, started with it (so it has loaded the sound code by the
 * time a render asks for a mix) and kept; started again if it stops.
 */
function mixerFor(data: EngineWorkerData): (request: MixRequest) => Promise<MixSummary> {
  let worker: Worker | null = null;
  const requests = new MixRequests();
  const failAll = (message: string): void => {
    requests.failAll(message);
    worker = null;
  };
  const start = (): Worker => {
    const started = spawnEngineWorker(data.entry, 'mix');
    started.unref();
    started.on('message', (reply: MixReply) => requests.settle(reply));
    started.on('error', (error) => failAll(`The sound worker failed: ${error.message}`));
    started.on('exit', () => failAll('The sound worker stopped unexpectedly.'));
    return started;
  };
  worker = start();
  return (request) => {
    worker ??= start();
    const running = worker;
    return requests.ask((id) => running.postMessage({ id, request }));
  };
}

function serveRendering(port: MessagePort, data: EngineWorkerData): void {
  let canceled = false;
  // Loaded now rather than on the first render: a worker started ahead of time is ready at once.
  const pipeline = import('./pipeline');
  pipeline.catch(() => undefined);
  const post = (m: WorkerMessage): void => port.postMessage(m);
  // Mixed by the caller when it said it would, else by a mix worker of this worker's own.
  const asked = new MixRequests();
  const spares = data.spares ? new SpareEncoders() : null;
  for (const shape of data.spares ?? []) spares?.prepare(shape);
  const mix = data.mixOnCaller
    ? (request: MixRequest) => asked.ask((id) => post({ type: 'mix', id, request }))
    : mixerFor(data);
  port.on('message', (m: WorkerRequest) => {
    if (m.type === 'mixed') {
      asked.settle(m.reply);
      return;
    }
    if (m.type === 'stop') {
      void (spares?.stop() ?? Promise.resolve()).finally(() => post({ type: 'stopped' }));
      return;
    }
    if (m.type === 'cancel') {
      canceled = true;
      return;
    }
    canceled = false;
    const flag = new Int32Array(m.start.cancel);
    const { input, options } = m.start;
    // ffmpeg starts now, loading its libraries while the pipeline (and Skia) may still be loading.
    const started = startRender(input, options, (pid) => post({ type: 'encoder', pid }), spares);
    started.catch(() => undefined);
    void pipeline
      .then(
        ({ runPipeline }) =>
          runPipeline(input, options, {
            aborted: () => canceled || Atomics.load(flag, 0) !== 0,
            progress: (progress) => post({ type: 'progress', progress }),
            mix,
            started,
          }),
        // The caller removes the temporaries of a render that fails (renderClip).
        async (error: unknown) => {
          await abandonStart(started);
          throw error;
        },
      )
      .then(
        (result) => post({ type: 'done', result }),
        (error: unknown) => {
          const code = error instanceof StudioError ? error.code : 'internal';
          post({ type: 'failed', code, message: error instanceof Error ? error.message : String(error) });
        },
      )
      // The next render is likely the same shape (a draft again, or the full render of it): its
      // picture encoder loads now, while this thread waits.
      .finally(() => spares?.prepare(shapeOf(options)));
  });
}

const port = parentPort;
const data = workerData as EngineWorkerData | null;
if (port && data) {
  if (data.role === 'mix') serveMixing(port);
  else serveRendering(port, data);
}

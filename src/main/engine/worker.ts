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
import type { MixRequest, MixSummary } from './sound/mixer';
import { spawnEngineWorker, type EngineWorkerData } from './threads';

export interface WorkerStart {
  input: EngineInput;
  options: PipelineOptions;
  /** Int32Array over a SharedArrayBuffer; index 0 becomes 1 on cancel. */
  cancel: SharedArrayBuffer;
}

/** What the caller sends: a render to start, or a cancel of the one running. */
export type WorkerRequest = { type: 'render'; start: WorkerStart } | { type: 'cancel' };

export type WorkerMessage =
  | { type: 'progress'; progress: RenderProgress }
  | { type: 'encoder'; pid: number }
  | { type: 'done'; result: RenderResult }
  | { type: 'failed'; code: string; message: string };

type MixReply = { id: number; ok: true; summary: MixSummary } | { id: number; ok: false; message: string };

function serveMixing(port: MessagePort): void {
  const mixer = import('./sound/mixer');
  mixer.catch(() => undefined);
  port.on('message', (m: { id: number; request: MixRequest }) => {
    void mixer
      .then(({ mixWav }) => mixWav(m.request))
      .then(
        // The WAV's bytes, if any, move to the render worker rather than being copied.
        (summary) =>
          port.postMessage({ id: m.id, ok: true, summary } satisfies MixReply, summary.wav ? [summary.wav.buffer] : []),
        (error: unknown) =>
          port.postMessage({
            id: m.id,
            ok: false,
            message: error instanceof Error ? error.message : String(error),
          } satisfies MixReply),
      );
  });
}

/**
 * A mix worker beside this render worker, started with it (so it has loaded the sound code by the
 * time a render asks for a mix) and kept; started again if it stops.
 */
function mixerFor(data: EngineWorkerData): (request: MixRequest) => Promise<MixSummary> {
  let worker: Worker | null = null;
  let next = 0;
  const waiting = new Map<number, { resolve: (s: MixSummary) => void; reject: (e: Error) => void }>();
  const failAll = (message: string): void => {
    for (const w of waiting.values()) w.reject(new StudioError('internal', message));
    waiting.clear();
    worker = null;
  };
  const start = (): Worker => {
    const started = spawnEngineWorker(data.entry, 'mix');
    started.unref();
    started.on('message', (reply: MixReply) => {
      const w = waiting.get(reply.id);
      waiting.delete(reply.id);
      if (!w) return;
      if (reply.ok) w.resolve(reply.summary);
      else w.reject(new StudioError('internal', `Mixing the soundtrack failed: ${reply.message}`));
    });
    started.on('error', (error) => failAll(`The sound worker failed: ${error.message}`));
    started.on('exit', () => failAll('The sound worker stopped unexpectedly.'));
    return started;
  };
  worker = start();
  return (request) => {
    worker ??= start();
    const id = next++;
    const running = worker;
    return new Promise<MixSummary>((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      running.postMessage({ id, request });
    });
  };
}

function serveRendering(port: MessagePort, data: EngineWorkerData): void {
  let canceled = false;
  // Loaded now rather than on the first render: a worker started ahead of time is ready at once.
  const pipeline = import('./pipeline');
  pipeline.catch(() => undefined);
  const mix = mixerFor(data);
  const post = (m: WorkerMessage): void => port.postMessage(m);
  port.on('message', (m: WorkerRequest) => {
    if (m.type === 'cancel') {
      canceled = true;
      return;
    }
    canceled = false;
    const flag = new Int32Array(m.start.cancel);
    void pipeline
      .then(({ runPipeline }) =>
        runPipeline(m.start.input, m.start.options, {
          aborted: () => canceled || Atomics.load(flag, 0) !== 0,
          progress: (progress) => post({ type: 'progress', progress }),
          encoderStarted: (pid) => post({ type: 'encoder', pid }),
          mix,
        }),
      )
      .then(
        (result) => post({ type: 'done', result }),
        (error: unknown) => {
          const code = error instanceof StudioError ? error.code : 'internal';
          post({ type: 'failed', code, message: error instanceof Error ? error.message : String(error) });
        },
      );
  });
}

const port = parentPort;
const data = workerData as EngineWorkerData | null;
if (port && data) {
  if (data.role === 'mix') serveMixing(port);
  else serveRendering(port, data);
}

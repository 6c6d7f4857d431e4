/**
 * The render worker: runs pipelines off the caller's thread, one at a time, and reports back. It
 * stays alive between renders, so a queue of clips pays for starting it (loading Skia and the
 * engine) once. The caller can cancel through a shared flag (seen between frames) or a message.
 */
import { parentPort } from 'node:worker_threads';
import { StudioError } from '../../shared/errors';
import type { EngineInput } from './input';
import { runPipeline, type PipelineOptions, type RenderProgress, type RenderResult } from './pipeline';

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

const port = parentPort;
if (port) {
  let canceled = false;
  const post = (m: WorkerMessage): void => port.postMessage(m);
  port.on('message', (m: WorkerRequest) => {
    if (m.type === 'cancel') {
      canceled = true;
      return;
    }
    canceled = false;
    const flag = new Int32Array(m.start.cancel);
    runPipeline(m.start.input, m.start.options, {
      aborted: () => canceled || Atomics.load(flag, 0) !== 0,
      progress: (progress) => post({ type: 'progress', progress }),
      encoderStarted: (pid) => post({ type: 'encoder', pid }),
    }).then(
      (result) => post({ type: 'done', result }),
      (error: unknown) => {
        const code = error instanceof StudioError ? error.code : 'internal';
        post({ type: 'failed', code, message: error instanceof Error ? error.message : String(error) });
      },
    );
  });
}

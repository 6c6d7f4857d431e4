/**
 * The render worker: runs the pipeline off the caller's thread and reports back. The caller can
 * cancel through a shared flag (seen between frames) or a message.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { StudioError } from '../../shared/errors';
import type { EngineInput } from './input';
import { runPipeline, type PipelineOptions, type RenderProgress, type RenderResult } from './pipeline';

export interface WorkerStart {
  input: EngineInput;
  options: PipelineOptions;
  /** Int32Array over a SharedArrayBuffer; index 0 becomes 1 on cancel. */
  cancel: SharedArrayBuffer;
}

export type WorkerMessage =
  | { type: 'progress'; progress: RenderProgress }
  | { type: 'encoder'; pid: number }
  | { type: 'done'; result: RenderResult }
  | { type: 'failed'; code: string; message: string };

const port = parentPort;
const start = (workerData as { start?: WorkerStart } | null)?.start;
if (port && start) {
  const flag = new Int32Array(start.cancel);
  let canceled = false;
  port.on('message', (m: unknown) => {
    if ((m as { type?: string } | null)?.type === 'cancel') canceled = true;
  });
  const post = (m: WorkerMessage): void => port.postMessage(m);
  runPipeline(start.input, start.options, {
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
}

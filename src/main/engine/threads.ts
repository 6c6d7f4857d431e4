/**
 * How the engine's threads are started. One entry module serves two roles: `render` runs whole
 * pipelines (started by render.ts), `mix` makes soundtracks beside a render (started by a render
 * worker, so the mix runs on another core while frames are drawn). The caller works out where the
 * entry is once (TypeScript through tsx in a checkout, engine-worker.js in a build) and the render
 * worker is handed the same entry for its mixer. A caller that only waits for the render (the
 * command line) mixes instead, one thread start fewer.
 */
import { Worker } from 'node:worker_threads';
import type { PictureShape } from './spareEncoders';

export type EngineRole = 'render' | 'mix';

/** Either JavaScript to evaluate (a boot script) or the URL of a module file. */
export interface WorkerEntry {
  code: string;
  eval: boolean;
}

export interface EngineWorkerData {
  role: EngineRole;
  entry: WorkerEntry;
  /**
   * A render worker's soundtracks are mixed by the thread that started it instead of a mix worker
   * of its own: for a caller with nothing else to do meanwhile (`shotline render`).
   */
  mixOnCaller?: boolean;
  /**
   * A render worker that is kept warm starts its encoders ahead (spareEncoders.ts): these
   * shapes at once, and each render's shape after it.
   */
  spares?: PictureShape[];
}

export function spawnEngineWorker(
  entry: WorkerEntry,
  role: EngineRole,
  o: { mixOnCaller?: boolean; spares?: PictureShape[] } = {},
): Worker {
  const workerData: EngineWorkerData = {
    role,
    entry,
    ...(o.mixOnCaller === true ? { mixOnCaller: true } : {}),
    ...(o.spares ? { spares: o.spares } : {}),
  };
  return entry.eval
    ? new Worker(entry.code, { eval: true, workerData })
    : new Worker(new URL(entry.code), { workerData });
}

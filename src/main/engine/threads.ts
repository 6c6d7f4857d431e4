/**
 * How the engine's threads are started. One entry module serves two roles: `render` runs whole
 * pipelines (started by render.ts), `mix` makes soundtracks beside a render (started by a render
 * worker, so the mix runs on another core while frames are drawn). The caller works out where the
 * entry is once (TypeScript through tsx in a checkout, engine-worker.js in a build) and the render
 * worker is handed the same entry for its mixer.
 */
import { Worker } from 'node:worker_threads';

export type EngineRole = 'render' | 'mix';

/** Either JavaScript to evaluate (a boot script) or the URL of a module file. */
export interface WorkerEntry {
  code: string;
  eval: boolean;
}

export interface EngineWorkerData {
  role: EngineRole;
  entry: WorkerEntry;
}

export function spawnEngineWorker(entry: WorkerEntry, role: EngineRole): Worker {
  const workerData: EngineWorkerData = { role, entry };
  return entry.eval
    ? new Worker(entry.code, { eval: true, workerData })
    : new Worker(new URL(entry.code), { workerData });
}

/**
 * The calling side of live previews: a warm preview worker of its own (so a preview never waits
 * behind a render), one preview at a time, and a new preview cancels the one before it. The
 * calling thread never loads Skia (see render.ts).
 */
import { Worker } from 'node:worker_threads';
import { isErrorCode, StudioError } from '../../../shared/errors';
import { tsxApiUrl } from '../render';
import type { PreviewInfo, PreviewRequest } from './run';
import type { PreviewWorkerMessage, PreviewWorkerRequest } from './worker';

export type { PreviewInfo, PreviewRequest } from './run';

export interface PreviewListeners {
  signal?: AbortSignal;
  onStarted?: (info: PreviewInfo) => void;
  onFrame?: (index: number, jpeg: Uint8Array) => void;
  onSound?: (wav: Uint8Array) => void;
}

export interface PreviewOutcome {
  info: PreviewInfo;
}

/** How long a preview worker waits for the next preview before it is stopped. */
const idleLifetimeMs = 120_000;

function startWorker(): Worker {
  process.env.MIMALLOC_PURGE_DELAY ??= '1000';
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    const entry = new URL('./worker.ts', here).href;
    const boot = `import(${JSON.stringify(tsxApiUrl())}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
    return new Worker(boot, { eval: true });
  }
  return new Worker(new URL('./preview-worker.js', here));
}

interface Running {
  id: number;
  flag: Int32Array;
  listeners: PreviewListeners;
  resolve: (outcome: PreviewOutcome) => void;
  reject: (error: Error) => void;
}

export class EnginePreviewer {
  private worker: Worker | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  private nextId = 1;
  private readonly running = new Map<number, Running>();

  /**
   * Resolves when every frame and the sound have been handed to the listeners; rejects with a
   * StudioError ('canceled' when a newer preview or the signal stopped it).
   */
  preview(request: PreviewRequest, listeners: PreviewListeners = {}): Promise<PreviewOutcome> {
    if (listeners.signal?.aborted) return Promise.reject(new StudioError('canceled', 'The preview was canceled.'));
    for (const r of this.running.values()) this.cancel(r);
    const worker = this.takeWorker();
    const id = this.nextId++;
    const cancelBuffer = new SharedArrayBuffer(4);
    return new Promise<PreviewOutcome>((resolve, reject) => {
      const running: Running = { id, flag: new Int32Array(cancelBuffer), listeners, resolve, reject };
      this.running.set(id, running);
      listeners.signal?.addEventListener('abort', () => this.cancel(running), { once: true });
      const message: PreviewWorkerRequest = { type: 'start', id, request, cancel: cancelBuffer };
      worker.postMessage(message);
    });
  }

  /** Starts the worker now, so the first preview does not wait for it to load; it idles out as usual. */
  warm(): void {
    if (this.worker) return;
    this.takeWorker();
    this.settleIdle();
  }

  /** Stops the worker; a preview still running fails. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.failAll('The preview stopped because the studio is closing.');
    await worker?.terminate();
  }

  private cancel(r: Running): void {
    Atomics.store(r.flag, 0, 1);
    const message: PreviewWorkerRequest = { type: 'cancel', id: r.id };
    this.worker?.postMessage(message);
  }

  private takeWorker(): Worker {
    if (this.idleTimer) {
      clearTimeout(this.idleTimer);
      this.idleTimer = null;
    }
    if (this.worker) {
      this.worker.ref();
      return this.worker;
    }
    const worker = startWorker();
    worker.on('message', (m: PreviewWorkerMessage) => this.receive(m));
    worker.on('error', (error) => this.lost(worker, `The preview worker failed: ${error.message}`));
    worker.on('exit', (code) => this.lost(worker, `The preview worker stopped unexpectedly (exit code ${code}).`));
    this.worker = worker;
    return worker;
  }

  private receive(m: PreviewWorkerMessage): void {
    const r = this.running.get(m.id);
    if (!r) return;
    switch (m.type) {
      case 'started':
        r.listeners.onStarted?.(m.info);
        break;
      case 'frame':
        if (Atomics.load(r.flag, 0) === 0) r.listeners.onFrame?.(m.index, m.jpeg);
        break;
      case 'sound':
        if (Atomics.load(r.flag, 0) === 0) r.listeners.onSound?.(m.wav);
        break;
      case 'done':
        this.settle(r);
        r.resolve({ info: m.info });
        break;
      case 'failed': {
        this.settle(r);
        r.reject(new StudioError(isErrorCode(m.code) ? m.code : 'internal', m.message));
        break;
      }
    }
  }

  private settle(r: Running): void {
    this.running.delete(r.id);
    this.settleIdle();
  }

  private settleIdle(): void {
    if (this.running.size > 0 || !this.worker) return;
    const worker = this.worker;
    worker.unref();
    this.idleTimer = setTimeout(() => {
      if (this.worker === worker && this.running.size === 0) {
        this.worker = null;
        void worker.terminate();
      }
    }, idleLifetimeMs);
    this.idleTimer.unref();
  }

  private lost(worker: Worker, message: string): void {
    if (this.worker !== worker) return;
    this.worker = null;
    this.failAll(message);
  }

  private failAll(message: string): void {
    for (const r of this.running.values()) r.reject(new StudioError('internal', message));
    this.running.clear();
  }
}

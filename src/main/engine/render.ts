/**
 * renderClip: the built-in engine's public entry. It renders in a worker thread so the caller's
 * event loop stays free, reports progress, and honours an AbortSignal: on abort it stops the worker
 * and ffmpeg and deletes every temporary file, leaving nothing behind.
 */
import { randomBytes } from 'node:crypto';
import { basename, dirname, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Worker } from 'node:worker_threads';
import { isErrorCode, StudioError } from '../../shared/errors';
import type { EngineInput } from './input';
import type { PipelineOptions, RenderProgress, RenderResult } from './pipeline';
import { releaseWaitingWriters } from '../media/namedPipe';
import { framesPipe, removeTemps, removeTempsNow, scratchDir } from './scratch';
import { mixTransfer } from './sound/mixerReply';
import type { PictureShape } from './spareEncoders';
import { removeOwnFoldersNow } from './processFolders';
import { spawnEngineWorker, type WorkerEntry } from './threads';
import type { WorkerMessage, WorkerRequest } from './worker';

export type { RenderProgress, RenderResult, RenderStats, SpriteSheet } from './pipeline';
export type { RenderReport } from './report';
export type { WaveformPeaks } from './sound/mix';

export interface RenderOptions {
  outPath: string;
  /** Default 1280 × 720 at 24 fps. */
  width?: number;
  height?: number;
  fps?: number;
  /** Same prompt, seed, size and fps give identical frames and samples. Default 1. */
  seed?: number;
  signal?: AbortSignal;
  onProgress?: (progress: RenderProgress) => void;
  /** Default: beside the clip, "<name>.poster.jpg" and "<name>.sprite.jpg". */
  posterPath?: string;
  spritePath?: string;
  /** A quick look: 640 × 360 unless a size is given, the encoders' fastest settings, no film grain. */
  draft?: boolean;
  /** Render on the calling thread instead of a worker (for debugging). */
  inline?: boolean;
  /**
   * Mix the soundtrack on the calling thread while the worker draws, instead of in a mix worker:
   * one thread fewer to start, for a caller that only waits for the render (`shotline render`).
   * It holds the calling thread for the mix (a few tenths of a second), so not for an app.
   */
  mixHere?: boolean;
  /** Where the render's scratch directory (soundtrack, speech) is made. Default: beside outPath. */
  tempDir?: string;
}

export const defaultWidth = 1280;
export const defaultHeight = 720;
export const defaultFps = 24;
export const draftWidth = 640;
export const draftHeight = 360;

function pipelineOptions(o: RenderOptions): PipelineOptions {
  const dir = dirname(o.outPath);
  const stem = basename(o.outPath, extname(o.outPath));
  const tag = randomBytes(6).toString('hex');
  const posterPath = o.posterPath ?? join(dir, `${stem}.poster.jpg`);
  const spritePath = o.spritePath ?? join(dir, `${stem}.sprite.jpg`);
  return {
    outPath: o.outPath,
    posterPath,
    spritePath,
    width: o.width ?? (o.draft === true ? draftWidth : defaultWidth),
    height: o.height ?? (o.draft === true ? draftHeight : defaultHeight),
    fps: o.fps ?? defaultFps,
    seed: o.seed ?? 1,
    draft: o.draft === true,
    temp: {
      dir: scratchDir(o.outPath, tag, o.tempDir),
      video: join(dir, `.${stem}.${tag}.part.mp4`),
      poster: join(dirname(posterPath), `.${stem}.${tag}.poster.part.jpg`),
      sprite: join(dirname(spritePath), `.${stem}.${tag}.sprite.part.jpg`),
    },
  };
}

/** The URL of tsx's ESM loader API, read from its package's export map. */
export function tsxApiUrl(): string {
  const require = createRequire(import.meta.url);
  const pkgPath = require.resolve('tsx/package.json');
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as {
    exports: Record<string, { import?: { default?: string } } | string>;
  };
  const api = pkg.exports['./esm/api'];
  const target = typeof api === 'object' ? api.import?.default : undefined;
  if (target === undefined)
    throw new StudioError('internal', 'tsx does not export its ESM API; reinstall dependencies.');
  return pathToFileURL(join(dirname(pkgPath), target)).href;
}

/**
 * Starts a render worker. From a source checkout the worker is TypeScript, so a tiny boot script
 * registers tsx in the worker first; a built app ships compiled engine-worker.js beside this
 * module.
 */
function startWorker(mixHere: boolean): Worker {
  tuneCanvasAllocator();
  const spares = warmSpares !== null && !holdsSpares(spareHolder) ? warmSpares : null;
  const worker = spawnEngineWorker(workerEntry(), 'render', {
    mixOnCaller: mixHere,
    ...(spares ? { spares } : {}),
  });
  if (spares) spareHolder = worker;
  mixesHere.set(worker, mixHere);
  return worker;
}

/**
 * The worker that keeps spare encoders: one at a time, so one started for a render beside the
 * warm one's starts none, and it is the one kept warm.
 */
let spareHolder: Worker | null = null;

/** Whether `worker` is the one keeping spare encoders, still running (an exited worker's id is -1). */
function holdsSpares(worker: Worker | null): boolean {
  return worker !== null && worker === spareHolder && worker.threadId !== -1;
}

/** Which workers leave their mixing to this thread. */
const mixesHere = new WeakMap<Worker, boolean>();

/** Where the engine's worker entry is, worked out from this module's own location. */
function workerEntry(): WorkerEntry {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    const entry = new URL('./worker.ts', here).href;
    const boot = `import(${JSON.stringify(tsxApiUrl())}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
    return { code: boot, eval: true };
  }
  return { code: new URL('./engine-worker.js', here).href, eval: false };
}

/**
 * Skia's allocator (mimalloc, inside @napi-rs/canvas) hands freed memory back to the system after
 * 10 ms, so each frame's 3.7 MB of pixels lands on fresh pages, and first-touch page faults then
 * cost more than drawing the frame (about 8 ms a frame at 1280 × 720 on a small VM). Holding freed
 * memory for a second lets the next frame reuse it. mimalloc reads the setting when the addon
 * loads, which is in the worker: this module does not load Skia itself.
 */
function tuneCanvasAllocator(): void {
  process.env.MIMALLOC_PURGE_DELAY ??= '1000';
}

/** How long a finished worker waits for the next render before it is stopped; null: for ever. */
let idleLifetimeMs: number | null = 60_000;

/**
 * Encoders a worker kept warm starts ahead (spareEncoders.ts), or null: one that stops
 * when idle would leave them waiting.
 */
let warmSpares: PictureShape[] | null = null;

/**
 * Keeps the warm worker for as long as the process runs (a warm engine, `shotline engine`). It
 * keeps encoders started ahead for the shapes it renders, these first.
 */
export function keepRenderWorkerWarm(spares: PictureShape[] = []): void {
  idleLifetimeMs = null;
  warmSpares = spares;
}

/**
 * One warm worker is kept between renders. It does not keep the process alive, and it is
 * stopped after a minute without work.
 */
let idle: { worker: Worker; timer: NodeJS.Timeout | undefined } | null = null;

function takeWorker(mixHere: boolean): Worker {
  if (idle && mixesHere.get(idle.worker) === mixHere) {
    const { worker, timer } = idle;
    idle = null;
    clearTimeout(timer);
    worker.ref();
    return worker;
  }
  return startWorker(mixHere);
}

function keepWorker(worker: Worker): void {
  if (idle && holdsSpares(worker) && !holdsSpares(idle.worker)) {
    // The one keeping spare encoders is kept, instead of one started beside it.
    const other = idle.worker;
    clearTimeout(idle.timer);
    idle = null;
    void other.terminate();
  }
  if (idle) {
    // Not the one keeping spare encoders: that one was kept just above.
    void worker.terminate();
    return;
  }
  worker.removeAllListeners('message');
  worker.removeAllListeners('error');
  worker.removeAllListeners('exit');
  const timer =
    idleLifetimeMs === null
      ? undefined
      : setTimeout(() => {
          if (idle?.worker === worker) idle = null;
          void worker.terminate();
        }, idleLifetimeMs).unref();
  // A worker that dies while idle is simply forgotten.
  worker.once('exit', () => {
    if (idle?.worker === worker) {
      clearTimeout(idle.timer);
      idle = null;
    }
  });
  worker.unref();
  idle = { worker, timer };
}

/**
 * Starts the render worker ahead of a render, so that it loads Skia and the engine while the
 * caller is still reading and checking the prompt: `shotline render` starts it before anything
 * else. The worker waits as the warm one; a render started within its idle lifetime takes it.
 */
export function prewarmRenderWorker(o: { mixHere?: boolean } = {}): void {
  const mixHere = o.mixHere === true;
  if (mixHere) loadMixer().catch(() => undefined);
  if (!idle) keepWorker(startWorker(mixHere));
}

/** The mixer, for mixing on this thread; loaded once, ahead when a worker is started for it. */
let mixer: Promise<typeof import('./sound/mixer')> | null = null;
const loadMixer = (): Promise<typeof import('./sound/mixer')> => (mixer ??= import('./sound/mixer'));

/** Stops the warm worker, if any (for tests and shutdown). */
export async function stopRenderWorker(): Promise<void> {
  const kept = idle;
  idle = null;
  if (kept) {
    clearTimeout(kept.timer);
    await stopSpares(kept.worker);
    await kept.worker.terminate();
  }
}

/**
 * Has a worker stop its spare encoders and remove their pipes, which terminating it would not
 * wait for (the system kills their ffmpeg when the thread ends); gives up after two seconds.
 */
async function stopSpares(worker: Worker): Promise<void> {
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, 2000);
    const done = (): void => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('exit', done);
      resolve();
    };
    const onMessage = (m: WorkerMessage): void => {
      if (m.type === 'stopped') done();
    };
    worker.on('message', onMessage);
    worker.once('exit', done);
    worker.postMessage({ type: 'stop' } satisfies WorkerRequest);
  });
}

/**
 * The names of the files a render of `outPath` writes beside it (poster, sprite sheet, and its
 * temporaries while it runs), for a caller that checks they fit before rendering.
 */
export function namesBesideClip(outPath: string): string[] {
  const o = pipelineOptions({ outPath });
  return [o.posterPath, o.spritePath, o.temp.dir, o.temp.video, o.temp.poster, o.temp.sprite].map((path) =>
    basename(path),
  );
}

/** Kills a render's ffmpeg outright, if it is still there. */
function killEncoder(pid: number): void {
  if (pid <= 0) return;
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

/** Renders under way on the engine's worker: their picture's ffmpeg, once started, and temporaries. */
const underWay = new Set<{ encoderPid: number; o: PipelineOptions }>();

/**
 * Stops every render under way at once, without waiting: kills each picture's ffmpeg and deletes
 * the render's temporary files. For a process about to exit (a second Ctrl+C): an ffmpeg left
 * waiting for its frames' pipe would wait for ever. The other ffmpeg runs read their input from
 * this process or from files, and end with it.
 */
export function stopRendersNow(): void {
  for (const r of underWay) {
    killEncoder(r.encoderPid);
    // A killed ffmpeg never opens its frames' pipe, and the thread waiting to open it for writing
    // would hold up the process's exit.
    releaseWaitingWriters(framesPipe(r.o));
    removeTempsNow(r.o);
  }
  underWay.clear();
  // Spare encoders' ffmpeg end with the process (setpriv's death signal); their folders, and the
  // engine's warm-up folder, go now.
  removeOwnFoldersNow();
}

export async function renderClip(input: EngineInput, options: RenderOptions): Promise<RenderResult> {
  const o = pipelineOptions(options);
  if (options.signal?.aborted) throw new StudioError('canceled', 'The render was canceled.');
  if (options.inline) {
    const signal = options.signal;
    // Loaded here, not at the top: the calling thread must not load Skia (see tuneCanvasAllocator).
    const { runPipeline } = await import('./pipeline');
    return runPipeline(input, o, {
      aborted: () => signal?.aborted === true,
      progress: (p) => options.onProgress?.(p),
    });
  }
  const cancel = new SharedArrayBuffer(4);
  const flag = new Int32Array(cancel);
  const mixHere = options.mixHere === true;
  const worker = takeWorker(mixHere);
  const send = (m: WorkerRequest, transfer: ArrayBuffer[] = []): void => worker.postMessage(m, transfer);
  const running = { encoderPid: 0, o };
  underWay.add(running);
  // Whether the worker ended its render by reporting back, and so can take the next one.
  const state = { settled: false };
  const onAbort = (): void => {
    Atomics.store(flag, 0, 1);
    send({ type: 'cancel' });
  };
  options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    return await new Promise<RenderResult>((resolve, reject) => {
      worker.on('message', (m: WorkerMessage) => {
        switch (m.type) {
          case 'progress':
            options.onProgress?.(m.progress);
            break;
          case 'encoder':
            running.encoderPid = m.pid;
            break;
          case 'mix':
            void loadMixer()
              .then(({ mixReply }) => mixReply(m.id, m.request))
              .then(
                (reply) => send({ type: 'mixed', reply }, mixTransfer(reply)),
                (error: unknown) =>
                  send({
                    type: 'mixed',
                    reply: { id: m.id, ok: false, message: error instanceof Error ? error.message : String(error) },
                  }),
              );
            break;
          case 'done':
            state.settled = true;
            resolve(m.result);
            break;
          case 'failed': {
            state.settled = true;
            reject(new StudioError(isErrorCode(m.code) ? m.code : 'internal', m.message));
            break;
          }
        }
      });
      send({ type: 'render', start: { input, options: o, cancel } });
      worker.on('error', (error) => reject(error));
      worker.on('exit', (code) =>
        reject(new StudioError('internal', `The render worker stopped unexpectedly (exit code ${code}).`)),
      );
    });
  } catch (error) {
    // If the worker died rather than failing cleanly, its ffmpeg and temp files may remain.
    killEncoder(running.encoderPid);
    await removeTemps(o);
    throw error;
  } finally {
    underWay.delete(running);
    options.signal?.removeEventListener('abort', onAbort);
    if (state.settled) keepWorker(worker);
    else await worker.terminate();
  }
}

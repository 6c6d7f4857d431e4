/**
 * Picture encoders started ahead of the renders that will use them, for a warm engine.
 *
 * ffmpeg takes a tenth of a second of CPU to load its libraries, and a quick look waited two
 * tenths for it before its first frames could go out: a fifth of a draft's time. A spare is the
 * picture's ffmpeg for one shape (size, rate, draft or not), started while the engine has nothing
 * else to do, loaded and reading its frame pipe; a render of that shape takes it and writes frames
 * at once. After each render the engine starts a spare of that render's shape, for the next one,
 * and keeps the latest few shapes.
 *
 * A spare must not outlive the engine. Once both ends of its pipe are open, the pipe's folder is
 * removed (nothing is left on disk) and an engine that dies closes the writing end: ffmpeg reads the end of
 * its input and exits. Before that, an ffmpeg opening a pipe nobody will write to would wait for
 * ever, so spares are started through util-linux's `setpriv --pdeathsig KILL`, which has the
 * system kill ffmpeg when the thread that started it ends; where there is no setpriv (macOS),
 * there are no spares.
 */
import { lstat, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeFifo } from '../media/namedPipe';
import { commandPath } from '../media/tools';
import { encoderArgs, streamedPicture } from './encode';
import { FramePipe } from './framePipe';
import { yuv420Packer } from './yuv420';

/** What a picture encoder is started for. */
export interface PictureShape {
  width: number;
  height: number;
  fps: number;
  draft: boolean;
}

/**
 * Shapes a warm engine keeps a spare of: a full render and a draft of it, alternated, both find
 * one, with one more for the engine's own warm-up or a second size. An idle spare holds about
 * 20 MB.
 */
const maxSpares = 3;

let found: string[] | null | undefined;

/** How a spare is started: with its parent thread's death signal set, or null where that cannot be done. */
function launcher(): string[] | null {
  if (found === undefined) {
    const setpriv = process.platform === 'linux' ? commandPath('setpriv') : null;
    found = setpriv ? [setpriv, '--pdeathsig', 'KILL', '--'] : null;
  }
  return found;
}

const keyOf = (s: PictureShape): string => `${s.width}x${s.height}@${s.fps}${s.draft ? ' draft' : ''}`;

export class SparePictures {
  /** Newest last. */
  private readonly spares = new Map<string, Promise<FramePipe | null>>();
  /** Spares whose ffmpeg is loading, killed at once by `stop`. */
  private readonly loading = new Set<FramePipe>();
  private stopped = false;
  private swept: Promise<void> | null = null;

  /**
   * The spare of this shape, once it has opened its pipe, or null if there is none or it died.
   * The caller owns it from here (it kills it on a failure).
   */
  async take(shape: PictureShape): Promise<FramePipe | null> {
    const key = keyOf(shape);
    const spare = this.spares.get(key);
    if (!spare) return null;
    this.spares.delete(key);
    const pipe = await spare;
    if (pipe?.ready()) return pipe;
    await discard(pipe);
    return null;
  }

  /** Starts a spare of this shape, unless one is kept; the oldest beyond the few kept is stopped. */
  prepare(shape: PictureShape): void {
    if (this.stopped || launcher() === null) return;
    const key = keyOf(shape);
    const kept = this.spares.get(key);
    if (kept) {
      // Newest last: it is the shape wanted now.
      this.spares.delete(key);
      this.spares.set(key, kept);
      return;
    }
    this.swept ??= sweepStale();
    this.spares.set(key, this.start(shape));
    for (const [old, spare] of this.spares) {
      if (this.spares.size <= maxSpares) break;
      this.spares.delete(old);
      void spare.then(discard);
    }
  }

  /** Stops every spare, loading or waiting, and removes their pipes' folders; none starts after. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const pipe of this.loading) pipe.kill();
    const all = [...this.spares.values()];
    this.spares.clear();
    await Promise.all(all.map((spare) => spare.then(discard)));
  }

  /** Read through a call: `stop` may set it while a start waits. */
  private isStopped(): boolean {
    return this.stopped;
  }

  private async start(shape: PictureShape): Promise<FramePipe | null> {
    await this.swept;
    const dir = await mkdtemp(join(tmpdir(), folderPrefix)).catch(() => null);
    if (!dir) return null;
    try {
      const path = join(dir, 'frames.pipe');
      if (this.isStopped() || !(await makeFifo(path)) || this.isStopped()) return null;
      const args = encoderArgs({ ...shape, outPath: streamedPicture }, path);
      const pipe = new FramePipe(
        path,
        args,
        yuv420Packer(shape.width, shape.height),
        undefined,
        true,
        launcher() ?? [],
      );
      this.loading.add(pipe);
      await pipe.started();
      this.loading.delete(pipe);
      if (this.isStopped()) pipe.kill();
      return pipe;
    } finally {
      // Both ends are open (or ffmpeg is gone): the pipe needs its path no more.
      await rm(dir, { recursive: true, force: true });
    }
  }
}

const folderPrefix = 'shotline-spare-';

/**
 * A spare's folder lives for the second its ffmpeg takes to open the pipe; one an engine killed
 * in that second left behind is removed by the next engine, once it is a minute old (a younger
 * one may be another engine's, starting its spare).
 */
async function sweepStale(): Promise<void> {
  const names = await readdir(tmpdir()).catch(() => [] as string[]);
  const old = Date.now() - 60_000;
  for (const name of names) {
    if (!name.startsWith(folderPrefix)) continue;
    const dir = join(tmpdir(), name);
    const made = await lstat(dir).catch(() => null);
    if (made?.isDirectory() && made.mtimeMs < old)
      await rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}

/** Stops a spare no render will take. */
async function discard(pipe: FramePipe | null): Promise<void> {
  if (!pipe) return;
  pipe.kill();
  await pipe.closed();
}

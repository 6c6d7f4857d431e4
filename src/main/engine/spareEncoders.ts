/**
 * A render's two ffmpeg runs started ahead of it, for a warm engine.
 *
 * ffmpeg takes a tenth of a second of CPU to load its libraries, and a quick look waited two
 * tenths for it before its first frames could go out: a fifth of a draft's time. A spare is, for
 * one shape (size, rate, draft or not), the picture's ffmpeg, loaded and reading its frame pipe,
 * and the run that puts the clip together (`Assembler`), loaded and waiting for the soundtrack,
 * the picture's stream already joined to it; both started while the engine has nothing else to
 * do. A render of that shape takes the pair and writes frames at once. After each render the engine
 * starts a spare of that render's shape, for the next one, and keeps the latest few shapes.
 *
 * The clip's path is known only when a render takes the pair, so the run is told to write
 * `clip.mp4` in the spare's own folder, and the render makes that name a symbolic link to where
 * the clip goes: ffmpeg opens its output only once the soundtrack has come, and follows the link
 * (also when it reopens the file to move the index to the front).
 *
 * A spare must not outlive the engine. Once both ends of its frame pipe are open, the pipe's path
 * is removed, and an engine that dies closes the writing ends: each ffmpeg reads the end of its
 * input and exits. Before that, an ffmpeg opening a pipe nobody will write to would wait for
 * ever, so spares are started through util-linux's `setpriv --pdeathsig KILL`, which has the
 * system kill ffmpeg when the thread that started it ends; where there is no setpriv (macOS),
 * there are no spares. The folder goes when the run that puts the clip together has exited.
 */
import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { makeFifo } from '../media/namedPipe';
import { commandPath } from '../media/tools';
import { Assembler, encoderArgs, streamedAssemblyArgs, streamedPicture } from './encode';
import { FramePipe } from './framePipe';
import { processFolderPrefix, sweepEndedProcessFolders } from './processFolders';
import { yuv420Packer } from './yuv420';

/** What a spare is started for. */
export interface PictureShape {
  width: number;
  height: number;
  fps: number;
  draft: boolean;
}

/** The shape of a render with these options. */
export function shapeOf(o: { width: number; height: number; fps: number; draft?: boolean }): PictureShape {
  return { width: o.width, height: o.height, fps: o.fps, draft: o.draft === true };
}

/** A render's two runs, started ahead. */
export interface Spare {
  picture: FramePipe;
  assembler: Assembler;
}

interface Waiting extends Spare {
  /** The name the assembler writes, in the spare's folder, made a link to the clip's path. */
  output: string;
  /** Resolves once the assembler has exited and the spare's folder is removed. */
  removed: Promise<void>;
}

/**
 * Shapes a warm engine keeps a spare of: a full render and a draft of it, alternated, both find
 * one, with one more for the engine's own warm-up or a second size. An idle spare's two ffmpeg
 * hold about 30 MB between them (their proportional set size; most of their pages are shared).
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

export class SpareEncoders {
  /** Newest last. */
  private readonly spares = new Map<string, Promise<Waiting | null>>();
  /** Spares whose ffmpeg is loading, killed at once by `stop`. */
  private readonly loading = new Set<Spare>();
  private stopped = false;
  private swept: Promise<void> | null = null;
  /** Every spare's folder not yet removed, taken or not, for `stop` to wait for. */
  private readonly folders = new Set<Promise<void>>();

  /**
   * The spare of this shape, its clip written to `clip` (a path), once its picture's ffmpeg has
   * opened its pipe; null if there is none, or it died. The caller owns both runs from here (it
   * kills them on a failure).
   */
  async take(shape: PictureShape, clip: string): Promise<Spare | null> {
    const key = keyOf(shape);
    const spare = this.spares.get(key);
    if (!spare) return null;
    this.spares.delete(key);
    const waiting = await spare;
    if (!waiting?.picture.ready() || !waiting.assembler.running()) {
      await discard(waiting);
      return null;
    }
    try {
      await symlink(resolve(clip), waiting.output);
    } catch {
      await discard(waiting);
      return null;
    }
    return { picture: waiting.picture, assembler: waiting.assembler };
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
    this.swept ??= sweepEndedProcessFolders();
    this.spares.set(key, this.start(shape));
    for (const [old, spare] of this.spares) {
      if (this.spares.size <= maxSpares) break;
      this.spares.delete(old);
      void spare.then(discard);
    }
  }

  /**
   * Stops every spare, loading or waiting, and waits until every spare's folder is removed (one a
   * render took, once that render's runs have ended); none starts after.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const spare of this.loading) kill(spare);
    const all = [...this.spares.values()];
    this.spares.clear();
    await Promise.all(all.map((spare) => spare.then(discard)));
    // Those taken by renders go when their runs end, which a stopping engine's renders are made to.
    await Promise.all(this.folders);
  }

  /** Read through a call: `stop` may set it while a start waits. */
  private isStopped(): boolean {
    return this.stopped;
  }

  private async start(shape: PictureShape): Promise<Waiting | null> {
    await this.swept;
    const dir = await mkdtemp(processFolderPrefix('spare')).catch(() => null);
    if (!dir) return null;
    const path = join(dir, 'frames.pipe');
    if (this.isStopped() || !(await makeFifo(path)) || this.isStopped()) {
      await rm(dir, { recursive: true, force: true });
      return null;
    }
    const runs = launcher() ?? [];
    const args = encoderArgs({ ...shape, outPath: streamedPicture }, path);
    const picture = new FramePipe(path, args, yuv420Packer(shape.width, shape.height), undefined, true, runs);
    const output = join(dir, 'clip.mp4');
    const assembler = new Assembler(streamedAssemblyArgs(output, shape.draft), true, runs);
    if (picture.picture) assembler.takePicture(picture.picture);
    // The folder (the output's link) lasts as long as the run that writes through it.
    const removed = assembler.closed().then(() => rm(dir, { recursive: true, force: true }));
    this.folders.add(removed);
    void removed.then(() => this.folders.delete(removed));
    const spare = { picture, assembler, output, removed };
    this.loading.add(spare);
    await picture.started();
    this.loading.delete(spare);
    // Both ends are open (or ffmpeg is gone): the pipe needs its path no more.
    await rm(path, { force: true });
    if (this.isStopped()) kill(spare);
    return spare;
  }
}

function kill(spare: Spare): void {
  spare.picture.kill();
  spare.assembler.kill();
}

/** Stops a spare no render will take, and waits for its folder to be removed. */
async function discard(spare: Waiting | null): Promise<void> {
  if (!spare) return;
  kill(spare);
  await Promise.all([spare.picture.closed(), spare.removed]);
}

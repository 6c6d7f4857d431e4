/**
 * Frames to the picture's ffmpeg through a named pipe, written from libuv's thread pool. ffmpeg
 * reads the pipe as its input file; this thread hands each frame's pixels to a blocking write on
 * a pool thread and goes on drawing, so ffmpeg takes the frame while the next one is drawn, with
 * no writer thread to start (a Node thread takes about a tenth of a second of CPU to start). Each
 * frame is converted (`FramePacker`, to 4:2:0) into one of a few buffers kept for the whole
 * clip: the buffer Skia read it back into then dies at the next young-generation collection
 * (frameMemory.ts), where one held through a write outlived it, was promoted, and freed only by a
 * full collection every dozen frames, its memory faulted in afresh each frame. Frames that
 * wait while a write is under way go out together in the next one, so ffmpeg is fed several
 * frames a draw when it has fallen behind. Named pipes are a POSIX feature: `Encoder` (encode.ts)
 * uses the writer thread where there are none.
 */
import type { ChildProcess } from 'node:child_process';
import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Readable } from 'node:stream';
import { spawnFfmpeg } from '../media/tools';
import type { FramePacker } from './yuv420';

/** Frames held (written or waiting) before `write` waits: three, 11 MB at 720p. */
const heldFrames = 3;

export interface PipeExit {
  code: number | null;
  stderr: string;
  error: string | null;
}

export class FramePipe {
  private readonly child: ChildProcess;
  private readonly handle: Promise<FileHandle | null>;
  private readonly exited: Promise<PipeExit>;
  private result: PipeExit | null = null;
  private waiting: Buffer[] = [];
  private inFlight: Buffer[] = [];
  /** Buffers of a converted frame's size, made as needed (at most `heldFrames`) and reused for the whole clip. */
  private spare: Buffer[] = [];
  private pumping: Promise<void> | null = null;
  private failure: string | null = null;
  /** Resolves the writes waiting for room. */
  private wake: (() => void) | null = null;

  /** What ffmpeg writes to stdout (the picture, when it is streamed), else null. */
  readonly picture: Readable | null;
  /** ffmpeg's process id, once spawned. */
  readonly pid: number | undefined;
  private opened = false;

  /**
   * Starts ffmpeg with `args`, which name `path` (an existing named pipe) as the picture's input,
   * and its output `pipe:1` when `streamed`; through `launcher` (a program and its arguments that
   * end by running the command after them) when one is given.
   */
  constructor(
    path: string,
    args: string[],
    private readonly pack: FramePacker,
    onSpawn?: (pid: number) => void,
    streamed = false,
    launcher: readonly string[] = [],
  ) {
    this.child = spawnFfmpeg(args, ['ignore', streamed ? 'pipe' : 'ignore', 'pipe'], launcher);
    const child = this.child;
    this.picture = child.stdout;
    this.pid = child.pid;
    if (child.pid !== undefined) onSpawn?.(child.pid);
    let stderr: Buffer[] = [];
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr.push(chunk);
      // Only the tail is kept; ffmpeg's errors and its -benchmark line come last.
      if (stderr.length > 100) stderr = stderr.slice(-50);
    });
    let spawnError: string | null = null;
    // ffmpeg has exited (or never started): the pipe will have no reader.
    const gone = (): boolean => child.exitCode !== null || child.signalCode !== null || spawnError !== null;
    this.exited = new Promise((resolve) => {
      child.on('error', (e) => (spawnError ??= e.message));
      child.on('close', (code) => {
        this.result = { code, stderr: Buffer.concat(stderr).toString('utf8'), error: spawnError };
        resolve(this.result);
      });
    });
    // Opening a pipe to write waits for its reader: ffmpeg, once it has loaded (see
    // openWhenRead). One that exits first (bad arguments, killed) never opens it; should it die
    // just as it did, a reader opened here, without waiting, lets the open finish; writes then
    // fail (no reader left) instead of waiting for ever.
    this.handle = openWhenRead(path, gone).then(
      (h) => {
        this.opened = true;
        return h;
      },
      (e: unknown) => {
        this.failure ??= e instanceof Error ? e.message : String(e);
        return null;
      },
    );
    void this.exited.then(async () => {
      if (this.opened) return;
      const reader = await open(path, constants.O_RDONLY | constants.O_NONBLOCK).catch(() => null);
      await this.handle;
      await reader?.close();
    });
  }

  /** Resolves once ffmpeg has started and opened the pipe (or failed to). */
  async started(): Promise<void> {
    await this.handle;
  }

  /** Whether ffmpeg has opened the pipe and is still running, with nothing written yet that failed. */
  ready(): boolean {
    return this.opened && this.result === null && this.failure === null;
  }

  /** Hands a frame over, converted. Resolves at once while fewer than `heldFrames` are held, else when a write is done. */
  async write(frame: Buffer): Promise<void> {
    for (;;) {
      if (this.failure !== null || this.result) throw new PipeFailure(await this.exit());
      if (this.waiting.length + this.inFlight.length < heldFrames) break;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
    const held = this.spare.pop() ?? Buffer.allocUnsafeSlow(this.pack.bytes);
    this.pack.into(frame, held);
    this.waiting.push(held);
    this.pumping ??= this.pump();
  }

  /** Writes what waits, all of it in each write, until nothing does. */
  private async pump(): Promise<void> {
    const handle = await this.handle;
    while (this.waiting.length > 0 && this.failure === null && handle) {
      let frames = this.waiting;
      this.waiting = [];
      this.inFlight = frames;
      try {
        for (;;) {
          const { bytesWritten } = await handle.writev(frames);
          frames = rest(frames, bytesWritten);
          if (frames.length === 0) break;
        }
      } catch (e) {
        this.failure ??= e instanceof Error ? e.message : String(e);
      }
      this.spare.push(...this.inFlight);
      this.inFlight = [];
      this.wake?.();
      this.wake = null;
    }
    this.pumping = null;
  }

  /** Writes what is left, closes the pipe (ffmpeg's end of input) and waits for ffmpeg to finish. */
  async finish(): Promise<PipeExit> {
    while (this.pumping) await this.pumping;
    const handle = await this.handle;
    await handle?.close();
    const exit = await this.exit();
    if (exit.code !== 0 || exit.error !== null) throw new PipeFailure(exit);
    return exit;
  }

  /** How ffmpeg ended, once it has. */
  get ended(): PipeExit | null {
    return this.result;
  }

  kill(): void {
    this.child.kill('SIGKILL');
  }

  /** Waits for ffmpeg to exit and every write to end, and closes the pipe. */
  async closed(): Promise<void> {
    await this.exited;
    while (this.pumping) await this.pumping;
    const handle = await this.handle;
    await handle?.close().catch(() => undefined);
  }

  /** How ffmpeg ended, with the reason a write failed if that came first. */
  private async exit(): Promise<PipeExit> {
    const r = await this.exited;
    return { ...r, error: r.error ?? (r.code === 0 ? this.failure : null) };
  }
}

/**
 * Opens a named pipe to write once its reader has it open; null if `gone` says no reader will
 * come. A plain open would wait for the reader in one of libuv's four pool threads, which the
 * whole process shares (every file operation, frames' writes among them), for as long as ffmpeg
 * takes to load, and a few ffmpegs loading at once could hold them all. So an open that does not
 * wait is tried every few milliseconds (it fails with ENXIO until there is a reader); then the pipe
 * is opened to write as usual, which returns at once. The first stays open until the second is: a
 * reader that finds no writer left reads the end of its input.
 */
async function openWhenRead(path: string, gone: () => boolean): Promise<FileHandle | null> {
  for (;;) {
    const probe = await open(path, constants.O_WRONLY | constants.O_NONBLOCK).catch((e: unknown) => {
      if ((e as NodeJS.ErrnoException).code === 'ENXIO') return null;
      throw e;
    });
    if (probe) {
      try {
        return await open(path, constants.O_WRONLY);
      } finally {
        await probe.close();
      }
    }
    if (gone()) return null;
    await sleep(5);
  }
}

/** ffmpeg's exit, carried to `Encoder`, which names the failure. */
export class PipeFailure extends Error {
  constructor(readonly exit: PipeExit) {
    super(exit.error ?? `exit code ${String(exit.code)}`);
  }
}

/** What is left of `frames` once `written` bytes of them are written. */
function rest(frames: Buffer[], written: number): Buffer[] {
  const left: Buffer[] = [];
  let skip = written;
  for (const f of frames) {
    if (skip >= f.length) {
      skip -= f.length;
      continue;
    }
    left.push(skip > 0 ? f.subarray(skip) : f);
    skip = 0;
  }
  return left;
}

/**
 * A named pipe a child process writes to and a thread of its own reads. Read from the child's
 * stdout, an hour of 8-bit stereo sound (345 MB) arrives as ten thousand socket reads, each in a
 * fresh 64 KB buffer, and that work alone takes most of a core beside ffmpeg's decoding. Here a
 * worker thread blocks in plain reads into megabyte blocks and hands each full block over (its
 * memory moves, nothing is copied), so the main thread sees a few hundred blocks and the reading
 * costs a fraction of that. Named pipes are a POSIX feature: elsewhere `create` gives null and
 * the caller reads stdout instead.
 *
 * The reader is plain JavaScript run with `eval`, so it starts in milliseconds with no build step.
 * It stays at most `SLOTS` blocks ahead of the main thread (control[0] counts blocks handed over
 * and not yet taken), so a busy main thread holds the child back; a slot is read into again only
 * once the main thread is done with it.
 */
import { execFile } from 'node:child_process';
import { closeSync, constants, openSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';

/** A quarter of a megabyte: about 1,400 blocks for an hour, and progress every few seconds of sound. */
const BLOCK_BYTES = 1 << 18;
const SLOTS = 16;

type ReaderMessage =
  { type: 'block'; slot: number; bytes: number } | { type: 'end' } | { type: 'error'; message: string };

interface ReaderData {
  path: string;
  ring: SharedArrayBuffer;
  ringAt: number;
  blockBytes: number;
  slots: number;
  control: SharedArrayBuffer;
}

const readerSource = String.raw`
const { workerData, parentPort } = require('node:worker_threads');
const { openSync, readSync, closeSync } = require('node:fs');
const { path, ring, ringAt, blockBytes, slots, control } = workerData;
const ctl = new Int32Array(control);
try {
  const fd = openSync(path, 'r');
  try {
    for (let k = 0, ended = false; !ended; k++) {
      for (;;) {
        const held = Atomics.load(ctl, 0);
        if (held < slots) break;
        Atomics.wait(ctl, 0, held);
      }
      const slot = k % slots;
      const bytes = new Uint8Array(ring, ringAt + slot * blockBytes, blockBytes);
      let filled = 0;
      while (filled < blockBytes) {
        const n = readSync(fd, bytes, filled, blockBytes - filled, null);
        if (n === 0) { ended = true; break; }
        filled += n;
      }
      if (filled === 0) break;
      Atomics.add(ctl, 0, 1);
      parentPort.postMessage({ type: 'block', slot, bytes: filled });
    }
  } finally {
    closeSync(fd);
  }
  parentPort.postMessage({ type: 'end' });
} catch (error) {
  parentPort.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) });
}
`;

/**
 * Lets a thread waiting to open the named pipe at `path` for writing go on, now: opens it for
 * reading without waiting and closes it at once (the writer's open then succeeds, and its first
 * write finds no reader). For a reader that will never come, such as a killed ffmpeg, when the
 * process is about to exit: Node waits for its thread pool's work before exiting. Does nothing
 * where there is no such pipe.
 */
export function releaseWaitingWriters(path: string): void {
  try {
    closeSync(openSync(path, constants.O_RDONLY | constants.O_NONBLOCK));
  } catch {
    // No pipe there (never made, or removed): no writer can be waiting on it.
  }
}

/** Makes a named pipe at `path` that only this user can open; false where that fails (no mkfifo, or a file system without pipes). */
export function makeFifo(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    execFile('mkfifo', ['-m', '600', path], (error) => resolve(error === null));
  });
}

export class NamedPipe {
  /** The size of the ring `read` needs. */
  static readonly RING_BYTES = BLOCK_BYTES * SLOTS;
  private done = false;

  private constructor(
    /** Where the child writes. */
    readonly path: string,
    private readonly dir: string,
  ) {}

  /** A new named pipe in a folder of its own, or null where the system has none. */
  static async create(): Promise<NamedPipe | null> {
    if (process.platform === 'win32') return null;
    const dir = await mkdtemp(join(tmpdir(), 'shotline-pipe-'));
    const path = join(dir, 'pipe');
    if (await makeFifo(path)) return new NamedPipe(path, dir);
    await rm(dir, { recursive: true, force: true });
    return null;
  }

  /**
   * Reads the pipe until its writer closes it, into `ring` (RING_BYTES of a SharedArrayBuffer),
   * handing each block to `onBlock` in order: a view into the ring, read into again once
   * `onBlock` returns. Start it before the writer: a writer opening the pipe waits for its
   * reader. Rejects when a read fails.
   */
  read(ring: Uint8Array, onBlock: (block: Uint8Array) => void): Promise<void> {
    if (!(ring.buffer instanceof SharedArrayBuffer) || ring.length < NamedPipe.RING_BYTES)
      throw new RangeError(`a named pipe reads into ${String(NamedPipe.RING_BYTES)} bytes of shared memory`);
    const shared = ring.buffer;
    const control = new SharedArrayBuffer(4);
    const held = new Int32Array(control);
    const data: ReaderData = {
      path: this.path,
      ring: shared,
      ringAt: ring.byteOffset,
      blockBytes: BLOCK_BYTES,
      slots: SLOTS,
      control,
    };
    const worker = new Worker(readerSource, { eval: true, workerData: data });
    return new Promise<void>((resolve, reject) => {
      let failure: Error | null = null;
      worker.on('message', (m: ReaderMessage) => {
        if (m.type === 'block') {
          if (failure === null) {
            try {
              onBlock(new Uint8Array(shared, ring.byteOffset + m.slot * BLOCK_BYTES, m.bytes));
            } catch (error) {
              // Keep reading to the end, so the writer is never left blocked on a full pipe.
              failure = error instanceof Error ? error : new Error(String(error));
            }
          }
          Atomics.sub(held, 0, 1);
          Atomics.notify(held, 0);
        } else if (m.type === 'error') {
          failure ??= new Error(`the sound could not be read from its pipe: ${m.message}`);
        }
      });
      worker.on('error', (error) => {
        failure ??= error;
      });
      worker.on('exit', () => {
        this.done = true;
        if (failure === null) resolve();
        else reject(failure);
      });
    });
  }

  /**
   * Once the writer has exited: a reader still waiting for a writer that never came (it failed
   * before opening the pipe) gets one that closes at once, so it ends. Resolves when it has.
   */
  async release(): Promise<void> {
    while (!this.done) {
      try {
        closeSync(openSync(this.path, constants.O_WRONLY | constants.O_NONBLOCK));
      } catch {
        // No reader has the pipe open yet (ENXIO): it may still be starting.
      }
      await sleep(10);
    }
  }

  async remove(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }
}

import { existsSync } from 'node:fs';
import { lstat, mkdir, mkdtemp, readdir, readFile, rm, stat, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { colourBars } from '../../../test/support/colourBars';
import { isFfmpeg, processes, type ProcessEntry } from '../../../test/support/processes';
import { findsCommand } from '../media/tools';
import { Assembler, Encoder, streamedAssemblyArgs } from './encode';
import { tsxApiUrl } from './render';
import { sampleRate } from './sound/dsp';
import { stereo, wavBytes } from './sound/mix';
import { SpareEncoders, type PictureShape } from './spareEncoders';
import { removeOwnFoldersNow } from './processFolders';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shotline-spares-test-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A tone as long as `seconds`, as a WAV. */
function soundtrack(seconds: number): Uint8Array {
  const bus = stereo(Math.round(seconds * sampleRate));
  for (let i = 0; i < bus.left.length; i++) {
    bus.left[i] = 0.3 * Math.sin((2 * Math.PI * 440 * i) / sampleRate);
    bus.right[i] = bus.left[i] ?? 0;
  }
  return wavBytes(bus);
}

/** The ffmpeg processes running (not exited), with their arguments. */
async function ffmpegs(): Promise<ProcessEntry[]> {
  return (await processes()).filter((p) => isFfmpeg(p) && p.state !== 'Z');
}

/** A spare's two ffmpeg runs, found by its picture's size: the picture's and the one writing into its folder. */
async function spareRuns(
  size: string,
): Promise<{ picture: ProcessEntry | undefined; assembler: ProcessEntry | undefined; folder: string }> {
  const all = await ffmpegs();
  const picture = all.find((r) => r.args[r.args.indexOf('-s') + 1] === size);
  const folder = picture ? dirname(picture.args[picture.args.indexOf('-i') + 1] ?? '') : '';
  const assembler = all.find((r) => folder !== '' && r.args.at(-1) === join(folder, 'clip.mp4'));
  return { picture, assembler, folder };
}

async function until<T>(what: () => Promise<T>, done: (value: T) => boolean, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await what();
    if (done(value) || Date.now() > end) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const exists = (path: string): Promise<boolean> =>
  lstat(path).then(
    () => true,
    () => false,
  );

const sizeOf = (s: PictureShape): string => `${String(s.width)}x${String(s.height)}`;

/** A clip of `frames` frames and a soundtrack, through an encoder and the run that puts the clip together. */
async function clip(encoder: Encoder, assembler: Assembler, shape: PictureShape, frames: number): Promise<void> {
  assembler.giveSound(soundtrack(frames / shape.fps));
  for (let k = 0; k < frames; k++) await encoder.write(colourBars(k, shape.width, shape.height));
  await encoder.finish();
  expect(await assembler.finished()).toBeGreaterThan(0);
}

// Spares are started through setpriv, which only Linux has.
describe.skipIf(process.platform !== 'linux' || !findsCommand('setpriv'))('spare encoders', () => {
  test('a render of the spare’s shape takes it once, and makes the same clip, where it goes, as runs started for it', async () => {
    const shape = { width: 160, height: 90, fps: 12, draft: false };
    const spares = new SpareEncoders();
    spares.prepare(shape);
    const out = join(dir, 'spare.mp4');
    // Another size, or a draft of the same size, is another shape.
    expect(await spares.take({ ...shape, width: 176 }, out)).toBeNull();
    expect(await spares.take({ ...shape, draft: true }, out)).toBeNull();
    const started = await until(
      () => spareRuns(sizeOf(shape)),
      (r) => r.assembler !== undefined,
    );

    const spare = await spares.take(shape, out);
    if (!spare) throw new Error('no spare was taken');
    expect(spare.picture.pid).toBe(started.picture?.pid);
    // Once both ends are open, the pipe's path is gone.
    expect(await exists(join(started.folder, 'frames.pipe'))).toBe(false);
    expect(await spares.take(shape, out)).toBeNull();

    const pids: number[] = [];
    const options = { ...shape, outPath: join(dir, 'unused.mp4'), streamPicture: true };
    const encoder = new Encoder({ ...options, spare: spare.picture, onSpawn: (pid) => pids.push(pid) });
    await clip(encoder, spare.assembler, shape, 24);
    expect(pids).toEqual([started.picture?.pid]);
    // The clip is a file where it was asked for, and the spare's folder is gone.
    expect((await lstat(out)).isFile()).toBe(true);
    expect(
      await until(
        () => exists(started.folder),
        (e) => !e,
      ),
    ).toBe(false);

    await mkdir(join(dir, 'own'));
    const own = new Encoder({ ...options, pipePath: join(dir, 'own', 'frames.pipe') });
    const picture = await own.picture();
    const ownOut = join(dir, 'own.mp4');
    const assembler = new Assembler(streamedAssemblyArgs(ownOut, false), true);
    if (picture) assembler.takePicture(picture);
    await clip(own, assembler, shape, 24);
    const bytes = await readFile(out);
    expect(bytes.length).toBeGreaterThan(1000);
    expect(bytes.equals(await readFile(ownOut))).toBe(true);
    await spares.stop();
  });

  test('a spare whose ffmpeg died is not handed out, and its folder goes', async () => {
    const shape = { width: 162, height: 92, fps: 12, draft: true };
    const spares = new SpareEncoders();
    spares.prepare(shape);
    const started = await until(
      () => spareRuns(sizeOf(shape)),
      (r) => r.assembler !== undefined,
    );
    if (!started.picture) throw new Error('the spare did not start');
    const { pid } = started.picture;
    process.kill(pid, 'SIGKILL');
    // Once its end is seen (the process gone, its pipes closed).
    await until(
      async () => (await ffmpegs()).some((r) => r.pid === pid),
      (alive) => !alive,
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await spares.take(shape, join(dir, 'dead.mp4'))).toBeNull();
    expect(
      await until(
        () => exists(started.folder),
        (e) => !e,
      ),
    ).toBe(false);
    expect(await exists(join(dir, 'dead.mp4'))).toBe(false);
    await spares.stop();
  });

  test('stop ends every spare, loading or waiting, and leaves no folder behind', async () => {
    const spares = new SpareEncoders();
    const first = { width: 164, height: 94, fps: 12, draft: false };
    const second = { width: 166, height: 96, fps: 12, draft: false };
    spares.prepare(first);
    const waiting = await until(
      () => spareRuns(sizeOf(first)),
      (r) => r.assembler !== undefined,
    );
    spares.prepare(second);
    const loading = await until(
      () => spareRuns(sizeOf(second)),
      (r) => r.picture !== undefined,
    );
    await spares.stop();
    // Gone by the time stop resolves: a worker ended next would leave them.
    for (const folder of [waiting.folder, loading.folder]) expect(existsSync(folder)).toBe(false);
    const pids = [waiting.picture, waiting.assembler, loading.picture].map((r) => r?.pid);
    expect(pids.every((pid) => pid !== undefined)).toBe(true);
    const left = await until(
      async () => (await ffmpegs()).filter((r) => pids.includes(r.pid)),
      (r) => r.length === 0,
    );
    expect(left).toEqual([]);
    // None starts after a stop.
    spares.prepare(first);
    expect(await spares.take(first, join(dir, 'after.mp4'))).toBeNull();
  });

  test('at most three shapes are kept: a fourth stops the spare of the oldest', async () => {
    const spares = new SpareEncoders();
    const shapes = [168, 170, 172, 174].map((width) => ({ width, height: width - 70, fps: 12, draft: false }));
    for (const shape of shapes) spares.prepare(shape);
    const oldest = await until(
      () => spareRuns('168x98'),
      (r) => r.picture === undefined,
    );
    expect(oldest.picture).toBeUndefined();
    expect(await spares.take(shapes[0] as PictureShape, join(dir, 'oldest.mp4'))).toBeNull();
    const newest = await spares.take(shapes[3] as PictureShape, join(dir, 'newest.mp4'));
    expect(newest?.picture.ready()).toBe(true);
    newest?.picture.kill();
    newest?.assembler.kill();
    await spares.stop();
  });

  test('a spare ends with the thread that started it', async () => {
    const module = new URL('./spareEncoders.ts', import.meta.url).href;
    const code = `
      const { parentPort } = require('node:worker_threads');
      import(${JSON.stringify(tsxApiUrl())})
        .then((m) => { m.register(); return import(${JSON.stringify(module)}); })
        .then(({ SpareEncoders }) => {
          new SpareEncoders().prepare({ width: 178, height: 108, fps: 12, draft: false });
          parentPort.postMessage('prepared');
        });
      setInterval(() => undefined, 1000);
    `;
    const worker = new Worker(code, { eval: true });
    await new Promise((resolve) => worker.once('message', resolve));
    const started = await until(
      () => spareRuns('178x108'),
      (r) => r.assembler !== undefined,
    );
    const pids = [started.picture?.pid, started.assembler?.pid];
    expect(pids.every((pid) => pid !== undefined)).toBe(true);
    // Once the pipe is open at both ends (its path is removed then): a thread ended while its
    // open waits would hold one of libuv's pool threads, which this process shares, for ever.
    await until(
      () => exists(join(started.folder, 'frames.pipe')),
      (e) => !e,
    );
    await worker.terminate();
    const left = await until(
      async () => (await ffmpegs()).filter((r) => pids.includes(r.pid)),
      (r) => r.length === 0,
    );
    expect(left).toEqual([]);
    await rm(started.folder, { recursive: true, force: true });
  });

  test('spare folders of an engine that has ended are removed, and those of one still running are kept', async () => {
    // A process that has ended, and one that runs (this one's parent).
    const ended = spawn(process.execPath, ['-e', '0']);
    await new Promise((resolve) => ended.on('close', resolve));
    const gone = await mkdtemp(join(tmpdir(), `shotline-spare-${String(ended.pid)}-`));
    const running = await mkdtemp(join(tmpdir(), `shotline-spare-${String(process.ppid)}-`));
    // Folders named before they carried their process: by age alone.
    const old = await mkdtemp(join(tmpdir(), 'shotline-spare-'));
    const young = await mkdtemp(join(tmpdir(), 'shotline-spare-'));
    const past = new Date(Date.now() - 2 * 3_600_000);
    await utimes(old, past, past);
    const spares = new SpareEncoders();
    spares.prepare({ width: 180, height: 110, fps: 12, draft: false });
    await until(
      async () => (await exists(gone)) || (await exists(old)),
      (left) => !left,
    );
    expect(await exists(gone)).toBe(false);
    expect(await exists(old)).toBe(false);
    expect((await stat(running)).isDirectory()).toBe(true);
    expect((await stat(young)).isDirectory()).toBe(true);
    // Its own are named with its process, and removed at once when it must exit now.
    const own = await until(
      async () => (await readdir(tmpdir())).filter((n) => n.startsWith(`shotline-spare-${String(process.pid)}-`)),
      (names) => names.length > 0,
    );
    expect(own.length).toBeGreaterThan(0);
    removeOwnFoldersNow();
    expect((await readdir(tmpdir())).filter((n) => n.startsWith(`shotline-spare-${String(process.pid)}-`))).toEqual([]);
    expect((await stat(running)).isDirectory()).toBe(true);
    await Promise.all([running, young].map((d) => rm(d, { recursive: true, force: true })));
    await spares.stop();
  });
});

import { mkdir, mkdtemp, readdir, readFile, rm, stat, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { findsCommand } from '../media/tools';
import { Encoder } from './encode';
import { tsxApiUrl } from './render';
import { SparePictures, type PictureShape } from './sparePictures';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shotline-spares-test-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Frames of moving colour bars, different in every frame. */
function frame(k: number, width: number, height: number): Buffer {
  const pixels = Buffer.alloc(width * height * 4);
  for (let i = 0; i < pixels.length; i += 4) {
    const x = (i / 4) % width;
    const y = Math.floor(i / 4 / width);
    pixels[i] = (x * 3 + k * 11) & 255;
    pixels[i + 1] = (y * 5 + k * 7) & 255;
    pixels[i + 2] = ((x + y) * 2 + k * 13) & 255;
    pixels[i + 3] = 255;
  }
  return pixels;
}

/** Every byte of a stream, once it ends. */
async function drain(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

interface Running {
  pid: number;
  path: string;
}

/**
 * The running (not exited) ffmpeg processes of this process's whose size argument is `size`,
 * each with the pipe it reads.
 */
async function ffmpegsOfSize(size: string): Promise<Running[]> {
  const found: Running[] = [];
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const [cmdline, status] = await Promise.all([
      readFile(`/proc/${name}/cmdline`, 'utf8').catch(() => ''),
      readFile(`/proc/${name}/status`, 'utf8').catch(() => ''),
    ]);
    const args = cmdline.split('\0');
    if (!args.some((a) => a.endsWith('ffmpeg'))) continue;
    if (args[args.indexOf('-s') + 1] !== size) continue;
    if (/^State:\s+Z/m.test(status) || status === '') continue;
    found.push({ pid: Number(name), path: args[args.indexOf('-i') + 1] ?? '' });
  }
  return found;
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
  stat(path).then(
    () => true,
    () => false,
  );

/** The streamed picture an encoder makes of `frames` frames. */
async function encode(encoder: Encoder, shape: PictureShape, frames: number): Promise<Buffer> {
  const stream = await encoder.picture();
  if (!stream) throw new Error('the picture is not streamed');
  const bytes = drain(stream);
  for (let k = 0; k < frames; k++) await encoder.write(frame(k, shape.width, shape.height));
  await encoder.finish();
  return bytes;
}

// Spares are started through setpriv, which only Linux has.
describe.skipIf(process.platform !== 'linux' || !findsCommand('setpriv'))('spare picture encoders', () => {
  test('a render of the spare’s shape takes it once, and it encodes the same picture as an encoder started for it', async () => {
    const shape = { width: 160, height: 90, fps: 12, draft: false };
    const spares = new SparePictures();
    spares.prepare(shape);
    // Another size, or a draft of the same size, is another shape.
    expect(await spares.take({ ...shape, width: 176 })).toBeNull();
    expect(await spares.take({ ...shape, draft: true })).toBeNull();
    const [loading] = await until(
      () => ffmpegsOfSize('160x90'),
      (r) => r.length > 0,
    );
    expect(loading).toBeDefined();

    const spare = await spares.take(shape);
    expect(spare?.ready()).toBe(true);
    expect(spare?.pid).toBe(loading?.pid);
    // Once both ends are open, the pipe's folder is gone.
    expect(await exists(loading?.path ?? '')).toBe(false);
    expect(await spares.take(shape)).toBeNull();

    const pids: number[] = [];
    const options = { ...shape, outPath: join(dir, 'unused.mp4'), streamPicture: true };
    const fromSpare = await encode(new Encoder({ ...options, spare, onSpawn: (pid) => pids.push(pid) }), shape, 24);
    expect(pids).toEqual([loading?.pid]);
    await mkdir(join(dir, 'own'));
    const own = await encode(new Encoder({ ...options, pipePath: join(dir, 'own', 'frames.pipe') }), shape, 24);
    expect(fromSpare.length).toBeGreaterThan(1000);
    expect(fromSpare.equals(own)).toBe(true);
    await spares.stop();
  });

  test('a spare whose ffmpeg died is not handed out', async () => {
    const shape = { width: 162, height: 92, fps: 12, draft: true };
    const spares = new SparePictures();
    spares.prepare(shape);
    const [running] = await until(
      () => ffmpegsOfSize('162x92'),
      (r) => r.length > 0,
    );
    if (!running) throw new Error('the spare did not start');
    process.kill(running.pid, 'SIGKILL');
    expect(await spares.take(shape)).toBeNull();
    await spares.stop();
  });

  test('stop ends every spare, loading or waiting, and leaves no pipe behind', async () => {
    const spares = new SparePictures();
    const shapes = [
      { width: 164, height: 94, fps: 12, draft: false },
      { width: 166, height: 96, fps: 12, draft: false },
    ];
    spares.prepare(shapes[0] as PictureShape);
    const [waiting] = await until(
      () => ffmpegsOfSize('164x94'),
      (r) => r.length > 0,
    );
    spares.prepare(shapes[1] as PictureShape);
    const [loading] = await until(
      () => ffmpegsOfSize('166x96'),
      (r) => r.length > 0,
    );
    await spares.stop();
    const left = await until(
      async () => [...(await ffmpegsOfSize('164x94')), ...(await ffmpegsOfSize('166x96'))],
      (r) => r.length === 0,
    );
    expect(left).toEqual([]);
    for (const r of [waiting, loading]) expect(await exists(join(r?.path ?? '', '..'))).toBe(false);
    // None starts after a stop.
    spares.prepare(shapes[0] as PictureShape);
    expect(await spares.take(shapes[0] as PictureShape)).toBeNull();
  });

  test('at most three shapes are kept: a fourth stops the spare of the oldest', async () => {
    const spares = new SparePictures();
    const sizes = ['168x98', '170x100', '172x102', '174x104'];
    for (const size of sizes) {
      const [width, height] = size.split('x').map(Number);
      spares.prepare({ width: width ?? 0, height: height ?? 0, fps: 12, draft: false });
    }
    const oldest = await until(
      () => ffmpegsOfSize('168x98'),
      (r) => r.length === 0,
    );
    expect(oldest).toEqual([]);
    expect(await spares.take({ width: 168, height: 98, fps: 12, draft: false })).toBeNull();
    const newest = await spares.take({ width: 174, height: 104, fps: 12, draft: false });
    expect(newest?.ready()).toBe(true);
    newest?.kill();
    await newest?.closed();
    await spares.stop();
  });

  test('a spare ends with the thread that started it', async () => {
    const module = new URL('./sparePictures.ts', import.meta.url).href;
    const code = `
      const { parentPort } = require('node:worker_threads');
      import(${JSON.stringify(tsxApiUrl())})
        .then((m) => { m.register(); return import(${JSON.stringify(module)}); })
        .then(({ SparePictures }) => {
          new SparePictures().prepare({ width: 178, height: 108, fps: 12, draft: false });
          parentPort.postMessage('prepared');
        });
      setInterval(() => undefined, 1000);
    `;
    const worker = new Worker(code, { eval: true });
    await new Promise((resolve) => worker.once('message', resolve));
    const [running] = await until(
      () => ffmpegsOfSize('178x108'),
      (r) => r.length > 0,
    );
    expect(running).toBeDefined();
    await worker.terminate();
    const left = await until(
      () => ffmpegsOfSize('178x108'),
      (r) => r.length === 0,
    );
    expect(left).toEqual([]);
  });

  test('a spare’s folder left by a killed engine is removed once it is a minute old, and a younger one is kept', async () => {
    const stale = await mkdtemp(join(tmpdir(), 'shotline-spare-'));
    const young = await mkdtemp(join(tmpdir(), 'shotline-spare-'));
    const past = new Date(Date.now() - 5 * 60_000);
    await utimes(stale, past, past);
    const spares = new SparePictures();
    spares.prepare({ width: 180, height: 110, fps: 12, draft: false });
    await spares.take({ width: 180, height: 110, fps: 12, draft: false }).then(async (pipe) => {
      pipe?.kill();
      await pipe?.closed();
    });
    expect(await exists(stale)).toBe(false);
    expect(await exists(young)).toBe(true);
    await rm(young, { recursive: true, force: true });
    await spares.stop();
  });
});

import { execFile } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { ffmpegArgs } from '../media/ffmpegArgs';
import { mediaTools } from '../media/tools';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
// The script that makes the WebAssembly module (plain JavaScript, run by Node).
import { moduleBytes, moduleSource } from '../../../scripts/yuv420-wasm.mjs';
import { rgbaToYuv420, yuv420Bytes, yuv420Packer } from './yuv420';

/** One colour over a whole frame, converted: its Y, U and V. */
function solid(r: number, g: number, b: number): [number, number, number] {
  const rgba = new Uint8Array(4 * 4 * 4);
  for (let i = 0; i < 16; i++) rgba.set([r, g, b, 255], i * 4);
  const out = new Uint8Array(yuv420Bytes(4, 4));
  rgbaToYuv420(rgba, 4, 4, out);
  return [out[0] ?? -1, out[16] ?? -1, out[20] ?? -1];
}

/** A frame with smooth gradients, hard edges and noise, different in each channel. */
function picture(width: number, height: number, seed: number): Uint8Array {
  const rgba = new Uint8Array(width * height * 4);
  let s = seed;
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      s = (s * 1103515245 + 12345) >>> 0;
      const i = (y * width + x) * 4;
      const edge = x > width / 3 && y < height / 2 ? 90 : 0;
      rgba[i] = (x * 255) / width;
      rgba[i + 1] = ((y * 255) / height + edge) % 256;
      rgba[i + 2] = x > (width * 2) / 3 ? s >>> 24 : ((x + y) * 2) & 255;
      rgba[i + 3] = (s >>> 16) & 255; // alpha is not part of the picture
    }
  return rgba;
}

/** ffmpeg's own conversion of the same RGBA frame to yuv420p. */
async function ffmpegYuv(rgba: Uint8Array, width: number, height: number): Promise<Buffer> {
  const child = execFile(
    mediaTools().ffmpeg,
    ffmpegArgs(
      'errors',
      '-f',
      'rawvideo',
      '-pix_fmt',
      'rgba',
      '-s',
      `${width}x${height}`,
      '-i',
      'pipe:0',
      '-pix_fmt',
      'yuv420p',
      '-f',
      'rawvideo',
      'pipe:1',
    ),
    { encoding: 'buffer', maxBuffer: 1 << 26 },
  );
  const out: Buffer[] = [];
  child.stdout?.on('data', (c: Buffer) => out.push(c));
  child.stdin?.end(rgba);
  await new Promise<void>((resolve, reject) =>
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`ffmpeg exited with ${String(code)}`)))),
  );
  return Buffer.concat(out);
}

describe('frames to 4:2:0 for the picture encoder', () => {
  test('primaries, black and white land on BT.601 limited-range values', () => {
    expect(solid(0, 0, 0)).toEqual([16, 128, 128]);
    expect(solid(255, 255, 255)).toEqual([235, 128, 128]);
    expect(solid(128, 128, 128)).toEqual([126, 128, 128]);
    expect(solid(255, 0, 0)).toEqual([81, 90, 240]);
    expect(solid(0, 255, 0)).toEqual([145, 54, 34]);
    expect(solid(0, 0, 255)).toEqual([41, 240, 110]);
  });

  test('planes come Y, U, V, with each chroma sample the average of its 2 x 2 pixels', () => {
    // Left 2 x 2 block red, right block blue: one chroma sample each.
    const rgba = new Uint8Array(4 * 2 * 4);
    for (let y = 0; y < 2; y++)
      for (let x = 0; x < 4; x++) rgba.set(x < 2 ? [255, 0, 0, 255] : [0, 0, 255, 255], (y * 4 + x) * 4);
    const out = new Uint8Array(yuv420Bytes(4, 2));
    expect(out.length).toBe(8 + 2 + 2);
    rgbaToYuv420(rgba, 4, 2, out);
    expect([...out]).toEqual([81, 81, 41, 41, 81, 81, 41, 41, 90, 240, 240, 110]);
    // A block half black, half white averages to mid grey's chroma and keeps each pixel's luma.
    const split = new Uint8Array(2 * 2 * 4);
    split.set([0, 0, 0, 255, 255, 255, 255, 255, 0, 0, 0, 255, 255, 255, 255, 255]);
    const small = new Uint8Array(yuv420Bytes(2, 2));
    rgbaToYuv420(split, 2, 2, small);
    expect([...small]).toEqual([16, 235, 16, 235, 128, 128]);
  });

  test('matches ffmpeg converting the same frame: luma within 1, chroma within 2 on smooth parts', async () => {
    const width = 96;
    const height = 54;
    const rgba = picture(width, height, 7);
    const ours = new Uint8Array(yuv420Bytes(width, height));
    rgbaToYuv420(rgba, width, height, ours);
    const theirs = await ffmpegYuv(rgba, width, height);
    expect(theirs.length).toBe(ours.length);
    let lumaOff = 0;
    for (let i = 0; i < width * height; i++) lumaOff = Math.max(lumaOff, Math.abs((ours[i] ?? 0) - (theirs[i] ?? 0)));
    expect(lumaOff).toBeLessThanOrEqual(1);
    // Chroma away from the noise and the edge (ffmpeg filters chroma over more than 2 x 2 pixels).
    const half = width / 2;
    let chromaOff = 0;
    for (const plane of [width * height, width * height + half * (height / 2)])
      for (let cy = 2; cy < height / 2 - 2; cy++)
        for (let cx = 2; cx < half / 3 - 2; cx++)
          chromaOff = Math.max(
            chromaOff,
            Math.abs((ours[plane + cy * half + cx] ?? 0) - (theirs[plane + cy * half + cx] ?? 0)),
          );
    expect(chromaOff).toBeLessThanOrEqual(2);
  });

  test('gives the same bytes from a buffer at any byte offset', () => {
    const rgba = picture(64, 36, 3);
    const aligned = new Uint8Array(yuv420Bytes(64, 36));
    rgbaToYuv420(rgba, 64, 36, aligned);
    const shifted = new Uint8Array(rgba.length + 1);
    shifted.set(rgba, 1);
    const odd = new Uint8Array(yuv420Bytes(64, 36));
    rgbaToYuv420(shifted.subarray(1), 64, 36, odd);
    expect(Buffer.from(odd).equals(Buffer.from(aligned))).toBe(true);
  });

  test('refuses sizes 4:2:0 cannot hold and buffers of the wrong size', () => {
    expect(() => yuv420Packer(95, 54)).toThrow(/even width and height, got 95x54/);
    expect(() => yuv420Packer(96, 0)).toThrow(/even width and height/);
    const pack = yuv420Packer(4, 2);
    expect(pack.bytes).toBe(12);
    expect(() => pack.into(new Uint8Array(31), new Uint8Array(12))).toThrow(
      /takes 32 RGBA bytes into 12, got 31 into 12/,
    );
    expect(() => pack.into(new Uint8Array(32), new Uint8Array(11))).toThrow(/got 32 into 11/);
  });

  test('the WebAssembly converter gives exactly the bytes of rgbaToYuv420, at every width it takes', () => {
    for (const [width, height] of [
      [1280, 720],
      [640, 360],
      [16, 2],
      [18, 4],
      [34, 6],
      [100, 10],
    ] as const) {
      const rgba = picture(width, height, width + height);
      const pack = yuv420Packer(width, height);
      expect(pack.simd).toBe(true);
      const fast = new Uint8Array(pack.bytes);
      // Twice into the same memory, from different frames: nothing of the first is left.
      pack.into(picture(width, height, 99), fast);
      pack.into(rgba, fast);
      const plain = new Uint8Array(pack.bytes);
      rgbaToYuv420(rgba, width, height, plain);
      expect(Buffer.from(fast).equals(Buffer.from(plain)), `${width}x${height}`).toBe(true);
    }
    // Under 16 pixels wide, the plain converter does it.
    const narrow = yuv420Packer(14, 4);
    expect(narrow.simd).toBe(false);
    const out = new Uint8Array(narrow.bytes);
    narrow.into(picture(14, 4, 1), out);
    const plain = new Uint8Array(narrow.bytes);
    rgbaToYuv420(picture(14, 4, 1), 14, 4, plain);
    expect([...out]).toEqual([...plain]);
    expect(() => yuv420Packer(64, 36).into(new Uint8Array(10), new Uint8Array(3456))).toThrow(/got 10 into 3456/);
  });

  test('the checked-in WebAssembly module is what scripts/yuv420-wasm.mjs makes', async () => {
    const checkedIn = await readFile(join(import.meta.dirname, 'yuv420Wasm.ts'), 'utf8');
    expect(checkedIn).toBe(moduleSource(await moduleBytes()));
  });
});

/**
 * Frames go to the picture's ffmpeg as 4:2:0 YUV, the format x264 encodes, instead of the RGBA
 * Skia draws: 1.5 bytes a pixel instead of 4, so the pipe carries 1.4 MB a 720p frame instead of
 * 3.7, and ffmpeg has no conversion left to do. The conversion uses ffmpeg's coefficients for RGB
 * to `yuv420p`, BT.601 in limited range (luma 16–235, chroma 16–240), in 15-bit fixed point as
 * ffmpeg's are, with each chroma sample the average of its 2 × 2 pixels (ffmpeg's area filter;
 * its default bicubic one weighs in neighbouring pixels, which differs only on fine detail). The
 * picture's ffmpeg tags the stream so (pictureColourArgs in encode.ts). A render converts
 * with the same arithmetic as WebAssembly with 128-bit SIMD (scripts/yuv420-wasm.mjs makes it):
 * 0.8 ms a 720p frame, the copy into it included, against 2.3 ms for `rgbaToYuv420`, which stays
 * for what the module cannot take (a width under 16, a runtime without SIMD).
 */
import { yuv420Coefficients, yuv420WasmBase64 } from './yuv420Wasm';

/** Whether a word's low byte comes first, so a pixel's red is its low byte. */
const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** BT.601 in limited range, 15-bit fixed point: how they are made is in scripts/yuv420-wasm.mjs. */
const {
  shift,
  y: [yR, yG, yB],
  u: [uR, uG, uB],
  v: [vR, vG, vB],
  yAdd,
  cAdd,
} = yuv420Coefficients;

/** Bytes in one 4:2:0 frame: a full-size luma plane and two quarter-size chroma planes. */
export function yuv420Bytes(width: number, height: number): number {
  return width * height + 2 * (width / 2) * (height / 2);
}

/** Refuses a size 4:2:0 cannot hold (chroma covers 2 × 2 pixels), saying what to do. */
export function checkYuv420Size(width: number, height: number): void {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 2 || height < 2 || width % 2 || height % 2)
    throw new RangeError(`A 4:2:0 picture needs an even width and height, got ${width}x${height}.`);
}

/** Refuses a frame and an output buffer that do not fit the size. */
function checkFrame(rgba: Uint8Array, width: number, height: number, out: Uint8Array): void {
  checkYuv420Size(width, height);
  if (rgba.length !== width * height * 4 || out.length !== yuv420Bytes(width, height))
    throw new RangeError(
      `A ${width}x${height} frame takes ${width * height * 4} RGBA bytes into ${yuv420Bytes(width, height)}, got ${rgba.length} into ${out.length}.`,
    );
}

/**
 * Converts one RGBA frame (alpha ignored, as ffmpeg ignores it) of an even `width` and `height`
 * into `out`: the Y plane, then U, then V, as ffmpeg's `yuv420p` reads them.
 */
export function rgbaToYuv420(rgba: Uint8Array, width: number, height: number, out: Uint8Array): void {
  checkFrame(rgba, width, height, out);
  // Pixels as little-endian words (R in the low byte) when the buffer is aligned for that.
  const aligned = rgba.byteOffset % 4 === 0;
  const words = aligned ? new Uint32Array(rgba.buffer, rgba.byteOffset, width * height) : null;
  const half = width >> 1;
  const uPlane = width * height;
  const vPlane = uPlane + half * (height >> 1);
  for (let y = 0; y < height; y += 2) {
    let top = y * width;
    let below = top + width;
    let c = (y >> 1) * half;
    const rowEnd = top + width;
    if (words && littleEndian) {
      for (; top < rowEnd; top += 2, below += 2, c++) {
        const a = words[top] ?? 0;
        const b = words[top + 1] ?? 0;
        const d = words[below] ?? 0;
        const e = words[below + 1] ?? 0;
        const ar = a & 255;
        const ag = (a >>> 8) & 255;
        const ab = (a >>> 16) & 255;
        const br = b & 255;
        const bg = (b >>> 8) & 255;
        const bb = (b >>> 16) & 255;
        const dr = d & 255;
        const dg = (d >>> 8) & 255;
        const db = (d >>> 16) & 255;
        const er = e & 255;
        const eg = (e >>> 8) & 255;
        const eb = (e >>> 16) & 255;
        out[top] = (yR * ar + yG * ag + yB * ab + yAdd) >> shift;
        out[top + 1] = (yR * br + yG * bg + yB * bb + yAdd) >> shift;
        out[below] = (yR * dr + yG * dg + yB * db + yAdd) >> shift;
        out[below + 1] = (yR * er + yG * eg + yB * eb + yAdd) >> shift;
        const r = ar + br + dr + er;
        const g = ag + bg + dg + eg;
        const bl = ab + bb + db + eb;
        out[uPlane + c] = (uR * r + uG * g + uB * bl + cAdd) >> (shift + 2);
        out[vPlane + c] = (vR * r + vG * g + vB * bl + cAdd) >> (shift + 2);
      }
      continue;
    }
    for (; top < rowEnd; top += 2, below += 2, c++) {
      let r = 0;
      let g = 0;
      let bl = 0;
      for (const p of [top, top + 1, below, below + 1]) {
        const pr = rgba[p * 4] ?? 0;
        const pg = rgba[p * 4 + 1] ?? 0;
        const pb = rgba[p * 4 + 2] ?? 0;
        out[p] = (yR * pr + yG * pg + yB * pb + yAdd) >> shift;
        r += pr;
        g += pg;
        bl += pb;
      }
      out[uPlane + c] = (uR * r + uG * g + uB * bl + cAdd) >> (shift + 2);
      out[vPlane + c] = (vR * r + vG * g + vB * bl + cAdd) >> (shift + 2);
    }
  }
}

/** Turns a drawn RGBA frame into what the picture's ffmpeg reads, in a sink's own buffer. */
export interface FramePacker {
  /** Bytes of a converted frame. */
  bytes: number;
  into(rgba: Uint8Array, out: Uint8Array): void;
  /** Whether it converts with the WebAssembly module. */
  simd: boolean;
}

/** Frames of one size to 4:2:0; throws for a size 4:2:0 cannot hold. */
export function yuv420Packer(width: number, height: number): FramePacker {
  checkYuv420Size(width, height);
  const bytes = yuv420Bytes(width, height);
  const simd = width >= 16 ? wasmConverter(width, height) : null;
  return {
    bytes,
    into: simd ?? ((rgba, out) => rgbaToYuv420(rgba, width, height, out)),
    simd: simd !== null,
  };
}

/** The WebAssembly calls used here (this project's Node typings leave the global out). */
interface WasmSync {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: Record<string, unknown> };
}
interface WasmMemory {
  buffer: ArrayBuffer;
  grow(pages: number): number;
}
type Convert = (src: number, width: number, height: number, dst: number) => void;

const wasm = (globalThis as unknown as { WebAssembly?: WasmSync }).WebAssembly;
let compiled: object | null | undefined;

/** The WebAssembly module, compiled once a thread; null where the runtime has no SIMD. */
function wasmModule(): object | null {
  if (compiled === undefined) {
    const bytes = Buffer.from(yuv420WasmBase64, 'base64');
    compiled = wasm?.validate(bytes) ? new wasm.Module(bytes) : null;
  }
  return compiled;
}

/**
 * A converter with memory of its own for one frame in and one out: each frame is copied in,
 * converted, and its planes copied to `out`. Null without SIMD.
 */
function wasmConverter(width: number, height: number): FramePacker['into'] | null {
  const module = wasmModule();
  if (!module || !wasm) return null;
  const { exports } = new wasm.Instance(module);
  const memory = exports.memory as WasmMemory;
  const convert = exports.convert as Convert;
  const inBytes = width * height * 4;
  const outBytes = yuv420Bytes(width, height);
  const page = 65536;
  const need = Math.ceil((inBytes + outBytes) / page) - memory.buffer.byteLength / page;
  if (need > 0) memory.grow(need);
  const heap = new Uint8Array(memory.buffer);
  const planes = heap.subarray(inBytes, inBytes + outBytes);
  return (rgba, out) => {
    checkFrame(rgba, width, height, out);
    heap.set(rgba, 0);
    convert(0, width, height, inBytes);
    out.set(planes);
  };
}

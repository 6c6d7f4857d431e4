/**
 * The smallest and largest byte of a span, sixteen bytes at a time: the waveform peaks' hot loop
 * (an hour of stereo sound is 345 million 8-bit samples) in WebAssembly SIMD, several times
 * faster than a plain JavaScript loop. The module is a single function, assembled here from its
 * text so that no build step or binary file is needed:
 *
 *   (module
 *     (memory (export "memory") PAGES PAGES shared)
 *     (func (export "extremes") (param $at i32) (param $length i32) (result i32)
 *       (local $whole i32) (local $stop i32) (local $byte i32) (local $min i32) (local $max i32)
 *       (local $mins v128) (local $maxes v128)
 *       ;; $whole: where the last full sixteen bytes end; $stop: where the span ends
 *       (local.set $whole (i32.add (local.get $at) (i32.and (local.get $length) (i32.const -16))))
 *       (local.set $stop (i32.add (local.get $at) (local.get $length)))
 *       (local.set $mins (i8x16.splat (i32.const 255)))
 *       (local.set $maxes (i8x16.splat (i32.const 0)))
 *       (block (loop
 *         (br_if 1 (i32.ge_u (local.get $at) (local.get $whole)))
 *         (local.set $mins (i8x16.min_u (local.get $mins) (v128.load (local.get $at))))
 *         (local.set $maxes (i8x16.max_u (local.get $maxes) (v128.load (local.get $at))))
 *         (local.set $at (i32.add (local.get $at) (i32.const 16)))
 *         (br 0)))
 *       ;; fold the sixteen lanes onto lane 0: halves, quarters, eighths, pairs
 *       (local.set $mins (i8x16.min_u (local.get $mins) (i8x16.shuffle 8 9 … 7 (local.get $mins) (local.get $mins))))
 *       … the same for 4, 2 and 1 lanes, and for $maxes with i8x16.max_u …
 *       (local.set $min (i8x16.extract_lane_u 0 (local.get $mins)))
 *       (local.set $max (i8x16.extract_lane_u 0 (local.get $maxes)))
 *       (block (loop
 *         (br_if 1 (i32.ge_u (local.get $at) (local.get $stop)))
 *         (local.set $byte (i32.load8_u (local.get $at)))
 *         (local.set $min (select (local.get $byte) (local.get $min) (i32.lt_u (local.get $byte) (local.get $min))))
 *         (local.set $max (select (local.get $byte) (local.get $max) (i32.gt_u (local.get $byte) (local.get $max))))
 *         (local.set $at (i32.add (local.get $at) (i32.const 1)))
 *         (br 0)))
 *       (i32.or (local.get $min) (i32.shl (local.get $max) (i32.const 8)))))
 *
 * An empty span answers min 255, max 0. The memory is shared (a SharedArrayBuffer), so another
 * thread can read a pipe straight into it and nothing is copied.
 */

/** The WebAssembly calls used here (this project's Node typings leave the global out). */
interface WasmSync {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
}
interface WasmMemory {
  buffer: SharedArrayBuffer;
}

const PAGE_BYTES = 65_536;

// Instruction bytes (WebAssembly 2.0, with its fixed-width SIMD).
const op = {
  block: [0x02, 0x40],
  loop: [0x03, 0x40],
  end: 0x0b,
  br: 0x0c,
  brIf: 0x0d,
  select: 0x1b,
  get: 0x20,
  set: 0x21,
  load8u: [0x2d, 0x00, 0x00],
  const: 0x41,
  ltU: 0x49,
  gtU: 0x4b,
  geU: 0x4f,
  add: 0x6a,
  and: 0x71,
  or: 0x72,
  shl: 0x74,
  v128load: [0xfd, 0x00, 0x00, 0x00],
  shuffle: [0xfd, 0x0d],
  splat: [0xfd, 0x0f],
  extractU: [0xfd, 0x16],
  minU: [0xfd, 0x77],
  maxU: [0xfd, 0x79],
} as const;

// Locals: the two parameters, then five i32 and two v128.
const [at, length, whole, stop, byte, min, max, mins, maxes] = [0, 1, 2, 3, 4, 5, 6, 7, 8];

/** Lane i takes lane i + shift (wrapping): folding by min or max then brings lane i + shift onto i. */
function fold(local: number, combine: readonly number[], shift: number): number[] {
  const lanes = Array.from({ length: 16 }, (_, i) => (i + shift) % 16);
  return [op.get, local, op.get, local, ...op.shuffle, ...lanes, op.get, local, ...combine, op.set, local];
}

const body: number[] = [
  // locals: 5 × i32, 2 × v128
  2,
  5,
  0x7f,
  2,
  0x7b,
  ...[op.get, at, op.get, length, op.const, 0x70 /* −16 */, op.and, op.add, op.set, whole],
  ...[op.get, at, op.get, length, op.add, op.set, stop],
  ...[op.const, 0xff, 0x01, ...op.splat, op.set, mins],
  ...[op.const, 0x00, ...op.splat, op.set, maxes],
  ...op.block,
  ...op.loop,
  ...[op.get, at, op.get, whole, op.geU, op.brIf, 1],
  ...[op.get, mins, op.get, at, ...op.v128load, ...op.minU, op.set, mins],
  ...[op.get, maxes, op.get, at, ...op.v128load, ...op.maxU, op.set, maxes],
  ...[op.get, at, op.const, 16, op.add, op.set, at],
  ...[op.br, 0, op.end, op.end],
  ...[8, 4, 2, 1].flatMap((shift) => [...fold(mins, op.minU, shift), ...fold(maxes, op.maxU, shift)]),
  ...[op.get, mins, ...op.extractU, 0, op.set, min],
  ...[op.get, maxes, ...op.extractU, 0, op.set, max],
  ...op.block,
  ...op.loop,
  ...[op.get, at, op.get, stop, op.geU, op.brIf, 1],
  ...[op.get, at, ...op.load8u, op.set, byte],
  ...[op.get, byte, op.get, min, op.get, byte, op.get, min, op.ltU, op.select, op.set, min],
  ...[op.get, byte, op.get, max, op.get, byte, op.get, max, op.gtU, op.select, op.set, max],
  ...[op.get, at, op.const, 1, op.add, op.set, at],
  ...[op.br, 0, op.end, op.end],
  ...[op.get, min, op.get, max, op.const, 8, op.shl, op.or],
  op.end,
];

/** An unsigned LEB128 number, as section and body sizes are written. */
function leb(value: number): number[] {
  const out: number[] = [];
  let rest = value;
  do {
    const low = rest & 0x7f;
    rest >>>= 7;
    out.push(rest === 0 ? low : low | 0x80);
  } while (rest !== 0);
  return out;
}

function section(id: number, content: number[]): number[] {
  return [id, ...leb(content.length), ...content];
}

function name(text: string): number[] {
  return [text.length, ...Array.from(text, (c) => c.charCodeAt(0))];
}

/** The module, for a shared memory of `pages` pages. */
function moduleBytes(pages: number): Uint8Array {
  return new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    // one type: (i32, i32) → i32
    ...section(1, [1, 0x60, 2, 0x7f, 0x7f, 1, 0x7f]),
    // one function of that type
    ...section(3, [1, 0]),
    // one shared memory (flag 3: shared, with a maximum) of exactly `pages` pages
    ...section(5, [1, 0x03, ...leb(pages), ...leb(pages)]),
    ...section(7, [2, ...name('extremes'), 0x00, 0, ...name('memory'), 0x02, 0]),
    ...section(10, [1, ...leb(body.length), ...body]),
  ]);
}

const compiled = new Map<number, object>();

/** Finds the extremes of byte spans in its own memory, which holds at least `bytes` bytes. */
export class ByteExtremes {
  /** The memory spans index into. */
  readonly memory: SharedArrayBuffer;
  private readonly extremes: (at: number, length: number) => number;

  constructor(bytes: number) {
    const pages = Math.max(1, Math.ceil(bytes / PAGE_BYTES));
    const wasm = (globalThis as unknown as { WebAssembly: WasmSync }).WebAssembly;
    let module = compiled.get(pages);
    if (module === undefined) {
      module = new wasm.Module(moduleBytes(pages));
      compiled.set(pages, module);
    }
    const { exports } = new wasm.Instance(module, {});
    this.memory = (exports.memory as WasmMemory).buffer;
    this.extremes = exports.extremes as (at: number, length: number) => number;
  }

  /** The smallest byte of the memory's [start, end) in the low byte, the largest in the next. */
  span(start: number, end: number): number {
    return this.extremes(start, end - start);
  }
}

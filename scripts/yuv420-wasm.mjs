#!/usr/bin/env node
// Builds the engine's RGBA → 4:2:0 converter as WebAssembly with 128-bit SIMD, and writes it as
// base64 into src/main/engine/yuv420Wasm.ts with the coefficients it was made with (checked in,
// so neither a build nor a user's machine needs an assembler). `node scripts/yuv420-wasm.mjs` rewrites it; `--check` fails when the
// checked-in module is not what this script makes. The module gives exactly the bytes of
// `rgbaToYuv420` in yuv420.ts (yuv420.test.ts compares them), about three times faster.
//
// convert(src, width, height, dst): RGBA at `src` (alpha ignored) into the Y, U and V planes at
// `dst`, for an even width of at least 16 and an even height. Each step takes 16 pixels of two
// rows: 16 + 16 luma bytes and 8 + 8 chroma bytes. A width that is not a multiple of 16 ends with
// a step at width - 16, redoing a few pixels the same way.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import wabtInit from 'wabt';

const root = join(import.meta.dirname, '..');
const outPath = join(root, 'src', 'main', 'engine', 'yuv420Wasm.ts');

/**
 * The conversion's coefficients: BT.601 scaled to limited range (219 / 255 of full range for luma,
 * 224 / 255 for chroma), in 15-bit fixed point as ffmpeg's are. yAdd is luma's offset (16) and
 * rounding; chroma sums four pixels, so cAdd is its offset (128) and rounding two bits higher.
 * Written into yuv420Wasm.ts beside the module, for yuv420.ts's plain converter too.
 */
export function coefficients() {
  const shift = 15;
  const one = 1 << shift;
  const yScale = (219 / 255) * one;
  const cScale = (224 / 255) * one;
  const r = Math.round;
  return {
    shift,
    y: [r(0.299 * yScale), r(0.587 * yScale), r(0.114 * yScale)],
    u: [r(-0.168736 * cScale), r(-0.331264 * cScale), r(0.5 * cScale)],
    v: [r(0.5 * cScale), r(-0.418688 * cScale), r(-0.081312 * cScale)],
    yAdd: (16 << shift) + (one >> 1),
    cAdd: (128 << (shift + 2)) + (one << 1),
  };
}

/** The module's text. */
export function moduleText(c = coefficients()) {
  // Coefficients for two pixels' R, G, B, A lanes (alpha weighs nothing).
  const pair = (k) => `v128.const i16x8 ${[...k, 0, ...k, 0].join(' ')}`;
  const splat = (n) => `v128.const i32x4 ${n} ${n} ${n} ${n}`;
  // Sums of adjacent 32-bit lanes of a and b: [a0+a1, a2+a3, b0+b1, b2+b3].
  const even = '0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27';
  const odd = '4 5 6 7 12 13 14 15 20 21 22 23 28 29 30 31';
  const pairs = (a, b) => `(i32x4.add (i8x16.shuffle ${even} ${a} ${b}) (i8x16.shuffle ${odd} ${a} ${b}))`;
  const low = (v) => `(i16x8.extend_low_i8x16_u ${v})`;
  const high = (v) => `(i16x8.extend_high_i8x16_u ${v})`;
  const dot = (v, k) => `(i32x4.dot_i16x8_s ${v} (global.get ${k}))`;
  // Four pixels' luma.
  const luma = (v) =>
    `(i32x4.shr_s (i32x4.add ${pairs(dot(low(v), '$cy'), dot(high(v), '$cy'))} (global.get $yadd)) (i32.const ${c.shift}))`;
  const lumaRow = (p, at) =>
    `(v128.store (local.get ${at}) (i8x16.narrow_i16x8_u ` +
    `(i16x8.narrow_i32x4_s ${luma(`(local.get ${p}0)`)} ${luma(`(local.get ${p}1)`)}) ` +
    `(i16x8.narrow_i32x4_s ${luma(`(local.get ${p}2)`)} ${luma(`(local.get ${p}3)`)})))`;
  // Each 2 × 2 block's R, G, B summed: the two rows added, lane by lane.
  const sums = [0, 1, 2, 3]
    .map(
      (k) =>
        `(local.set $sl${k} (i16x8.add ${low(`(local.get $p${k})`)} ${low(`(local.get $q${k})`)}))\n` +
        `        (local.set $sh${k} (i16x8.add ${high(`(local.get $p${k})`)} ${high(`(local.get $q${k})`)}))`,
    )
    .join('\n        ');
  // Eight blocks' chroma, from the sums.
  const chroma = (k, at) => {
    const four = (a, b) =>
      pairs(
        pairs(dot(`(local.get $sl${a})`, k), dot(`(local.get $sh${a})`, k)),
        pairs(dot(`(local.get $sl${b})`, k), dot(`(local.get $sh${b})`, k)),
      );
    const scaled = (x) => `(i32x4.shr_s (i32x4.add ${x} (global.get $cadd)) (i32.const ${c.shift + 2}))`;
    return (
      `(v128.store64_lane 0 (local.get ${at}) (i8x16.narrow_i16x8_u ` +
      `(i16x8.narrow_i32x4_s ${scaled(four(0, 1))} ${scaled(four(2, 3))}) (v128.const i32x4 0 0 0 0)))`
    );
  };
  const loads = (p, base) =>
    [0, 1, 2, 3].map((k) => `(local.set ${p}${k} (v128.load offset=${16 * k} (local.get ${base})))`).join('\n        ');
  const v128s = (names) => names.map((n) => `(local ${n} v128)`).join(' ');
  const rows = (p) => [0, 1, 2, 3].map((k) => `${p}${k}`);
  return `(module
  (memory (export "memory") 1)
  (global $cy v128 (${pair(c.y)}))
  (global $cu v128 (${pair(c.u)}))
  (global $cv v128 (${pair(c.v)}))
  (global $yadd v128 (${splat(c.yAdd)}))
  (global $cadd v128 (${splat(c.cAdd)}))
  (func (export "convert") (param $src i32) (param $w i32) (param $h i32) (param $dst i32)
    (local $y i32) (local $x i32) (local $half i32) (local $row0 i32) (local $row1 i32)
    (local $s0 i32) (local $s1 i32) (local $o0 i32) (local $o1 i32) (local $u i32) (local $v i32)
    (local $yRow i32) (local $uRow i32) (local $vRow i32)
    ${v128s([...rows('$p'), ...rows('$q'), ...rows('$sl'), ...rows('$sh')])}
    (local.set $half (i32.shr_u (local.get $w) (i32.const 1)))
    (local.set $uRow (i32.add (local.get $dst) (i32.mul (local.get $w) (local.get $h))))
    (local.set $vRow (i32.add (local.get $uRow) (i32.mul (local.get $half) (i32.shr_u (local.get $h) (i32.const 1)))))
    (local.set $row0 (local.get $src))
    (local.set $yRow (local.get $dst))
    (loop $rows
      (local.set $row1 (i32.add (local.get $row0) (i32.shl (local.get $w) (i32.const 2))))
      (local.set $x (i32.const 0))
      (loop $cols
        (if (i32.gt_u (i32.add (local.get $x) (i32.const 16)) (local.get $w))
          (then (local.set $x (i32.sub (local.get $w) (i32.const 16)))))
        (local.set $s0 (i32.add (local.get $row0) (i32.shl (local.get $x) (i32.const 2))))
        (local.set $s1 (i32.add (local.get $row1) (i32.shl (local.get $x) (i32.const 2))))
        ${loads('$p', '$s0')}
        ${loads('$q', '$s1')}
        (local.set $o0 (i32.add (local.get $yRow) (local.get $x)))
        (local.set $o1 (i32.add (local.get $o0) (local.get $w)))
        ${lumaRow('$p', '$o0')}
        ${lumaRow('$q', '$o1')}
        ${sums}
        (local.set $u (i32.add (local.get $uRow) (i32.shr_u (local.get $x) (i32.const 1))))
        (local.set $v (i32.add (local.get $vRow) (i32.shr_u (local.get $x) (i32.const 1))))
        ${chroma('$cu', '$u')}
        ${chroma('$cv', '$v')}
        (local.set $x (i32.add (local.get $x) (i32.const 16)))
        (br_if $cols (i32.lt_u (local.get $x) (local.get $w))))
      (local.set $row0 (i32.add (local.get $row1) (i32.shl (local.get $w) (i32.const 2))))
      (local.set $yRow (i32.add (local.get $yRow) (i32.shl (local.get $w) (i32.const 1))))
      (local.set $uRow (i32.add (local.get $uRow) (local.get $half)))
      (local.set $vRow (i32.add (local.get $vRow) (local.get $half)))
      (local.set $y (i32.add (local.get $y) (i32.const 2)))
      (br_if $rows (i32.lt_u (local.get $y) (local.get $h))))))
`;
}

/** The module's bytes. */
export async function moduleBytes() {
  const wabt = await wabtInit();
  const parsed = wabt.parseWat('yuv420.wat', moduleText());
  try {
    parsed.validate();
    return Buffer.from(parsed.toBinary({}).buffer);
  } finally {
    parsed.destroy();
  }
}

/** The checked-in TypeScript for these bytes. */
export function moduleSource(bytes) {
  const base64 = bytes.toString('base64');
  const lines = base64.match(/.{1,96}/g) ?? [];
  const c = coefficients();
  return `// Made by scripts/yuv420-wasm.mjs, which has the module's text and how it works; do not edit.

/** The coefficients the module was made with, which yuv420.ts's plain converter uses as well. */
export const yuv420Coefficients = {
  shift: ${c.shift},
  y: [${c.y.join(', ')}],
  u: [${c.u.join(', ')}],
  v: [${c.v.join(', ')}],
  yAdd: ${c.yAdd},
  cAdd: ${c.cAdd},
} as const;

/** The RGBA → 4:2:0 converter (yuv420.ts) as WebAssembly with 128-bit SIMD, ${bytes.length} bytes. */
export const yuv420WasmBase64 =
${lines.map((l, i) => `  '${l}'${i < lines.length - 1 ? ' +' : ';'}`).join('\n')}
`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const source = moduleSource(await moduleBytes());
  if (process.argv.includes('--check')) {
    if (readFileSync(outPath, 'utf8') !== source) {
      console.error(`${outPath} is not what scripts/yuv420-wasm.mjs makes: run it to rewrite the file.`);
      process.exit(1);
    }
    console.log('yuv420Wasm.ts matches its script.');
  } else {
    writeFileSync(outPath, source);
    console.log(`wrote ${outPath}`);
  }
}

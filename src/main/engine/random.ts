/**
 * Seeded randomness. Everything the engine varies comes from here, never from Math.random, so the
 * same prompt and seed give the same frames and samples.
 */

/** FNV-1a over the string's UTF-16 code units, finished with a murmur mix: a stable 32-bit hash. */
export function hashString(text: string, seed = 0): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h);
}

export function mix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A small, fast generator (mulberry32) with helpers. */
export class Random {
  /** The state's 32 bits as a signed integer, which V8 keeps unboxed (see Noise in sound/dsp.ts). */
  private state: number;

  constructor(seed: number) {
    this.state = mix32(seed ^ 0x9e3779b9) | 0;
  }

  /** A generator whose sequence depends on this seed and a name, independent of call order elsewhere. */
  static derive(seed: number, name: string): Random {
    return new Random(hashString(name, seed));
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  range(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  int(min: number, maxInclusive: number): number {
    return min + Math.floor(this.next() * (maxInclusive - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  /** Standard normal, by Box-Muller. */
  normal(): number {
    const u = Math.max(this.next(), 1e-12);
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}

/** Smooth deterministic 1-D value noise in [-1, 1], for wind gusts, handheld shake and flutter. */
export function noise1(seed: number, x: number): number {
  const i = Math.floor(x);
  const f = x - i;
  const a = (mix32((i * 0x27d4eb2d) ^ seed) / 4294967296) * 2 - 1;
  const b = (mix32(((i + 1) * 0x27d4eb2d) ^ seed) / 4294967296) * 2 - 1;
  const s = f * f * (3 - 2 * f);
  return a + (b - a) * s;
}

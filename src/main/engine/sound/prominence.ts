/**
 * A sound the prompt directs at a moment must be heard over the ambience: its first instant
 * stands at least 10 dB above what played just before it. The mix ducks the beds around it and,
 * where that is not enough, raises the sound itself; the same measure checks a decoded render.
 */
import { dbToGain, panGains, sampleRate } from './dsp';
import type { Stereo } from './beds';

/** What the mix aims for: 3 dB over the promise, for the AAC encoder and the limiter. */
export const prominenceTargetDb = 13;
/** How far the beds drop under a directed sound. */
export const bedDuckDb = -10;

/** The windows compared: the sound's first 150 ms against 500 ms to 50 ms before it. */
const afterS = 0.15;
const beforeFromS = 0.5;
const beforeToS = 0.05;
/** The beds start to dip this long before the sound, so the dip itself is not heard as a step. */
const duckLeadS = 0.045;
const duckReleaseS = 0.35;

function rmsOf(x: Float32Array, from: number, to: number): number {
  const a = Math.max(0, from);
  const b = Math.min(x.length, to);
  if (b <= a) return 0;
  let sum = 0;
  for (let i = a; i < b; i++) sum += (x[i] ?? 0) ** 2;
  return Math.sqrt(sum / (b - a));
}

function duckLead(): number {
  return Math.round(duckLeadS * sampleRate);
}

function duckRelease(): number {
  return Math.round(duckReleaseS * sampleRate);
}

/** The ducking gain at sample `i` for a sound at `at` held `hold` samples: down from 45 ms before, back over 350 ms after. */
function duckGain(i: number, at: number, hold: number): number {
  const lead = duckLead();
  const start = at - lead;
  let k: number;
  if (i < at) k = (i - start) / lead;
  else if (i < at + hold) k = 1;
  else k = 1 - (i - at - hold) / duckRelease();
  const shaped = 0.5 - 0.5 * Math.cos(Math.PI * Math.min(1, Math.max(0, k)));
  return 1 - (1 - dbToGain(bedDuckDb)) * shaped;
}

/**
 * How far, in dB, a sound starting at `atS` seconds rises over what came before it in a mono
 * recording: RMS of its first 150 ms over RMS of the 450 ms ending 50 ms before it.
 */
export function prominenceDb(mono: Float32Array, atS: number, rate = sampleRate): number {
  const at = Math.round(atS * rate);
  const after = rmsOf(mono, at, at + Math.round(afterS * rate));
  const before = rmsOf(mono, at - Math.round(beforeFromS * rate), at - Math.round(beforeToS * rate));
  return 20 * Math.log10(Math.max(after, 1e-9) / Math.max(before, 1e-9));
}

/** The mono a listener with one speaker hears, as ffmpeg downmixes: the mean of both sides. */
function downmix(buses: readonly Stereo[], from: number, to: number): Float32Array {
  const a = Math.max(0, from);
  const out = new Float32Array(Math.max(0, Math.min(buses[0]?.left.length ?? 0, to) - a));
  for (const bus of buses)
    for (let i = 0; i < out.length; i++)
      out[i] = (out[i] ?? 0) + ((bus.left[a + i] ?? 0) + (bus.right[a + i] ?? 0)) / 2;
  return out;
}

/** Where a directed sound was put, for the master to keep its peak out of the limiter. */
export interface ProtectedSpan {
  from: number;
  to: number;
}

/**
 * Places directed sounds so each stands out. Call after every other sound is on its bus, in time
 * order; `bedGain` collects the ducking (1 = untouched) and is applied by `applyBedGain`.
 */
export class DirectedPlacer {
  readonly bedGain: Float32Array;
  readonly spans: ProtectedSpan[] = [];
  /** Where each directed sound placed so far holds (its onset and body), which a line never dips. */
  private readonly held: ProtectedSpan[] = [];

  constructor(
    private readonly beds: Stereo,
    private readonly effects: Stereo,
    private readonly dialogue: Stereo,
  ) {
    this.bedGain = new Float32Array(beds.left.length).fill(1);
  }

  /** Ducks the beds around `at` and adds the sound, raised if it would not stand out enough. */
  place(mono: Float32Array, at: number, pan: number): number {
    const hold = Math.min(1.2 * sampleRate, Math.max(afterS * sampleRate, mono.length * 0.5));
    this.duck(at, Math.round(hold));
    const before = this.level(at - Math.round(beforeFromS * sampleRate), at - Math.round(beforeToS * sampleRate));
    const afterEnd = at + Math.round(afterS * sampleRate);
    const reference = before > 0 ? before : this.level(at, afterEnd);
    const residual = this.level(at, afterEnd);
    const [gl, gr] = panGains(pan);
    const own = (rmsOf(mono, 0, Math.round(afterS * sampleRate)) * (gl + gr)) / 2;
    const target = reference * dbToGain(prominenceTargetDb);
    const needed = Math.sqrt(Math.max(0, target ** 2 - residual ** 2));
    const gain = own > 0 ? Math.min(dbToGain(30), Math.max(1, needed / own)) : 1;
    for (let i = 0; i < mono.length && at + i < this.effects.left.length; i++) {
      if (at + i < 0) continue;
      const v = (mono[i] ?? 0) * gain;
      this.effects.left[at + i] = (this.effects.left[at + i] ?? 0) + v * gl;
      this.effects.right[at + i] = (this.effects.right[at + i] ?? 0) + v * gr;
    }
    this.spans.push({ from: Math.max(0, at), to: Math.min(this.effects.left.length, afterEnd) });
    this.held.push({ from: at, to: at + Math.round(hold) });
    return gain;
  }

  /**
   * Adds a line of dialogue so it stands out as a directed sound does, over the beds and effects
   * (not over other lines): the effects already playing dip 10 dB under the whole line (a kettle
   * whistling on under the words), but never a directed sound's own moment, and the line is raised
   * if that is not enough. Place lines after the directed sounds. The beds are left
   * to the master, which ducks them under every line. Returns the gain the line was given.
   */
  placeLine(mono: Float32Array, at: number, pan: number): number {
    this.duckEffects(at, mono.length);
    const before = this.level(
      at - Math.round(beforeFromS * sampleRate),
      at - Math.round(beforeToS * sampleRate),
      false,
    );
    const afterEnd = at + Math.round(afterS * sampleRate);
    const residual = this.level(at, afterEnd, false);
    const [gl, gr] = panGains(pan);
    const own = (rmsOf(mono, 0, Math.round(afterS * sampleRate)) * (gl + gr)) / 2;
    const needed = Math.sqrt(Math.max(0, (before * dbToGain(prominenceTargetDb)) ** 2 - residual ** 2));
    const gain = own > 0 ? Math.min(dbToGain(30), Math.max(1, needed / own)) : 1;
    for (let i = 0; i < mono.length && at + i < this.dialogue.left.length; i++) {
      if (at + i < 0) continue;
      const v = (mono[i] ?? 0) * gain;
      this.dialogue.left[at + i] = (this.dialogue.left[at + i] ?? 0) + v * gl;
      this.dialogue.right[at + i] = (this.dialogue.right[at + i] ?? 0) + v * gr;
    }
    if (gain > 1) this.spans.push({ from: Math.max(0, at), to: Math.min(this.dialogue.left.length, afterEnd) });
    return gain;
  }

  /** Multiplies the beds by the ducking gathered so far. */
  applyBedGain(): void {
    for (let i = 0; i < this.bedGain.length; i++) {
      const g = this.bedGain[i] ?? 1;
      if (g === 1) continue;
      this.beds.left[i] = (this.beds.left[i] ?? 0) * g;
      this.beds.right[i] = (this.beds.right[i] ?? 0) * g;
    }
  }

  private duck(at: number, hold: number): void {
    for (let i = Math.max(0, at - duckLead()); i < Math.min(this.bedGain.length, at + hold + duckRelease()); i++) {
      const g = duckGain(i, at, hold);
      if (g < (this.bedGain[i] ?? 1)) this.bedGain[i] = g;
    }
  }

  /** Dips what is on the effects bus so far under a line, with the beds' curve. */
  private duckEffects(at: number, hold: number): void {
    const { left, right } = this.effects;
    const depth = 1 - dbToGain(bedDuckDb);
    const near = this.held.filter(
      (sound) => sound.from - duckLead() < at + hold + duckRelease() && sound.to + duckRelease() > at - duckLead(),
    );
    for (let i = Math.max(0, at - duckLead()); i < Math.min(left.length, at + hold + duckRelease()); i++) {
      // A directed sound under the line (a thunder at 00:02 in a line from 00:01) keeps its level:
      // the dip eases off around it, on the same curve, so it stands out as it was placed to.
      let g = duckGain(i, at, hold);
      for (const sound of near) g = Math.max(g, (1 - duckGain(i, sound.from, sound.to - sound.from)) / depth);
      left[i] = (left[i] ?? 0) * g;
      right[i] = (right[i] ?? 0) * g;
    }
  }

  /**
   * RMS of everything placed so far (the beds as ducked), downmixed to mono, between two samples;
   * without the dialogue when `withDialogue` is false.
   */
  private level(from: number, to: number, withDialogue = true): number {
    const a = Math.max(0, from);
    const b = Math.min(this.bedGain.length, to);
    if (b - a < 0.05 * sampleRate) return 0;
    const rest = downmix(withDialogue ? [this.effects, this.dialogue] : [this.effects], a, b);
    let sum = 0;
    for (let i = a; i < b; i++) {
      const g = this.bedGain[i] ?? 1;
      const v = (((this.beds.left[i] ?? 0) + (this.beds.right[i] ?? 0)) / 2) * g + (rest[i - a] ?? 0);
      sum += v * v;
    }
    return Math.sqrt(sum / (b - a));
  }
}

/**
 * Music beds by genre: a four-bar loop with the genre's instruments, tempo and feel, rendered
 * once per bed and played round. The seed picks the key and the progression, so two shots asking
 * for jazz do not play the same tune.
 */
import { hashString } from '../random';
import { addBurst, addTone, Biquad, Noise, sampleRate } from './dsp';

export const musicGenres = ['ambient', 'piano', 'jazz', 'electronic', 'rock', 'orchestral', 'lofi'] as const;
export type MusicGenre = (typeof musicGenres)[number];

interface Loop {
  left: Float32Array;
  right: Float32Array;
}

const progressions: number[][] = [
  [0, 9, 5, 7],
  [0, 5, 9, 7],
  [9, 5, 0, 7],
  [0, 7, 9, 5],
];

/** Major-key triads (or sevenths) built on a scale degree given in semitones above the key. */
function chordNotes(rootMidi: number, degree: number, seventh: boolean): number[] {
  const minor = degree === 9 || degree === 2 || degree === 4;
  const third = minor ? 3 : 4;
  const notes = [rootMidi + degree, rootMidi + degree + third, rootMidi + degree + 7];
  if (seventh) notes.push(rootMidi + degree + (minor || degree !== 7 ? (minor ? 10 : 11) : 10));
  return notes;
}

const hz = (midi: number): number => 440 * 2 ** ((midi - 69) / 12);

class Track {
  readonly left: Float32Array;
  readonly right: Float32Array;

  constructor(seconds: number) {
    const n = Math.round(seconds * sampleRate);
    this.left = new Float32Array(n);
    this.right = new Float32Array(n);
  }

  /** Adds a mono part with a pan, wrapping round the loop's end so the loop is seamless. */
  mix(part: Float32Array, pan: number, gain: number): void {
    const l = Math.cos(((pan + 1) * Math.PI) / 4) * gain;
    const r = Math.sin(((pan + 1) * Math.PI) / 4) * gain;
    const n = this.left.length;
    for (let i = 0; i < part.length; i++) {
      const v = part[i] ?? 0;
      if (v === 0) continue;
      const k = i % n;
      this.left[k] = (this.left[k] ?? 0) + v * l;
      this.right[k] = (this.right[k] ?? 0) + v * r;
    }
  }
}

/** A plucked or struck note: a few decaying partials (piano, Rhodes, guitar, bass). */
function strike(part: Float32Array, at: number, f: number, amp: number, decay: number, bright: number): void {
  addTone(part, at, f, amp, decay);
  addTone(part, at, f * 2, amp * 0.5 * bright, decay * 0.6);
  addTone(part, at, f * 3, amp * 0.25 * bright, decay * 0.4);
}

/** Held notes of detuned saws through a low-pass: pads, strings, a distorted guitar when driven. */
function hold(
  part: Float32Array,
  at: number,
  len: number,
  freqs: number[],
  amp: number,
  cutoff: number,
  drive = 0,
): void {
  const start = Math.round(at * sampleRate);
  const n = Math.round(len * sampleRate);
  const lp = new Biquad('lowpass', cutoff, 0.7);
  const phases = freqs.flatMap((f) => [f * 0.997, f, f * 1.004]).map((f) => ({ f, p: (f * 7.13) % 1 }));
  for (let i = 0; i < n && start + i < part.length; i++) {
    const t = i / sampleRate;
    let x = 0;
    for (const v of phases) {
      v.p += v.f / sampleRate;
      x += 2 * (v.p % 1) - 1;
    }
    x /= phases.length;
    if (drive > 0) x = Math.tanh(x * drive);
    const env = Math.min(1, t / (drive > 0 ? 0.005 : 0.25)) * Math.min(1, (len - t) / 0.12);
    part[start + i] = (part[start + i] ?? 0) + lp.process(x) * amp * env;
  }
}

function kick(part: Float32Array, at: number, amp: number): void {
  addTone(part, at, 110, amp, 0.18, 0.6);
}

function snare(part: Float32Array, n: Noise, at: number, amp: number): void {
  addBurst(part, n, at, amp, 0.0005, 0.09, new Biquad('bandpass', 1900, 0.8));
  addTone(part, at, 190, amp * 0.5, 0.05);
}

function hat(part: Float32Array, n: Noise, at: number, amp: number, open = false): void {
  addBurst(part, n, at, amp, 0.0003, open ? 0.12 : 0.025, new Biquad('highpass', 7000));
}

interface Feel {
  bpm: number;
  swing: number;
}

const feels: Record<MusicGenre, Feel> = {
  ambient: { bpm: 70, swing: 0 },
  piano: { bpm: 84, swing: 0 },
  jazz: { bpm: 132, swing: 0.16 },
  electronic: { bpm: 124, swing: 0 },
  rock: { bpm: 112, swing: 0 },
  orchestral: { bpm: 76, swing: 0 },
  lofi: { bpm: 80, swing: 0.1 },
};

/** Renders a genre's four-bar loop. */
export function musicLoop(genre: MusicGenre, seed: number): Loop {
  const n = new Noise(hashString(`music ${genre}`, seed));
  const { bpm, swing } = feels[genre];
  const beat = 60 / bpm;
  const bars = 4;
  const track = new Track(bars * 4 * beat);
  const size = track.left.length + Math.round(2 * sampleRate);
  const key = 48 + Math.floor(n.uniform() * 7);
  const progression = progressions[Math.floor(n.uniform() * progressions.length)] ?? [0, 9, 5, 7];
  const seventh = genre === 'jazz' || genre === 'lofi';
  const chords = progression.map((d) => chordNotes(key, d, seventh));
  const at = (bar: number, eighth: number): number =>
    (bar * 8 + eighth + (eighth % 2 === 1 ? swing * 2 : 0)) * (beat / 2);
  const harmony = new Float32Array(size);
  const bass = new Float32Array(size);
  const drums = new Float32Array(size);
  const lead = new Float32Array(size);
  chords.forEach((chord, bar) => {
    const root = chord[0] ?? key;
    const freqs = chord.map((m) => hz(m + 12));
    switch (genre) {
      case 'ambient':
        hold(harmony, bar * 4 * beat, 4 * beat + 0.3, freqs, 0.5, 900);
        strike(
          lead,
          at(bar, 2 * Math.floor(n.uniform() * 4)),
          hz((chord[Math.floor(n.uniform() * 3)] ?? root) + 24),
          0.15,
          1.2,
          0.2,
        );
        break;
      case 'piano':
        for (let e = 0; e < 8; e++)
          strike(harmony, at(bar, e), hz((chord[e % 3] ?? root) + (e < 4 ? 12 : 24)), 0.3, 0.9, 0.6);
        strike(bass, at(bar, 0), hz(root - 12), 0.5, 1.6, 0.4);
        break;
      case 'jazz':
        // Walking bass, a ride cymbal's swing, the piano comping on the off-beats.
        for (let q = 0; q < 4; q++)
          strike(bass, at(bar, q * 2), hz(root - 12 + ([0, 4, 7, 5][q] ?? 0)), 0.6, 0.35, 0.3);
        for (const e of [0, 2, 3, 4, 6, 7]) hat(drums, n, at(bar, e), e % 2 ? 0.2 : 0.35, true);
        for (const e of [3, 6]) for (const f of freqs) strike(harmony, at(bar, e), f, 0.16, 0.3, 0.5);
        break;
      case 'electronic':
        for (let q = 0; q < 4; q++) kick(drums, at(bar, q * 2), 0.9);
        for (let q = 0; q < 4; q++) hat(drums, n, at(bar, q * 2 + 1), 0.35, q % 2 === 1);
        for (let e = 0; e < 8; e++)
          hold(bass, at(bar, e), beat / 2 - 0.02, [hz(root - 12 + (e % 2) * 12)], 0.5, 700, 2);
        hold(harmony, bar * 4 * beat, 4 * beat, freqs, 0.25, 2200);
        break;
      case 'rock':
        for (const e of [0, 3, 4]) kick(drums, at(bar, e), 0.9);
        for (const e of [2, 6]) snare(drums, n, at(bar, e), 0.8);
        for (let e = 0; e < 8; e++) hat(drums, n, at(bar, e), 0.25);
        // Power chords: root, fifth and octave, driven hard.
        for (const e of [0, 3, 4, 6])
          hold(
            harmony,
            at(bar, e),
            beat * (e === 0 ? 1.4 : 0.9),
            [hz(root), hz(root + 7), hz(root + 12)],
            0.45,
            3200,
            6,
          );
        for (let e = 0; e < 8; e++) strike(bass, at(bar, e), hz(root - 12), 0.4, 0.2, 0.6);
        break;
      case 'orchestral':
        hold(harmony, bar * 4 * beat, 4 * beat + 0.4, [...freqs, hz(root)], 0.55, 1800);
        hold(lead, bar * 4 * beat + beat, 3 * beat, [hz((chord[2] ?? root) + 24)], 0.2, 2500);
        addTone(drums, at(bar, 0), hz(root - 24), 0.6, 0.6, 0.03);
        break;
      case 'lofi':
        kick(drums, at(bar, 0), 0.7);
        kick(drums, at(bar, 5), 0.5);
        for (const e of [2, 6]) snare(drums, n, at(bar, e), 0.45);
        for (let e = 0; e < 8; e++) hat(drums, n, at(bar, e), 0.12);
        for (const f of freqs) strike(harmony, at(bar, 0), f, 0.2, 1.4, 0.2);
        strike(bass, at(bar, 0), hz(root - 12), 0.5, 0.8, 0.2);
        break;
    }
  });
  track.mix(harmony, -0.25, 1);
  track.mix(bass, 0, 1);
  track.mix(drums, 0.15, 0.8);
  track.mix(lead, 0.35, 1);
  if (genre === 'lofi') {
    // The record's dust: soft crackle and a dull top.
    const dust = new Float32Array(track.left.length);
    for (let i = 0; i < dust.length; i++) if (n.uniform() < 0.0006) dust[i] = n.next() * 0.3;
    track.mix(dust, 0, 1);
    const l = new Biquad('lowpass', 3000);
    const r = new Biquad('lowpass', 3000);
    for (let i = 0; i < track.left.length; i++) {
      track.left[i] = l.process(track.left[i] ?? 0);
      track.right[i] = r.process(track.right[i] ?? 0);
    }
  }
  return track;
}

/**
 * The effects creators ask for most beyond impacts: an engine, leaves, a train braking, a station
 * announcement, an orchestral swell, a distant siren, typing, a ringing phone, a kettle's whistle,
 * a whistled tune and a hummed one, a pot at the boil and a broom sweeping. Like every
 * effect, each starts with its attack at sample 0 and is deterministic for its seed.
 */
import type { EffectOptions } from './effects';
import { addBurst, addTone, Biquad, BrownNoise, Noise, sampleRate } from './dsp';

function buffer(seconds: number): Float32Array {
  return new Float32Array(Math.max(1, Math.round(seconds * sampleRate)));
}

/** 0 before the start, a 4 ms rise, held, and a fade over the last `fade` seconds. */
function gate(t: number, seconds: number, fade: number): number {
  return Math.min(1, t / 0.004) * Math.min(1, Math.max(0, (seconds - t) / fade));
}

/** A car engine revving: firing pulses whose rate climbs, through the exhaust's low resonance. */
function engineRoar(o: EffectOptions): Float32Array {
  const seconds = Math.min(8, o.seconds ?? 3);
  const out = buffer(seconds);
  const n = new Noise(o.seed);
  const body = new Biquad('lowpass', 900, 0.9);
  const exhaust = new Biquad('peak', 120, 1.2, 8);
  let phase = 0;
  for (let i = 0; i < out.length; i++) {
    const t = i / sampleRate;
    // Revs from idle up to a roar, with a gear change's dip two thirds of the way.
    const rev = 1 - Math.exp(-t / 0.6) - (t > seconds * 0.66 ? 0.25 * Math.exp(-(t - seconds * 0.66) / 0.3) : 0);
    const firing = 32 + 95 * rev;
    phase += firing / sampleRate;
    const cycle = phase % 1;
    // Each cylinder's bang: a sharp pulse with some combustion noise.
    const pulse = Math.exp(-cycle * 9) * (1 + 0.35 * n.next()) - 0.2;
    const x = exhaust.process(body.process(pulse)) * (0.55 + 0.45 * rev);
    out[i] = x * gate(t, seconds, 0.4);
  }
  addBurst(out, n, 0, 0.4, 0.0005, 0.02, new Biquad('lowpass', 700));
  return out;
}

/** A chair or crate dragged across a floor: friction that sticks and slips some forty times a second. */
function scrape(o: EffectOptions): Float32Array {
  const seconds = Math.min(4, o.seconds ?? 0.7);
  const out = buffer(seconds);
  const n = new Noise(o.seed);
  const wood = new Biquad('bandpass', 700 + n.uniform() * 300, 1.4);
  const grit = new Biquad('highpass', 2200);
  const judder = 34 + n.uniform() * 14;
  for (let i = 0; i < out.length; i++) {
    const t = i / sampleRate;
    const stick = 0.35 + 0.65 * Math.max(0, Math.sin(2 * Math.PI * judder * t)) ** 3;
    const x = n.next();
    out[i] = (wood.process(x) * 1.2 + grit.process(x) * 0.25) * stick * gate(t, seconds, 0.15);
  }
  addBurst(out, n, 0, 0.6, 0.0005, 0.015, new Biquad('bandpass', 500, 1));
  return out;
}

/** Leaves rustling: many tiny dry crackles, denser in a gust. */
function rustle(o: EffectOptions): Float32Array {
  const seconds = Math.min(8, o.seconds ?? 2);
  const out = buffer(seconds + 0.05);
  const n = new Noise(o.seed);
  const dry = new Biquad('bandpass', 4200, 0.8);
  addBurst(out, n, 0, 0.9, 0.0003, 0.012, new Biquad('highpass', 2500));
  let at = 0.004;
  while (at < seconds) {
    const gust = 0.45 + 0.55 * Math.sin((Math.PI * at) / seconds) ** 0.6;
    addBurst(out, n, at, (0.2 + n.uniform() * 0.5) * gust, 0.0005, 0.003 + n.uniform() * 0.008, dry);
    at += (0.002 + n.uniform() * 0.014) / gust;
  }
  // The soft swish of the branches beneath the crackle.
  const swish = new Biquad('bandpass', 1800, 0.6);
  for (let i = 0; i < out.length; i++) {
    const t = i / sampleRate;
    out[i] = (out[i] ?? 0) + swish.process(n.next()) * 0.12 * gate(t, seconds, 0.3) * Math.sin((Math.PI * t) / seconds);
  }
  return out;
}

/** A train braking: the clunk of the blocks, steel squealing on steel, the wheels' rumble and the air let out. */
function trainBrakes(o: EffectOptions): Float32Array {
  const seconds = Math.min(8, o.seconds ?? 3.5);
  const out = buffer(seconds + 0.8);
  const n = new Noise(o.seed);
  addTone(out, 0, 90, 0.7, 0.08, 0.2);
  addBurst(out, n, 0, 0.8, 0.0005, 0.03, new Biquad('bandpass', 900, 1.2));
  const squeals = [2900 + n.uniform() * 400, 4100 + n.uniform() * 500];
  const rumble = new BrownNoise(n);
  const low = new Biquad('lowpass', 160);
  let p1 = 0;
  let p2 = 0;
  for (let i = 0; i < out.length; i++) {
    const t = i / sampleRate;
    const on = gate(t, seconds, 0.25);
    const slowing = 1 - 0.15 * (t / seconds);
    const wobble = 1 + 0.004 * Math.sin(t * 31) + 0.002 * n.next();
    p1 += ((squeals[0] ?? 3000) * slowing * wobble) / sampleRate;
    p2 += ((squeals[1] ?? 4200) * slowing * wobble) / sampleRate;
    const swell = 0.6 + 0.4 * Math.sin(t * 5.3) ** 2;
    const squeal = (Math.sin(2 * Math.PI * p1) * 0.5 + Math.sin(2 * Math.PI * p2) * 0.25) * swell * on;
    out[i] = (out[i] ?? 0) + squeal + low.process(rumble.next()) * 0.6 * on * (1 - 0.5 * (t / seconds));
  }
  // The release of air when the train has stopped.
  addBurst(out, n, seconds - 0.1, 0.35, 0.05, 0.25, new Biquad('highpass', 3500));
  return out;
}

/** Vowel formants (F1, F2) a public-address voice moves through, syllable by syllable. */
const vowels: [number, number][] = [
  [730, 1090],
  [530, 1840],
  [270, 2290],
  [570, 840],
  [440, 1020],
  [660, 1720],
];

/** A station announcement: the three-note chime, then a voice through a horn loudspeaker, echoing. */
function announcement(o: EffectOptions): Float32Array {
  const seconds = Math.min(8, o.seconds ?? 4);
  const out = buffer(seconds + 0.6);
  const n = new Noise(o.seed);
  [659.3, 523.3, 392].forEach((f, k) => {
    addTone(out, k * 0.42, f, 0.55, 0.7);
    addTone(out, k * 0.42, f * 2, 0.12, 0.3);
    addBurst(out, n, k * 0.42, 0.15, 0.0003, 0.004, new Biquad('highpass', 3000));
  });
  const voice = new Float32Array(out.length);
  const f1 = new Biquad('bandpass', 700, 6);
  const f2 = new Biquad('bandpass', 1200, 8);
  const from = 1.7;
  let glottal = 0;
  let syllable = -1;
  let target: [number, number] = vowels[0] ?? [700, 1200];
  for (let i = Math.round(from * sampleRate); i < voice.length; i++) {
    const t = i / sampleRate - from;
    if (t > seconds - from) break;
    const s = Math.floor(t / 0.16);
    if (s !== syllable) {
      syllable = s;
      target = vowels[Math.floor(n.uniform() * vowels.length)] ?? target;
      f1.set(target[0], 6);
      f2.set(target[1], 8);
    }
    // A falling announcer's intonation, each phrase of seven syllables.
    const pitch = 135 - 25 * ((t % 1.15) / 1.15) + 6 * Math.sin(t * 9);
    glottal += pitch / sampleRate;
    const pulse = glottal % 1 < 0.06 ? 1 : 0;
    const within = (t % 0.16) / 0.16;
    const phrase = t % 1.15 < 1.0 ? 1 : 0;
    const env = Math.sin(Math.PI * within) ** 0.7 * phrase;
    const breath = n.next() * 0.08;
    voice[i] = (f1.process(pulse + breath) * 1.4 + f2.process(pulse + breath) * 0.9) * env;
  }
  // The loudspeaker's narrow band and the platform's echo.
  const band = new Biquad('bandpass', 1400, 0.9);
  const delays = [Math.round(0.11 * sampleRate), Math.round(0.23 * sampleRate)];
  for (let i = 0; i < voice.length; i++) {
    const dry = band.process(voice[i] ?? 0);
    voice[i] = dry;
    const wet = (voice[i - (delays[0] ?? 1)] ?? 0) * 0.35 + (voice[i - (delays[1] ?? 1)] ?? 0) * 0.18;
    out[i] = (out[i] ?? 0) + (dry + wet) * 2.2;
  }
  return out;
}

/** An orchestral swell: a timpani stroke, then strings and brass growing to a full chord. */
function swell(o: EffectOptions): Float32Array {
  const seconds = Math.min(10, o.seconds ?? 3.5);
  const out = buffer(seconds + 0.4);
  const n = new Noise(o.seed);
  const root = 110 * 2 ** (Math.floor(n.uniform() * 5) / 12);
  addTone(out, 0, root * 0.75, 0.9, 0.35, 0.05);
  addBurst(out, n, 0, 0.5, 0.001, 0.04, new Biquad('lowpass', 600));
  const chord = [1, 1.5, 2, 2.5198, 3, 4].map((r) => root * r);
  const players = chord.flatMap((f, k) =>
    [-0.006, 0, 0.007].map((detune) => ({
      f: f * (1 + detune),
      phase: n.uniform(),
      brass: k >= 3,
      vib: 4.5 + n.uniform(),
    })),
  );
  const lp = new Biquad('lowpass', 600, 0.8);
  const cymbal = new Biquad('highpass', 6000);
  for (let i = 0; i < out.length; i++) {
    const t = i / sampleRate;
    const grow = Math.min(1, t / (seconds * 0.85)) ** 2;
    const level = (0.08 + 0.92 * grow) * Math.min(1, Math.max(0, (seconds + 0.3 - t) / 0.3));
    lp.set(500 + 4500 * grow, 0.8);
    let x = 0;
    for (const p of players) {
      p.phase += (p.f * (1 + 0.004 * Math.sin(t * p.vib * 2 * Math.PI))) / sampleRate;
      const saw = 2 * (p.phase % 1) - 1;
      x += saw * (p.brass ? 0.6 * grow : 1);
    }
    out[i] =
      (out[i] ?? 0) + lp.process(x / players.length) * 2.2 * level + cymbal.process(n.next()) * 0.12 * grow * grow;
  }
  return out;
}

/** A siren a few streets away: the wail, dulled by distance, echoing off buildings. */
function siren(o: EffectOptions): Float32Array {
  const seconds = Math.min(12, o.seconds ?? 4);
  const out = buffer(seconds + 0.4);
  const n = new Noise(o.seed);
  const dull = new Biquad('lowpass', 1700, 0.7);
  const period = 2.4 + n.uniform() * 0.6;
  let phase = 0;
  const dry = new Float32Array(out.length);
  for (let i = 0; i < out.length; i++) {
    const t = i / sampleRate;
    const f = 950 + 380 * Math.sin((2 * Math.PI * t) / period);
    phase += f / sampleRate;
    const wave = Math.sin(2 * Math.PI * phase) + 0.3 * Math.sin(6 * Math.PI * phase);
    dry[i] = dull.process(wave) * gate(t, seconds, 0.6);
  }
  const echoes: [number, number][] = [
    [0.07, 0.45],
    [0.16, 0.3],
    [0.29, 0.18],
  ];
  for (let i = 0; i < out.length; i++) {
    let v = dry[i] ?? 0;
    for (const [d, g] of echoes) v += (dry[i - Math.round(d * sampleRate)] ?? 0) * g;
    out[i] = v;
  }
  return out;
}

/** Typing: keystrokes at a typist's uneven pace, a space bar now and then, a pause to think. */
function typing(o: EffectOptions): Float32Array {
  const seconds = Math.min(12, o.seconds ?? 2.5);
  const out = buffer(seconds + 0.2);
  const n = new Noise(o.seed);
  const key = new Biquad('bandpass', 3200, 1.5);
  let at = 0;
  let k = 0;
  while (at < seconds) {
    const space = k > 0 && n.uniform() < 0.15;
    addBurst(out, n, at, space ? 0.6 : 0.9, 0.0002, 0.004, key);
    addTone(out, at, space ? 140 : 210 + n.uniform() * 60, space ? 0.5 : 0.35, 0.018);
    // The key coming back up.
    addBurst(out, n, at + 0.05 + n.uniform() * 0.03, 0.25, 0.0002, 0.003, key);
    k++;
    at += 0.08 + n.uniform() * 0.13 + (n.uniform() < 0.06 ? 0.45 : 0);
  }
  return out;
}

/** A telephone's bell: the hammer striking between two bells at 20 Hz, ring-ring and a pause. */
function phoneRing(o: EffectOptions): Float32Array {
  const seconds = Math.min(12, o.seconds ?? 3);
  const out = buffer(seconds + 0.5);
  const n = new Noise(o.seed);
  const bells = [1280, 1620];
  for (let cycle = 0; cycle < seconds; cycle += 3) {
    for (const [from, to] of [
      [0, 0.4],
      [0.6, 1],
    ] as const) {
      for (let at = cycle + from, k = 0; at < Math.min(seconds, cycle + to); at += 0.025, k++) {
        const f = bells[k % 2] ?? 1280;
        addTone(out, at, f, 0.4, 0.08);
        addTone(out, at, f * 2.76, 0.12, 0.03);
        addBurst(out, n, at, 0.08, 0.0002, 0.002, null);
      }
    }
  }
  return out;
}

/**
 * A foghorn across the water: a diaphone's low reed tone near 150 Hz, rich in harmonics, held
 * for a couple of seconds and ending in the grunt of its pitch dropping; the bay echoes it back.
 */
function foghorn(o: EffectOptions): Float32Array {
  const seconds = Math.min(8, o.seconds ?? 2.6);
  const out = buffer(seconds + 1.2);
  const n = new Noise(o.seed);
  const base = 138 + n.uniform() * 24;
  const body = new Biquad('lowpass', 900, 0.8);
  const dry = new Float32Array(out.length);
  let phase = 0;
  for (let i = 0; i < out.length; i++) {
    const t = i / sampleRate;
    // The grunt: over the last half second the reed slows to two thirds of its pitch.
    const grunt = Math.max(0, Math.min(1, (t - (seconds - 0.5)) / 0.5));
    phase += (base * (1 - 0.33 * grunt * grunt)) / sampleRate;
    const cycle = phase % 1;
    // A reed's pulse: a narrow, bright wave, with a little breath in it.
    const pulse = (cycle < 0.3 ? Math.sin((Math.PI * cycle) / 0.3) : 0) - 0.19 + 0.04 * n.next();
    dry[i] = body.process(pulse) * gate(t, seconds, 0.25);
  }
  const echo = Math.round(0.9 * sampleRate);
  for (let i = 0; i < out.length; i++) out[i] = (dry[i] ?? 0) + (dry[i - echo] ?? 0) * 0.25;
  return out;
}

/**
 * A kettle coming to the boil: a breathy hiss that turns into a two-note whistle (the spout's two
 * plates sound a little apart, so the tone beats), rising in pitch and loudness as the steam
 * pushes harder, then held until it is taken off the heat.
 */
function kettleWhistle(o: EffectOptions): Float32Array {
  const seconds = Math.min(10, o.seconds ?? 3.5);
  const out = buffer(seconds);
  const n = new Noise(o.seed);
  const breath = new Biquad('bandpass', 2600, 0.9);
  const base = 1850 + n.uniform() * 250;
  let a = 0;
  let b = 0;
  for (let i = 0; i < out.length; i++) {
    const t = i / sampleRate;
    // Steam bursts through the spout at once (the attack), and the whistle catches in it and
    // climbs over the first second.
    const build = 1 - Math.exp(-t / 0.45);
    const catchUp = Math.min(1, Math.max(0, (t - 0.1) / 0.4));
    const f = base * (0.86 + 0.14 * build) * (1 + 0.004 * Math.sin(2 * Math.PI * 5.5 * t));
    a += f / sampleRate;
    b += (f * 1.012) / sampleRate;
    const tone = Math.sin(2 * Math.PI * a) * 0.6 + Math.sin(2 * Math.PI * b) * 0.4;
    const hiss = breath.process(n.next()) * (0.45 + 0.35 * (1 - catchUp));
    out[i] = (tone * catchUp * (0.5 + 0.5 * build) + hiss) * gate(t, seconds, 0.3);
  }
  return out;
}

/** A short phrase of a folk tune's shape (semitones above the tonic, beats), repeated to fill `seconds`. */
function tuneNotes(tonic: number, beat: number, seconds: number): { at: number; hz: number }[] {
  const phrase: [number, number][] = [
    [0, 1],
    [4, 1],
    [7, 1],
    [9, 0.5],
    [7, 0.5],
    [4, 1],
    [2, 1],
    [0, 2],
  ];
  const notes: { at: number; hz: number }[] = [];
  for (let at = 0, k = 0; at < seconds; k++) {
    const [step, beats] = phrase[k % phrase.length] ?? [0, 1];
    notes.push({ at, hz: tonic * 2 ** (step / 12) });
    at += beats * beat + (k % phrase.length === phrase.length - 1 ? beat : 0);
  }
  return notes;
}

/** How a voice follows a tune's notes: how fast it slides onto each, and its vibrato once held. */
interface TuneVoice {
  glide: number;
  vibrato: { depth: number; hz: number; rampSeconds: number };
  /** One sample of the voice at `phase` cycles, `into` seconds into its note, which ends at `next`. */
  sample: (phase: number, t: number, into: number, next: number) => number;
}

/** Fills `out` with a voice following `notes`, note by note, for `seconds`. */
function followTune(
  out: Float32Array,
  notes: { at: number; hz: number }[],
  seconds: number,
  voice: TuneVoice,
): Float32Array {
  const { glide, vibrato: v } = voice;
  let phase = 0;
  let hz = notes[0]?.hz ?? 0;
  let note = 0;
  for (let i = 0; i < out.length; i++) {
    const t = i / sampleRate;
    while (note + 1 < notes.length && (notes[note + 1]?.at ?? Infinity) <= t) note++;
    const current = notes[note];
    if (current === undefined) break;
    const into = t - current.at;
    hz += (current.hz - hz) * glide;
    const vibrato = 1 + v.depth * Math.min(1, into / v.rampSeconds) * Math.sin(2 * Math.PI * v.hz * t);
    phase += (hz * vibrato) / sampleRate;
    out[i] = voice.sample(phase, t, into, notes[note + 1]?.at ?? seconds);
  }
  return out;
}

/**
 * Someone whistling a tune: a pure, breathy tone gliding between the notes of a short phrase,
 * with a singer's vibrato on the held ones; the phrase repeats for as long as the sound lasts.
 */
function whistle(o: EffectOptions): Float32Array {
  const seconds = Math.min(10, o.seconds ?? 3.2);
  const n = new Noise(o.seed);
  const breath = new Biquad('bandpass', 1500, 2);
  // Transposed by the seed.
  const tonic = 1000 * 2 ** ((Math.floor(n.uniform() * 5) - 2) / 12);
  // A quick glide onto each note, then vibrato once it is held.
  return followTune(buffer(seconds), tuneNotes(tonic, 0.36, seconds), seconds, {
    glide: 0.004,
    vibrato: { depth: 0.008, hz: 5.2, rampSeconds: 0.25 },
    sample: (phase, t, into, next) => {
      // Each note is tongued: a soft start and a slight fall before the next.
      const shape = Math.min(1, into / 0.03) * Math.min(1, Math.max(0.25, (next - t) / 0.06));
      return (Math.sin(2 * Math.PI * phase) * 0.8 + breath.process(n.next()) * 0.12) * shape * gate(t, seconds, 0.2);
    },
  });
}

/**
 * Someone humming a tune with closed lips: a voice's low fundamental (around 200 Hz) and its
 * harmonics, muffled through the nose (little above 1 kHz), sliding legato between the notes of
 * the same short phrase a whistler uses, a little slower; the hum swells on each note.
 */
function hum(o: EffectOptions): Float32Array {
  const seconds = Math.min(10, o.seconds ?? 3.2);
  const n = new Noise(o.seed);
  const tonic = 200 * 2 ** ((n.uniform() * 6 - 3) / 12);
  const nose = new Biquad('lowpass', 1000, 0.8);
  const murmur = new Biquad('bandpass', 260, 1.5);
  // Legato: a slower slide than a whistle's, and a gentle vibrato on the held notes.
  return followTune(buffer(seconds), tuneNotes(tonic, 0.42, seconds), seconds, {
    glide: 0.0015,
    vibrato: { depth: 0.006, hz: 5, rampSeconds: 0.3 },
    sample: (phase, t, into) => {
      // The voice: six harmonics falling off like a relaxed glottal pulse.
      let voice = 0;
      for (let k = 1; k <= 6; k++) voice += Math.sin(2 * Math.PI * phase * k) / k ** 1.4;
      const swell = 0.75 + 0.25 * Math.min(1, into / 0.12);
      const x = nose.process(voice * 0.5) + murmur.process(voice * 0.25);
      return x * swell * gate(t, seconds, 0.25);
    },
  });
}

/**
 * A pot at a rolling boil: a low rumble of water under steady heat, and bubbles bursting at the
 * surface, each a short "bloop" that rises in pitch as the bubble opens, many to the second.
 */
function boil(o: EffectOptions): Float32Array {
  const seconds = Math.min(10, o.seconds ?? 3);
  const out = buffer(seconds);
  const n = new Noise(o.seed);
  const rumble = new Biquad('lowpass', 260, 0.8);
  const surface = new Biquad('bandpass', 1300, 0.7);
  for (let i = 0; i < out.length; i++) {
    const t = i / sampleRate;
    const x = n.next();
    out[i] = (rumble.process(x) * 0.9 + surface.process(x) * 0.12) * gate(t, seconds, 0.3);
  }
  // Bubbles: some 25 a second at the boil, each a damped tone gliding up over a few ms.
  for (let at = 0; at < seconds - 0.05; at += 0.01 + n.uniform() * 0.07) {
    const start = Math.round(at * sampleRate);
    const hz = 350 + n.uniform() * 900;
    const amp = 0.25 + n.uniform() * 0.5;
    const decay = 0.012 + n.uniform() * 0.02;
    let phase = 0;
    for (let k = 0; k < Math.round(decay * 5 * sampleRate) && start + k < out.length; k++) {
      const t = k / sampleRate;
      phase += (hz * (1 + 2.5 * Math.min(1, t / decay))) / sampleRate;
      out[start + k] = (out[start + k] ?? 0) + Math.sin(2 * Math.PI * phase) * amp * Math.exp(-t / decay);
    }
  }
  return out;
}

/**
 * A broom sweeping a floor: one stroke after another, each a swish of bristles (broad noise,
 * brightest in its middle) that swells and dies over about a third of a second.
 */
function sweep(o: EffectOptions): Float32Array {
  const seconds = Math.min(10, o.seconds ?? 2.4);
  const out = buffer(seconds);
  const n = new Noise(o.seed);
  const bristles = new Biquad('bandpass', 3200, 0.6);
  const floor = new Biquad('bandpass', 900, 0.9);
  const stroke = 0.55 + n.uniform() * 0.15;
  for (let i = 0; i < out.length; i++) {
    const t = i / sampleRate;
    const into = (t % stroke) / stroke;
    // Fast onto the floor, a drag, and lifted off: the swish's shape, one per stroke.
    const env = into < 0.08 ? into / 0.08 : Math.max(0, 1 - (into - 0.08) / 0.55) ** 1.5;
    const x = n.next();
    out[i] = (bristles.process(x) + floor.process(x) * 0.5) * env * gate(t, seconds, 0.15);
  }
  return out;
}

export const creatorEffects = {
  boil,
  sweep,
  foghorn,
  engineRoar,
  scrape,
  rustle,
  trainBrakes,
  announcement,
  swell,
  siren,
  typing,
  phoneRing,
  kettleWhistle,
  whistle,
  hum,
};

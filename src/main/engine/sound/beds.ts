/**
 * Ambience beds: continuous backgrounds synthesised sample by sample into a stereo span, each
 * deterministic for its seed. Left and right use different noise so the bed has width.
 */
import type { BedId } from '../vocabulary/sound';
import { Biquad, BrownNoise, Noise, PinkNoise, sampleRate } from './dsp';
import { musicLoop, type MusicGenre } from './music';
import { underwater } from './underwaterBed';

export interface Stereo {
  left: Float32Array;
  right: Float32Array;
}

/** One stereo sample, written by a voice in place (a voice runs for every sample of a bed). */
export interface StereoSample {
  l: number;
  r: number;
}

/** A voice that produces one stereo sample at a time, into `out`. */
export type BedVoice = (t: number, out: StereoSample) => void;

function crickets(seed: number): BedVoice {
  const n = new Noise(seed);
  const insects = Array.from({ length: 5 }, (_, i) => ({
    freq: 4200 + n.uniform() * 1400,
    rate: 28 + n.uniform() * 14,
    period: 0.6 + n.uniform() * 0.8,
    offset: n.uniform() * 2,
    pulses: 3 + Math.floor(n.uniform() * 3),
    pan: -0.8 + (1.6 * i) / 4,
    amp: 0.5 + n.uniform() * 0.5,
  }));
  const bg = new Biquad('bandpass', 5000, 2);
  return (t, out) => {
    let l = 0;
    let r = 0;
    for (const c of insects) {
      const local = (t + c.offset) % c.period;
      const pulseIndex = Math.floor(local * c.rate);
      if (pulseIndex < c.pulses) {
        const within = local * c.rate - pulseIndex;
        const env = Math.sin(Math.PI * within) ** 2;
        const v = Math.sin(2 * Math.PI * c.freq * t) * env * c.amp * 0.16;
        l += v * (1 - c.pan) * 0.5;
        r += v * (1 + c.pan) * 0.5;
      }
    }
    const hiss = bg.process(n.next()) * 0.01;
    out.l = l + hiss;
    out.r = r + hiss;
  };
}

function wind(seed: number): BedVoice {
  const nl = new Noise(seed);
  const nr = new Noise(seed ^ 0x55aa);
  const pl = new PinkNoise(nl);
  const pr = new PinkNoise(nr);
  const fl = new Biquad('bandpass', 500, 0.8);
  const fr = new Biquad('bandpass', 500, 0.8);
  let k = 0;
  return (t, out) => {
    const gust = 0.55 + 0.3 * Math.sin(t * 0.45 + 1) + 0.15 * Math.sin(t * 1.3);
    if (k++ % 64 === 0) {
      fl.set(350 + 500 * gust, 0.9);
      fr.set(380 + 480 * gust, 0.9);
    }
    out.l = fl.process(pl.next()) * gust * 0.7;
    out.r = fr.process(pr.next()) * gust * 0.7;
  };
}

function rain(seed: number): BedVoice {
  const nl = new Noise(seed);
  const nr = new Noise(seed ^ 0x1234);
  const pl = new PinkNoise(nl);
  const pr = new PinkNoise(nr);
  const hl = new Biquad('highpass', 800);
  const hr = new Biquad('highpass', 800);
  const drops = new Noise(seed ^ 0x777);
  let dropEnvL = 0;
  let dropEnvR = 0;
  return (_t, out) => {
    if (drops.uniform() < 0.004) dropEnvL = 0.3 + drops.uniform() * 0.4;
    if (drops.uniform() < 0.004) dropEnvR = 0.3 + drops.uniform() * 0.4;
    dropEnvL *= 0.985;
    dropEnvR *= 0.985;
    const l = hl.process(pl.next()) * 0.45 + nl.next() * dropEnvL * 0.3;
    const r = hr.process(pr.next()) * 0.45 + nr.next() * dropEnvR * 0.3;
    out.l = l;
    out.r = r;
  };
}

function river(seed: number): BedVoice {
  const nl = new Noise(seed);
  const nr = new Noise(seed ^ 0x2468);
  const bands = [400, 750, 1300, 2100].map((f, i) => ({
    l: new Biquad('bandpass', f, 6),
    r: new Biquad('bandpass', f * 1.07, 6),
    rate: 3 + i * 1.7,
  }));
  const low = new Biquad('lowpass', 300);
  const brown = new BrownNoise(new Noise(seed ^ 0x1357));
  return (t, out) => {
    let l = 0;
    let r = 0;
    const wl = nl.next();
    const wr = nr.next();
    for (const b of bands) {
      const m = 0.5 + 0.5 * Math.sin(t * b.rate + b.rate);
      l += b.l.process(wl) * m;
      r += b.r.process(wr) * (1 - m * 0.5);
    }
    const rumble = low.process(brown.next()) * 0.4;
    out.l = l * 0.9 + rumble;
    out.r = r * 0.9 + rumble;
  };
}

function ocean(seed: number): BedVoice {
  const bl = new BrownNoise(new Noise(seed));
  const br = new BrownNoise(new Noise(seed ^ 0x9999));
  const wl = new Noise(seed ^ 0x4444);
  const fl = new Biquad('lowpass', 600);
  const fr = new Biquad('lowpass', 600);
  const hl = new Biquad('bandpass', 2500, 0.6);
  const hr = new Biquad('bandpass', 2500, 0.6);
  return (t, out) => {
    // A wave every ~7 s: a swell, a break, a hiss as it runs up the sand.
    const phase = (t / 7.3) % 1;
    const swell = Math.pow(Math.sin(Math.PI * phase), 2);
    const hiss = phase > 0.45 ? Math.exp(-(phase - 0.45) * 6) : 0;
    const w = wl.next();
    const l = fl.process(bl.next()) * (0.3 + 0.7 * swell) + hl.process(w) * hiss * 0.5;
    const r = fr.process(br.next()) * (0.3 + 0.7 * swell) + hr.process(w) * hiss * 0.45;
    out.l = l;
    out.r = r;
  };
}

function traffic(seed: number): BedVoice {
  const n = new Noise(seed);
  const low = new Biquad('lowpass', 180);
  const lowR = new Biquad('lowpass', 190);
  const brown = new BrownNoise(n);
  const brownR = new BrownNoise(new Noise(seed ^ 0x3131));
  const passes = Array.from({ length: 6 }, () => ({
    at: n.uniform() * 60,
    dur: 2.5 + n.uniform() * 2,
    dir: n.uniform() < 0.5 ? -1 : 1,
  }));
  const carF = new Biquad('bandpass', 700, 0.7);
  return (t, out) => {
    let car = 0;
    let pan = 0;
    for (const p of passes) {
      const local = (t - p.at) % 12;
      if (local > 0 && local < p.dur) {
        const u = local / p.dur;
        const env = Math.sin(Math.PI * u) ** 2;
        car += env;
        pan += p.dir * (u * 2 - 1) * env;
      }
    }
    const c = carF.process(n.next()) * car * 0.5;
    const l = low.process(brown.next()) * 0.8 + c * (1 - pan) * 0.5;
    const r = lowR.process(brownR.next()) * 0.8 + c * (1 + pan) * 0.5;
    out.l = l;
    out.r = r;
  };
}

function forestBirds(seed: number): BedVoice {
  const n = new Noise(seed);
  interface Chirp {
    start: number;
    len: number;
    f0: number;
    f1: number;
    pan: number;
    amp: number;
  }
  const chirps: Chirp[] = [];
  let next = 0;
  let phase = 0;
  const air = new Biquad('lowpass', 800);
  const airNoise = new PinkNoise(new Noise(seed ^ 0x8888));
  return (t, out) => {
    if (t >= next) {
      const f0 = 2200 + n.uniform() * 2600;
      const count = 1 + Math.floor(n.uniform() * 4);
      const pan = n.next() * 0.8;
      for (let k = 0; k < count; k++)
        chirps.push({
          start: t + k * 0.13,
          len: 0.05 + n.uniform() * 0.07,
          f0,
          f1: f0 * (0.8 + n.uniform() * 0.6),
          pan,
          amp: 0.1 + n.uniform() * 0.1,
        });
      next = t + 0.3 + n.uniform() * 1.4;
    }
    let v = 0;
    let p = 0;
    for (let i = chirps.length - 1; i >= 0; i--) {
      const c = chirps[i];
      if (!c) continue;
      const u = (t - c.start) / c.len;
      if (u > 1) {
        chirps.splice(i, 1);
        continue;
      }
      if (u < 0) continue;
      const f = c.f0 + (c.f1 - c.f0) * u;
      phase += (2 * Math.PI * f) / sampleRate;
      const s = Math.sin(phase) * Math.sin(Math.PI * u) * c.amp;
      v += s;
      p += s * c.pan;
    }
    const bed = air.process(airNoise.next()) * 0.08;
    out.l = v - p * 0.5 + bed;
    out.r = v + p * 0.5 + bed;
  };
}

function roomTone(seed: number): BedVoice {
  // Air in a room: soft pink noise with the rumble taken out, and a faint mains hum.
  const pl = new PinkNoise(new Noise(seed));
  const pr = new PinkNoise(new Noise(seed ^ 0x6060));
  const hl = new Biquad('highpass', 120);
  const hr = new Biquad('highpass', 120);
  const ll = new Biquad('lowpass', 1200);
  const lr = new Biquad('lowpass', 1200);
  return (t, out) => {
    const hum = Math.sin(2 * Math.PI * 100 * t) * 0.01 + Math.sin(2 * Math.PI * 150 * t) * 0.004;
    out.l = ll.process(hl.process(pl.next())) * 0.5 + hum;
    out.r = lr.process(hr.process(pr.next())) * 0.5 + hum;
  };
}

function fire(seed: number): BedVoice {
  const n = new Noise(seed);
  const roar = new Biquad('lowpass', 350);
  const roarR = new Biquad('lowpass', 330);
  const bl = new BrownNoise(new Noise(seed ^ 0x4242));
  const br = new BrownNoise(new Noise(seed ^ 0x4343));
  const crackF = new Biquad('highpass', 1500);
  let crack = 0;
  let crackPan = 0;
  return (_t, out) => {
    if (n.uniform() < 0.0009) {
      crack = 0.4 + n.uniform() * 0.6;
      crackPan = n.next();
    }
    crack *= 0.993;
    const c = crackF.process(n.next()) * crack;
    out.l = roar.process(bl.next()) * 0.5 + c * (1 - crackPan) * 0.6;
    out.r = roarR.process(br.next()) * 0.5 + c * (1 + crackPan) * 0.6;
  };
}

function crowd(seed: number): BedVoice {
  const voices = Array.from({ length: 8 }, (_, i) => {
    const n = new Noise(seed + i * 101);
    return {
      n,
      f: new Biquad('bandpass', 400 + n.uniform() * 900, 3),
      rate: 3 + n.uniform() * 3,
      off: n.uniform() * 10,
      pan: -0.8 + (1.6 * i) / 7,
    };
  });
  return (t, out) => {
    let l = 0;
    let r = 0;
    for (const v of voices) {
      const syl = Math.max(0, Math.sin((t + v.off) * v.rate * Math.PI)) * (0.5 + 0.5 * Math.sin((t + v.off) * 0.7));
      const s = v.f.process(v.n.next()) * syl * 0.5;
      l += s * (1 - v.pan) * 0.5;
      r += s * (1 + v.pan) * 0.5;
    }
    out.l = l;
    out.r = r;
  };
}

/** Rough RMS a bed has at level 1 after its trim, which music loops are brought to. */
const bedRms = 0.03;

/** A music bed: its genre's loop, rendered once, played round from the bed's start. */
function music(genre: MusicGenre): (seed: number) => BedVoice {
  return (seed) => {
    const loop = musicLoop(genre, seed);
    let sum = 0;
    for (let i = 0; i < loop.left.length; i++) sum += ((loop.left[i] ?? 0) ** 2 + (loop.right[i] ?? 0) ** 2) / 2;
    const scale = bedRms / 0.2 / Math.max(1e-6, Math.sqrt(sum / Math.max(1, loop.left.length)));
    const n = loop.left.length;
    return (t, out) => {
      const i = Math.round(t * sampleRate) % n;
      out.l = (loop.left[i] ?? 0) * scale;
      out.r = (loop.right[i] ?? 0) * scale;
    };
  };
}

const voices: Record<BedId, (seed: number) => BedVoice> = {
  crickets,
  wind,
  rain,
  river,
  ocean,
  traffic,
  forestBirds,
  roomTone,
  fire,
  crowd,
  underwater,
  musicAmbient: music('ambient'),
  musicPiano: music('piano'),
  musicJazz: music('jazz'),
  musicElectronic: music('electronic'),
  musicRock: music('rock'),
  musicOrchestral: music('orchestral'),
  musicLofi: music('lofi'),
};

/** Rough RMS of each bed at level 1, measured once, so beds sit at comparable loudness. */
const bedTrim: Record<BedId, number> = {
  crickets: 2.7,
  wind: 1.76,
  rain: 0.83,
  river: 1.0,
  ocean: 0.82,
  traffic: 0.82,
  forestBirds: 2.05,
  roomTone: 0.48,
  fire: 0.92,
  crowd: 11,
  underwater: 0.5,
  musicAmbient: 1,
  musicPiano: 1,
  musicJazz: 1,
  musicElectronic: 1,
  musicRock: 1,
  musicOrchestral: 1,
  musicLofi: 1,
};

/**
 * Adds a bed to `out` between two sample indices at a level, with short fades so a hard cut
 * does not click. Time inside the bed starts at 0 at `from`.
 */
export function addBed(id: BedId, out: Stereo, from: number, to: number, level: number, seed: number): void {
  const voice = voices[id](seed);
  const sample: StereoSample = { l: 0, r: 0 };
  const fade = Math.round(0.005 * sampleRate);
  const gain = 0.2 * level * bedTrim[id];
  const end = Math.min(to, out.left.length);
  for (let i = from; i < end; i++) {
    const t = (i - from) / sampleRate;
    voice(t, sample);
    const { l, r } = sample;
    const edge = Math.min(1, (i - from) / fade, (end - i) / fade);
    out.left[i] = (out.left[i] ?? 0) + l * gain * edge;
    out.right[i] = (out.right[i] ?? 0) + r * gain * edge;
  }
}

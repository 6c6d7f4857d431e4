/**
 * Under the sea: a muffled low wash (everything above the water heard through it) and bubbles
 * rising past, each a short upward chirp, as a diver's breath or a reef makes them.
 */
import type { BedVoice } from './beds';
import { Biquad, BrownNoise, Noise } from './dsp';

export function underwater(seed: number): BedVoice {
  const n = new Noise(seed ^ 0x0b0b);
  const bl = new BrownNoise(new Noise(seed));
  const br = new BrownNoise(new Noise(seed ^ 0x5151));
  const ll = new Biquad('lowpass', 240);
  const lr = new Biquad('lowpass', 250);
  let bubble = { start: -1, freq: 0, pan: 0 };
  return (t, out) => {
    // A burst of bubbles about once a second, one after another within it.
    if (t - bubble.start > 0.09 && n.uniform() < 0.00012)
      bubble = { start: t, freq: 500 + n.uniform() * 700, pan: n.next() * 0.6 };
    const age = t - bubble.start;
    let b = 0;
    if (bubble.start >= 0 && age < 0.08) {
      const f = bubble.freq * (1 + age * 12);
      b = Math.sin(2 * Math.PI * f * age) * Math.exp(-age * 45) * 0.5;
    }
    const swell = 0.7 + 0.3 * Math.sin(t * 0.5);
    out.l = ll.process(bl.next()) * swell + b * (1 - bubble.pan);
    out.r = lr.process(br.next()) * swell + b * (1 + bubble.pan);
  };
}

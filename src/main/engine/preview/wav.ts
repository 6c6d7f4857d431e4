/**
 * The preview's soundtrack as a small WAV a browser plays from memory: the mix folded to mono and
 * halved to 24 kHz, 16-bit. A minute is under 3 MB, where the render's 48 kHz float stereo would be 23 MB.
 */
import { sampleRate } from '../sound/dsp';
import type { Stereo } from '../sound/beds';
import { wavHeaderBytes, writeWavHeader } from '../sound/wavHeader';

export const previewSampleRate = sampleRate / 2;

export function previewWav(bus: Stereo): Buffer {
  const frames = Math.floor(bus.left.length / 2);
  const dataBytes = frames * 2;
  const buf = Buffer.alloc(wavHeaderBytes + dataBytes);
  writeWavHeader(buf, { format: 1, channels: 1, sampleRate: previewSampleRate, bitsPerSample: 16, dataBytes });
  for (let i = 0; i < frames; i++) {
    // Averaging each pair of samples is the decimation's low-pass: crude, but a preview's sound need only read true.
    const k = i * 2;
    const v = ((bus.left[k] ?? 0) + (bus.left[k + 1] ?? 0) + (bus.right[k] ?? 0) + (bus.right[k + 1] ?? 0)) / 4;
    buf.writeInt16LE(Math.round(Math.max(-1, Math.min(1, v)) * 32767), wavHeaderBytes + i * 2);
  }
  return buf;
}

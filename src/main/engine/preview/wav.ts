/**
 * The preview's soundtrack as a small WAV a browser plays from memory: the mix folded to mono and
 * halved to 24 kHz, 16-bit. A minute is under 3 MB, where the render's 48 kHz float stereo would be 23 MB.
 */
import { sampleRate } from '../sound/dsp';
import type { Stereo } from '../sound/beds';

export const previewSampleRate = sampleRate / 2;

export function previewWav(bus: Stereo): Buffer {
  const frames = Math.floor(bus.left.length / 2);
  const dataBytes = frames * 2;
  const buf = Buffer.alloc(44 + dataBytes);
  buf.write('RIFF', 0, 'ascii');
  buf.writeUInt32LE(36 + dataBytes, 4);
  buf.write('WAVE', 8, 'ascii');
  buf.write('fmt ', 12, 'ascii');
  buf.writeUInt32LE(16, 16);
  buf.writeUInt16LE(1, 20);
  buf.writeUInt16LE(1, 22);
  buf.writeUInt32LE(previewSampleRate, 24);
  buf.writeUInt32LE(previewSampleRate * 2, 28);
  buf.writeUInt16LE(2, 32);
  buf.writeUInt16LE(16, 34);
  buf.write('data', 36, 'ascii');
  buf.writeUInt32LE(dataBytes, 40);
  for (let i = 0; i < frames; i++) {
    // Averaging each pair of samples is the decimation's low-pass: crude, but a preview's sound need only read true.
    const k = i * 2;
    const v = ((bus.left[k] ?? 0) + (bus.left[k + 1] ?? 0) + (bus.right[k] ?? 0) + (bus.right[k + 1] ?? 0)) / 4;
    buf.writeInt16LE(Math.round(Math.max(-1, Math.min(1, v)) * 32767), 44 + i * 2);
  }
  return buf;
}

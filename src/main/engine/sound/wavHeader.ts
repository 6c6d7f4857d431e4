/** The 44-byte RIFF/WAVE header in front of uncompressed samples, shared by every WAV the engine writes. */
export interface WavLayout {
  /** 1 = integer PCM, 3 = IEEE float. */
  format: 1 | 3;
  channels: number;
  sampleRate: number;
  bitsPerSample: number;
  dataBytes: number;
}

export const wavHeaderBytes = 44;

/** Writes the header into the start of `buf`, which must hold at least 44 bytes. */
export function writeWavHeader(buf: Buffer, layout: WavLayout): void {
  const blockAlign = (layout.channels * layout.bitsPerSample) / 8;
  buf.write('RIFF', 0, 'ascii');
  buf.writeUInt32LE(36 + layout.dataBytes, 4);
  buf.write('WAVE', 8, 'ascii');
  buf.write('fmt ', 12, 'ascii');
  buf.writeUInt32LE(16, 16);
  buf.writeUInt16LE(layout.format, 20);
  buf.writeUInt16LE(layout.channels, 22);
  buf.writeUInt32LE(layout.sampleRate, 24);
  buf.writeUInt32LE(layout.sampleRate * blockAlign, 28);
  buf.writeUInt16LE(blockAlign, 32);
  buf.writeUInt16LE(layout.bitsPerSample, 34);
  buf.write('data', 36, 'ascii');
  buf.writeUInt32LE(layout.dataBytes, 40);
}

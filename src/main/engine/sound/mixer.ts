/**
 * The soundtrack's mix as a job of its own: beds, effects and spoken lines in, a WAV file and its
 * waveform peaks out. A render hands it to a mix worker so it runs while frames are drawn.
 */
import type { Schedule } from './schedule';
import { waveformPeaks, writeWav, type WaveformPeaks } from './mix';
import { mixSoundtrack, type SpokenDialogue } from './soundtrack';

export interface MixRequest {
  schedule: Schedule;
  lines: SpokenDialogue['lines'];
  seed: number;
  totalMs: number;
  wavPath: string;
}

export interface MixSummary {
  peaks: WaveformPeaks;
  loudness: number;
  gainDb: number;
}

export async function mixToFile(r: MixRequest): Promise<MixSummary> {
  const mix = mixSoundtrack(r.schedule, r.lines, { seed: r.seed, totalMs: r.totalMs });
  await writeWav(r.wavPath, mix.bus);
  return { peaks: waveformPeaks(mix.bus), loudness: mix.loudnessAfter, gainDb: mix.gainDb };
}

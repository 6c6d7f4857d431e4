/**
 * The soundtrack's mix as a job of its own: beds, effects and spoken lines in, a WAV (a file, or
 * its bytes) and its waveform peaks out. A render hands it to a mix worker so it runs while frames
 * are drawn.
 */
import type { Schedule } from './schedule';
import { writeFile } from 'node:fs/promises';
import { waveformPeaks, wavBytes, type WaveformPeaks } from './mix';
import type { MixReply } from './mixerReply';
import { mixSoundtrack, type SpokenDialogue } from './soundtrack';

export interface MixRequest {
  schedule: Schedule;
  lines: SpokenDialogue['lines'];
  seed: number;
  totalMs: number;
  /** Where the WAV goes; null to have its bytes back in the summary instead. */
  wavPath: string | null;
}

export interface MixSummary {
  peaks: WaveformPeaks;
  loudness: number;
  gainDb: number;
  /** The WAV's bytes, when the request gave no path. */
  wav: Uint8Array<ArrayBuffer> | null;
}

export async function mixWav(r: MixRequest): Promise<MixSummary> {
  const mix = mixSoundtrack(r.schedule, r.lines, { seed: r.seed, totalMs: r.totalMs });
  const wav = wavBytes(mix.bus);
  if (r.wavPath !== null) await writeFile(r.wavPath, wav);
  return {
    peaks: waveformPeaks(mix.bus),
    loudness: mix.loudnessAfter,
    gainDb: mix.gainDb,
    wav: r.wavPath === null ? wav : null,
  };
}

/** Mixes one soundtrack asked for by id, a failure included in the reply. */
export async function mixReply(id: number, request: MixRequest): Promise<MixReply> {
  try {
    return { id, ok: true, summary: await mixWav(request) };
  } catch (error) {
    return { id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

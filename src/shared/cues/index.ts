import { audacityLabels } from './audacity';
import { csvCues } from './csv';
import { resolveEdl } from './edl';
import { otioTimeline } from './otio';
import { srtSubtitles } from './srt';
import type { CueFileFormat, CueFormat } from './types';
import { webVtt } from './webvtt';

/** Every cue file format, in the order the Export cues menu lists them. */
export const CUE_FILE_FORMATS: Readonly<Record<CueFormat, CueFileFormat>> = {
  audacity: audacityLabels,
  srt: srtSubtitles,
  webvtt: webVtt,
  csv: csvCues,
  otio: otioTimeline,
  edl: resolveEdl,
};

export * from './types';

/**
 * Audacity's label track export: `start<TAB>end<TAB>label`, seconds with six decimals, a point
 * label has start = end. Spectral labels add a line starting with `\` (low and high frequency),
 * which carries nothing a cue can hold, so it is skipped.
 */
import { readSeconds, seconds } from './clock';
import { excerpt } from './fileText';
import { CueFileError, type CueFileFormat, type ReadCue } from './types';

export const audacityLabels: CueFileFormat = {
  id: 'audacity',
  label: 'Audacity labels',
  article: 'an',
  extension: 'txt',
  mimeType: 'text/plain',
  write(cues) {
    return cues
      .map((cue) => `${seconds(cue.startMs, 6)}\t${seconds(cue.endMs ?? cue.startMs, 6)}\t${cue.label}\n`)
      .join('');
  },
  read(text) {
    const cues: ReadCue[] = [];
    text.split(/\r?\n/).forEach((raw, i) => {
      const line = i + 1;
      if (raw.trim() === '' || raw.startsWith('\\')) return;
      const [startText = '', endText, ...labelParts] = raw.split('\t');
      const startMs = readSeconds(startText);
      if (startMs === null) throw new CueFileError(line, `"${excerpt(startText)}" is not a start time in seconds`);
      // Older exports and hand-written files may give only a start and a label.
      const endIsTime = endText !== undefined && readSeconds(endText) !== null;
      // With a third field the second can only be the end time.
      if (!endIsTime && labelParts.length > 0)
        throw new CueFileError(line, `"${excerpt(endText ?? '')}" is not an end time in seconds`);
      const endMs = endIsTime ? (readSeconds(endText) ?? startMs) : startMs;
      const label = (endIsTime ? labelParts.join(' ') : [endText ?? '', ...labelParts].join(' ')).trim();
      if (endMs < startMs)
        throw new CueFileError(
          line,
          `the label ends (${excerpt(endText ?? '')}) before it starts (${excerpt(startText)})`,
        );
      cues.push({ line, startMs, endMs: endMs === startMs ? null : endMs, label });
    });
    return cues;
  },
};

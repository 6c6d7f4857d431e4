/**
 * Audacity's label track export: `start<TAB>end<TAB>label`, seconds with six decimals, a point
 * label has start = end. Spectral labels add a line starting with `\` (low and high frequency),
 * which carries nothing a cue can hold, so it is skipped.
 *
 * The cue's kind ends the label as a mark, `door slam [sfx]`, as SRT writes it on its own line:
 * the label line keeps its three fields, Audacity shows the kind with the label, and an edit
 * there keeps it, so a file exported, edited in Audacity and imported again keeps every kind.
 */
import { readSeconds, seconds } from './clock';
import { excerpt } from './fileText';
import { CUE_KINDS, CueFileError, readEach, type CueFileFormat, type CueKind, type ReadCue } from './types';

/** The last bracketed kind at the end of a label, however an editor spaced or cased it. */
const KIND_MARK = /^(.*?)\s*\[\s*(sfx|dialogue|music|ambience|note)\s*\]$/i;

/** `door slam [sfx]`: a label already ending in a mark gets one more, so it reads back as it was. */
export function markedLabel(label: string, kind: CueKind): string {
  return `${label} [${kind}]`;
}

export function readMarkedLabel(text: string): { label: string; kind?: CueKind } {
  const mark = KIND_MARK.exec(text.trim());
  const kind = mark ? CUE_KINDS.find((k) => k === mark[2]?.toLowerCase()) : undefined;
  return mark && kind ? { label: (mark[1] ?? '').trim(), kind } : { label: text.trim() };
}

export const audacityLabels: CueFileFormat = {
  id: 'audacity',
  label: 'Audacity labels',
  article: 'an',
  extension: 'txt',
  mimeType: 'text/plain',
  write(cues) {
    return cues
      .map(
        (cue) =>
          `${seconds(cue.startMs, 6)}\t${seconds(cue.endMs ?? cue.startMs, 6)}\t${markedLabel(cue.label, cue.kind)}\n`,
      )
      .join('');
  },
  read(text) {
    const lines = text.split(/\r?\n/).map((raw, i) => ({ raw, line: i + 1 }));
    return readEach(lines, ({ raw, line }): ReadCue | null => {
      if (raw.trim() === '' || raw.startsWith('\\')) return null;
      const [startText = '', endText, ...labelParts] = raw.split('\t');
      const startMs = readSeconds(startText);
      if (startMs === null) throw new CueFileError(line, `"${excerpt(startText)}" is not a start time in seconds`);
      // Older exports and hand-written files may give only a start and a label.
      const endIsTime = endText !== undefined && readSeconds(endText) !== null;
      // With a third field the second can only be the end time.
      if (!endIsTime && labelParts.length > 0)
        throw new CueFileError(line, `"${excerpt(endText ?? '')}" is not an end time in seconds`);
      const endMs = endIsTime ? (readSeconds(endText) ?? startMs) : startMs;
      const labelText = endIsTime ? labelParts.join(' ') : [endText ?? '', ...labelParts].join(' ');
      if (endMs < startMs)
        throw new CueFileError(
          line,
          `the label ends (${excerpt(endText ?? '')}) before it starts (${excerpt(startText)})`,
        );
      return { line, startMs, endMs: endMs === startMs ? null : endMs, ...readMarkedLabel(labelText) };
    });
  },
};

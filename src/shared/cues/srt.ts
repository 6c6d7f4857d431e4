/**
 * SubRip: a 1-based index, `HH:MM:SS,mmm --> HH:MM:SS,mmm`, the text, a blank line. A point
 * cue is shown for half a second (clamped to the clip) and marked as a point on its last line.
 *
 * Most SubRip readers (ffmpeg, players, subtitle editors) start a new subtitle at any line with
 * `-->`, blank line or not, so an arrow in a label or note is written with a word joiner
 * (U+2060) inside it: it looks the same on screen, no reader takes it for a timing, and reading
 * it back here gives the arrow again.
 */
import { readSubtitleClock, subtitleClock, subtitleSpan } from './clock';
import { excerpt } from './fileText';
import { cueTextLines, guardStyling, readCueText, unguardStyling, withoutStyling } from './subtitleText';
import { CueFileError, readEach, type CueFileFormat, type ReadCue } from './types';

export const srtSubtitles: CueFileFormat = {
  id: 'srt',
  label: 'SRT subtitles',
  article: 'an',
  extension: 'srt',
  mimeType: 'application/x-subrip',
  write(cues, { durationMs }) {
    return cues
      .map((cue, i) => {
        const span = subtitleSpan(cue.startMs, cue.endMs, durationMs);
        const times = `${subtitleClock(span.fromMs, ',')} --> ${subtitleClock(span.toMs, ',')}`;
        const lines = cueTextLines(cue, { pointAtEnd: span.pointAtEnd });
        return `${i + 1}\n${times}\n${lines.map((line) => guardArrows(guardStyling(line))).join('\n')}\n\n`;
      })
      .join('');
  },
  read(text) {
    return readEach(readBlocks(text.replace(/^\uFEFF/, '')), ({ lines, first }) => {
      const [index = '', times = '', ...textLines] = lines;
      if (!/^\d+$/.test(index.trim()))
        throw new CueFileError(first, `expected a subtitle number, found "${excerpt(index)}"`);
      const [startText = '', endText = ''] = times.split('-->');
      const startMs = readSubtitleClock(startText, ',');
      const endMs = readSubtitleClock(endText.trim().split(/\s+/)[0] ?? '', ',');
      if (startMs === null || endMs === null || !times.includes('-->')) {
        throw new CueFileError(first + 1, `expected "HH:MM:SS,mmm --> HH:MM:SS,mmm", found "${excerpt(times)}"`);
      }
      if (endMs < startMs) throw new CueFileError(first + 1, 'the subtitle ends before it starts');
      const body = readCueText(textLines.map((line) => unguardArrows(unguardStyling(withoutStyling(line)))));
      const cue: ReadCue = {
        line: first,
        startMs: body.pointAtEnd ? endMs : startMs,
        endMs: body.point || endMs === startMs ? null : endMs,
        label: body.label,
        note: body.note,
        kind: body.kind ?? 'dialogue',
      };
      return cue;
    });
  },
};

const WORD_JOINER = '\u2060';

/** `-->` becomes `--⁠>` (a word joiner after the dashes); one already written so gets one more, so it reads back as it was. */
export function guardArrows(line: string): string {
  return line.replace(/--(\u2060*)>/g, `--${WORD_JOINER}$1>`);
}

export function unguardArrows(line: string): string {
  return line.replace(/--\u2060(\u2060*)>/g, '--$1>');
}

/** Blank-line separated blocks with the line number each starts on. */
export function readBlocks(text: string): { lines: string[]; first: number }[] {
  const blocks: { lines: string[]; first: number }[] = [];
  let current: { lines: string[]; first: number } | null = null;
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') {
      current = null;
      return;
    }
    if (current === null) {
      current = { lines: [], first: i + 1 };
      blocks.push(current);
    }
    current.lines.push(line);
  });
  return blocks;
}

/**
 * WebVTT: `WEBVTT`, a blank line, then cues `HH:MM:SS.mmm --> HH:MM:SS.mmm` with their id.
 * Before each cue a NOTE block keeps what a player ignores (kind, point, colour), so a file
 * read back gives the same cues. Cue text escapes &, < and > as character references, which
 * also keeps a "-->" in a label from ending the cue.
 */
import { readSubtitleClock, subtitleClock, subtitleSpan } from './clock';
import { excerpt } from './fileText';
import { readBlocks } from './srt';
import { cueTextLines, guardStyling, unguardStyling, withoutStyling } from './subtitleText';
import { CUE_KINDS, CueFileError, readEach, type CueFileFormat, type CueKind, type ReadCue } from './types';

const escape = (line: string): string => line.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const unescape = (line: string): string =>
  line
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&lrm;|&rlm;/g, '')
    .replace(/&amp;/g, '&');

const META = /^NOTE shotline kind=(\w+)( point(?:-at-end)?)?(?: color=(#[0-9a-f]{6}))?$/;

export const webVtt: CueFileFormat = {
  id: 'webvtt',
  label: 'WebVTT',
  article: 'a',
  extension: 'vtt',
  mimeType: 'text/vtt',
  write(cues, { durationMs, title }) {
    const head = title ? `WEBVTT - ${title.replace(/-->|\n/g, ' ')}\n\n` : 'WEBVTT\n\n';
    return (
      head +
      cues
        .map((cue, i) => {
          const span = subtitleSpan(cue.startMs, cue.endMs, durationMs);
          const point = cue.endMs === null ? (span.pointAtEnd ? ' point-at-end' : ' point') : '';
          const meta = `NOTE shotline kind=${cue.kind}${point}${cue.color ? ` color=${cue.color}` : ''}`;
          const [label = '', ...rest] = cueTextLines(cue).slice(0, -1);
          return `${meta}\n\ncue-${i + 1}\n${subtitleClock(span.fromMs, '.')} --> ${subtitleClock(span.toMs, '.')}\n${[label, ...rest].map((line) => escape(guardStyling(line, { tags: false }))).join('\n')}\n\n`;
        })
        .join('')
    );
  },
  read(text) {
    const blocks = readBlocks(text.replace(/^\uFEFF/, ''));
    const header = blocks.shift();
    if (!header || !/^WEBVTT(?:[ \t].*)?$/.test(header.lines[0] ?? '')) {
      throw new CueFileError(header?.first ?? 1, 'a WebVTT file starts with the line "WEBVTT"');
    }
    let meta: { kind: CueKind | undefined; point: boolean; atEnd: boolean; color: string | null } | null = null;
    return readEach(blocks, ({ lines, first }): ReadCue | null => {
      const head = lines[0] ?? '';
      if (head.startsWith('NOTE') || head.startsWith('STYLE') || head.startsWith('REGION')) {
        const m = META.exec(head);
        meta = m
          ? {
              kind: CUE_KINDS.find((k) => k === m[1]),
              point: m[2] !== undefined,
              atEnd: m[2] === ' point-at-end',
              color: m[3] ?? null,
            }
          : meta;
        return null;
      }
      // A NOTE belongs to the cue straight after it, read or not.
      const own = meta;
      meta = null;
      const timingAt = head.includes('-->') ? 0 : 1;
      const timing = lines[timingAt] ?? '';
      const [startText = '', after = ''] = timing.split('-->');
      const startMs = readSubtitleClock(startText, '.');
      const endMs = readSubtitleClock(after.trim().split(/\s+/)[0] ?? '', '.');
      if (startMs === null || endMs === null || !timing.includes('-->')) {
        throw new CueFileError(
          first + timingAt,
          `expected "HH:MM:SS.mmm --> HH:MM:SS.mmm", found "${excerpt(timing)}"`,
        );
      }
      if (endMs < startMs) throw new CueFileError(first + timingAt, 'the cue ends before it starts');
      // Any other "<" in cue text opens a tag (a literal one is written &lt;).
      const body = lines
        .slice(timingAt + 1)
        .map((line) => unescape(unguardStyling(withoutStyling(line).replace(/<[^>]*>/g, ''))));
      const point = own?.point === true || endMs === startMs;
      return {
        line: first,
        startMs: point && own?.atEnd === true ? endMs : startMs,
        endMs: point ? null : endMs,
        label: body[0] ?? '',
        note: body.slice(1).join('\n'),
        kind: own?.kind ?? 'dialogue',
        ...(own ? { color: own.color } : {}),
      };
    });
  },
};

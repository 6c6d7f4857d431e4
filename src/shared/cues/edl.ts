/**
 * DaVinci Resolve's marker EDL ("Timeline Markers to EDL"): one-frame events on a timeline that
 * starts at 01:00:00:00, each followed by a line with the note, then `|C:ResolveColor<Name>`,
 * `|M:<label>` and `|D:<length in frames>`. Times are whole frames, so they survive to the frame.
 *
 * The marker's colour carries the cue's kind (KIND_MARKER_COLORS), so the label stays as the
 * creator wrote it and a file read back, or re-exported from Resolve, keeps every kind.
 */
import { isResolveColor, RESOLVE_COLORS, resolveColor, type ResolveColor } from './colors';
import { excerpt } from './fileText';
import { kindOfReadCue } from './readKind';
import {
  CueFileError,
  type CueData,
  type CueFileFormat,
  type CueFileProblem,
  type CueKind,
  type ReadCue,
} from './types';

/**
 * The Resolve colour each kind's markers take, near the kind's own colour. Dialogue is Sky, not
 * Blue: Blue is the colour Resolve gives every new marker, which says nothing about its kind.
 */
export const KIND_MARKER_COLORS: Readonly<Record<CueKind, ResolveColor>> = {
  sfx: 'Red',
  dialogue: 'Sky',
  music: 'Purple',
  ambience: 'Green',
  note: 'Yellow',
};

const KIND_OF_MARKER_COLOR = new Map(
  Object.entries(KIND_MARKER_COLORS).map(([kind, color]) => [color, kind as CueKind]),
);

/**
 * The kind's colour; a colour the creator chose is kept when no kind claims it and the kind
 * reads back from the label anyway (a note, or `Anna: "Run!"` as dialogue), as a Resolve marker's
 * own Blue or Pink does.
 */
function markerColor(cue: CueData): ResolveColor {
  const own = KIND_MARKER_COLORS[cue.kind];
  if (cue.color === null) return own;
  const chosen = resolveColor(cue.color);
  return !KIND_OF_MARKER_COLOR.has(chosen) && kindOfReadCue({ label: cue.label }) === cue.kind ? chosen : own;
}

/** A kind's colour reads as that kind, in the kind's own colour; any other keeps its colour and says no kind. */
function readMarkerColor(name: string): Pick<ReadCue, 'kind' | 'color'> {
  if (!isResolveColor(name)) return { color: null };
  const kind = KIND_OF_MARKER_COLOR.get(name);
  return kind ? { kind, color: null } : { color: RESOLVE_COLORS[name] };
}

/** Resolve's default timeline start: one hour. */
export const EDL_START_FRAMES_HOURS = 1;

function timebase(fps: number): number {
  return Math.max(1, Math.round(fps));
}

function timecode(frames: number, base: number): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  const ff = frames % base;
  const totalSeconds = Math.floor(frames / base);
  return `${pad(Math.floor(totalSeconds / 3600))}:${pad(Math.floor((totalSeconds % 3600) / 60))}:${pad(totalSeconds % 60)}:${pad(ff)}`;
}

function readTimecode(text: string, base: number): number | null {
  const m = /^(\d{2}):(\d{2}):(\d{2})[:;](\d{2})$/.exec(text);
  if (!m) return null;
  const [, h = '', min = '', s = '', f = ''] = m;
  if (Number(f) >= base || Number(min) > 59 || Number(s) > 59) return null;
  return ((Number(h) * 60 + Number(min)) * 60 + Number(s)) * base + Number(f);
}

const EVENT = /^(\d{3,})\s+\S+\s+V\s+C\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s*$/;
const MARKER = /^(.*?) ?\|C:(\S*) \|M:(.*) \|D:(\d+)\s*$/;

export const resolveEdl: CueFileFormat = {
  id: 'edl',
  label: 'DaVinci Resolve EDL',
  article: 'a',
  extension: 'edl',
  mimeType: 'text/plain',
  write(cues, { fps, title }) {
    const base = timebase(fps);
    const offset = EDL_START_FRAMES_HOURS * 3600 * base;
    const frameOf = (ms: number): number => Math.round((ms * fps) / 1000);
    const events = cues.map((cue, i) => {
      const start = offset + frameOf(cue.startMs);
      const length = cue.endMs === null ? 1 : Math.max(1, frameOf(cue.endMs) - frameOf(cue.startMs));
      const tc = `${timecode(start, base)} ${timecode(start + 1, base)}`;
      const color = markerColor(cue);
      const note = cue.note.replace(/\s*\n\s*/g, ' ');
      return `${String(i + 1).padStart(3, '0')}  001      V     C        ${tc} ${tc}  \n${note} |C:ResolveColor${color} |M:${cue.label} |D:${length}\n`;
    });
    return `TITLE: ${(title ?? 'Shotline cues').replace(/\n/g, ' ')}\nFCM: NON-DROP FRAME\n\n${events.join('\n')}`;
  },
  read(text, { fps, durationMs }) {
    const base = timebase(fps);
    const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
    const cues: ReadCue[] = [];
    const problems: CueFileProblem[] = [];
    // An event waiting for its marker line; a note Resolve wrote over several lines gathers in
    // `lead`. A bad event's marker and note lines are passed over: its one mistake is told once.
    let pending: { frame: number; line: number; lead: string[]; bad?: true } | null = null;
    let offset: number | null = null;
    const hour = EDL_START_FRAMES_HOURS * 3600 * base;
    const msOf = (frames: number): number => Math.round((frames * 1000) / fps);
    const readLine = (line: string, n: number): void => {
      if (line.trim() === '' || /^(TITLE|FCM):/.test(line)) return;
      const event = EVENT.exec(line);
      if (event) {
        pending = { frame: 0, line: n, lead: [], bad: true };
        // Source in and out, record in and out: each must be a timecode, not only the one used.
        const codes = [event[2], event[3], event[4], event[5]].map((code) => code ?? '');
        const bad = codes.find((code) => readTimecode(code, base) === null);
        if (bad !== undefined)
          throw new CueFileError(
            n,
            `"${excerpt(bad)}" is not a timecode (HH:MM:SS:FF, frames 00 to ${String(base - 1).padStart(2, '0')} at ${base} frames a second)`,
          );
        const record = readTimecode(codes[2] ?? '', base) ?? 0;
        // Resolve's timelines start at 01:00:00:00, and an earlier first event means a zero
        // start; but one in the minutes just before the hour that the clip is too short to
        // reach from zero is a marker before a one-hour start.
        offset ??= record >= hour || (msOf(record) > durationMs && hour - record <= 600 * base) ? hour : 0;
        if (record < offset)
          throw new CueFileError(
            n,
            `this marker (${timecode(record, base)}) is before the timeline's start, ${timecode(offset, base)}; ` +
              `export the markers from a timeline that starts at ${timecode(offset, base)} (Resolve's default), or move the marker after it`,
          );
        pending = { frame: record - offset, line: n, lead: [] };
        return;
      }
      const marker = MARKER.exec(line);
      if (marker && pending?.bad) {
        pending = null;
        return;
      }
      if (marker && pending) {
        const [, note = '', color = '', label = '', length = '1'] = marker;
        const name = color.replace(/^ResolveColor/, '');
        const frames = Number(length);
        cues.push({
          line: pending.line,
          startMs: msOf(pending.frame),
          endMs: frames <= 1 ? null : msOf(pending.frame + frames),
          label: label.trim(),
          note: [...pending.lead, note.trim()].filter((part) => part !== '').join(' '),
          ...readMarkerColor(name),
        });
        pending = null;
        return;
      }
      if (marker) throw new CueFileError(n, 'a marker line must follow an event line');
      if (/^\*|^M2|^>>>/.test(line.trim())) return; // comments, motion effects and other EDL notes
      // Resolve writes a note with a line break in it over several lines, the marker on the last.
      if (pending && !line.includes('|C:')) {
        pending.lead.push(line.trim());
        return;
      }
      throw new CueFileError(
        n,
        `expected an event ("001  001  V  C  01:00:00:00 …") or a marker line ("|C:… |M:… |D:…"), found "${excerpt(line)}"`,
      );
    };
    lines.forEach((line, i) => {
      try {
        readLine(line, i + 1);
      } catch (error) {
        if (!(error instanceof CueFileError)) throw error;
        problems.push(...error.problems);
      }
    });
    const unfinished = pending as { line: number; lead: string[]; bad?: true } | null;
    if (unfinished && !unfinished.bad && unfinished.lead.length > 0)
      problems.push({
        line: unfinished.line + 1,
        problem: 'expected a marker line ("|C:… |M:… |D:…") after this event\'s note',
      });
    if (problems.length > 0) throw CueFileError.of(problems);
    return cues;
  },
};

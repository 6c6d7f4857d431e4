/**
 * OpenTimelineIO: a Timeline.1 document with one track holding the clip (kind "Video", or "Audio"
 * for a clip with sound only), and the cues as
 * `Marker.2` objects on the track stack. A marker's `marked_range` is a `TimeRange.1` of
 * `RationalTime.1` values at the clip's frame rate (values may be fractional, so times stay
 * exact to the millisecond); a point cue has a zero duration. The colour is OTIO's nearest
 * named colour; the exact colour and the kind go in the marker's metadata.
 */
import { z } from 'zod';
import { isOtioColor, OTIO_COLORS, otioColor } from './colors';
import {
  CueFileError,
  CueKind,
  DEFAULT_KIND_COLORS,
  readEach,
  type CueData,
  type CueFileContext,
  type CueFileFormat,
  type ReadCue,
} from './types';

const rational = (ms: number, fps: number): { OTIO_SCHEMA: 'RationalTime.1'; rate: number; value: number } => ({
  OTIO_SCHEMA: 'RationalTime.1',
  rate: fps,
  value: (ms * fps) / 1000,
});

function marker(cue: CueData, fps: number): Record<string, unknown> {
  return {
    OTIO_SCHEMA: 'Marker.2',
    metadata: { shotline: { kind: cue.kind, color: cue.color, point: cue.endMs === null } },
    name: cue.label,
    // The cue's own colour, else its kind's, so an editor shows the kinds apart.
    color: otioColor(cue.color ?? DEFAULT_KIND_COLORS[cue.kind]),
    marked_range: {
      OTIO_SCHEMA: 'TimeRange.1',
      duration: rational(cue.endMs === null ? 0 : cue.endMs - cue.startMs, fps),
      start_time: rational(cue.startMs, fps),
    },
    comment: cue.note,
  };
}

function timeline(
  cues: readonly CueData[],
  { durationMs, fps, title, audioOnly }: CueFileContext,
): Record<string, unknown> {
  const name = title ?? 'Shotline cues';
  return {
    OTIO_SCHEMA: 'Timeline.1',
    metadata: {},
    name,
    global_start_time: null,
    tracks: {
      OTIO_SCHEMA: 'Stack.1',
      metadata: {},
      name: 'tracks',
      source_range: null,
      effects: [],
      markers: cues.map((cue) => marker(cue, fps)),
      enabled: true,
      children: [
        {
          OTIO_SCHEMA: 'Track.1',
          metadata: {},
          name: audioOnly ? 'A1' : 'V1',
          source_range: null,
          effects: [],
          markers: [],
          enabled: true,
          // OTIO's TrackKind: "Video" or "Audio".
          kind: audioOnly ? 'Audio' : 'Video',
          children: [
            {
              OTIO_SCHEMA: 'Clip.2',
              metadata: {},
              name,
              source_range: {
                OTIO_SCHEMA: 'TimeRange.1',
                duration: rational(durationMs, fps),
                start_time: rational(0, fps),
              },
              effects: [],
              markers: [],
              enabled: true,
              media_references: {
                DEFAULT_MEDIA: {
                  OTIO_SCHEMA: 'MissingReference.1',
                  metadata: {},
                  name: '',
                  available_range: null,
                  available_image_bounds: null,
                },
              },
              active_media_reference_key: 'DEFAULT_MEDIA',
            },
          ],
        },
      ],
    },
  };
}

const Rational = z.object({
  OTIO_SCHEMA: z.string().startsWith('RationalTime.'),
  rate: z.number().positive(),
  value: z.number().min(0),
});
const Marker = z.object({
  OTIO_SCHEMA: z.string().startsWith('Marker.'),
  name: z.string().default(''),
  color: z.unknown().optional(),
  comment: z.string().optional(),
  metadata: z
    .object({
      shotline: z
        .object({ kind: CueKind.optional(), color: z.string().nullable().optional(), point: z.boolean().optional() })
        .optional(),
    })
    .loose()
    .optional(),
  marked_range: z.object({ duration: Rational, start_time: Rational }),
});

const toMs = (time: z.infer<typeof Rational>): number => Math.round((time.value / time.rate) * 1000);

const msOfTime = (time: unknown): number | null => {
  const parsed = Rational.safeParse(time);
  return parsed.success ? toMs(parsed.data) : null;
};

/** How long a track item lasts on its track: its source range's duration (0 when it has none, as a transition). */
function itemLengthMs(item: Record<string, unknown>): number {
  const range = item.source_range as { duration?: unknown } | null | undefined;
  return msOfTime(range?.duration) ?? 0;
}

interface FoundMarker {
  raw: unknown;
  /** Added to the marker's own time to place it on the timeline. */
  offsetMs: number;
}

/**
 * Every marker in the document, wherever it hangs (the stack, a track of any kind, or a clip in
 * one). A clip's markers are in its media's time, so they are moved to where the clip sits on its
 * track (the items before it) less where its source range starts.
 */
function collectMarkers(node: unknown, found: FoundMarker[], offsetMs = 0): void {
  if (Array.isArray(node)) {
    for (const child of node) collectMarkers(child, found, offsetMs);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const record = node as Record<string, unknown>;
  const schema = typeof record.OTIO_SCHEMA === 'string' ? record.OTIO_SCHEMA : '';
  const own = schema.startsWith('Clip.')
    ? offsetMs - (msOfTime((record.source_range as { start_time?: unknown } | null | undefined)?.start_time) ?? 0)
    : offsetMs;
  if (Array.isArray(record.markers)) for (const raw of record.markers as unknown[]) found.push({ raw, offsetMs: own });
  if ('tracks' in record) collectMarkers(record.tracks, found, offsetMs);
  if (!Array.isArray(record.children)) return;
  if (schema.startsWith('Track.')) {
    let at = offsetMs;
    for (const child of record.children as unknown[]) {
      collectMarkers(child, found, at);
      if (typeof child === 'object' && child !== null) at += itemLengthMs(child as Record<string, unknown>);
    }
  } else collectMarkers(record.children, found, offsetMs);
}

/** A marker's colour: OTIO's named colour, as a name (`"RED"`) or, since OTIO 0.17, a `Color.1` object. */
function colorOf(color: unknown): string | null {
  if (typeof color === 'string') return isOtioColor(color) ? OTIO_COLORS[color] : null;
  if (typeof color !== 'object' || color === null) return null;
  const { name, r, g, b } = color as { name?: unknown; r?: unknown; g?: unknown; b?: unknown };
  if (typeof name === 'string' && isOtioColor(name)) return OTIO_COLORS[name];
  if (typeof r !== 'number' || typeof g !== 'number' || typeof b !== 'number') return null;
  const hex = (v: number): string =>
    Math.round(Math.min(1, Math.max(0, v)) * 255)
      .toString(16)
      .padStart(2, '0');
  return `#${hex(r)}${hex(g)}${hex(b)}`;
}

/** The note other tools keep in their own metadata (the Premiere/FCP adapter: `metadata.fcp_xml.comment`). */
function commentIn(metadata: unknown): string {
  if (typeof metadata !== 'object' || metadata === null) return '';
  for (const value of Object.values(metadata)) {
    const comment = (value as { comment?: unknown } | null)?.comment;
    if (typeof comment === 'string') return comment;
  }
  return '';
}

/**
 * OpenTimelineIO's own serializer writes non-finite numbers as bare `Inf`, `-Infinity` and `NaN`,
 * which JSON does not have; they are read as null (no cue field uses them).
 */
function parseOtioJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const lenient = text.replace(/([:[,]\s*)-?(?:Infinity|Inf|NaN)(?=\s*[,\]}])/g, '$1null');
    if (lenient === text) throw error;
    return JSON.parse(lenient);
  }
}

export const otioTimeline: CueFileFormat = {
  id: 'otio',
  label: 'OpenTimelineIO',
  article: 'an',
  extension: 'otio',
  mimeType: 'application/json',
  write(cues, context) {
    return `${JSON.stringify(timeline(cues, context), null, 4)}\n`;
  },
  read(text) {
    let doc: unknown;
    try {
      doc = parseOtioJson(text);
    } catch (error) {
      const position = /position (\d+)/.exec(error instanceof Error ? error.message : '');
      const line = position ? text.slice(0, Number(position[1])).split('\n').length : 1;
      throw new CueFileError(line, 'this is not JSON, so not an OpenTimelineIO file');
    }
    const schema = (doc as { OTIO_SCHEMA?: unknown } | null)?.OTIO_SCHEMA;
    if (typeof schema !== 'string' || !schema.startsWith('Timeline.')) {
      throw new CueFileError(1, 'an OpenTimelineIO file for cues holds a Timeline (OTIO_SCHEMA "Timeline.1")');
    }
    const found: FoundMarker[] = [];
    collectMarkers(doc, found);
    return readEach(
      found.map((marker, i) => ({ ...marker, i })),
      ({ raw, offsetMs, i }): ReadCue => {
        const parsed = Marker.safeParse(raw);
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          throw new CueFileError(
            lineOfMarker(text, i),
            `marker ${i + 1}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim(),
          );
        }
        const m = parsed.data;
        const startMs = toMs(m.marked_range.start_time) + offsetMs;
        if (startMs < 0)
          throw new CueFileError(
            lineOfMarker(text, i),
            `marker ${i + 1} ("${m.name}") falls before the timeline starts: a clip's markers are counted in its media's time, from its source range's start`,
          );
        const lengthMs = toMs(m.marked_range.duration);
        const own = m.metadata?.shotline;
        const named = colorOf(m.color);
        const color = own?.color !== undefined ? own.color : named;
        return {
          line: lineOfMarker(text, i),
          startMs,
          endMs: own?.point === true || lengthMs === 0 ? null : startMs + lengthMs,
          label: m.name,
          note: m.comment ?? commentIn(m.metadata),
          ...(own?.kind ? { kind: own.kind } : {}),
          color,
        };
      },
    );
  },
};

/** The line of the n-th `"Marker.` in the text, for errors. */
function lineOfMarker(text: string, n: number): number {
  let at = -1;
  for (let i = 0; i <= n; i += 1) {
    at = text.indexOf('"Marker.', at + 1);
    if (at < 0) return 1;
  }
  return text.slice(0, at).split('\n').length;
}

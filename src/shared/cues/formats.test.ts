import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { otioColor, resolveColor } from './colors';
import { KIND_MARKER_COLORS } from './edl';
import { CUE_FILE_FORMATS } from './index';
import { kindOfReadCue } from './readKind';
import { CueData, CueFileError, describeProblems, type CueFileContext, type CueFormat, type ReadCue } from './types';

const ctx: CueFileContext = { durationMs: 10_000, fps: 24, title: 'Lantern' };

const cue = (over: Partial<CueData>): CueData =>
  CueData.parse({ startMs: 0, endMs: null, label: 'cue', note: '', kind: 'note', color: null, ...over });

const door = cue({ startMs: 5000, label: 'door slam', kind: 'sfx' });
const line = cue({
  startMs: 1250,
  endMs: 3400,
  label: 'Girl: "Go on, fly!"',
  note: 'a little louder\nthen a breath',
  kind: 'dialogue',
  color: '#3e8ef7',
});

function failure(format: CueFormat, text: string): CueFileError {
  try {
    CUE_FILE_FORMATS[format].read(text, ctx);
  } catch (error) {
    if (error instanceof CueFileError) return error;
    throw error;
  }
  throw new Error(`${format} read malformed text without an error`);
}

describe('exact layouts', () => {
  test('Audacity labels: start, end and label, tab-separated, six decimals; a point has start = end', () => {
    expect(CUE_FILE_FORMATS.audacity.write([line, door], ctx)).toBe(
      '1.250000\t3.400000\tGirl: "Go on, fly!" [dialogue]\n5.000000\t5.000000\tdoor slam [sfx]\n',
    );
  });

  test('Audacity labels: the kind mark ending a label reads back as the kind, however an editor spaced or cased it', () => {
    const text =
      '1\t1\tdoor slam [sfx]\n2\t3\tstrings  [ Music ]\n4\t4\tboom [sfx] [note]\n5\t5\tIntro [part 1]\n6\t6\t[ambience]\n';
    expect(CUE_FILE_FORMATS.audacity.read(text, ctx).map((c) => [c.label, c.kind])).toEqual([
      ['door slam', 'sfx'],
      ['strings', 'music'],
      ['boom [sfx]', 'note'],
      ['Intro [part 1]', undefined],
      ['', 'ambience'],
    ]);
  });

  test('Audacity labels: reads a missing end and skips frequency lines', () => {
    const read = CUE_FILE_FORMATS.audacity.read('0.500000\t1.000000\tone\n\\\t100.0\t2000.0\n2.25\ttwo\n', ctx);
    expect(read).toEqual([
      { line: 1, startMs: 500, endMs: 1000, label: 'one' },
      { line: 3, startMs: 2250, endMs: null, label: 'two' },
    ]);
  });

  test('SRT: index, comma timestamps, text, blank line; a point lasts 500 ms and is marked', () => {
    expect(CUE_FILE_FORMATS.srt.write([line, door], ctx)).toBe(
      '1\n00:00:01,250 --> 00:00:03,400\nGirl: "Go on, fly!"\na little louder\nthen a breath\n[dialogue]\n\n' +
        '2\n00:00:05,000 --> 00:00:05,500\ndoor slam\n[sfx · point]\n\n',
    );
  });

  test('SRT and WebVTT: a point cue near or at the clip’s end shows for the 500 ms up to it, and reads back where it was', () => {
    const late = [cue({ startMs: 10_000, label: 'end', kind: 'sfx' }), cue({ startMs: 9800, label: 'late' })];
    const srt = CUE_FILE_FORMATS.srt.write(late, ctx);
    expect(srt).toBe(
      '1\n00:00:09,500 --> 00:00:10,000\nend\n[sfx · point at end]\n\n2\n00:00:09,300 --> 00:00:09,800\nlate\n[note · point at end]\n\n',
    );
    const vtt = CUE_FILE_FORMATS.webvtt.write(late, ctx);
    expect(vtt.split('\n').filter((l) => l.includes('-->'))).toEqual([
      '00:00:09.500 --> 00:00:10.000',
      '00:00:09.300 --> 00:00:09.800',
    ]);
    expect(vtt).toContain('NOTE shotline kind=sfx point-at-end\n');
    for (const format of ['srt', 'webvtt'] as const)
      expect(
        CUE_FILE_FORMATS[format].read(format === 'srt' ? srt : vtt, ctx).map((c) => [c.startMs, c.endMs, c.label]),
      ).toEqual([
        [10_000, null, 'end'],
        [9800, null, 'late'],
      ]);
  });

  test('SRT and WebVTT: our own label that looks like styling reads back as written', () => {
    const styled = cue({ startMs: 1000, label: '<b>bold</b> {\\an8} <i>', note: '<font color="red">x</font>' });
    for (const format of ['srt', 'webvtt'] as const) {
      const [read] = CUE_FILE_FORMATS[format].read(CUE_FILE_FORMATS[format].write([styled], ctx), ctx);
      expect([read?.label, read?.note]).toEqual([styled.label, styled.note]);
    }
  });

  test('SRT: the kind mark reads back however an editor re-saved it', () => {
    const text =
      '1\n00:00:01,000 --> 00:00:01,500\ndoor\n[SFX · Point] \n\n2\n00:00:02,000 --> 00:00:02,500\nknock\n[sfx Â· point]\n\n' +
      '3\n00:00:03,000 --> 00:00:04,000\nstrings\n <i>[music]</i>\n';
    expect(CUE_FILE_FORMATS.srt.read(text, ctx).map((c) => [c.label, c.kind, c.endMs])).toEqual([
      ['door', 'sfx', null],
      ['knock', 'sfx', null],
      ['strings', 'music', 4000],
    ]);
  });

  test('WebVTT from a captioning tool: tags and position marks are dropped, a voice keeps its speaker', () => {
    const text =
      'WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000 line:0 align:start\n{\\an8}<v Anna>Run!</v> <c.yellow><b>now</b></c> &lt;3\n<i>far</i> <00:00:01.500>off\n';
    expect(CUE_FILE_FORMATS.webvtt.read(text, ctx)).toEqual([
      { line: 3, startMs: 1000, endMs: 2000, label: 'Anna: Run! now <3', note: 'far off', kind: 'dialogue' },
    ]);
  });

  test('SRT from a subtitle editor: styling tags and position marks are dropped, the words kept', () => {
    const text =
      '1\r\n00:00:01,000 --> 00:00:02,500\r\n{\\an8}<i>Where were you?</i>\r\n<font color="#ffff00">Out.</font> <b>Why?</b>\r\n\r\n';
    expect(CUE_FILE_FORMATS.srt.read(text, ctx)).toEqual([
      { line: 1, startMs: 1000, endMs: 2500, label: 'Where were you?', note: 'Out. Why?', kind: 'dialogue' },
    ]);
  });

  test('SRT: no line of a label or note reads as a timing to other SubRip readers', () => {
    const timing = cue({
      startMs: 2000,
      endMs: 3000,
      label: 'cut --> wide',
      note: 'replace\n00:00:01,000 --> 00:00:02,000',
      kind: 'note',
    });
    const text = CUE_FILE_FORMATS.srt.write([timing, door], ctx);
    expect(text).toBe(
      '1\n00:00:02,000 --> 00:00:03,000\ncut --\u2060> wide\nreplace\n00:00:01,000 --\u2060> 00:00:02,000\n[note]\n\n' +
        '2\n00:00:05,000 --> 00:00:05,500\ndoor slam\n[sfx · point]\n\n',
    );
    // As ffmpeg and players read SubRip: every line with an arrow starts a subtitle.
    expect(text.split('\n').filter((l) => l.includes('-->'))).toEqual([
      '00:00:02,000 --> 00:00:03,000',
      '00:00:05,000 --> 00:00:05,500',
    ]);
    expect(CUE_FILE_FORMATS.srt.read(text, ctx).map((c) => [c.label, c.note])).toEqual([
      ['cut --> wide', 'replace\n00:00:01,000 --> 00:00:02,000'],
      ['door slam', ''],
    ]);
  });

  test('OpenTimelineIO from other tools: markers on the stack, an Audio track or a clip in it are all read', () => {
    const rt = (value: number) => ({ OTIO_SCHEMA: 'RationalTime.1', rate: 30.0, value });
    const range = (start: number, duration: number) => ({
      OTIO_SCHEMA: 'TimeRange.1',
      duration: rt(duration),
      start_time: rt(start),
    });
    // As OpenTimelineIO's own adapters write them (premiere_example.otio): no comment, the note in
    // the adapter's metadata, an empty name allowed.
    const marker = (name: string, start: number, duration = 0, comment: string | null = null) => ({
      OTIO_SCHEMA: 'Marker.2',
      metadata: { fcp_xml: { comment } },
      name,
      // OTIO 0.17 and later write a Color.1 object; earlier versions the name alone.
      color: comment === null ? 'GREEN' : { OTIO_SCHEMA: 'Color.1', r: 1.0, g: 0.0, b: 0.0, a: 1.0, name: 'RED' },
      marked_range: range(start, duration),
    });
    const doc = {
      OTIO_SCHEMA: 'Timeline.1',
      metadata: {},
      name: 'sound only',
      global_start_time: rt(0),
      tracks: {
        OTIO_SCHEMA: 'Stack.1',
        name: 'tracks',
        markers: [marker('on the stack', 30)],
        children: [
          {
            OTIO_SCHEMA: 'Track.1',
            name: 'A1',
            kind: 'Audio',
            markers: [marker('on the track', 60, 15)],
            children: [
              { OTIO_SCHEMA: 'Gap.1', name: '', source_range: range(0, 30), markers: [] },
              {
                OTIO_SCHEMA: 'Clip.2',
                name: 'bell.wav',
                // Its markers are in its media's time: 3 s into the media is 2 s into the clip, which starts at 1 s.
                source_range: range(30, 240),
                markers: [marker('on the clip', 90, 0, 'so, this happened')],
              },
            ],
          },
        ],
      },
    };
    // OpenTimelineIO's serializer writes non-finite numbers bare.
    const text = JSON.stringify(doc, null, 4).replace('"metadata": {},', '"metadata": {"inf": Inf, "nan": NaN},');
    expect(text).toContain('Inf,');
    expect(CUE_FILE_FORMATS.otio.read(text, ctx).map((c) => [c.label, c.startMs, c.endMs, c.color, c.note])).toEqual([
      ['on the stack', 1000, null, '#00ff00', ''],
      ['on the track', 2000, 2500, '#00ff00', ''],
      ['on the clip', 3000, null, '#ff0000', 'so, this happened'],
    ]);
  });

  test('WebVTT: no arrow in cue text, where the format forbids it', () => {
    const timing = cue({ startMs: 2000, label: 'cut --> wide', note: '00:00:01.000 --> 00:00:02.000', kind: 'note' });
    const text = CUE_FILE_FORMATS.webvtt.write([timing], ctx);
    expect(text.split('\n').filter((l) => l.includes('-->'))).toEqual(['00:00:02.000 --> 00:00:02.500']);
    expect(CUE_FILE_FORMATS.webvtt.read(text, ctx).map((c) => [c.label, c.note])).toEqual([
      ['cut --> wide', '00:00:01.000 --> 00:00:02.000'],
    ]);
  });

  test('WebVTT: header, a NOTE with what players ignore, cue id, period timestamps, escaped text', () => {
    const arrow = cue({ startMs: 61_000, endMs: 62_500, label: 'a --> b & <c>', kind: 'music', color: '#a06cd5' });
    expect(CUE_FILE_FORMATS.webvtt.write([door, arrow], ctx)).toBe(
      'WEBVTT - Lantern\n\n' +
        'NOTE shotline kind=sfx point\n\ncue-1\n00:00:05.000 --> 00:00:05.500\ndoor slam\n\n' +
        'NOTE shotline kind=music color=#a06cd5\n\ncue-2\n00:01:01.000 --> 00:01:02.500\na --&gt; b &amp; &lt;c&gt;\n\n',
    );
  });

  test('CSV: header row, seconds, quoted fields where needed', () => {
    expect(CUE_FILE_FORMATS.csv.write([line, door], ctx)).toBe(
      'start,end,label,kind,note,color\r\n' +
        '1.250,3.400,"Girl: ""Go on, fly!""",dialogue,"a little louder\nthen a breath",#3e8ef7\r\n' +
        '5.000,,door slam,sfx,,\r\n',
    );
  });

  test('OpenTimelineIO: Marker.2 with a TimeRange.1 of RationalTime.1 at the clip rate', () => {
    const doc = JSON.parse(CUE_FILE_FORMATS.otio.write([line], ctx)) as {
      OTIO_SCHEMA: string;
      tracks: { OTIO_SCHEMA: string; markers: unknown[] };
    };
    expect(doc.OTIO_SCHEMA).toBe('Timeline.1');
    expect(doc.tracks.OTIO_SCHEMA).toBe('Stack.1');
    expect(doc.tracks.markers).toEqual([
      {
        OTIO_SCHEMA: 'Marker.2',
        metadata: { shotline: { kind: 'dialogue', color: '#3e8ef7', point: false } },
        name: 'Girl: "Go on, fly!"',
        color: 'BLUE',
        marked_range: {
          OTIO_SCHEMA: 'TimeRange.1',
          duration: { OTIO_SCHEMA: 'RationalTime.1', rate: 24, value: 51.6 },
          start_time: { OTIO_SCHEMA: 'RationalTime.1', rate: 24, value: 30 },
        },
        comment: 'a little louder\nthen a breath',
      },
    ]);
  });

  test('OpenTimelineIO: a cue without a colour of its own is marked in its kind\'s colour', () => {
    const kinds = ['sfx', 'dialogue', 'music', 'ambience', 'note'] as const;
    const doc = JSON.parse(
      CUE_FILE_FORMATS.otio.write(
        kinds.map((kind, i) => cue({ startMs: i * 1000, kind })),
        ctx,
      ),
    ) as { tracks: { markers: { color: string }[] } };
    expect(doc.tracks.markers.map((m) => m.color)).toEqual(['RED', 'BLUE', 'PURPLE', 'GREEN', 'YELLOW']);
  });

  test('Resolve EDL: one-frame events from 01:00:00:00, note, colour, label and length in frames', () => {
    expect(CUE_FILE_FORMATS.edl.write([line, door], ctx)).toBe(
      'TITLE: Lantern\nFCM: NON-DROP FRAME\n\n' +
        '001  001      V     C        01:00:01:06 01:00:01:07 01:00:01:06 01:00:01:07  \n' +
        'a little louder then a breath |C:ResolveColorBlue |M:Girl: "Go on, fly!" |D:52\n\n' +
        '002  001      V     C        01:00:05:00 01:00:05:01 01:00:05:00 01:00:05:01  \n' +
        ' |C:ResolveColorRed |M:door slam |D:1\n',
    );
  });

  test('Resolve EDL: reads a file as Resolve writes it (a zero-start timeline)', () => {
    const resolve =
      'TITLE: Timeline\nFCM: NON-DROP FRAME\n\n' +
      '001  001      V     C        00:00:48:18 00:00:48:19 00:00:48:18 00:00:48:19  \n' +
      ' |C:ResolveColorBlue |M:Test Chapter 2 |D:1\n';
    expect(CUE_FILE_FORMATS.edl.read(resolve, ctx)).toEqual([
      { line: 4, startMs: 48_750, endMs: null, label: 'Test Chapter 2', note: '', color: '#0e7fe0' },
    ]);
  });
});

test('Resolve EDL: a note with a line break comes over several lines, the marker on the last', () => {
  const resolve =
    'TITLE: ( no title )\n\n' +
    '008  001      V     C        01:00:03:12 01:00:03:13 01:00:03:12 01:00:03:13  \n' +
    ' |C:ResolveColorBlue |M:Marker 130 |D:1\n\n' +
    '009  001      V     C        01:00:05:04 01:00:05:05 01:00:05:04 01:00:05:05  \n' +
    'Tache claire en haut a gauche et en bas\n' +
    ' |C:ResolveColorBlue |M:Marker 72 |D:1\n\n\n';
  expect(CUE_FILE_FORMATS.edl.read(resolve, ctx).map((c) => [c.line, c.startMs, c.label, c.note])).toEqual([
    [3, 3500, 'Marker 130', ''],
    [6, 5167, 'Marker 72', 'Tache claire en haut a gauche et en bas'],
  ]);
  expect(() =>
    CUE_FILE_FORMATS.edl.read(
      '001  001      V     C        01:00:01:00 01:00:01:01 01:00:01:00 01:00:01:01\nstray words\n',
      ctx,
    ),
  ).toThrow('line 2: expected a marker line');
});

test('Resolve EDL: a note is followed by one space before |C:, as Resolve writes and reads it', () => {
  const resolve =
    'TITLE: Timeline 1\nFCM: NON-DROP FRAME\n\n' +
    '001  001      V     C        01:00:05:12 01:00:05:13 01:00:05:12 01:00:05:13  \n' +
    'door lands late |C:ResolveColorBlue |M:door slam |D:1\n\n' +
    '002  001      V     C        01:00:07:00 01:00:07:01 01:00:07:00 01:00:07:01  \n' +
    'swell under the line |C:ResolveColorGreen |M:strings |D:36\n';
  const read = CUE_FILE_FORMATS.edl.read(resolve, ctx);
  expect(read).toEqual([
    { line: 4, startMs: 5500, endMs: null, label: 'door slam', note: 'door lands late', color: '#0e7fe0' },
    {
      line: 7,
      startMs: 7000,
      endMs: 8500,
      label: 'strings',
      note: 'swell under the line',
      kind: 'ambience',
      color: null,
    },
  ]);
  const written = CUE_FILE_FORMATS.edl.write(
    read.map((c) =>
      cue({
        startMs: c.startMs,
        endMs: c.endMs,
        label: c.label,
        note: c.note ?? '',
        kind: kindOfReadCue(c),
        color: c.color ?? null,
      }),
    ),
    { ...ctx, title: 'Timeline 1' },
  );
  expect(written.split('\n').filter((l) => l.includes('|C:'))).toEqual([
    'door lands late |C:ResolveColorBlue |M:door slam |D:1',
    'swell under the line |C:ResolveColorGreen |M:strings |D:36',
  ]);
});

describe('malformed files name the line and import nothing', () => {
  test.each<[CueFormat, string, number, RegExp]>([
    ['audacity', '1.0\t2.0\tok\nsoon\t3.0\tbad\n', 2, /"soon" is not a start time/],
    ['audacity', '3.0\t2.0\tbackwards\n', 1, /ends .* before it starts/],
    ['srt', '1\n00:00:01,000 --> 00:00:02,000\nok\n\n2\n00:00:03.000 --> 00:00:04,000\nbad\n', 6, /HH:MM:SS,mmm/],
    ['srt', 'one\n00:00:01,000 --> 00:00:02,000\nx\n', 1, /subtitle number/],
    ['audacity', '1.000000\t1.500000\tok\n2.0\tabc\tbad\n', 2, /"abc" is not an end time/],
    ['webvtt', '1\n00:00:01.000 --> 00:00:02.000\nx\n', 1, /starts with the line "WEBVTT"/],
    ['webvtt', 'WEBVTT\n\nid\n00:00:01,000 --> 00:00:02.000\nx\n', 4, /HH:MM:SS\.mmm/],
    ['csv', 'when,what\n1,x\n', 1, /name the columns/],
    ['csv', 'start,end,label,kind\n1.0,,a,sfx\n2.0,,b,explosion\n', 3, /"explosion" is not a cue kind/],
    ['csv', 'start,end,label\n1.0,,"open\n', 2, /never closed/],
    [
      'otio',
      '{\n  "OTIO_SCHEMA": "Timeline.1",\n  "tracks": {"markers": [\n{"OTIO_SCHEMA": "Marker.2", "name": "x"}]}}',
      4,
      /marker 1: marked_range/,
    ],
    ['otio', '{"OTIO_SCHEMA": "Clip.2"}', 1, /holds a Timeline/],
    ['otio', 'not json', 1, /not JSON/],
    [
      'edl',
      'TITLE: x\n\n001  001      V     C        01:00:00:00 01:00:00:01 01:00:00:99 01:00:00:01\n',
      3,
      /not a timecode/,
    ],
    ['edl', 'TITLE: x\n\nrubbish here\n', 3, /expected an event/],
  ])('%s: %j', (format, text, lineNo, message) => {
    const error = failure(format, text);
    expect(error.line).toBe(lineNo);
    expect(error.message).toMatch(message);
  });
});

// Cues as the library holds them: labels one line, notes without blank lines, times in the clip.
const labelText = fc
  .string({
    minLength: 1,
    maxLength: 40,
    unit: fc.constantFrom(
      '=',
      "'",
      '@',
      '+',
      'a',
      'B',
      ' ',
      '"',
      ',',
      '-',
      '>',
      '<',
      '&',
      '|',
      'é',
      '🎬',
      '[',
      ']',
      ':',
    ),
  })
  .filter((s) => s.trim().length > 0);
// Lines a subtitle reader could take for its own: timings, bare numbers, arrows, and the arrow as SRT guards it.
const lookalikeLine = fc.constantFrom(
  '00:00:01,000 --> 00:00:02,000',
  '00:00:01.000 --> 00:00:02.000',
  '2',
  'a --> b',
  '-->',
  'x --\u2060> y',
  'WEBVTT',
  'NOTE kind=sfx',
);
const noteText = fc
  .array(fc.oneof(labelText, lookalikeLine), { maxLength: 3 })
  .map((lines) => lines.map((l) => l.trim()).join('\n'));
const kind = fc.constantFrom('sfx', 'dialogue', 'music', 'ambience', 'note');
const color = fc.option(
  fc.integer({ min: 0, max: 0xffffff }).map((n) => `#${n.toString(16).padStart(6, '0')}`),
  { nil: null },
);
const arbitraryCue = (minRangeMs: number) =>
  fc
    .record({
      // Some at or near the clip's end (context: 700 s), where a point's subtitle cannot follow it.
      startMs: fc.oneof(fc.integer({ min: 0, max: 600_000 }), fc.integer({ min: 699_400, max: 700_000 })),
      length: fc.option(fc.integer({ min: minRangeMs, max: 60_000 }), { nil: null }),
      label: labelText,
      note: noteText,
      kind,
      color,
    })
    .map(({ startMs, length, ...rest }) =>
      CueData.parse({ startMs, endMs: length === null ? null : startMs + length, ...rest }),
    );
const context = fc.record({ durationMs: fc.constant(700_000), fps: fc.constantFrom(24, 25, 30, 23.976, 29.97, 60) });

/** The fields each format carries, as the library would store them after import. */
function carried(format: CueFormat, c: CueData | ReadCue): Record<string, unknown> {
  const label = c.label.trim();
  switch (format) {
    case 'audacity':
      return { startMs: c.startMs, endMs: c.endMs, label, kind: kindOfReadCue(c) };
    case 'srt':
      return { startMs: c.startMs, endMs: c.endMs, label, note: c.note ?? '', kind: c.kind };
    default:
      return { startMs: c.startMs, endMs: c.endMs, label, note: c.note ?? '', kind: c.kind, color: c.color ?? null };
  }
}

describe('export then import gives the same cues', () => {
  const exact: CueFormat[] = ['audacity', 'srt', 'webvtt', 'csv', 'otio'];
  test.each(exact)('%s: exact to the millisecond', (format) => {
    let checked = 0;
    fc.assert(
      fc.property(fc.array(arbitraryCue(1), { maxLength: 12 }), context, (cues, c) => {
        const read = CUE_FILE_FORMATS[format].read(CUE_FILE_FORMATS[format].write(cues, c), c);
        expect(read.map((r) => carried(format, r))).toEqual(cues.map((x) => carried(format, x)));
        checked += cues.length;
      }),
      { numRuns: 150 },
    );
    expect(checked).toBeGreaterThan(300);
  });

  test('Resolve EDL: exact to the frame (ranges of two frames or more; one frame reads back as a point)', () => {
    let checked = 0;
    fc.assert(
      fc.property(fc.array(arbitraryCue(1), { maxLength: 12 }), context, (cues, c) => {
        const frame = (ms: number): number => Math.round((ms * c.fps) / 1000);
        const expected = cues.map((x) => {
          const lengthFrames = x.endMs === null ? 0 : frame(x.endMs) - frame(x.startMs);
          return {
            start: frame(x.startMs),
            end: lengthFrames >= 2 && x.endMs !== null ? frame(x.endMs) : null,
            label: x.label,
            note: x.note.replace(/\s*\n\s*/g, ' '),
            kind: x.kind,
          };
        });
        const read = CUE_FILE_FORMATS.edl.read(CUE_FILE_FORMATS.edl.write(cues, c), c);
        const got = read.map((r) => ({
          start: frame(r.startMs),
          end: r.endMs === null ? null : frame(r.endMs),
          label: r.label,
          note: r.note ?? '',
          kind: kindOfReadCue(r),
        }));
        expect(got).toEqual(expected);
        checked += cues.length;
      }),
      { numRuns: 150 },
    );
    expect(checked).toBeGreaterThan(300);
  });
});

test('colours map to the editors’ own names by hue', () => {
  expect(resolveColor('#e5484d')).toBe('Red');
  expect(resolveColor('#3e8ef7')).toBe('Blue');
  expect(resolveColor('#3fb950')).toBe('Green');
  expect(resolveColor('#f5c800')).toBe('Yellow');
  expect(otioColor('#a06cd5')).toBe('PURPLE');
  expect(otioColor('#000000')).toBe('BLACK');
  expect(otioColor('#fefefe')).toBe('WHITE');
});

test('CSV cells a spreadsheet would run as formulas are written as text and read back as they were', () => {
  const risky = cue({ startMs: 1000, label: '=HYPERLINK("http://x","y")', note: "+1 and '@me'", kind: 'sfx' });
  const text = CUE_FILE_FORMATS.csv.write([risky], ctx);
  expect(text.split('\r\n')[1]).toBe('1.000,,"\'=HYPERLINK(""http://x"",""y"")",sfx,\'+1 and \'@me\',');
  const [read] = CUE_FILE_FORMATS.csv.read(text, ctx);
  expect([read?.label, read?.note]).toEqual([risky.label, risky.note]);
});

test('each format is named with the article it takes when said', () => {
  expect(Object.values(CUE_FILE_FORMATS).map((f) => `${f.article} ${f.label} file`)).toEqual([
    'an Audacity labels file',
    'an SRT subtitles file',
    'a WebVTT file',
    'a CSV file',
    'an OpenTimelineIO file',
    'a DaVinci Resolve EDL file',
  ]);
});

test('Resolve EDL: each kind is its marker colour, and the colour reads back as the kind', () => {
  const kinds = (['sfx', 'dialogue', 'music', 'ambience', 'note'] as const).map((kind, i) =>
    cue({ startMs: 1000 * (i + 1), label: `cue ${i + 1}`, kind }),
  );
  const text = CUE_FILE_FORMATS.edl.write(kinds, ctx);
  expect(text.split('\n').filter((l) => l.includes('|C:'))).toEqual([
    ' |C:ResolveColorRed |M:cue 1 |D:1',
    ' |C:ResolveColorSky |M:cue 2 |D:1',
    ' |C:ResolveColorPurple |M:cue 3 |D:1',
    ' |C:ResolveColorGreen |M:cue 4 |D:1',
    ' |C:ResolveColorYellow |M:cue 5 |D:1',
  ]);
  expect(CUE_FILE_FORMATS.edl.read(text, ctx).map((c) => [c.label, c.kind, c.color])).toEqual(
    kinds.map((c) => [c.label, c.kind, null]),
  );
  expect(Object.keys(KIND_MARKER_COLORS)).toEqual(['sfx', 'dialogue', 'music', 'ambience', 'note']);
  // A colour the creator chose gives way to the kind's, unless the label alone says the kind.
  const chosen = [
    cue({ startMs: 1000, label: 'door', kind: 'sfx', color: '#0e7fe0' }),
    cue({ startMs: 2000, label: 'look again', kind: 'note', color: '#ff44c8' }),
    cue({ startMs: 3000, label: 'Anna: "Run!"', kind: 'dialogue', color: '#0e7fe0' }),
    cue({ startMs: 4000, label: 'look again', kind: 'note', color: '#e02020' }),
  ];
  const read = CUE_FILE_FORMATS.edl.read(CUE_FILE_FORMATS.edl.write(chosen, ctx), ctx);
  expect(read.map((c) => [c.label, kindOfReadCue(c), c.color])).toEqual([
    ['door', 'sfx', null],
    ['look again', 'note', '#ff44c8'],
    ['Anna: "Run!"', 'dialogue', '#0e7fe0'],
    ['look again', 'note', null],
  ]);
});

describe('a file with several bad lines names every one, in file order', () => {
  const edlEvent = (tc: string): string => `001  001      V     C        ${tc} ${tc} ${tc} ${tc}  \n`;
  test.each<[CueFormat, string, number[]]>([
    ['audacity', '1.0\t2.0\tok\nsoon\t3.0\tbad\n2.0\t2.5\tok\nlater\tx\ty\n3.0\t1.0\tbackwards\n', [2, 4, 5]],
    [
      'srt',
      '1\n00:00:01,000 --> 00:00:02,000\nok\n\n2\n00:00:03.000 --> 00:00:04,000\nbad\n\nthree\n00:00:05,000 --> 00:00:06,000\nx\n',
      [6, 9],
    ],
    [
      'webvtt',
      'WEBVTT\n\nNOTE shotline kind=sfx\n\na\n00:00:01,000 --> 00:00:02.000\nx\n\nb\n00:00:03.000 --> 00:00:02.000\ny\n\nc\n00:00:04.000 --> 00:00:05.000\nz\n',
      [6, 10],
    ],
    // Line 4 ends before it starts: named with the others, not only once they are fixed.
    ['csv', 'start,end,label,kind\nsoon,,a,sfx\n2.0,,b,explosion\n3.0,2.0,c,sfx\n4.0,x,d,\n5.0,,e,sfx\n', [2, 3, 4, 5]],
    [
      'edl',
      `TITLE: x\n\n${edlEvent('01:00:00:99')} |C:ResolveColorRed |M:a |D:1\n\n${edlEvent('01:00:01:00')} |C:ResolveColorRed |M:b |D:1\n\nrubbish\n${edlEvent('01:00:0X:00')}a note\n |C:ResolveColorRed |M:c |D:1\n`,
      [3, 9, 10],
    ],
    [
      'otio',
      '{"OTIO_SCHEMA": "Timeline.1", "tracks": {"markers": [\n{"OTIO_SCHEMA": "Marker.2", "name": "x"},\n{"OTIO_SCHEMA": "Marker.2", "name": "y"}]}}',
      [2, 3],
    ],
  ])('%s', (format, text, lines) => {
    const error = failure(format, text);
    expect(error.problems.map((p) => p.line)).toEqual(lines);
    expect(error.line).toBe(lines[0]);
    expect(error.message).toMatch(new RegExp(`^${lines.length} lines have mistakes \\(lines `));
  });

  test('the message counts them, lists the first numbers and spells out the first three', () => {
    const problems = [2, 5, 7, 9, 11, 12, 15, 20].map((line) => ({ where: `line ${line}`, problem: `bad ${line}` }));
    expect(describeProblems(problems)).toBe(
      '8 lines have mistakes (lines 2, 5, 7, 9, 11, 12 and 2 more): line 2: bad 2; line 5: bad 5; line 7: bad 7; and 5 more',
    );
    expect(describeProblems(problems.slice(0, 2))).toBe(
      '2 lines have mistakes (lines 2 and 5): line 2: bad 2; line 5: bad 5',
    );
    expect(describeProblems(problems.slice(0, 1))).toBe('line 2: bad 2');
  });
});

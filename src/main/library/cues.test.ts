import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { describe, expect, onTestFinished, test } from 'vitest';
import type { CueData } from '../../shared/cues/types';
import { openDatabase } from '../db/connection';
import { expectStudioError, sha256, tempDir, thrownBy } from '../../../test/support/fixtures';
import { Clips } from './clips';
import { Cues, fileStem } from './cues';
import { Projects } from './projects';
import { CUE_FILE_FORMATS } from '../../shared/cues/index';
import { mediaTools, runTool } from '../media/tools';

async function library(): Promise<{ db: Database; cues: Cues; clips: Clips; clipId: number }> {
  const dir = await tempDir();
  const db = openDatabase(join(dir, 'library.db'));
  onTestFinished(() => {
    db.close();
  });
  const clips = new Clips(db);
  const project = new Projects(db).create('Cues');
  const id = sha256(Buffer.from('cue media'));
  clips.upsertMedia({
    id,
    mimeType: 'video/mp4',
    bytes: 10,
    durationMs: 10_000,
    width: 64,
    height: 48,
    fps: 24,
    videoCodec: 'h264',
    audioCodec: 'aac',
  });
  const clip = clips.insert({
    projectId: project.id,
    title: 'Lantern: dusk',
    provider: 'import',
    durationMs: 10_000,
    width: 64,
    height: 48,
    fps: 24,
    mediaId: id,
    posterId: null,
  });
  let now = 1_000;
  return { db, cues: new Cues(db, () => (now += 1)), clips, clipId: clip.id };
}

const cue = (over: Partial<CueData>): CueData => ({
  startMs: 0,
  endMs: null,
  label: 'cue',
  note: '',
  kind: 'note',
  color: null,
  ...over,
});

describe('cues', () => {
  test('are listed in time order and found by the library search', async () => {
    const { cues, clips, clipId } = await library();
    cues.create(clipId, [
      cue({ startMs: 5000, label: 'door slam', kind: 'sfx' }),
      cue({ startMs: 1000, endMs: 2500, label: 'wind', kind: 'ambience' }),
    ]);
    expect(cues.list(clipId).map((c) => [c.startMs, c.endMs, c.label])).toEqual([
      [1000, 2500, 'wind'],
      [5000, null, 'door slam'],
    ]);
    expect(clips.search('slam').map((c) => c.id)).toEqual([clipId]);
  });

  test('the search follows every cue write: a batch, an edit, a delete, and cues written by other parts of the library', async () => {
    const { db, cues, clips, clipId } = await library();
    const found = (word: string): number[] => clips.search(word).map((c) => c.id);
    const many = cues.create(
      clipId,
      Array.from({ length: 2000 }, (_, i) => cue({ startMs: i * 4, label: i === 1234 ? 'foghorn' : `tick ${i}` })),
    );
    expect(found('foghorn')).toEqual([clipId]);
    const horn = many[1234];
    if (!horn) throw new Error('expected the cue');
    cues.update(horn.id, { label: 'whistle', note: 'distant' });
    expect([found('foghorn'), found('whistle'), found('distant')]).toEqual([[], [clipId], [clipId]]);
    cues.delete(many.map((c) => c.id));
    expect([found('whistle'), found('tick')]).toEqual([[], []]);
    // A row written straight to the table (as a project bundle's import writes them) is indexed
    // before the next search reads the index.
    db.prepare(
      `INSERT INTO cues (clip_id, start_ms, label, note, kind, created_at, updated_at) VALUES (?, 0, 'gong', '', 'sfx', 0, 0)`,
    ).run(clipId);
    expect(found('gong')).toEqual([clipId]);
  });

  test('a cue past the clip is refused, and a batch with one is stored not at all', async () => {
    const { cues, clipId } = await library();
    expectStudioError(
      thrownBy(() => cues.create(clipId, [cue({ startMs: 1000 }), cue({ startMs: 10_500 })])),
      'invalid_input',
      'Cue 2 starts at 00:10.500, after the clip ends (00:10)',
    );
    expectStudioError(
      thrownBy(() => cues.create(clipId, [cue({ startMs: 9000, endMs: 12_000 })])),
      'invalid_input',
      'The cue ends at 00:12, after the clip ends (00:10)',
    );
    expect(cues.list(clipId)).toEqual([]);
  });

  test('an update merges the patch and checks the whole cue', async () => {
    const { cues, clipId } = await library();
    const [made] = cues.create(clipId, [cue({ startMs: 2000, endMs: 3000, label: 'rain' })]);
    const id = made?.id ?? 0;
    const moved = cues.update(id, { startMs: 2500, label: 'rain on glass' });
    expect([moved.startMs, moved.endMs, moved.label, moved.updatedAt > moved.createdAt]).toEqual([
      2500,
      3000,
      'rain on glass',
      true,
    ]);
    expectStudioError(
      thrownBy(() => cues.update(id, { startMs: 3500 })),
      'invalid_input',
      'a range cue must end after it starts',
    );
    expect(cues.update(id, { endMs: null }).endMs).toBeNull();
    expectStudioError(
      thrownBy(() => cues.update(999, { label: 'x' })),
      'not_found',
      'Cue 999 does not exist',
    );
  });

  test('delete removes the cues that exist and says which clips changed', async () => {
    const { cues, clipId } = await library();
    const made = cues.create(clipId, [cue({ startMs: 1 }), cue({ startMs: 2 })]);
    expect(cues.delete([made[0]?.id ?? 0, 12345])).toEqual({ deleted: 1, clipIds: [clipId] });
    expect(cues.list(clipId)).toHaveLength(1);
  });

  test('importing the same file again adds none of its cues twice and counts the ones skipped', async () => {
    const { cues, clipId } = await library();
    const file = 'start,end,label,kind,note,color\n1.000,,knock,sfx,,\n2.000,3.000,rain,ambience,soft,#3fb950\n';
    expect(cues.import(clipId, 'csv', file)).toMatchObject({
      skipped: 0,
      cues: [{ label: 'knock' }, { label: 'rain' }],
    });
    expect(cues.import(clipId, 'csv', file)).toEqual({ cues: [], skipped: 2 });
    // One new cue among known ones is added alone; a copy within the file is skipped too.
    const more = `${file}4.000,,door,sfx,,\n4.000,,door,sfx,,\n`;
    const again = cues.import(clipId, 'csv', more);
    expect(again.skipped).toBe(3);
    expect(again.cues.map((c) => c.label)).toEqual(['door']);
    // A cue differing in anything (here its note) is not a copy.
    expect(cues.import(clipId, 'csv', 'start,end,label,kind,note\n1.000,,knock,sfx,louder\n').skipped).toBe(0);
    expect(cues.list(clipId)).toHaveLength(4);
  });

  test('a file exported from the clip imports back as its own cues, whatever its format leaves out', async () => {
    const { cues, clipId } = await library();
    cues.create(clipId, [
      cue({ startMs: 1000, label: 'door slam', kind: 'sfx', note: 'loud' }),
      cue({ startMs: 2000, endMs: 4000, label: 'strings swell', kind: 'music', note: 'then\ncut', color: '#ff8800' }),
      cue({ startMs: 5000, label: 'Maya: "Go on, fly!"', kind: 'dialogue', note: 'softly' }),
    ]);
    for (const format of ['audacity', 'srt', 'webvtt', 'csv', 'otio', 'edl'] as const) {
      const { text } = cues.export(clipId, format);
      expect([format, cues.import(clipId, format, text)]).toEqual([format, { cues: [], skipped: 3 }]);
    }
    expect(cues.list(clipId)).toHaveLength(3);
  });

  test('import adds every cue of a good file and names the line of a bad one, importing nothing', async () => {
    const { cues, clipId } = await library();
    const { cues: added } = cues.import(clipId, 'audacity', '1.000000\t1.000000\tknock\n2.500000\t4.000000\t\n');
    expect(added.map((c) => [c.startMs, c.endMs, c.label, c.kind])).toEqual([
      [1000, null, 'knock', 'note'],
      [2500, 4000, 'Cue 2', 'note'],
    ]);
    expectStudioError(
      thrownBy(() => cues.import(clipId, 'srt', '1\n00:00:01,000 --> 00:00:02,000\nok\n\n2\nbroken\nx\n')),
      'invalid_input',
      'This SRT subtitles file cannot be read: line 6: expected "HH:MM:SS,mmm --> HH:MM:SS,mmm"',
    );
    expectStudioError(
      thrownBy(() => cues.import(clipId, 'csv', 'start,label\n3.0,fine\n11.0,late\n')),
      'invalid_input',
      'This CSV file does not fit the clip: the cue on line 3 starts at 00:11, after the clip ends (00:10). Nothing was imported: correct that line and import the file again.',
    );
    expectStudioError(
      thrownBy(() => cues.import(clipId, 'csv', 'start,label\n')),
      'invalid_input',
      'holds no cues',
    );
    expect(cues.list(clipId)).toHaveLength(2);
  });

  test('an EDL with a malformed timecode, or a marker before the timeline starts, names the line and imports nothing', async () => {
    const { cues, clipId } = await library();
    const event = (tc: string, src = tc): string =>
      `001  001      V     C        ${src} ${src} ${tc} ${tc}  \n |C:ResolveColorBlue |M:m |D:1\n`;
    const good = event('01:00:01:00');
    expectStudioError(
      thrownBy(() => cues.import(clipId, 'edl', `TITLE: t\n\n${good}\n${event('01:00:02:00', '01:00:0X:00')}`)),
      'invalid_input',
      'This DaVinci Resolve EDL file cannot be read: line 6: "01:00:0X:00" is not a timecode (HH:MM:SS:FF, frames 00 to 23 at 24 frames a second). Nothing was imported: correct that line and import the file again.',
    );
    expectStudioError(
      thrownBy(() => cues.import(clipId, 'edl', `${good}${event('00:59:58:00')}`)),
      'invalid_input',
      "line 3: this marker (00:59:58:00) is before the timeline's start, 01:00:00:00; export the markers from a timeline that starts at 01:00:00:00 (Resolve's default), or move the marker after it.",
    );
    expectStudioError(
      thrownBy(() => cues.import(clipId, 'edl', event('00:59:58:00'))),
      'invalid_input',
      "line 1: this marker (00:59:58:00) is before the timeline's start, 01:00:00:00",
    );
    expect(cues.list(clipId)).toEqual([]);
  });

  test('an EDL from a timeline that starts at 00:00:00:00 imports as one from 01:00:00:00 does, its first marker at 0', async () => {
    const { cues, clipId } = await library();
    const event = (n: number, tc: string, marker: string): string =>
      `${String(n).padStart(3, '0')}  001      V     C        ${tc} ${tc} ${tc} ${tc}  \n${marker}\n\n`;
    const zero =
      'TITLE: Timeline 1\nFCM: NON-DROP FRAME\n\n' +
      event(1, '00:00:00:00', ' |C:ResolveColorBlue |M:slate |D:1') +
      event(2, '00:00:04:12', 'lands late |C:ResolveColorRed |M:door slam |D:1') +
      event(3, '00:00:06:00', ' |C:ResolveColorGreen |M:rain |D:48');
    const { cues: added } = cues.import(clipId, 'edl', zero);
    expect(added.map((c) => [c.startMs, c.endMs, c.label, c.kind, c.note])).toEqual([
      [0, null, 'slate', 'note', ''],
      [4500, null, 'door slam', 'sfx', 'lands late'],
      [6000, 8000, 'rain', 'ambience', ''],
    ]);
    const hour = zero.replace(/00:00:0(\d):(\d\d)/g, '01:00:0$1:$2');
    expect(cues.import(clipId, 'edl', hour)).toEqual({ cues: [], skipped: 3 });
  });

  test('a file that is not text is refused without its bytes in the message; a bad line is quoted printable and short', async () => {
    const { cues, clipId } = await library();
    const binary = `RIFF\u0000\u0000WAVEfmt \u0010\u0000\u0001${'\ufffd\u0003'.repeat(40)}`;
    const refused = thrownBy(() => cues.import(clipId, 'srt', binary));
    expectStudioError(
      refused,
      'invalid_input',
      'This file is not text, so it cannot be an SRT subtitles file (a sound, a picture or an archive?). Nothing was imported: choose the cue file itself.',
    );
    const odd = `1.0\tknock\n\u0007${'x'.repeat(200)}\tend\tlabel\n`;
    const message = (thrownBy(() => cues.import(clipId, 'audacity', odd)) as Error).message;
    expect(message).toBe(
      `This Audacity labels file cannot be read: line 2: "\ufffd${'x'.repeat(58)}…" is not a start time in seconds. Nothing was imported: correct that line and import the file again.`,
    );
    expect(cues.list(clipId)).toEqual([]);
  });

  test('a cue a file gives that the library refuses is named by its line', async () => {
    const { cues, clipId } = await library();
    expectStudioError(
      thrownBy(() => cues.import(clipId, 'csv', `start,label\n1.0,fine\n2.0,${'x'.repeat(201)}\n`)),
      'invalid_input',
      'This CSV file cannot be read: line 3: a cue label is at most 200 characters. Nothing was imported: correct that line and import the file again.',
    );
  });

  test('import takes a label written as a line of dialogue for dialogue, whatever the format', async () => {
    const { cues, clipId } = await library();
    const { cues: added } = cues.import(
      clipId,
      'audacity',
      '5.000000\t5.000000\t[00:05] Anna: "Run!"\n6.000000\t6.000000\tBen: “Wait”\n7.000000\t7.000000\tthunder: far\n',
    );
    expect(added.map((c) => [c.label, c.kind])).toEqual([
      ['[00:05] Anna: "Run!"', 'dialogue'],
      ['Ben: “Wait”', 'dialogue'],
      ['thunder: far', 'note'],
    ]);
  });

  test('an OpenTimelineIO export of a clip with sound only puts it on an Audio track, and reads back', async () => {
    const { db, cues, clips, clipId } = await library();
    const id = sha256(Buffer.from('cue sound'));
    clips.upsertMedia({
      id,
      mimeType: 'audio/mp4',
      bytes: 10,
      durationMs: 10_000,
      width: null,
      height: null,
      fps: null,
      videoCodec: null,
      audioCodec: 'aac',
    });
    const projectId = (db.prepare('SELECT project_id FROM clips WHERE id = ?').get(clipId) as { project_id: number })
      .project_id;
    const sound = clips.insert({
      projectId,
      title: 'Harbour bell',
      provider: 'import',
      durationMs: 10_000,
      width: null,
      height: null,
      fps: null,
      mediaId: id,
      posterId: null,
    });
    cues.create(sound.id, [cue({ startMs: 2000, label: 'bell', kind: 'sfx' })]);
    cues.create(clipId, [cue({ startMs: 2000, label: 'bell', kind: 'sfx' })]);
    const trackOf = (text: string): unknown => {
      const doc = JSON.parse(text) as { tracks: { children: { kind: string; name: string }[] } };
      return doc.tracks.children.map((t) => [t.kind, t.name]);
    };
    const audio = cues.export(sound.id, 'otio').text;
    expect(trackOf(audio)).toEqual([['Audio', 'A1']]);
    expect(trackOf(cues.export(clipId, 'otio').text)).toEqual([['Video', 'V1']]);
    // Read back into the emptied clip: markers on an Audio track are taken like any others.
    cues.delete(cues.list(sound.id).map((c) => c.id));
    expect(cues.import(sound.id, 'otio', audio).cues.map((c) => [c.startMs, c.label, c.kind])).toEqual([
      [2000, 'bell', 'sfx'],
    ]);
  });

  test('export writes the chosen cues under the clip’s name', async () => {
    const { cues, clipId } = await library();
    const [a] = cues.create(clipId, [cue({ startMs: 1000, label: 'a' }), cue({ startMs: 2000, label: 'b' })]);
    expect(cues.export(clipId, 'audacity', [a?.id ?? 0])).toEqual({
      fileName: 'Lantern dusk cues.txt',
      mimeType: 'text/plain',
      text: '1.000000\t1.000000\ta [note]\n',
    });
    expect(cues.export(clipId, 'csv').text.split('\r\n')).toHaveLength(4);
  });

  test('a file with several bad lines says how many and which, and imports nothing', async () => {
    const { cues, clipId } = await library();
    const bad = '1.0\t1.0\tok\nsoon\t2.0\ta\n2.0\tx\tb\n3.0\t3.0\tok\n4.0\t3.0\tc\nlater\t5.0\td\n';
    expectStudioError(
      thrownBy(() => cues.import(clipId, 'audacity', bad)),
      'invalid_input',
      'This Audacity labels file cannot be read: 4 lines have mistakes (lines 2, 3, 5 and 6): line 2: "soon" is not a start time in seconds; ' +
        'line 3: "x" is not an end time in seconds; line 5: the label ends (3.0) before it starts (4.0); and 1 more. ' +
        'Nothing was imported: correct those lines and import the file again.',
    );
    // Lines that read but do not fit the clip (10 s) are counted the same way.
    expectStudioError(
      thrownBy(() => cues.import(clipId, 'audacity', '1.0\t1.0\tok\n12.0\t12.0\tlate\n9.0\t11.0\tlong\n')),
      'invalid_input',
      'This Audacity labels file cannot be read: 2 lines have mistakes (lines 2 and 3): ' +
        'line 2: the cue starts at 00:12, after the clip ends (00:10); line 3: the cue ends at 00:11, after the clip ends (00:10). ' +
        'Nothing was imported: correct those lines and import the file again.',
    );
    expect(cues.list(clipId)).toEqual([]);
  });

  test('Audacity labels and a Resolve EDL exported and imported again keep each cue’s kind', async () => {
    const { cues, clipId } = await library();
    cues.create(clipId, [
      cue({ startMs: 1000, label: 'door slam', kind: 'sfx' }),
      cue({ startMs: 2000, endMs: 3000, label: 'Where were you?', kind: 'dialogue' }),
      cue({ startMs: 3000, endMs: 5000, label: 'strings', kind: 'music' }),
      cue({ startMs: 4000, label: 'rain', kind: 'ambience' }),
      cue({ startMs: 5000, label: 'check the cut', kind: 'note' }),
    ]);
    const kinds = (): string[][] => cues.list(clipId).map((c) => [c.label, c.kind]);
    const before = kinds();
    for (const format of ['audacity', 'edl'] as const) {
      const { text } = cues.export(clipId, format);
      cues.delete(cues.list(clipId).map((c) => c.id));
      cues.import(clipId, format, text);
      expect(kinds()).toEqual(before);
    }
  });

  test('an SRT export keeps a note that looks like a timing inside its cue when ffmpeg reads it', async () => {
    const { cues, clipId } = await library();
    cues.create(clipId, [
      cue({ startMs: 1000, endMs: 2000, label: 'slate', note: 'take two\n00:00:01,000 --> 00:00:02,000' }),
      cue({ startMs: 4000, label: 'door --> slam', kind: 'sfx' }),
    ]);
    const file = cues.export(clipId, 'srt');
    const path = join(await tempDir(), file.fileName);
    await writeFile(path, file.text);
    const { stdout } = await runTool(mediaTools().ffmpeg, ['-v', 'error', '-i', path, '-f', 'srt', '-']);
    const read = CUE_FILE_FORMATS.srt.read(stdout, { durationMs: 10_000, fps: 24 });
    expect(read.map((c) => [c.startMs, c.label, c.note])).toEqual([
      [1000, 'slate', 'take two\n00:00:01,000 --> 00:00:02,000'],
      [4000, 'door --> slam', ''],
    ]);
  });

  test('file stems drop what file systems refuse', () => {
    expect(fileStem('a/b\\c:d*e?f"g<h>i|j\u202e.')).toBe('a b c d e f g h i j');
    expect(fileStem(' ... ')).toBe('clip');
  });
});

test('a cue file with more cues than one import may bring is refused whole', async () => {
  const { cues, clipId } = await library();
  const lines = Array.from(
    { length: 5001 },
    (_, i) => `${(i / 1000).toFixed(6)}\t${(i / 1000).toFixed(6)}\tc${i}\n`,
  ).join('');
  expectStudioError(
    thrownBy(() => cues.import(clipId, 'audacity', lines)),
    'invalid_input',
    'holds 5,001 cues; one file may bring at most 5,000. Nothing was imported: split it and import each part.',
  );
  expect(cues.list(clipId)).toEqual([]);
});

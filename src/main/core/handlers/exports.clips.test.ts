import { join } from 'node:path';
import { expect, onTestFinished, test } from 'vitest';
import type { EventName, EventPayload } from '../../../shared/contract';
import { ffmpeg, ffprobeJson, libraryDb, makeAudio, makeVideo, tempDir } from '../../../../test/support/fixtures';
import { runTool, mediaTools } from '../../media/tools';
import { createStudio, type Studio } from '../studio';

async function openStudio(): Promise<{ dir: string; dataDir: string; studio: Studio }> {
  const dir = await tempDir();
  const dataDir = join(dir, 'data');
  const studio = await createStudio({ dataDir, render: null });
  onTestFinished(() => studio.close());
  return { dir, dataDir, studio };
}

/** A SHA-256 of every stream's packets: equal only when the picture and sound were not re-encoded. */
async function streamHashes(path: string): Promise<string> {
  const { stdout } = await runTool(mediaTools().ffmpeg, [
    '-v',
    'error',
    '-i',
    path,
    '-map',
    '0',
    '-c',
    'copy',
    '-f',
    'streamhash',
    '-hash',
    'sha256',
    '-',
  ]);
  return stdout;
}

function formatTags(json: unknown): Record<string, string> {
  return (json as { format: { tags?: Record<string, string> } }).format.tags ?? {};
}

/** Each of these runs ffmpeg a dozen times (make, import, export, probe, import again); a loaded machine needs more than the default. */
const SLOW = 90_000;

const PROMPT =
  'Title: Harbour at dawn\nScene: fishing boats leave a misty harbour ✓\nCamera: slow push in\nStyle: "35mm", warm';

test(
  'an exported clip carries its prompt, seed, provider and model by stream copy, and importing it brings them back',
  async () => {
    const { dir, dataDir, studio } = await openStudio();
    const progress: EventPayload<'exports.progress'>[] = [];
    const notes: string[] = [];
    studio.onEvent((name: EventName, payload) => {
      if (name === 'exports.progress') progress.push(payload as EventPayload<'exports.progress'>);
      if (name === 'import.progress') {
        const message = (payload as EventPayload<'import.progress'>).message;
        if (message) notes.push(message);
      }
    });
    const project = await studio.call('projects.create', { name: 'Harbour' });
    const source = await makeVideo(dir, 'render.mp4', { seconds: 1 });
    const [clip] = (
      await studio.call('clips.import', {
        projectId: project.id,
        sources: [{ kind: 'path', path: source }],
        taskId: 'a',
      })
    ).clips;
    if (!clip) throw new Error('no clip');
    // As a render would have left it: the studio has no call that sets these on an imported clip.
    libraryDb(dataDir)
      .prepare(
        "UPDATE clips SET title = 'Harbour: at dawn?', prompt_text = ?, provider = 'veo', model = 'veo-3.0-generate-001', seed = 9007199254740991 WHERE id = ?",
      )
      .run(PROMPT, clip.id);
    await studio.call('cues.create', {
      clipId: clip.id,
      cues: [{ startMs: 250, endMs: 600, label: 'horn', note: 'late', kind: 'sfx', color: null }],
    });

    const exported = await studio.call('exports.clips', { ids: [clip.id], sidecar: 'srt', taskId: 'x' });
    expect(exported.notes).toEqual([]);
    expect(exported.files.map((f) => [f.kind, f.fileName])).toEqual([
      ['clip', expect.stringMatching(/^Harbour at dawn \d{4}-\d\d-\d\d \d{4}\.mp4$/)],
      ['cues', expect.stringMatching(/^Harbour at dawn \d{4}-\d\d-\d\d \d{4}\.srt$/)],
    ]);
    expect(progress.at(-1)).toEqual({ taskId: 'x', phase: 'export', fraction: 1 });
    const [mp4, srt] = await Promise.all(exported.files.map((f) => studio.exports.find(f.id)));
    if (!mp4 || !srt) throw new Error('exported files not found');
    expect(mp4.bytes).toBe(exported.files[0]?.bytes);

    const tags = formatTags(await ffprobeJson(mp4.path));
    expect(tags).toMatchObject({
      shotline: '1',
      title: 'Harbour: at dawn?',
      shotline_prompt: PROMPT,
      shotline_seed: '9007199254740991',
      shotline_provider: 'veo',
      shotline_model: 'veo-3.0-generate-001',
    });
    const stored = studio.media.pathOf(clip.mediaId) ?? '';
    const original = await streamHashes(stored);
    expect(original).toMatch(/0,v,SHA256=[0-9a-f]{64}\n1,a,SHA256=[0-9a-f]{64}/);
    expect(await streamHashes(mp4.path)).toBe(original);
    const { readFile } = await import('node:fs/promises');
    expect(await readFile(srt.path, 'utf8')).toContain('00:00:00,250 --> 00:00:00,600\nhorn');

    const other = await studio.call('projects.create', { name: 'Elsewhere' });
    const [back] = (
      await studio.call('clips.import', {
        projectId: other.id,
        sources: [{ kind: 'path', path: mp4.path }],
        taskId: 'b',
      })
    ).clips;
    expect(back).toMatchObject({
      title: 'Harbour: at dawn?',
      promptText: PROMPT,
      seed: 9007199254740991,
      provider: 'veo',
      model: 'veo-3.0-generate-001',
    });
    expect(notes).toEqual([]);
  },
  SLOW,
);

test(
  'a file whose Shotline tags were tampered with still imports, without the bad values and with a note naming them',
  async () => {
    const { dir, studio } = await openStudio();
    const notes: string[] = [];
    studio.onEvent((name, payload) => {
      const message = name === 'import.progress' ? (payload as EventPayload<'import.progress'>).message : undefined;
      if (message) notes.push(message);
    });
    const project = await studio.call('projects.create', { name: 'Tampered' });
    const plain = await makeVideo(dir, 'plain.mp4', { seconds: 1 });
    const tampered = join(dir, 'tampered.mp4');
    await ffmpeg([
      '-i',
      plain,
      '-c',
      'copy',
      '-movflags',
      '+use_metadata_tags',
      '-metadata',
      'shotline=1',
      '-metadata',
      `shotline_prompt=${'Scene: a dog\n'.repeat(5000)}`,
      '-metadata',
      'shotline_seed=12abc',
      '-metadata',
      'shotline_provider=evil; DROP TABLE clips',
      '-metadata',
      'shotline_model=veo-3',
      tampered,
    ]);
    const result = await studio.call('clips.import', {
      projectId: project.id,
      sources: [{ kind: 'path', path: tampered }],
      taskId: 't',
    });
    expect(result.failures).toEqual([]);
    expect(result.clips[0]).toMatchObject({
      title: 'tampered',
      provider: 'import',
      promptText: null,
      seed: null,
      model: 'veo-3',
    });
    expect(notes).toHaveLength(1);
    expect(notes[0]).toContain('tampered.mp4 carries Shotline metadata that was changed or damaged');
    expect(notes[0]).toContain('prompt');
    expect(notes[0]).toContain('longer than the 50,000 characters');
    expect(notes[0]).toContain('seed "12abc" is not a whole number');
    expect(notes[0]).toContain('provider "evil; DROP TABLE clips" is not a provider Shotline knows');
    expect(notes[0]).not.toContain('model');
    expect(notes[0]?.length ?? 0).toBeLessThan(600);

    const future = join(dir, 'future.mp4');
    await ffmpeg([
      '-i',
      plain,
      '-c',
      'copy',
      '-movflags',
      '+use_metadata_tags',
      '-metadata',
      'shotline=7',
      '-metadata',
      'shotline_provider=veo',
      future,
    ]);
    const later = await studio.call('clips.import', {
      projectId: project.id,
      sources: [{ kind: 'path', path: future }],
      taskId: 'f',
    });
    expect(later.clips[0]).toMatchObject({ provider: 'import' });
    expect(notes[1]).toContain('future.mp4 was tagged by a Shotline whose metadata this version cannot read');
  },
  SLOW,
);

test(
  'several clips export at once under distinct names; a clip without cues says so instead of writing an empty cue file',
  async () => {
    const { dir, dataDir, studio } = await openStudio();
    const project = await studio.call('projects.create', { name: 'Many' });
    const a = await makeVideo(dir, 'a.mp4', { seconds: 1 });
    const b = await makeVideo(dir, 'b.mp4', { seconds: 1, pattern: 'smptebars' });
    const { clips } = await studio.call('clips.import', {
      projectId: project.id,
      sources: [
        { kind: 'path', path: a },
        { kind: 'path', path: b },
      ],
      taskId: 'm',
    });
    libraryDb(dataDir).prepare("UPDATE clips SET title = 'Same', created_at = 0").run();
    const exported = await studio.call('exports.clips', { ids: clips.map((c) => c.id), sidecar: 'webvtt' });
    const names = exported.files.map((f) => f.fileName);
    expect(names).toHaveLength(2);
    expect(names[1]).toBe(names[0]?.replace('.mp4', ' (2).mp4'));
    expect(exported.notes).toEqual([
      '“Same” has no cues, so no cue file was written for it.',
      '“Same” has no cues, so no cue file was written for it.',
    ]);

    const unknown = await studio.invoke('exports.clips', { ids: [clips[0]?.id, 9999] });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const empty = await studio.invoke('exports.clips', { ids: [] });
    expect(JSON.stringify(empty)).toContain('choose at least one clip to export');
  },
  SLOW,
);

test('a WAV, which cannot carry tags, is exported as it is, and the note says so in plain English', async () => {
  const { dir, studio } = await openStudio();
  const project = await studio.call('projects.create', { name: 'Sounds' });
  const source = await makeAudio(dir, 'gulls.wav', 1);
  const [clip] = (
    await studio.call('clips.import', { projectId: project.id, sources: [{ kind: 'path', path: source }], taskId: 'w' })
  ).clips;
  if (!clip) throw new Error('no clip');
  const exported = await studio.call('exports.clips', { ids: [clip.id], sidecar: null, taskId: 'wx' });
  expect(exported.notes).toEqual([
    "“gulls” is an audio/wav file, which cannot carry Shotline's tags; it was exported as it is.",
  ]);
});

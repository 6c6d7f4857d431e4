import { createWriteStream } from 'node:fs';
import { copyFile, open, readFile, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createHash } from 'node:crypto';
import { expect, onTestFinished, test } from 'vitest';
import type { Clip } from '../../../shared/domain';
import { libraryDb, makeAudio, makeVideo, sha256File, storedObjects, tempDir } from '../../../../test/support/fixtures';
import { createStudio, type Studio } from '../../core/studio';
import { CHECKSUM_ENTRY, MANIFEST_ENTRY } from './manifest';
import { readTarIndex, tarStream, type TarEntry } from './tar';

// Each test imports real media, makes their peaks and sprites, exports and imports again: slow on a
// busy machine, hence the long timeouts.
async function openStudio(dir: string, name: string): Promise<{ dataDir: string; studio: Studio }> {
  const dataDir = join(dir, name);
  const studio = await createStudio({ dataDir, render: null });
  onTestFinished(() => studio.close());
  return { dataDir, studio };
}

interface Source {
  dir: string;
  dataDir: string;
  studio: Studio;
  projectId: number;
  clips: Clip[];
  bundle: string;
}

/** A project of three clips (one a remix of another, one sharing its media), cues, tags, ratings and a report, exported. */
async function exportedProject(): Promise<Source> {
  const dir = await tempDir();
  const { dataDir, studio } = await openStudio(dir, 'first');
  const project = await studio.call('projects.create', { name: 'Harbour: takes' });
  const video = await makeVideo(dir, 'dawn.mp4', { seconds: 1 });
  const audio = await makeAudio(dir, 'bed.wav', 1);
  const imported = await studio.call('clips.import', {
    projectId: project.id,
    sources: [
      { kind: 'path', path: video },
      { kind: 'path', path: audio },
    ],
    taskId: 'i',
  });
  const [dawn, bed] = imported.clips;
  if (!dawn || !bed) throw new Error('import failed');
  // Imports get their waveforms in the background: wait for them, so the bundle carries them.
  for (const clip of [dawn, bed]) await studio.call('cues.peaks', { clipId: clip.id });
  // And the video's sprite sheet (made in the background too).
  await studio.call('clips.sprite', { clipId: dawn.id });
  const db = libraryDb(dataDir);
  // The remix is the newer row, its parent the older: ids must be remapped in both directions.
  db.prepare(
    `INSERT INTO clips (project_id, title, prompt_text, prompt_json, provider, model, params_json, seed, duration_ms, width, height, fps,
       media_hash, poster_hash, parent_clip_id, rating, cost_usd, report_json, created_at)
     SELECT project_id, 'Dawn, remixed', 'Scene: boats\nStyle: noir', '{"v":1}', 'veo', 'veo-3', '{"aspect":"16:9"}', 7, duration_ms,
       width, height, fps, media_hash, poster_hash, id, 4, 0.35, '{"notes":[]}', created_at + 1 FROM clips WHERE id = ?`,
  ).run(dawn.id);
  db.prepare("UPDATE clips SET rating = 2, prompt_text = 'Scene: dawn' WHERE id = ?").run(dawn.id);
  const clips = await studio.call('clips.list', { projectId: project.id });
  const remix = clips.find((c) => c.parentId === dawn.id);
  if (!remix) throw new Error('no remix');
  await studio.call('cues.create', {
    clipId: dawn.id,
    cues: [
      { startMs: 100, endMs: null, label: 'gull', note: '', kind: 'sfx', color: null },
      { startMs: 300, endMs: 700, label: 'horn', note: 'too loud', kind: 'sfx', color: '#ff8800' },
    ],
  });
  await studio.call('cues.create', {
    clipId: remix.id,
    cues: [{ startMs: 200, endMs: null, label: 'wave', note: '', kind: 'note', color: null }],
  });
  db.prepare("INSERT INTO tags (name) VALUES ('keeper'), ('night')").run();
  db.prepare("INSERT INTO clip_tags (clip_id, tag_id) SELECT ?, id FROM tags WHERE name IN ('keeper', 'night')").run(
    remix.id,
  );

  await studio.call('library.saveFilter', {
    projectId: project.id,
    name: 'Night keepers',
    query: { text: 'boats', filter: { tag: 'night', minRating: 3 }, sort: { by: 'rating', dir: 'desc' } },
  });

  const events: number[] = [];
  studio.onEvent((name, payload) => {
    if (name === 'exports.progress') events.push((payload as { fraction: number }).fraction);
  });
  const exported = await studio.call('exports.project', { projectId: project.id, taskId: 'p' });
  expect(exported).toMatchObject({ clips: 3, trashed: 0, cues: 3 });
  expect(exported.file.fileName).toMatch(/^Harbour takes \d{4}-\d\d-\d\d \d{4}\.shotline$/);
  expect(events.at(-1)).toBe(1);
  const found = await studio.exports.find(exported.file.id);
  if (!found) throw new Error('bundle not found');
  const bundle = join(dir, 'project.shotline');
  await copyFile(found.path, bundle);
  return {
    dir,
    dataDir,
    studio,
    projectId: project.id,
    clips: await studio.call('clips.list', { projectId: project.id }),
    bundle,
  };
}

type Row = Record<string, unknown>;

/** A project's clips, cues and tags as comparable rows: ids replaced by titles, so two libraries can be compared. */
function snapshot(dataDir: string, projectId: number): { clips: Row[]; cues: Row[]; tags: Row[] } {
  const db = libraryDb(dataDir);
  const clips = db
    .prepare<[number], Row>(
      `SELECT c.*, p.title AS parent_title FROM clips c LEFT JOIN clips p ON p.id = c.parent_clip_id
       WHERE c.project_id = ? ORDER BY c.title`,
    )
    .all(projectId)
    .map((row) =>
      Object.fromEntries(
        Object.entries(row).filter(([key]) => !['id', 'project_id', 'parent_clip_id', 'job_id'].includes(key)),
      ),
    );
  const cues = db
    .prepare<[number], Row>(
      `SELECT k.start_ms, k.end_ms, k.label, k.note, k.kind, k.color, k.created_at, k.updated_at, c.title
       FROM cues k JOIN clips c ON c.id = k.clip_id WHERE c.project_id = ? ORDER BY c.title, k.start_ms`,
    )
    .all(projectId);
  const tags = db
    .prepare<[number], Row>(
      `SELECT c.title, t.name FROM clip_tags ct JOIN tags t ON t.id = ct.tag_id JOIN clips c ON c.id = ct.clip_id
       WHERE c.project_id = ? ORDER BY c.title, t.name`,
    )
    .all(projectId);
  return { clips, cues, tags };
}

test('a project bundle imports into another library with new ids and nothing lost', async () => {
  const source = await exportedProject();
  const { dataDir, studio } = await openStudio(source.dir, 'second');
  // The second library already has rows, so the first library's ids mean something else here.
  const existing = await studio.call('projects.create', { name: 'Already here' });
  const other = await studio.call('clips.import', {
    projectId: existing.id,
    sources: [{ kind: 'path', path: await makeVideo(source.dir, 'other.mp4', { seconds: 1, pattern: 'smptebars' }) }],
    taskId: 'o',
  });
  // Its sprite sheet is made in the background; stored before the files are counted below.
  await studio.call('clips.sprite', { clipId: other.clips[0]?.id ?? 0 });
  const progress: string[] = [];
  studio.onEvent((name, payload) => {
    if (name === 'exports.progress') progress.push((payload as { phase: string }).phase);
  });

  const result = await studio.call('exports.importProject', {
    source: { kind: 'path', path: source.bundle },
    taskId: 'in',
  });
  expect(result).toMatchObject({ project: { name: 'Harbour: takes', clipCount: 3 }, clips: 3, cues: 3, notes: [] });
  expect(progress).toContain('verify');
  expect(progress).toContain('store');
  expect(progress.at(-1)).toBe('done');

  const before = snapshot(source.dataDir, source.projectId);
  const after = snapshot(dataDir, result.project.id);
  expect(after).toEqual(before);
  expect(after.clips.find((c) => c.title === 'Dawn, remixed')).toMatchObject({
    parent_title: 'dawn',
    rating: 4,
    seed: 7,
    report_json: '{"notes":[]}',
    params_json: '{"aspect":"16:9"}',
  });

  // The smart collection comes with the project, and finds the same clip there.
  const [collection] = await studio.call('library.filters', { projectId: result.project.id });
  expect(collection).toMatchObject({
    name: 'Night keepers',
    query: { text: 'boats', filter: { tag: 'night', minRating: 3 }, sort: { by: 'rating', dir: 'desc' } },
  });

  const copied = await studio.call('clips.list', { projectId: result.project.id });
  // New rows after the library's own, and the remix points at the new copy of its parent.
  expect(Math.min(...copied.map((c) => c.id))).toBeGreaterThan(1);
  const dawn = copied.find((c) => c.title === 'dawn');
  expect(copied.find((c) => c.title === 'Dawn, remixed')?.parentId).toBe(dawn?.id);
  expect(source.clips.find((c) => c.title === 'Dawn, remixed')?.parentId).not.toBe(dawn?.id);
  for (const clip of copied) {
    const path = studio.media.pathOf(clip.mediaId) ?? '';
    expect(sha256File(path)).toBe(clip.mediaId);
    if (clip.posterId) expect(sha256File(studio.media.pathOf(clip.posterId) ?? '')).toBe(clip.posterId);
  }
  expect(
    (await studio.call('clips.search', { query: 'keeper', projectId: result.project.id })).map((c) => c.title),
  ).toEqual(['Dawn, remixed']);
  expect(
    (await studio.call('clips.search', { query: 'horn', projectId: result.project.id })).map((c) => c.title),
  ).toEqual(['dawn']);

  // Importing it again makes a second project; the media already stored are shared, not copied twice.
  const objects = await storedObjects(join(dataDir, 'media'));
  const again = await studio.call('exports.importProject', { source: { kind: 'path', path: source.bundle } });
  expect(again.project).toMatchObject({ name: 'Harbour: takes (imported)' });
  expect(again.project.id).not.toBe(result.project.id);
  expect(await storedObjects(join(dataDir, 'media'))).toEqual(objects);
}, 180_000);

/** Rewrites a bundle with one entry changed (and the checksum left as it was unless told). */
async function rewritten(
  bundle: string,
  target: string,
  change: (entry: TarEntry, data: Buffer) => Buffer,
  fixChecksum = false,
): Promise<void> {
  const file = await open(bundle, 'r');
  const index = await readTarIndex(file, (await file.stat()).size);
  const datas: Buffer[] = [];
  for (const entry of index) {
    const data = Buffer.alloc(entry.size);
    await file.read(data, 0, entry.size, entry.offset);
    datas.push(change(entry, data));
  }
  await file.close();
  if (fixChecksum) {
    const manifest = datas[index.findIndex((e) => e.name === MANIFEST_ENTRY)] ?? Buffer.alloc(0);
    datas[index.findIndex((e) => e.name === CHECKSUM_ENTRY)] = Buffer.from(
      createHash('sha256').update(manifest).digest('hex') + '\n',
    );
  }
  const entries = index.map((entry, i) => {
    const data = datas[i] ?? Buffer.alloc(0);
    return { name: entry.name, size: data.length, body: () => [data] };
  });
  await pipeline(Readable.from(tarStream(entries)), createWriteStream(target));
}

test('a truncated, tampered, newer or foreign bundle is refused with a clear message and imports nothing', async () => {
  const source = await exportedProject();
  const { dataDir, studio } = await openStudio(source.dir, 'second');
  const bad = (name: string): string => join(source.dir, name);

  const size = (await readFile(source.bundle)).length;
  await copyFile(source.bundle, bad('cut.shotline'));
  await truncate(bad('cut.shotline'), Math.floor(size / 2));
  await copyFile(source.bundle, bad('no-end.shotline'));
  await truncate(bad('no-end.shotline'), size - 1024); // cut exactly at the end blocks
  await rewritten(source.bundle, bad('media.shotline'), (entry, data) => {
    if (entry.name.startsWith('media/') && data.length > 1000) data[1000] = (data[1000] ?? 0) ^ 0xff;
    return data;
  });
  await rewritten(source.bundle, bad('manifest.shotline'), (entry, data) =>
    entry.name === MANIFEST_ENTRY ? Buffer.from(data.toString('utf8').replace('Dawn, remixed', 'Dawn, REMIXED')) : data,
  );
  await rewritten(
    source.bundle,
    bad('newer.shotline'),
    (entry, data) =>
      entry.name === MANIFEST_ENTRY ? Buffer.from(data.toString('utf8').replace('"version":1', '"version":2')) : data,
    true,
  );
  await rewritten(
    source.bundle,
    bad('dangling.shotline'),
    (entry, data) => {
      if (entry.name !== MANIFEST_ENTRY) return data;
      const manifest = JSON.parse(data.toString('utf8')) as { cues: { clip_id: number }[] };
      for (const cue of manifest.cues) cue.clip_id = 999_999;
      return Buffer.from(JSON.stringify(manifest));
    },
    true,
  );
  await writeFile(bad('notes.shotline'), 'just some text, not an archive\n'.repeat(40));
  await writeFile(bad('short-note.shotline'), 'not a bundle\n');

  const cases: [string, RegExp][] = [
    ['cut.shotline', /cut short/],
    ['no-end.shotline', /cut short/],
    ['media.shotline', /does not match its hash \(the file was changed or damaged\)/],
    ['manifest.shotline', /manifest does not match its checksum/],
    ['newer.shotline', /made by a newer Shotline \(bundle version 2; this one reads version 1\)\. Update Shotline/],
    ['dangling.shotline', /damaged: a cue belongs to a clip the bundle does not hold/],
    [
      'notes.shotline',
      /cannot be imported: it is not a Shotline project bundle.*it is named as a bundle but is not one \(damaged, or not written by Export project…\)\. Export the project again and import the new file\.$/,
    ],
    ['short-note.shotline', /cannot be imported: it is not a Shotline project bundle/],
  ];
  const objectsBefore = await storedObjects(join(dataDir, 'media'));
  for (const [name, message] of cases) {
    const reply = await studio.invoke('exports.importProject', { source: { kind: 'path', path: bad(name) } });
    expect(reply, name).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const text = reply.ok ? '' : reply.error.message;
    expect(text, name).toMatch(message);
    expect(text, name).toContain(`${name} cannot be imported`);
    expect(text, name).toMatch(/Nothing was imported(\.|: .*\.)$/);
    // Media entries are named by hash inside a bundle; a message never shows that path.
    expect(text, name).not.toMatch(/media\/[0-9a-f]/);
  }
  expect(await studio.call('projects.list', {})).toEqual([]);
  expect(
    libraryDb(dataDir)
      .prepare('SELECT (SELECT count(*) FROM clips) + (SELECT count(*) FROM media) + (SELECT count(*) FROM cues)')
      .pluck()
      .get(),
  ).toBe(0);
  expect(await storedObjects(join(dataDir, 'media'))).toEqual(objectsBefore);

  // The good bundle still imports after all of that.
  const good = await studio.call('exports.importProject', { source: { kind: 'path', path: source.bundle } });
  expect(good.clips).toBe(3);
}, 180_000);

test('a bundle from before smart collections imports without them; one this version cannot read is left out with a note', async () => {
  const source = await exportedProject();
  const { studio } = await openStudio(source.dir, 'second');
  const withManifest = async (name: string, edit: (manifest: Record<string, unknown>) => void): Promise<string> => {
    const target = join(source.dir, name);
    await rewritten(
      source.bundle,
      target,
      (entry, data) => {
        if (entry.name !== MANIFEST_ENTRY) return data;
        const manifest = JSON.parse(data.toString('utf8')) as Record<string, unknown>;
        edit(manifest);
        return Buffer.from(JSON.stringify(manifest), 'utf8');
      },
      true,
    );
    return target;
  };

  const older = await withManifest('older.shotline', (manifest) => {
    delete manifest.savedFilters;
  });
  const fromOlder = await studio.call('exports.importProject', { source: { kind: 'path', path: older } });
  expect(fromOlder).toMatchObject({ clips: 3, notes: [] });
  expect(await studio.call('library.filters', { projectId: fromOlder.project.id })).toEqual([]);

  // A tag this library has in another case ("Nuit étoilée") is that tag, not a second one.
  libraryDb(studio.dataDir).prepare("INSERT INTO tags (name) VALUES ('Nuit étoilée')").run();
  const newer = await withManifest('newer.shotline', (manifest) => {
    manifest.clipTags = (manifest.clipTags as { clipId: number; tag: string }[]).map((row) =>
      row.tag === 'night' ? { ...row, tag: 'NUIT ÉTOILÉE' } : row,
    );
    manifest.savedFilters = [
      { name: 'Night keepers', query: { text: 'boats', filter: { tag: 'night' } } },
      { name: 'By mood', query: { text: '', filter: { mood: 'calm' } } },
    ];
  });
  const fromNewer = await studio.call('exports.importProject', { source: { kind: 'path', path: newer } });
  expect(fromNewer.clips).toBe(3);
  expect(fromNewer.notes).toEqual([
    'The smart collection “By mood” could not be read by this version of Shotline and was left out; update Shotline and import the bundle again to keep it.',
  ]);
  expect((await studio.call('library.filters', { projectId: fromNewer.project.id })).map((f) => f.name)).toEqual([
    'Night keepers',
  ]);
  expect(
    libraryDb(studio.dataDir).prepare("SELECT name FROM tags WHERE name LIKE 'nuit%' ORDER BY id").pluck().all(),
  ).toEqual(['Nuit étoilée']);
  expect(await studio.call('library.tags', { projectId: fromNewer.project.id, prefix: 'nuit' })).toEqual([
    { name: 'Nuit étoilée', count: 1 },
  ]);
}, 180_000);

test('a bundle of a project whose name the library has, in any case and script, imports as “… (imported)”', async () => {
  const dir = await tempDir();
  const { studio } = await openStudio(dir, 'only');
  const name = 'Ünïcode <i>proj</i> — Été à Żabbar';
  const project = await studio.call('projects.create', { name });
  const exported = await studio.call('exports.project', { projectId: project.id, taskId: 'p' });
  const found = await studio.exports.find(exported.file.id);
  if (!found) throw new Error('bundle not found');
  const bundle = join(dir, 'unicode.shotline');
  await copyFile(found.path, bundle);
  const first = await studio.call('exports.importProject', { source: { kind: 'path', path: bundle } });
  expect(first.project.name).toBe(`${name} (imported)`);
  await studio.call('projects.rename', { id: project.id, name: name.toUpperCase() });
  await studio.call('projects.rename', { id: first.project.id, name: `${name.toLowerCase()} (IMPORTED)` });
  const second = await studio.call('exports.importProject', { source: { kind: 'path', path: bundle } });
  expect(second.project.name).toBe(`${name} (imported 2)`);
}, 60_000);

test('a clip trashed in the exported project arrives in the Trash, and the import counts it apart from the project’s clips', async () => {
  const source = await exportedProject();
  const bed = source.clips.find((c) => c.title === 'bed');
  if (!bed) throw new Error('no bed clip');
  await source.studio.call('library.trash', { ids: [bed.id] });
  const exported = await source.studio.call('exports.project', { projectId: source.projectId });
  // The export counts alike: the project's clips, and apart from them its trashed one.
  expect(exported).toMatchObject({ clips: 2, trashed: 1 });
  const found = await source.studio.exports.find(exported.file.id);
  if (!found) throw new Error('bundle not found');
  const { studio } = await openStudio(source.dir, 'second');
  const result = await studio.call('exports.importProject', { source: { kind: 'path', path: found.path } });
  // What the message counts is what the project shows; the trashed clip is told apart.
  expect(result).toMatchObject({ clips: 2, trashed: 1 });
  const shown = await studio.call('clips.list', { projectId: result.project.id });
  expect(shown).toHaveLength(result.clips);
  expect(result.project.clipCount).toBe(result.clips);
  const trash = await studio.call('library.trashList', {});
  expect(trash.total).toBe(1);
  expect(JSON.stringify(trash)).toContain('"bed"');

  // A bundle with nothing trashed says so: none in the Trash.
  const whole = await studio.call('exports.importProject', { source: { kind: 'path', path: source.bundle } });
  expect(whole).toMatchObject({ clips: 3, trashed: 0 });
}, 180_000);

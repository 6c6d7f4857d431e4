import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, onTestFinished, test } from 'vitest';
import type { EventName } from '../../../shared/contract';
import { libraryDb, makeAudio, makeVideo, storedObjects, tempDir } from '../../../../test/support/fixtures';
import { createStudio, type Studio } from '../studio';

async function open(): Promise<{ studio: Studio; dir: string; dataDir: string; events: EventName[] }> {
  const dir = await tempDir();
  const dataDir = join(dir, 'data');
  const studio = await createStudio({ dataDir });
  onTestFinished(() => studio.close());
  const events: EventName[] = [];
  studio.onEvent((name) => events.push(name));
  return { studio, dir, dataDir, events };
}

async function importInto(studio: Studio, projectId: number, path: string): Promise<number> {
  const result = await studio.call('clips.import', { projectId, sources: [{ kind: 'path', path }], taskId: 't' });
  const clip = result.clips[0];
  if (!clip) throw new Error(`import failed: ${JSON.stringify(result.failures)}`);
  return clip.id;
}

function errorOf(reply: Awaited<ReturnType<Studio['invoke']>>): string {
  if (reply.ok) throw new Error(`expected an error, got ${JSON.stringify(reply.value)}`);
  return `${reply.error.code}: ${reply.error.message}`;
}

// Each test imports real files through ffmpeg, several of them; a busy machine needs the time.
describe('organising clips through the contract', { timeout: 120_000 }, () => {
  test('ratings, flags, colour labels and tags land on every chosen clip and read back on the clip', async () => {
    const { studio, dir, events } = await open();
    const project = await studio.call('projects.create', { name: 'Harbour' });
    const a = await importInto(studio, project.id, await makeAudio(dir, 'gulls.wav', 1, 440));
    const b = await importInto(studio, project.id, await makeAudio(dir, 'waves.wav', 1, 660));

    expect(await studio.call('library.setRating', { ids: [a, b], rating: 4 })).toEqual({ changed: 2 });
    expect(await studio.call('library.setFlag', { ids: [a], flag: 'pick' })).toEqual({ changed: 1 });
    await studio.call('library.setFlag', { ids: [b], flag: 'reject' });
    await studio.call('library.setColor', { ids: [b], color: 'blue' });
    expect(await studio.call('library.addTags', { ids: [a, b], tags: ['  night ', 'Sea'] })).toEqual({ changed: 4 });
    // Tags are one per name whatever the case; adding again changes nothing.
    expect(await studio.call('library.addTags', { ids: [a], tags: ['NIGHT'] })).toEqual({ changed: 0 });
    expect(events).toContain('clips.changed');

    const clipA = await studio.call('clips.get', { id: a });
    expect(clipA).toMatchObject({ rating: 4, flag: 'pick', colorLabel: null, tags: ['night', 'Sea'] });
    expect(await studio.call('clips.get', { id: b })).toMatchObject({ flag: 'reject', colorLabel: 'blue' });

    expect(await studio.call('library.removeTags', { ids: [b], tags: ['sea'] })).toEqual({ changed: 1 });
    expect((await studio.call('clips.get', { id: b })).tags).toEqual(['night']);
    expect(await studio.call('library.tags', { projectId: project.id })).toEqual([
      { name: 'night', count: 2 },
      { name: 'Sea', count: 1 },
    ]);
    expect(await studio.call('library.tags', { prefix: 'ni' })).toEqual([{ name: 'night', count: 2 }]);
    expect(await studio.call('library.tags', { prefix: '%' })).toEqual([]);

    // Zero stars clears the rating; a cleared flag reads null.
    await studio.call('library.setRating', { ids: [a], rating: 0 });
    await studio.call('library.setFlag', { ids: [a], flag: null });
    expect(await studio.call('clips.get', { id: a })).toMatchObject({ rating: null, flag: null });

    // The tag is searchable at once.
    const found = await studio.call('library.query', { projectId: project.id, query: { text: 'sea' } });
    expect(found.hits.map((hit) => hit.clip.id)).toEqual([a]);
    expect(found.hits[0]?.snippet).toEqual([
      { text: 'night ', match: false },
      { text: 'Sea', match: true },
    ]);
  });

  test('bad input is refused with a message naming what is wrong, and nothing changes', async () => {
    const { studio, dir } = await open();
    const project = await studio.call('projects.create', { name: 'P' });
    const a = await importInto(studio, project.id, await makeAudio(dir, 'a.wav', 1));

    expect(errorOf(await studio.invoke('library.setRating', { ids: [a], rating: 6 }))).toBe(
      'invalid_input: library.setRating: rating: rating must be from 0 (no rating) to 5',
    );
    expect(errorOf(await studio.invoke('library.setRating', { ids: [a], rating: 2.5 }))).toContain(
      'rating must be a whole number',
    );
    expect(errorOf(await studio.invoke('library.setRating', { ids: [], rating: 2 }))).toContain(
      'ids: choose at least one clip',
    );
    expect(errorOf(await studio.invoke('library.setFlag', { ids: [a], flag: 'maybe' }))).toContain('flag');
    expect(errorOf(await studio.invoke('library.setColor', { ids: [a], color: 'teal' }))).toContain('color');
    expect(errorOf(await studio.invoke('library.addTags', { ids: [a], tags: ['  '] }))).toContain(
      'a tag must not be empty',
    );
    expect(errorOf(await studio.invoke('library.addTags', { ids: [a], tags: ['x'.repeat(41)] }))).toContain(
      'at most 40 characters',
    );
    expect(errorOf(await studio.invoke('library.setRating', { ids: [a], rating: 3, extra: 1 }))).toContain('extra');
    expect(
      errorOf(await studio.invoke('library.query', { projectId: project.id, query: { filter: { from: 10, to: 5 } } })),
    ).toContain('the date range ends before it starts');
    expect(
      errorOf(await studio.invoke('library.query', { projectId: project.id, query: { sort: { by: 'colour' } } })),
    ).toContain('sort.by');
    expect(errorOf(await studio.invoke('library.query', { projectId: project.id, limit: 501 }))).toContain(
      'a page holds at most 500 clips',
    );
    expect(errorOf(await studio.invoke('library.query', { projectId: 999 }))).toContain('not_found');
    // A missing clip among real ones refuses the whole change.
    expect(errorOf(await studio.invoke('library.setRating', { ids: [a, 4040], rating: 5 }))).toBe(
      'not_found: Clip 4040 does not exist; it may have been deleted. Nothing was changed.',
    );
    expect((await studio.call('clips.get', { id: a })).rating).toBeNull();
    expect(
      errorOf(await studio.invoke('library.saveFilter', { projectId: project.id, name: ' ', query: {} })),
    ).toContain('a saved filter needs a name');
    expect(errorOf(await studio.invoke('library.deleteFilter', { id: 77 }))).toContain(
      'Saved filter 77 does not exist',
    );
    expect(errorOf(await studio.invoke('library.move', { ids: [a], projectId: 999 }))).toContain('not_found');
    expect(
      errorOf(await studio.invoke('library.move', { ids: [a], projectId: project.id, putBack: 'yes' })),
    ).toContain('putBack');
  });

  test('filters, sorts and search combine; saved filters keep them per project', async () => {
    const { studio, dir, dataDir } = await open();
    const project = await studio.call('projects.create', { name: 'Night shoot' });
    const other = await studio.call('projects.create', { name: 'Elsewhere' });
    const ids: number[] = [];
    for (const [i, seconds] of [3, 1, 2].entries()) {
      ids.push(await importInto(studio, project.id, await makeAudio(dir, `take${i}.wav`, seconds, 300 + i * 100)));
    }
    const [t0 = 0, t1 = 0, t2 = 0] = ids;
    await studio.call('clips.rename', { id: t0, title: 'Lighthouse beam' });
    await studio.call('clips.rename', { id: t1, title: 'Alley rain' });
    await studio.call('clips.rename', { id: t2, title: 'Market crowd' });
    await studio.call('library.setRating', { ids: [t0], rating: 5 });
    await studio.call('library.setRating', { ids: [t2], rating: 3 });
    await studio.call('library.addTags', { ids: [t0, t2], tags: ['keeper'] });
    await studio.call('cues.create', {
      clipId: t2,
      cues: [{ startMs: 100, endMs: null, label: 'vendor shouts', note: 'lands late', kind: 'note', color: null }],
    });
    const db = libraryDb(dataDir);
    db.prepare('UPDATE clips SET parent_clip_id = ?, created_at = 5000 WHERE id = ?').run(t0, t2);
    db.prepare('UPDATE clips SET created_at = 1000 WHERE id = ?').run(t0);
    db.prepare('UPDATE clips SET created_at = 3000 WHERE id = ?').run(t1);
    await importInto(studio, other.id, await makeAudio(dir, 'other.wav', 1, 900));

    const page = async (query: object, extra: object = {}): Promise<number[]> =>
      (await studio.call('library.query', { projectId: project.id, query, ...extra })).hits.map((h) => h.clip.id);

    expect(await page({})).toEqual([t2, t1, t0]);
    expect(await page({ sort: { by: 'title', dir: 'asc' } })).toEqual([t1, t0, t2]);
    expect(await page({ sort: { by: 'duration', dir: 'asc' } })).toEqual([t1, t2, t0]);
    expect(await page({ sort: { by: 'rating', dir: 'desc' } })).toEqual([t0, t2, t1]);
    expect(await page({ filter: { minRating: 4 } })).toEqual([t0]);
    expect(await page({ filter: { tag: 'KEEPER' } })).toEqual([t2, t0]);
    expect(await page({ filter: { hasCues: true } })).toEqual([t2]);
    expect(await page({ filter: { hasCues: false } })).toEqual([t1, t0]);
    expect(await page({ filter: { isRemix: true } })).toEqual([t2]);
    expect(await page({ filter: { from: 2000, to: 4000 } })).toEqual([t1]);
    expect(await page({ filter: { provider: 'import', tag: 'keeper', minRating: 3 } })).toEqual([t2, t0]);
    expect(await page({ filter: { provider: 'veo' } })).toEqual([]);
    expect(await page({}, { offset: 1, limit: 1 })).toEqual([t1]);
    expect((await studio.call('library.query', { projectId: project.id, limit: 1 })).total).toBe(3);

    // Cue text is searched, and the snippet marks the words that matched.
    const hits = await studio.call('library.query', { projectId: project.id, query: { text: 'vendor' } });
    expect(hits.total).toBe(1);
    expect(hits.hits[0]?.snippet).toEqual([
      { text: 'vendor', match: true },
      { text: ' shouts lands late', match: false },
    ]);
    expect(await page({ text: 'light', filter: { minRating: 5 } })).toEqual([t0]);
    expect(await page({ text: 'light', filter: { minRating: 5, isRemix: true } })).toEqual([]);
    expect(await page({ text: '!!!' })).toEqual([]);

    const saved = await studio.call('library.saveFilter', {
      projectId: project.id,
      name: 'Keepers',
      query: { text: '', filter: { tag: 'keeper', minRating: 3 }, sort: { by: 'rating', dir: 'desc' } },
    });
    expect(saved).toMatchObject({ name: 'Keepers', query: { filter: { tag: 'keeper', minRating: 3 } } });
    const again = await studio.call('library.saveFilter', { projectId: project.id, name: 'keepers', query: {} });
    expect(again.id).toBe(saved.id);
    expect(await studio.call('library.filters', { projectId: project.id })).toHaveLength(1);
    expect(await studio.call('library.filters', { projectId: other.id })).toEqual([]);
    await studio.call('library.deleteFilter', { id: saved.id });
    expect(await studio.call('library.filters', { projectId: project.id })).toEqual([]);
  });

  test('move and Trash: counts follow, restore brings clips back, clips.delete goes to the Trash', async () => {
    const { studio, dir, events } = await open();
    const from = await studio.call('projects.create', { name: 'From' });
    const to = await studio.call('projects.create', { name: 'To' });
    const a = await importInto(studio, from.id, await makeAudio(dir, 'a.wav', 1, 300));
    const b = await importInto(studio, from.id, await makeAudio(dir, 'b.wav', 1, 500));
    const c = await importInto(studio, from.id, await makeAudio(dir, 'c.wav', 1, 700));

    expect(await studio.call('library.move', { ids: [a, b], projectId: to.id })).toEqual({ changed: 2, already: [] });
    const counts = async (): Promise<number[]> =>
      (await studio.call('projects.list', {})).sort((x, y) => x.id - y.id).map((p) => p.clipCount);
    expect(await counts()).toEqual([1, 2]);

    events.length = 0;
    await studio.call('library.trash', { ids: [a] });
    await studio.call('clips.delete', { id: c });
    expect(events).toContain('library.trashChanged');
    expect(await counts()).toEqual([0, 1]);
    expect((await studio.call('clips.list', { projectId: to.id })).map((x) => x.id)).toEqual([b]);
    expect((await studio.call('library.query', { projectId: to.id })).total).toBe(1);
    expect(await studio.call('clips.search', { query: 'a' })).toEqual([]);
    const trash = await studio.call('library.trashList', {});
    expect(trash.total).toBe(2);
    expect(trash.clips.map((x) => x.id).sort()).toEqual([a, c].sort());
    expect(trash.clips.every((x) => x.trashedAt !== null)).toBe(true);

    await studio.call('library.restore', { ids: [a] });
    expect(await counts()).toEqual([0, 2]);
    expect((await studio.call('clips.get', { id: a })).trashedAt).toBeNull();
  });

  test('a move does not copy a file into a project that has it: the clip stays and the answer names both', async () => {
    const { studio, dir } = await open();
    const shoot = await studio.call('projects.create', { name: 'Shoot' });
    const selects = await studio.call('projects.create', { name: 'Selects' });
    const gulls = await makeAudio(dir, 'gulls.wav', 1, 440);
    const here = await importInto(studio, shoot.id, gulls);
    const there = await importInto(studio, selects.id, gulls);
    const waves = await importInto(studio, shoot.id, await makeAudio(dir, 'waves.wav', 1, 660));

    expect(await studio.call('library.move', { ids: [here, waves], projectId: selects.id })).toEqual({
      changed: 1,
      already: [{ clipId: here, title: 'gulls', sameAs: { clipId: there, title: 'gulls' } }],
    });
    expect((await studio.call('clips.list', { projectId: shoot.id })).map((c) => c.id)).toEqual([here]);
    expect((await studio.call('clips.list', { projectId: selects.id })).map((c) => c.id).sort((x, y) => x - y)).toEqual(
      [there, waves].sort((x, y) => x - y),
    );
  });

  test('deleting a project moves its clips to the Trash; restoring one brings the project back; emptying frees only unshared files', async () => {
    const { studio, dir, dataDir, events } = await open();
    const doomed = await studio.call('projects.create', { name: 'Doomed' });
    const other = await studio.call('projects.create', { name: 'Other' });
    const shared = await makeAudio(dir, 'shared.wav', 1, 300);
    const sharedClip = await importInto(studio, doomed.id, shared);
    const own = await importInto(studio, doomed.id, await makeAudio(dir, 'own.wav', 1, 500));
    const earlier = await importInto(studio, doomed.id, await makeAudio(dir, 'earlier.wav', 1, 700));
    const elsewhere = await importInto(studio, other.id, shared);
    for (const id of [sharedClip, own, earlier, elsewhere]) await studio.call('cues.peaks', { clipId: id });
    await studio.call('drafts.save', { projectId: doomed.id, text: 'Scene: a pier' });
    await studio.call('library.trash', { ids: [earlier] });

    events.length = 0;
    expect(await studio.call('projects.delete', { id: doomed.id })).toEqual({ ok: true, trashedClips: 2 });
    expect(events).toEqual(expect.arrayContaining(['projects.changed', 'library.trashChanged', 'clips.changed']));
    // Gone from every list, its name free, refused where a project is asked for; its clips wait in the Trash.
    expect((await studio.call('projects.list', { includeArchived: true })).map((p) => p.name)).toEqual(['Other']);
    expect(errorOf(await studio.invoke('library.query', { projectId: doomed.id }))).toContain(
      '(“Doomed”) was deleted; restore one of its clips from the Trash to bring it back',
    );
    const trash = await studio.call('library.trashList', {});
    expect(trash.clips.map((c) => [c.id, c.project])).toEqual(
      expect.arrayContaining([
        [sharedClip, { name: 'Doomed', deleted: true }],
        [own, { name: 'Doomed', deleted: true }],
        [earlier, { name: 'Doomed', deleted: true }],
      ]),
    );
    const newDoomed = await studio.call('projects.create', { name: 'Doomed' });

    // Undo brings back the project and the clips its deletion moved (under a free name now), not the earlier one.
    const back = await studio.call('projects.restore', { id: doomed.id });
    expect(back).toMatchObject({ id: doomed.id, name: 'Doomed 2', clipCount: 2 });
    expect((await studio.call('library.trashList', {})).clips.map((c) => c.id)).toEqual([earlier]);
    expect((await studio.call('drafts.get', { projectId: doomed.id }))?.text).toBe('Scene: a pier');

    // Restoring one clip of a deleted project brings the project back with that clip.
    await studio.call('projects.delete', { id: doomed.id });
    await studio.call('library.restore', { ids: [own] });
    expect((await studio.call('projects.list', {})).find((p) => p.id === doomed.id)).toMatchObject({
      name: 'Doomed 2',
      clipCount: 1,
    });
    await studio.call('projects.delete', { id: newDoomed.id });
    await studio.call('projects.delete', { id: doomed.id });

    // Emptying frees the files only these clips used; the file a clip elsewhere shares stays.
    const mediaRoot = join(dataDir, 'media');
    const before = await storedObjects(mediaRoot);
    const sharedFile = (await studio.call('clips.get', { id: sharedClip })).mediaId;
    const ownFile = (await studio.call('clips.get', { id: own })).mediaId;
    const emptied = await studio.call('library.emptyTrash', {});
    expect(emptied).toMatchObject({ clips: 3, projects: 2 });
    const after = await storedObjects(mediaRoot);
    expect(after).toContain(sharedFile);
    expect(after).not.toContain(ownFile);
    expect(before.length - after.length).toBe(emptied.files);
    expect((await studio.call('clips.get', { id: elsewhere })).mediaId).toBe(sharedFile);
    // The deleted projects are gone for good, with their drafts.
    const db = libraryDb(dataDir);
    expect(db.prepare('SELECT name FROM projects ORDER BY id').pluck().all()).toEqual(['Other']);
    expect(db.prepare("SELECT count(*) FROM settings WHERE key LIKE 'draft:%'").pluck().get()).toBe(0);
    expect(errorOf(await studio.invoke('projects.restore', { id: doomed.id }))).toContain('does not exist');
  });

  test('emptying the Trash deletes a file only when no clip uses it any more, and reports the space freed', async () => {
    const { studio, dir, dataDir } = await open();
    const one = await studio.call('projects.create', { name: 'One' });
    const two = await studio.call('projects.create', { name: 'Two' });
    const shared = await makeVideo(dir, 'shared.mp4');
    const first = await importInto(studio, one.id, shared);
    const second = await importInto(studio, two.id, shared);
    const own = await importInto(studio, one.id, await makeAudio(dir, 'own.wav', 1));
    // Imports get their waveforms in the background; asking for them waits until they are stored.
    for (const id of [first, second, own]) expect(await studio.call('cues.peaks', { clipId: id })).not.toBeNull();
    // And their sprite sheets: the same video gives the same sheet, stored once.
    const sprites = [
      await studio.call('clips.sprite', { clipId: first }),
      await studio.call('clips.sprite', { clipId: second }),
    ];
    expect(sprites[0]?.spriteId).not.toBeNull();
    expect(sprites[1]).toEqual(sprites[0]);
    const clipA = await studio.call('clips.get', { id: first });
    expect((await studio.call('clips.get', { id: second })).mediaId).toBe(clipA.mediaId);
    expect(clipA.posterId).not.toBeNull();
    expect(clipA.cardPosterId).not.toBeNull();
    expect(clipA.peaksId).not.toBeNull();
    const mediaRoot = join(dataDir, 'media');
    const sizeOf = async (id: string | null): Promise<number> =>
      id === null ? 0 : (await stat(join(mediaRoot, id.slice(0, 2), id))).size;
    const ownClip = await studio.call('clips.get', { id: own });
    expect(ownClip.peaksId).not.toBeNull();
    const ownFiles = [ownClip.mediaId, ownClip.peaksId ?? ''];
    const ownBytes = (await sizeOf(ownClip.mediaId)) + (await sizeOf(ownClip.peaksId));
    const sharedBytes =
      (await sizeOf(clipA.mediaId)) +
      (await sizeOf(clipA.posterId)) +
      (await sizeOf(clipA.cardPosterId)) +
      (await sizeOf(clipA.peaksId)) +
      (await sizeOf(sprites[0]?.spriteId ?? null));
    const before = await storedObjects(mediaRoot);

    // Two trashed clips sharing their files: counted once, under the older clip.
    await studio.call('library.trash', { ids: [first, second] });
    const both = await studio.call('library.trashList', {});
    expect(both.bytes).toBe(sharedBytes);
    expect(Object.fromEntries(both.clips.map((clip) => [clip.id, clip.freesBytes]))).toEqual({
      [first]: sharedBytes,
      [second]: 0,
    });
    expect(both.clips.map((clip) => clip.sharesFileWith)).toEqual([1, 1]);
    await studio.call('library.restore', { ids: [second] });

    await studio.call('library.trash', { ids: [first, own] });
    // The Trash tells beforehand what emptying it frees: the shared file stays, so it is not counted.
    const listed = await studio.call('library.trashList', {});
    expect(listed.bytes).toBe(ownBytes);
    // Each row says what emptying frees for it, and the rows add up to the header's figure.
    const frees = (page: typeof listed): Record<number, number> =>
      Object.fromEntries(page.clips.map((clip) => [clip.id, clip.freesBytes]));
    expect(frees(listed)).toEqual({ [first]: 0, [own]: ownBytes });
    // The clip that frees nothing tells why: another clip uses its file.
    expect(Object.fromEntries(listed.clips.map((clip) => [clip.id, clip.sharesFileWith]))).toEqual({
      [first]: 1,
      [own]: 0,
    });
    expect(await studio.call('library.emptyTrash', {})).toEqual({
      clips: 2,
      ids: [first, own].sort((a, b) => a - b),
      files: 2,
      bytesFreed: ownBytes,
      projects: 0,
    });
    // The second clip still plays from the shared file, poster, waveform and sprite sheet.
    expect(await storedObjects(mediaRoot)).toEqual(before.filter((id) => !ownFiles.includes(id)));
    expect(await studio.call('library.trashList', {})).toMatchObject({ total: 0, bytes: 0, withRemixes: 0, clips: [] });
    const db = libraryDb(dataDir);
    expect(db.prepare('SELECT count(*) FROM media WHERE id = ?').pluck().get(ownClip.mediaId)).toBe(0);

    await studio.call('clips.delete', { id: second });
    // Poster and its card size, sprite sheet and waveform are freed too, and counted beforehand,
    // in the header and in the clip's row alike.
    const last = await studio.call('library.trashList', {});
    expect(last.bytes).toBe(sharedBytes);
    expect(frees(last)).toEqual({ [second]: sharedBytes });
    expect(await studio.call('library.emptyTrash', {})).toEqual({
      clips: 1,
      ids: [second],
      files: 5,
      bytesFreed: sharedBytes,
      projects: 0,
    });
    expect(await storedObjects(mediaRoot)).toEqual([]);
    expect(db.prepare('SELECT count(*) FROM media').pluck().get()).toBe(0);
    // Nothing left to free.
    expect(await studio.call('library.emptyTrash', {})).toEqual({
      clips: 0,
      ids: [],
      files: 0,
      bytesFreed: 0,
      projects: 0,
    });
  });
});

describe('the ids of a range of a query through the contract', { timeout: 120_000 }, () => {
  test('answers the ids a query’s pages list at those places, and refuses a range it cannot answer', async () => {
    const { studio, dir } = await open();
    const project = await studio.call('projects.create', { name: 'Harbour' });
    for (const [name, hz] of [
      ['gulls.wav', 440],
      ['anchor.wav', 550],
      ['waves.wav', 660],
    ] as const)
      await importInto(studio, project.id, await makeAudio(dir, name, 1, hz));
    const query = { text: '', filter: {}, sort: { by: 'title', dir: 'asc' } } as const;
    const listed = (await studio.call('library.query', { projectId: project.id, query })).hits.map((h) => h.clip.id);
    expect(listed).toHaveLength(3);
    expect(await studio.call('library.queryIdRange', { projectId: project.id, query, offset: 1, limit: 2 })).toEqual({
      ids: listed.slice(1, 3),
    });
    // Past the end: what there is.
    expect(await studio.call('library.queryIdRange', { projectId: project.id, query, offset: 2, limit: 50 })).toEqual({
      ids: listed.slice(2),
    });

    const range = (input: Record<string, unknown>): ReturnType<Studio['invoke']> =>
      studio.invoke('library.queryIdRange', { projectId: project.id, offset: 0, limit: 10, ...input });
    expect(errorOf(await range({ limit: 0 }))).toBe(
      'invalid_input: library.queryIdRange: limit: a range holds at least one clip',
    );
    expect(errorOf(await range({ limit: 100_001 }))).toBe(
      'invalid_input: library.queryIdRange: limit: one change reaches at most 100,000 clips',
    );
    expect(errorOf(await range({ offset: -1 }))).toBe(
      'invalid_input: library.queryIdRange: offset: offset must not be negative',
    );
    expect(errorOf(await range({ from: 3 }))).toContain('from: unknown field');
    expect(errorOf(await range({ projectId: 999 }))).toContain('not_found');
  });
});

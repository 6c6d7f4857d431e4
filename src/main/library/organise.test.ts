import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { expect, onTestFinished, test } from 'vitest';
import { tempDir } from '../../../test/support/fixtures';
import { openDatabase } from '../db/connection';
import { Organiser, type TagUse } from './organise';
import { Projects } from './projects';

const TAGS = ['dusk', 'dawn', 'Fog', 'fog_2', 'harbour', 'night'];

/** Tag uses counted from the tagged clips themselves, the way the suggestions must read. */
function counted(db: Database, projectId: number | null, prefix: string): TagUse[] {
  const escaped = `${prefix.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
  return db
    .prepare<[string, number | null, number | null], TagUse>(
      `SELECT t.name, count(c.id) AS count
       FROM tags t JOIN clip_tags ct ON ct.tag_id = t.id JOIN clips c ON c.id = ct.clip_id
       WHERE t.name LIKE ? ESCAPE '\\' AND c.trashed_at IS NULL AND (? IS NULL OR c.project_id = ?)
       GROUP BY t.id ORDER BY count DESC, t.name`,
    )
    .all(escaped, projectId, projectId);
}

/** A small deterministic generator, so a failure replays. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

test('tag suggestions count the clips outside the Trash per project through tagging, moves, the Trash and deletion', async () => {
  const db = openDatabase(join(await tempDir(), 'library.db'));
  onTestFinished(() => {
    db.close();
  });
  const projects = new Projects(db);
  const projectIds = [projects.create('Harbour').id, projects.create('Market').id, projects.create('Desert').id];
  const hash = createHash('sha256').update('clip').digest('hex');
  db.prepare(`INSERT INTO media (id, mime_type, bytes, created_at) VALUES (?, 'video/mp4', 1, 0)`).run(hash);
  const insert = db.prepare(
    `INSERT INTO clips (project_id, title, provider, duration_ms, media_hash, created_at) VALUES (?, ?, 'local', 0, ?, 0)`,
  );
  const organiser = new Organiser(db);
  const next = random(7);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  let clipIds: number[] = [];
  const some = (): number[] => clipIds.filter(() => next() < 0.3).slice(0, 12);
  const check = (step: string): void => {
    for (const projectId of [...projectIds, null]) {
      for (const prefix of ['', 'd', 'fog_', 'FO', '%']) {
        expect(organiser.tags(projectId, prefix, 100), `${step}: project ${projectId}, prefix "${prefix}"`).toEqual(
          counted(db, projectId, prefix),
        );
      }
    }
  };

  for (let i = 0; i < 60; i++) clipIds.push(Number(insert.run(pick(projectIds), `clip ${i}`, hash).lastInsertRowid));
  for (let step = 0; step < 150; step++) {
    const ids = some();
    if (ids.length === 0) continue;
    const action = pick(['add', 'add', 'remove', 'trash', 'restore', 'move', 'delete', 'make']);
    switch (action) {
      case 'add':
        organiser.addTags(ids, [pick(TAGS), pick(TAGS)]);
        break;
      case 'remove':
        organiser.removeTags(ids, [pick(TAGS)]);
        break;
      case 'trash':
        organiser.trash(ids);
        break;
      case 'restore':
        organiser.restore(ids);
        break;
      case 'move':
        organiser.move(ids, pick(projectIds));
        break;
      case 'delete':
        // As emptying the Trash does, and a clip deleted outright.
        db.prepare('DELETE FROM clips WHERE id IN (SELECT value FROM json_each(?))').run(JSON.stringify(ids));
        clipIds = clipIds.filter((id) => !ids.includes(id));
        break;
      case 'make':
        clipIds.push(Number(insert.run(pick(projectIds), `clip ${step}`, hash).lastInsertRowid));
        break;
    }
    check(`step ${step} (${action})`);
  }
  expect(organiser.tags(null, '', 100).length).toBeGreaterThan(2);
  // A deleted project takes its counts with it.
  projects.delete(projectIds[0] ?? 0);
  check('project deleted');
  expect(db.prepare('SELECT count(*) FROM tag_counts WHERE project_id = ?').pluck().get(projectIds[0])).toBe(0);
  // Only tags in use are kept.
  expect(db.prepare('SELECT count(*) FROM tag_counts WHERE count = 0').pluck().get()).toBe(0);
});

test('tag suggestions match as a creator types: any case, and a letter without an accent finds it with one', async () => {
  const db = openDatabase(join(await tempDir(), 'library.db'));
  onTestFinished(() => {
    db.close();
  });
  const projectId = new Projects(db).create('Paris').id;
  const hash = createHash('sha256').update('clip').digest('hex');
  db.prepare(`INSERT INTO media (id, mime_type, bytes, created_at) VALUES (?, 'video/mp4', 1, 0)`).run(hash);
  const clip = Number(
    db
      .prepare(
        `INSERT INTO clips (project_id, title, provider, duration_ms, media_hash, created_at) VALUES (?, 't', 'local', 0, ?, 0)`,
      )
      .run(projectId, hash).lastInsertRowid,
  );
  const organiser = new Organiser(db);
  organiser.addTags([clip], ['Café crème 🌧', 'cafe ambience', 'Été', 'rain', '100%_done']);
  const names = (prefix: string): string[] =>
    organiser
      .tags(projectId, prefix, 20)
      .map((t) => t.name)
      .sort();
  expect(names('cafe')).toEqual(['Café crème 🌧', 'cafe ambience']);
  expect(names('CAFÉ')).toEqual(['Café crème 🌧']);
  expect(names('é')).toEqual(['Été']);
  expect(names('e')).toEqual(['Été']);
  expect(names('R')).toEqual(['rain']);
  expect(names('100%')).toEqual(['100%_done']);
  expect(names('100_')).toEqual([]);
  expect(
    organiser
      .tags(null, 'cafe', 20)
      .map((t) => t.name)
      .sort(),
  ).toEqual(['Café crème 🌧', 'cafe ambience']);
});

test('a tag typed in another case, accented letters too, is the tag the library has; removing it that way takes it off', async () => {
  const db = openDatabase(join(await tempDir(), 'library.db'));
  onTestFinished(() => {
    db.close();
  });
  const projectId = new Projects(db).create('Paris').id;
  const hash = createHash('sha256').update('clip').digest('hex');
  db.prepare(`INSERT INTO media (id, mime_type, bytes, created_at) VALUES (?, 'video/mp4', 1, 0)`).run(hash);
  const insert = db.prepare(
    `INSERT INTO clips (project_id, title, provider, duration_ms, media_hash, created_at) VALUES (?, 't', 'local', 0, ?, 0)`,
  );
  const [a, b] = [1, 2].map(() => Number(insert.run(projectId, hash).lastInsertRowid));
  const organiser = new Organiser(db);
  const tagsOf = (clip: number): string[] =>
    db
      .prepare<[number], string>(
        'SELECT t.name FROM clip_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.clip_id = ? ORDER BY t.name',
      )
      .pluck()
      .all(clip);
  organiser.addTags([a ?? 0], ['Café crème', 'Golden hour']);
  expect(organiser.addTags([a ?? 0, b ?? 0], ['CAFÉ CRÈME', 'golden HOUR', 'ÉTÉ']).changed).toBe(4);
  expect(tagsOf(a ?? 0)).toEqual(['Café crème', 'Golden hour', 'ÉTÉ']);
  expect(tagsOf(b ?? 0)).toEqual(['Café crème', 'Golden hour', 'ÉTÉ']);
  expect(db.prepare('SELECT name FROM tags ORDER BY name').pluck().all()).toEqual(['Café crème', 'Golden hour', 'ÉTÉ']);
  // "été" is the tag "ÉTÉ"; "ete", without accents, is another word.
  organiser.addTags([a ?? 0], ['été', 'ete']);
  expect(tagsOf(a ?? 0)).toEqual(['Café crème', 'ete', 'Golden hour', 'ÉTÉ']);
  // Undoing "CAFÉ CRÈME" sends the same text back.
  expect(organiser.removeTags([b ?? 0], ['CAFÉ CRÈME']).changed).toBe(1);
  expect(tagsOf(b ?? 0)).toEqual(['Golden hour', 'ÉTÉ']);
});

test('tag suggestions match the start of any word in a tag, those starting with the text first', async () => {
  const db = openDatabase(join(await tempDir(), 'library.db'));
  onTestFinished(() => {
    db.close();
  });
  const projects = new Projects(db);
  const projectId = projects.create('Paris').id;
  const other = projects.create('Lyon').id;
  const hash = createHash('sha256').update('clip').digest('hex');
  db.prepare(`INSERT INTO media (id, mime_type, bytes, created_at) VALUES (?, 'video/mp4', 1, 0)`).run(hash);
  const insert = db.prepare(
    `INSERT INTO clips (project_id, title, provider, duration_ms, media_hash, created_at) VALUES (?, 't', 'local', 0, ?, 0)`,
  );
  const clips = (project: number, n: number): number[] =>
    Array.from({ length: n }, () => Number(insert.run(project, hash).lastInsertRowid));
  const organiser = new Organiser(db);
  // The more used a tag, the higher it sits within its group, whatever the group.
  organiser.addTags(clips(projectId, 4), ['Café crème']);
  organiser.addTags(clips(projectId, 3), ['rain-creek']);
  organiser.addTags(clips(projectId, 1), ['crème brûlée', 'increment', 'cream', 'sea scream']);
  organiser.addTags(clips(other, 5), ['creek bed']);
  const names = (project: number | null, prefix: string): string[] =>
    organiser.tags(project, prefix, 20).map((t) => t.name);

  expect(names(projectId, 'creme')).toEqual(['crème brûlée', 'Café crème']);
  expect(names(projectId, 'CRE')).toEqual(['cream', 'crème brûlée', 'Café crème', 'rain-creek']);
  // A letter typed with an accent requires it; inside a word is no word's start.
  expect(names(projectId, 'crè')).toEqual(['crème brûlée', 'Café crème']);
  expect(names(projectId, 'reme')).toEqual([]);
  expect(names(projectId, 'ream')).toEqual([]);
  expect(names(projectId, 'brulee')).toEqual(['crème brûlée']);
  expect(names(projectId, 'cafe cr')).toEqual(['Café crème']);
  // Across the library the other project's tag joins the group it belongs to, by its count.
  expect(names(null, 'cre')).toEqual(['creek bed', 'cream', 'crème brûlée', 'Café crème', 'rain-creek']);
  // The limit keeps the first of them in that order.
  expect(organiser.tags(null, 'cre', 2).map((t) => t.name)).toEqual(['creek bed', 'cream']);
});

test('a move leaves a clip whose file the other project already has where it is, and names it with its match', async () => {
  const db = openDatabase(join(await tempDir(), 'library.db'));
  onTestFinished(() => {
    db.close();
  });
  const projects = new Projects(db);
  const from = projects.create('Shoot').id;
  const to = projects.create('Selects').id;
  const hashOf = (text: string): string => {
    const hash = createHash('sha256').update(text).digest('hex');
    db.prepare(`INSERT OR IGNORE INTO media (id, mime_type, bytes, created_at) VALUES (?, 'video/mp4', 1, 0)`).run(
      hash,
    );
    return hash;
  };
  const insert = db.prepare(
    `INSERT INTO clips (project_id, title, provider, duration_ms, media_hash, created_at) VALUES (?, ?, 'import', 0, ?, 0)`,
  );
  const clip = (project: number, title: string, file: string): number =>
    Number(insert.run(project, title, hashOf(file)).lastInsertRowid);
  const organiser = new Organiser(db);
  const projectOf = (id: number): number =>
    db.prepare<[number], number>('SELECT project_id FROM clips WHERE id = ?').pluck().get(id) ?? 0;

  const harbour = clip(from, 'Harbour', 'harbour.mp4');
  const dusk = clip(from, 'Dusk', 'dusk.mp4');
  const pier = clip(from, 'Pier', 'pier.mp4');
  const harbourThere = clip(to, 'Harbour take 1', 'harbour.mp4');
  clip(to, 'Harbour again', 'harbour.mp4');
  // A clip in the Trash there is no copy the creator has: its file does not hold the move back.
  const trashedDusk = clip(to, 'Old dusk', 'dusk.mp4');
  organiser.trash([trashedDusk]);

  const moved = organiser.move([harbour, dusk, pier], to);
  expect(moved).toEqual({
    changed: 2,
    projectIds: [from, to],
    already: [{ clipId: harbour, title: 'Harbour', sameAs: { clipId: harbourThere, title: 'Harbour take 1' } }],
  });
  expect([harbour, dusk, pier].map(projectOf)).toEqual([from, to, to]);

  // Moving them back: the project they came from has neither file left, so both go.
  expect(organiser.move([dusk, pier], from)).toMatchObject({ changed: 2, already: [] });
  // A clip moved to the project it is in is left alone and is no duplicate of itself.
  expect(organiser.move([harbourThere], to)).toMatchObject({ changed: 0, already: [] });
  // Chosen together with its match in the target, the clip still stays.
  expect(organiser.move([harbour, harbourThere], to)).toMatchObject({
    changed: 0,
    already: [{ clipId: harbour, sameAs: { clipId: harbourThere } }],
  });
});

test("an undo's move puts every clip back, though the project it left holds its file too", async () => {
  const db = openDatabase(join(await tempDir(), 'library.db'));
  onTestFinished(() => {
    db.close();
  });
  const projects = new Projects(db);
  const from = projects.create('Harbour film').id;
  const to = projects.create('Reimports').id;
  const hash = createHash('sha256').update('rain.mp4').digest('hex');
  db.prepare(`INSERT INTO media (id, mime_type, bytes, created_at) VALUES (?, 'video/mp4', 1, 0)`).run(hash);
  const insert = db.prepare(
    `INSERT INTO clips (project_id, title, provider, duration_ms, media_hash, created_at) VALUES (?, ?, 'import', 0, ?, 0)`,
  );
  const rain = Number(insert.run(from, 'Rain night alley', hash).lastInsertRowid);
  const rainAgain = Number(insert.run(from, 'Rain night alley', hash).lastInsertRowid);
  const organiser = new Organiser(db);
  const projectOf = (id: number): number =>
    db.prepare<[number], number>('SELECT project_id FROM clips WHERE id = ?').pluck().get(id) ?? 0;

  expect(organiser.move([rain], to)).toMatchObject({ changed: 1, already: [] });
  // A plain move back is held by the clip beside it with the same file...
  expect(organiser.move([rain], from)).toMatchObject({
    changed: 0,
    already: [{ clipId: rain, sameAs: { clipId: rainAgain } }],
  });
  expect(projectOf(rain)).toBe(to);
  // ...an undo's is not: the project had both before the move.
  expect(organiser.move([rain], from, { putBack: true })).toEqual({ changed: 1, projectIds: [from, to], already: [] });
  expect([rain, rainAgain].map(projectOf)).toEqual([from, from]);
});

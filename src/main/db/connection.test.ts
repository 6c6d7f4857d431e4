import { copyFileSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { describe, expect, onTestFinished, test } from 'vitest';
import { sha256File, tempDir } from '../../../test/support/fixtures';
import { DatabaseTooNewError, migrate, openDatabase, schemaVersion } from './connection';
import { latestVersion, migrations } from './migrations/index';
import { Clips } from '../library/clips';
import { Projects } from '../library/projects';
import { refreshCueSearch } from '../library/cueSearch';

interface TableInfo {
  schema: string;
  name: string;
  type: string;
  ncol: number;
  wr: number;
  strict: number;
}

function tables(db: Database): Map<string, TableInfo> {
  const rows = db.prepare<[], TableInfo>("SELECT * FROM pragma_table_list WHERE schema = 'main'").all();
  return new Map(rows.map((row) => [row.name, row]));
}

function names(db: Database, type: 'index' | 'trigger'): string[] {
  return db
    .prepare<[string], { name: string }>('SELECT name FROM sqlite_schema WHERE type = ? ORDER BY name')
    .all(type)
    .map((row) => row.name);
}

function schemaDump(db: Database): string[] {
  return db
    .prepare<[], { sql: string | null }>('SELECT sql FROM sqlite_schema ORDER BY type, name')
    .all()
    .map((row) => row.sql ?? '');
}

function open(file: string, options: Parameters<typeof openDatabase>[1] = {}): Database {
  const db = openDatabase(file, options);
  onTestFinished(() => {
    if (db.open) db.close();
  });
  return db;
}

const CORE_TABLES = ['projects', 'media', 'jobs', 'clips', 'tags', 'clip_tags', 'cues', 'templates', 'settings'];

/**
 * What each schema version must have added. Every migration needs an entry (a test below
 * fails otherwise), so a new migration arrives with its own check.
 */
/** A clip's scope in the Trash: none before version 9, `trashed` from it (these checks also run on the latest schema). */
const trashedScope = (db: Database): string => (schemaVersion(db) >= 9 ? 'trashed' : '');

const expectAfter: Record<number, (db: Database) => void> = {
  1: (db) => {
    const found = tables(db);
    for (const name of CORE_TABLES) {
      expect(found.get(name), `table ${name}`).toMatchObject({ type: 'table', strict: 1 });
    }
    expect(found.get('clip_search')).toMatchObject({ type: 'virtual' });
    const fts = db.prepare<[], { sql: string }>("SELECT sql FROM sqlite_schema WHERE name = 'clip_search'").get();
    expect(fts?.sql).toMatch(/USING fts5\(title, prompt, tags, cues/);
    expect(names(db, 'index')).toEqual(
      expect.arrayContaining([
        'clips_by_project',
        'clips_by_parent',
        'jobs_by_state',
        'jobs_by_project',
        'cues_by_clip',
        'clip_tags_by_tag',
      ]),
    );
    expect(names(db, 'trigger')).toEqual(
      expect.arrayContaining([
        'clips_search_insert',
        'clips_search_update',
        'clips_search_delete',
        'clip_tags_search_insert',
        'clip_tags_search_delete',
        'tags_search_update',
        'cues_search_insert',
        'cues_search_update',
        'cues_search_delete',
      ]),
    );
  },
  2: (db) => {
    const columns = db
      .prepare<[], { name: string; type: string; notnull: number; dflt_value: string | null }>(
        'SELECT name, type, "notnull", dflt_value FROM pragma_table_info(\'jobs\')',
      )
      .all();
    const byName = new Map(columns.map((column) => [column.name, column]));
    expect(byName.get('request_json')).toMatchObject({ type: 'TEXT', notnull: 0 });
    expect(byName.get('retry_at')).toMatchObject({ type: 'INTEGER', notnull: 0 });
    expect(byName.get('submitted_at')).toMatchObject({ type: 'INTEGER', notnull: 0 });
    expect(byName.get('cancel_requested')).toMatchObject({ type: 'INTEGER', notnull: 1, dflt_value: '0' });
    expect(byName.get('notes_json')).toMatchObject({ type: 'TEXT', notnull: 1, dflt_value: "'[]'" });
    expect(names(db, 'index')).toEqual(
      expect.arrayContaining([
        'jobs_by_provider_state',
        'jobs_by_remote_id',
        'clips_by_job',
        'cost_entries_by_time',
        'cost_entries_by_job',
        'cost_entries_by_project',
      ]),
    );
    expect(tables(db).get('cost_entries')).toMatchObject({ type: 'table', strict: 1 });
    // One remote job per provider: a second job can never adopt the same remote id.
    db.prepare('INSERT INTO projects (id, name, created_at, updated_at) VALUES (1, ?, 0, 0)').run('p');
    const insert = db.prepare(
      `INSERT INTO jobs (project_id, provider, prompt_text, idempotency_key, remote_id, created_at, updated_at)
       VALUES (1, ?, 'x', ?, ?, 0, 0)`,
    );
    insert.run('veo', 'k1', 'operations/a');
    insert.run('runway', 'k2', 'operations/a');
    insert.run('veo', 'k3', null);
    insert.run('veo', 'k4', null);
    expect(() => insert.run('veo', 'k5', 'operations/a')).toThrow(/UNIQUE/);
    expect(() => db.prepare('UPDATE jobs SET cancel_requested = 2').run()).toThrow(/CHECK/);
    // A charge outlives its job and project: the ledger keeps the project's name.
    db.prepare(
      `INSERT INTO cost_entries (job_id, project_id, project_name, provider, usd, at) VALUES (1, 1, 'p', 'veo', 3.2, 0)`,
    ).run();
    expect(() =>
      db.prepare(`INSERT INTO cost_entries (project_name, provider, usd, at) VALUES ('p', 'veo', -1, 0)`).run(),
    ).toThrow(/CHECK/);
    db.exec('DELETE FROM jobs; DELETE FROM projects;');
    expect(db.prepare('SELECT job_id, project_id, project_name, usd FROM cost_entries').all()).toEqual([
      { job_id: null, project_id: null, project_name: 'p', usd: 3.2 },
    ]);
    db.exec('DELETE FROM cost_entries;');
  },
  3: (db) => {
    const column = db
      .prepare<[], { type: string; notnull: number; dflt_value: string | null }>(
        `SELECT type, "notnull", dflt_value FROM pragma_table_info('clips') WHERE name = 'report_json'`,
      )
      .get();
    expect(column).toEqual({ type: 'TEXT', notnull: 0, dflt_value: null });
    db.prepare('INSERT INTO projects (id, name, created_at, updated_at) VALUES (1, ?, 0, 0)').run('p');
    db.prepare("INSERT INTO media (id, mime_type, bytes, created_at) VALUES (?, 'video/mp4', 1, 0)").run(
      'a'.repeat(64),
    );
    const insert = db.prepare(
      `INSERT INTO clips (project_id, title, provider, duration_ms, media_hash, created_at, report_json)
       VALUES (1, 't', 'local', 0, ?, 0, ?)`,
    );
    insert.run('a'.repeat(64), '{"engine":"local"}');
    insert.run('a'.repeat(64), null);
    // Only JSON is stored: a report that cannot even be parsed never reaches the library.
    expect(() => insert.run('a'.repeat(64), '{"engine":')).toThrow(/CHECK/);
    expect(db.prepare('SELECT report_json FROM clips ORDER BY id').pluck().all()).toEqual(['{"engine":"local"}', null]);
    db.exec('DELETE FROM clips; DELETE FROM media; DELETE FROM projects;');
  },
  4: (db) => {
    const column = (table: string, name: string) =>
      db
        .prepare<[string, string], { type: string; notnull: number; dflt_value: string | null }>(
          `SELECT type, "notnull", dflt_value FROM pragma_table_info(?) WHERE name = ?`,
        )
        .get(table, name);
    expect(column('clips', 'changes_json')).toEqual({ type: 'TEXT', notnull: 0, dflt_value: null });
    expect(column('cues', 'inherited')).toEqual({ type: 'INTEGER', notnull: 1, dflt_value: '0' });
    db.prepare('INSERT INTO projects (id, name, created_at, updated_at) VALUES (1, ?, 0, 0)').run('p');
    db.prepare("INSERT INTO media (id, mime_type, bytes, created_at) VALUES (?, 'video/mp4', 1, 0)").run(
      'a'.repeat(64),
    );
    const insert = db.prepare(
      `INSERT INTO clips (id, project_id, title, provider, duration_ms, media_hash, created_at, parent_clip_id, changes_json)
       VALUES (?, 1, 't', 'local', 1000, ?, 0, ?, ?)`,
    );
    insert.run(1, 'a'.repeat(64), null, null);
    insert.run(2, 'a'.repeat(64), 1, '{"shots":[],"params":[]}');
    expect(() => insert.run(3, 'a'.repeat(64), 1, '{"shots":')).toThrow(/CHECK/);
    const cue = db.prepare(
      `INSERT INTO cues (clip_id, start_ms, label, kind, created_at, updated_at, inherited) VALUES (2, 0, 'x', 'note', 0, 0, ?)`,
    );
    cue.run(1);
    expect(() => cue.run(2)).toThrow(/CHECK/);
    db.exec('DELETE FROM cues; DELETE FROM clips; DELETE FROM media; DELETE FROM projects;');
  },
  5: (db) => {
    const columns = db
      .prepare<[], { name: string; type: string; notnull: number; dflt_value: string | null }>(
        `SELECT name, type, "notnull", dflt_value FROM pragma_table_info('clips')`,
      )
      .all();
    const byName = new Map(columns.map((column) => [column.name, column]));
    expect(byName.get('flag')).toMatchObject({ type: 'INTEGER', notnull: 1, dflt_value: '0' });
    expect(byName.get('color_label')).toMatchObject({ type: 'TEXT', notnull: 0 });
    expect(byName.get('trashed_at')).toMatchObject({ type: 'INTEGER', notnull: 0 });
    expect(tables(db).get('saved_filters')).toMatchObject({ type: 'table', strict: 1 });
    const fts = db.prepare<[], { sql: string }>("SELECT sql FROM sqlite_schema WHERE name = 'clip_search'").get();
    expect(fts?.sql).toMatch(/prefix = '1 2 3'/);
    expect(names(db, 'index')).toEqual(
      expect.arrayContaining([
        'clips_live_by_date',
        'clips_live_by_title',
        'clips_live_by_duration',
        'clips_live_by_rating',
        'clips_in_trash',
        'clips_by_media',
      ]),
    );
    db.prepare('INSERT INTO projects (id, name, created_at, updated_at) VALUES (1, ?, 0, 0)').run('p');
    db.prepare("INSERT INTO media (id, mime_type, bytes, created_at) VALUES (?, 'video/mp4', 1, 0)").run(
      'c'.repeat(64),
    );
    const insert = db.prepare(
      `INSERT INTO clips (project_id, title, provider, duration_ms, media_hash, created_at, flag, color_label)
       VALUES (1, 't', 'local', 0, ?, 0, ?, ?)`,
    );
    insert.run('c'.repeat(64), 1, 'red');
    insert.run('c'.repeat(64), -1, null);
    expect(() => insert.run('c'.repeat(64), 2, null)).toThrow(/CHECK/);
    expect(() => insert.run('c'.repeat(64), 0, 'teal')).toThrow(/CHECK/);
    const saveFilter = db.prepare(
      `INSERT INTO saved_filters (project_id, name, query_json, created_at, updated_at) VALUES (1, ?, ?, 0, 0)`,
    );
    saveFilter.run('Picks', '{"text":""}');
    // One name per project, whatever its case; only JSON is kept.
    expect(() => saveFilter.run('picks', '{}')).toThrow(/UNIQUE/);
    expect(() => saveFilter.run('Other', '{"text":')).toThrow(/CHECK/);
    db.exec('DELETE FROM projects;');
    expect(db.prepare('SELECT count(*) FROM saved_filters').pluck().get()).toBe(0);
    db.exec('DELETE FROM clips; DELETE FROM media;');
  },
  6: (db) => {
    const fts = db.prepare<[], { sql: string }>("SELECT sql FROM sqlite_schema WHERE name = 'clip_search'").get();
    expect(fts?.sql).toMatch(/fts5\(title, prompt, tags, cues, scope, .*prefix = '1 2 3'/);
    expect(names(db, 'index')).toEqual(
      expect.arrayContaining([
        'clips_live_by_size',
        'clips_live_by_fps',
        'clips_live_by_provider',
        'clips_live_by_model',
        'clips_live_by_seed',
        'clips_live_by_flag',
        'clips_live_remixes',
      ]),
    );
    db.exec(`INSERT INTO projects (id, name, created_at, updated_at) VALUES (1, 'p', 0, 0), (2, 'q', 0, 0);
             INSERT INTO media (id, mime_type, bytes, created_at) VALUES ('${'e'.repeat(64)}', 'video/mp4', 4096, 0),
                                                                        ('${'f'.repeat(64)}', 'video/mp4', 99, 0);
             INSERT INTO clips (id, project_id, title, provider, duration_ms, media_hash, created_at)
             VALUES (1, 1, 'Pier', 'local', 0, '${'e'.repeat(64)}', 0);`);
    // The project's token (later versions add more tokens after it).
    const scope = (): unknown =>
      String(db.prepare('SELECT scope FROM clip_search WHERE rowid = 1').pluck().get()).split(' ')[0];
    const bytes = (): unknown => db.prepare('SELECT media_bytes FROM clips WHERE id = 1').pluck().get();
    expect([scope(), bytes()]).toEqual(['p1', 4096]);
    // Moves, the Trash and a new media file keep the scope and the size in step.
    db.exec('UPDATE clips SET project_id = 2 WHERE id = 1');
    expect(scope()).toBe('p2');
    db.exec('UPDATE clips SET trashed_at = 5 WHERE id = 1');
    expect(scope()).toBe(trashedScope(db));
    db.exec('UPDATE clips SET trashed_at = NULL WHERE id = 1');
    expect(scope()).toBe('p2');
    db.exec(`UPDATE clips SET media_hash = '${'f'.repeat(64)}' WHERE id = 1`);
    expect(bytes()).toBe(99);
    db.exec('DELETE FROM clips; DELETE FROM media; DELETE FROM projects;');
  },
  7: (db) => {
    expect(tables(db).get('tag_counts')).toMatchObject({ type: 'table', strict: 1 });
    db.exec(`INSERT INTO projects (id, name, created_at, updated_at) VALUES (1, 'p', 0, 0), (2, 'q', 0, 0);
             INSERT INTO media (id, mime_type, bytes, created_at) VALUES ('${'e'.repeat(64)}', 'video/mp4', 1, 0);
             INSERT INTO clips (id, project_id, title, provider, duration_ms, media_hash, created_at, rating)
             VALUES (1, 1, 'Pier', 'local', 0, '${'e'.repeat(64)}', 0, 4),
                    (2, 1, 'Dock', 'local', 0, '${'e'.repeat(64)}', 0, NULL),
                    (3, 1, 'Quay', 'local', 0, '${'e'.repeat(64)}', 0, 2);
             INSERT INTO tags (id, name) VALUES (1, 'dusk'), (2, 'fog');
             INSERT INTO clip_tags VALUES (1, 1), (2, 1), (3, 1), (1, 2);`);
    const counts = (): unknown[] =>
      db.prepare('SELECT project_id, tag_id, count FROM tag_counts ORDER BY project_id, tag_id').all();
    const scope = (id: number): unknown => db.prepare('SELECT scope FROM clip_search WHERE rowid = ?').pluck().get(id);
    const rated = (tokens: string): unknown[] =>
      db
        .prepare('SELECT rowid FROM clip_search WHERE clip_search MATCH ? ORDER BY rowid')
        .pluck()
        .all(`{scope}: (${tokens})`);
    const row = (project_id: number, tag_id: number, count: number): object => ({ project_id, tag_id, count });
    expect(counts()).toEqual([row(1, 1, 3), row(1, 2, 1)]);
    expect([scope(1), scope(2), scope(3)]).toEqual(['p1 p1r4', 'p1 p1r0', 'p1 p1r2']);
    // Untagging, the Trash, moves, ratings and deletion keep both in step.
    db.exec('DELETE FROM clip_tags WHERE clip_id = 1 AND tag_id = 2');
    expect(counts()).toEqual([row(1, 1, 3)]);
    db.exec('UPDATE clips SET trashed_at = 5 WHERE id = 2');
    expect([counts(), scope(2)]).toEqual([[row(1, 1, 2)], trashedScope(db)]);
    db.exec('UPDATE clips SET trashed_at = 6 WHERE id = 2');
    expect(counts()).toEqual([row(1, 1, 2)]);
    db.exec('INSERT INTO clip_tags VALUES (2, 2)');
    expect(counts()).toEqual([row(1, 1, 2)]);
    db.exec('UPDATE clips SET trashed_at = NULL WHERE id = 2');
    expect([counts(), scope(2)]).toEqual([[row(1, 1, 3), row(1, 2, 1)], 'p1 p1r0']);
    db.exec('UPDATE clips SET project_id = 2 WHERE id = 2');
    expect([counts(), scope(2)]).toEqual([[row(1, 1, 2), row(2, 1, 1), row(2, 2, 1)], 'p2 p2r0']);
    db.exec('UPDATE clips SET rating = 5 WHERE id = 3');
    expect(rated('p1r4 OR p1r5')).toEqual([1, 3]);
    expect(rated('p1r2')).toEqual([]);
    db.exec('DELETE FROM clips WHERE id = 1');
    expect(counts()).toEqual([row(1, 1, 1), row(2, 1, 1), row(2, 2, 1)]);
    db.exec('UPDATE clips SET trashed_at = 7 WHERE id = 3; DELETE FROM clips WHERE id = 3');
    expect(counts()).toEqual([row(2, 1, 1), row(2, 2, 1)]);
    db.exec('DELETE FROM projects WHERE id = 2');
    expect(counts()).toEqual([]);
    db.exec('DELETE FROM clips; DELETE FROM media; DELETE FROM projects; DELETE FROM tags;');
  },
  8: (db) => {
    expect(tables(db).get('cue_search_stale')).toMatchObject({ type: 'table', strict: 1 });
    // Clips that earlier steps' checks gave cues and took away again are noted already.
    db.exec('DELETE FROM cue_search_stale');
    db.exec(`INSERT INTO projects (id, name, created_at, updated_at) VALUES (1, 'p', 0, 0);
             INSERT INTO media (id, mime_type, bytes, created_at) VALUES ('${'e'.repeat(64)}', 'video/mp4', 1, 0);
             INSERT INTO clips (id, project_id, title, provider, duration_ms, media_hash, created_at)
             VALUES (1, 1, 'Pier', 'local', 9000, '${'e'.repeat(64)}', 0), (2, 1, 'Dock', 'local', 9000, '${'e'.repeat(64)}', 0);`);
    const stale = (): unknown[] => db.prepare('SELECT clip_id FROM cue_search_stale ORDER BY clip_id').pluck().all();
    const cueText = (id: number): unknown => db.prepare('SELECT cues FROM clip_search WHERE rowid = ?').pluck().get(id);
    // A cue written notes its clip, and leaves the index's cue text for one refresh to re-write.
    db.exec(`INSERT INTO cues (id, clip_id, start_ms, label, note, kind, created_at, updated_at)
             VALUES (1, 1, 0, 'door', 'slam', 'sfx', 0, 0), (2, 1, 10, 'wind', '', 'ambience', 0, 0)`);
    expect([stale(), cueText(1)]).toEqual([[1], '']);
    db.exec('DELETE FROM cue_search_stale');
    db.exec('UPDATE cues SET start_ms = 5 WHERE id = 1');
    expect(stale()).toEqual([]);
    db.exec("UPDATE cues SET note = 'bang' WHERE id = 1");
    expect(stale()).toEqual([1]);
    db.exec('DELETE FROM cue_search_stale; DELETE FROM cues WHERE id = 2');
    expect(stale()).toEqual([1]);
    db.exec(
      'DELETE FROM cue_search_stale; DELETE FROM cues; DELETE FROM clips; DELETE FROM media; DELETE FROM projects;',
    );
  },
  9: (db) => {
    db.exec(`INSERT INTO projects (id, name, created_at, updated_at) VALUES (1, 'p', 0, 0), (2, 'q', 0, 0);
             INSERT INTO media (id, mime_type, bytes, created_at) VALUES ('${'e'.repeat(64)}', 'video/mp4', 1, 0);
             INSERT INTO clips (id, project_id, title, provider, duration_ms, media_hash, created_at, rating, trashed_at)
             VALUES (1, 1, 'Pier', 'local', 0, '${'e'.repeat(64)}', 0, 3, NULL),
                    (2, 1, 'Dock', 'local', 0, '${'e'.repeat(64)}', 0, NULL, 5);`);
    const scope = (id: number): unknown => db.prepare('SELECT scope FROM clip_search WHERE rowid = ?').pluck().get(id);
    // A clip made in the Trash, or put there, carries `trashed`; out of it, its project and rating again.
    expect([scope(1), scope(2)]).toEqual(['p1 p1r3', 'trashed']);
    db.exec('UPDATE clips SET trashed_at = 6 WHERE id = 1');
    expect(scope(1)).toBe('trashed');
    db.exec('UPDATE clips SET rating = 4 WHERE id = 1');
    expect(scope(1)).toBe('trashed');
    db.exec('UPDATE clips SET trashed_at = NULL, project_id = 2 WHERE id = 1');
    expect(scope(1)).toBe('p2 p2r4');
    db.exec('DELETE FROM clips; DELETE FROM media; DELETE FROM projects;');
  },
  10: (db) => {
    expect(names(db, 'index')).toEqual(expect.arrayContaining(['clips_by_card_poster', 'clips_lacking_card_poster']));
    const e = 'e'.repeat(64);
    const [p1, p2, card] = ['1', '2', '3'].map((c) => c.repeat(64)) as [string, string, string];
    db.exec(`INSERT INTO projects (id, name, created_at, updated_at) VALUES (1, 'p', 0, 0);
             INSERT INTO media (id, mime_type, bytes, created_at)
             VALUES ('${e}', 'video/mp4', 1, 0), ('${p1}', 'image/jpeg', 1, 0), ('${p2}', 'image/jpeg', 1, 0),
                    ('${card}', 'image/jpeg', 1, 0);
             INSERT INTO clips (id, project_id, title, provider, duration_ms, media_hash, poster_hash, created_at)
             VALUES (1, 1, 'Pier', 'local', 0, '${e}', '${p1}', 0), (2, 1, 'Dock', 'local', 0, '${e}', '${p1}', 0),
                    (3, 1, 'Quay', 'local', 0, '${e}', '${p2}', 0), (4, 1, 'Sound', 'local', 0, '${e}', NULL, 0);`);
    const clips = new Clips(db);
    // Each poster lacking a card poster once; a clip without a poster lacks none.
    expect(clips.countPostersLackingCard()).toBe(2);
    expect(clips.postersLackingCard(10).sort()).toEqual([p1, p2]);
    expect(clips.postersLackingCard(10, [p1])).toEqual([p2]);
    // A card poster goes to every clip showing its poster.
    expect(clips.setCardPoster(p1, card)).toBe(2);
    expect(db.prepare('SELECT id, card_poster_hash FROM clips ORDER BY id').all()).toEqual([
      { id: 1, card_poster_hash: card },
      { id: 2, card_poster_hash: card },
      { id: 3, card_poster_hash: null },
      { id: 4, card_poster_hash: null },
    ]);
    expect(clips.postersLackingCard(10)).toEqual([p2]);
    // The media row it points at stays while a clip uses it.
    expect(() => db.exec(`DELETE FROM media WHERE id = '${card}'`)).toThrow(/FOREIGN KEY/);
    db.exec('DELETE FROM clips; DELETE FROM media; DELETE FROM projects;');
  },
  11: (db) => {
    const fts = db.prepare<[], string>("SELECT sql FROM sqlite_schema WHERE name = 'clip_search'").pluck().get();
    expect(fts).toMatch(/fts5\(title, prompt, tags, cues, scope, .*categories 'L\* N\* Co So'.*prefix = '1 2 3'/);
    db.exec(`INSERT INTO projects (id, name, created_at, updated_at) VALUES (1, 'p', 0, 0);
             INSERT INTO media (id, mime_type, bytes, created_at) VALUES ('${'e'.repeat(64)}', 'video/mp4', 1, 0);
             INSERT INTO clips (id, project_id, title, provider, duration_ms, media_hash, created_at, rating)
             VALUES (1, 1, 'Bonfire 🔥', 'local', 0, '${'e'.repeat(64)}', 0, 2);`);
    const find = (words: string): unknown[] =>
      db.prepare('SELECT rowid FROM clip_search WHERE clip_search MATCH ?').pluck().all(words);
    // A clip written after the step is indexed by the triggers, symbols included.
    expect([find('"🔥"*'), find('bonfire'), find('{scope}: p1r2')]).toEqual([[1], [1], [1]]);
    db.exec('DELETE FROM clips; DELETE FROM media; DELETE FROM projects;');
  },
  12: (db) => {
    const column = db
      .prepare<[], { type: string; notnull: number }>(
        "SELECT type, \"notnull\" FROM pragma_table_info('projects') WHERE name = 'deleted_at'",
      )
      .get();
    expect(column).toEqual({ type: 'INTEGER', notnull: 0 });
    expect(names(db, 'index')).toEqual(expect.arrayContaining(['projects_deleted']));
  },
  13: (db) => {
    const fts = db
      .prepare<[], string>("SELECT sql FROM sqlite_schema WHERE name = 'clip_search_accents'")
      .pluck()
      .get();
    expect(fts).toMatch(/fts5\(\s*text, .*remove_diacritics 0 categories 'L\* N\* Co So M\*'.*contentless_delete = 1/s);
    db.exec(`INSERT INTO projects (id, name, created_at, updated_at) VALUES (1, 'p', 0, 0);
             INSERT INTO media (id, mime_type, bytes, created_at) VALUES ('${'e'.repeat(64)}', 'video/mp4', 1, 0);
             INSERT INTO clips (id, project_id, title, prompt_text, provider, duration_ms, media_hash, created_at)
             VALUES (1, 1, 'Café', 'Scene: été', 'local', 0, '${'e'.repeat(64)}', 0);`);
    const find = (words: string): unknown[] =>
      db.prepare('SELECT rowid FROM clip_search_accents WHERE clip_search_accents MATCH ?').pluck().all(words);
    // A clip written after the step is in both indexes, accents kept in this one.
    expect([find('"café"'), find('"é"*'), find('"cafe"'), find('"e"*')]).toEqual([[1], [1], [], []]);
    db.exec('DELETE FROM clips; DELETE FROM media; DELETE FROM projects;');
    expect(find('"café"')).toEqual([]);
  },
  14: (db) => {
    // Data only: the tables are as they were.
    expect(db.prepare('SELECT count(*) FROM tags').pluck().get()).toBe(0);
    expect([...tables(db).keys()]).toEqual(
      expect.arrayContaining(['tags', 'clip_tags', 'tag_counts', 'saved_filters']),
    );
  },
};

describe('migrations', () => {
  test('are numbered 1..n without gaps, and latestVersion is the last', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    expect(latestVersion).toBe(migrations.at(-1)?.version);
  });

  test('every migration has a schema expectation in this file', () => {
    expect(
      Object.keys(expectAfter)
        .map(Number)
        .sort((a, b) => a - b),
    ).toEqual(migrations.map((m) => m.version));
  });

  test.each(migrations.map((m) => [m.version, m.name] as const))('step to version %i (%s)', async (version) => {
    const dir = await tempDir();
    const db = open(join(dir, 'library.db'), { targetVersion: version - 1 });
    expect(schemaVersion(db)).toBe(version - 1);
    const before = new Set(tables(db).keys());

    migrate(db, migrations, version);

    expect(schemaVersion(db)).toBe(version);
    expectAfter[version]?.(db);
    // Nothing a migration leaves behind is non-STRICT (FTS shadow tables are SQLite's own).
    for (const table of tables(db).values()) {
      if (before.has(table.name) || table.name.startsWith('sqlite_')) continue;
      if (table.type === 'table') expect(table.strict, `table ${table.name} must be STRICT`).toBe(1);
      else expect(['virtual', 'shadow']).toContain(table.type);
    }
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  test('clips made before render reports were kept have none, and keep everything else', async () => {
    const dir = await tempDir();
    const db = open(join(dir, 'library.db'), { targetVersion: 2 });
    db.prepare('INSERT INTO projects (id, name, created_at, updated_at) VALUES (1, ?, 0, 0)').run('p');
    db.prepare("INSERT INTO media (id, mime_type, bytes, created_at) VALUES (?, 'video/mp4', 1, 0)").run(
      'b'.repeat(64),
    );
    db.prepare(
      `INSERT INTO clips (id, project_id, title, provider, duration_ms, media_hash, created_at)
       VALUES (7, 1, 'Old clip', 'local', 2000, ?, 5)`,
    ).run('b'.repeat(64));

    migrate(db, migrations, 3);

    expect(db.prepare('SELECT id, title, provider, duration_ms, report_json FROM clips').all()).toEqual([
      { id: 7, title: 'Old clip', provider: 'local', duration_ms: 2000, report_json: null },
    ]);
  });

  test('clips from before organising keep their search words, and are in no Trash, unflagged and unlabelled', async () => {
    const dir = await tempDir();
    const db = open(join(dir, 'library.db'), { targetVersion: 4 });
    db.prepare('INSERT INTO projects (id, name, created_at, updated_at) VALUES (1, ?, 0, 0)').run('p');
    db.prepare("INSERT INTO media (id, mime_type, bytes, created_at) VALUES (?, 'video/mp4', 1, 0)").run(
      'd'.repeat(64),
    );
    db.prepare(
      `INSERT INTO clips (id, project_id, title, prompt_text, provider, duration_ms, media_hash, created_at)
       VALUES (9, 1, 'Harbour', 'Scene: gulls over the pier', 'local', 2000, ?, 5)`,
    ).run('d'.repeat(64));
    db.exec(`INSERT INTO tags (id, name) VALUES (1, 'keeper'); INSERT INTO clip_tags VALUES (9, 1);
             INSERT INTO cues (clip_id, start_ms, label, note, created_at, updated_at) VALUES (9, 0, 'foghorn', 'late', 0, 0);`);

    migrate(db, migrations, 5);

    const find = (words: string): unknown[] =>
      db.prepare('SELECT rowid FROM clip_search WHERE clip_search MATCH ?').pluck().all(words);
    for (const words of ['harbour', 'gulls', 'keeper', 'foghorn', '"h"*', '"fo"*'])
      expect(find(words), words).toEqual([9]);
    expect(db.prepare('SELECT flag, color_label, trashed_at FROM clips').get()).toEqual({
      flag: 0,
      color_label: null,
      trashed_at: null,
    });
    // The triggers still keep the rebuilt index in step.
    db.prepare("UPDATE clips SET title = 'Pier' WHERE id = 9").run();
    expect(find('pier')).toEqual([9]);
    expect(find('harbour')).toEqual([]);
  });

  test('clips from before the search scope keep their search words, scoped to their project or the Trash', async () => {
    const dir = await tempDir();
    const db = open(join(dir, 'library.db'), { targetVersion: 5 });
    db.prepare('INSERT INTO projects (id, name, created_at, updated_at) VALUES (3, ?, 0, 0)').run('p');
    db.prepare("INSERT INTO media (id, mime_type, bytes, created_at) VALUES (?, 'video/mp4', 777, 0)").run(
      'd'.repeat(64),
    );
    const insert = db.prepare(
      `INSERT INTO clips (id, project_id, title, prompt_text, provider, duration_ms, media_hash, created_at, trashed_at)
       VALUES (?, 3, 'Harbour', 'Scene: gulls over the pier', 'local', 2000, ?, 5, ?)`,
    );
    insert.run(9, 'd'.repeat(64), null);
    insert.run(10, 'd'.repeat(64), 50);
    db.exec(`INSERT INTO tags (id, name) VALUES (1, 'keeper'); INSERT INTO clip_tags VALUES (9, 1);
             INSERT INTO cues (clip_id, start_ms, label, note, created_at, updated_at) VALUES (9, 0, 'foghorn', 'late', 0, 0);`);

    migrate(db, migrations, 6);

    const find = (words: string): unknown[] =>
      db.prepare('SELECT rowid FROM clip_search WHERE clip_search MATCH ? ORDER BY rowid').pluck().all(words);
    for (const words of ['harbour', 'gulls', '"h"*']) expect(find(words), words).toEqual([9, 10]);
    for (const words of ['keeper', 'foghorn', '"fo"*', '{scope}: p3']) expect(find(words), words).toEqual([9]);
    expect(db.prepare('SELECT media_bytes FROM clips ORDER BY id').pluck().all()).toEqual([777, 777]);
  });

  test('clips from before the tag counts are counted per project outside the Trash, and scoped by rating', async () => {
    const dir = await tempDir();
    const db = open(join(dir, 'library.db'), { targetVersion: 6 });
    db.exec(`INSERT INTO projects (id, name, created_at, updated_at) VALUES (1, 'p', 0, 0), (2, 'q', 0, 0);
             INSERT INTO media (id, mime_type, bytes, created_at) VALUES ('${'d'.repeat(64)}', 'video/mp4', 1, 0)`);
    const insert = db.prepare(
      `INSERT INTO clips (id, project_id, title, provider, duration_ms, media_hash, created_at, rating, trashed_at)
       VALUES (?, ?, 'Harbour', 'local', 0, ?, 0, ?, ?)`,
    );
    insert.run(1, 1, 'd'.repeat(64), 3, null);
    insert.run(2, 1, 'd'.repeat(64), null, null);
    insert.run(3, 1, 'd'.repeat(64), 5, 9);
    insert.run(4, 2, 'd'.repeat(64), 1, null);
    db.exec(`INSERT INTO tags (id, name) VALUES (1, 'keeper'), (2, 'dusk');
             INSERT INTO clip_tags VALUES (1, 1), (2, 1), (3, 1), (4, 1), (3, 2);`);

    migrate(db, migrations, 7);

    expect(db.prepare('SELECT project_id, tag_id, count FROM tag_counts ORDER BY project_id, tag_id').all()).toEqual([
      { project_id: 1, tag_id: 1, count: 2 },
      { project_id: 2, tag_id: 1, count: 1 },
    ]);
    expect(db.prepare('SELECT rowid, scope FROM clip_search ORDER BY rowid').all()).toEqual([
      { rowid: 1, scope: 'p1 p1r3' },
      { rowid: 2, scope: 'p1 p1r0' },
      { rowid: 3, scope: '' },
      { rowid: 4, scope: 'p2 p2r1' },
    ]);
    const find = (words: string): unknown[] =>
      db.prepare('SELECT rowid FROM clip_search WHERE clip_search MATCH ? ORDER BY rowid').pluck().all(words);
    expect(find('harbour')).toEqual([1, 2, 3, 4]);
    expect(find('{scope}: p1')).toEqual([1, 2]);
    expect(find('keeper')).toEqual([1, 2, 3, 4]);
  });

  test('clips in the Trash before its scope token carry it, and searches leave them out by it', async () => {
    const dir = await tempDir();
    const db = open(join(dir, 'library.db'), { targetVersion: 8 });
    db.exec(`INSERT INTO projects (id, name, created_at, updated_at) VALUES (1, 'p', 0, 0), (2, 'q', 0, 0);
             INSERT INTO media (id, mime_type, bytes, created_at) VALUES ('${'d'.repeat(64)}', 'video/mp4', 1, 0)`);
    const insert = db.prepare(
      `INSERT INTO clips (id, project_id, title, provider, duration_ms, media_hash, created_at, rating, trashed_at)
       VALUES (?, ?, 'Harbour', 'local', 0, ?, 0, ?, ?)`,
    );
    insert.run(1, 1, 'd'.repeat(64), 3, null);
    insert.run(2, 1, 'd'.repeat(64), null, 9);
    insert.run(3, 2, 'd'.repeat(64), 1, null);

    migrate(db, migrations, 9);

    expect(db.prepare('SELECT rowid, scope FROM clip_search ORDER BY rowid').all()).toEqual([
      { rowid: 1, scope: 'p1 p1r3' },
      { rowid: 2, scope: 'trashed' },
      { rowid: 3, scope: 'p2 p2r1' },
    ]);
    const find = (words: string): unknown[] =>
      db.prepare('SELECT rowid FROM clip_search WHERE clip_search MATCH ? ORDER BY rowid').pluck().all(words);
    expect(find('harbour NOT {scope}: (trashed OR p2)')).toEqual([1]);
  });

  test('clips from before card posters keep their posters and are found lacking a card poster', async () => {
    const dir = await tempDir();
    const db = open(join(dir, 'library.db'), { targetVersion: 9 });
    const [video, poster] = ['d', 'c'].map((c) => c.repeat(64));
    db.exec(`INSERT INTO projects (id, name, created_at, updated_at) VALUES (1, 'p', 0, 0);
             INSERT INTO media (id, mime_type, bytes, created_at) VALUES ('${video}', 'video/mp4', 1, 0), ('${poster}', 'image/jpeg', 1, 0);
             INSERT INTO clips (id, project_id, title, provider, duration_ms, media_hash, poster_hash, created_at)
             VALUES (5, 1, 'Harbour', 'local', 0, '${video}', '${poster}', 0);`);

    migrate(db, migrations, 10);

    expect(db.prepare('SELECT poster_hash, card_poster_hash FROM clips').get()).toEqual({
      poster_hash: poster,
      card_poster_hash: null,
    });
    expect(new Clips(db).postersLackingCard(10)).toEqual([poster]);
  });

  test('clips from before symbols were indexed keep their words, tags, cues and scope, and are found by emoji', async () => {
    const dir = await tempDir();
    const db = open(join(dir, 'library.db'), { targetVersion: 10 });
    db.exec(`INSERT INTO projects (id, name, created_at, updated_at) VALUES (1, 'p', 0, 0);
             INSERT INTO media (id, mime_type, bytes, created_at) VALUES ('${'d'.repeat(64)}', 'video/mp4', 1, 0)`);
    const insert = db.prepare(
      `INSERT INTO clips (id, project_id, title, prompt_text, provider, duration_ms, media_hash, created_at, rating, trashed_at)
       VALUES (?, 1, ?, 'Scene: gulls over the pier', 'local', 0, ?, 0, ?, ?)`,
    );
    insert.run(1, 'Harbour 🌊', 'd'.repeat(64), 3, null);
    insert.run(2, 'Café ⭐', 'd'.repeat(64), null, 9);
    db.exec(`INSERT INTO tags (id, name) VALUES (1, 'keeper'); INSERT INTO clip_tags VALUES (1, 1);
             INSERT INTO cues (clip_id, start_ms, label, note, created_at, updated_at) VALUES (1, 0, 'foghorn', '🎺 late', 0, 0);`);
    const find = (words: string): unknown[] =>
      db.prepare('SELECT rowid FROM clip_search WHERE clip_search MATCH ? ORDER BY rowid').pluck().all(words);
    expect(find('"🌊"*')).toEqual([]);

    migrate(db, migrations, 11);

    expect(db.prepare('SELECT rowid, scope FROM clip_search ORDER BY rowid').all()).toEqual([
      { rowid: 1, scope: 'p1 p1r3' },
      { rowid: 2, scope: 'trashed' },
    ]);
    for (const words of ['"🌊"*', 'harbour', 'keeper', 'foghorn', '"🎺"*']) expect(find(words), words).toEqual([1]);
    for (const words of ['"⭐"*', 'cafe']) expect(find(words), words).toEqual([2]);
    expect(find('gulls')).toEqual([1, 2]);
    expect(db.prepare('SELECT count(*) FROM cue_search_stale').pluck().get()).toBe(0);
  });

  test('clips from before accents were indexed are found by accented words from their titles, prompts, tags and cues', async () => {
    const dir = await tempDir();
    const db = open(join(dir, 'library.db'), { targetVersion: 12 });
    db.exec(`INSERT INTO projects (id, name, created_at, updated_at) VALUES (1, 'p', 0, 0);
             INSERT INTO media (id, mime_type, bytes, created_at) VALUES ('${'d'.repeat(64)}', 'video/mp4', 1, 0)`);
    const insert = db.prepare(
      `INSERT INTO clips (id, project_id, title, prompt_text, provider, duration_ms, media_hash, created_at, trashed_at)
       VALUES (?, 1, ?, ?, 'local', 0, ?, 0, ?)`,
    );
    insert.run(1, 'Café terrace', 'Scene: an été afternoon', 'd'.repeat(64), null);
    insert.run(2, 'Cafe racer', 'Scene: ete', 'd'.repeat(64), null);
    insert.run(3, 'Ñandú'.normalize('NFD'), null, 'd'.repeat(64), 9);
    db.exec(`INSERT INTO tags (id, name) VALUES (1, 'señal'); INSERT INTO clip_tags VALUES (2, 1);
             INSERT INTO cues (clip_id, start_ms, label, note, created_at, updated_at) VALUES (2, 0, 'Élan', 'crème', 0, 0);`);
    // Cue text indexed before the step (as the refresh of that version did); one more cue still waiting to be.
    db.exec(`UPDATE clip_search SET cues = (
               SELECT coalesce(group_concat(label || ' ' || note, ' '), '') FROM cues WHERE clip_id = clip_search.rowid
             ) WHERE rowid IN (SELECT clip_id FROM cue_search_stale);
             DELETE FROM cue_search_stale;`);
    db.exec(`INSERT INTO cues (clip_id, start_ms, label, note, created_at, updated_at) VALUES (1, 0, 'río', '', 0, 0)`);

    migrate(db, migrations, 13);

    const find = (words: string): unknown[] =>
      db
        .prepare('SELECT rowid FROM clip_search_accents WHERE clip_search_accents MATCH ? ORDER BY rowid')
        .pluck()
        .all(words);
    expect(find('"café"*')).toEqual([1]);
    expect(find('"été"*')).toEqual([1]);
    expect(find('"ete"*')).toEqual([2]);
    expect(find('"señal"')).toEqual([2]);
    expect(find('"élan" "crème"')).toEqual([2]);
    expect(find(`"${'ñandú'.normalize('NFD')}"*`)).toEqual([3]);
    // The cue waiting at the step is indexed at the next refresh, as in the folded index.
    expect(find('"río"')).toEqual([]);
    refreshCueSearch(db);
    expect(find('"río"')).toEqual([1]);
    // Searches find them as the clips' words say.
    const clips = new Clips(db);
    expect(clips.search('été').map((clip) => clip.id)).toEqual([1]);
    expect(
      clips
        .search('ete')
        .map((clip) => clip.id)
        .sort(),
    ).toEqual([1, 2]);
    expect(
      clips
        .search('é')
        .map((clip) => clip.id)
        .sort(),
    ).toEqual([1, 2]);
  });

  test('tags from before that differ only in case are one tag: the most used spelling, on every clip, in counts, search and smart collections', async () => {
    const dir = await tempDir();
    const db = open(join(dir, 'library.db'), { targetVersion: 13 });
    db.exec(`INSERT INTO projects (id, name, created_at, updated_at) VALUES (1, 'p', 0, 0), (2, 'q', 0, 0);
             INSERT INTO media (id, mime_type, bytes, created_at) VALUES ('${'d'.repeat(64)}', 'video/mp4', 1, 0)`);
    const insert = db.prepare(
      `INSERT INTO clips (id, project_id, title, provider, duration_ms, media_hash, created_at) VALUES (?, ?, ?, 'local', 0, ?, 0)`,
    );
    for (const [id, project, title] of [
      [1, 1, 'Terrace'],
      [2, 1, 'Counter'],
      [3, 2, 'Street'],
      [4, 1, 'Racer'],
    ] as const)
      insert.run(id, project, title, 'd'.repeat(64));
    // "Café crème" is the older spelling; "CAFÉ CRÈME" is on more clips (clip 1 has both).
    // "cafe creme", without accents, is another tag; so is "Été".
    db.exec(`INSERT INTO tags (id, name) VALUES (1, 'Café crème'), (2, 'CAFÉ CRÈME'), (3, 'cafe creme'), (4, 'Été'), (5, 'été');
             INSERT INTO clip_tags VALUES (1, 1), (1, 2), (2, 2), (3, 2), (4, 3), (2, 5), (3, 4);
             INSERT INTO saved_filters (project_id, name, query_json, created_at, updated_at)
               VALUES (1, 'Coffee', '{"text":"","filter":{"tag":"Café crème","minRating":2}}', 0, 0),
                      (1, 'Plain', '{"text":"","filter":{"tag":"cafe creme"}}', 0, 0);`);

    migrate(db, migrations, 14);

    expect(db.prepare('SELECT id, name FROM tags ORDER BY id').all()).toEqual([
      { id: 2, name: 'CAFÉ CRÈME' },
      { id: 3, name: 'cafe creme' },
      { id: 4, name: 'Été' },
    ]);
    expect(db.prepare('SELECT clip_id, tag_id FROM clip_tags ORDER BY clip_id, tag_id').all()).toEqual([
      { clip_id: 1, tag_id: 2 },
      { clip_id: 2, tag_id: 2 },
      { clip_id: 2, tag_id: 4 },
      { clip_id: 3, tag_id: 2 },
      { clip_id: 3, tag_id: 4 },
      { clip_id: 4, tag_id: 3 },
    ]);
    expect(db.prepare('SELECT project_id, tag_id, count FROM tag_counts ORDER BY project_id, tag_id').all()).toEqual([
      { project_id: 1, tag_id: 2, count: 2 },
      { project_id: 1, tag_id: 3, count: 1 },
      { project_id: 1, tag_id: 4, count: 1 },
      { project_id: 2, tag_id: 2, count: 1 },
      { project_id: 2, tag_id: 4, count: 1 },
    ]);
    expect(
      db.prepare("SELECT name, json_extract(query_json, '$.filter.tag') AS tag FROM saved_filters ORDER BY name").all(),
    ).toEqual([
      { name: 'Coffee', tag: 'CAFÉ CRÈME' },
      { name: 'Plain', tag: 'cafe creme' },
    ]);
    // The search index holds each clip's tags as they are now.
    const clips = new Clips(db);
    expect(
      clips
        .search('crème')
        .map((clip) => clip.id)
        .sort(),
    ).toEqual([1, 2, 3]);
    expect(db.prepare('SELECT tags FROM clip_search WHERE rowid = 2').pluck().get()).toMatch(
      /^(CAFÉ CRÈME Été|Été CAFÉ CRÈME)$/,
    );
  });

  test('projects from before deletion went through the Trash are all live, listed and keep their clips', async () => {
    const dir = await tempDir();
    const db = open(join(dir, 'library.db'), { targetVersion: 11 });
    db.exec(`INSERT INTO projects (id, name, archived, created_at, updated_at) VALUES (1, 'Coast', 0, 0, 0), (2, 'Old', 1, 0, 0);
             INSERT INTO media (id, mime_type, bytes, created_at) VALUES ('${'d'.repeat(64)}', 'video/mp4', 1, 0);
             INSERT INTO clips (id, project_id, title, provider, duration_ms, media_hash, created_at, trashed_at)
             VALUES (1, 1, 'Pier', 'local', 0, '${'d'.repeat(64)}', 0, NULL), (2, 2, 'Dock', 'local', 0, '${'d'.repeat(64)}', 0, 5);`);

    migrate(db, migrations, 12);

    expect(db.prepare('SELECT id, name, deleted_at FROM projects ORDER BY id').all()).toEqual([
      { id: 1, name: 'Coast', deleted_at: null },
      { id: 2, name: 'Old', deleted_at: null },
    ]);
    const projects = new Projects(db);
    expect(projects.list(true).map((p) => [p.name, p.clipCount])).toEqual([
      ['Coast', 1],
      ['Old', 0],
    ]);
    // Deleting one now moves its clips to the Trash instead of deleting them.
    expect(projects.delete(1, 9)).toEqual({ trashedClips: 1, unfinishedJobs: [] });
    expect(db.prepare('SELECT id, trashed_at FROM clips ORDER BY id').all()).toEqual([
      { id: 1, trashed_at: 9 },
      { id: 2, trashed_at: 5 },
    ]);
  });

  test('a fresh database reaches latestVersion with WAL and foreign keys on', async () => {
    const dir = await tempDir();
    const file = join(dir, 'library.db');
    const db = open(file);
    expect(schemaVersion(db)).toBe(latestVersion);
    for (const version of migrations.map((m) => m.version)) expectAfter[version]?.(db);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    // Foreign keys are enforced, not just declared.
    expect(() =>
      db
        .prepare(
          'INSERT INTO clips (project_id, title, provider, duration_ms, media_hash, created_at) VALUES (999, ?, ?, 0, ?, 0)',
        )
        .run('t', 'p', 'a'.repeat(64)),
    ).toThrow(/FOREIGN KEY/);
    // STRICT is enforced, not just declared.
    expect(() =>
      db.prepare("INSERT INTO projects (name, created_at, updated_at) VALUES ('x', 'yesterday', 0)").run(),
    ).toThrow(/cannot store TEXT value in INTEGER column/);
  });

  test('re-opening is idempotent: same version, same schema, data kept', async () => {
    const dir = await tempDir();
    const file = join(dir, 'library.db');
    const first = open(file);
    first.prepare('INSERT INTO projects (name, created_at, updated_at) VALUES (?, 1, 1)').run('Kept');
    const schema = schemaDump(first);
    first.close();

    const second = open(file);
    expect(schemaVersion(second)).toBe(latestVersion);
    expect(schemaDump(second)).toEqual(schema);
    expect(second.prepare('SELECT name FROM projects').pluck().all()).toEqual(['Kept']);
    migrate(second, migrations, latestVersion);
    expect(schemaDump(second)).toEqual(schema);
  });

  test('a migration that fails rolls back completely and leaves the version alone', async () => {
    const dir = await tempDir();
    const db = open(join(dir, 'library.db'));
    const broken = {
      version: latestVersion + 1,
      name: 'broken',
      up(target: Database) {
        target.exec('CREATE TABLE half_done (x INTEGER) STRICT');
        throw new Error('disk on fire');
      },
    };
    expect(() => migrate(db, [...migrations, broken], latestVersion + 1)).toThrow('disk on fire');
    expect(schemaVersion(db)).toBe(latestVersion);
    expect(tables(db).has('half_done')).toBe(false);
  });

  test('a read-only open sees the schema and refuses writes', async () => {
    const dir = await tempDir();
    const file = join(dir, 'library.db');
    open(file).close();
    const db = open(file, { readonly: true });
    expect(schemaVersion(db)).toBe(latestVersion);
    expect(() => db.prepare("INSERT INTO settings VALUES ('k', '1')").run()).toThrow(/readonly/);
  });
});

describe('a database newer than the app', () => {
  function writeNewerLibrary(file: string, journal: 'DELETE' | 'WAL'): void {
    const db = new BetterSqlite3(file);
    db.pragma(`journal_mode = ${journal}`);
    db.exec('CREATE TABLE from_the_future (x INTEGER) STRICT; INSERT INTO from_the_future VALUES (42);');
    db.pragma(`user_version = ${latestVersion + 1}`);
    db.close();
  }

  function filesOf(dir: string): string[] {
    return readdirSync(dir).sort();
  }

  test.each(['DELETE', 'WAL'] as const)(
    'is refused with a clear message and not written to (%s journal)',
    async (journal) => {
      const dir = await tempDir();
      const file = join(dir, 'library.db');
      writeNewerLibrary(file, journal);
      const hash = sha256File(file);
      expect(filesOf(dir)).toEqual(['library.db']);

      let thrown: unknown;
      try {
        openDatabase(file);
      } catch (error) {
        thrown = error;
      }

      expect(thrown).toBeInstanceOf(DatabaseTooNewError);
      const error = thrown as DatabaseTooNewError;
      expect(error.found).toBe(latestVersion + 1);
      expect(error.supported).toBe(latestVersion);
      expect(error.message).toContain(`schema ${latestVersion + 1}`);
      expect(error.message).toContain(`reads up to ${latestVersion}`);
      expect(error.message).toMatch(/Update Shotline/);
      expect(sha256File(file)).toBe(hash);
      // Not even SQLite's companion files appear: the version is read from the header.
      expect(filesOf(dir)).toEqual(['library.db']);
    },
  );

  test('is refused read-only too', async () => {
    const dir = await tempDir();
    const file = join(dir, 'library.db');
    writeNewerLibrary(file, 'WAL');
    expect(() => openDatabase(file, { readonly: true })).toThrow(DatabaseTooNewError);
    expect(filesOf(dir)).toEqual(['library.db']);
  });

  test('whose newer schema is still in an uncheckpointed WAL is refused without checkpointing it', async () => {
    // The state a newer Shotline leaves when it crashes right after migrating: the header
    // still says our version, the WAL holds the newer one.
    const dir = await tempDir();
    const live = join(dir, 'live.db');
    const writer = openDatabase(live);
    writer.pragma('wal_autocheckpoint = 0');
    writer.pragma(`user_version = ${latestVersion + 1}`);
    const file = join(dir, 'library.db');
    copyFileSync(live, file);
    copyFileSync(`${live}-wal`, `${file}-wal`);
    writer.close();
    const dbHash = sha256File(file);
    const walHash = sha256File(`${file}-wal`);

    expect(() => openDatabase(file)).toThrow(DatabaseTooNewError);

    // The main file and the WAL keep every byte: nothing was checkpointed.
    expect(sha256File(file)).toBe(dbHash);
    expect(existsSync(`${file}-wal`)).toBe(true);
    expect(sha256File(`${file}-wal`)).toBe(walHash);
    // The read-only check creates SQLite's shared-memory index (-shm), which holds no data
    // and which the crashed writer would normally have left behind anyway.
    expect(filesOf(dir).filter((name) => name.startsWith('library.db'))).toEqual([
      'library.db',
      'library.db-shm',
      'library.db-wal',
    ]);
  });

  test('a file that is not a database is refused and left as it was', async () => {
    const dir = await tempDir();
    const file = join(dir, 'library.db');
    writeFileSync(file, 'these are my notes, not a library\n'.repeat(10));
    const hash = sha256File(file);
    expect(() => openDatabase(file)).toThrow(/not a database/);
    expect(sha256File(file)).toBe(hash);
    expect(filesOf(dir)).toEqual(['library.db']);
  });

  test('an older library opened normally is migrated, not refused', async () => {
    const dir = await tempDir();
    const file = join(dir, 'library.db');
    open(file, { targetVersion: 0 }).close();
    const db = open(file);
    expect(schemaVersion(db)).toBe(latestVersion);
  });
});

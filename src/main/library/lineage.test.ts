import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { describe, expect, onTestFinished, test } from 'vitest';
import { LANTERN_SHOT } from '../../../test/prompt/examples';
import { seedFamily } from '../../../test/library/family';
import { expectStudioError, tempDir, thrownBy } from '../../../test/support/fixtures';
import { Lineage as LineageSchema } from '../../shared/remix/calls';
import { openDatabase } from '../db/connection';
import { ClipQueries } from './clipQuery';
import { Cues } from './cues';
import { ANCESTORS_SQL, DESCENDANTS_SQL, Lineage } from './lineage';
import { Projects } from './projects';

async function library(): Promise<{ db: Database; lineage: Lineage; projectId: number }> {
  const dir = await tempDir();
  const db = openDatabase(join(dir, 'library.db'));
  onTestFinished(() => {
    db.close();
  });
  const projectId = new Projects(db).create('Family').id;
  return { db, lineage: new Lineage(db), projectId };
}

function plan(db: Database, sql: string): string[] {
  return db
    .prepare<{ id: number }, { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
    .all({ id: 1 })
    .map((row) => row.detail);
}

describe('lineage queries', () => {
  test('walk up by primary key and down by the parent index, never scanning the clips table', async () => {
    const { db } = await library();
    seedFamily(db, { projectId: 1, size: 50, shape: 'tree', strangers: 500 });
    db.exec('ANALYZE');
    const up = plan(db, ANCESTORS_SQL);
    const down = plan(db, DESCENDANTS_SQL);
    expect(up.join('\n')).toMatch(/SEARCH c USING INTEGER PRIMARY KEY/);
    expect(down.join('\n')).toMatch(/SEARCH c USING (COVERING )?INDEX clips_by_parent \(parent_clip_id=\?\)/);
    // A plain "SCAN c" would read every clip in the library for each step.
    for (const detail of [...up, ...down]) expect(detail).not.toMatch(/^SCAN (c|clips)\b/);
  });

  test('a line lists ancestors, the clip and its descendants, parents before children', async () => {
    const { db, lineage, projectId } = await library();
    // 1 ← 2 ← 3 ← 5, 2 ← 4, and 6 unrelated to 3's line (a sibling branch of 1).
    const [a, b, c] = seedFamily(db, { projectId, size: 3, shape: 'chain' });
    const insert = db.prepare(
      `INSERT INTO clips (project_id, title, provider, duration_ms, media_hash, parent_clip_id, created_at)
       SELECT project_id, ?, provider, duration_ms, media_hash, ?, ? FROM clips WHERE id = ?`,
    );
    const d = Number(insert.run('Sibling of 3', b, 5000, a).lastInsertRowid);
    const e = Number(insert.run('Child of 3', c, 6000, a).lastInsertRowid);
    const f = Number(insert.run('Other branch', a, 7000, a).lastInsertRowid);

    const line = LineageSchema.parse(lineage.get(c ?? 0));
    expect(line.nodes.map((n) => [n.id, n.depth])).toEqual([
      [a, 0],
      [b, 1],
      [c, 2],
      [e, 3],
    ]);
    expect(line.nodes[1]).toMatchObject({ title: 'Version 2', parentId: a, provider: 'local', projectId });

    const family = lineage.get(c ?? 0, 'family');
    expect(family.nodes.map((n) => n.id)).toEqual([a, b, c, e, d, f]);
    expect(family.nodes.map((n) => n.depth)).toEqual([0, 1, 2, 3, 2, 1]);
  });

  test('every version carries its number in the whole family by creation order, in a line too, and so do the library’s pages', async () => {
    const { db, lineage, projectId } = await library();
    // 1 ← 2 ← 3, then 1 ← 4 made with 2, after it (a sibling branch), and a clip on its own.
    const [a, b, c] = seedFamily(db, { projectId, size: 3, shape: 'chain', strangers: 1 });
    const insert = db.prepare(
      `INSERT INTO clips (project_id, title, provider, duration_ms, media_hash, parent_clip_id, created_at)
       SELECT project_id, ?, provider, duration_ms, media_hash, ?, ? FROM clips WHERE id = ?`,
    );
    const d = Number(insert.run('Other branch', a, 1_001, a).lastInsertRowid);
    const alone = Number(db.prepare("SELECT id FROM clips WHERE title = 'Stranger 0'").pluck().get());

    const line = LineageSchema.parse(lineage.get(c ?? 0));
    // The line leaves out the sibling branch, but its numbers count it: 3 was made fourth.
    expect(line.nodes.map((n) => [n.id, n.version])).toEqual([
      [a, 1],
      [b, 2],
      [c, 4],
    ]);
    expect(lineage.get(d, 'family').nodes.map((n) => [n.id, n.version])).toEqual([
      [a, 1],
      [b, 2],
      [c, 4],
      [d, 3],
    ]);
    expect([...lineage.versionsOf([c ?? 0, alone, d, a ?? 0])].sort(([x], [y]) => x - y)).toEqual(
      [
        [a, 1],
        [c, 4],
        [d, 3],
      ].sort(([x], [y]) => (x ?? 0) - (y ?? 0)),
    );

    const page = new ClipQueries(db).page(
      projectId,
      { text: '', filter: {}, sort: { by: 'created', dir: 'asc' } },
      0,
      10,
    );
    expect(page.hits.map((hit) => [hit.clip.id, hit.version])).toEqual([
      [alone, null],
      [a, 1],
      [b, 2],
      [d, 3],
      [c, 4],
    ]);
  });

  test('a version in the Trash stays in its family, marked with when it was trashed', async () => {
    const { db, lineage, projectId } = await library();
    const [a, b, c] = seedFamily(db, { projectId, size: 3, shape: 'chain' });
    db.prepare('UPDATE clips SET trashed_at = 4242 WHERE id = ?').run(b);
    const nodes = LineageSchema.parse(lineage.get(c ?? 0)).nodes;
    expect(nodes.map((n) => [n.id, n.trashedAt])).toEqual([
      [a, null],
      [b, 4242],
      [c, null],
    ]);
  });

  test('a clip with no parent or children is a family of one; an unknown clip is not found', async () => {
    const { db, lineage, projectId } = await library();
    const [only] = seedFamily(db, { projectId, size: 1, shape: 'chain' });
    expect(lineage.get(only ?? 0).nodes.map((n) => n.id)).toEqual([only]);
    expectStudioError(
      thrownBy(() => lineage.get(999)),
      'not_found',
      /Clip 999 does not exist/,
    );
  });

  test('a chain of 1,000 reads whole from either end', async () => {
    const { db, lineage, projectId } = await library();
    const ids = seedFamily(db, { projectId, size: 1000, shape: 'chain' });
    expect(lineage.get(ids.at(-1) ?? 0).nodes).toHaveLength(1000);
    expect(lineage.get(ids[0] ?? 0).nodes.at(-1)).toMatchObject({ id: ids.at(-1), depth: 999 });
  });
});

describe('recordRemix', () => {
  test('stores the diff against the parent and copies its cues as inherited, cut to the new length', async () => {
    const { db, lineage, projectId } = await library();
    const [parent, child] = seedFamily(db, { projectId, size: 2, shape: 'chain' });
    db.prepare(
      `UPDATE clips SET prompt_text = ?, seed = 7, width = 640, height = 360, duration_ms = 8000 WHERE id = ?`,
    ).run(LANTERN_SHOT, parent);
    db.prepare(
      `UPDATE clips SET prompt_text = ?, seed = 8, width = 640, height = 360, duration_ms = 4000 WHERE id = ?`,
    ).run(LANTERN_SHOT.replace(/^Style: .*$/m, 'Style: Noir, high contrast.'), child);
    const cues = new Cues(db, () => 10);
    cues.create(parent ?? 0, [
      { startMs: 1000, endMs: null, label: 'splash lands', note: '', kind: 'note', color: null },
      { startMs: 3000, endMs: 6000, label: 'wind', note: 'keep it soft', kind: 'note', color: null },
      { startMs: 7000, endMs: null, label: 'after the end', note: '', kind: 'note', color: null },
    ]);
    expect(lineage.changes(child ?? 0)).toBeNull();

    lineage.recordRemix(child ?? 0, 20);

    const changes = lineage.changes(child ?? 0);
    expect(changes?.shots[0]?.fields.map((f) => f.key)).toEqual(['style']);
    expect(changes?.params).toEqual([{ name: 'seed', before: '7', after: '8' }]);
    expect(
      cues.list(child ?? 0).map((c) => ({ start: c.startMs, end: c.endMs, label: c.label, inherited: c.inherited })),
    ).toEqual([
      { start: 1000, end: null, label: 'splash lands', inherited: true },
      { start: 3000, end: 4000, label: 'wind', inherited: true },
    ]);
    expect(cues.list(parent ?? 0).every((c) => c.inherited === false)).toBe(true);

    // An inherited cue is the creator's to edit like any other, and keeps saying where it came from.
    const splash = cues.list(child ?? 0)[0];
    const moved = cues.update(splash?.id ?? 0, { startMs: 1200, label: 'splash lands late' });
    expect(moved).toMatchObject({ startMs: 1200, label: 'splash lands late', inherited: true });
  });

  test('a remix that kept its parent’s title gets the next version number; one with its own title keeps it', async () => {
    const { db, lineage, projectId } = await library();
    const [first, second] = seedFamily(db, { projectId, size: 2, shape: 'chain' });
    const title = (id: number | undefined): string =>
      db.prepare<[number], { title: string }>('SELECT title FROM clips WHERE id = ?').get(id ?? 0)?.title ?? '';
    db.prepare(`UPDATE clips SET title = 'Lighthouse at dusk'`).run();
    lineage.recordRemix(second ?? 0, 1);
    expect(title(second)).toBe('Lighthouse at dusk v2');
    // Remixed again from v2, its prompt still titled as the first version was.
    const third = Number(
      db
        .prepare(
          `INSERT INTO clips (project_id, title, provider, duration_ms, media_hash, parent_clip_id, created_at)
           SELECT project_id, 'Lighthouse at dusk', provider, duration_ms, media_hash, id, 5000 FROM clips WHERE id = ?`,
        )
        .run(second ?? 0).lastInsertRowid,
    );
    lineage.recordRemix(third, 2);
    expect(title(third)).toBe('Lighthouse at dusk v3');
    expect(title(first)).toBe('Lighthouse at dusk');
    // The lineage lists them under those titles.
    expect(lineage.get(third, 'line').nodes.map((n) => n.title)).toEqual([
      'Lighthouse at dusk',
      'Lighthouse at dusk v2',
      'Lighthouse at dusk v3',
    ]);

    const [, own] = seedFamily(db, { projectId, size: 2, shape: 'chain' });
    db.prepare(`UPDATE clips SET title = 'Storm at sea' WHERE id = ?`).run(own ?? 0);
    lineage.recordRemix(own ?? 0, 3);
    expect(title(own)).toBe('Storm at sea');
  });

  test('does nothing for a clip without a parent', async () => {
    const { db, lineage, projectId } = await library();
    const [only] = seedFamily(db, { projectId, size: 1, shape: 'chain' });
    lineage.recordRemix(only ?? 0, 1);
    expect(lineage.changes(only ?? 0)).toBeNull();
  });
});

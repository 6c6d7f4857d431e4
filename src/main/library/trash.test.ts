import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { describe, expect, onTestFinished, test } from 'vitest';
import { seedFamily } from '../../../test/library/family';
import { tempDir } from '../../../test/support/fixtures';
import { openDatabase } from '../db/connection';
import { Lineage } from './lineage';
import { Projects } from './projects';
import { Trash, type FileRemover } from './trash';

async function library(): Promise<{ db: Database; trash: Trash; lineage: Lineage; projectId: number }> {
  const dir = await tempDir();
  const db = openDatabase(join(dir, 'library.db'));
  onTestFinished(() => {
    db.close();
  });
  const projectId = new Projects(db).create('Family').id;
  return { db, trash: new Trash(db), lineage: new Lineage(db), projectId };
}

/** The family's files are rows only; nothing to remove from disk. */
const noFiles: FileRemover = { pathOf: () => null, remove: () => Promise.resolve() };

function trashIds(db: Database, ids: readonly number[]): void {
  const mark = db.prepare('UPDATE clips SET trashed_at = 1 WHERE id = ?');
  for (const id of ids) mark.run(id);
}

describe('emptying the Trash keeps the remixes left behind in their family', () => {
  test('a middle version deleted for good: its remix moves up to the grandparent and says what it changed', async () => {
    const { db, trash, lineage, projectId } = await library();
    const [v1, v2, v4] = seedFamily(db, { projectId, size: 3, shape: 'chain' }) as [number, number, number];
    const prompt = db.prepare('UPDATE clips SET prompt_text = ? WHERE id = ?');
    prompt.run('Scene: a lighthouse\nStyle: warm dusk', v2);
    prompt.run('Scene: a lighthouse\nStyle: cold dawn', v4);
    trashIds(db, [v2]);

    expect(trash.list(0, 10)).toMatchObject({ total: 1, withRemixes: 1 });
    expect(await trash.empty(noFiles)).toMatchObject({ clips: 1 });

    expect(lineage.get(v4).nodes.map((n) => [n.id, n.parentId])).toEqual([
      [v1, null],
      [v4, v1],
    ]);
    // What changed is now told against the version it hangs from.
    const changes = lineage.changes(v4);
    expect(changes).not.toBeNull();
    expect(JSON.stringify(changes)).toContain('cold dawn');
    expect(JSON.stringify(changes)).not.toContain('warm dusk');
    expect(trash.list(0, 10)).toMatchObject({ total: 0, withRemixes: 0 });
  });

  test('with every ancestor gone the remix becomes an original; remixes inside the Trash are not counted', async () => {
    const { db, trash, lineage, projectId } = await library();
    const [v1, v2, v3, v4] = seedFamily(db, { projectId, size: 4, shape: 'chain' }) as [number, number, number, number];
    trashIds(db, [v1, v2, v3]);
    // v1 and v2 have their remixes in the Trash too; only v3's remix stays.
    expect(trash.list(0, 10)).toMatchObject({ total: 3, withRemixes: 1 });
    await trash.empty(noFiles);
    expect(lineage.get(v4).nodes.map((n) => [n.id, n.parentId])).toEqual([[v4, null]]);
    expect(lineage.changes(v4)).toBeNull();
  });
});

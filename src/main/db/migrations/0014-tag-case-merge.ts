import type { Database } from 'better-sqlite3';

/**
 * Tags that differ only in the case of letters outside ASCII ("CAFÉ CRÈME", "Café crème") are one
 * tag: the column's NOCASE folds ASCII letters only, so a library could hold both, and the tag
 * filter, the suggestions and the counts listed them apart while adding a tag treated them as one.
 * Each such group keeps the spelling most clips carry (the oldest on a tie); the others' clips carry
 * that one instead, through the triggers that keep the counts and the search index, and smart
 * collections that filtered by another spelling filter by the kept one.
 */
export function up(db: Database): void {
  const tags = db
    .prepare<[], { id: number; name: string; uses: number }>(
      `SELECT t.id, t.name, (SELECT count(*) FROM clip_tags WHERE tag_id = t.id) AS uses
       FROM tags t WHERE t.name GLOB '*[^ -~]*' ORDER BY t.id`,
    )
    .all();
  const groups = new Map<string, { id: number; name: string; uses: number }[]>();
  for (const tag of tags) {
    const key = tag.name.normalize('NFC').toLowerCase();
    groups.set(key, [...(groups.get(key) ?? []), tag]);
  }
  const carry = db.prepare(
    'INSERT OR IGNORE INTO clip_tags (clip_id, tag_id) SELECT clip_id, ? FROM clip_tags WHERE tag_id = ?',
  );
  const untag = db.prepare('DELETE FROM clip_tags WHERE tag_id = ?');
  const drop = db.prepare('DELETE FROM tags WHERE id = ?');
  const refilter = db.prepare(
    `UPDATE saved_filters SET query_json = json_set(query_json, '$.filter.tag', ?)
     WHERE json_extract(query_json, '$.filter.tag') = ?`,
  );
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const kept = [...group].sort((a, b) => b.uses - a.uses || a.id - b.id)[0];
    if (!kept) continue;
    for (const other of group) {
      if (other.id === kept.id) continue;
      carry.run(kept.id, other.id);
      untag.run(other.id);
      drop.run(other.id);
      refilter.run(kept.name, other.name);
    }
  }
}

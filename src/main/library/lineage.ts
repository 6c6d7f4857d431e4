/**
 * A clip's versions: ancestors up the `parent_clip_id` chain and descendants down it, each one
 * recursive CTE that walks the primary key or the `clips_by_parent` index (lineage.test.ts
 * checks the plans), and what a remix changed against its parent, stored when it is made.
 */
import type { Database, Statement } from 'better-sqlite3';
import { StudioError } from '../../shared/errors';
import type { Lineage as LineageResult, LineageNode, LineageScope } from '../../shared/remix/calls';
import { PromptDiff, promptDiff, type VersionFacts } from '../../shared/remix/promptDiff';
import { remixTitle, versionOrder } from '../../shared/remix/versionTitle';
import { refreshCueSearch } from './cueSearch';

/** Far beyond any real family; it only stops a damaged database from looping. */
const MAX_DEPTH = 100_000;

interface NodeRow {
  id: number;
  parent_clip_id: number | null;
  project_id: number;
  title: string;
  provider: string;
  model: string | null;
  seed: number | null;
  duration_ms: number;
  poster_hash: string | null;
  rating: number | null;
  created_at: number;
  trashed_at: number | null;
  depth: number;
}

const NODE_COLUMNS = `c.id, c.parent_clip_id, c.project_id, c.title, c.provider, c.model, c.seed, c.duration_ms,
  c.poster_hash, c.rating, c.created_at, c.trashed_at`;

/**
 * The clip and every ancestor, walking up by primary key; depth counts steps up. CROSS JOIN
 * keeps SQLite from reading the clips table first (it otherwise scans every clip).
 */
export const ANCESTORS_SQL = `
  WITH RECURSIVE up(id, parent, depth) AS (
    SELECT id, parent_clip_id, 0 FROM clips WHERE id = @id
    UNION ALL
    SELECT c.id, c.parent_clip_id, up.depth + 1 FROM up JOIN clips c ON c.id = up.parent
    WHERE up.depth < ${MAX_DEPTH}
  )
  SELECT ${NODE_COLUMNS}, up.depth FROM up CROSS JOIN clips c ON c.id = up.id ORDER BY up.depth DESC`;

/** The clip and every descendant, walking down the clips_by_parent index; depth counts steps down. */
export const DESCENDANTS_SQL = `
  WITH RECURSIVE down(id, depth) AS (
    SELECT @id, 0
    UNION ALL
    SELECT c.id, down.depth + 1 FROM down JOIN clips c ON c.parent_clip_id = down.id
    WHERE down.depth < ${MAX_DEPTH}
  )
  SELECT ${NODE_COLUMNS}, down.depth FROM down CROSS JOIN clips c ON c.id = down.id ORDER BY down.depth, c.created_at, c.id`;

function toNode(row: NodeRow, depth: number, versions: ReadonlyMap<number, number>): LineageNode {
  return {
    id: row.id,
    parentId: row.parent_clip_id,
    projectId: row.project_id,
    title: row.title,
    provider: row.provider,
    model: row.model,
    seed: row.seed,
    durationMs: row.duration_ms,
    posterId: row.poster_hash,
    rating: row.rating,
    createdAt: row.created_at,
    trashedAt: row.trashed_at,
    depth,
    version: versions.get(row.id) ?? 1,
  };
}

function notFound(id: number): StudioError {
  return new StudioError('not_found', `Clip ${id} does not exist; it may have been deleted.`);
}

/** Parents before children, siblings oldest first: the order a tree is read in. */
function treeOrder(nodes: LineageNode[]): LineageNode[] {
  const children = new Map<number | null, LineageNode[]>();
  const ids = new Set(nodes.map((n) => n.id));
  for (const node of nodes) {
    const key = node.parentId !== null && ids.has(node.parentId) ? node.parentId : null;
    const list = children.get(key) ?? [];
    list.push(node);
    children.set(key, list);
  }
  const out: LineageNode[] = [];
  const stack = [...(children.get(null) ?? [])].reverse();
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node) break;
    out.push(node);
    stack.push(...[...(children.get(node.id) ?? [])].reverse());
  }
  return out;
}

interface FactsRow {
  prompt_text: string | null;
  provider: string;
  model: string | null;
  seed: number | null;
  width: number | null;
  height: number | null;
  duration_ms: number;
  parent_clip_id: number | null;
}

export class Lineage {
  // Prepared once: the library's pages read a family for each clip with versions.
  private readonly up: Statement<{ id: number }, NodeRow>;
  private readonly down: Statement<{ id: number }, NodeRow>;
  private readonly versions: Statement<[string], { id: number; version: number }>;

  constructor(private readonly db: Database) {
    this.up = db.prepare<{ id: number }, NodeRow>(ANCESTORS_SQL);
    this.down = db.prepare<{ id: number }, NodeRow>(DESCENDANTS_SQL);
    // Every family the clips belong to, read at once: up to each clip's original, down from the
    // originals, numbered by creation order within each (as versionOrder does); families of one left out.
    this.versions = db.prepare<[string], { id: number; version: number }>(`
      WITH RECURSIVE
        up(start, id, parent, depth) AS (
          SELECT c.id, c.id, c.parent_clip_id, 0 FROM clips c WHERE c.id IN (SELECT value FROM json_each(?))
          UNION ALL
          SELECT up.start, c.id, c.parent_clip_id, up.depth + 1 FROM up JOIN clips c ON c.id = up.parent
          WHERE up.depth < ${MAX_DEPTH}
        ),
        roots(start, root) AS (SELECT start, id FROM up WHERE parent IS NULL),
        down(root, id, depth) AS (
          SELECT DISTINCT root, root, 0 FROM roots
          UNION ALL
          SELECT down.root, c.id, down.depth + 1 FROM down JOIN clips c ON c.parent_clip_id = down.id
          WHERE down.depth < ${MAX_DEPTH}
        ),
        ranked(root, id, version, size) AS (
          SELECT down.root, down.id,
                 row_number() OVER (PARTITION BY down.root ORDER BY c.created_at, c.id),
                 count(*) OVER (PARTITION BY down.root)
          FROM down CROSS JOIN clips c ON c.id = down.id
        )
      SELECT roots.start AS id, ranked.version AS version
      FROM roots JOIN ranked ON ranked.root = roots.root AND ranked.id = roots.start
      WHERE ranked.size > 1`);
  }

  private ancestors(id: number): NodeRow[] {
    return this.up.all({ id });
  }

  private descendants(id: number): NodeRow[] {
    return this.down.all({ id });
  }

  get(clipId: number, scope: LineageScope = 'line'): LineageResult {
    const up = this.ancestors(clipId);
    const root = up[0];
    if (!root) throw notFound(clipId);
    const family = this.descendants(root.id);
    const versions = versionOrder(family.map((row) => ({ id: row.id, createdAt: row.created_at })));
    if (scope === 'family') {
      return { clipId, nodes: treeOrder(family.map((row) => toNode(row, row.depth, versions))) };
    }
    const height = up.length - 1;
    const above = up.slice(0, -1).map((row) => toNode(row, height - row.depth, versions));
    const below = this.descendants(clipId).map((row) => toNode(row, height + row.depth, versions));
    return { clipId, nodes: treeOrder([...above, ...below]) };
  }

  /**
   * The version number of each of `ids` that has another version (a parent or a remix), in its
   * whole family by creation order; a clip on its own is left out. One query for all of them.
   */
  versionsOf(ids: readonly number[]): Map<number, number> {
    const out = new Map<number, number>();
    if (ids.length === 0) return out;
    for (const row of this.versions.all(JSON.stringify(ids))) out.set(row.id, row.version);
    return out;
  }

  /** What the clip changed against its parent, as stored when it was made. */
  changes(clipId: number): PromptDiff | null {
    const row = this.db
      .prepare<[number], { changes_json: string | null }>('SELECT changes_json FROM clips WHERE id = ?')
      .get(clipId);
    if (!row) throw notFound(clipId);
    if (row.changes_json === null) return null;
    const parsed = PromptDiff.safeParse(JSON.parse(row.changes_json));
    if (!parsed.success)
      throw new StudioError(
        'internal',
        `The changes stored with clip ${clipId} cannot be read; compare it with its parent instead.`,
      );
    return parsed.data;
  }

  private facts(id: number): FactsRow {
    const row = this.db
      .prepare<[number], FactsRow>(
        'SELECT prompt_text, provider, model, seed, width, height, duration_ms, parent_clip_id FROM clips WHERE id = ?',
      )
      .get(id);
    if (!row) throw notFound(id);
    return row;
  }

  /** A remix that kept its parent's title is told apart by its version number (versionTitle.ts). */
  private nameRemix(childId: number, parentId: number): void {
    const title = (id: number): string =>
      this.db.prepare<[number], { title: string }>('SELECT title FROM clips WHERE id = ?').get(id)?.title ?? '';
    const family = this.get(childId, 'family').nodes.map((n) => n.title);
    const named = remixTitle(title(childId), title(parentId), family);
    if (named !== title(childId)) this.db.prepare('UPDATE clips SET title = ? WHERE id = ?').run(named, childId);
  }

  /** The diff between a clip and its parent, as `changes_json` stores it. */
  private diffWithParent(child: FactsRow, parentId: number): PromptDiff {
    const parent = this.facts(parentId);
    const facts = (row: FactsRow): VersionFacts => ({
      promptText: row.prompt_text,
      provider: row.provider,
      model: row.model,
      seed: row.seed,
      width: row.width,
      height: row.height,
    });
    return promptDiff(facts(parent), facts(child));
  }

  /**
   * Gives a clip a new parent (null: it becomes an original) and stores what it changed against
   * that parent. Used when its own parent is deleted for good. Runs inside the caller's transaction.
   */
  reattach(childId: number, parentId: number | null): void {
    const child = this.facts(childId);
    const changes = parentId === null ? null : JSON.stringify(this.diffWithParent(child, parentId));
    this.db
      .prepare('UPDATE clips SET parent_clip_id = ?, changes_json = ? WHERE id = ?')
      .run(parentId, changes, childId);
  }

  /**
   * For a clip just made from a parent: stores the diff against the parent and copies the
   * parent's cues, marked inherited, that fit in the new clip (a range is cut at its end).
   * Runs inside the caller's transaction.
   */
  recordRemix(childId: number, now: number): void {
    const child = this.facts(childId);
    if (child.parent_clip_id === null) return;
    const diff = this.diffWithParent(child, child.parent_clip_id);
    this.nameRemix(childId, child.parent_clip_id);
    this.db.prepare('UPDATE clips SET changes_json = ? WHERE id = ?').run(JSON.stringify(diff), childId);
    this.db
      .prepare(
        `INSERT INTO cues (clip_id, start_ms, end_ms, label, note, kind, color, created_at, updated_at, inherited)
         SELECT @child, start_ms, CASE WHEN end_ms > @duration THEN @duration ELSE end_ms END,
                label, note, kind, color, @now, @now, 1
         FROM cues WHERE clip_id = @parent AND start_ms <= @duration ORDER BY start_ms, id`,
      )
      .run({ child: childId, parent: child.parent_clip_id, duration: child.duration_ms, now });
    refreshCueSearch(this.db);
  }
}

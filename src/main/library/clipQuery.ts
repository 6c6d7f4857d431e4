import type { Database } from 'better-sqlite3';
import type { Clip } from '../../shared/domain';
import type { ClipFilter, ClipQuery, SnippetPart, SortKey } from '../../shared/library/organise';
import { CLIP_COLUMNS, matchExpression, toClip, type ClipRow } from './clips';

export interface ClipHit {
  clip: Clip;
  /** What the search matched, with the matching words marked; null without search text. */
  snippet: SnippetPart[] | null;
}

export interface ClipPage {
  /** Clips the query finds in all, of which `hits` is one page. */
  total: number;
  hits: ClipHit[];
}

type Param = string | number;

const MARK_START = '\u0001';
const MARK_END = '\u0002';

/** Each expression matches an index of migration 0004 where one exists, so the grid's sorts never sort the project. */
const ORDER: Record<Exclude<SortKey, 'relevance'>, string> = {
  created: 'c.created_at',
  title: 'c.title COLLATE NOCASE',
  duration: 'c.duration_ms',
  rating: 'coalesce(c.rating, 0)',
  size: 'm.bytes',
  fps: 'c.fps',
  provider: 'c.provider',
  model: 'c.model',
  seed: 'c.seed',
  tags: '(SELECT min(t.name) FROM clip_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.clip_id = c.id)',
};

const FLAG_CONDITION = {
  pick: 'c.flag = 1',
  reject: 'c.flag = -1',
  flagged: 'c.flag <> 0',
  unflagged: 'c.flag = 0',
} as const;

function filterConditions(filter: ClipFilter): { where: string[]; params: Param[] } {
  const where: string[] = [];
  const params: Param[] = [];
  if (filter.provider !== undefined) {
    where.push('c.provider = ?');
    params.push(filter.provider);
  }
  if (filter.tag !== undefined) {
    where.push('c.id IN (SELECT ct.clip_id FROM clip_tags ct JOIN tags t ON t.id = ct.tag_id WHERE t.name = ?)');
    params.push(filter.tag);
  }
  if (filter.minRating !== undefined) {
    where.push('coalesce(c.rating, 0) >= ?');
    params.push(filter.minRating);
  }
  if (filter.flag !== undefined) where.push(FLAG_CONDITION[filter.flag]);
  if (filter.color !== undefined) {
    where.push('c.color_label = ?');
    params.push(filter.color);
  }
  if (filter.hasCues !== undefined) {
    where.push(`${filter.hasCues ? '' : 'NOT '}EXISTS (SELECT 1 FROM cues WHERE cues.clip_id = c.id)`);
  }
  if (filter.isRemix !== undefined) where.push(`c.parent_clip_id IS ${filter.isRemix ? 'NOT ' : ''}NULL`);
  if (filter.from !== undefined) {
    where.push('c.created_at >= ?');
    params.push(filter.from);
  }
  if (filter.to !== undefined) {
    where.push('c.created_at < ?');
    params.push(filter.to);
  }
  return { where, params };
}

/** Splits FTS5 snippet() output at its markers into plain and matched parts. */
export function snippetParts(text: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let rest = text;
  while (rest.length > 0) {
    const start = rest.indexOf(MARK_START);
    if (start === -1) {
      parts.push({ text: rest, match: false });
      break;
    }
    if (start > 0) parts.push({ text: rest.slice(0, start), match: false });
    const end = rest.indexOf(MARK_END, start + 1);
    const stop = end === -1 ? rest.length : end;
    parts.push({ text: rest.slice(start + 1, stop), match: true });
    rest = rest.slice(stop + 1);
  }
  return parts.filter((part) => part.text.length > 0);
}

/** Pages of one project's clips (never the Trash), searched, filtered and sorted. */
export class ClipQueries {
  constructor(private readonly db: Database) {}

  /**
   * Two steps: the page's ids from the indexes alone (skipping `offset` rows costs index
   * steps, not row reads), then the columns, tags and snippet of those ids only.
   */
  page(projectId: number, query: ClipQuery, offset: number, limit: number): ClipPage {
    const match = matchExpression(query.text);
    if (query.text !== '' && match === null) return { total: 0, hits: [] };
    const { where, params } = filterConditions(query.filter);
    const conditions = ['c.project_id = ?', 'c.trashed_at IS NULL', ...where];
    const head: Param[] = [projectId, ...params];
    const by = query.sort.by === 'relevance' ? (match === null ? 'created' : 'relevance') : query.sort.by;
    let from = 'clips c';
    if (by === 'relevance') {
      // CROSS JOIN keeps the search index first: the planner must never run the match once per clip.
      from = 'clip_search s CROSS JOIN clips c ON c.id = s.rowid';
      conditions.unshift('clip_search MATCH ?');
      head.unshift(match ?? '');
    } else if (match !== null) {
      // A set of matching ids, so a sorted page can walk its sort's index and stop after `limit`.
      conditions.push('c.id IN (SELECT rowid FROM clip_search WHERE clip_search MATCH ?)');
      head.push(match);
    }
    if (by === 'size') from += ' JOIN media m ON m.id = c.media_hash';
    const whereSql = conditions.join(' AND ');
    const total = this.db
      .prepare<Param[], number>(`SELECT count(*) FROM ${from} WHERE ${whereSql}`)
      .pluck()
      .get(...head);
    const dir = query.sort.dir === 'asc' ? 'ASC' : 'DESC';
    // Relevance is best first whichever way is asked; ties fall back to the newest clip.
    const order = by === 'relevance' ? 's.rank, c.created_at DESC, c.id DESC' : `${ORDER[by]} ${dir}, c.id ${dir}`;
    const ids = this.db
      .prepare<Param[], number>(`SELECT c.id FROM ${from} WHERE ${whereSql} ORDER BY ${order} LIMIT ? OFFSET ?`)
      .pluck()
      .all(...head, limit, offset);
    return { total: total ?? 0, hits: this.hits(ids, match) };
  }

  private hits(ids: readonly number[], match: string | null): ClipHit[] {
    if (ids.length === 0) return [];
    const json = JSON.stringify(ids);
    const rows = new Map(
      this.db
        .prepare<[string], ClipRow>(
          `SELECT ${CLIP_COLUMNS} FROM clips c JOIN media m ON m.id = c.media_hash
           WHERE c.id IN (SELECT value FROM json_each(?))`,
        )
        .all(json)
        .map((row) => [row.id, row]),
    );
    const snippets = new Map<number, string>();
    if (match !== null) {
      const found = this.db
        .prepare<[string, string], { id: number; snippet: string }>(
          `SELECT rowid AS id, snippet(clip_search, -1, char(1), char(2), '…', 12) AS snippet
           FROM clip_search WHERE clip_search MATCH ? AND rowid IN (SELECT value FROM json_each(?))`,
        )
        .all(match, json);
      for (const row of found) snippets.set(row.id, row.snippet);
    }
    return ids.flatMap((id) => {
      const row = rows.get(id);
      if (!row) return [];
      const snippet = snippets.get(id);
      return [{ clip: toClip(row), snippet: snippet === undefined ? null : snippetParts(snippet) }];
    });
  }
}

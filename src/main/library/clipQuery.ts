import type { Database, Statement } from 'better-sqlite3';
import type { Clip } from '../../shared/domain';
import type { ClipFilter, ClipQuery, SnippetPart, SortKey } from '../../shared/library/organise';
import {
  ACCENT_CONDITION,
  accentMatch,
  CLIP_COLUMNS,
  matchExpression,
  mayMatchScope,
  searchWords,
  toClip,
  type ClipRow,
} from './clips';
import { refreshCueSearch } from './cueSearch';
import { Lineage } from './lineage';

export interface ClipHit {
  clip: Clip;
  /** What the search matched, with the matching words marked; null without search text. */
  snippet: SnippetPart[] | null;
  /** Its version number in its family (1 for the original); null for a clip with no other version. */
  version: number | null;
}

export interface ClipPage {
  /** Clips the query finds in all, of which `hits` is one page. */
  total: number;
  hits: ClipHit[];
}

type Param = string | number;

/** Marks matched words with \u0001 … \u0002 in up to 12 words of the column that matched best. */
const SNIPPET = `snippet(clip_search, -1, char(1), char(2), '…', 12)`;

interface SnippetRow {
  id: number;
  snippet: string;
}

/** Beyond this many other projects with clips, a search walks its own project's token instead. */
const MAX_OTHER_PROJECTS = 50;

const MARK_START = '\u0001';
const MARK_END = '\u0002';

/** Each expression matches an index of migrations 0005 and 0006 (all but tags), so a page walks its sort's index. */
const ORDER: Record<Exclude<SortKey, 'relevance'>, string> = {
  created: 'c.created_at',
  title: 'c.title COLLATE NOCASE',
  duration: 'c.duration_ms',
  rating: 'coalesce(c.rating, 0)',
  size: 'c.media_bytes',
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
/** The conditions and leading parameters of a query read through its filters alone (no search text). */
function filtersOnly(projectId: number, query: ClipQuery): { conditions: string; head: Param[] } {
  const { where, params } = filterConditions(query.filter);
  return {
    conditions: ['c.project_id = ?', 'c.trashed_at IS NULL', ...where].join(' AND '),
    head: [projectId, ...params],
  };
}

export class ClipQueries {
  private readonly statements = new Map<string, Statement<Param[]>>();
  /** Totals of the queries asked since the library last changed; the grid asks each query once per page. */
  private readonly totals = new Map<string, number>();
  private totalsVersion = '';
  /** Search words that start one indexed word only, with that word (null: several or none); kept like the totals. */
  private readonly wholeWords = new Map<string, string | null>();
  /** Per project, the scope tokens a search leaves out (null: it keeps to its own); kept like the totals. */
  private readonly elsewhereTokens = new Map<number, string[] | null>();
  private termsReady = false;
  private readonly lineage: Lineage;

  constructor(private readonly db: Database) {
    this.lineage = new Lineage(db);
  }

  private statement(sql: string): Statement<Param[]> {
    let statement = this.statements.get(sql);
    if (!statement) {
      // Queries differ only in which filters and sort they use, so the shapes are few.
      if (this.statements.size > 500) this.statements.clear();
      statement = this.db.prepare<Param[]>(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  private ids(sql: string, params: readonly Param[]): number[] {
    return this.statement(sql)
      .pluck()
      .all(...params) as number[];
  }

  /** What was written to the library: this connection's changes and, before the colon, other connections'. */
  private version(): string {
    const changes = this.statement('SELECT total_changes()').pluck().get() as number;
    return `${String(this.db.pragma('data_version', { simple: true }))}:${changes}`;
  }

  /** Forgets counts and whole words when anything in the library was written (here or by another connection). */
  private current(): void {
    const version = this.version();
    if (version !== this.totalsVersion) {
      this.totals.clear();
      this.wholeWords.clear();
      this.elsewhereTokens.clear();
      this.totalsVersion = version;
    }
  }

  /**
   * How a search keeps to one project's clips outside the Trash (migrations 0006, 0007, 0009).
   * FTS5 walks every token's list as far as the match goes, and the project's token lists every
   * clip of the project; so a project that holds most of the library leaves out the clips elsewhere
   * (the Trash and the other projects, short lists) instead. With a minimum rating the project's
   * rating tokens say which clips.
   */
  private scope(projectId: number, minRating: number | undefined): (expression: string) => string {
    if (minRating !== undefined) {
      const tokens: string[] = [];
      for (let rating = Math.max(0, minRating); rating <= 5; rating++) tokens.push(`p${projectId}r${rating}`);
      return (expression) => `{scope}: (${tokens.join(' OR ')}) AND (${expression})`;
    }
    const elsewhere = this.elsewhere(projectId);
    if (elsewhere === null) return (expression) => `{scope}: p${projectId} AND (${expression})`;
    return (expression) => `(${expression}) NOT {scope}: (${elsewhere.join(' OR ')})`;
  }

  /**
   * The scope tokens of every indexed clip outside this project or in the Trash (`trashed`,
   * `p2`, …), when those are fewer than the project's own clips; null otherwise. Kept like the
   * totals.
   */
  private elsewhere(projectId: number): string[] | null {
    this.current();
    const known = this.elsewhereTokens.get(projectId);
    if (known !== undefined) return known;
    const all = this.count('all', 'SELECT count(*) FROM clips', []);
    // Counts no further than half the library: past that the project's own token is the shorter list.
    const half = Math.floor(all / 2) + 1;
    const outside = this.count(
      `${projectId}|outside`,
      `SELECT count(*) FROM (
         SELECT 1 FROM clips WHERE project_id < ? UNION ALL SELECT 1 FROM clips WHERE project_id > ?
         UNION ALL SELECT 1 FROM clips WHERE trashed_at IS NOT NULL AND project_id = ? LIMIT ?)`,
      [projectId, projectId, projectId, half],
    );
    let tokens: string[] | null = null;
    if (outside < half) {
      const others = this.ids(
        `SELECT p.id FROM projects p WHERE p.id <> ?
           AND EXISTS (SELECT 1 FROM clips c WHERE c.project_id = p.id AND c.trashed_at IS NULL)`,
        [projectId],
      );
      if (others.length <= MAX_OTHER_PROJECTS) tokens = ['trashed', ...others.map((id) => `p${id}`)];
    }
    this.elsewhereTokens.set(projectId, tokens);
    return tokens;
  }

  /**
   * Runs a write that changes only what `fields` filter on (a rating, a flag, a colour label):
   * the counts of queries that filter on none of them are kept, so the grid that shows a search
   * does not count it again after a star is set. Anything else written meanwhile forgets them all.
   */
  keepingCounts<T>(fields: readonly (keyof ClipFilter)[], write: () => T): T {
    const before = this.version();
    const result = write();
    if (before !== this.totalsVersion) return result;
    const after = this.version();
    // Another connection wrote meanwhile when the part before the colon moved.
    if (after.split(':')[0] !== before.split(':')[0]) return result;
    this.totalsVersion = after;
    for (const key of [...this.totals.keys()]) {
      if (fields.some((field) => key.includes(`"${field}":`))) this.totals.delete(key);
    }
    return result;
  }

  /** A count, kept until anything in the library is written (here or by another connection). */
  private count(key: string, sql: string, params: readonly Param[]): number {
    this.current();
    let total = this.totals.get(key);
    if (total === undefined) {
      total =
        (this.statement(sql)
          .pluck()
          .get(...params) as number | undefined) ?? 0;
      if (this.totals.size > 200) this.totals.clear();
      this.totals.set(key, total);
    }
    return total;
  }

  /**
   * The query's search words and match expression, and the key its count is kept under; null
   * when it has text that can match nothing. Cue text changed since the last search is indexed
   * before the words are looked up.
   */
  private read(
    projectId: number,
    query: ClipQuery,
  ): { words: string[]; whole: Map<string, string>; match: string | null; accents: Accents; key: string } | null {
    if (query.text !== '') refreshCueSearch(this.db);
    const words = searchWords(query.text);
    const whole = this.whole(words);
    const match = matchExpression(words, textColumns(words, whole), whole);
    if (query.text !== '' && match === null) return null;
    const accents = accentMatch(words);
    return { words, whole, match, accents, key: `${projectId}|${query.text}|${JSON.stringify(query.filter)}` };
  }

  /**
   * Two steps: the page's ids from the indexes alone (skipping `offset` rows costs index
   * steps, not row reads), then the columns, tags and snippet of those ids only.
   */
  page(projectId: number, query: ClipQuery, offset: number, limit: number): ClipPage {
    const { total, ids, snippets } = this.ordered(projectId, query, offset, limit, true);
    return { total, hits: this.hits(ids, snippets) };
  }

  /**
   * The ids at `offset` to `offset + limit - 1` in the query's order, as its pages list them
   * (Shift+click's range across pages the grid has not loaded): the first of a page's two
   * steps only, so no clip row is read and no snippet made.
   */
  idRange(projectId: number, query: ClipQuery, offset: number, limit: number): number[] {
    return this.ordered(projectId, query, offset, limit, false).ids;
  }

  /** The ids in the query's order from `offset`, with the total, and their snippets when asked for. */
  private ordered(
    projectId: number,
    query: ClipQuery,
    offset: number,
    limit: number,
    withSnippets: boolean,
  ): { total: number; ids: number[]; snippets: Map<number, string> | null } {
    const read = this.read(projectId, query);
    if (read === null) return { total: 0, ids: [], snippets: null };
    const { words, whole, match, accents, key } = read;
    if (match === null) {
      const { conditions, head } = filtersOnly(projectId, query);
      const by = query.sort.by === 'relevance' ? 'created' : query.sort.by;
      const total = this.count(key, `SELECT count(*) FROM clips c WHERE ${conditions}`, head);
      const ids = this.ids(
        `SELECT c.id FROM clips c WHERE ${conditions} ORDER BY ${order(by, query.sort.dir)} LIMIT ? OFFSET ?`,
        [...head, limit, offset],
      );
      return { total, ids, snippets: null };
    }
    // The project, its ratings and the Trash are in the index's scope column, so without other
    // filters a search never reads a clip row to count or page.
    const { minRating, ...rest } = query.filter;
    const { where, params } = filterConditions(rest);
    const scoped = this.scope(projectId, minRating);
    const search = new SearchScope(where, params, accents);
    const total = this.count(key, search.countSql, [scoped(match), ...search.params]);
    if (query.sort.by === 'relevance') {
      const found = this.bestFirst(key, search, scoped, words, whole, offset, limit, withSnippets);
      return {
        total,
        ids: found.map((row) => row.id),
        snippets: withSnippets ? new Map(found.map((row) => [row.id, row.snippet ?? ''])) : null,
      };
    }
    const ids = this.sortedSearch(
      { projectId, where, params, accents },
      order(query.sort.by, query.sort.dir),
      scoped(match),
      total,
      offset,
      limit,
    );
    return { total, ids, snippets: withSnippets ? this.snippets(ids, match) : null };
  }

  /**
   * Every clip the query finds, up to `limit`, in no particular order (Select all), with the
   * total. Without search text the filters alone; with it, the search index as a page reads it.
   */
  allIds(projectId: number, query: ClipQuery, limit: number): { total: number; ids: number[] } {
    const read = this.read(projectId, query);
    if (read === null) return { total: 0, ids: [] };
    const { match, accents, key } = read;
    if (match === null) {
      const { conditions, head } = filtersOnly(projectId, query);
      const total = this.count(key, `SELECT count(*) FROM clips c WHERE ${conditions}`, head);
      return { total, ids: this.ids(`SELECT c.id FROM clips c WHERE ${conditions} LIMIT ?`, [...head, limit]) };
    }
    const { minRating, ...rest } = query.filter;
    const { where, params } = filterConditions(rest);
    const search = new SearchScope(where, params, accents);
    const scoped = this.scope(projectId, minRating)(match);
    const total = this.count(key, search.countSql, [scoped, ...search.params]);
    return { total, ids: this.ids(search.idsSql, [scoped, ...search.params, limit]) };
  }

  /** How many of these clips are outside the Trash, with their length and media file size summed. */
  summary(ids: readonly number[]): { clips: number; durationMs: number; bytes: number } {
    return this.statement(
      `SELECT count(*) AS clips, coalesce(sum(c.duration_ms), 0) AS durationMs, coalesce(sum(m.bytes), 0) AS bytes
       FROM clips c JOIN media m ON m.id = c.media_hash
       WHERE c.id IN (SELECT value FROM json_each(?)) AND c.trashed_at IS NULL`,
    ).get(JSON.stringify(ids)) as { clips: number; durationMs: number; bytes: number };
  }

  /** The ids of a search's page in one of the sorts (`scopedMatch` finds the clips). */
  private sortedSearch(
    {
      projectId,
      where,
      params,
      accents,
    }: { projectId: number; where: readonly string[]; params: readonly Param[]; accents: Accents },
    orderBy: string,
    scopedMatch: string,
    total: number,
    offset: number,
    limit: number,
  ): number[] {
    const conditions = ['c.project_id = ?', 'c.trashed_at IS NULL', ...where];
    const live = this.count(
      `${projectId}|live`,
      'SELECT count(*) FROM clips c WHERE c.project_id = ? AND c.trashed_at IS NULL',
      [projectId],
    );
    // Many matches: walk the sort's index, probing the set of matching ids (`+` keeps it a
    // probe), and stop after the page; an index step costs about a fifth of a row read. Few
    // matches: read just those and sort them.
    const walk = total * total * 5 > live * (offset + limit);
    const matching =
      accents === null
        ? 'SELECT rowid FROM clip_search WHERE clip_search MATCH ?'
        : `SELECT s.rowid FROM clip_search s WHERE clip_search MATCH ? AND ${ACCENT_CONDITION}`;
    conditions.push(`${walk ? '+' : ''}c.id IN (${matching})`);
    return this.ids(`SELECT c.id FROM clips c WHERE ${conditions.join(' AND ')} ORDER BY ${orderBy} LIMIT ? OFFSET ?`, [
      projectId,
      ...params,
      scopedMatch,
      ...(accents === null ? [] : [accents]),
      limit,
      offset,
    ]);
  }

  /**
   * Best matches first: clips with every word in the title, then the other matches, each
   * group newest first. Each group comes from the search index in rowid order, so a page
   * stops after `limit` rows instead of scoring every match, and makes snippets for those
   * rows only (the scope column, last, never wins a snippet over the text that matched).
   */
  private bestFirst(
    key: string,
    search: SearchScope,
    scoped: (expression: string) => string,
    words: readonly string[],
    whole: ReadonlyMap<string, string>,
    offset: number,
    limit: number,
    withSnippets: boolean,
  ): { id: number; snippet?: string }[] {
    const inTitle = matchExpression(words, 'title', whole) ?? '';
    const anywhere = matchExpression(words, textColumns(words, whole), whole) ?? '';
    const first = scoped(inTitle);
    const rest = scoped(`(${anywhere}) NOT (${inTitle})`);
    const rows = (params: readonly Param[]): { id: number; snippet?: string }[] =>
      this.statement(withSnippets ? search.pageSql : search.rangeSql).all(...params) as SnippetRow[];
    const found = rows([first, ...search.params, limit, offset]);
    if (found.length === limit) return found;
    // Past the clips with every word in the title: skip as many of the rest as the page's offset goes beyond them.
    const skip =
      found.length > 0 || offset === 0
        ? 0
        : offset - this.count(`${key}|title`, search.countSql, [first, ...search.params]);
    return [...found, ...rows([rest, ...search.params, limit - found.length, Math.max(0, skip)])];
  }

  /**
   * The search words (ASCII letters and digits, longer than the index's 3-character prefixes)
   * that start exactly one indexed word, each with that word. FTS5 answers a longer prefix by
   * merging the lists of every term it starts, for every match, in each statement that uses it;
   * a single term is read lazily and stops with the page. Same clips, same snippets.
   */
  private whole(words: readonly string[]): Map<string, string> {
    const whole = new Map<string, string>();
    const candidates = words.filter((word) => word.length > 3 && /^[A-Za-z0-9]+$/.test(word));
    if (candidates.length === 0) return whole;
    this.current();
    if (!this.termsReady) {
      this.db.exec('CREATE VIRTUAL TABLE IF NOT EXISTS temp.clip_search_terms USING fts5vocab(main, clip_search, row)');
      this.termsReady = true;
    }
    for (const word of candidates) {
      const prefix = word.toLowerCase();
      let term = this.wholeWords.get(prefix);
      if (term === undefined) {
        term = this.onlyTermStarting(prefix);
        if (this.wholeWords.size > 1000) this.wholeWords.clear();
        this.wholeWords.set(prefix, term);
      }
      if (term !== null) whole.set(word, term);
    }
    return whole;
  }

  /**
   * The one indexed word that starts with `prefix` (the prefix itself when none does: it then
   * matches nothing either way), or null when several do. The vocabulary counts each word it
   * steps on through its whole list, so the word equal to the prefix, a typed word's usual case,
   * is stepped over (\u0000 sorts right after it) and asked about only when a longer word exists.
   */
  private onlyTermStarting(prefix: string): string | null {
    // U+10FFFF sorts after any character that could follow the prefix.
    const last = `${prefix}\u{10FFFF}`;
    const after = (from: string): string | undefined =>
      this.statement('SELECT term FROM temp.clip_search_terms WHERE term >= ? AND term <= ? LIMIT 1')
        .pluck()
        .get(`${from}\u0000`, last) as string | undefined;
    const longer = after(prefix);
    if (longer === undefined) return prefix;
    if (after(longer) !== undefined) return null;
    const itself = this.statement('SELECT 1 FROM temp.clip_search_terms WHERE term = ?').pluck().get(prefix);
    return itself === undefined ? longer : null;
  }

  /** Snippets of these rows for a search; null when there is no search text. */
  private snippets(ids: readonly number[], match: string): Map<number, string> {
    const snippets = new Map<number, string>();
    if (ids.length === 0) return snippets;
    // One walk of the match over the page's rowid range, snippets for the page's rows only.
    // `+rowid` keeps the id list a filter: as a lookup it would run the match again per id,
    // merging every prefix's lists each time.
    const found = this.statement(
      `SELECT rowid AS id, ${SNIPPET} AS snippet
       FROM clip_search WHERE clip_search MATCH ? AND rowid BETWEEN ? AND ? AND +rowid IN (SELECT value FROM json_each(?))`,
    ).all(match, Math.min(...ids), Math.max(...ids), JSON.stringify(ids)) as SnippetRow[];
    for (const row of found) snippets.set(row.id, row.snippet);
    return snippets;
  }

  private hits(ids: readonly number[], snippets: ReadonlyMap<number, string> | null): ClipHit[] {
    if (ids.length === 0) return [];
    const json = JSON.stringify(ids);
    const rows = new Map(
      (
        this.statement(
          `SELECT ${CLIP_COLUMNS} FROM clips c JOIN media m ON m.id = c.media_hash
           WHERE c.id IN (SELECT value FROM json_each(?))`,
        ).all(json) as ClipRow[]
      ).map((row) => [row.id, row]),
    );
    const versions = this.lineage.versionsOf(ids);
    return ids.flatMap((id) => {
      const row = rows.get(id);
      if (!row) return [];
      const snippet = snippets?.get(id);
      return [
        {
          clip: toClip(row),
          snippet: snippet === undefined ? null : snippetParts(snippet),
          version: versions.get(id) ?? null,
        },
      ];
    });
  }
}

/** Where search words are matched: the text columns, or every column when no word could match the scope's tokens. */
function textColumns(words: readonly string[], whole: ReadonlyMap<string, string>): string | null | undefined {
  return mayMatchScope(words, whole) ? undefined : null;
}

function order(by: Exclude<SortKey, 'relevance'>, direction: 'asc' | 'desc'): string {
  const dir = direction === 'asc' ? 'ASC' : 'DESC';
  return `${ORDER[by]} ${dir}, c.id ${dir}`;
}

/** The query of the index that keeps accents, `ACCENT_CONDITION`'s parameter (`accentMatch`); null when no search word has an accent. */
type Accents = string | null;

/**
 * The search index alone when only the project and the Trash narrow a search; joined to clips for
 * other filters. `params` are the filters' parameters, then the accent check's when there is one.
 */
class SearchScope {
  readonly countSql: string;
  readonly pageSql: string;
  /** The page's statement without its snippets. */
  readonly rangeSql: string;
  readonly idsSql: string;
  readonly params: readonly Param[];

  constructor(where: readonly string[], params: readonly Param[], accents: Accents) {
    this.params = accents === null ? params : [...params, accents];
    const filters = [...where, ...(accents === null ? [] : [ACCENT_CONDITION])]
      .map((condition) => ` AND ${condition}`)
      .join('');
    // CROSS JOIN keeps the search index first: the planner must never run the match once per clip.
    const from = where.length === 0 ? 'clip_search s' : 'clip_search s CROSS JOIN clips c ON c.id = s.rowid';
    this.countSql = `SELECT count(*) FROM ${from} WHERE clip_search MATCH ?${filters}`;
    this.pageSql = `SELECT s.rowid AS id, ${SNIPPET} AS snippet FROM ${from} WHERE clip_search MATCH ?${filters} ORDER BY s.rowid DESC LIMIT ? OFFSET ?`;
    this.rangeSql = `SELECT s.rowid AS id FROM ${from} WHERE clip_search MATCH ?${filters} ORDER BY s.rowid DESC LIMIT ? OFFSET ?`;
    this.idsSql = `SELECT s.rowid FROM ${from} WHERE clip_search MATCH ?${filters} LIMIT ?`;
  }
}

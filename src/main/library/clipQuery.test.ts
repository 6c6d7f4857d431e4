import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { describe, expect, onTestFinished, test } from 'vitest';
import { tempDir } from '../../../test/support/fixtures';
import { ClipQuery, SORT_KEYS, type ClipQueryInput } from '../../shared/library/organise';
import { openDatabase } from '../db/connection';
import { ClipQueries } from './clipQuery';
import { Projects } from './projects';

const PLACES = ['harbour', 'market', 'glacier', 'alley'];
const TAGS = ['keeper', 'night', 'wide'];

interface Library {
  db: Database;
  projectId: number;
  otherId: number;
  /** Every statement the queries ran, with its parameters. */
  ran: { sql: string; params: unknown[] }[];
  queries: ClipQueries;
}

/** `count` clips in one project (a few in another and in the Trash), with prompts, tags, ratings, flags, remixes and cues. */
async function library(count: number): Promise<Library> {
  const dir = await tempDir();
  const db = openDatabase(join(dir, 'library.db'));
  onTestFinished(() => {
    db.close();
  });
  const projects = new Projects(db);
  const projectId = projects.create('Bench').id;
  const otherId = projects.create('Elsewhere').id;
  const insert = db.prepare(
    `INSERT INTO clips (project_id, title, prompt_text, provider, model, seed, duration_ms, fps, media_hash,
                        parent_clip_id, rating, flag, created_at, trashed_at)
     VALUES (?, ?, ?, ?, 'm', ?, ?, 24, ?, ?, ?, ?, ?, ?)`,
  );
  const media = db.prepare(`INSERT INTO media (id, mime_type, bytes, created_at) VALUES (?, 'video/mp4', ?, 0)`);
  const tag = db.prepare(`INSERT OR IGNORE INTO clip_tags (clip_id, tag_id) SELECT ?, id FROM tags WHERE name = ?`);
  const cue = db.prepare(
    `INSERT INTO cues (clip_id, start_ms, label, note, created_at, updated_at) VALUES (?, 0, 'gulls land', '', 0, 0)`,
  );
  db.transaction(() => {
    for (const name of TAGS) db.prepare('INSERT INTO tags (name) VALUES (?)').run(name);
    for (let i = 0; i < count; i++) {
      const place = PLACES[i % PLACES.length] ?? '';
      const hash = createHash('sha256').update(`clip ${i}`).digest('hex');
      media.run(hash, 1000 + ((i * 7919) % 5000));
      const project = i % 50 === 7 ? otherId : projectId;
      const { lastInsertRowid } = insert.run(
        project,
        // Every fifth clip names the place in its title; the rest only in the prompt.
        i % 5 === 0 ? `${place} take ${i}` : `take ${i}`,
        `Scene: a fisherman at the ${place}\nStyle: grain`,
        i % 3 === 0 ? 'veo' : 'local',
        (i * 104729) % 1000,
        1000 + ((i * 31) % 9000),
        hash,
        i > 0 && i % 7 === 0 ? i : null,
        i % 6,
        (i % 4) - 1 === 2 ? 0 : Math.max(-1, Math.min(1, (i % 4) - 1)),
        // Made out of id order, so "newest" and "most recently added" differ.
        (i * 7) % count,
        i % 40 === 3 ? 1 : null,
      );
      const id = Number(lastInsertRowid);
      if (i % 3 === 1) tag.run(id, TAGS[i % TAGS.length] ?? '');
      if (i % 9 === 2) cue.run(id);
    }
  })();
  db.exec('ANALYZE');
  const ran: Library['ran'] = [];
  // Records what the queries run, so each statement's plan can be read back.
  const recording = new Proxy(db, {
    get(target, key) {
      if (key !== 'prepare') return Reflect.get(target, key) as unknown;
      return (sql: string) => {
        const statement = target.prepare(sql);
        const recorded: typeof statement = new Proxy(statement, {
          get(inner, name) {
            const value = Reflect.get(inner, name) as unknown;
            if (typeof value !== 'function') return value;
            if (name === 'all' || name === 'get') {
              return (...params: unknown[]) => {
                ran.push({ sql, params });
                return (value as (...args: unknown[]) => unknown).apply(inner, params);
              };
            }
            return (...args: unknown[]) => {
              const result = (value as (...a: unknown[]) => unknown).apply(inner, args);
              return result === inner ? recorded : result;
            };
          },
        });
        return recorded;
      };
    },
  });
  return { db, projectId, otherId, ran, queries: new ClipQueries(recording) };
}

function page(lib: Library, input: ClipQueryInput, offset = 0, limit = 200): { total: number; ids: number[] } {
  const found = lib.queries.page(lib.projectId, ClipQuery.parse(input), offset, limit);
  return { total: found.total, ids: found.hits.map((hit) => hit.clip.id) };
}

/** The plan of every statement run since `from`, one string per statement. */
function plans(lib: Library, from = 0): { sql: string; params: unknown[]; plan: string }[] {
  return lib.ran.slice(from).map(({ sql, params }) => ({
    sql,
    params,
    plan: lib.db
      .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
      .all(...params)
      .map((row) => row.detail)
      .join('\n'),
  }));
}

/** Every live clip of the project, as plain SQL finds it, for comparing pages against. */
function live(lib: Library, where = '1'): { id: number; title: string; created_at: number }[] {
  return lib.db
    .prepare<[number], { id: number; title: string; created_at: number }>(
      `SELECT id, title, created_at FROM clips WHERE project_id = ? AND trashed_at IS NULL AND ${where}`,
    )
    .all(lib.projectId);
}

describe('library query plans', () => {
  test('every sort but tags walks its own index; no page sorts the project', async () => {
    const lib = await library(3000);
    for (const by of SORT_KEYS.filter((key) => key !== 'tags' && key !== 'relevance')) {
      const from = lib.ran.length;
      page(lib, { sort: { by, dir: 'asc' } }, 1000);
      const [, ids] = plans(lib, from);
      expect(ids?.plan, by).toMatch(
        /SEARCH c USING (COVERING )?INDEX clips_live_by_\w+ \(project_id=\? AND trashed_at=\?\)/,
      );
      expect(ids?.plan, by).not.toMatch(/TEMP B-TREE/);
    }
  });

  test('a best-first search counts and pages inside the search index, with snippets for the page only', async () => {
    const lib = await library(3000);
    const from = lib.ran.length;
    page(lib, { text: 'harb', sort: { by: 'relevance', dir: 'desc' } });
    const ran = plans(lib, from);
    const searches = ran.filter(({ sql }) => sql.includes('MATCH'));
    expect(searches.length).toBeGreaterThanOrEqual(3);
    for (const { sql, plan } of searches) {
      // The index drives every search statement; no clip row is read to count or page.
      expect(plan.split('\n')[0], sql).toMatch(/^SCAN (s|clip_search) VIRTUAL TABLE/);
      expect(plan, sql).not.toMatch(/TEMP B-TREE|SEARCH c /);
    }
    // The page's own statement makes the snippets, for the rows it returns only.
    expect([...new Set(searches.filter(({ sql }) => sql.includes('snippet(')).map(({ sql }) => sql))]).toEqual([
      expect.stringMatching(/ORDER BY s\.rowid DESC LIMIT \? OFFSET \?$/),
    ]);
  });

  test('a search with filters joins clips by primary key; a sorted search walks the sort index', async () => {
    const lib = await library(3000);
    let from = lib.ran.length;
    page(lib, { text: 'fisherman', filter: { provider: 'veo' }, sort: { by: 'relevance', dir: 'desc' } });
    const joined = plans(lib, from).filter((run) => /MATCH/.test(run.sql) && /JOIN/.test(run.sql));
    expect(joined.length).toBeGreaterThanOrEqual(2);
    for (const { sql, plan } of joined) {
      expect(plan, sql).toMatch(/^SCAN s VIRTUAL TABLE[^\n]*\nSEARCH c USING INTEGER PRIMARY KEY/);
      expect(plan, sql).not.toMatch(/TEMP B-TREE/);
    }
    from = lib.ran.length;
    // Every clip matches: the page walks the date index and probes the set of matching ids.
    page(lib, { text: 'fisherman', sort: { by: 'created', dir: 'desc' } });
    const walk = plans(lib, from).find(({ sql }) => sql.startsWith('SELECT c.id'));
    expect(walk?.plan).toMatch(/SEARCH c USING (COVERING )?INDEX clips_live_by_date/);
    expect(walk?.plan).toMatch(/LIST SUBQUERY/);
    expect(walk?.plan).not.toMatch(/TEMP B-TREE/);
    // Its snippets walk the match over the page's rowid range, the id list a filter, not a lookup per id.
    const snippets = plans(lib, from).find(({ sql }) => sql.includes('snippet('));
    expect(snippets?.plan).toMatch(/^SCAN clip_search VIRTUAL TABLE INDEX \d+:M\d+></);
  });

  test('a word typed with an accent asks the index that keeps accents once per statement, for a set the search probes', async () => {
    const lib = await library(3000);
    lib.db.exec(`UPDATE clips SET prompt_text = prompt_text || ' Café' WHERE id % 10 = 0`);
    for (const sort of [
      { by: 'relevance', dir: 'desc' },
      { by: 'created', dir: 'desc' },
    ] as const) {
      for (const filter of [{}, { provider: 'veo' }]) {
        const from = lib.ran.length;
        page(lib, { text: 'é café', sort, filter });
        const accented = plans(lib, from).filter(({ sql }) => sql.includes('clip_search_accents'));
        expect(accented.length, sort.by).toBeGreaterThanOrEqual(1);
        for (const { sql, plan } of accented) {
          // The folded index is walked once; the accent index's clips are a list it probes, never a
          // lookup of the folded match per clip (a rowid constraint on clip_search: "=").
          expect(plan, sql).toMatch(/LIST SUBQUERY \d+\n.*SCAN clip_search_accents VIRTUAL TABLE/);
          expect(plan, sql).not.toMatch(/SCAN (s|clip_search) VIRTUAL TABLE INDEX \d+:[^\n]*=/);
        }
      }
    }
  });

  test('a search filtered by rating alone counts and pages inside the search index', async () => {
    const lib = await library(3000);
    // Different words, so neither count is remembered from the other.
    for (const [text, sort] of [
      ['harb', { by: 'relevance', dir: 'desc' }],
      ['mark', { by: 'created', dir: 'desc' }],
    ] as const) {
      const from = lib.ran.length;
      page(lib, { text, filter: { minRating: 3 }, sort });
      const searches = plans(lib, from).filter(({ sql }) => sql.includes('MATCH'));
      // Counts and best-first pages (a sorted page walks the sort's index; snippets use the words alone).
      const inIndex = searches.filter(
        ({ sql }) => sql.startsWith('SELECT count(*)') || sql.includes('ORDER BY s.rowid'),
      );
      expect(inIndex.length, sort.by).toBeGreaterThanOrEqual(sort.by === 'relevance' ? 2 : 1);
      for (const { sql, plan, params } of inIndex) {
        expect(params[0], sql).toMatch(/^\{scope\}: \(p\d+r3 OR p\d+r4 OR p\d+r5\) AND /);
        expect(plan, sql).toMatch(/^SCAN (s|clip_search) VIRTUAL TABLE/);
        expect(plan, sql).not.toMatch(/SEARCH c |TEMP B-TREE/);
      }
    }
  });
});

describe('library query results', () => {
  test('a search filtered by rating finds what the clips’ ratings say, in every sort, and follows a new rating', async () => {
    const lib = await library(1000);
    const newest = (clips: ReturnType<typeof live>): number[] =>
      [...clips].sort((a, b) => b.created_at - a.created_at || b.id - a.id).map((clip) => clip.id);
    const addedFirst = (clips: ReturnType<typeof live>): number[] => clips.map((clip) => clip.id).sort((a, b) => b - a);
    let found = 0;
    // Harbour clips are rated 0, 2 and 4, market clips 1, 3 and 5.
    for (const word of ['harbour', 'market']) {
      for (const minRating of [1, 2, 3, 4, 5]) {
        const where = `prompt_text LIKE '%${word}%' AND coalesce(rating, 0) >= ${minRating}`;
        const expected = live(lib, where);
        found += expected.length;
        const filter = { minRating };
        const label = `${word} rated ${minRating}`;
        expect(page(lib, { text: word, filter }, 0, 500), label).toEqual({
          total: expected.length,
          ids: newest(expected),
        });
        const best = [
          ...addedFirst(expected.filter((clip) => clip.title.includes(word))),
          ...addedFirst(expected.filter((clip) => !clip.title.includes(word))),
        ];
        expect(
          page(lib, { text: word.slice(0, 4), filter, sort: { by: 'relevance', dir: 'desc' } }, 0, 500),
          label,
        ).toEqual({ total: expected.length, ids: best });
        // Beside another filter too.
        const veo = live(lib, `${where} AND provider = 'veo'`);
        expect(page(lib, { text: word, filter: { minRating, provider: 'veo' } }, 0, 500), label).toEqual({
          total: veo.length,
          ids: newest(veo),
        });
      }
    }
    expect(found).toBeGreaterThan(500);
    // Rated, unrated, trashed and moved clips leave and join the rated results at once.
    const [top] = live(lib, "prompt_text LIKE '%market%' AND rating = 5");
    const [low] = live(lib, "prompt_text LIKE '%market%' AND rating = 1");
    const rated = (): number[] => page(lib, { text: 'market', filter: { minRating: 5 } }, 0, 500).ids;
    expect(rated()).toContain(top?.id);
    expect(rated()).not.toContain(low?.id);
    lib.db.prepare('UPDATE clips SET rating = 1 WHERE id = ?').run(top?.id ?? 0);
    lib.db.prepare('UPDATE clips SET rating = 5 WHERE id = ?').run(low?.id ?? 0);
    expect(rated()).not.toContain(top?.id);
    expect(rated()).toContain(low?.id);
    lib.db.prepare('UPDATE clips SET trashed_at = 1 WHERE id = ?').run(low?.id ?? 0);
    expect(rated()).not.toContain(low?.id);
    lib.db.prepare('UPDATE clips SET trashed_at = NULL, project_id = ? WHERE id = ?').run(lib.otherId, low?.id ?? 0);
    expect(rated()).not.toContain(low?.id);
    expect(rated()).toEqual(newest(live(lib, "prompt_text LIKE '%market%' AND rating = 5")));
  });

  test('a star, flag or colour keeps the counts of searches not filtered by it, and counts again those that are', async () => {
    const lib = await library(1000);
    const counted = (from: number): number =>
      lib.ran.slice(from).filter(({ sql }) => sql.startsWith('SELECT count(*)')).length;
    const glacier = (): number => page(lib, { text: 'glac' }).total;
    const rated = (): number => page(lib, { text: 'glac', filter: { minRating: 3 } }).total;
    const picks = (): number => page(lib, { filter: { flag: 'pick' } }).total;
    const before = { glacier: glacier(), rated: rated(), picks: picks() };
    const [low] = live(lib, "prompt_text LIKE '%glacier%' AND coalesce(rating, 0) < 3");
    const setRating = (id: number, rating: number): void =>
      lib.queries.keepingCounts(['minRating'], () => {
        lib.db.prepare('UPDATE clips SET rating = ? WHERE id = ?').run(rating, id);
      });

    setRating(low?.id ?? 0, 5);
    let from = lib.ran.length;
    expect(glacier()).toBe(before.glacier);
    expect(picks()).toBe(before.picks);
    expect(counted(from)).toBe(0);
    from = lib.ran.length;
    expect(rated()).toBe(before.rated + 1);
    expect(counted(from)).toBe(1);

    // Anything else written, before or during, and every count is asked again.
    const other = openDatabase(lib.db.name);
    onTestFinished(() => {
      other.close();
    });
    const [trashed] = live(lib, "prompt_text LIKE '%glacier%'");
    other.prepare('UPDATE clips SET trashed_at = 1 WHERE id = ?').run(trashed?.id ?? 0);
    setRating(low?.id ?? 0, 0);
    expect(glacier()).toBe(before.glacier - 1);
    lib.queries.keepingCounts(['minRating'], () => {
      other.prepare('UPDATE clips SET trashed_at = NULL WHERE id = ?').run(trashed?.id ?? 0);
    });
    expect(glacier()).toBe(before.glacier);
    // A flag counts the picks again, and keeps the rated search's count.
    const [unpicked] = live(lib, 'flag <> 1');
    rated();
    lib.queries.keepingCounts(['flag'], () => {
      lib.db.prepare('UPDATE clips SET flag = 1 WHERE id = ?').run(unpicked?.id ?? 0);
    });
    from = lib.ran.length;
    expect(rated()).toBe(before.rated);
    expect(counted(from)).toBe(0);
    expect(picks()).toBe(before.picks + 1);
  });

  test('best matches first: every word in the title, then the rest, each most recently added first, across pages', async () => {
    const lib = await library(1000);
    const best = { text: 'harbour', sort: { by: 'relevance', dir: 'desc' } } as const;
    const matches = live(lib, "prompt_text LIKE '%harbour%'");
    const inTitle = matches.filter((clip) => clip.title.includes('harbour')).map((clip) => clip.id);
    const rest = matches.filter((clip) => !clip.title.includes('harbour')).map((clip) => clip.id);
    const expected = [...inTitle.sort((a, b) => b - a), ...rest.sort((a, b) => b - a)];
    expect(inTitle.length).toBeGreaterThan(10);
    expect(page(lib, best, 0, 500)).toEqual({ total: expected.length, ids: expected });
    // Pages that end inside the title group, straddle it, and start past it put together the same list.
    const pages = [0, 17, 34, 51, 68, 85, 102, 119, 136, 153, 170, 187, 204, 221, 238].map(
      (offset) => page(lib, best, offset, 17).ids,
    );
    expect(pages.flat()).toEqual(expected.slice(0, 255));
  });

  test('a word that starts one indexed word only is matched as that word: the same clips, order and snippets', async () => {
    const lib = await library(600);
    const snippetsOf = (match: string, ids: readonly number[]): Map<number, string> =>
      new Map(
        lib.db
          .prepare<[string], { id: number; snippet: string }>(
            `SELECT rowid AS id, snippet(clip_search, -1, char(1), char(2), '…', 12) AS snippet
             FROM clip_search WHERE clip_search MATCH ?`,
          )
          .all(match)
          .filter((row) => ids.includes(row.id))
          .map((row) => [row.id, row.snippet]),
      );
    const check = (text: string, prefix: string, whole: string | null): void => {
      for (const sort of [
        { by: 'relevance', dir: 'desc' },
        { by: 'created', dir: 'desc' },
      ] as const) {
        const from = lib.ran.length;
        const found = lib.queries.page(lib.projectId, ClipQuery.parse({ text, sort }), 0, 500);
        const ids = found.hits.map((hit) => hit.clip.id);
        const expected = live(lib, `(title LIKE '%${prefix}%' OR prompt_text LIKE '%${prefix}%')`);
        expect(found.total, text).toBe(expected.length);
        expect(
          [...ids].sort((a, b) => a - b),
          text,
        ).toEqual(expected.map((clip) => clip.id).sort((a, b) => a - b));
        // The snippets are those the prefix itself gives.
        const prefixSnippets = snippetsOf(`{title prompt tags cues}: "${prefix}"*`, ids);
        for (const hit of found.hits) {
          expect(hit.snippet?.map((part) => (part.match ? `[${part.text}]` : part.text)).join(''), text).toBe(
            prefixSnippets.get(hit.clip.id)?.replaceAll('\u0001', '[').replaceAll('\u0002', ']'),
          );
        }
        const matches = lib.ran
          .slice(from)
          .filter(({ sql }) => sql.includes('MATCH'))
          .map(({ params }) => String(params.find((param) => typeof param === 'string' && param.includes('"'))));
        expect(matches.length, text).toBeGreaterThan(0);
        for (const match of matches) {
          if (whole === null) expect(match, text).toContain(`"${prefix}"*`);
          else expect(match, text).not.toContain(`"${prefix}"*`);
          if (whole !== null) expect(match, text).toContain(`"${whole}"`);
        }
      }
    };
    // Only "harbour" starts with "harb"; "Harb" is the same word to the search.
    check('harb', 'harb', 'harbour');
    check('HARB', 'harb', 'harbour');
    check('harbour', 'harbour', 'harbour');
    // A clip titled "harbourmaster" makes "harb" start two words: a prefix again, finding both.
    const hash = createHash('sha256').update('harbourmaster').digest('hex');
    lib.db.prepare(`INSERT INTO media (id, mime_type, bytes, created_at) VALUES (?, 'video/mp4', 1, 0)`).run(hash);
    lib.db
      .prepare(
        `INSERT INTO clips (project_id, title, provider, duration_ms, media_hash, created_at)
         VALUES (?, 'the harbourmaster', 'local', 1000, ?, 5)`,
      )
      .run(lib.projectId, hash);
    check('harb', 'harb', null);
    // "harbour" is a word of its own and starts a longer one.
    check('harbour', 'harbour', null);
    // Short prefixes are the index's own; words with other letters are left as typed.
    check('har', 'har', null);
  });

  test('searches see neither the Trash nor other projects, and count again after a change', async () => {
    const lib = await library(1000);
    const expected = live(lib, "prompt_text LIKE '%glacier%'");
    const { total } = page(lib, { text: 'glac' });
    expect(total).toBe(expected.length);
    expect(page(lib, { text: 'glac', sort: { by: 'relevance', dir: 'desc' } }).total).toBe(expected.length);
    const [first] = expected;
    lib.db.prepare('UPDATE clips SET trashed_at = 1 WHERE id = ?').run(first?.id ?? 0);
    expect(page(lib, { text: 'glac' }).total).toBe(expected.length - 1);
    expect(page(lib, { text: 'glac' }).ids).not.toContain(first?.id);
    lib.db.prepare('UPDATE clips SET project_id = ?, trashed_at = NULL WHERE id = ?').run(lib.otherId, first?.id ?? 0);
    expect(page(lib, { text: 'glac', sort: { by: 'relevance', dir: 'desc' } }).total).toBe(expected.length - 1);
    lib.db.prepare('UPDATE clips SET project_id = ? WHERE id = ?').run(lib.projectId, first?.id ?? 0);
    expect(page(lib, { text: 'glac', sort: { by: 'relevance', dir: 'desc' } }).total).toBe(expected.length);
    // A search word never matches the index's scope tokens.
    expect(page(lib, { text: `p${lib.projectId}` }).total).toBe(0);
    expect(page(lib, { text: `p${lib.projectId}r3`, sort: { by: 'relevance', dir: 'desc' } }).total).toBe(0);
    lib.db.prepare('UPDATE clips SET trashed_at = 1 WHERE id = ?').run(first?.id ?? 0);
    expect(page(lib, { text: 'trash' }).total).toBe(0);
    expect(lib.queries.page(lib.otherId, ClipQuery.parse({ text: 'p' }), 0, 10).total).toBe(0);
  });

  test('emoji are search words, and a word typed with an accent requires it, in every sort, filtered and for Select all', async () => {
    const lib = await library(300);
    const add = lib.db.prepare(
      `INSERT INTO clips (project_id, title, prompt_text, provider, duration_ms, media_hash, rating, created_at)
       SELECT ?, ?, ?, 'local', 1000, media_hash, ?, ? FROM clips LIMIT 1`,
    );
    const clip = (title: string, prompt: string, rating: number, createdAt: number): number =>
      Number(add.run(lib.projectId, title, prompt, rating, createdAt).lastInsertRowid);
    const fire = clip('Bonfire 🔥', 'Scene: sparks', 4, 10);
    const cafe = clip('Café at the harbour', 'Scene: espresso', 2, 20);
    const plain = clip('Cafe racer', 'Scene: a motorbike at the harbour', 5, 30);
    const upper = clip('Night', 'Scene: a neon CAFÉ sign', 5, 40);
    // In another project and in the Trash: never found.
    lib.db.prepare('UPDATE clips SET project_id = ? WHERE id = ?').run(lib.otherId, clip('Café 🔥', '', 5, 50));
    lib.db.prepare('UPDATE clips SET trashed_at = 1 WHERE id = ?').run(clip('Café 🔥', '', 5, 60));
    const sorts = [
      { by: 'relevance', dir: 'desc' },
      { by: 'created', dir: 'asc' },
      { by: 'title', dir: 'asc' },
    ] as const;
    const found = (text: string, filter: ClipQueryInput['filter'] = {}): number[][] => [
      ...sorts.map((sort) => page(lib, { text, sort, filter }).ids.sort((a, b) => a - b)),
      lib.queries.allIds(lib.projectId, ClipQuery.parse({ text, filter }), 100).ids.sort((a, b) => a - b),
    ];
    const everywhere = (ids: number[]): number[][] => [ids, ids, ids, ids];
    expect(found('🔥')).toEqual(everywhere([fire]));
    expect(found('cafe')).toEqual(everywhere([cafe, plain, upper]));
    expect(found('café')).toEqual(everywhere([cafe, upper]));
    expect(found('Caf\u00e9 harb')).toEqual(everywhere([cafe]));
    expect(found('café', { minRating: 5 })).toEqual(everywhere([upper]));
    expect(found('café', { provider: 'local', minRating: 1 })).toEqual(everywhere([cafe, upper]));
    expect(page(lib, { text: 'café' }).total).toBe(2);
    // Typing "é" finds no clip of this library (none has a word starting with it), where it found every "e…".
    expect(found('é')).toEqual(everywhere([]));
    // A lone accented letter, capitals, ñ, and words with and without accents together.
    const nandu = clip('Ñandú at dawn', 'Scene: ÉLAN', 3, 70);
    const plainNandu = clip('Nandu at dusk', 'Scene: elan', 3, 80);
    expect(found('é')).toEqual(everywhere([nandu]));
    expect(found('É')).toEqual(everywhere([nandu]));
    expect(found('ÑANDÚ')).toEqual(everywhere([nandu]));
    expect(found('nandu')).toEqual(everywhere([nandu, plainNandu]));
    expect(found('ñ')).toEqual(everywhere([nandu]));
    expect(found('élan nandu')).toEqual(everywhere([nandu]));
    expect(found('elan ñan')).toEqual(everywhere([nandu]));
    expect(found('elan nan')).toEqual(everywhere([nandu, plainNandu]));
    expect(found('ñandú dusk')).toEqual(everywhere([]));
    expect(found('é', { minRating: 4 })).toEqual(everywhere([]));
    expect(found('é', { provider: 'local', minRating: 3 })).toEqual(everywhere([nandu]));
    expect(page(lib, { text: 'é', sort: { by: 'relevance', dir: 'desc' } }).total).toBe(1);
  });

  test('a project holding most of the library leaves out the clips elsewhere; a small one keeps to its own', async () => {
    const lib = await library(1000);
    const counted = (from: number): unknown =>
      lib.ran.slice(from).find(({ sql }) => sql.startsWith('SELECT count(*) FROM clip_search'))?.params[0];
    let from = lib.ran.length;
    const big = page(lib, { text: 'glac', sort: { by: 'relevance', dir: 'desc' } }, 0, 1000);
    // The Trash and the other project are the short lists. A word no scope token starts with is
    // matched in every column, so no match's columns are read to leave the scope out.
    expect(counted(from)).toBe(`(("glacier")) NOT {scope}: (trashed OR p${lib.otherId})`);
    const expected = live(lib, "prompt_text LIKE '%glacier%'").map((clip) => clip.id);
    expect(big.total).toBe(expected.length);
    expect([...big.ids].sort((a, b) => a - b)).toEqual(expected);
    // The other project holds 20 clips: its own token is the shorter list.
    from = lib.ran.length;
    const found = lib.queries.page(lib.otherId, ClipQuery.parse({ text: 'glac' }), 0, 200);
    expect(counted(from)).toMatch(new RegExp(`^\\{scope\\}: p${lib.otherId} AND `));
    const theirs = lib.db
      .prepare(
        "SELECT id FROM clips WHERE project_id = ? AND trashed_at IS NULL AND prompt_text LIKE '%glacier%' ORDER BY id",
      )
      .pluck()
      .all(lib.otherId);
    expect(found.total).toBe(theirs.length);
    expect(found.hits.map((hit) => hit.clip.id).sort((a, b) => a - b)).toEqual(theirs);
    // A clip moved into a third project is left out of the first project's search at once.
    const thirdId = new Projects(lib.db).create('Third').id;
    lib.db.prepare('UPDATE clips SET project_id = ? WHERE id = ?').run(thirdId, expected[0] ?? 0);
    from = lib.ran.length;
    const after = page(lib, { text: 'glac', sort: { by: 'relevance', dir: 'desc' } });
    expect(counted(from)).toMatch(new RegExp(`NOT \\{scope\\}: \\(trashed OR p${lib.otherId} OR p${thirdId}\\)$`));
    expect(after.total).toBe(expected.length - 1);
    expect(after.ids).not.toContain(expected[0]);
  });

  test('a sorted search gives the same page whether it walks the sort index or sorts the few matches', async () => {
    const lib = await library(2000);
    const newest = (where: string): number[] =>
      live(lib, where)
        .sort((a, b) => b.created_at - a.created_at || b.id - a.id)
        .map((clip) => clip.id);
    // Many matches (every clip): the index walk.
    expect(page(lib, { text: 'fisherman' }, 300, 50).ids).toEqual(newest('1').slice(300, 350));
    // Few matches (the cue words): read and sorted.
    expect(page(lib, { text: 'gulls land', filter: { minRating: 2 } }, 0, 500).ids).toEqual(
      newest('id IN (SELECT clip_id FROM cues) AND coalesce(rating, 0) >= 2'),
    );
  });

  test('the size sort follows the media file, picks by rating and remixes read their indexes', async () => {
    const lib = await library(500);
    const sizes = lib.db
      .prepare<[number], { id: number }>(
        `SELECT c.id FROM clips c JOIN media m ON m.id = c.media_hash WHERE c.project_id = ? AND c.trashed_at IS NULL
         ORDER BY m.bytes DESC, c.id DESC`,
      )
      .all(lib.projectId)
      .map((row) => row.id);
    expect(page(lib, { sort: { by: 'size', dir: 'desc' } }, 0, 500).ids).toEqual(sizes);
    const picks = live(lib, 'flag = 1 AND coalesce(rating, 0) >= 4')
      .sort((a, b) => b.created_at - a.created_at || b.id - a.id)
      .map((clip) => clip.id);
    expect(picks.length).toBeGreaterThan(0);
    expect(page(lib, { filter: { flag: 'pick', minRating: 4 } }, 0, 500)).toEqual({ total: picks.length, ids: picks });
  });
});

describe('every clip a query finds (Select all)', () => {
  test('the same clips as paging through the query, for filters, searches and a rating, never the Trash or another project', async () => {
    const lib = await library(600);
    const cases: ClipQueryInput[] = [
      {},
      { filter: { minRating: 3 } },
      { text: 'glac' },
      { text: 'glac', filter: { minRating: 4 } },
      { text: 'harbour', filter: { flag: 'pick' } },
      { text: 'nothing-like-this' },
    ];
    for (const input of cases) {
      const paged = page(lib, input, 0, 1000);
      const all = lib.queries.allIds(lib.projectId, ClipQuery.parse(input), 100_000);
      expect(all.total).toBe(paged.total);
      expect([...all.ids].sort((a, b) => a - b)).toEqual([...paged.ids].sort((a, b) => a - b));
    }
    const few = lib.queries.allIds(lib.projectId, ClipQuery.parse({}), 10);
    expect(few.ids).toHaveLength(10);
    expect(few.total).toBe(live(lib).length);
  });

  test('a summary counts, times and sizes only the chosen clips outside the Trash', async () => {
    const lib = await library(60);
    const rows = lib.db
      .prepare<[], { id: number; duration_ms: number; bytes: number; trashed_at: number | null }>(
        'SELECT c.id, c.duration_ms, m.bytes, c.trashed_at FROM clips c JOIN media m ON m.id = c.media_hash ORDER BY c.id LIMIT 5',
      )
      .all();
    // Clip 4 (index 3) is in the Trash.
    expect(rows.map((row) => row.trashed_at !== null)).toEqual([false, false, false, true, false]);
    const kept = rows.filter((row) => row.trashed_at === null);
    expect(lib.queries.summary(rows.map((row) => row.id))).toEqual({
      clips: kept.length,
      durationMs: kept.reduce((sum, row) => sum + row.duration_ms, 0),
      bytes: kept.reduce((sum, row) => sum + row.bytes, 0),
    });
    expect(lib.queries.summary([999_999])).toEqual({ clips: 0, durationMs: 0, bytes: 0 });
  });
});

describe('the ids of a range of a query (Shift+click across pages not loaded)', () => {
  test('the same ids, in the same order, as the pages list at those places, for filters, sorts and searches', async () => {
    const lib = await library(600);
    const cases: ClipQueryInput[] = [
      {},
      { sort: { by: 'title', dir: 'asc' } },
      { filter: { minRating: 3 }, sort: { by: 'duration', dir: 'desc' } },
      { text: 'glac' },
      { text: 'harbour', sort: { by: 'relevance', dir: 'desc' } },
      { text: 'fisherman', sort: { by: 'relevance', dir: 'desc' } },
      { text: 'fisherman', filter: { provider: 'veo' }, sort: { by: 'size', dir: 'asc' } },
      { text: 'nothing-like-this' },
    ];
    for (const input of cases) {
      const all = page(lib, input, 0, 1000).ids;
      for (const [offset, limit] of [
        [0, 1],
        [37, 150],
        [90, 400],
        [all.length - 3, 10],
      ] as const) {
        expect(
          lib.queries.idRange(lib.projectId, ClipQuery.parse(input), Math.max(0, offset), limit),
          JSON.stringify(input),
        ).toEqual(all.slice(Math.max(0, offset), Math.max(0, offset) + limit));
      }
    }
  });

  test('reads ids from the indexes alone: no clip row, no snippet, no sort of the project', async () => {
    const lib = await library(3000);
    for (const input of [
      { sort: { by: 'title', dir: 'asc' } },
      { text: 'harb', sort: { by: 'relevance', dir: 'desc' } },
      { text: 'fisherman', sort: { by: 'created', dir: 'desc' } },
    ] satisfies ClipQueryInput[]) {
      const from = lib.ran.length;
      const ids = lib.queries.idRange(lib.projectId, ClipQuery.parse(input), 500, 2000);
      expect(ids.length, JSON.stringify(input)).toBeGreaterThan(0);
      for (const { sql, plan } of plans(lib, from)) {
        expect(sql, JSON.stringify(input)).not.toMatch(/snippet\(|JOIN media|json_each/);
        expect(plan, sql).not.toMatch(/TEMP B-TREE/);
      }
    }
  });
});

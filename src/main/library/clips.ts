import type { Database } from 'better-sqlite3';
import { describeIssues } from '../../shared/issues';
import { cleanTitle, type Clip } from '../../shared/domain';
import { StudioError } from '../../shared/errors';
import type { ColorLabel } from '../../shared/library/labels';
import { RenderReport } from '../../shared/renderReport';
import type { ProbeResult } from '../media/probe';
import type { StoredObject } from '../storage/store';
import { refreshCueSearch } from './cueSearch';

export interface ClipRow {
  id: number;
  project_id: number;
  title: string;
  prompt_text: string | null;
  provider: string;
  model: string | null;
  seed: number | null;
  duration_ms: number;
  width: number | null;
  height: number | null;
  fps: number | null;
  media_hash: string;
  mime_type: string;
  video_codec: string | null;
  audio_codec: string | null;
  poster_hash: string | null;
  card_poster_hash: string | null;
  sprite_hash: string | null;
  peaks_hash: string | null;
  parent_clip_id: number | null;
  rating: number | null;
  flag: number;
  color_label: ColorLabel | null;
  tag_names: string | null;
  bytes: number;
  created_at: number;
  trashed_at: number | null;
}

/** Separates tag names in one column; tag names are clean single lines, so it never occurs in one. */
const TAG_SEPARATOR = '\u001f';

/** The columns a Clip is read from; `c` is clips and `m` its media row. */
export const CLIP_COLUMNS = `
  c.id, c.project_id, c.title, c.prompt_text, c.provider, c.model, c.seed, c.duration_ms,
  c.width, c.height, c.fps, c.media_hash, m.mime_type, m.video_codec, m.audio_codec,
  c.poster_hash, c.card_poster_hash, c.sprite_hash, c.peaks_hash, c.parent_clip_id, c.rating, c.flag, c.color_label,
  (SELECT group_concat(t.name, char(31)) FROM clip_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.clip_id = c.id)
    AS tag_names,
  m.bytes, c.created_at, c.trashed_at`;

const SELECT = `SELECT ${CLIP_COLUMNS} FROM clips c JOIN media m ON m.id = c.media_hash`;

// Sorted here rather than in SQL, so reading a page never sorts inside the query. One collator:
// localeCompare with options builds one per comparison, a third of a 200-clip page's time.
const byName = new Intl.Collator('en', { sensitivity: 'base' }).compare;

const FLAGS: Record<number, Clip['flag']> = { 1: 'pick', [-1]: 'reject' };

export function toClip(row: ClipRow): Clip {
  return {
    id: row.id,
    projectId: row.project_id,
    title: row.title,
    promptText: row.prompt_text,
    provider: row.provider,
    model: row.model,
    seed: row.seed,
    durationMs: row.duration_ms,
    width: row.width,
    height: row.height,
    fps: row.fps,
    mediaId: row.media_hash,
    mimeType: row.mime_type,
    videoCodec: row.video_codec,
    audioCodec: row.audio_codec,
    posterId: row.poster_hash,
    cardPosterId: row.card_poster_hash,
    spriteId: row.sprite_hash,
    peaksId: row.peaks_hash,
    parentId: row.parent_clip_id,
    // Zero stars and no rating are one state to the creator.
    rating: row.rating === 0 ? null : row.rating,
    flag: FLAGS[row.flag] ?? null,
    colorLabel: row.color_label,
    tags: row.tag_names === null ? [] : row.tag_names.split(TAG_SEPARATOR).sort(byName),
    bytes: row.bytes,
    createdAt: row.created_at,
    trashedAt: row.trashed_at,
  };
}

function notFound(id: number): StudioError {
  return new StudioError('not_found', `Clip ${id} does not exist; it may have been deleted.`);
}

/** A stored report that does not read as one is refused whole, never shown in part. */
function readReport(json: string, clipId: number): RenderReport {
  let problem: string;
  try {
    const parsed = RenderReport.safeParse(JSON.parse(json));
    if (parsed.success) return parsed.data;
    // The first problem is enough to act on; a report broken everywhere would fill the inspector.
    problem = describeIssues(parsed.error, 1);
  } catch (error) {
    problem = error instanceof Error ? error.message : String(error);
  }
  throw new StudioError(
    'internal',
    `The render report stored with clip ${clipId} cannot be read: ${problem}. The clip itself is fine; queue its prompt again for a new report.`,
  );
}

/**
 * The words of search text, as the search index splits text into words (migration 0011): runs of
 * letters, digits, private-use characters and symbols (emoji, flags, ©, ♪), so "🔥" is a word of
 * its own beside "fire 🔥" and part of the word in "fire🔥" (found by "fire", not by "🔥"). Emoji
 * skin tones are symbols to the index too. Text is composed first (NFC), so an accent typed as a
 * separate mark stays on its letter.
 */
export function searchWords(text: string): string[] {
  return text.normalize('NFC').match(/[\p{L}\p{N}\p{Co}\p{So}\u{1F3FB}-\u{1F3FF}]+/gu) ?? [];
}

/** Lower case, composed: how a word with accents is compared with the text. */
const accentKey = (text: string): string => text.normalize('NFC').toLowerCase();
const hasAccent = (word: string): boolean => /\p{M}/u.test(word.normalize('NFD'));

/**
 * Accents in search words. The index folds case and accents (unicode61 remove_diacritics 2), so
 * "cafe" finds "café" and "Cafe": a creator who types without accents finds both. A word typed
 * WITH an accent asks for it: "café" finds "café" and not "cafe", "é" finds "été" and "élan" but
 * never every word starting with "e". These are the search words that carry an accent, lower
 * case; `accentMatch` asks the index that keeps accents for them.
 */
function accentedWords(words: readonly string[]): string[] {
  return [...new Set(words.filter(hasAccent).map(accentKey))];
}

/**
 * The query of `clip_search_accents` (migration 0013: case folded, accents kept) for the clips
 * with a word of their title, prompt, tags or cue text starting with each accented search word as
 * typed; null when no search word has an accent. Each word is asked for composed and decomposed
 * ("é" and "e" + U+0301), as text may hold either. `ACCENT_CONDITION` takes it.
 */
export function accentMatch(words: readonly string[]): string | null {
  const accented = accentedWords(words);
  if (accented.length === 0) return null;
  return accented
    .map((word) => `(${[...new Set([word, word.normalize('NFD')])].map((form) => `"${form}"*`).join(' OR ')})`)
    .join(' AND ');
}

/**
 * Keeps the matches of `clip_search` (aliased `s`) that `clip_search_accents` finds for the
 * accented words; its one parameter is `accentMatch(words)`. The `+` keeps the accent index's
 * clips a set the folded index's walk probes, found once per statement: as a rowid lookup the
 * folded match would run again for each of them.
 */
export const ACCENT_CONDITION = '+s.rowid IN (SELECT rowid FROM clip_search_accents WHERE clip_search_accents MATCH ?)';

/**
 * The FTS5 query for search text (or its words): every word, each matched as a prefix in the
 * title, prompt, tags or cue text (never the index's `scope` column); null when there are no
 * words. `whole` maps a word to the one indexed word it can start, which is matched as itself:
 * the same clips and the same places in them, without merging every term the prefix could start.
 * `columns` null matches in every column: for words that cannot match a scope token
 * (`mayMatchScope`), the same clips, without reading each match's columns to leave scope out.
 */
export function matchExpression(
  text: string | readonly string[],
  columns: string | null = 'title prompt tags cues',
  whole: ReadonlyMap<string, string> = new Map(),
): string | null {
  const words = typeof text === 'string' ? searchWords(text) : text;
  if (words.length === 0) return null;
  const phrases = words.map((word) => {
    const term = whole.get(word);
    return term === undefined ? `"${word}"*` : `"${term}"`;
  });
  return columns === null ? `(${phrases.join(' ')})` : `{${columns}}: (${phrases.join(' ')})`;
}

/**
 * Whether any of these search words could match a token of the search index's scope column
 * (`p1`, `p1r3`, `trashed`; migrations 0006, 0007, 0009) as the index folds it: a prefix of
 * one, or (for a word matched whole, see `matchExpression`) one itself.
 */
export function mayMatchScope(words: readonly string[], whole: ReadonlyMap<string, string> = new Map()): boolean {
  return words.some((word) => {
    const folded = (whole.get(word) ?? word)
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase();
    return 'trashed'.startsWith(folded) || /^p(\d+(r\d*)?)?$/.test(folded);
  });
}

export interface MediaRecord {
  id: string;
  mimeType: string;
  bytes: number;
  durationMs: number | null;
  width: number | null;
  height: number | null;
  fps: number | null;
  videoCodec: string | null;
  audioCodec: string | null;
}

/** The media row of a stored file: a probed video or sound, or (without a probe) a poster, sprite sheet or peaks. */
export function mediaRecord(
  stored: Pick<StoredObject, 'id' | 'bytes'>,
  mimeType: string,
  probe: ProbeResult | null = null,
): MediaRecord {
  return {
    id: stored.id,
    mimeType,
    bytes: stored.bytes,
    durationMs: probe?.durationMs ?? null,
    width: probe?.width ?? null,
    height: probe?.height ?? null,
    fps: probe?.fps ?? null,
    videoCodec: probe?.videoCodec ?? null,
    audioCodec: probe?.audioCodec ?? null,
  };
}

export interface NewClip {
  projectId: number;
  title: string;
  provider: string;
  durationMs: number;
  width: number | null;
  height: number | null;
  fps: number | null;
  mediaId: string;
  posterId: string | null;
  /** The poster at card size (made from the poster), or null to leave it to the background. */
  cardPosterId?: string | null;
  promptText?: string | null;
  seed?: number | null;
  model?: string | null;
}

export class Clips {
  constructor(private readonly db: Database) {}

  list(projectId: number): Clip[] {
    return this.db
      .prepare<[number], ClipRow>(
        `${SELECT} WHERE c.project_id = ? AND c.trashed_at IS NULL ORDER BY c.created_at DESC, c.id DESC`,
      )
      .all(projectId)
      .map(toClip);
  }

  get(id: number): Clip {
    const row = this.db.prepare<[number], ClipRow>(`${SELECT} WHERE c.id = ?`).get(id);
    if (!row) throw notFound(id);
    return toClip(row);
  }

  /**
   * The clip this project already made by importing these bytes, if any. Not by provider: a file
   * exported by Shotline comes back under the provider that made it.
   */
  importedFrom(projectId: number, mediaId: string): Clip | null {
    const row = this.db
      .prepare<[number, string], ClipRow>(
        `${SELECT} WHERE c.project_id = ? AND c.media_hash = ? AND c.job_id IS NULL AND c.trashed_at IS NULL ORDER BY c.id LIMIT 1`,
      )
      .get(projectId, mediaId);
    return row ? toClip(row) : null;
  }

  /** The built-in engine's render report on the clip; null for clips from elsewhere or made before reports were kept. */
  report(id: number): RenderReport | null {
    const row = this.db
      .prepare<[number], { report_json: string | null }>('SELECT report_json FROM clips WHERE id = ?')
      .get(id);
    if (!row) throw notFound(id);
    return row.report_json === null ? null : readReport(row.report_json, id);
  }

  /** Full-text search over titles, prompts, tags and cue text; words are matched as prefixes. */
  search(query: string, projectId?: number): Clip[] {
    const words = searchWords(query);
    const match = matchExpression(words);
    if (match === null) return [];
    refreshCueSearch(this.db);
    const accents = accentMatch(words);
    return this.db
      .prepare<[string, number | null, number | null, ...string[]], ClipRow>(
        `${SELECT} JOIN clip_search s ON s.rowid = c.id
         WHERE clip_search MATCH ? AND (? IS NULL OR c.project_id = ?) AND c.trashed_at IS NULL
         ${accents === null ? '' : `AND ${ACCENT_CONDITION}`}
         ORDER BY s.rank LIMIT 200`,
      )
      .all(match, projectId ?? null, projectId ?? null, ...(accents === null ? [] : [accents]))
      .map(toClip);
  }

  /** Runs fn in one transaction: all of its writes land, or none do. */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  upsertMedia(media: MediaRecord, now = Date.now()): void {
    this.db
      .prepare(
        `INSERT INTO media (id, mime_type, bytes, duration_ms, width, height, fps, video_codec, audio_codec, created_at)
         VALUES (@id, @mimeType, @bytes, @durationMs, @width, @height, @fps, @videoCodec, @audioCodec, @now)
         ON CONFLICT (id) DO NOTHING`,
      )
      .run({ ...media, now });
  }

  insert(clip: NewClip, now = Date.now()): Clip {
    const { lastInsertRowid } = this.db
      .prepare(
        `INSERT INTO clips (project_id, title, prompt_text, provider, model, seed, duration_ms, width, height, fps, media_hash, poster_hash, card_poster_hash, created_at)
         VALUES (@projectId, @title, @promptText, @provider, @model, @seed, @durationMs, @width, @height, @fps, @mediaId, @posterId, @cardPosterId, @now)`,
      )
      // Titles come from file names and prompts as well as the creator: one clean line, always.
      .run({
        promptText: null,
        seed: null,
        model: null,
        cardPosterId: null,
        ...clip,
        title: cleanTitle(clip.title) || 'Untitled clip',
        now,
      });
    return this.get(Number(lastInsertRowid));
  }

  rename(id: number, title: string): Clip {
    const result = this.db
      .prepare('UPDATE clips SET title = ? WHERE id = ?')
      .run(cleanTitle(title) || 'Untitled clip', id);
    if (result.changes === 0) throw notFound(id);
    return this.get(id);
  }

  /** Points the clip at a stored peak file (its media row must exist). */
  setPeaks(id: number, peaksId: string): void {
    const result = this.db.prepare('UPDATE clips SET peaks_hash = ? WHERE id = ?').run(peaksId, id);
    if (result.changes === 0) throw notFound(id);
  }

  /**
   * Up to `limit` posters that clips use without a card poster (each once), leaving out `skip`
   * (posters whose card poster could not be made).
   */
  postersLackingCard(limit: number, skip: readonly string[] = []): string[] {
    return this.db
      .prepare<[string, number], string>(
        `SELECT DISTINCT poster_hash FROM clips INDEXED BY clips_lacking_card_poster
         WHERE poster_hash IS NOT NULL AND card_poster_hash IS NULL
           AND poster_hash NOT IN (SELECT value FROM json_each(?)) LIMIT ?`,
      )
      .pluck()
      .all(JSON.stringify(skip), limit);
  }

  /** How many different posters clips use without a card poster. */
  countPostersLackingCard(): number {
    return this.db
      .prepare<[], number>(
        `SELECT count(DISTINCT poster_hash) FROM clips INDEXED BY clips_lacking_card_poster
         WHERE poster_hash IS NOT NULL AND card_poster_hash IS NULL`,
      )
      .pluck()
      .get() ?? 0;
  }

  /** Gives every clip showing this poster, and lacking a card poster, this one (its media row must exist). */
  setCardPoster(posterId: string, cardPosterId: string): number {
    return this.db
      .prepare('UPDATE clips SET card_poster_hash = ? WHERE poster_hash = ? AND card_poster_hash IS NULL')
      .run(cardPosterId, posterId).changes;
  }

  /** Points the clip at a stored sprite sheet (its media row must exist). */
  setSprite(id: number, spriteId: string): void {
    const result = this.db.prepare('UPDATE clips SET sprite_hash = ? WHERE id = ?').run(spriteId, id);
    if (result.changes === 0) throw notFound(id);
  }

  delete(id: number): number {
    const clip = this.get(id);
    this.db.prepare('DELETE FROM clips WHERE id = ?').run(id);
    return clip.projectId;
  }

  /** The MIME type of a stored object, or null when the library does not know it. */
  mediaType(id: string): string | null {
    const row = this.db.prepare<[string], { mime_type: string }>('SELECT mime_type FROM media WHERE id = ?').get(id);
    return row?.mime_type ?? null;
  }

  /** The size in bytes the library recorded for a stored object, or null when it does not know it. */
  mediaBytes(id: string): number | null {
    const row = this.db.prepare<[string], { bytes: number }>('SELECT bytes FROM media WHERE id = ?').get(id);
    return row?.bytes ?? null;
  }
}

/**
 * A project's rows, read for a bundle and written back into another library. Columns are taken
 * as the database has them (PRAGMA table_info), so ratings, tags, reports and whatever a later
 * version adds travel without this file knowing them; foreign keys are found the same way
 * (PRAGMA foreign_key_list) and remapped to the rows the import creates.
 */
import type { Database } from 'better-sqlite3';
import { cleanTitle } from '../../../shared/domain';
import { StudioError } from '../../../shared/errors';
import { ClipQuery, SavedFilterName } from '../../../shared/library/organise';
import type { BundleRow, Manifest } from './manifest';
import { Organiser } from '../organise';
import { holderOf } from '../projects';

interface ForeignKey {
  from: string;
  table: string;
}

/** Tables whose rows a bundle carries; their ids are remapped on import (media keep theirs: they are hashes). */
type Carried = 'clips' | 'cues' | 'media';

const quoteId = (name: string): string => `"${name.replace(/"/g, '""')}"`;

export interface ProjectRows {
  projectName: string;
  media: BundleRow[];
  clips: BundleRow[];
  cues: BundleRow[];
  clipTags: { clipId: number; tag: string }[];
  savedFilters: { name: string; query: unknown }[];
}

export interface WrittenProject {
  projectId: number;
  /** The clips that arrive in the project, and those that arrive in the Trash (trashed where the bundle was made). */
  clips: number;
  trashed: number;
  cues: number;
  notes: string[];
}

export class BundleRows {
  constructor(private readonly db: Database) {}

  private columns(table: Carried): string[] {
    return this.db
      .prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('${table}')`)
      .all()
      .map((row) => row.name);
  }

  private foreignKeys(table: Carried): ForeignKey[] {
    return this.db.prepare<[], ForeignKey>(`SELECT "from", "table" FROM pragma_foreign_key_list('${table}')`).all();
  }

  /** Everything a bundle holds of a project, read in one transaction so it is one consistent moment. */
  read(projectId: number): ProjectRows {
    return this.db.transaction((): ProjectRows => {
      const project = this.db
        .prepare<[number], { name: string }>('SELECT name FROM projects WHERE id = ?')
        .get(projectId);
      if (!project)
        throw new StudioError('not_found', `Project ${projectId} does not exist; it may have been deleted.`);
      const clips = this.db
        .prepare<[number], BundleRow>('SELECT * FROM clips WHERE project_id = ? ORDER BY id')
        .all(projectId);
      const cues = this.db
        .prepare<[number], BundleRow>(
          'SELECT * FROM cues WHERE clip_id IN (SELECT id FROM clips WHERE project_id = ?) ORDER BY id',
        )
        .all(projectId);
      const mediaColumns = this.foreignKeys('clips')
        .filter((key) => key.table === 'media')
        .map((key) => `c.${quoteId(key.from)}`);
      const media = this.db
        .prepare<[number], BundleRow>(
          `SELECT * FROM media WHERE id IN (
             SELECT value FROM clips c, json_each(json_array(${mediaColumns.join(', ')})) WHERE c.project_id = ?
           ) ORDER BY id`,
        )
        .all(projectId);
      const clipTags = this.db
        .prepare<[number], { clipId: number; tag: string }>(
          `SELECT ct.clip_id AS clipId, t.name AS tag FROM clip_tags ct JOIN tags t ON t.id = ct.tag_id
           WHERE ct.clip_id IN (SELECT id FROM clips WHERE project_id = ?) ORDER BY ct.clip_id, t.name`,
        )
        .all(projectId);
      const savedFilters = this.db
        .prepare<[number], { name: string; query_json: string }>(
          'SELECT name, query_json FROM saved_filters WHERE project_id = ? ORDER BY name',
        )
        .all(projectId)
        .map((row) => ({ name: row.name, query: JSON.parse(row.query_json) as unknown }));
      for (const clip of clips) {
        // Jobs stay behind (a bundle carries clips, not their queue history); the project is the bundle's own.
        delete clip.project_id;
        delete clip.job_id;
      }
      return { projectName: project.name, media, clips, cues, clipTags, savedFilters };
    })();
  }

  /**
   * Writes a bundle's rows as a new project in one transaction: media rows this library lacks,
   * clips and cues with new ids, lineage and every other reference remapped, tags by name.
   * Anything that does not fit (a value this library's schema refuses) rolls all of it back.
   */
  write(manifest: Manifest, now = Date.now()): WrittenProject {
    const notes = new Set<string>();
    return this.db.transaction((): WrittenProject => {
      const { lastInsertRowid } = this.db
        .prepare('INSERT INTO projects (name, created_at, updated_at) VALUES (?, ?, ?)')
        .run(this.freeName(manifest.project.name), now, now);
      const projectId = Number(lastInsertRowid);
      const ids: Record<Carried, Map<string | number, string | number>> = {
        clips: new Map(),
        cues: new Map(),
        media: new Map(manifest.media.map((row) => [row.id, row.id])),
      };
      const unknownColumns = new Set<string>();

      for (const row of manifest.media) {
        const cells = this.cells('media', row, unknownColumns);
        this.insert('media', cells, 'ON CONFLICT (id) DO NOTHING');
      }
      const clipLinks = this.insertKeyed('clips', manifest.clips, ids, { project_id: projectId }, unknownColumns);
      const cueLinks = this.insertKeyed('cues', manifest.cues, ids, {}, unknownColumns);
      for (const link of [...clipLinks, ...cueLinks]) this.link(link, ids, notes);
      this.writeTags(manifest.clipTags, ids.clips);
      this.writeSavedFilters(manifest.savedFilters, projectId, now, notes);

      if (unknownColumns.size > 0) {
        notes.add(
          `The bundle was made by a Shotline that keeps more about clips than this one (${[...unknownColumns].sort().join(', ')}); update Shotline and import it again to keep those too.`,
        );
      }
      const trashed = manifest.clips.filter((clip) => clip['trashed_at'] !== null && clip['trashed_at'] !== undefined);
      return {
        projectId,
        clips: manifest.clips.length - trashed.length,
        trashed: trashed.length,
        cues: manifest.cues.length,
        notes: [...notes],
      };
    })();
  }

  /** The bundle's project name, or "Name (imported)", "Name (imported 2)"… when this library already has one so named. */
  private freeName(wanted: string): string {
    const base = cleanTitle(wanted).slice(0, 100) || 'Imported project';
    // Taken as project names are: in any case, in any script.
    if (holderOf(this.db, base) === null) return base;
    for (let n = 1; ; n++) {
      const candidate = `${base} (imported${n === 1 ? '' : ` ${n}`})`;
      if (holderOf(this.db, candidate) === null) return candidate;
    }
  }

  /** A row's cells this library has columns for; the rest are named in `unknown`. */
  private cells(table: Carried, row: BundleRow, unknown: Set<string>): Map<string, string | number | null> {
    const columns = new Set(this.columns(table));
    const cells = new Map<string, string | number | null>();
    for (const [column, value] of Object.entries(row)) {
      if (columns.has(column)) cells.set(column, value);
      else unknown.add(`${table}.${column}`);
    }
    return cells;
  }

  private insert(table: Carried, cells: Map<string, string | number | null>, tail = ''): number {
    const names = [...cells.keys()];
    const sql = `INSERT INTO ${table} (${names.map(quoteId).join(', ')}) VALUES (${names.map(() => '?').join(', ')}) ${tail}`;
    return Number(this.db.prepare(sql).run(...cells.values()).lastInsertRowid);
  }

  /**
   * Inserts rows with new ids. References to the project become the new project; to media stay
   * (hashes); to clips and cues are filled in afterwards by `link` (a parent may come later in
   * the list than its child); to anything else (jobs) are cleared, since those rows stay behind.
   */
  private insertKeyed(
    table: 'clips' | 'cues',
    rows: readonly BundleRow[],
    ids: Record<Carried, Map<string | number, string | number>>,
    fixed: Record<string, number>,
    unknown: Set<string>,
  ): PendingLink[] {
    const keys = this.foreignKeys(table);
    const pending: PendingLink[] = [];
    for (const row of rows) {
      const cells = this.cells(table, row, unknown);
      const oldId = cells.get('id');
      cells.delete('id');
      for (const [column, value] of Object.entries(fixed)) cells.set(column, value);
      const later: { column: string; target: 'clips' | 'cues'; value: string | number }[] = [];
      for (const key of keys) {
        if (key.from in fixed) continue;
        const value = cells.get(key.from);
        if (value === undefined || value === null) continue;
        if (key.table === 'media') {
          if (!ids.media.has(value))
            throw new StudioError(
              'invalid_input',
              `The bundle is damaged: a ${table} row points at media the bundle does not hold.`,
            );
        } else if (key.table === 'clips' || key.table === 'cues') {
          const mapped = ids[key.table].get(value);
          if (mapped !== undefined) cells.set(key.from, mapped);
          else if (table === 'cues' && key.from === 'clip_id')
            throw new StudioError(
              'invalid_input',
              'The bundle is damaged: a cue belongs to a clip the bundle does not hold.',
            );
          else {
            later.push({ column: key.from, target: key.table, value });
            cells.set(key.from, null);
          }
        } else cells.set(key.from, null);
      }
      const newId = this.insert(table, cells);
      if (oldId !== undefined && oldId !== null) ids[table].set(oldId, newId);
      for (const link of later) pending.push({ table, rowId: newId, ...link });
    }
    return pending;
  }

  private link(
    link: PendingLink,
    ids: Record<Carried, Map<string | number, string | number>>,
    notes: Set<string>,
  ): void {
    const target = ids[link.target].get(link.value);
    if (target === undefined) {
      if (link.table === 'cues' && link.column === 'clip_id')
        throw new StudioError(
          'invalid_input',
          'The bundle is damaged: a cue belongs to a clip the bundle does not hold.',
        );
      // A remix of a clip in another project: the parent is not in the bundle.
      notes.add('Some clips were remixes of clips outside this project; they come in without that link.');
      return;
    }
    this.db.prepare(`UPDATE ${link.table} SET ${quoteId(link.column)} = ? WHERE id = ?`).run(target, link.rowId);
  }

  /** Smart collections whose name and query this version reads; the others are named in a note. */
  private writeSavedFilters(
    filters: Manifest['savedFilters'],
    projectId: number,
    now: number,
    notes: Set<string>,
  ): void {
    const save = this.db.prepare(
      `INSERT INTO saved_filters (project_id, name, query_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (project_id, name) DO UPDATE SET query_json = excluded.query_json`,
    );
    const unread: string[] = [];
    for (const filter of filters) {
      const name = SavedFilterName.safeParse(filter.name);
      const query = ClipQuery.safeParse(filter.query);
      if (name.success && query.success) save.run(projectId, name.data, JSON.stringify(query.data), now, now);
      else unread.push(`“${filter.name.slice(0, 80)}”`);
    }
    if (unread.length > 0)
      notes.add(
        `${unread.length === 1 ? 'The smart collection' : 'The smart collections'} ${unread.join(', ')} could not be read by this version of Shotline and ${unread.length === 1 ? 'was' : 'were'} left out; update Shotline and import the bundle again to keep ${unread.length === 1 ? 'it' : 'them'}.`,
      );
  }

  private writeTags(clipTags: Manifest['clipTags'], clips: Map<string | number, string | number>): void {
    const addTag = this.db.prepare('INSERT INTO tags (name) VALUES (?) ON CONFLICT (name) DO NOTHING');
    const tagId = this.db.prepare<[string], { id: number }>('SELECT id FROM tags WHERE name = ?');
    const tagClip = this.db.prepare('INSERT OR IGNORE INTO clip_tags (clip_id, tag_id) VALUES (?, ?)');
    // A tag this library has in another case ("Café crème" for "CAFÉ CRÈME") is that tag.
    const stored = new Organiser(this.db).storedTag();
    for (const { clipId, tag: named } of clipTags) {
      const clip = clips.get(clipId);
      if (clip === undefined)
        throw new StudioError('invalid_input', 'The bundle is damaged: a tag names a clip it does not hold.');
      const tag = stored(named) ?? named;
      addTag.run(tag);
      const row = tagId.get(tag);
      if (row) tagClip.run(clip, row.id);
    }
  }
}

interface PendingLink {
  table: 'clips' | 'cues';
  rowId: number;
  column: string;
  target: 'clips' | 'cues';
  value: string | number;
}

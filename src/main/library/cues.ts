/**
 * A clip's cues in the `cues` table: times in integer milliseconds, checked against the clip's
 * length; reading and writing cue files (src/shared/cues) goes through here so an import is
 * checked whole and stored in one transaction, or not at all.
 */
import type { Database } from 'better-sqlite3';
import { MAX_CUES_PER_CALL, type Cue, type CuePatch } from '../../shared/cues/calls';
import { CUE_FILE_FORMATS } from '../../shared/cues/index';
import {
  CueData,
  CueFileError,
  DEFAULT_KIND_COLORS,
  describeProblems,
  type CueFileContext,
  type CueFileFormat,
  type CueFormat,
  type ReadCue,
} from '../../shared/cues/types';
import { looksBinary } from '../../shared/cues/fileText';
import { kindOfReadCue } from '../../shared/cues/readKind';
import { describeIssues } from '../../shared/contract';
import { StudioError } from '../../shared/errors';
import { formatTime } from '../../shared/time';
import { refreshCueSearch } from './cueSearch';

interface CueRow {
  id: number;
  clip_id: number;
  start_ms: number;
  end_ms: number | null;
  label: string;
  note: string;
  kind: Cue['kind'];
  color: string | null;
  created_at: number;
  updated_at: number;
  inherited: number;
}

const COLUMNS = 'id, clip_id, start_ms, end_ms, label, note, kind, color, created_at, updated_at, inherited';

function toCue(row: CueRow): Cue {
  return {
    id: row.id,
    clipId: row.clip_id,
    startMs: row.start_ms,
    endMs: row.end_ms,
    label: row.label,
    note: row.note,
    kind: row.kind,
    color: row.color,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    inherited: row.inherited === 1,
  };
}

interface ClipFacts {
  durationMs: number;
  fps: number | null;
  title: string;
  /** Sound and no picture: an OpenTimelineIO export puts it on an audio track. */
  audioOnly: boolean;
}

/** The frame rate frame-based files use for clips that have none (audio). */
export const FALLBACK_FPS = 30;

/** What makes two cues the same cue: a colour left to the kind is the kind's colour. */
function sameness(cue: Pick<CueData, 'startMs' | 'endMs' | 'label' | 'note' | 'kind' | 'color'>): string {
  return JSON.stringify([
    cue.startMs,
    cue.endMs,
    cue.label,
    cue.note,
    cue.kind,
    cue.color ?? DEFAULT_KIND_COLORS[cue.kind],
  ]);
}

/** A cue as read from a file, in the fields a stored cue has (an empty label gets a name). */
function fieldsOfRead(r: ReadCue, i: number): Record<keyof CueData, unknown> {
  return {
    startMs: r.startMs,
    endMs: r.endMs,
    label: r.label.trim() === '' ? `Cue ${i + 1}` : r.label,
    note: r.note ?? '',
    kind: kindOfReadCue(r),
    color: r.color ?? null,
  };
}

/** Cues as a file of this format would bring them back; none when they would not read back whole. */
function readBack(file: CueFileFormat, cues: readonly CueData[], context: CueFileContext): CueData[] {
  if (cues.length === 0) return [];
  try {
    return file.read(file.write(cues, context), context).flatMap((r, i) => {
      const parsed = CueData.safeParse(fieldsOfRead(r, i));
      return parsed.success ? [parsed.data] : [];
    });
  } catch {
    return [];
  }
}

/** What is wrong with a cue's times on this clip ("starts at 00:12, after the clip ends (00:10)"), or null. */
function timeProblem(cue: { startMs: number; endMs: number | null }, clip: ClipFacts): string | null {
  const end = cue.endMs ?? cue.startMs;
  if (cue.startMs > clip.durationMs)
    return `starts at ${formatTime(cue.startMs)}, after the clip ends (${formatTime(clip.durationMs)})`;
  if (end > clip.durationMs) return `ends at ${formatTime(end)}, after the clip ends (${formatTime(clip.durationMs)})`;
  return null;
}

export class Cues {
  constructor(
    private readonly db: Database,
    private readonly now: () => number = Date.now,
  ) {}

  private clip(clipId: number): ClipFacts {
    const row = this.db
      .prepare<
        [number],
        {
          duration_ms: number;
          fps: number | null;
          title: string;
          video_codec: string | null;
          audio_codec: string | null;
        }
      >(
        `SELECT c.duration_ms, c.fps, c.title, m.video_codec, m.audio_codec
         FROM clips c LEFT JOIN media m ON m.id = c.media_hash WHERE c.id = ?`,
      )
      .get(clipId);
    if (!row) throw new StudioError('not_found', `Clip ${clipId} does not exist; it may have been deleted.`);
    return {
      durationMs: row.duration_ms,
      fps: row.fps,
      title: row.title,
      audioOnly: row.video_codec === null && row.audio_codec !== null,
    };
  }

  private row(id: number): CueRow {
    const row = this.db.prepare<[number], CueRow>(`SELECT ${COLUMNS} FROM cues WHERE id = ?`).get(id);
    if (!row) throw new StudioError('not_found', `Cue ${id} does not exist; it may have been deleted.`);
    return row;
  }

  /** A cue must lie within its clip: "cue 3 starts at 00:12, after the clip ends (00:10)". */
  private checkTimes(cue: { startMs: number; endMs: number | null }, clip: ClipFacts, name: string): void {
    const problem = timeProblem(cue, clip);
    if (problem !== null) throw new StudioError('invalid_input', `${name} ${problem}.`);
  }

  list(clipId: number): Cue[] {
    this.clip(clipId);
    return this.db
      .prepare<[number], CueRow>(`SELECT ${COLUMNS} FROM cues WHERE clip_id = ? ORDER BY start_ms, id`)
      .all(clipId)
      .map(toCue);
  }

  clipOf(id: number): number {
    return this.row(id).clip_id;
  }

  /** Creates every cue or none. */
  create(clipId: number, cues: readonly CueData[]): Cue[] {
    const clip = this.clip(clipId);
    cues.forEach((cue, i) => this.checkTimes(cue, clip, cues.length === 1 ? 'The cue' : `Cue ${i + 1}`));
    const insert = this.db.prepare<
      [number, number, number | null, string, string, string, string | null, number, number],
      CueRow
    >(
      `INSERT INTO cues (clip_id, start_ms, end_ms, label, note, kind, color, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING ${COLUMNS}`,
    );
    const now = this.now();
    return this.db.transaction(() => {
      const made = cues.map((c) =>
        toCue(insert.get(clipId, c.startMs, c.endMs, c.label, c.note, c.kind, c.color, now, now) as CueRow),
      );
      refreshCueSearch(this.db);
      return made;
    })();
  }

  update(id: number, patch: CuePatch): Cue {
    const row = this.row(id);
    const merged = CueData.safeParse({
      startMs: patch.startMs ?? row.start_ms,
      endMs: patch.endMs === undefined ? row.end_ms : patch.endMs,
      label: patch.label ?? row.label,
      note: patch.note ?? row.note,
      kind: patch.kind ?? row.kind,
      color: patch.color === undefined ? row.color : patch.color,
    });
    if (!merged.success) throw new StudioError('invalid_input', `cues.update: ${describeIssues(merged.error)}`);
    const cue = merged.data;
    this.checkTimes(cue, this.clip(row.clip_id), 'The cue');
    const updated = this.db.transaction(() => {
      const row = this.db
        .prepare<[number, number | null, string, string, string, string | null, number, number], CueRow>(
          `UPDATE cues SET start_ms = ?, end_ms = ?, label = ?, note = ?, kind = ?, color = ?, updated_at = ?
           WHERE id = ? RETURNING ${COLUMNS}`,
        )
        .get(cue.startMs, cue.endMs, cue.label, cue.note, cue.kind, cue.color, this.now(), id);
      refreshCueSearch(this.db);
      return row;
    })();
    return toCue(updated as CueRow);
  }

  /** Deletes the cues that exist; answers which clips lost some. */
  delete(ids: readonly number[]): { deleted: number; clipIds: number[] } {
    const remove = this.db.prepare<[number], { clip_id: number }>('DELETE FROM cues WHERE id = ? RETURNING clip_id');
    return this.db.transaction(() => {
      const clips = new Set<number>();
      let deleted = 0;
      for (const id of ids) {
        const row = remove.get(id);
        if (row) {
          deleted += 1;
          clips.add(row.clip_id);
        }
      }
      refreshCueSearch(this.db);
      return { deleted, clipIds: [...clips] };
    })();
  }

  /**
   * Reads a cue file and adds its cues to the clip: all of them, or none with an error that names
   * the format, the line and what to do. A cue the clip already has exactly (same times, label,
   * note, kind and colour), as when the same file is imported again, is skipped and counted,
   * never added twice.
   */
  import(clipId: number, format: CueFormat, text: string): { cues: Cue[]; skipped: number } {
    const clip = this.clip(clipId);
    const file = CUE_FILE_FORMATS[format];
    const again = (count: number): string =>
      `Nothing was imported: correct ${count === 1 ? 'that line' : 'those lines'} and import the file again.`;
    if (looksBinary(text)) {
      throw new StudioError(
        'invalid_input',
        `This file is not text, so it cannot be ${file.article} ${file.label} file (a sound, a picture or an archive?). Nothing was imported: choose the cue file itself.`,
      );
    }
    const context = { durationMs: clip.durationMs, fps: clip.fps ?? FALLBACK_FPS, title: clip.title };
    let read: ReadCue[];
    try {
      read = file.read(text, context);
    } catch (error) {
      if (error instanceof CueFileError) {
        throw new StudioError(
          'invalid_input',
          `This ${file.label} file cannot be read: ${error.message}. ${again(error.problems.length)}`,
        );
      }
      throw error;
    }
    if (read.length === 0)
      throw new StudioError(
        'invalid_input',
        `This ${file.label} file holds no cues. Nothing was imported: check that it is the file you meant, in the ${file.label} layout.`,
      );
    if (read.length > MAX_CUES_PER_CALL) {
      throw new StudioError(
        'invalid_input',
        `This ${file.label} file holds ${read.length.toLocaleString('en')} cues; one file may bring at most ${MAX_CUES_PER_CALL.toLocaleString('en')}. Nothing was imported: split it and import each part.`,
      );
    }
    // Every cue is checked before any is added, so one message names every bad line.
    // `late`: the cue is fine but for its times, which run past this clip's end.
    const problems: { where: string; problem: string; late?: string }[] = [];
    const cues: CueData[] = [];
    read.forEach((r, i) => {
      const where = r.line === undefined ? `cue ${i + 1}` : `line ${r.line}`;
      const parsed = CueData.safeParse(fieldsOfRead(r, i));
      if (!parsed.success) {
        problems.push({ where, problem: parsed.error.issues.map((issue) => issue.message).join('; ') });
        return;
      }
      const late = timeProblem(parsed.data, clip);
      if (late !== null) problems.push({ where, problem: `the cue ${late}`, late });
      else cues.push(parsed.data);
    });
    const [only] = problems;
    if (only?.late !== undefined && problems.length === 1)
      throw new StudioError(
        'invalid_input',
        `This ${file.label} file does not fit the clip: the cue on ${only.where} ${only.late}. ${again(1)}`,
      );
    if (problems.length > 0)
      throw new StudioError(
        'invalid_input',
        `This ${file.label} file cannot be read: ${describeProblems(problems)}. ${again(problems.length)}`,
      );
    // A cue the clip has is matched as it is and as this format brings it back (an Audacity
    // label carries no note, an EDL note no line break), so importing a file exported from
    // this clip finds its own cues whatever the format leaves out.
    const own = this.list(clipId);
    const seen = new Set([...own, ...readBack(file, own, context)].map(sameness));
    const fresh = cues.filter((cue) => {
      const key = sameness(cue);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    const skipped = cues.length - fresh.length;
    if (fresh.length === 0) return { cues: [], skipped };
    try {
      return { cues: this.create(clipId, fresh), skipped };
    } catch (error) {
      if (error instanceof StudioError) throw new StudioError(error.code, `${error.message} Nothing was imported.`);
      throw error;
    }
  }

  /** The clip's cues (or the chosen ones) as a file, named for the clip. */
  export(
    clipId: number,
    format: CueFormat,
    ids?: readonly number[],
  ): { fileName: string; mimeType: string; text: string } {
    const clip = this.clip(clipId);
    const chosen = ids ? new Set(ids) : null;
    const cues = this.list(clipId).filter((cue) => chosen === null || chosen.has(cue.id));
    const file = CUE_FILE_FORMATS[format];
    const text = file.write(
      cues.map((cue) => ({
        startMs: cue.startMs,
        endMs: cue.endMs,
        label: cue.label,
        note: cue.note,
        kind: cue.kind,
        color: cue.color,
      })),
      { durationMs: clip.durationMs, fps: clip.fps ?? FALLBACK_FPS, title: clip.title, audioOnly: clip.audioOnly },
    );
    return { fileName: `${fileStem(clip.title)} cues.${file.extension}`, mimeType: file.mimeType, text };
  }
}

/** A clip title as part of a file name on every platform. */
export function fileStem(title: string): string {
  const cleaned = title
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f<>:"/\\|?*\u202a-\u202e\u2066-\u2069]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return (cleaned.replace(/[. ]+$/, '') || 'clip').slice(0, 80);
}

/**
 * The jobs table: every read and write the queue makes, as named queries. State changes go
 * through move(), which checks the transition table and updates only a row still in an
 * allowed state, so two hands can never both move the same job.
 */
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { StudioError } from '../../shared/errors';
import { CompileNote } from '../../shared/prompt/compile/types';
import { ContinueMode, type ContinueSource } from '../../shared/prompt/continuation';
import { ProviderId } from '../../shared/prompt/providers';
import type { ProviderJob } from '../providers/types';
import { JobParams, JobState, jobTitle, type Job } from '../../shared/jobs';
import { canMove, sourcesOf } from './states';

interface JobRow {
  id: number;
  project_id: number;
  provider: string;
  model: string | null;
  state: string;
  priority: number;
  progress: number;
  attempts: number;
  prompt_text: string;
  prompt_json: string | null;
  params_json: string;
  seed: number | null;
  parent_clip_id: number | null;
  error_code: string | null;
  error_message: string | null;
  remote_id: string | null;
  idempotency_key: string;
  cost_estimate_usd: number | null;
  cost_actual_usd: number | null;
  created_at: number;
  updated_at: number;
  started_at: number | null;
  finished_at: number | null;
  request_json: string | null;
  retry_at: number | null;
  submitted_at: number | null;
  cancel_requested: number;
  notes_json: string;
  clip_id: number | null;
}

/** A job with what only the runner needs: the request to send and the idempotency key. */
export interface JobRecord extends Job {
  idempotencyKey: string;
  request: ProviderJob;
  promptJson: string | null;
  submittedAt: number | null;
}

const SELECT = `
  SELECT j.*, (SELECT c.id FROM clips c WHERE c.job_id = j.id ORDER BY c.id LIMIT 1) AS clip_id
  FROM jobs j`;

const StoredRequest = z.object({
  model: z.string(),
  request: z.unknown(),
  remixOf: z.string().nullable().default(null),
  continueFrom: z
    .object({ mode: ContinueMode, clipId: z.number().int().positive(), remoteId: z.string().nullable() })
    .nullable()
    .default(null),
});

function parseJson<T>(schema: z.ZodType<T>, text: string | null, fallback: T): T {
  if (text === null) return fallback;
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : fallback;
  } catch {
    return fallback;
  }
}

function toRecord(row: JobRow): JobRecord {
  const params = parseJson(JobParams, row.params_json, null);
  if (params === null)
    throw new StudioError('internal', `Job ${row.id} has parameters this version of Shotline cannot read.`);
  return {
    id: row.id,
    projectId: row.project_id,
    title: titleOf({ promptJson: row.prompt_json, promptText: row.prompt_text }),
    provider: ProviderId.parse(row.provider),
    model: row.model,
    state: JobState.parse(row.state),
    priority: row.priority,
    progress: row.progress,
    attempts: row.attempts,
    promptText: row.prompt_text,
    params,
    seed: row.seed,
    parentClipId: row.parent_clip_id,
    clipId: row.clip_id,
    errorCode: row.error_code,
    errorMessage: row.error_message,
    remoteId: row.remote_id,
    costEstimateUsd: row.cost_estimate_usd,
    costActualUsd: row.cost_actual_usd,
    notes: parseJson(z.array(CompileNote), row.notes_json, []),
    cancelRequested: row.cancel_requested === 1,
    retryAt: row.retry_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    idempotencyKey: row.idempotency_key,
    request: parseJson(StoredRequest, row.request_json, {
      model: row.model ?? '',
      request: null,
      remixOf: null,
      continueFrom: null,
    }),
    promptJson: row.prompt_json,
    submittedAt: row.submitted_at,
  };
}

/** The Title the compiled prompt carries, else its first line (what the clip will be called). */
export function titleOf(job: Pick<JobRecord, 'promptJson' | 'promptText'>): string {
  let title: string | null = null;
  try {
    const doc = JSON.parse(job.promptJson ?? 'null') as { title?: unknown } | null;
    title = typeof doc?.title === 'string' ? doc.title : null;
  } catch {
    title = null;
  }
  return jobTitle(title, job.promptText);
}

/** The public view: no idempotency key, no request body. */
export function publicJob(record: JobRecord): Job {
  return {
    id: record.id,
    projectId: record.projectId,
    title: record.title,
    provider: record.provider,
    model: record.model,
    state: record.state,
    priority: record.priority,
    progress: record.progress,
    attempts: record.attempts,
    promptText: record.promptText,
    params: record.params,
    seed: record.seed,
    parentClipId: record.parentClipId,
    clipId: record.clipId,
    errorCode: record.errorCode,
    errorMessage: record.errorMessage,
    remoteId: record.remoteId,
    costEstimateUsd: record.costEstimateUsd,
    costActualUsd: record.costActualUsd,
    notes: record.notes,
    cancelRequested: record.cancelRequested,
    retryAt: record.retryAt,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    startedAt: record.startedAt,
    finishedAt: record.finishedAt,
  };
}

export interface NewJob {
  projectId: number;
  provider: ProviderId;
  model: string;
  priority: number;
  promptText: string;
  promptJson: string;
  params: JobParams;
  seed: number | null;
  parentClipId: number | null;
  idempotencyKey: string;
  request: ProviderJob;
  costEstimateUsd: number;
  notes: CompileNote[];
}

/** Columns a move may set alongside the state. */
export interface MoveFields {
  progress?: number;
  attempts?: number;
  error_code?: string | null;
  error_message?: string | null;
  remote_id?: string | null;
  idempotency_key?: string;
  retry_at?: number | null;
  submitted_at?: number | null;
  started_at?: number | null;
  finished_at?: number | null;
  cost_actual_usd?: number | null;
  cancel_requested?: 0 | 1;
}

export class JobConflict extends StudioError {
  constructor(
    readonly jobId: number,
    readonly found: JobState,
    wanted: JobState,
  ) {
    super('conflict', `Job ${jobId} is ${found.replace('_', ' ')}, so it cannot become ${wanted.replace('_', ' ')}.`);
  }
}

export class JobStore {
  constructor(private readonly db: Database) {}

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  insert(job: NewJob, now: number): JobRecord {
    const { lastInsertRowid } = this.db
      .prepare(
        `INSERT INTO jobs (project_id, provider, model, state, priority, prompt_text, prompt_json, params_json, seed,
                           parent_clip_id, idempotency_key, cost_estimate_usd, request_json, notes_json, created_at, updated_at)
         VALUES (@projectId, @provider, @model, 'queued', @priority, @promptText, @promptJson, @params, @seed,
                 @parentClipId, @idempotencyKey, @costEstimateUsd, @request, @notes, @now, @now)`,
      )
      .run({
        ...job,
        params: JSON.stringify(job.params),
        request: JSON.stringify(job.request),
        notes: JSON.stringify(job.notes),
        now,
      });
    return this.get(Number(lastInsertRowid));
  }

  find(id: number): JobRecord | null {
    const row = this.db.prepare<[number], JobRow>(`${SELECT} WHERE j.id = ?`).get(id);
    return row ? toRecord(row) : null;
  }

  get(id: number): JobRecord {
    const found = this.find(id);
    if (!found)
      throw new StudioError('not_found', `Job ${id} does not exist; it may have been deleted with its project.`);
    return found;
  }

  list(filter: {
    projectId?: number | undefined;
    states?: readonly JobState[] | undefined;
    limit?: number | undefined;
    offset?: number | undefined;
  }): JobRecord[] {
    const states = filter.states && filter.states.length > 0 ? JSON.stringify(filter.states) : null;
    return this.db
      .prepare<[number | null, number | null, string | null, string | null, number, number], JobRow>(
        `${SELECT}
         WHERE (? IS NULL OR j.project_id = ?) AND (? IS NULL OR j.state IN (SELECT value FROM json_each(?)))
         ORDER BY CASE WHEN j.state IN ('succeeded', 'failed', 'canceled') THEN 1 ELSE 0 END,
                  -- unfinished jobs in the order they run, finished ones newest first
                  CASE WHEN j.state IN ('succeeded', 'failed', 'canceled') THEN NULL ELSE j.priority END DESC,
                  CASE WHEN j.state IN ('succeeded', 'failed', 'canceled') THEN NULL ELSE j.created_at END,
                  coalesce(j.finished_at, j.updated_at) DESC, j.id
         LIMIT ? OFFSET ?`,
      )
      .all(filter.projectId ?? null, filter.projectId ?? null, states, states, filter.limit ?? 200, filter.offset ?? 0)
      .map(toRecord);
  }

  /**
   * The next job a free slot of this provider should take: first one this process is not
   * already running that was left mid-way (recovery: resume polling, look it up), then the
   * highest-priority queued job whose retry time has come.
   */
  nextRunnable(provider: ProviderId, now: number, busy: readonly number[]): JobRecord | null {
    const exclude = JSON.stringify(busy);
    const resumed = this.db
      .prepare<[string, string, number], JobRow>(
        `${SELECT}
         WHERE j.provider = ? AND j.state IN ('submitting', 'running', 'downloading')
           AND j.id NOT IN (SELECT value FROM json_each(?)) AND (j.retry_at IS NULL OR j.retry_at <= ?)
         ORDER BY j.priority DESC, j.created_at, j.id LIMIT 1`,
      )
      .get(provider, exclude, now);
    if (resumed) return toRecord(resumed);
    const queued = this.db
      .prepare<[string, number, string], JobRow>(
        `${SELECT}
         WHERE j.provider = ? AND j.state = 'queued' AND (j.retry_at IS NULL OR j.retry_at <= ?)
           AND j.id NOT IN (SELECT value FROM json_each(?))
         ORDER BY j.priority DESC, j.created_at, j.id LIMIT 1`,
      )
      .get(provider, now, exclude);
    return queued ? toRecord(queued) : null;
  }

  /** The soonest time a waiting job of one of these providers becomes runnable, or null. */
  nextRetryAt(providers: readonly ProviderId[], busy: readonly number[]): number | null {
    if (providers.length === 0) return null;
    const value = this.db
      .prepare<[string, string], { at: number | null }>(
        `SELECT min(retry_at) AS at FROM jobs
         WHERE state IN ('queued', 'submitting', 'running', 'downloading') AND retry_at IS NOT NULL
           AND provider IN (SELECT value FROM json_each(?)) AND id NOT IN (SELECT value FROM json_each(?))`,
      )
      .get(JSON.stringify(providers), JSON.stringify(busy));
    return value?.at ?? null;
  }

  /**
   * Moves a job to a new state with the given columns, if it is in one of `from` (by default
   * every state the table allows). Throws JobConflict when it is not.
   */
  move(id: number, to: JobState, fields: MoveFields, now: number, from?: readonly JobState[]): JobRecord {
    const allowed = (from ?? sourcesOf(to)).filter((state) => canMove(state, to));
    const columns = Object.keys(fields) as (keyof MoveFields)[];
    const sets = columns.map((column) => `${column} = @${column}`).join(', ');
    const result = this.db
      .prepare(
        `UPDATE jobs SET state = @to, updated_at = @now${sets ? `, ${sets}` : ''}
         WHERE id = @id AND state IN (SELECT value FROM json_each(@allowed))`,
      )
      .run({ ...fields, to, now, id, allowed: JSON.stringify(allowed) });
    if (result.changes === 0) {
      const current = this.get(id);
      throw new JobConflict(id, current.state, to);
    }
    return this.get(id);
  }

  /** Updates columns without a state change, only while the job is in one of `states`. */
  patch(id: number, fields: MoveFields, now: number, states: readonly JobState[]): boolean {
    const columns = Object.keys(fields) as (keyof MoveFields)[];
    if (columns.length === 0) return false;
    const sets = columns.map((column) => `${column} = @${column}`).join(', ');
    const result = this.db
      .prepare(
        `UPDATE jobs SET ${sets}, updated_at = @now WHERE id = @id AND state IN (SELECT value FROM json_each(@states))`,
      )
      .run({ ...fields, now, id, states: JSON.stringify(states) });
    return result.changes > 0;
  }

  setProgress(id: number, progress: number, now: number): void {
    this.db
      .prepare(
        `UPDATE jobs SET progress = ?, updated_at = ? WHERE id = ? AND state IN ('submitting', 'running', 'downloading')`,
      )
      .run(Math.min(1, Math.max(0, progress)), now, id);
  }

  /** Rewrites a queued job's prompt, request and estimate (an edit). */
  rewrite(id: number, job: Omit<NewJob, 'projectId' | 'idempotencyKey' | 'parentClipId'>, now: number): boolean {
    const result = this.db
      .prepare(
        `UPDATE jobs SET provider = @provider, model = @model, priority = @priority, prompt_text = @promptText,
                         prompt_json = @promptJson, params_json = @params, seed = @seed, request_json = @request,
                         notes_json = @notes, cost_estimate_usd = @costEstimateUsd, updated_at = @now
         WHERE id = @id AND state = 'queued'`,
      )
      .run({
        ...job,
        params: JSON.stringify(job.params),
        request: JSON.stringify(job.request),
        notes: JSON.stringify(job.notes),
        now,
        id,
      });
    return result.changes > 0;
  }

  setPriority(id: number, priority: number, now: number): boolean {
    return (
      this.db
        .prepare(`UPDATE jobs SET priority = ?, updated_at = ? WHERE id = ? AND state = 'queued'`)
        .run(priority, now, id).changes > 0
    );
  }

  topQueuedPriority(provider: ProviderId): number | null {
    const row = this.db
      .prepare<[string], { top: number | null }>(
        `SELECT max(priority) AS top FROM jobs WHERE state = 'queued' AND provider = ?`,
      )
      .get(provider);
    return row?.top ?? null;
  }

  /** Remote ids other jobs of this provider already own (a lookup must not adopt them). */
  remoteIds(provider: ProviderId, except: number): Set<string> {
    return new Set(
      this.db
        .prepare<[string, number], { remote_id: string }>(
          `SELECT remote_id FROM jobs WHERE provider = ? AND remote_id IS NOT NULL AND id != ?`,
        )
        .all(provider, except)
        .map((row) => row.remote_id),
    );
  }

  /** Jobs left mid-way by a previous run, oldest first. */
  unfinished(): JobRecord[] {
    return this.db
      .prepare<[], JobRow>(`${SELECT} WHERE j.state IN ('submitting', 'running', 'downloading') ORDER BY j.id`)
      .all()
      .map(toRecord);
  }

  /** The remote id of the job that made a clip, for a remix of that clip. */
  clipOrigin(clipId: number): { provider: string; remoteId: string | null } | null {
    const row = this.db
      .prepare<[number], { provider: string; remote_id: string | null }>(
        `SELECT j.provider, j.remote_id FROM clips c JOIN jobs j ON j.id = c.job_id WHERE c.id = ?`,
      )
      .get(clipId);
    return row ? { provider: row.provider, remoteId: row.remote_id } : null;
  }

  /** What the continue rules need to know of a clip: who made it (and the service's id for it), its length and size. */
  continueSource(clipId: number): ContinueSource | null {
    const row = this.db
      .prepare<
        [number],
        {
          provider: string;
          remote_id: string | null;
          duration_ms: number;
          width: number | null;
          height: number | null;
          created_at: number;
        }
      >(
        `SELECT c.provider, j.remote_id, c.duration_ms, c.width, c.height, c.created_at
         FROM clips c LEFT JOIN jobs j ON j.id = c.job_id AND j.provider = c.provider WHERE c.id = ?`,
      )
      .get(clipId);
    if (!row) return null;
    return {
      provider: row.provider,
      remoteId: row.remote_id,
      durationMs: row.duration_ms,
      width: row.width,
      height: row.height,
      createdAt: row.created_at,
    };
  }

  /** The clip's media file as the store holds it, for a provider that sends the clip itself. */
  clipMedia(clipId: number): { mediaId: string; mimeType: string; bytes: number } | null {
    const row = this.db
      .prepare<[number], { media_hash: string; mime_type: string; bytes: number }>(
        `SELECT c.media_hash, m.mime_type, m.bytes FROM clips c JOIN media m ON m.id = c.media_hash WHERE c.id = ?`,
      )
      .get(clipId);
    return row ? { mediaId: row.media_hash, mimeType: row.mime_type, bytes: row.bytes } : null;
  }
}

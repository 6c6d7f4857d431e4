/**
 * A finished output becomes a clip: probe it (refusing anything that is not a playable
 * video), make its poster (and its card size), sprite sheet and peaks (keeping a poster and sprite sheet the
 * provider drew while rendering), store every file by hash, then in one
 * transaction record the media, insert the clip with its prompt, provider, model,
 * parameters, seed, cost, job and (from the built-in engine) render report (for a remix, what
 * it changed against its parent and the parent's cues, marked inherited), and mark the
 * job succeeded. So a job has exactly one clip or none; files stored before a crash but never
 * recorded are swept at the next start. A clip for a project deleted meanwhile goes into the
 * Trash with it.
 */
import type { Database } from 'better-sqlite3';
import type { Clip } from '../../shared/domain';
import type { RenderReport } from '../../shared/renderReport';
import { mediaRecord, type Clips } from '../library/clips';
import { Lineage } from '../library/lineage';
import { storeCardPoster } from '../media/cardPoster';
import { computePeaks, storePeaks } from '../media/peaks';
import { writePoster } from '../media/poster';
import { probeFile, type ProbeResult } from '../media/probe';
import type { MediaStore, StoredObject } from '../storage/store';
import { writeSpriteSheet } from './derivatives';
import type { Ledger } from './ledger';
import type { JobRecord, JobStore } from './store';

export interface IngestDeps {
  db: Database;
  store: MediaStore;
  clips: Clips;
  jobs: JobStore;
  ledger: Ledger;
}

export class BadOutput extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BadOutput';
  }
}

/** Makes a derivative into a temp file and stores it; a derivative that fails is left out, the clip still plays. */
async function derive(
  store: MediaStore,
  suffix: string,
  make: (outPath: string) => Promise<void>,
  signal: AbortSignal,
): Promise<StoredObject | null> {
  const tmp = store.tempPath(suffix);
  try {
    await make(tmp);
    return await store.putFile(tmp, { signal });
  } catch (error) {
    if (signal.aborted) throw error;
    return null;
  } finally {
    await store.removeTemp(tmp);
  }
}

/**
 * The clip's waveform peaks in the one format the cue timeline reads; when they cannot be made
 * the clip is kept without them, and the timeline computes them when it opens.
 */
async function derivePeaks(
  store: MediaStore,
  file: string,
  durationMs: number,
  signal: AbortSignal,
): Promise<StoredObject | null> {
  try {
    const peaks = await computePeaks(file, { durationMs, signal });
    return peaks === null ? null : await storePeaks(store, peaks, signal);
  } catch (error) {
    if (signal.aborted) throw error;
    return null;
  }
}

/**
 * The card-sized copy of the clip's poster; when it cannot be made the clip is kept without it,
 * and the library makes it in the background.
 */
async function deriveCardPoster(
  store: MediaStore,
  poster: StoredObject | null,
  signal: AbortSignal,
): Promise<StoredObject | null> {
  if (poster === null) return null;
  try {
    return await storeCardPoster(store, poster.id, signal);
  } catch (error) {
    if (signal.aborted) throw error;
    return null;
  }
}

/**
 * Stores a derivative the provider drew; when there is none, or it cannot be stored, ffmpeg
 * makes it from the output instead.
 */
async function drawnOrDerived(
  store: MediaStore,
  drawnPath: string | undefined,
  make: (outPath: string) => Promise<void>,
  signal: AbortSignal,
): Promise<StoredObject | null> {
  if (drawnPath !== undefined) {
    try {
      return await store.putFile(drawnPath, { signal });
    } catch (error) {
      if (signal.aborted) throw error;
    }
  }
  return derive(store, '.jpg', make, signal);
}

export interface IngestResult {
  clip: Clip;
  job: JobRecord;
}

export interface IngestOptions {
  costUsd: number | null;
  /** The built-in engine's report on this output, stored with the clip as the engine wrote it. */
  report?: RenderReport;
  /**
   * JPEGs the provider drew while rendering (temp files owned by the caller), stored as the
   * clip's poster and sprite sheet; ffmpeg makes whichever is not given.
   */
  drawn?: { posterPath?: string; spritePath?: string };
  signal: AbortSignal;
  now: () => number;
  onProgress: (fraction: number) => void;
}

/**
 * Brings `file` (a temp file owned by the caller) into the library for `job`, marks the job
 * succeeded and charges `costUsd` to the ledger, all in one transaction.
 */
export async function ingestOutput(
  deps: IngestDeps,
  job: JobRecord,
  file: string,
  options: IngestOptions,
): Promise<IngestResult> {
  const { store, clips, jobs } = deps;
  const { signal } = options;
  let probe: ProbeResult;
  try {
    probe = await probeFile(file, `The output of job ${job.id}`, signal);
  } catch (error) {
    if (signal.aborted) throw error;
    throw new BadOutput(
      `${error instanceof Error ? error.message : String(error)} The provider returned a file that is not a playable video.`,
    );
  }
  if (probe.kind !== 'video') throw new BadOutput('The provider returned sound without a picture; a clip needs video.');
  options.onProgress(0.2);
  const [video, poster, sprite, peaks] = await Promise.all([
    store.putFile(file, { signal }),
    drawnOrDerived(store, options.drawn?.posterPath, (out) => writePoster(file, probe.durationMs, out, signal), signal),
    drawnOrDerived(
      store,
      options.drawn?.spritePath,
      (out) => writeSpriteSheet(file, probe.durationMs, out, signal),
      signal,
    ),
    probe.audioCodec === null ? Promise.resolve(null) : derivePeaks(store, file, probe.durationMs, signal),
  ]);
  const cardPoster = await deriveCardPoster(store, poster, signal);
  options.onProgress(0.9);
  signal.throwIfAborted();
  const now = options.now();
  return jobs.transaction(() => {
    clips.upsertMedia(mediaRecord(video, probe.mimeType, probe), now);
    if (poster) clips.upsertMedia(mediaRecord(poster, 'image/jpeg'), now);
    if (cardPoster) clips.upsertMedia(mediaRecord(cardPoster, 'image/jpeg'), now);
    if (sprite) clips.upsertMedia(mediaRecord(sprite, 'image/jpeg'), now);
    if (peaks) clips.upsertMedia(mediaRecord(peaks, 'application/json'), now);
    const inserted = clips.insert(
      {
        projectId: job.projectId,
        title: job.title,
        provider: job.provider,
        durationMs: probe.durationMs,
        width: probe.width,
        height: probe.height,
        fps: probe.fps,
        mediaId: video.id,
        posterId: poster?.id ?? null,
        cardPosterId: cardPoster?.id ?? null,
        promptText: job.promptText,
      },
      now,
    );
    // A project deleted while its job ran takes the clip into the Trash with it, as if the clip
    // had been there when it was deleted (trashed at its deleted_at): restoring it brings the clip back.
    deps.db
      .prepare(
        `UPDATE clips SET prompt_json = @promptJson, model = @model, params_json = @params, seed = @seed,
                          parent_clip_id = @parent, job_id = @jobId, cost_usd = @cost,
                          sprite_hash = @sprite, peaks_hash = @peaks, report_json = @report,
                          trashed_at = (SELECT deleted_at FROM projects WHERE id = clips.project_id)
         WHERE id = @id`,
      )
      .run({
        id: inserted.id,
        promptJson: job.promptJson,
        model: job.model,
        params: JSON.stringify(job.params),
        seed: job.seed,
        parent: job.parentClipId,
        jobId: job.id,
        cost: options.costUsd,
        sprite: sprite?.id ?? null,
        peaks: peaks?.id ?? null,
        report: options.report === undefined ? null : JSON.stringify(options.report),
      });
    // A remix keeps what it changed against its parent and a copy of the parent's cues.
    if (job.parentClipId !== null) new Lineage(deps.db).recordRemix(inserted.id, now);
    const done = jobs.move(
      job.id,
      'succeeded',
      {
        progress: 1,
        finished_at: now,
        cost_actual_usd: options.costUsd,
        error_code: null,
        error_message: null,
        retry_at: null,
      },
      now,
      ['running', 'downloading'],
    );
    if (options.costUsd !== null) deps.ledger.charge(job, options.costUsd, now);
    return { clip: clips.get(inserted.id), job: done };
  });
}

/**
 * A job for the built-in engine: it renders into a temp file on this computer, then the file
 * becomes a clip. A render left mid-way by an earlier run restarts from the beginning; a quit
 * puts the job back in the queue, a cancel ends it.
 */
import { diskFullError, isDiskFull } from '../storage/diskFull';
import { ProviderError } from '../providers/errors';
import type { LocalProvider, LocalRenderResult } from '../providers/types';
import { SPRITE_TILE_WIDTH, SPRITE_TILES } from './derivatives';
import { BadOutput, ingestOutput } from './ingest';
import { asProviderError, type RunContext } from './runContext';
import { CANCEL, isAborted } from './signals';
import { JobConflict, type JobRecord } from './store';

/** Share of the progress bar for rendering; the rest is making the clip. */
const RENDER_SHARE = 0.85;

export async function runLocal(
  run: RunContext,
  job: JobRecord,
  provider: LocalProvider,
  signal: AbortSignal,
): Promise<void> {
  const current = start(run, job, provider);
  if (current === null) return;
  const out = run.store.tempPath('.mp4');
  const posterPath = run.store.tempPath('.jpg');
  const spritePath = run.store.tempPath('.jpg');
  try {
    const rendered = await provider.render(current.request, {
      signal,
      outPath: out,
      posterPath,
      spritePath,
      onProgress: (fraction) => run.outcomes.progress(current, fraction * RENDER_SHARE),
    });
    signal.throwIfAborted();
    const result = await ingestOutput(run.ingest, current, out, {
      // The built-in engine runs on this computer: free, and recorded as such.
      costUsd: 0,
      report: rendered.report,
      drawn: drawnDerivatives(rendered),
      signal,
      now: run.now,
      onProgress: (fraction) => run.outcomes.progress(current, RENDER_SHARE + fraction * (1 - RENDER_SHARE)),
    });
    run.outcomes.succeeded(result.job, result.clip.projectId);
  } catch (error) {
    renderFailed(run, current, error, signal);
  } finally {
    await Promise.all([out, posterPath, spritePath].map((path) => run.store.removeTemp(path)));
  }
}

/**
 * The poster and sprite sheet the renderer drew, to keep instead of making them again. A
 * sprite sheet is kept only in the library's layout (derivatives.ts: one row of SPRITE_TILES
 * tiles SPRITE_TILE_WIDTH wide), which is what the engine draws for clips of up to ten seconds.
 */
export function drawnDerivatives(rendered: LocalRenderResult): { posterPath?: string; spritePath?: string } {
  const sprite = rendered.sprite;
  const spriteFits =
    sprite !== null &&
    sprite.rows === 1 &&
    sprite.columns === SPRITE_TILES &&
    sprite.count === SPRITE_TILES &&
    sprite.tileWidth === SPRITE_TILE_WIDTH;
  return {
    ...(rendered.posterPath === null ? {} : { posterPath: rendered.posterPath }),
    ...(spriteFits ? { spritePath: sprite.path } : {}),
  };
}

/** Moves the job to running; null when it ended instead (canceled, or the engine is missing). */
function start(run: RunContext, job: JobRecord, provider: LocalProvider): JobRecord | null {
  let current = job;
  if (current.state !== 'queued') {
    // Left mid-render by an earlier run: renders restart from the beginning.
    current = run.outcomes.move(current, 'queued', { progress: 0 });
  }
  if (current.cancelRequested) {
    run.outcomes.finishCanceled(current, null, null);
    return null;
  }
  const ready = provider.ready();
  if (!ready.ok) {
    run.outcomes.fail(current, 'not_configured', ready.message ?? 'The built-in engine is not available.');
    return null;
  }
  const now = run.now();
  return run.outcomes.move(
    current,
    'running',
    {
      attempts: current.attempts + 1,
      started_at: current.startedAt ?? now,
      progress: 0,
      error_code: null,
      error_message: null,
      retry_at: null,
    },
    ['queued'],
  );
}

function renderFailed(run: RunContext, job: JobRecord, error: unknown, signal: AbortSignal): void {
  if (isAborted(signal)) {
    if (signal.reason === CANCEL) run.outcomes.finishCanceled(job, null, null);
    else run.outcomes.move(job, 'queued', { progress: 0 }, ['running']);
    return;
  }
  if (error instanceof JobConflict) throw error;
  if (isDiskFull(error)) {
    const full = diskFullError('the render', run.store.libraryFolder);
    run.outcomes.fail(job, 'disk_full', full.message);
    return;
  }
  const failure =
    error instanceof BadOutput
      ? new ProviderError('rejected', error.message, { code: 'bad_output' })
      : asProviderError(error);
  run.outcomes.fail(
    job,
    failure.code ?? 'render_failed',
    `The built-in engine could not render this clip: ${failure.message}`,
  );
}

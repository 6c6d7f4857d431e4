import { stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { Clip, ImportAlready, ImportFailure, ImportPhase, ImportSource } from '../../shared/domain';
import { StudioError } from '../../shared/errors';
import { readClipMetadata } from '../media/clipMetadata';
import { checkWhole } from '../media/integrity';
import { storeCardPoster } from '../media/cardPoster';
import { writePoster } from '../media/poster';
import { probeFile } from '../media/probe';
import type { MediaStore } from '../storage/store';
import type { Uploads } from '../storage/uploads';
import { mediaRecord, type Clips } from './clips';

export interface ImportProgress {
  index: number;
  name: string;
  phase: ImportPhase;
  /** 0..1 within this file. */
  fraction: number;
  message?: string;
}

export interface ImportDeps {
  clips: Clips;
  store: MediaStore;
  uploads: Uploads;
}

const PHASE_SHARE: Record<ImportPhase, number> = { upload: 0, probe: 0, copy: 0.1, poster: 0.85, done: 1, failed: 1 };

function titleFrom(name: string): string {
  const base = basename(name, extname(name)).trim();
  return (base || 'Untitled clip').slice(0, 200);
}

/**
 * The store's streams reject an aborted copy with a DOMException AbortError; callers (and the
 * renderer) expect cancellation as StudioError 'canceled', never as a failed file.
 */
function asCanceled(error: unknown, signal: AbortSignal | undefined): unknown {
  if (error instanceof StudioError && error.code === 'canceled') return error;
  return signal?.aborted ? new StudioError('canceled', 'Canceled.') : error;
}

async function resolveSource(source: ImportSource, uploads: Uploads): Promise<{ path: string; name: string }> {
  if (source.kind === 'upload') return { path: await uploads.pathOf(source.uploadId), name: source.name };
  let info;
  try {
    info = await stat(source.path);
  } catch {
    throw new StudioError('not_found', `${source.path} does not exist or cannot be read.`);
  }
  if (!info.isFile()) throw new StudioError('invalid_input', `${source.path} is not a file.`);
  return { path: source.path, name: basename(source.path) };
}

/**
 * Imports one file: probe first (so a file that is not media stores nothing), copy into the
 * content-addressed store, make a poster for video, then record media and clip in one transaction.
 */
export async function importOne(
  deps: ImportDeps,
  projectId: number,
  source: ImportSource,
  index: number,
  report: (progress: ImportProgress) => void,
  signal?: AbortSignal,
): Promise<Clip> {
  return (await importFile(deps, projectId, source, index, report, signal)).clip;
}

/** The file's clip, and whether it was already in the project (then nothing was added). */
async function importFile(
  deps: ImportDeps,
  projectId: number,
  source: ImportSource,
  index: number,
  report: (progress: ImportProgress) => void,
  signal?: AbortSignal,
): Promise<{ clip: Clip; name: string; existing: boolean }> {
  const { path, name } = await resolveSource(source, deps.uploads);
  try {
    report({ index, name, phase: 'probe', fraction: PHASE_SHARE.probe });
    const probe = await probeFile(path, name, signal);
    await checkWhole(path, name, probe, signal);
    // A file Shotline exported brings back its prompt, seed, provider and model.
    const tagged = readClipMetadata(probe.tags, name);
    const meta = tagged.metadata ?? {};
    const total = (await stat(path)).size || 1;
    report({ index, name, phase: 'copy', fraction: PHASE_SHARE.copy });
    const stored = await deps.store.putFile(path, {
      ...(signal ? { signal } : {}),
      onProgress: (bytes) => {
        const share = PHASE_SHARE.copy + (PHASE_SHARE.poster - PHASE_SHARE.copy) * (bytes / total);
        report({ index, name, phase: 'copy', fraction: Math.min(share, PHASE_SHARE.poster) });
      },
    });
    let poster: { id: string; bytes: number } | null = null;
    let cardPoster: { id: string; bytes: number } | null = null;
    if (probe.kind === 'video') {
      report({ index, name, phase: 'poster', fraction: PHASE_SHARE.poster });
      const storedPath = deps.store.pathOf(stored.id);
      const tmp = deps.store.tempPath('.jpg');
      if (storedPath) {
        try {
          await writePoster(storedPath, probe.durationMs, tmp, signal);
          poster = await deps.store.putFile(tmp, signal ? { signal } : {});
          cardPoster = await storeCardPoster(deps.store, poster.id, signal);
        } catch (error) {
          if (signal?.aborted) throw error;
          // A clip without a poster still plays (the grid shows a placeholder); one without its card
          // poster shows the full one until the background makes it.
        } finally {
          await deps.store.removeTemp(tmp);
        }
      }
    }
    signal?.throwIfAborted();
    const { clip, existing } = deps.clips.transaction((): { clip: Clip; existing: boolean } => {
      // Checked inside the write: imports of one file that race each other find the first one's clip.
      const found = deps.clips.importedFrom(projectId, stored.id);
      if (found) return { clip: found, existing: true };
      deps.clips.upsertMedia(mediaRecord(stored, probe.mimeType, probe));
      if (poster) deps.clips.upsertMedia(mediaRecord(poster, 'image/jpeg'));
      if (cardPoster) deps.clips.upsertMedia(mediaRecord(cardPoster, 'image/jpeg'));
      const inserted = deps.clips.insert({
        projectId,
        title: meta.title ?? titleFrom(name),
        provider: meta.provider ?? 'import',
        promptText: meta.prompt ?? null,
        seed: meta.seed ?? null,
        model: meta.model ?? null,
        durationMs: probe.durationMs,
        width: probe.width,
        height: probe.height,
        fps: probe.fps,
        mediaId: stored.id,
        posterId: poster?.id ?? null,
        cardPosterId: cardPoster?.id ?? null,
      });
      return { clip: inserted, existing: false };
    });
    // A file already here is told by the answer's `already`, which the studio words for the creator.
    const note = existing ? null : tagged.note;
    report({ index, name, phase: 'done', fraction: 1, ...(note !== null ? { message: note } : {}) });
    return { clip, name, existing };
  } catch (error) {
    throw asCanceled(error, signal);
  } finally {
    if (source.kind === 'upload') await deps.uploads.discard(source.uploadId);
  }
}

export async function importAll(
  deps: ImportDeps,
  projectId: number,
  sources: readonly ImportSource[],
  report: (progress: ImportProgress) => void,
  signal?: AbortSignal,
): Promise<{ clips: Clip[]; already: ImportAlready[]; failures: ImportFailure[] }> {
  const clips: Clip[] = [];
  const already: ImportAlready[] = [];
  const failures: ImportFailure[] = [];
  for (const [index, source] of sources.entries()) {
    const fallbackName = source.kind === 'upload' ? source.name : basename(source.path);
    try {
      const imported = await importFile(deps, projectId, source, index, report, signal);
      clips.push(imported.clip);
      if (imported.existing) already.push({ name: imported.name, clipId: imported.clip.id });
    } catch (error) {
      const canceled = asCanceled(error, signal);
      if (canceled instanceof StudioError && canceled.code === 'canceled') throw canceled;
      const message =
        error instanceof StudioError ? error.message : `${fallbackName} could not be imported: ${String(error)}`;
      failures.push({ name: fallbackName, message });
      report({ index, name: fallbackName, phase: 'failed', fraction: 1, message });
    }
  }
  return { clips, already, failures };
}

import { copyFile, writeFile } from 'node:fs/promises';
import type { CueFormat } from '../../shared/cues/types';
import type { Clip } from '../../shared/domain';
import { StudioError } from '../../shared/errors';
import { exportFileName, uniqueFileName } from '../../shared/exportName';
import { exportContainer, writeTaggedCopy } from '../media/clipMetadata';
import type { Exports } from '../storage/exports';
import type { MediaStore } from '../storage/store';
import type { Clips } from './clips';
import type { Cues } from './cues';
import { withArticle } from '../../shared/article';

export interface ExportClipDeps {
  clips: Clips;
  cues: Cues;
  store: MediaStore;
  exports: Exports;
}

export interface ExportedFile {
  /** The export's id: a download link (browser) or the desktop's save dialog takes the file by it. */
  id: string;
  fileName: string;
  bytes: number;
  kind: 'clip' | 'cues';
  clipId: number;
}

export interface ExportClipsResult {
  files: ExportedFile[];
  /** What the creator should know: a clip whose format cannot carry tags, a sidecar left out. */
  notes: string[];
}

/**
 * Writes each clip out of the library under a readable name (title and date) with its prompt,
 * seed, provider and model as tags (stream copy: the picture and sound are the stored bytes),
 * and, when asked, its cues beside it in a cue file of the same name.
 */
export async function exportClips(
  deps: ExportClipDeps,
  ids: readonly number[],
  sidecar: CueFormat | null,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<ExportClipsResult> {
  const clips = ids.map((id) => deps.clips.get(id)); // an unknown id refuses the whole export, before any work
  const taken = new Set<string>();
  const result: ExportClipsResult = { files: [], notes: [] };
  for (const [index, clip] of clips.entries()) {
    signal?.throwIfAborted();
    const file = await exportOne(deps, clip, taken, result.notes, signal);
    result.files.push(file);
    if (sidecar !== null) {
      const cues = writeSidecar(deps, clip, file.fileName, sidecar, taken);
      if (cues === null) result.notes.push(`“${clip.title}” has no cues, so no cue file was written for it.`);
      else result.files.push(await cues);
    }
    onProgress((index + 1) / clips.length);
  }
  return result;
}

async function exportOne(
  deps: ExportClipDeps,
  clip: Clip,
  taken: Set<string>,
  notes: string[],
  signal?: AbortSignal,
): Promise<ExportedFile> {
  const source = deps.store.pathOf(clip.mediaId);
  if (!source || !(await deps.store.has(clip.mediaId))) {
    throw new StudioError(
      'not_found',
      `The media file of “${clip.title}” is missing from the library, so it cannot be exported.`,
    );
  }
  const container = exportContainer(clip.mimeType);
  const fileName = uniqueFileName(exportFileName(clip.title, clip.createdAt, container.extension), taken);
  taken.add(fileName);
  const target = await deps.exports.reserve(fileName);
  try {
    if (container.tagged) {
      await writeTaggedCopy(
        source,
        target.path,
        clip.mimeType,
        { title: clip.title, prompt: clip.promptText, seed: clip.seed, provider: clip.provider, model: clip.model },
        signal,
      );
    } else {
      await copyFile(source, target.path);
      notes.push(
        `“${clip.title}” is ${withArticle(clip.mimeType)} file, which cannot carry Shotline's tags; it was exported as it is.`,
      );
    }
  } catch (error) {
    await deps.exports.discard(target.id);
    if (error instanceof StudioError) throw error;
    throw new StudioError(
      'internal',
      `“${clip.title}” could not be exported: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const found = await deps.exports.find(target.id);
  if (!found) throw new StudioError('internal', `“${clip.title}” could not be exported: the written file is gone.`);
  return { id: found.id, fileName: found.fileName, bytes: found.bytes, kind: 'clip', clipId: clip.id };
}

/** The cue file beside a clip, named like it so players that look for one (VLC, mpv with SRT) find it; null without cues. */
function writeSidecar(
  deps: ExportClipDeps,
  clip: Clip,
  clipFileName: string,
  format: CueFormat,
  taken: Set<string>,
): Promise<ExportedFile> | null {
  if (deps.cues.list(clip.id).length === 0) return null;
  const written = deps.cues.export(clip.id, format);
  const extension = written.fileName.slice(written.fileName.lastIndexOf('.'));
  const stem = clipFileName.slice(0, clipFileName.lastIndexOf('.'));
  const fileName = uniqueFileName(stem + extension, taken);
  taken.add(fileName);
  return (async () => {
    const target = await deps.exports.reserve(fileName);
    await writeFile(target.path, written.text, 'utf8');
    const found = await deps.exports.find(target.id);
    if (!found) throw new StudioError('internal', `The cue file of “${clip.title}” could not be written.`);
    return { id: found.id, fileName: found.fileName, bytes: found.bytes, kind: 'cues' as const, clipId: clip.id };
  })();
}

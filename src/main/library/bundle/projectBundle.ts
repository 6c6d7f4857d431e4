import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { StudioError } from '../../../shared/errors';
import { fileDate, safeBaseName } from '../../../shared/exportName';
import type { ExportPhase } from '../../../shared/exports';
import { describeIssues } from '../../../shared/issues';
import type { ExportFile, Exports } from '../../storage/exports';
import type { MediaStore } from '../../storage/store';
import {
  BUNDLE_EXTENSION,
  BUNDLE_FORMAT,
  BUNDLE_VERSION,
  BundleHead,
  CHECKSUM_ENTRY,
  Manifest,
  MANIFEST_ENTRY,
  MAX_MANIFEST_BYTES,
  MEDIA_ENTRY,
  mediaEntryName,
} from './manifest';
import type { BundleRows, WrittenProject } from './rows';
import { readTarIndex, TarError, tarStream, type TarEntry, type TarEntrySource } from './tar';

export interface BundleDeps {
  rows: BundleRows;
  store: MediaStore;
  exports: Exports;
  /** The app's version, recorded in the manifest. */
  version: string;
}

export type BundleProgress = (phase: ExportPhase, fraction: number) => void;

/** Calls `report` at most every 1% of the way, so a large bundle does not flood the event stream. */
function meter(total: number, phase: ExportPhase, report: BundleProgress): (bytes: number) => void {
  let done = 0;
  let last = -1;
  return (bytes) => {
    done += bytes;
    const fraction = total > 0 ? Math.min(1, done / total) : 1;
    if (fraction - last >= 0.01 || fraction === 1) {
      last = fraction;
      report(phase, fraction);
    }
  };
}

/** Writes a project as one bundle file (a tar: manifest, media by hash, the manifest's checksum). */
export async function exportProject(
  deps: BundleDeps,
  projectId: number,
  report: BundleProgress,
  signal?: AbortSignal,
): Promise<{ file: ExportFile; clips: number; trashed: number; cues: number }> {
  const rows = deps.rows.read(projectId);
  const exportedAt = Date.now();
  const manifest: Manifest = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    exportedAt,
    app: deps.version,
    project: { name: rows.projectName },
    media: rows.media as Manifest['media'],
    clips: rows.clips as Manifest['clips'],
    cues: rows.cues as Manifest['cues'],
    clipTags: rows.clipTags,
    savedFilters: rows.savedFilters,
  };
  const manifestBytes = Buffer.from(JSON.stringify(manifest), 'utf8');
  const media: { id: string; path: string; size: number }[] = [];
  for (const row of manifest.media) {
    const path = deps.store.pathOf(row.id);
    const size = path
      ? await stat(path).then(
          (info) => (info.isFile() ? info.size : null),
          () => null,
        )
      : null;
    if (!path || size === null)
      throw new StudioError(
        'not_found',
        `A media file of this project (${row.id.slice(0, 12)}…) is missing from the library, so the project cannot be exported whole.`,
      );
    media.push({ id: row.id, path, size });
  }
  const progress = meter(
    media.reduce((sum, m) => sum + m.size, 0),
    'write',
    report,
  );
  const entries: TarEntrySource[] = [
    { name: MANIFEST_ENTRY, size: manifestBytes.length, body: () => [manifestBytes] },
    ...media.map((m): TarEntrySource => ({
      name: mediaEntryName(m.id),
      size: m.size,
      body: () => counted(createReadStream(m.path), progress),
    })),
  ];
  const checksum = Buffer.from(createHash('sha256').update(manifestBytes).digest('hex') + '\n', 'ascii');
  entries.push({ name: CHECKSUM_ENTRY, size: checksum.length, body: () => [checksum] });

  const target = await deps.exports.reserve(
    `${safeBaseName(rows.projectName, 'Project')} ${fileDate(exportedAt)}.${BUNDLE_EXTENSION}`,
  );
  try {
    await pipeline(
      Readable.from(tarStream(entries, exportedAt)),
      createWriteStream(target.path, { flags: 'wx' }),
      signal ? { signal } : {},
    );
  } catch (error) {
    await deps.exports.discard(target.id);
    if (signal?.aborted) throw new StudioError('canceled', 'Canceled.');
    throw error;
  }
  const file = await deps.exports.find(target.id);
  if (!file) throw new StudioError('internal', 'The bundle was written but is gone; export the project again.');
  report('done', 1);
  const trashed = manifest.clips.filter((clip) => clip['trashed_at'] !== null && clip['trashed_at'] !== undefined).length;
  return { file, clips: manifest.clips.length - trashed, trashed, cues: manifest.cues.length };
}

async function* counted(stream: NodeJS.ReadableStream, onBytes: (bytes: number) => void): AsyncGenerator<Uint8Array> {
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    onBytes(chunk.length);
    yield chunk;
  }
}

/** A file that is no bundle at all says which file to choose instead. */
const refused = (name: string, why: string): StudioError =>
  new StudioError(
    'invalid_input',
    `${name} cannot be imported: ${why}. Nothing was imported${
      !why.includes('not a Shotline project bundle')
        ? '.'
        : /\.shotline$/i.test(name)
          ? ': it is named as a bundle but is not one (damaged, or not written by Export project…). Export the project again and import the new file.'
          : ': choose a .shotline file, as Export project… writes one.'
    }`,
  );

async function readEntry(file: FileHandle, entry: TarEntry): Promise<Buffer> {
  const data = Buffer.alloc(entry.size);
  const { bytesRead } = await file.read(data, 0, entry.size, entry.offset);
  if (bytesRead !== entry.size) throw new TarError(`${entry.name} is cut short`);
  return data;
}

/** The manifest, after its checksum and shape are checked; the index's media entries must match it exactly. */
async function readManifest(file: FileHandle, index: TarEntry[], name: string): Promise<Manifest> {
  const first = index[0];
  const last = index.at(-1);
  if (first?.name !== MANIFEST_ENTRY)
    throw refused(name, 'it is not a Shotline project bundle (its first entry is not the project manifest)');
  if (index.length < 2 || last?.name !== CHECKSUM_ENTRY)
    throw refused(name, 'it is incomplete (its checksum entry is missing)');
  if (first.size > MAX_MANIFEST_BYTES) throw refused(name, 'its manifest is larger than Shotline reads');
  const manifestBytes = await readEntry(file, first);
  const expected = (await readEntry(file, last)).toString('ascii').trim();
  if (createHash('sha256').update(manifestBytes).digest('hex') !== expected)
    throw refused(name, 'its manifest does not match its checksum (the file was changed or damaged)');
  let json: unknown;
  try {
    json = JSON.parse(manifestBytes.toString('utf8'));
  } catch {
    throw refused(name, 'its manifest is not valid JSON');
  }
  const head = BundleHead.safeParse(json);
  if (!head.success || head.data.format !== BUNDLE_FORMAT) throw refused(name, 'it is not a Shotline project bundle');
  if (head.data.version > BUNDLE_VERSION)
    throw refused(
      name,
      `it was made by a newer Shotline (bundle version ${head.data.version}; this one reads version ${BUNDLE_VERSION}). Update Shotline, then import it again`,
    );
  if (head.data.version !== BUNDLE_VERSION)
    throw refused(name, `its bundle version ${head.data.version} is not one Shotline has written`);
  const manifest = Manifest.safeParse(json);
  if (!manifest.success) throw refused(name, `its manifest is damaged (${describeIssues(manifest.error, 1)})`);
  return manifest.data;
}

/** Pairs every media row with its entry: none missing, none extra, each the size the row says. */
function mediaEntries(index: TarEntry[], manifest: Manifest, name: string): { id: string; entry: TarEntry }[] {
  const rows = new Map(manifest.media.map((row) => [row.id, row]));
  const found: { id: string; entry: TarEntry }[] = [];
  const seen = new Set<string>();
  for (const entry of index.slice(1, -1)) {
    const match = MEDIA_ENTRY.exec(entry.name);
    const id = match?.[2];
    if (!match || id === undefined || match[1] !== id.slice(0, 2))
      throw refused(name, `it holds an entry Shotline does not know (${entry.name.slice(0, 80)})`);
    const row = rows.get(id);
    if (!row || seen.has(id)) throw refused(name, `it holds media its manifest does not list (${id.slice(0, 12)}…)`);
    if (row.bytes !== entry.size)
      throw refused(name, `the media file ${id.slice(0, 12)}… is not the size its manifest records`);
    seen.add(id);
    found.push({ id, entry });
  }
  if (seen.size !== rows.size) throw refused(name, `it is missing ${rows.size - seen.size} of its media files`);
  return found;
}

/**
 * Reads a bundle into a new project. Everything is checked before the library changes: the
 * archive's structure, the manifest's checksum and shape, and every media file's SHA-256 as it
 * is copied into the store. A bundle that fails any check adds nothing (media it had already
 * copied are removed again), and the rows go in in one transaction.
 */
export async function importProject(
  deps: BundleDeps,
  path: string,
  name: string,
  report: BundleProgress,
  signal?: AbortSignal,
): Promise<WrittenProject> {
  let file: FileHandle;
  try {
    file = await open(path, 'r');
  } catch {
    throw new StudioError('not_found', `${name} does not exist or cannot be read.`);
  }
  const created: string[] = [];
  try {
    report('verify', 0);
    const { size } = await file.stat();
    let index: TarEntry[];
    try {
      index = await readTarIndex(file, size);
    } catch (error) {
      if (error instanceof TarError) throw refused(name, error.message);
      throw error;
    }
    const manifest = await readManifest(file, index, name);
    const media = mediaEntries(index, manifest, name);
    const progress = meter(
      media.reduce((sum, m) => sum + m.entry.size, 0),
      'store',
      report,
    );
    for (const { id, entry } of media) {
      signal?.throwIfAborted();
      const source =
        entry.size === 0
          ? Readable.from([])
          : createReadStream(path, { start: entry.offset, end: entry.offset + entry.size - 1 });
      let copied = 0;
      const stored = await deps.store.putStream(source, {
        ...(signal ? { signal } : {}),
        onProgress: (bytes) => {
          progress(bytes - copied);
          copied = bytes;
        },
      });
      if (stored.created) created.push(stored.id);
      if (stored.id !== id)
        throw refused(
          name,
          `the media file ${id.slice(0, 12)}… does not match its hash (the file was changed or damaged)`,
        );
    }
    report('write', 0);
    let written: WrittenProject;
    try {
      written = deps.rows.write(manifest);
    } catch (error) {
      if (error instanceof StudioError) throw refused(name, error.message.replace(/\.$/, ''));
      throw refused(
        name,
        `its rows do not fit this library (${error instanceof Error ? error.message : String(error)})`,
      );
    }
    created.length = 0;
    report('done', 1);
    return written;
  } catch (error) {
    for (const id of created) await deps.store.remove(id);
    if (signal?.aborted) throw new StudioError('canceled', 'Canceled.');
    throw error;
  } finally {
    await file.close();
  }
}

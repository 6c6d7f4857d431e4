import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { Transform, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { MediaId } from '../../shared/domain';
import { diskFullError, isDiskFull } from './diskFull';
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from './private';

export interface StoredObject {
  id: string;
  bytes: number;
  /** False when an identical object was already stored. */
  created: boolean;
}

/** Opens the temp file a put writes to; tests give one that fails as a full disk does. */
export type TempWriter = (path: string) => Writable;

export interface StoreOptions {
  tempWriter?: TempWriter;
}

export interface PutOptions {
  signal?: AbortSignal;
  onProgress?: (bytesWritten: number) => void;
}

/**
 * A content-addressed store: every object lives at media/ab/<sha256>. Objects are written
 * to media/.tmp first, flushed and renamed into place, so a crash never leaves a partial
 * file under a hash. Leftovers in .tmp are removed when the store opens.
 */
export class MediaStore {
  readonly root: string;
  private readonly tmp: string;

  private constructor(
    root: string,
    private readonly tempWriter: TempWriter,
  ) {
    this.root = root;
    this.tmp = join(root, '.tmp');
  }

  static async open(dataDir: string, options: StoreOptions = {}): Promise<MediaStore> {
    const writer: TempWriter =
      options.tempWriter ?? ((path) => createWriteStream(path, { flags: 'wx', mode: PRIVATE_FILE_MODE }));
    const store = new MediaStore(join(dataDir, 'media'), writer);
    await rm(store.tmp, { recursive: true, force: true });
    await mkdir(store.tmp, { recursive: true, mode: PRIVATE_DIR_MODE });
    return store;
  }

  /** The path of an object, or null when the id is not a well-formed hash. */
  pathOf(id: string): string | null {
    if (!MediaId.safeParse(id).success) return null;
    return join(this.root, id.slice(0, 2), id);
  }

  async has(id: string): Promise<boolean> {
    const path = this.pathOf(id);
    if (!path) return false;
    try {
      return (await stat(path)).isFile();
    } catch {
      return false;
    }
  }

  /** A fresh path inside the store's temp folder, for tools that write a file (ffmpeg) before it is stored. */
  tempPath(suffix = ''): string {
    return join(this.tmp, randomBytes(12).toString('hex') + suffix);
  }

  /** Removes a file made with tempPath(); a no-op for anything outside the temp folder. */
  async removeTemp(path: string): Promise<void> {
    // Resolved first: a prefix check alone lets ".tmp/../../x" climb out of the folder.
    const resolved = resolve(path);
    if (dirname(resolved) === resolve(this.tmp)) await rm(resolved, { force: true });
  }

  async putFile(source: string, options: PutOptions = {}): Promise<StoredObject> {
    return this.putStream(createReadStream(source), options);
  }

  async putBuffer(data: Uint8Array, options: PutOptions = {}): Promise<StoredObject> {
    const tmp = this.tempPath();
    const hash = createHash('sha256').update(data).digest('hex');
    options.signal?.throwIfAborted();
    const handle = await open(tmp, 'wx', PRIVATE_FILE_MODE);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } catch (error) {
      // A write that fails (a full disk) leaves nothing behind.
      await handle.close().catch(() => undefined);
      await rm(tmp, { force: true });
      throw this.explain(error);
    }
    await handle.close();
    return this.commit(tmp, hash, data.byteLength, options);
  }

  async putStream(source: NodeJS.ReadableStream, options: PutOptions = {}): Promise<StoredObject> {
    const tmp = this.tempPath();
    const hash = createHash('sha256');
    let bytes = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        bytes += chunk.length;
        options.onProgress?.(bytes);
        done(null, chunk);
      },
    });
    options.signal?.throwIfAborted();
    const out = this.tempWriter(tmp);
    try {
      await pipeline(source, meter, out, options.signal ? { signal: options.signal } : {});
      const handle = await open(tmp, 'r+');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
    } catch (error) {
      // The file is opened in the background: a write that fails early may create it after the
      // failure, so wait until the stream has let go of it before removing it.
      if (!out.closed) await new Promise<void>((resolve) => out.once('close', () => resolve()));
      await rm(tmp, { force: true });
      throw this.explain(error);
    }
    return this.commit(tmp, hash.digest('hex'), bytes, options);
  }

  private async commit(tmp: string, id: string, bytes: number, options: PutOptions): Promise<StoredObject> {
    try {
      options.signal?.throwIfAborted();
      const target = this.pathOf(id);
      if (!target) throw new Error(`not a media id: ${id}`);
      if (await this.has(id)) {
        await rm(tmp, { force: true });
        return { id, bytes, created: false };
      }
      await mkdir(join(this.root, id.slice(0, 2)), { recursive: true, mode: PRIVATE_DIR_MODE });
      await rename(tmp, target);
      return { id, bytes, created: true };
    } catch (error) {
      await rm(tmp, { force: true });
      throw this.explain(error);
    }
  }

  /** The library's folder: the data folder the store lives in. */
  get libraryFolder(): string {
    return dirname(this.root);
  }

  /** A full disk says so, naming the library's folder; other errors pass as they are. */
  private explain(error: unknown): unknown {
    return isDiskFull(error) ? diskFullError('storing the file', this.libraryFolder) : error;
  }

  async remove(id: string): Promise<void> {
    const path = this.pathOf(id);
    if (path) await rm(path, { force: true });
  }

  /** Names of files left in the temp folder (for tests and diagnostics). */
  async tempEntries(): Promise<string[]> {
    return readdir(this.tmp);
  }
}

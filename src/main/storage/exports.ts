import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { PRIVATE_DIR_MODE } from './private';

/** How long a finished export waits to be downloaded or saved before it is swept. */
export const EXPORT_TTL_MS = 60 * 60 * 1000;

export interface ExportFile {
  /** Opaque: what a download link or the desktop's save dialog names the file by. */
  id: string;
  fileName: string;
  path: string;
  bytes: number;
}

const ID = /^[0-9a-f]{32}$/;

/**
 * Files made for the creator to take out of the library (exported clips, sidecars, project
 * bundles), each in its own folder `exports/<id>/<file name>` so it keeps its readable name.
 * They wait there to be downloaded (browser studio) or saved (desktop), are swept after an hour,
 * and the folder is emptied when the studio opens.
 */
export class Exports {
  private constructor(private readonly dir: string) {}

  static async open(dataDir: string): Promise<Exports> {
    const dir = join(dataDir, 'exports');
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
    return new Exports(dir);
  }

  /** A new, empty place for one file: write it at `path`, then `find(id)` serves it. */
  async reserve(fileName: string): Promise<{ id: string; path: string }> {
    await this.sweep();
    const id = randomBytes(16).toString('hex');
    await mkdir(join(this.dir, id), { mode: PRIVATE_DIR_MODE });
    return { id, path: join(this.dir, id, basename(fileName)) };
  }

  /** The finished file behind an id, or null for an unknown, swept or malformed one. */
  async find(id: string): Promise<ExportFile | null> {
    if (!ID.test(id)) return null;
    try {
      const [fileName] = await readdir(join(this.dir, id));
      if (fileName === undefined) return null;
      const path = join(this.dir, id, fileName);
      const info = await stat(path);
      return info.isFile() ? { id, fileName, path, bytes: info.size } : null;
    } catch {
      return null;
    }
  }

  async discard(id: string): Promise<void> {
    if (ID.test(id)) await rm(join(this.dir, id), { recursive: true, force: true });
  }

  /** Removes exports older than the TTL. */
  async sweep(now = Date.now()): Promise<void> {
    for (const id of await readdir(this.dir).catch(() => [])) {
      const info = await stat(join(this.dir, id)).catch(() => null);
      if (info && now - info.mtimeMs > EXPORT_TTL_MS) await rm(join(this.dir, id), { recursive: true, force: true });
    }
  }
}

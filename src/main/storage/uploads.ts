import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { StudioError } from '../../shared/errors';

/**
 * Files sent by the browser studio, held until an import takes them. The folder is
 * emptied when the studio opens, so an abandoned upload never outlives a restart.
 */
export class Uploads {
  private constructor(private readonly dir: string) {}

  static async open(dataDir: string): Promise<Uploads> {
    const dir = join(dataDir, 'uploads');
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    return new Uploads(dir);
  }

  async receive(body: NodeJS.ReadableStream, signal?: AbortSignal): Promise<{ uploadId: string; bytes: number }> {
    const uploadId = randomBytes(16).toString('hex');
    const path = join(this.dir, uploadId);
    try {
      await pipeline(body, createWriteStream(path, { flags: 'wx' }), signal ? { signal } : {});
    } catch (error) {
      await rm(path, { force: true });
      throw error;
    }
    return { uploadId, bytes: (await stat(path)).size };
  }

  /** The staged file of an upload id; throws a clear error for an unknown or used id. */
  async pathOf(uploadId: string): Promise<string> {
    if (!/^[0-9a-f]{32}$/.test(uploadId))
      throw new StudioError('invalid_input', `uploadId: not an upload id: ${uploadId}`);
    const path = join(this.dir, uploadId);
    try {
      await stat(path);
    } catch {
      throw new StudioError(
        'not_found',
        'The uploaded file is gone (it was already imported or the studio restarted). Upload it again.',
      );
    }
    return path;
  }

  async discard(uploadId: string): Promise<void> {
    if (/^[0-9a-f]{32}$/.test(uploadId)) await rm(join(this.dir, uploadId), { force: true });
  }
}

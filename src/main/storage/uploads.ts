import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm, stat, statfs } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { StudioError } from '../../shared/errors';
import { PRIVATE_DIR_MODE } from './private';

/** The largest single upload the browser studio takes unless told otherwise (`shotline serve --max-upload-mb`). */
export const DEFAULT_MAX_UPLOAD_BYTES = 4 * 1024 ** 3;
/** Free space an upload must leave on the library's disk, so the database and renders can still write. */
export const DEFAULT_UPLOAD_RESERVE_BYTES = 1024 ** 3;
/** How often, in bytes received, the free space is looked at again during an upload. */
const SPACE_CHECK_EVERY = 64 * 1024 ** 2;

export interface UploadLimits {
  /** DEFAULT_MAX_UPLOAD_BYTES when absent. */
  maxBytes?: number;
  /** DEFAULT_UPLOAD_RESERVE_BYTES when absent. */
  reserveBytes?: number;
  /** The body's Content-Length when the sender gave one: refuses before a byte is read. */
  declaredBytes?: number | null;
  signal?: AbortSignal;
}

/** An upload the studio will not keep: too large for the limit, or the disk would be left nearly full. */
export class UploadRefusedError extends StudioError {
  constructor(
    readonly reason: 'too_large' | 'disk_full',
    message: string,
  ) {
    super('invalid_input', message);
    this.name = 'UploadRefusedError';
  }
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}

const tooLarge = (maxBytes: number): UploadRefusedError =>
  new UploadRefusedError(
    'too_large',
    `the file is larger than the ${formatBytes(maxBytes)} this studio accepts in one upload. ` +
      'Start it with "shotline serve --max-upload-mb N" to accept larger files',
  );

/**
 * Files sent by the browser studio, held until an import takes them. The folder is
 * emptied when the studio opens, so an abandoned upload never outlives a restart.
 */
export class Uploads {
  private constructor(private readonly dir: string) {}

  static async open(dataDir: string): Promise<Uploads> {
    const dir = join(dataDir, 'uploads');
    await rm(dir, { recursive: true, force: true });
    // Uploads are the creator's media before the library takes them: private like the rest.
    await mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
    return new Uploads(dir);
  }

  /** Refuses when writing `incoming` more bytes would leave less than `reserve` free on the disk. */
  private async ensureSpace(incoming: number, reserve: number): Promise<void> {
    const disk = await statfs(this.dir);
    const free = disk.bavail * disk.bsize;
    if (free - incoming < reserve) {
      throw new UploadRefusedError(
        'disk_full',
        `the studio's disk has ${formatBytes(free)} free and Shotline keeps at least ${formatBytes(reserve)} free ` +
          'for the library. Free some space on the machine running Shotline, then try again',
      );
    }
  }

  /** Streams a body into a new upload; refuses early by its declared length, and while streaming, past the limits. */
  async receive(body: NodeJS.ReadableStream, limits: UploadLimits = {}): Promise<{ uploadId: string; bytes: number }> {
    const { maxBytes = DEFAULT_MAX_UPLOAD_BYTES, declaredBytes = null, signal } = limits;
    const reserve = limits.reserveBytes ?? DEFAULT_UPLOAD_RESERVE_BYTES;
    if (declaredBytes !== null && declaredBytes > maxBytes) throw tooLarge(maxBytes);
    await this.ensureSpace(declaredBytes ?? 0, reserve);

    const uploadId = randomBytes(16).toString('hex');
    const path = join(this.dir, uploadId);
    let received = 0;
    let nextCheck = SPACE_CHECK_EVERY;
    const guard = new Transform({
      transform: (chunk: Buffer, _encoding, done: TransformCallback) => {
        received += chunk.length;
        if (received > maxBytes) return done(tooLarge(maxBytes));
        if (received < nextCheck) return done(null, chunk);
        nextCheck += SPACE_CHECK_EVERY;
        this.ensureSpace(SPACE_CHECK_EVERY, reserve).then(
          () => done(null, chunk),
          (error: unknown) => done(error as Error),
        );
      },
    });
    try {
      await pipeline(body, guard, createWriteStream(path, { flags: 'wx' }), signal ? { signal } : {});
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

import { appendFileSync, chmodSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { formatRecord, type LogSink } from './logger';

export interface FileSinkOptions {
  /** The folder of the log files, made on the first write (a data folder's logs/). */
  dir: string;
  /** Default shotline.log; older files are <name>.1 (newest) to <name>.<keep>. */
  name?: string;
  /** The file is rotated before a record would take it past this size. Default 1 MiB. */
  maxBytes?: number;
  /** How many older files are kept beside the current one. Default 3. */
  keep?: number;
}

export interface FileSink extends LogSink {
  readonly path: string;
}

const DEFAULT_MAX_BYTES = 1024 * 1024;
const DEFAULT_KEEP = 3;

/**
 * A log file that rotates by size. Only the owner may read it (0600): records carry file paths,
 * prompt text and provider answers. Writes are synchronous appends of one record, which take
 * microseconds, so a record is on disk even if the process dies right after it; logs are rare
 * (errors, warnings, a few notes), never per frame.
 */
export function openFileSink(options: FileSinkOptions): FileSink {
  const path = join(options.dir, options.name ?? 'shotline.log');
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const keep = options.keep ?? DEFAULT_KEEP;
  // Unknown until the first write, which makes the folder and reads the size of a file left by an earlier run.
  let size: number | null = null;

  const open = (): number => {
    mkdirSync(options.dir, { recursive: true, mode: 0o700 });
    try {
      const info = statSync(path);
      chmodSync(path, 0o600);
      return info.size;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
      throw error;
    }
  };

  const rotate = (): void => {
    rmSync(`${path}.${keep}`, { force: true });
    for (let index = keep - 1; index >= 1; index -= 1) renameIfThere(`${path}.${index}`, `${path}.${index + 1}`);
    if (keep > 0) renameSync(path, `${path}.1`);
    else rmSync(path, { force: true });
  };

  return {
    path,
    write(record) {
      const text = formatRecord(record, `${record.time.toISOString()} ${record.level.toUpperCase().padEnd(5)} `);
      const bytes = Buffer.byteLength(text);
      size ??= open();
      if (size > 0 && size + bytes > maxBytes) {
        rotate();
        size = 0;
      }
      appendFileSync(path, text, { mode: 0o600 });
      size += bytes;
    },
  };
}

function renameIfThere(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

import { StudioError } from '../../shared/errors';

/** Whether an error means the disk (or the creator's quota on it) is full, from Node or from ffmpeg's message. */
export function isDiskFull(error: unknown): boolean {
  if (error instanceof StudioError) return error.code === 'disk_full';
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return true;
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  return /no space left on device|disk quota exceeded/i.test(message);
}

/** The one message a full disk gets, wherever it happens: what failed, and what to do. */
export function diskFullError(what: string, folder: string): StudioError {
  return new StudioError(
    'disk_full',
    `The disk holding your library (${folder}) is full, so ${what} stopped and nothing of it was kept. Free some space on that disk, then try again.`,
  );
}

import { randomBytes } from 'node:crypto';
import { lstat, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The browser studio's access token, kept in the data folder so a saved link survives a restart. */
export const TOKEN_FILE = 'studio-token';

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{32,128}$/;

export interface AccessToken {
  token: string;
  /** Why the token is new, or null when the saved one was kept. */
  renewed: null | 'first' | 'asked' | 'exposed' | 'unreadable';
}

type Saved = { token: string } | { problem: 'exposed' | 'unreadable' } | null;

/** Reads the saved token; null when there is none, and why it cannot be used otherwise. */
async function readSaved(path: string): Promise<Saved> {
  let info;
  try {
    info = await lstat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    return { problem: 'unreadable' };
  }
  if (!info.isFile()) return { problem: 'unreadable' };
  // A token others on the machine could read may have been read: it opens the whole library.
  if (process.platform !== 'win32' && (info.mode & 0o077) !== 0) return { problem: 'exposed' };
  const token = (await readFile(path, 'utf8')).trim();
  return TOKEN_SHAPE.test(token) ? { token } : { problem: 'unreadable' };
}

/**
 * The token of the library in `dataDir`: the saved one (mode 0600), or a new one when there is
 * none, when `renew` asks for it (`shotline serve --new-token`), or when the saved file is not
 * private to its owner. A new token is written to a temporary file and renamed into place.
 */
export async function loadAccessToken(dataDir: string, options: { renew?: boolean } = {}): Promise<AccessToken> {
  const path = join(dataDir, TOKEN_FILE);
  const saved = options.renew ? null : await readSaved(path);
  if (saved && 'token' in saved) return { token: saved.token, renewed: null };
  const token = randomBytes(32).toString('base64url');
  const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(temp, `${token}\n`, { mode: 0o600, flag: 'wx' });
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  return { token, renewed: options.renew ? 'asked' : (saved?.problem ?? 'first') };
}

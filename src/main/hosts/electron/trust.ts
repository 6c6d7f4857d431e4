/**
 * The desktop shell's trust decisions as pure functions, so they are tested without Electron:
 * which URLs are the app's own page, which media URLs name a stored object, what the CSP is.
 */
import { MediaId } from '../../../shared/domain';
import { MEDIA_SCHEME } from '../../../shared/wire';

/** Must stay identical to the meta tag in src/renderer/index.html (a test compares them). */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
  "img-src 'self' data: blob: shotline-media:; media-src 'self' blob: shotline-media:; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * Whether `url` is the app's own page. `entry` is what the window loads: the electron-vite dev
 * server in development (same origin is enough) or the packaged index.html (file: URLs all share
 * the opaque origin "null", so it must be that very file).
 */
export function isAppUrl(url: string, entry: string): boolean {
  const target = parse(url);
  const app = parse(entry);
  if (!target || !app) return false;
  if (app.protocol === 'http:' || app.protocol === 'https:') return target.origin === app.origin;
  if (app.protocol === 'file:')
    return target.protocol === 'file:' && target.host === app.host && target.pathname === app.pathname;
  return false;
}

/** IPC senders must be the app window's main frame showing the app's own page. */
export function isTrustedSender(frameUrl: string | undefined, entry: string): boolean {
  return frameUrl !== undefined && isAppUrl(frameUrl, entry);
}

/** `shotline-media://media/<sha-256>` → the media id, or null for anything else. */
export function mediaIdFromUrl(url: string): string | null {
  const parsed = parse(url);
  if (!parsed || parsed.protocol !== `${MEDIA_SCHEME}:` || parsed.hostname !== 'media') return null;
  const id = parsed.pathname.slice(1);
  return MediaId.safeParse(id).success ? id : null;
}

/**
 * Permissions the app's own page may have: fullscreen (clip playback), writing to the
 * clipboard and notifications (a job finished). Everything else (camera, microphone,
 * geolocation…) is refused.
 */
export function isPermissionAllowed(permission: string, requestingUrl: string, entry: string): boolean {
  const allowed =
    permission === 'fullscreen' || permission === 'clipboard-sanitized-write' || permission === 'notifications';
  return allowed && isAppUrl(requestingUrl, entry);
}

/** `--data-dir=<dir>` or `--data-dir <dir>` from the command line, if given. */
export function dataDirFlag(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg?.startsWith('--data-dir=')) return arg.slice('--data-dir='.length) || undefined;
    if (arg === '--data-dir') return argv[i + 1];
  }
  return undefined;
}

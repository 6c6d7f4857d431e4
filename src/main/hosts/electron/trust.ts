/**
 * The desktop shell's trust decisions as pure functions, so they are tested without Electron:
 * which URLs are the app's own page, which files app:// may serve, which media URLs name a
 * stored object, what the CSP is, and whether a dev server may be loaded.
 */
import { isAbsolute, relative, resolve } from 'node:path';
import { MediaId } from '../../../shared/domain';
import { MEDIA_SCHEME } from '../../../shared/wire';
import { contentSecurityPolicy } from '../csp';

/** The page's meta tag in src/renderer/index.html carries exactly this (a test compares them). */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy({ mediaScheme: true, delivery: 'meta' });
/** What app:// responses and the dev server's pages carry as a header: the same, and never framed. */
export const CONTENT_SECURITY_POLICY_HEADER = contentSecurityPolicy({ mediaScheme: true, delivery: 'header' });

/** The renderer is served from app://shotline/ (a standard, secure scheme), never from file://. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'shotline';
export const APP_ENTRY = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * The page the window loads. ELECTRON_RENDERER_URL (electron-vite's dev server) is honoured
 * only in development, and only on this machine's loopback; a packaged app always loads app://.
 */
export function rendererEntry(isPackaged: boolean, env: NodeJS.ProcessEnv): string {
  const dev = isPackaged ? undefined : env.ELECTRON_RENDERER_URL;
  if (dev === undefined || dev === '') return APP_ENTRY;
  const url = parse(dev);
  const loopback = url !== null && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  return url !== null && (url.protocol === 'http:' || url.protocol === 'https:') && loopback ? dev : APP_ENTRY;
}

/**
 * The file under `rendererDir` that an app:// URL names, or null: another host, a path that
 * climbs out of the folder (however it is encoded), or a malformed URL. "/" is index.html.
 */
export function resolveAppAsset(rendererDir: string, url: string): string | null {
  const parsed = parse(url);
  if (!parsed || parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (path.includes('\0') || path.includes('\\')) return null;
  const root = resolve(rendererDir);
  const file = resolve(root, `.${path === '/' ? '/index.html' : path}`);
  const inside = relative(root, file);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return null;
  return file;
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * Whether `url` is the app's own page. `entry` is what the window loads: the electron-vite dev
 * server in development (same origin is enough) or app://shotline/ (same scheme and host). A
 * file: entry (older builds) must be that very file, since file: URLs share the origin "null".
 */
export function isAppUrl(url: string, entry: string): boolean {
  const target = parse(url);
  const app = parse(entry);
  if (!target || !app) return false;
  if (app.protocol === 'http:' || app.protocol === 'https:') return target.origin === app.origin;
  // A custom scheme's URL has an opaque origin in WHATWG terms, so scheme and host are compared.
  if (app.protocol === `${APP_SCHEME}:`) return target.protocol === app.protocol && target.host === app.host;
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

/**
 * The one Content-Security-Policy of the studio page, for both hosts: the desktop window (as a
 * response header of app:// and as the page's meta tag) and the browser studio's header.
 */
import { MEDIA_SCHEME } from '../../shared/wire';

export interface CspOptions {
  /** The desktop app plays media from shotline-media://; the browser studio serves it from its own origin. */
  mediaScheme: boolean;
  /**
   * Where the policy travels. A header can forbid framing the page (frame-ancestors); a meta
   * tag cannot carry that directive, so it is left out there.
   */
  delivery: 'header' | 'meta';
}

export function contentSecurityPolicy({ mediaScheme, delivery }: CspOptions): string {
  const media = mediaScheme ? [`${MEDIA_SCHEME}:`] : [];
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    ['script-src', "'self'"],
    // React and CodeMirror set style attributes; no inline script is ever allowed.
    ['style-src', "'self'", "'unsafe-inline'"],
    ['img-src', "'self'", 'data:', 'blob:', ...media],
    ['media-src', "'self'", 'blob:', ...media],
    ['connect-src', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['form-action', "'none'"],
  ];
  if (delivery === 'header') directives.push(['frame-ancestors', "'none'"]);
  return directives.map((parts) => parts.join(' ')).join('; ');
}

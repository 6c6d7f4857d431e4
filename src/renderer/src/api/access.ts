/**
 * The browser studio's access token, as this page holds it. The link "shotline serve" prints
 * carries it once (`?token=`); the page moves it into sessionStorage, which only this origin
 * (scheme, host and port) and this tab can read, and takes it out of the address bar and
 * history. Unlike a cookie, the browser never sends it anywhere by itself: the client adds it
 * to each request it makes.
 */
const STORAGE_KEY = 'shotline.accessToken';

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    // Storage can be switched off; the token then lives as long as the page.
    return null;
  }
}

let held: string | null = null;

/** Takes the token from the address (once) or from this tab's storage; null when the page has none. */
export function accessToken(): string | null {
  if (held !== null) return held;
  const url = new URL(window.location.href);
  const given = url.searchParams.get('token');
  if (given) {
    held = given;
    storage()?.setItem(STORAGE_KEY, given);
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`);
    return held;
  }
  held = storage()?.getItem(STORAGE_KEY) ?? null;
  return held;
}

import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** The Chromium the end-to-end tests drive: $SHOTLINE_CHROMIUM, else a system install. */
export function chromiumPath() {
  const fromEnv = process.env.SHOTLINE_CHROMIUM;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  return CANDIDATES.find((path) => existsSync(path)) ?? null;
}

export const INSTALL_HINT =
  'No Chromium was found for the end-to-end tests. Install one (Debian/Ubuntu: "sudo apt-get install chromium") ' +
  'or point SHOTLINE_CHROMIUM at a Chrome or Chromium executable.';

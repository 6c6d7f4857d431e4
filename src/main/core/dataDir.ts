import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** The platform's app-data folder for Shotline; the desktop app's userData folder is the same place. */
export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): string {
  const home = homedir();
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Shotline');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Shotline');
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'Shotline');
}

/** --data-dir, else SHOTLINE_DATA_DIR, else the platform's app-data folder. */
export function resolveDataDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (flag) return resolve(flag);
  if (env.SHOTLINE_DATA_DIR) return resolve(env.SHOTLINE_DATA_DIR);
  return defaultDataDir(process.platform, env);
}

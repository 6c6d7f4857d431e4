import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { appRoot } from '../appPaths';

/** The version in the app's package.json, which the studio reports and stamps on its jobs. */
export async function appVersion(): Promise<string> {
  const pkg = JSON.parse(await readFile(join(appRoot, 'package.json'), 'utf8')) as { version?: string };
  return pkg.version ?? '0.0.0';
}

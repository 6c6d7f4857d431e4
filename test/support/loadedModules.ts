import { execFile } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { tsxApiUrl } from '../../src/main/engine/render';

const run = promisify(execFile);

/**
 * Every module a fresh Node process loads to import the given source files (TypeScript, through
 * tsx), in the order it resolves them: a loader hook writes each resolved URL to stderr. Only the
 * imports themselves run, not any command.
 */
export async function modulesLoadedBy(paths: readonly string[]): Promise<string[]> {
  const recorder = `import { writeSync } from 'node:fs';
    export async function resolve(specifier, context, next) {
      const resolved = await next(specifier, context);
      writeSync(2, 'loaded ' + resolved.url + '\\n');
      return resolved;
    }`;
  const script = `
    const { register } = await import(${JSON.stringify(tsxApiUrl())});
    register();
    (await import('node:module')).register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(recorder)}));
    for (const url of ${JSON.stringify(paths.map((p) => pathToFileURL(p).href))})
      await import(url);
  `;
  const { stderr } = await run(process.execPath, ['--input-type=module', '-e', script], { maxBuffer: 1 << 24 });
  return stderr
    .split('\n')
    .filter((line) => line.startsWith('loaded '))
    .map((line) => line.slice('loaded '.length));
}

/** The zod modules among loaded ones. */
export const zodModules = (loaded: readonly string[]): string[] =>
  loaded.filter((url) => url.includes('/node_modules/zod/'));

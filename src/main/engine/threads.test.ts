import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';
import { tsxApiUrl } from './render';

const run = promisify(execFile);

/**
 * Every module a fresh Node process loads to import the given engine modules from source, in the
 * order it resolves them: a loader hook writes each resolved URL to stderr.
 */
async function modulesLoadedBy(paths: readonly string[]): Promise<string[]> {
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
    for (const url of ${JSON.stringify(paths.map((p) => pathToFileURL(join(import.meta.dirname, p)).href))})
      await import(url);
  `;
  const { stderr } = await run(process.execPath, ['--input-type=module', '-e', script], { maxBuffer: 1 << 24 });
  return stderr
    .split('\n')
    .filter((line) => line.startsWith('loaded '))
    .map((line) => line.slice('loaded '.length));
}

// zod costs a thread about a tenth of a second of CPU to load; the render and mix workers start on
// every `shotline render`, so nothing they load may need it.
test('the engine worker, its pipeline and its mixer load without zod', async () => {
  const loaded = await modulesLoadedBy(['worker.ts', 'pipeline.ts', 'sound/mixer.ts']);
  // The record is complete: the drawing library and the sound code are in it.
  expect(loaded.some((url) => url.includes('/@napi-rs/canvas/'))).toBe(true);
  expect(loaded.some((url) => url.endsWith('/sound/mixer.ts'))).toBe(true);
  expect(loaded.filter((url) => url.includes('/node_modules/zod/'))).toEqual([]);
}, 60_000);

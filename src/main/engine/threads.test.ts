import { join } from 'node:path';
import { expect, test } from 'vitest';
import { modulesLoadedBy, zodModules } from '../../../test/support/loadedModules';

// zod costs a thread about a tenth of a second of CPU to load; the render and mix workers start on
// every `shotline render`, so nothing they load may need it.
test('the engine worker, its pipeline and its mixer load without zod', async () => {
  const loaded = await modulesLoadedBy(
    ['worker.ts', 'pipeline.ts', 'sound/mixer.ts'].map((file) => join(import.meta.dirname, file)),
  );
  // The record is complete: the drawing library and the sound code are in it.
  expect(loaded.some((url) => url.includes('/@napi-rs/canvas/'))).toBe(true);
  expect(loaded.some((url) => url.endsWith('/sound/mixer.ts'))).toBe(true);
  expect(zodModules(loaded)).toEqual([]);
}, 60_000);

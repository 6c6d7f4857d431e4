import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { log } from '../log/logger';
import { createStudio } from './studio';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'shotline-studio-log-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

test("writes the process's log to the data folder's logs/shotline.log while the studio is open", async () => {
  const studio = await createStudio({ dataDir, env: {}, render: null });
  const marker = `opened ${String(Date.now())}`;
  log.warn(marker);
  await studio.close();
  log.warn(`${marker} after closing`);

  const file = join(dataDir, 'logs', 'shotline.log');
  const text = await readFile(file, 'utf8');
  expect(text).toMatch(new RegExp(`^\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z WARN  ${marker}$`, 'm'));
  expect(text).not.toContain('after closing');
  if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600);
});

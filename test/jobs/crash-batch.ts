/**
 * Child-process half of the queue's crash test: opens the library in <dataDir>, recovers what
 * the last (killed) run left, runs every job to the end against the built-in engine (a fast
 * ffmpeg stand-in) and an OpenAI-compatible fake at <baseUrl>, then exits 0. The parent
 * SIGKILLs it at random moments and starts it again.
 * Usage: node --import tsx crash-batch.ts <dataDir> <baseUrl> <apiKey>
 */
import { join } from 'node:path';
import { openDatabase } from '../../src/main/db/connection';
import { Clips } from '../../src/main/library/clips';
import { registryOf } from '../../src/main/providers/index';
import { createLocalProvider } from '../../src/main/providers/local/provider';
import { createOpenAIVideosProvider } from '../../src/main/providers/openai-videos';
import { MediaStore } from '../../src/main/storage/store';
import { createJobQueue } from '../../src/main/jobs/queue';
import { testRender } from './test-render';

const [dataDir, baseUrl, apiKey] = process.argv.slice(2);
if (!dataDir || !baseUrl || !apiKey) throw new Error('usage: crash-batch <dataDir> <baseUrl> <apiKey>');

const db = openDatabase(join(dataDir, 'library.db'));
const store = await MediaStore.open(dataDir);
const queue = createJobQueue({
  db,
  store,
  clips: new Clips(db),
  providers: registryOf(
    createLocalProvider(testRender({ maxMs: 500 })),
    createOpenAIVideosProvider({ apiKey: () => apiKey, baseUrl: `${baseUrl}/v1`, requestTimeoutMs: 3000 }),
  ),
  events: (name, payload) => {
    if (name === 'jobs.changed') process.stdout.write(`changed ${JSON.stringify(payload)}\n`);
  },
  concurrency: { local: 1, 'openai-videos': 2 },
  pollIntervalMs: { 'openai-videos': 40 },
  policy: { baseDelayMs: 50, maxDelayMs: 500 },
  requestTimeoutMs: 3000,
  log: (message, error) => process.stderr.write(`${message}: ${String(error)}\n`),
});

const report = await queue.recover();
process.stdout.write(`recovered ${JSON.stringify(report)}\n`);
queue.start();
process.stdout.write('ready\n');

// A job waiting for a decision would wait forever here; the parent fails the test on it.
const unfinished = (): number =>
  queue.list({ limit: 1000, states: ['queued', 'submitting', 'running', 'downloading'] }).length;
while (unfinished() > 0) await new Promise((resolve) => setTimeout(resolve, 20));
await queue.stop();
db.close();
process.stdout.write('done\n');

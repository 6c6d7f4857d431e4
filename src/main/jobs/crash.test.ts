/**
 * The crash test: a batch of built-in renders and paid remote jobs runs in a child process
 * that is SIGKILLed at random moments, several times, and started again until it finishes.
 * Afterwards every job has ended exactly once (one clip each, one remote submission each),
 * the database passes integrity_check, and no orphan media or temp file is left.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { expect, onTestFinished, test } from 'vitest';
import { openDatabase } from '../db/connection';
import { Clips } from '../library/clips';
import { Projects } from '../library/projects';
import { startOpenAIFake } from '../../../test/fakes/openai-videos';
import { registryOf } from '../providers/index';
import { createLocalProvider } from '../providers/local/provider';
import { createOpenAIVideosProvider } from '../providers/openai-videos';
import { MediaStore } from '../storage/store';
import { repoRoot, tempDir } from '../../../test/support/fixtures';
import { createJobQueue } from './queue';
import { orphanCheck, sampleVideo } from '../../../test/jobs/harness';
import { testRender } from '../../../test/jobs/test-render';

const LOCAL_JOBS = 6;
const REMOTE_JOBS = 6;
const KILLS = 6;
const SEED = Number(process.env.SHOTLINE_CRASH_SEED ?? 20261115);

/** A small seeded PRNG, so a failing run can be repeated with the same kill times. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Run {
  killed: boolean;
  finished: boolean;
  /** Job state changes the child reported before it ended. */
  changes: number;
  /** What the run's recovery found (left by the run before). */
  recovered: {
    resumed: number;
    restarted: number;
    toLookUp: number;
    needsDecision: number;
    orphanFiles: number;
  } | null;
  stderr: string;
}

function runChild(dataDir: string, baseUrl: string, apiKey: string, killAfterMs: number | null): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(repoRoot, 'test/jobs/crash-batch.ts'), dataDir, baseUrl, apiKey],
      {
        cwd: repoRoot,
        env: process.env,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    onTestFinished(() => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    });
    let stdout = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (data: Buffer) => {
      stdout += data.toString();
      if (killAfterMs !== null && timer === undefined && stdout.includes('ready\n')) {
        timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      }
    });
    child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      const finished = stdout.includes('done\n');
      if (!finished && signal !== 'SIGKILL') {
        reject(
          new Error(`the batch exited with ${String(code)} ${String(signal)}:\n${stderr}\n${stdout.slice(-2000)}`),
        );
        return;
      }
      const recovered = /^recovered (.*)$/m.exec(stdout)?.[1];
      resolve({
        killed: signal === 'SIGKILL',
        finished,
        changes: stdout.split('\n').filter((line) => line.startsWith('changed ')).length,
        recovered: recovered === undefined ? null : (JSON.parse(recovered) as Run['recovered']),
        stderr,
      });
    });
  });
}

test('a batch SIGKILLed at random moments ends every job exactly once, with an intact library and no orphans', async () => {
  const random = mulberry32(SEED);
  // Slow answers to submissions widen the window between "the service has it" and "the
  // library knows its id", which is where a crash must not lead to a second paid job.
  const fake = await startOpenAIFake({
    video: await sampleVideo(),
    pollsToFinish: 8,
    latencyMs: { submit: 250, poll: 20 },
  });
  onTestFinished(() => fake.close());
  const dataDir = join(await tempDir('shotline-crash-'), 'data');

  // The batch, queued once before any run.
  {
    const { mkdir } = await import('node:fs/promises');
    await mkdir(dataDir);
    const db = openDatabase(join(dataDir, 'library.db'));
    const store = await MediaStore.open(dataDir);
    const queue = createJobQueue({
      db,
      store,
      clips: new Clips(db),
      providers: registryOf(
        createLocalProvider(testRender()),
        createOpenAIVideosProvider({ apiKey: () => fake.apiKey, baseUrl: `${fake.url}/v1`, requestTimeoutMs: 3000 }),
      ),
      events: () => undefined,
    });
    const projectId = new Projects(db).create('Crash').id;
    for (let i = 0; i < LOCAL_JOBS; i++) {
      queue.enqueue({
        projectId,
        provider: 'local',
        promptText: `Title: Local ${i}\nScene: a lighthouse in fog, take ${i}\nDuration: 1s`,
      });
    }
    for (let i = 0; i < REMOTE_JOBS; i++) {
      queue.enqueue({
        projectId,
        provider: 'openai-videos',
        promptText: `Title: Remote ${i}\nScene: a harbour at night, take ${i}`,
      });
    }
    db.close();
  }

  let kills = 0;
  const history: Run[] = [];
  const caught = { submitting: 0, rendering: 0, polling: 0, downloading: 0 };
  let last: Run | null = null;
  while (kills < KILLS) {
    const run = await runChild(dataDir, fake.url, fake.apiKey, Math.round(random() * 1500));
    history.push(run);
    last = run;
    if (run.finished) break; // finished before the kill landed: the batch is done
    if (run.killed) {
      kills++;
      // Where the kill caught the batch.
      const db = openDatabase(join(dataDir, 'library.db'));
      for (const row of db
        .prepare<[], { state: string; provider: string }>(
          `SELECT state, provider FROM jobs WHERE state IN ('submitting', 'running', 'downloading')`,
        )
        .all()) {
        if (row.state === 'submitting') caught.submitting++;
        else if (row.state === 'downloading') caught.downloading++;
        else if (row.provider === 'local') caught.rendering++;
        else caught.polling++;
      }
      db.close();
    }
  }
  if (!last?.finished) {
    last = await runChild(dataDir, fake.url, fake.apiKey, null);
    history.push(last);
  }
  expect(last.finished).toBe(true);
  const runs = history.length;
  const recovered = history.reduce(
    (sum, run) => ({
      restarted: sum.restarted + (run.recovered?.restarted ?? 0),
      resumed: sum.resumed + (run.recovered?.resumed ?? 0),
      lookedUp: sum.lookedUp + (run.recovered?.toLookUp ?? 0),
      swept: sum.swept + (run.recovered?.orphanFiles ?? 0),
    }),
    { restarted: 0, resumed: 0, lookedUp: 0, swept: 0 },
  );

  const db = openDatabase(join(dataDir, 'library.db'));
  onTestFinished(() => {
    db.close();
  });
  const jobs = db
    .prepare<[], { id: number; state: string; provider: string; prompt_text: string }>(
      'SELECT id, state, provider, prompt_text FROM jobs',
    )
    .all();
  const clipsPerJob = db
    .prepare<[], { job_id: number; n: number }>('SELECT job_id, count(*) AS n FROM clips GROUP BY job_id')
    .all();
  const remoteSubmissions = [...fake.submissionsByPrompt().values()];
  const duplicates = clipsPerJob.filter((row) => row.n > 1).length + remoteSubmissions.filter((n) => n > 1).length;
  const store = await MediaStore.open(dataDir);
  const orphans = await orphanCheck({
    dataDir,
    db,
    store,
    clips: new Clips(db),
    projects: new Projects(db),
    projectId: 1,
  });

  console.log(
    `crash test (seed ${SEED}): ${kills} SIGKILLs survived over ${runs} runs; ${jobs.length} jobs ` +
      `(${LOCAL_JOBS} built-in, ${REMOTE_JOBS} remote); ${clipsPerJob.length} clips; ` +
      `${fake.submissions()} remote submissions for ${REMOTE_JOBS} remote jobs; duplicates: ${duplicates}; ` +
      `orphan files: ${orphans.unreferencedFiles.length}; temp files: ${orphans.temp.length}. ` +
      `Kills caught ${caught.rendering} renders, ${caught.submitting} submissions, ${caught.polling} remote jobs running, ` +
      `${caught.downloading} downloads; recovery restarted ${recovered.restarted} renders, resumed ${recovered.resumed} remote jobs, ` +
      `looked up ${recovered.lookedUp} submissions and swept ${recovered.swept} orphan files.`,
  );

  expect(kills).toBeGreaterThanOrEqual(3);
  expect(jobs.map((job) => job.state)).toEqual(jobs.map(() => 'succeeded'));
  expect(clipsPerJob.map((row) => row.job_id).sort((a, b) => a - b)).toEqual(
    jobs.map((job) => job.id).sort((a, b) => a - b),
  );
  expect(clipsPerJob.every((row) => row.n === 1)).toBe(true);
  expect(remoteSubmissions).toHaveLength(REMOTE_JOBS);
  expect(remoteSubmissions.every((n) => n === 1)).toBe(true);
  expect(fake.submissions()).toBe(REMOTE_JOBS);
  expect(duplicates).toBe(0);
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(db.pragma('foreign_key_check')).toEqual([]);
  expect(orphans).toEqual({ unreferencedFiles: [], unusedRows: [], temp: [] });
}, 180_000);

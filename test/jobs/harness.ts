/**
 * Test scaffolding for the queue: a real library (SQLite file, media store) in a temp folder,
 * a clock whose sleeps skip ahead instantly (recording what was asked), the events the queue
 * emitted, and helpers to wait for a job to settle.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { onTestFinished } from 'vitest';
import { openDatabase } from '../../src/main/db/connection';
import { Clips } from '../../src/main/library/clips';
import { Projects } from '../../src/main/library/projects';
import type { ProviderRegistry } from '../../src/main/providers/types';
import { MediaStore } from '../../src/main/storage/store';
import { makeVideo, storedObjects, tempDir, waitFor } from '../support/fixtures';
import { createJobQueue, type JobQueue, type JobQueueOptions } from '../../src/main/jobs/queue';
import type { Job, JobState } from '../../src/shared/jobs';
import type { JobEventName } from '../../src/main/jobs/events';
import type { NewJob } from '../../src/main/jobs/store';

export interface Library {
  dataDir: string;
  db: Database;
  store: MediaStore;
  clips: Clips;
  projects: Projects;
  projectId: number;
}

export async function library(): Promise<Library> {
  const dir = await tempDir('shotline-jobs-');
  const dataDir = join(dir, 'data');
  await mkdir(dataDir);
  const db = openDatabase(join(dataDir, 'library.db'));
  onTestFinished(() => {
    if (db.open) db.close();
  });
  const projects = new Projects(db);
  return {
    dataDir,
    db,
    store: await MediaStore.open(dataDir),
    clips: new Clips(db),
    projects,
    projectId: projects.create('Jobs').id,
  };
}

/** A clock for the queue: sleeps return at once and move time forward by what they asked. */
export interface TestClock {
  now: () => number;
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Every wait the queue asked for, in ms. */
  sleeps: number[];
  advance(ms: number): void;
}

export function testClock(start = Date.now()): TestClock {
  let offset = 0;
  const base = Date.now();
  const sleeps: number[] = [];
  return {
    now: () => start + (Date.now() - base) + offset,
    sleep: (ms, signal) => {
      sleeps.push(ms);
      offset += ms;
      return new Promise((resolve) => {
        if (signal.aborted) resolve();
        else setImmediate(resolve);
      });
    },
    sleeps,
    advance: (ms) => {
      offset += ms;
    },
  };
}

export interface RecordedEvent {
  name: JobEventName;
  payload: unknown;
}

export interface QueueHarness extends Library {
  queue: JobQueue;
  clock: TestClock;
  events: RecordedEvent[];
  /** The job as it was right after each jobs.changed event. */
  snapshots: Job[];
  logs: string[];
}

export async function queueHarness(
  providers: ProviderRegistry,
  options: Partial<Omit<JobQueueOptions, 'db' | 'store' | 'clips' | 'providers' | 'events'>> & { lib?: Library } = {},
): Promise<QueueHarness> {
  const lib = options.lib ?? (await library());
  const clock = testClock();
  const events: RecordedEvent[] = [];
  const snapshots: Job[] = [];
  const logs: string[] = [];
  let queueRef: JobQueue | null = null;
  const queue = createJobQueue({
    db: lib.db,
    store: lib.store,
    clips: lib.clips,
    providers,
    events: (name, payload) => {
      events.push({ name, payload });
      if (name === 'jobs.changed' && queueRef) snapshots.push(queueRef.get((payload as { jobId: number }).jobId));
    },
    now: clock.now,
    sleep: clock.sleep,
    random: () => 0.5,
    policy: { baseDelayMs: 1000, maxDelayMs: 60_000, maxSubmitAttempts: 4, maxPollFailures: 3 },
    pollIntervalMs: { local: 10, veo: 10, runway: 10, 'openai-videos': 10, comfyui: 10 },
    requestTimeoutMs: 2000,
    progressIntervalMs: 0,
    log: (message, error) => logs.push(`${message}: ${error instanceof Error ? error.message : String(error)}`),
    ...options,
  });
  queueRef = queue;
  onTestFinished(async () => {
    await queue.stop();
  });
  return { ...lib, queue, clock, events, snapshots, logs };
}

/**
 * Test speed only: where the npm packages' static ffmpeg and ffprobe exist, use them. On
 * machines whose system ffmpeg links dozens of shared libraries, each start takes ~10× longer,
 * and a job runs five of them (render, probe, poster, sprite sheet, peaks). An explicit
 * SHOTLINE_FFMPEG / SHOTLINE_FFPROBE is left alone.
 */
export function preferBundledMediaTools(): void {
  const require = createRequire(import.meta.url);
  const bundled = (pkg: string): string | null => {
    try {
      const found = require(pkg) as { path?: unknown };
      return typeof found.path === 'string' && existsSync(found.path) ? found.path : null;
    } catch {
      return null;
    }
  };
  const ffmpeg = bundled('@ffmpeg-installer/ffmpeg');
  const ffprobe = bundled('@ffprobe-installer/ffprobe');
  if (ffmpeg && ffprobe && process.env.SHOTLINE_FFMPEG === undefined && process.env.SHOTLINE_FFPROBE === undefined) {
    process.env.SHOTLINE_FFMPEG = ffmpeg;
    process.env.SHOTLINE_FFPROBE = ffprobe;
  }
}
preferBundledMediaTools();

const SETTLED: readonly JobState[] = ['succeeded', 'failed', 'canceled', 'needs_decision'];

/** Waits until the job is in one of `states` (by default any settled state) and returns it. */
export async function settled(queue: JobQueue, id: number, states: readonly JobState[] = SETTLED): Promise<Job> {
  let job = queue.get(id);
  await waitFor(() => {
    job = queue.get(id);
    return states.includes(job.state);
  }, 5);
  return job;
}

/**
 * Waits until no job is running in the queue. A job's row says it succeeded a moment before its
 * runner has removed its temp files, so check for leftovers only after this.
 */
export async function idle(queue: JobQueue): Promise<void> {
  await waitFor(() => queue.activeCount() === 0, 5);
}

let sample: Promise<Buffer> | null = null;

/** A small real MP4 (with sound) for fakes to serve; made once per test worker. */
export function sampleVideo(): Promise<Buffer> {
  sample ??= (async () => {
    const dir = await mkdtemp(join(tmpdir(), 'shotline-sample-'));
    try {
      const path = await makeVideo(dir, 'sample.mp4', {
        seconds: 0.5,
        width: 96,
        height: 64,
        fps: 12,
        pattern: 'testsrc2',
      });
      return await readFile(path);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  })();
  return sample;
}

/** Every stored object is named by some media row, and every media row is used by some clip. */
export async function orphanCheck(
  lib: Library,
): Promise<{ unreferencedFiles: string[]; unusedRows: string[]; temp: string[] }> {
  const files = await storedObjects(lib.store.root);
  const rows = new Set(
    lib.db
      .prepare<[], { id: string }>('SELECT id FROM media')
      .all()
      .map((row) => row.id),
  );
  const used = new Set(
    lib.db
      .prepare<[], { id: string | null }>(
        `SELECT media_hash AS id FROM clips UNION SELECT poster_hash FROM clips UNION SELECT card_poster_hash FROM clips UNION SELECT sprite_hash FROM clips UNION SELECT peaks_hash FROM clips`,
      )
      .all()
      .map((row) => row.id)
      .filter((id): id is string => id !== null),
  );
  return {
    unreferencedFiles: files.filter((id) => !rows.has(id)),
    unusedRows: [...rows].filter((id) => !used.has(id)),
    temp: await lib.store.tempEntries(),
  };
}

export const PROMPT = [
  'Title: Kite at dawn',
  'Scene: a red kite over a beach at dawn',
  'Camera: slow push in',
  'Audio: wind, gulls',
  'Duration: 4s',
  'Negative: no people',
].join('\n');

/** A job row as the queue would write it (for store and ledger tests). */
export const newJob = (projectId: number, over: Partial<NewJob> = {}): NewJob => ({
  projectId,
  provider: 'veo',
  model: 'veo-3.1-generate-preview',
  priority: 0,
  promptText: 'a kite',
  promptJson: '{}',
  params: {
    model: 'veo-3.1-generate-preview',
    durationMs: 8000,
    width: 1280,
    height: 720,
    audio: true,
    fps: null,
    seed: null,
    remix: false,
    continueMode: null,
    options: {},
  },
  seed: null,
  parentClipId: null,
  idempotencyKey: `key-${Math.random()}`,
  request: { model: 'veo-3.1-generate-preview', request: { instances: [{ prompt: 'a kite' }] }, remixOf: null },
  costEstimateUsd: 3.2,
  notes: [],
  ...over,
});

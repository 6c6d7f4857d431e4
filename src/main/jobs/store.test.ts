import { describe, expect, test } from 'vitest';
import { thrownBy } from '../../../test/support/fixtures';
import { canMove, isTerminal, JobState, sourcesOf } from './states';
import { JobConflict, JobStore } from './store';
import { library, newJob } from '../../../test/jobs/harness';

describe('the state machine', () => {
  test('finished jobs stay finished, except that failed and canceled ones can be retried', () => {
    expect(sourcesOf('succeeded')).toEqual(['running', 'downloading']);
    for (const to of JobState.options) expect(canMove('succeeded', to)).toBe(false);
    expect(canMove('failed', 'queued')).toBe(true);
    expect(canMove('canceled', 'queued')).toBe(true);
    expect(canMove('canceled', 'running')).toBe(false);
    expect(isTerminal('needs_decision')).toBe(false);
  });

  test('a paid submission reaches running only through submitting or a decision', () => {
    expect(sourcesOf('running')).toEqual(['queued', 'submitting', 'downloading', 'failed', 'needs_decision']);
    expect(sourcesOf('needs_decision')).toEqual(['submitting']);
  });
});

describe('the job store', () => {
  test('moves only from an allowed state, and says what it found', async () => {
    const lib = await library();
    const store = new JobStore(lib.db);
    const job = store.insert(newJob(lib.projectId), 1000);
    expect(job).toMatchObject({
      state: 'queued',
      attempts: 0,
      cancelRequested: false,
      notes: [],
      request: { model: 'veo-3.1-generate-preview' },
    });
    const sending = store.move(job.id, 'submitting', { attempts: 1, submitted_at: 2000 }, 2000);
    expect(sending).toMatchObject({ state: 'submitting', attempts: 1, submittedAt: 2000, updatedAt: 2000 });
    const error = thrownBy(() => store.move(job.id, 'succeeded', {}, 3000));
    expect(error).toBeInstanceOf(JobConflict);
    expect((error as Error).message).toBe('Job 1 is submitting, so it cannot become succeeded.');
    expect(() => store.move(job.id, 'running', {}, 3000, ['queued'])).toThrow(JobConflict);
    expect(store.move(job.id, 'running', { remote_id: 'op-1' }, 3000).remoteId).toBe('op-1');
  });

  test('the next runnable job: resumed ones first, then by priority and age, waiting retries skipped', async () => {
    const lib = await library();
    const store = new JobStore(lib.db);
    const old = store.insert(newJob(lib.projectId), 1);
    const urgent = store.insert(newJob(lib.projectId, { priority: 5 }), 2);
    const later = store.insert(newJob(lib.projectId, { priority: 9 }), 3);
    store.move(later.id, 'submitting', {}, 4);
    store.move(later.id, 'queued', { retry_at: 10_000 }, 5);
    expect(store.nextRunnable('veo', 100, [])?.id).toBe(urgent.id);
    expect(store.nextRunnable('veo', 100, [urgent.id])?.id).toBe(old.id);
    expect(store.nextRunnable('veo', 10_000, [])?.id).toBe(later.id);
    expect(store.nextRetryAt(['veo'], [])).toBe(10_000);
    expect(store.nextRetryAt(['veo'], [later.id])).toBeNull();
    expect(store.nextRunnable('runway', 100, [])).toBeNull();
    store.move(old.id, 'submitting', {}, 6);
    expect(store.nextRunnable('veo', 100, [])?.id).toBe(old.id); // left mid-send: resumed first
  });

  test('the runner’s pick uses the provider/state index', async () => {
    const lib = await library();
    const plan = lib.db
      .prepare<[], { detail: string }>(
        `EXPLAIN QUERY PLAN SELECT id FROM jobs WHERE provider = 'veo' AND state = 'queued' AND (retry_at IS NULL OR retry_at <= 5)
         ORDER BY priority DESC, created_at, id LIMIT 1`,
      )
      .all()
      .map((row) => row.detail)
      .join('\n');
    expect(plan).toMatch(/USING INDEX jobs_by_provider_state/);
    expect(plan).not.toMatch(/USE TEMP B-TREE/);
  });

  test('two jobs can never hold the same remote id', async () => {
    const lib = await library();
    const store = new JobStore(lib.db);
    const a = store.insert(newJob(lib.projectId), 1);
    const b = store.insert(newJob(lib.projectId), 1);
    store.move(a.id, 'submitting', {}, 2);
    store.move(a.id, 'running', { remote_id: 'op-1' }, 2);
    store.move(b.id, 'submitting', {}, 2);
    expect(() => store.move(b.id, 'running', { remote_id: 'op-1' }, 3)).toThrow(/UNIQUE/);
    expect(store.remoteIds('veo', b.id)).toEqual(new Set(['op-1']));
  });
});

/**
 * The fault cases every remote provider must survive, driven through the real queue, the
 * provider's official SDK (or ComfyUI's HTTP API) and a local fake of the service: the happy
 * path, 429 with Retry-After, 500, a timeout, a dropped connection, malformed JSON, a failed
 * and a filtered job, and cancel. What must happen after a lost answer follows from the
 * provider's capabilities: found again where it can be looked up, else a decision for paid
 * providers, never a second submission.
 */
import { describe, expect, onTestFinished, test } from 'vitest';
import type { ProviderId } from '../../src/shared/prompt/providers';
import { idle, orphanCheck, PROMPT, queueHarness, sampleVideo, settled, type QueueHarness } from '../jobs/harness';
import type { Fault } from '../fakes/server';
import type { Outcome } from '../fakes/veo';
import type { RemoteProvider } from '../../src/main/providers/types';

export type GenericRoute = 'submit' | 'poll' | 'download';

export interface FakeControls {
  fault(route: GenericRoute, fault: Fault, times?: number): void;
  /** Submissions the service accepted (each would be billed). */
  submissions(): number;
  outcomes: Outcome[];
  /** Remote cancel calls the service received. */
  cancels(): number;
  close(): Promise<void>;
}

export interface ConformanceSubject {
  id: Exclude<ProviderId, 'local'>;
  /** `slow`: jobs take many status checks to finish, so a test can act while one runs. */
  start(
    video: Buffer,
    requestTimeoutMs: number,
    slow: boolean,
  ): Promise<{ provider: RemoteProvider; fake: FakeControls }>;
  /** Cost the ledger should record for the standard 4-second prompt. */
  expectedCostUsd: number;
  /** Options for the enqueued job (model choice). */
  options?: Record<string, unknown>;
}

// Long enough that a loaded CI machine answers a healthy request in time, short enough for the hang cases.
const TIMEOUT_MS = 1000;

interface Recorded {
  state: string;
  submitted_at: number | null;
  attempts: number;
}

async function setup(
  subject: ConformanceSubject,
  slow = false,
): Promise<QueueHarness & { fake: FakeControls; provider: RemoteProvider; recordedAtSend: Recorded[] }> {
  const { provider, fake } = await subject.start(await sampleVideo(), TIMEOUT_MS, slow);
  // What the library said about the job at the moment its request left: it must already be recorded.
  const recordedAtSend: Recorded[] = [];
  let read: (key: string) => Recorded | undefined = () => undefined;
  const watched: RemoteProvider = {
    ...provider,
    submit: async (job, context) => {
      const row = read(context.idempotencyKey);
      if (row) recordedAtSend.push(row);
      return provider.submit(job, context);
    },
  };
  const harness = await queueHarness(new Map([[subject.id, watched]]), { requestTimeoutMs: TIMEOUT_MS });
  read = (key) =>
    harness.db
      .prepare<[string], Recorded>('SELECT state, submitted_at, attempts FROM jobs WHERE idempotency_key = ?')
      .get(key);
  onTestFinished(async () => {
    await harness.queue.stop();
    await provider.close?.();
    await fake.close();
  });
  return { ...harness, fake, provider, recordedAtSend };
}

function enqueue(h: QueueHarness, subject: ConformanceSubject): number {
  return h.queue.enqueue({
    projectId: h.projectId,
    provider: subject.id,
    promptText: PROMPT,
    options: subject.options ?? {},
  }).id;
}

export function providerConformance(subject: ConformanceSubject): void {
  describe(`${subject.id}: the queue against a fake service`, () => {
    test('happy path: one submission, a clip with prompt, provider, model, parameters, cost and its job', async () => {
      const h = await setup(subject);
      const id = enqueue(h, subject);
      h.queue.start();
      const job = await settled(h.queue, id);
      expect(job).toMatchObject({ state: 'succeeded', progress: 1, attempts: 1, errorCode: null });
      expect(job.remoteId).not.toBeNull();
      expect(job.costActualUsd).toBeCloseTo(subject.expectedCostUsd, 6);
      expect(h.fake.submissions()).toBe(1);
      // The paid request was on record (state, time, attempt) before it was sent.
      expect(h.recordedAtSend).toEqual([
        { state: 'submitting', submitted_at: expect.any(Number) as unknown, attempts: 1 },
      ]);
      expect(job.clipId).not.toBeNull();
      const clip = h.clips.get(job.clipId ?? 0);
      expect(clip).toMatchObject({
        provider: subject.id,
        model: job.model,
        promptText: PROMPT,
        seed: job.seed,
        width: 96,
        height: 64,
      });
      expect(clip.posterId).not.toBeNull();
      expect(clip.spriteId).not.toBeNull();
      expect(clip.peaksId).not.toBeNull();
      const row = h.db
        .prepare<
          [number],
          { job_id: number; cost_usd: number | null; params_json: string; prompt_json: string; report_json: null }
        >('SELECT job_id, cost_usd, params_json, prompt_json, report_json FROM clips WHERE id = ?')
        .get(clip.id);
      expect(row?.job_id).toBe(id);
      // Only the built-in engine writes a render report.
      expect(row?.report_json).toBeNull();
      expect(row?.cost_usd ?? 0).toBeCloseTo(subject.expectedCostUsd, 6);
      expect(JSON.parse(row?.params_json ?? '{}')).toMatchObject({
        model: job.model,
        durationMs: job.params.durationMs,
      });
      expect(JSON.parse(row?.prompt_json ?? '{}')).toMatchObject({ title: 'Kite at dawn' });
      expect(h.queue.spend().spentUsd).toBeCloseTo(subject.expectedCostUsd, 6);
      const states = h.events
        .filter((e) => e.name === 'jobs.changed')
        .map((e) => (e.payload as { state: string }).state);
      expect(states).toEqual(['queued', 'submitting', 'running', 'downloading', 'succeeded']);
      expect(h.events.some((e) => e.name === 'clips.changed')).toBe(true);
      await idle(h.queue);
      expect(await orphanCheck(h)).toEqual({ unreferencedFiles: [], unusedRows: [], temp: [] });
    });

    test('429 with Retry-After: waits as long as asked, then one submission gets through', async () => {
      const h = await setup(subject);
      h.fake.fault('submit', { kind: 'status', status: 429, retryAfter: '7' });
      const id = enqueue(h, subject);
      h.queue.start();
      const job = await settled(h.queue, id);
      expect(job).toMatchObject({ state: 'succeeded', attempts: 2 });
      expect(h.fake.submissions()).toBe(1);
      // Recorded durably: queued again, not before the time the service asked for.
      const waiting = h.snapshots.find((snapshot) => snapshot.state === 'queued' && snapshot.retryAt !== null);
      expect(waiting?.errorMessage).toMatch(/Trying again in 7 s \(attempt 2 of 4\)\.$/);
      expect((waiting?.retryAt ?? 0) - (waiting?.updatedAt ?? 0)).toBeGreaterThanOrEqual(7000 - 5);
      expect(waiting?.errorCode).not.toBeNull();
      // And the runner waited that long before sending again.
      expect(h.clock.sleeps.some((ms) => ms >= 6900)).toBe(true);
    });

    test('500 on submit: retried with backoff; after the last attempt a clear final error', async () => {
      const h = await setup(subject);
      h.fake.fault('submit', { kind: 'status', status: 500 });
      const first = enqueue(h, subject);
      h.queue.start();
      expect(await settled(h.queue, first)).toMatchObject({ state: 'succeeded', attempts: 2 });
      expect(h.fake.submissions()).toBe(1);

      h.fake.fault('submit', { kind: 'status', status: 503 }, 4);
      const second = enqueue(h, subject);
      const failed = await settled(h.queue, second);
      expect(failed).toMatchObject({ state: 'failed', attempts: 4 });
      expect(failed.errorMessage).toMatch(/did not take this job after 4 attempts\. The last answer was: .*503/);
      expect(h.fake.submissions()).toBe(1);
      // Exponential: each wait at least as long as the one before.
      const waits = h.clock.sleeps.filter((ms) => ms >= 500);
      expect(waits.length).toBeGreaterThanOrEqual(3);
    });

    test('a status check that times out, drops or answers broken JSON is retried', async () => {
      const h = await setup(subject);
      h.fake.fault('poll', { kind: 'hang' });
      h.fake.fault('poll', { kind: 'drop' });
      h.fake.fault('poll', { kind: 'malformed' });
      const id = enqueue(h, subject);
      h.queue.start();
      const job = await settled(h.queue, id);
      expect(job).toMatchObject({ state: 'succeeded', errorMessage: null });
      expect(h.fake.submissions()).toBe(1);
    });

    test('status checks that keep failing end as "lost contact"; retry resumes checking, not sending', async () => {
      const h = await setup(subject);
      h.fake.fault('poll', { kind: 'status', status: 502 }, 4);
      const id = enqueue(h, subject);
      h.queue.start();
      const lost = await settled(h.queue, id);
      expect(lost).toMatchObject({ state: 'failed', errorCode: 'lost_contact' });
      expect(lost.errorMessage).toMatch(/Lost contact with .* retry to check again/);
      const resumed = h.queue.retry(id);
      expect(resumed.state).toBe('running');
      expect(await settled(h.queue, id)).toMatchObject({ state: 'succeeded' });
      expect(h.fake.submissions()).toBe(1);
    });

    const lost: [string, Fault][] = [
      ['a timeout', { kind: 'hang', when: 'after' }],
      ['a dropped connection', { kind: 'drop', when: 'after' }],
      ['malformed JSON', { kind: 'malformed', when: 'after' }],
    ];
    test.each(lost)('the answer to a submission is lost (%s): never sent twice unknowingly', async (_name, fault) => {
      const h = await setup(subject);
      h.fake.fault('submit', fault);
      const id = enqueue(h, subject);
      h.queue.start();
      const job = await settled(h.queue, id);
      if (h.provider.lookup) {
        // Found again at the service and followed to the end.
        expect(job).toMatchObject({ state: 'succeeded', attempts: 1 });
      } else {
        expect(job).toMatchObject({ state: 'needs_decision', errorCode: 'unknown_submission', remoteId: null });
        expect(job.errorMessage).toMatch(/may have accepted this job and may charge for it/);
        // The creator looked and decided to send it again.
        h.queue.decide(id, { action: 'resubmit' });
        expect(await settled(h.queue, id)).toMatchObject({ state: 'succeeded' });
        expect(h.fake.submissions()).toBe(2);
        return;
      }
      expect(h.fake.submissions()).toBe(1);
    });

    test('a submission dropped before the service saw it: looked up where possible, else a decision', async () => {
      const h = await setup(subject);
      h.fake.fault('submit', { kind: 'drop', when: 'before' });
      const id = enqueue(h, subject);
      h.queue.start();
      const job = await settled(h.queue, id);
      if (h.provider.lookup) {
        // The service certainly does not have it, so it is sent again: one submission in all.
        expect(job).toMatchObject({ state: 'succeeded', attempts: 2 });
        expect(h.fake.submissions()).toBe(1);
      } else {
        expect(job.state).toBe('needs_decision');
        expect(h.fake.submissions()).toBe(0);
      }
    });

    test('a failed job and a filtered job end failed with the service’s reason', async () => {
      const h = await setup(subject);
      h.fake.outcomes.push('fail', 'filter');
      const failedId = enqueue(h, subject);
      const filteredId = enqueue(h, subject);
      h.queue.start();
      const failed = await settled(h.queue, failedId);
      const filtered = await settled(h.queue, filteredId);
      expect(failed.state).toBe('failed');
      expect(failed.errorMessage).not.toBeNull();
      expect(failed.clipId).toBeNull();
      expect(filtered.state).toBe('failed');
      if (subject.id !== 'comfyui') {
        expect(filtered.errorMessage).toMatch(/safety|moderation/i);
        expect(filtered.errorCode).not.toBe(failed.errorCode);
      }
      expect(h.fake.submissions()).toBe(2);
      await idle(h.queue);
      expect(await orphanCheck(h)).toEqual({ unreferencedFiles: [], unusedRows: [], temp: [] });
    });

    test('cancel while it runs: the service’s cancel call where one exists, else a clear note', async () => {
      const h = await setup(subject, true);
      const id = enqueue(h, subject);
      h.queue.start();
      await settled(h.queue, id, ['running']);
      const requested = h.queue.cancel(id);
      expect(requested.cancelRequested).toBe(true);
      const job = await settled(h.queue, id);
      expect(job.state).toBe('canceled');
      expect(job.clipId).toBeNull();
      if (h.provider.cancel) {
        expect(h.fake.cancels()).toBe(1);
        expect(job.errorMessage).toBeNull();
      } else {
        expect(h.fake.cancels()).toBe(0);
        expect(job.errorMessage).toMatch(
          /no way to stop a job once it has started; it may still finish there and be billed/,
        );
        if (subject.expectedCostUsd > 0) expect(h.queue.spend().spentUsd).toBeGreaterThan(0);
      }
    });
  });
}

/**
 * Runs jobs: as many per provider as its concurrency allows, highest priority first, waking
 * when something changes or when the earliest durable wait (retry_at) is over. Nothing here
 * keeps state a crash could lose: the jobs table says what to do next, so a restart resumes
 * where the last run stopped. What one run does is in localRun.ts and remoteRun.ts.
 */
import type { ProviderId } from '../../shared/prompt/providers';
import type { Provider, ProviderRegistry } from '../providers/types';
import { runLocal } from './localRun';
import { JobOutcomes } from './outcomes';
import { runRemote } from './remoteRun';
import type { RunContext, RunDeps } from './runContext';
import { CANCEL, STOP, untilAborted } from './signals';
import type { JobRecord } from './store';

export interface SchedulerOptions extends RunDeps {
  providers: ProviderRegistry;
  concurrency: ReadonlyMap<ProviderId, number>;
  /**
   * How long stop() lets a submission already on the wire finish, so a normal quit learns the
   * remote id instead of leaving the job for a lookup or a decision at the next start.
   */
  submitGraceMs: number;
}

interface Active {
  provider: ProviderId;
  /**
   * Aborts a grace period after stop, never on cancel: an in-flight submission is not cut off
   * by a cancel (its id is learned and the remote job stopped) nor at once by a quit.
   */
  stop: AbortController;
  /** Aborts on stop or cancel. */
  any: AbortController;
  promise: Promise<void>;
}

export class Scheduler {
  private readonly active = new Map<number, Active>();
  private readonly run: RunContext;
  private running = false;
  private wake = new AbortController();
  private loopDone: Promise<void> | null = null;

  constructor(private readonly o: SchedulerOptions) {
    this.run = { ...o, outcomes: new JobOutcomes(o) };
  }

  get started(): boolean {
    return this.running;
  }

  isActive(jobId: number): boolean {
    return this.active.has(jobId);
  }

  activeCount(): number {
    return this.active.size;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loopDone = this.loop();
  }

  /** Stops taking jobs and interrupts the ones running; remote jobs resume at the next start. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake.abort();
    const grace = setTimeout(() => {
      for (const entry of this.active.values()) entry.stop.abort(STOP);
    }, this.o.submitGraceMs);
    for (const entry of this.active.values()) entry.any.abort(STOP);
    await Promise.allSettled([...this.active.values()].map((entry) => entry.promise));
    clearTimeout(grace);
    await this.loopDone;
    this.loopDone = null;
  }

  /** Something changed (a job was added, moved or freed a slot): look again. */
  nudge(): void {
    this.wake.abort();
  }

  /** Interrupts a running job for a cancel; false when this process is not running it. */
  cancelActive(jobId: number): boolean {
    const entry = this.active.get(jobId);
    if (!entry) return false;
    entry.any.abort(CANCEL);
    return true;
  }

  private limit(provider: ProviderId): number {
    return this.o.concurrency.get(provider) ?? 1;
  }

  private busy(provider: ProviderId): number {
    let count = 0;
    for (const entry of this.active.values()) if (entry.provider === provider) count++;
    return count;
  }

  private async loop(): Promise<void> {
    while (this.running) {
      this.wake = new AbortController();
      try {
        this.fill();
      } catch (error) {
        this.o.log('the job runner could not pick the next job', error);
      }
      const waiting = [...this.o.providers.keys()].filter((id) => this.busy(id) < this.limit(id));
      const next = this.o.jobs.nextRetryAt(waiting, [...this.active.keys()]);
      if (next === null) await untilAborted(this.wake.signal);
      else await this.o.sleep(Math.max(0, next - this.o.now()), this.wake.signal);
    }
  }

  private fill(): void {
    for (const [id, provider] of this.o.providers) {
      let free = this.limit(id) - this.busy(id);
      while (free > 0 && this.running) {
        const job = this.o.jobs.nextRunnable(id, this.o.now(), [...this.active.keys()]);
        if (!job) break;
        this.launch(job, provider);
        free--;
      }
    }
  }

  private launch(job: JobRecord, provider: Provider): void {
    const stop = new AbortController();
    const any = new AbortController();
    const entry: Active = { provider: job.provider, stop, any, promise: Promise.resolve() };
    this.active.set(job.id, entry);
    entry.promise = (async () => {
      try {
        if (provider.kind === 'local') await runLocal(this.run, job, provider, any.signal);
        else await runRemote(this.run, job, provider, stop.signal, any.signal);
      } catch (error) {
        this.run.outcomes.crashed(job.id, error);
      } finally {
        this.active.delete(job.id);
        this.run.outcomes.forget(job.id);
        this.nudge();
      }
    })();
  }
}

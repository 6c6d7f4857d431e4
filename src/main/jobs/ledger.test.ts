import { describe, expect, test } from 'vitest';
import { Projects } from '../library/projects';
import { expectStudioError, thrownBy } from '../../../test/support/fixtures';
import { backoffDelay, DEFAULT_RETRY_POLICY } from './backoff';
import { BudgetExceeded, Ledger, monthOf, monthRange } from './ledger';
import { JobStore } from './store';
import { library, newJob, type Library } from '../../../test/jobs/harness';

function jobIn(
  lib: Library,
  projectId: number,
  provider: 'veo' | 'runway',
): { id: number; projectId: number; provider: string; model: string | null } {
  return new JobStore(lib.db).insert(newJob(projectId, { provider, costEstimateUsd: 0 }), 0);
}

const NOV = Date.UTC(2026, 10, 15);

describe('months', () => {
  test('are UTC calendar months', () => {
    expect(monthOf(Date.UTC(2026, 10, 30, 23, 59))).toBe('2026-11');
    expect(monthOf(Date.UTC(2026, 11, 1))).toBe('2026-12');
    expect(monthRange('2026-12')).toEqual({ start: Date.UTC(2026, 11, 1), end: Date.UTC(2027, 0, 1) });
  });
});

describe('the ledger', () => {
  test('spend per month, project and provider; a deleted project keeps its charges under its name', async () => {
    const lib = await library();
    const ledger = new Ledger(lib.db, () => NOV);
    const other = new Projects(lib.db).create('Trailer').id;
    const job = (projectId: number, provider: 'veo' | 'runway') => jobIn(lib, projectId, provider);
    ledger.charge(job(lib.projectId, 'veo'), 3.2, Date.UTC(2026, 10, 2));
    ledger.charge(job(lib.projectId, 'runway'), 0.48, Date.UTC(2026, 10, 3));
    ledger.charge(job(other, 'veo'), 1.2, Date.UTC(2026, 10, 4));
    ledger.charge(job(other, 'veo'), 9, Date.UTC(2026, 9, 31)); // October
    ledger.charge(job(other, 'veo'), 0, Date.UTC(2026, 10, 4)); // nothing charged, nothing written
    new Projects(lib.db).delete(other);
    const november = ledger.summary('2026-11');
    expect(november).toMatchObject({ month: '2026-11', spentUsd: 4.88, budgetUsd: null, remainingUsd: null });
    expect(november.byProject).toEqual([
      { projectId: lib.projectId, name: 'Jobs', spentUsd: 3.68 },
      { projectId: null, name: 'Trailer', spentUsd: 1.2 },
    ]);
    expect(november.byProvider).toEqual([
      { provider: 'veo', spentUsd: 4.4 },
      { provider: 'runway', spentUsd: 0.48 },
    ]);
    expect(ledger.summary('2026-10').spentUsd).toBe(9);
    expect(ledger.history(3)).toEqual([
      { month: '2026-09', spentUsd: 0 },
      { month: '2026-10', spentUsd: 9 },
      { month: '2026-11', spentUsd: 4.88 },
    ]);
  });

  test('the budget refuses a job that would pass it and says by how much', async () => {
    const lib = await library();
    const ledger = new Ledger(lib.db, () => NOV);
    ledger.setBudget(5);
    ledger.charge(jobIn(lib, lib.projectId, 'veo'), 3.2, NOV);
    ledger.check(1.8, { exceptJobId: null, includeQueued: true });
    const error = thrownBy(() => ledger.check(2, { exceptJobId: null, includeQueued: true }));
    expect(error).toBeInstanceOf(BudgetExceeded);
    expect((error as BudgetExceeded).overByUsd).toBe(0.2);
    expectStudioError(
      error,
      'over_budget',
      'This clip is estimated at $2.00. With $3.20 spent this month ($3.20 in all), it would pass your monthly budget of $5.00 by $0.20.',
    );
    ledger.check(0, { exceptJobId: null, includeQueued: true }); // free jobs always pass
    ledger.setBudget(null);
    ledger.check(100, { exceptJobId: null, includeQueued: true });
    expect(ledger.budget()).toBeNull();
  });
});

describe('backoff', () => {
  const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 1000, maxDelayMs: 10_000 };
  test('doubles per attempt with jitter, up to the cap', () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, policy, undefined, () => 0))).toEqual([
      500, 1000, 2000, 4000, 5000, 5000,
    ]);
    expect([1, 2, 3].map((n) => backoffDelay(n, policy, undefined, () => 0.999999))).toEqual([1000, 2000, 4000]);
  });

  test('never sooner than the service asked, even past the cap', () => {
    expect(backoffDelay(1, policy, 7000, () => 0.5)).toBe(7000);
    expect(backoffDelay(6, policy, 3000, () => 0.5)).toBe(7500);
    expect(backoffDelay(1, policy, 120_000, () => 0.5)).toBe(120_000);
  });
});

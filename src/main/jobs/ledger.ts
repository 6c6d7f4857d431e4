/**
 * What generation costs: the estimate before a job is sent, the actual cost after, spend per
 * month and project, and an optional monthly budget that refuses a submission that would pass
 * it, saying by how much. Months are calendar months in UTC, as providers bill them. The
 * budget lives in the settings table; charges live in cost_entries (written in the same
 * transaction that settles a job), and estimates of unfinished jobs are read from jobs.
 */
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { StudioError } from '../../shared/errors';
import type { Spend } from '../../shared/jobs';

const BUDGET_KEY = 'jobs.monthlyBudgetUsd';

/** Jobs whose estimate counts as money on its way out: queued or under way. */
const RESERVING = `('queued', 'submitting', 'running', 'downloading', 'needs_decision')`;

export function monthOf(ms: number): string {
  const date = new Date(ms);
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

export function monthRange(month: string): { start: number; end: number } {
  const [year, mon] = month.split('-').map(Number);
  if (year === undefined || mon === undefined)
    throw new StudioError('invalid_input', `month must look like 2026-11, got ${month}`);
  return { start: Date.UTC(year, mon - 1, 1), end: Date.UTC(year, mon, 1) };
}

export function formatUsd(usd: number): string {
  return `$${usd.toFixed(2)}`;
}

/** Sums of floats drift (0.1 + 0.2); money is shown to a hundredth of a cent. */
function money(usd: number): number {
  return Math.round(usd * 10_000) / 10_000;
}

function cents(usd: number): number {
  return Math.round(usd * 100) / 100;
}

export class BudgetExceeded extends StudioError {
  constructor(
    message: string,
    readonly overByUsd: number,
  ) {
    super('over_budget', message);
  }
}

export class Ledger {
  constructor(
    private readonly db: Database,
    private readonly now: () => number,
  ) {}

  budget(): number | null {
    const row = this.db
      .prepare<[string], { value_json: string }>('SELECT value_json FROM settings WHERE key = ?')
      .get(BUDGET_KEY);
    if (!row) return null;
    const parsed = z.number().positive().nullable().safeParse(JSON.parse(row.value_json));
    return parsed.success ? parsed.data : null;
  }

  setBudget(monthlyUsd: number | null): void {
    if (monthlyUsd === null) {
      this.db.prepare('DELETE FROM settings WHERE key = ?').run(BUDGET_KEY);
      return;
    }
    this.db
      .prepare(
        'INSERT INTO settings (key, value_json) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json',
      )
      .run(BUDGET_KEY, JSON.stringify(monthlyUsd));
  }

  /**
   * Records a charge for a job. Call inside the transaction that settles the job, so a job
   * is charged exactly when it is settled.
   */
  charge(
    job: { id: number; projectId: number; provider: string; model: string | null },
    usd: number,
    at: number,
  ): void {
    if (!(usd > 0)) return;
    this.db
      .prepare(
        `INSERT INTO cost_entries (job_id, project_id, project_name, provider, model, usd, at)
         SELECT @jobId, p.id, p.name, @provider, @model, @usd, @at FROM projects p WHERE p.id = @projectId`,
      )
      .run({ jobId: job.id, projectId: job.projectId, provider: job.provider, model: job.model, usd, at });
  }

  /** What was charged in the month. */
  spent(month: string): number {
    const { start, end } = monthRange(month);
    const row = this.db
      .prepare<[number, number], { usd: number | null }>(
        'SELECT sum(usd) AS usd FROM cost_entries WHERE at >= ? AND at < ?',
      )
      .get(start, end);
    return row?.usd ?? 0;
  }

  /** Everything ever charged for one job (a retried job may have been charged more than once). */
  chargedFor(jobId: number): number {
    const row = this.db
      .prepare<[number], { usd: number | null }>('SELECT sum(usd) AS usd FROM cost_entries WHERE job_id = ?')
      .get(jobId);
    return row?.usd ?? 0;
  }

  /** Estimates of paid jobs not yet finished, except one (the job being checked). */
  reserved(exceptJobId: number | null, includeQueued: boolean): number {
    const states = includeQueued ? RESERVING : `('submitting', 'running', 'downloading', 'needs_decision')`;
    const row = this.db
      .prepare<[number], { usd: number | null }>(
        `SELECT sum(cost_estimate_usd) AS usd FROM jobs WHERE state IN ${states} AND id != ? AND cost_estimate_usd > 0`,
      )
      .get(exceptJobId ?? -1);
    return row?.usd ?? 0;
  }

  /**
   * Refuses a paid job that would take this month past the budget. At enqueue every queued
   * job counts; just before sending, only jobs already sent (the queue may run in any order).
   */
  check(estimateUsd: number, options: { exceptJobId: number | null; includeQueued: boolean }): void {
    const budget = this.budget();
    if (budget === null || estimateUsd <= 0) return;
    const month = monthOf(this.now());
    const spent = this.spent(month);
    const reserved = this.reserved(options.exceptJobId, options.includeQueued);
    const total = spent + reserved + estimateUsd;
    if (total <= budget + 1e-9) return;
    const over = cents(total - budget);
    const committed = spent + reserved;
    throw new BudgetExceeded(
      `This clip is estimated at ${formatUsd(estimateUsd)}. With ${formatUsd(spent)} spent` +
        (reserved > 0 ? ` and ${formatUsd(reserved)} in jobs not yet finished` : '') +
        ` this month (${formatUsd(committed)} in all), it would pass your monthly budget of ${formatUsd(budget)} by ${formatUsd(over)}. ` +
        'Raise the budget, or wait for next month.',
      over,
    );
  }

  /** What was charged in each of the last `months` months, oldest first (months without spend included). */
  history(months = 12): { month: string; spentUsd: number }[] {
    const now = new Date(this.now());
    const out: { month: string; spentUsd: number }[] = [];
    for (let back = months - 1; back >= 0; back--) {
      const month = monthOf(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1));
      out.push({ month, spentUsd: money(this.spent(month)) });
    }
    return out;
  }

  summary(month: string = monthOf(this.now())): Spend {
    const { start, end } = monthRange(month);
    const spent = this.spent(month);
    const reserved = month === monthOf(this.now()) ? this.reserved(null, true) : 0;
    const budget = this.budget();
    const byProject = this.db
      .prepare<[number, number], { project_id: number | null; name: string; usd: number }>(
        // A project deleted (its clips in the Trash) or gone keeps its charges under its name, with no id to open.
        `SELECT CASE WHEN p.id IS NOT NULL AND p.deleted_at IS NULL THEN e.project_id END AS project_id, e.project_name AS name,
                sum(e.usd) AS usd
         FROM cost_entries e LEFT JOIN projects p ON p.id = e.project_id
         WHERE e.at >= ? AND e.at < ? GROUP BY e.project_id, e.project_name ORDER BY usd DESC`,
      )
      .all(start, end)
      .map((row) => ({ projectId: row.project_id, name: row.name, spentUsd: money(row.usd) }));
    const byProvider = this.db
      .prepare<[number, number], { provider: string; usd: number }>(
        `SELECT provider, sum(usd) AS usd FROM cost_entries WHERE at >= ? AND at < ? GROUP BY provider ORDER BY usd DESC`,
      )
      .all(start, end)
      .map((row) => ({ provider: row.provider, spentUsd: money(row.usd) }));
    return {
      month,
      spentUsd: money(spent),
      reservedUsd: money(reserved),
      budgetUsd: budget,
      remainingUsd: budget === null ? null : money(budget - spent - reserved),
      byProject,
      byProvider,
    };
  }
}

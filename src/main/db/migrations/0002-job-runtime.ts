import type { Database } from 'better-sqlite3';

/**
 * What the job runner needs beyond the core columns: the exact provider request it sends,
 * when a retry may go out, when a paid request was recorded as about to be sent (so recovery
 * knows which window to look in), whether the creator asked to cancel, and the compiler's
 * notes. Indexes: the runner's "next job per provider" pick, one remote id per provider (two
 * jobs can never adopt the same remote job), and a clip's job.
 *
 * cost_entries is the spend ledger: one row per charge, written in the same transaction that
 * settles the job. It outlives retries of the job and the deletion of its project (the
 * project's name is kept), so monthly spend never shrinks after the fact.
 */
export function up(db: Database): void {
  db.exec(`
    ALTER TABLE jobs ADD COLUMN request_json TEXT;
    ALTER TABLE jobs ADD COLUMN retry_at INTEGER;
    ALTER TABLE jobs ADD COLUMN submitted_at INTEGER;
    ALTER TABLE jobs ADD COLUMN cancel_requested INTEGER NOT NULL DEFAULT 0 CHECK (cancel_requested IN (0, 1));
    ALTER TABLE jobs ADD COLUMN notes_json TEXT NOT NULL DEFAULT '[]';

    CREATE INDEX jobs_by_provider_state ON jobs(provider, state, priority DESC, created_at, id);
    CREATE UNIQUE INDEX jobs_by_remote_id ON jobs(provider, remote_id) WHERE remote_id IS NOT NULL;
    CREATE INDEX clips_by_job ON clips(job_id) WHERE job_id IS NOT NULL;

    CREATE TABLE cost_entries (
      id INTEGER PRIMARY KEY,
      job_id INTEGER REFERENCES jobs(id) ON DELETE SET NULL,
      project_id INTEGER REFERENCES projects(id) ON DELETE SET NULL,
      project_name TEXT NOT NULL,
      provider TEXT NOT NULL,
      model TEXT,
      usd REAL NOT NULL CHECK (usd >= 0),
      at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX cost_entries_by_time ON cost_entries(at);
    CREATE INDEX cost_entries_by_job ON cost_entries(job_id);
    CREATE INDEX cost_entries_by_project ON cost_entries(project_id);
  `);
}

/**
 * `shotline jobs`: lists the library's jobs and their states. It only reads: it opens the
 * database without starting a studio, so it is safe beside a running desktop app, browser
 * studio or `shotline batch` on the same library.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Job } from '../../shared/jobs';
import { PROVIDERS } from '../../shared/prompt/providers';
import { formatSpan, type CliOutput } from './output';
import { openDatabase } from '../db/connection';
import { JobStore, publicJob } from '../jobs/store';
import { Projects } from '../library/projects';
import { resolveDataDir } from '../core/dataDir';

export const JOBS_USAGE = `Usage: shotline jobs [--json] [--data-dir DIR]

Lists the jobs in your library: unfinished ones in the order they run, then finished ones,
newest first.

Options:
  --json                Print the jobs as JSON (one array) on stdout
  --data-dir DIR        Library folder (default: $SHOTLINE_DATA_DIR, else the platform's app-data folder)
  -h, --help            Show this help
`;

const STATE_WORD: Record<Job['state'], string> = {
  queued: 'queued',
  submitting: 'sending',
  running: 'running',
  downloading: 'downloading',
  succeeded: 'done',
  failed: 'failed',
  canceled: 'canceled',
  needs_decision: 'needs decision',
};

function outcome(job: Job): string {
  if (job.state === 'succeeded') return job.clipId === null ? 'clip deleted' : `clip #${job.clipId}`;
  if (job.errorMessage !== null) return job.errorMessage;
  if (job.startedAt !== null && job.finishedAt === null) return `${formatSpan(Date.now() - job.startedAt)} elapsed`;
  return '';
}

function table(rows: string[][]): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows
    .map((row) =>
      row
        .map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

export function jobsCommand(argv: readonly string[], stdout: CliOutput, stderr: CliOutput, env = process.env): number {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        json: { type: 'boolean', default: false },
        'data-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${JOBS_USAGE}`);
    return 2;
  }
  if (values.help) {
    stdout.write(JOBS_USAGE);
    return 0;
  }
  const dataDir = resolveDataDir(values['data-dir'], env);
  const file = join(dataDir, 'library.db');
  if (!existsSync(file)) {
    // Nothing to list, and a folder that is not a library yet is left untouched.
    if (values.json) stdout.write('[]\n');
    else stderr.write(`No jobs: there is no Shotline library in ${dataDir} yet.\n`);
    return 0;
  }
  const db = openDatabase(file);
  try {
    const names = new Map(new Projects(db).list(true).map((p) => [p.id, p.name]));
    const jobs = new JobStore(db).list({ limit: 1_000_000 }).map(publicJob);
    if (values.json) {
      stdout.write(
        `${JSON.stringify(
          jobs.map((job) => ({ ...job, projectName: names.get(job.projectId) ?? null })),
          null,
          2,
        )}\n`,
      );
      return 0;
    }
    if (jobs.length === 0) {
      stderr.write(`No jobs yet in ${dataDir}.\n`);
      return 0;
    }
    const rows = [
      ['ID', 'STATE', 'PROGRESS', 'PROVIDER', 'PROJECT', 'TITLE', 'RESULT'],
      ...jobs.map((job) => [
        String(job.id),
        STATE_WORD[job.state],
        job.state === 'succeeded' ? '100%' : job.state === 'queued' ? '-' : `${Math.round(job.progress * 100)}%`,
        PROVIDERS[job.provider].label,
        names.get(job.projectId) ?? `project ${job.projectId}`,
        job.title,
        outcome(job),
      ]),
    ];
    stdout.write(`${table(rows)}\n`);
    return 0;
  } finally {
    db.close();
  }
}

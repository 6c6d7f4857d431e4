/**
 * `shotline batch`: queues one job per prompt file in a project of the library and runs the
 * queue until they are all done, with progress on stderr. Running the same command again
 * resumes: a prompt (same text, provider and project) that already made its clip, or is still
 * on its way, is never sent again, and one that failed is retried rather than duplicated.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { StudioError } from '../../shared/errors';
import { isTerminal, type Job } from '../../shared/jobs';
import { lint } from '../../shared/prompt/lint';
import { PROVIDER_IDS, PROVIDERS, ProviderId } from '../../shared/prompt/providers';
import { formatSpan, type CliOutput } from './output';
import { resolveDataDir } from '../core/dataDir';
import type { LocalRender } from '../providers/types';
import { createStudio, type Studio } from '../core/studio';

export const BATCH_USAGE = `Usage: shotline batch <prompt files...> --provider <id> [--project NAME] [--data-dir DIR]

Queues one job per prompt file in a project of your library (created if missing) and runs
the queue until every job is done, showing progress on stderr. Run the same command again to
resume: prompts that already made their clip are not sent again; failed ones are retried.

Providers: ${PROVIDER_IDS.join(', ')}
Options:
  --provider ID         Who makes the clips (required); "local" is the built-in engine
  --project NAME        Project the clips go to (default: "Batch")
  --data-dir DIR        Library folder (default: $SHOTLINE_DATA_DIR, else the platform's app-data folder)
  -h, --help            Show this help
`;

export const DEFAULT_BATCH_PROJECT = 'Batch';

export interface BatchDeps {
  /** The built-in engine; the real one unless a test brings a stand-in. */
  render?: LocalRender | null;
  env?: NodeJS.ProcessEnv;
  version?: string;
  /** Resolves when the command should stop early (Ctrl+C); jobs left stay queued for the next run. */
  interrupted?: Promise<void>;
}

interface Entry {
  file: string;
  name: string;
  text: string;
  /** How this run came to the job: new, already done, still on its way, retried. */
  origin: 'queued' | 'done-before' | 'pending-before' | 'retried';
  job: Job;
}

class UsageError extends Error {}

/** Same text, provider and project, best first: a job that made its clip, then one on its way, then the latest failure. */
function earlier(jobs: readonly Job[], text: string): Job | undefined {
  const same = jobs.filter((job) => job.promptText === text);
  return (
    same.find((job) => job.state === 'succeeded') ??
    same.find((job) => !isTerminal(job.state)) ??
    [...same].sort((a, b) => b.id - a.id)[0]
  );
}

async function readPrompts(
  files: readonly string[],
  provider: ProviderId,
  stderr: CliOutput,
): Promise<string[] | null> {
  const texts: string[] = [];
  let bad = false;
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      stderr.write(
        `${file}: cannot read the prompt file (${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (code ?? 'unreadable')}).\n`,
      );
      bad = true;
      continue;
    }
    if (text.trim() === '') {
      stderr.write(`${file}: the prompt file is empty.\n`);
      bad = true;
      continue;
    }
    const errors = lint(text, { provider }).diagnostics.filter((d) => d.severity === 'error');
    for (const d of errors) stderr.write(`${file}:${d.range.line}:${d.range.column}: error: ${d.message}\n`);
    if (errors.length > 0) bad = true;
    texts.push(text);
  }
  return bad ? null : texts;
}

function describe(job: Job): string {
  switch (job.state) {
    case 'succeeded':
      return `clip #${job.clipId ?? '?'} “${job.title}”`;
    case 'failed':
      return `failed: ${job.errorMessage ?? 'no reason given'}`;
    case 'canceled':
      return 'canceled';
    case 'needs_decision':
      return `needs your decision in the studio's Jobs screen: ${job.errorMessage ?? ''}`.trim();
    default:
      return job.state;
  }
}

/** Progress on stderr: one line redrawn on a terminal, a line per change otherwise. */
class Display {
  private shownLine = false;
  private readonly logged = new Map<number, string>();

  constructor(
    private readonly err: CliOutput,
    private readonly total: number,
  ) {}

  line(text: string): void {
    this.clear();
    this.err.write(`${text}\n`);
  }

  status(entries: readonly Entry[], now: number): void {
    const running = entries.filter((e) => !isTerminal(e.job.state) && e.job.state !== 'queued');
    const done = entries.filter((e) => isTerminal(e.job.state) || e.job.state === 'needs_decision').length;
    if (this.err.isTTY) {
      const parts = running.map((e) => {
        const elapsed = e.job.startedAt === null ? '' : ` ${formatSpan(now - e.job.startedAt)}`;
        return `${e.name} ${e.job.state} ${Math.round(e.job.progress * 100)}%${elapsed}`;
      });
      const waiting = entries.filter((e) => e.job.state === 'queued').length;
      const text = `[${done}/${this.total}] ${parts.join(' · ') || 'waiting'}${waiting > 0 ? ` · ${waiting} queued` : ''}`;
      const width = Math.max(20, (this.err.columns ?? 100) - 1);
      this.err.write(`\r\x1b[2K${text.length > width ? `${text.slice(0, width - 1)}…` : text}`);
      this.shownLine = true;
      return;
    }
    for (const e of running) {
      const step = `${e.job.state} ${Math.floor(e.job.progress * 4) * 25}%`;
      if (this.logged.get(e.job.id) === step) continue;
      this.logged.set(e.job.id, step);
      this.err.write(`${e.name}: ${step}\n`);
    }
  }

  clear(): void {
    if (this.shownLine) this.err.write('\r\x1b[2K');
    this.shownLine = false;
  }
}

async function findOrCreateProject(studio: Studio, name: string): Promise<{ id: number; created: boolean }> {
  const projects = await studio.call('projects.list', { includeArchived: true });
  const found = projects.find((p) => p.name === name);
  if (found) return { id: found.id, created: false };
  return { id: (await studio.call('projects.create', { name })).id, created: true };
}

/** Every job of a project, read through the contract a page at a time. */
async function allJobs(studio: Studio, projectId: number): Promise<Job[]> {
  const jobs: Job[] = [];
  for (;;) {
    const page = await studio.call('jobs.list', { projectId, limit: 1000, offset: jobs.length });
    jobs.push(...page);
    if (page.length < 1000) return jobs;
  }
}

async function enqueueAll(
  studio: Studio,
  projectId: number,
  provider: ProviderId,
  files: readonly string[],
  texts: readonly string[],
): Promise<Entry[]> {
  const existing = (await allJobs(studio, projectId)).filter((job) => job.provider === provider);
  const entries: Entry[] = [];
  for (const [i, file] of files.entries()) {
    const text = texts[i] ?? '';
    const name = basename(file);
    // The same prompt twice in one run (two files with one text) is one job.
    const twin = entries.find((e) => e.text === text);
    if (twin) {
      entries.push({ ...twin, file, name });
      continue;
    }
    const before = earlier(existing, text);
    if (before?.state === 'succeeded') entries.push({ file, name, text, origin: 'done-before', job: before });
    else if (before && !isTerminal(before.state))
      entries.push({ file, name, text, origin: 'pending-before', job: before });
    else if (before)
      entries.push({ file, name, text, origin: 'retried', job: await studio.call('jobs.retry', { id: before.id }) });
    else {
      const job = await studio.call('jobs.enqueue', { projectId, provider, promptText: text });
      entries.push({ file, name, text, origin: 'queued', job });
    }
  }
  return entries;
}

/** Waits until every job has settled (or the run is interrupted), keeping the display fresh. */
async function follow(
  studio: Studio,
  entries: Entry[],
  display: Display,
  interrupted: Promise<void>,
): Promise<boolean> {
  const settled = (): boolean => entries.every((e) => isTerminal(e.job.state) || e.job.state === 'needs_decision');
  // Jobs made by an earlier run were reported when the run began.
  const reported = new Set(entries.filter((e) => e.origin === 'done-before').map((e) => e.job.id));
  const refresh = async (): Promise<void> => {
    const fresh = new Map<number, Job>();
    for (const e of entries) {
      const job = fresh.get(e.job.id) ?? (await studio.call('jobs.get', { id: e.job.id }));
      fresh.set(job.id, job);
      e.job = job;
    }
    for (const e of entries) {
      if (reported.has(e.job.id) || !(isTerminal(e.job.state) || e.job.state === 'needs_decision')) continue;
      reported.add(e.job.id);
      const mark = e.job.state === 'succeeded' ? '✓' : '✗';
      const took =
        e.job.startedAt !== null && e.job.finishedAt !== null
          ? ` (took ${formatSpan(e.job.finishedAt - e.job.startedAt)})`
          : '';
      display.line(`${mark} ${e.name}: ${describe(e.job)}${e.job.state === 'succeeded' ? took : ''}`);
    }
    display.status(entries, Date.now());
  };
  let wake: () => void = () => undefined;
  const unsubscribe = studio.onEvent((name) => {
    if (name === 'jobs.changed' || name === 'jobs.progress') wake();
  });
  const run = { stopped: false };
  void interrupted.then(() => {
    run.stopped = true;
    wake();
  });
  try {
    await refresh();
    while (!settled() && !run.stopped) {
      // Events wake the loop at once; the timer keeps the elapsed time moving.
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 1000);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      await refresh();
    }
  } finally {
    unsubscribe();
    display.clear();
  }
  return !run.stopped;
}

/** Exit codes: 0 every clip made; 1 a job failed, a prompt or provider is not usable; 2 bad arguments; 130 interrupted. */
export async function batchCommand(
  argv: readonly string[],
  stdout: CliOutput,
  stderr: CliOutput,
  deps: BatchDeps = {},
): Promise<number> {
  let files: string[];
  let provider: ProviderId;
  let projectName: string;
  let dataDir: string;
  try {
    let parsed;
    try {
      parsed = parseArgs({
        args: [...argv],
        allowPositionals: true,
        options: {
          provider: { type: 'string' },
          project: { type: 'string' },
          'data-dir': { type: 'string' },
          help: { type: 'boolean', short: 'h', default: false },
        },
      });
    } catch (error) {
      throw new UsageError(error instanceof Error ? error.message : String(error));
    }
    const { values, positionals } = parsed;
    if (values.help) {
      stdout.write(BATCH_USAGE);
      return 0;
    }
    if (positionals.length === 0) throw new UsageError('Give at least one prompt file.');
    if (values.provider === undefined)
      throw new UsageError(`--provider is required: one of ${PROVIDER_IDS.join(', ')}.`);
    const id = ProviderId.safeParse(values.provider);
    if (!id.success)
      throw new UsageError(`Unknown provider "${values.provider}"; choose one of ${PROVIDER_IDS.join(', ')}.`);
    provider = id.data;
    projectName = (values.project ?? DEFAULT_BATCH_PROJECT).trim();
    if (projectName === '' || projectName.length > 120)
      throw new UsageError('--project must be a name of 1 to 120 characters.');
    files = positionals;
    dataDir = resolveDataDir(values['data-dir'], deps.env ?? process.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    stderr.write(`${error.message}\n\n${BATCH_USAGE}`);
    return 2;
  }

  const texts = await readPrompts(files, provider, stderr);
  if (texts === null) {
    stderr.write('Nothing was queued: fix the prompt files above, then run the command again.\n');
    return 1;
  }

  const studio = await createStudio({
    dataDir,
    ...(deps.version ? { version: deps.version } : {}),
    ...(deps.env ? { env: deps.env } : {}),
    ...(deps.render !== undefined ? { render: deps.render } : {}),
  });
  try {
    const status = (await studio.call('jobs.providers', {})).find((p) => p.id === provider);
    if (!status?.ready) {
      stderr.write(
        `${PROVIDERS[provider].label} cannot take jobs: ${status?.notReadyReason ?? 'it is not available'}\n`,
      );
      return 1;
    }
    const project = await findOrCreateProject(studio, projectName);
    const entries = await enqueueAll(studio, project.id, provider, files, texts);
    const display = new Display(stderr, entries.length);
    const fresh = entries.filter((e) => e.origin === 'queued' || e.origin === 'retried').length;
    display.line(
      `Batch: ${entries.length} prompt${entries.length === 1 ? '' : 's'} → ${PROVIDERS[provider].label}, project “${projectName}”` +
        `${project.created ? ' (new)' : ''} in ${dataDir}`,
    );
    for (const e of entries) {
      if (e.origin === 'done-before') display.line(`- ${e.name}: already made (clip #${e.job.clipId ?? '?'}), skipped`);
      else if (e.origin === 'pending-before') display.line(`- ${e.name}: already in the queue (job #${e.job.id})`);
      else if (e.origin === 'retried') display.line(`- ${e.name}: failed before, retrying (job #${e.job.id})`);
    }
    if (fresh > 0)
      display.line(`Queued ${fresh} job${fresh === 1 ? '' : 's'}. Ctrl+C stops; run the same command to resume.`);

    const finished = await follow(studio, entries, display, deps.interrupted ?? new Promise<void>(() => undefined));
    for (const e of entries) {
      stdout.write(
        `${e.file}\t${e.job.state}\tjob ${e.job.id}\t${e.job.clipId === null ? '-' : `clip ${e.job.clipId}`}\n`,
      );
    }
    if (!finished) {
      stderr.write('Stopped. Jobs not finished stay in the queue; run the same command again to resume.\n');
      return 130;
    }
    const made = entries.filter((e) => e.job.state === 'succeeded' && e.origin !== 'done-before').length;
    const skipped = entries.filter((e) => e.origin === 'done-before').length;
    const failed = entries.filter((e) => e.job.state !== 'succeeded').length;
    stderr.write(
      `Done: ${made} made, ${skipped} already made${failed > 0 ? `, ${failed} not made (see above)` : ''}.\n`,
    );
    return failed > 0 ? 1 : 0;
  } catch (error) {
    if (!(error instanceof StudioError)) throw error;
    stderr.write(`${error.message}\n`);
    return 1;
  } finally {
    await studio.close();
  }
}

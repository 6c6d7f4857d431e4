/**
 * `shotline batch` and `shotline jobs`, run in-process with a temp library and the queue's
 * stand-in renderer (fast), and once as a child process with the real built-in engine.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, onTestFinished, test } from 'vitest';
import { Job } from '../../shared/jobs';
import { RenderReport } from '../../shared/renderReport';
import { batchCommand, type BatchDeps } from './batch';
import type { CliOutput } from './output';
import { openDatabase } from '../db/connection';
import { testRender } from '../../../test/jobs/test-render';
import { sampleVideo } from '../../../test/jobs/harness';
import { googleError, startVeoFake } from '../../../test/fakes/veo';
import { jobsCommand } from './jobs';
import { ProviderError } from '../providers/errors';
import type { LocalRender } from '../providers/types';
import { repoRoot, tempDir } from '../../../test/support/fixtures';

const run = promisify(execFile);

class Captured implements CliOutput {
  text = '';
  write(text: string): void {
    this.text += text;
  }
}

interface Ran {
  code: number;
  out: string;
  err: string;
}

async function batch(args: string[], deps: BatchDeps = {}): Promise<Ran> {
  const out = new Captured();
  const err = new Captured();
  const code = await batchCommand(args, out, err, { render: testRender(), env: {}, ...deps });
  return { code, out: out.text, err: err.text };
}

function jobs(args: string[]): Ran {
  const out = new Captured();
  const err = new Captured();
  const code = jobsCommand(args, out, err, {});
  return { code, out: out.text, err: err.text };
}

const prompt = (title: string, extra = ''): string =>
  `Title: ${title}\nScene: a lighthouse in fog\nAudio: foghorn at 00:00.5\nDuration: 1s\n${extra}`;

async function setup(): Promise<{ dir: string; dataDir: string; files: string[] }> {
  const dir = await tempDir('shotline-batch-');
  const files = [join(dir, 'harbour.txt'), join(dir, 'storm.txt')];
  await writeFile(files[0] ?? '', prompt('Harbour'));
  await writeFile(files[1] ?? '', prompt('Storm'));
  return { dir, dataDir: join(dir, 'library'), files };
}

function listed(dataDir: string): Job[] {
  const { code, out } = jobs(['--json', '--data-dir', dataDir]);
  expect(code).toBe(0);
  return Job.array().parse(JSON.parse(out));
}

describe('shotline batch', () => {
  test('queues one job per file in a new project, runs them to clips, and a second run repeats nothing', async () => {
    const { dataDir, files } = await setup();
    const first = await batch([...files, '--provider', 'local', '--project', 'Coast', '--data-dir', dataDir]);
    expect(first.err).toContain('Batch: 2 prompts → Built-in engine, project “Coast” (new)');
    expect(first.err).toMatch(/✓ harbour\.txt: clip #\d+ “Harbour”.* \(took \d+:\d\d\)/);
    expect(first.err).toMatch(/✓ storm\.txt: clip #\d+ “Storm”/);
    expect(first.err).toContain('Done: 2 made, 0 already made.');
    expect(first.code).toBe(0);
    expect(first.out.trim().split('\n')).toEqual([
      expect.stringMatching(/harbour\.txt\tsucceeded\tjob \d+\tclip \d+$/),
      expect.stringMatching(/storm\.txt\tsucceeded\tjob \d+\tclip \d+$/),
    ]);
    const made = listed(dataDir);
    expect(made.map((job) => [job.title, job.state, job.provider])).toEqual([
      ['Storm', 'succeeded', 'local'],
      ['Harbour', 'succeeded', 'local'],
    ]);

    const db = openDatabase(join(dataDir, 'library.db'));
    const projects = db.prepare<[], { name: string; clips: number }>(
      'SELECT p.name, (SELECT count(*) FROM clips c WHERE c.project_id = p.id) AS clips FROM projects p',
    );
    expect(projects.all()).toEqual([{ name: 'Coast', clips: 2 }]);
    db.close();

    const again = await batch([...files, '--provider', 'local', '--project', 'Coast', '--data-dir', dataDir]);
    expect(again.code).toBe(0);
    expect(again.err).toContain('harbour.txt: already made');
    expect(again.err).toContain('Done: 0 made, 2 already made.');
    expect(listed(dataDir).map((job) => job.id)).toEqual(made.map((job) => job.id));

    // Another provider or project is another job; the same text in the same place is not.
    const elsewhere = await batch([files[0] ?? '', '--provider', 'local', '--data-dir', dataDir]);
    expect(elsewhere.code).toBe(0);
    expect(elsewhere.err).toContain('project “Batch” (new)');
    expect(listed(dataDir)).toHaveLength(3);
  });

  test('an interrupted run resumes where it stopped, without sending a prompt twice', async () => {
    const { dataDir, files } = await setup();
    let stop: () => void = () => undefined;
    const interrupted = new Promise<void>((resolve) => (stop = resolve));
    const slow: LocalRender = async (request, context) => {
      stop();
      return testRender({ delayMs: 60_000 })(request, context);
    };
    const stopped = await batch([...files, '--provider', 'local', '--data-dir', dataDir], {
      render: slow,
      interrupted,
    });
    expect(stopped.code).toBe(130);
    expect(stopped.err).toContain('run the same command again to resume');
    expect(listed(dataDir).map((job) => job.state)).toEqual(['queued', 'queued']);

    const resumed = await batch([...files, '--provider', 'local', '--data-dir', dataDir]);
    expect(resumed.code).toBe(0);
    expect(resumed.err).toContain('harbour.txt: already in the queue');
    const after = listed(dataDir);
    expect(after).toHaveLength(2);
    expect(after.every((job) => job.state === 'succeeded')).toBe(true);
  });

  test('a failed prompt fails the run with the reason, and the next run retries that job', async () => {
    const { dataDir, files } = await setup();
    const broken: LocalRender = () => Promise.reject(new ProviderError('rejected', 'the engine ran out of film'));
    const failed = await batch([files[0] ?? '', '--provider', 'local', '--data-dir', dataDir], { render: broken });
    expect(failed.code).toBe(1);
    expect(failed.err).toContain(
      '✗ harbour.txt: failed: The built-in engine could not render this clip: the engine ran out of film',
    );
    const [job] = listed(dataDir);
    expect(job?.state).toBe('failed');

    const retried = await batch([files[0] ?? '', '--provider', 'local', '--data-dir', dataDir]);
    expect(retried.code).toBe(0);
    expect(retried.err).toContain(`harbour.txt: failed before, retrying (job #${job?.id ?? 0})`);
    expect(listed(dataDir).map((j) => [j.id, j.state])).toEqual([[job?.id, 'succeeded']]);
  });

  test('a key the provider echoes in its error is hidden in the run output and in jobs --json', async () => {
    const { dataDir, files } = await setup();
    const key = 'echoed-secret-key-0123456789';
    const fake = await startVeoFake({ apiKey: key, video: await sampleVideo() });
    onTestFinished(() => fake.close());
    fake.faults.add('submit', { kind: 'status', status: 400, body: googleError(400, `API key not valid: ${key}`) });
    const out = new Captured();
    const err = new Captured();
    const code = await batchCommand([files[0] ?? '', '--provider', 'veo', '--data-dir', dataDir], out, err, {
      render: testRender(),
      env: { GEMINI_API_KEY: key, SHOTLINE_VEO_BASE_URL: fake.url },
    });
    expect(code).toBe(1);
    expect(err.text).toContain('API key not valid: [key hidden]');
    const listedJson = jobs(['--json', '--data-dir', dataDir]).out;
    expect(listedJson).toContain('API key not valid: [key hidden]');
    expect([out.text, err.text, listedJson].join('\n')).not.toContain(key);
  });

  test('bad input is refused with a message and a non-zero exit, before anything is queued', async () => {
    const { dir, dataDir, files } = await setup();
    const bad = join(dir, 'bad.txt');
    await writeFile(bad, 'Scene: a door\nAudio: door slam from 00:05 to 00:02\nDuration: 8s\n');
    const empty = join(dir, 'empty.txt');
    await writeFile(empty, '  \n');

    const missing = await batch([join(dir, 'nope.txt'), '--provider', 'local', '--data-dir', dataDir]);
    expect(missing).toMatchObject({ code: 1 });
    expect(missing.err).toContain('nope.txt: cannot read the prompt file (no such file).');

    const errors = await batch([files[0] ?? '', bad, empty, '--provider', 'local', '--data-dir', dataDir]);
    expect(errors.code).toBe(1);
    expect(errors.err).toContain(`${bad}:2:18: error: This sound ends at 00:02, not after its start at 00:05`);
    expect(errors.err).toContain('empty.txt: the prompt file is empty.');
    expect(errors.err).toContain('Nothing was queued');

    const unknown = await batch([files[0] ?? '', '--provider', 'sora', '--data-dir', dataDir]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('Unknown provider "sora"; choose one of local, veo, runway, comfyui, openai-videos.');

    const noProvider = await batch([files[0] ?? '', '--data-dir', dataDir]);
    expect(noProvider.code).toBe(2);
    expect(noProvider.err).toContain('--provider is required');

    const noFiles = await batch(['--provider', 'local', '--data-dir', dataDir]);
    expect(noFiles.code).toBe(2);
    expect(noFiles.err).toContain('Give at least one prompt file.');

    const flag = await batch([files[0] ?? '', '--provider', 'local', '--speed', 'fast']);
    expect(flag.code).toBe(2);
    expect(flag.err).toContain("Unknown option '--speed'");

    // None of those touched the library.
    expect(existsSync(dataDir)).toBe(false);

    const noKey = await batch([files[0] ?? '', '--provider', 'veo', '--data-dir', dataDir]);
    expect(noKey.code).toBe(1);
    expect(noKey.err).toContain(
      'Google Veo (Gemini API) cannot take jobs: Veo has no API key. Enter it in Settings (Ctrl+,), or set GEMINI_API_KEY in the environment',
    );
    expect(listed(dataDir)).toEqual([]);
  });
});

describe('shotline jobs', () => {
  test('lists jobs with their state, provider, project and result', async () => {
    const { dataDir, files } = await setup();
    await batch([...files, '--provider', 'local', '--project', 'Coast', '--data-dir', dataDir]);
    const { code, out } = jobs(['--data-dir', dataDir]);
    expect(code).toBe(0);
    const lines = out.trim().split('\n');
    expect(lines[0]).toMatch(/^ID\s+STATE\s+PROGRESS\s+PROVIDER\s+PROJECT\s+TITLE\s+RESULT$/);
    expect(lines.slice(1)).toEqual([
      expect.stringMatching(/^2\s+done\s+100%\s+Built-in engine\s+Coast\s+Storm\s+clip #2$/),
      expect.stringMatching(/^1\s+done\s+100%\s+Built-in engine\s+Coast\s+Harbour\s+clip #1$/),
    ]);
    const json = JSON.parse(jobs(['--json', '--data-dir', dataDir]).out) as { projectName: string }[];
    expect(json.map((job) => job.projectName)).toEqual(['Coast', 'Coast']);
  });

  test('an empty folder has no jobs and stays untouched; a bad option is refused', async () => {
    const dir = await tempDir('shotline-jobs-cmd-');
    const empty = jobs(['--data-dir', dir]);
    expect(empty.code).toBe(0);
    expect(empty.err).toContain('no Shotline library');
    expect(jobs(['--json', '--data-dir', dir])).toMatchObject({ code: 0, out: '[]\n' });
    expect(await readdir(dir)).toEqual([]);
    const refused = jobs(['--state', 'failed']);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain("Unknown option '--state'");
  });
});

describe('the shotline command', () => {
  test('batch renders with the real engine and jobs lists the result', { timeout: 120_000 }, async () => {
    const dir = await tempDir('shotline-batch-real-');
    const file = join(dir, 'kite.txt');
    await writeFile(
      file,
      'Title: Kite\nScene: a red kite over a beach\nStyle: glorbulent\nAudio: wind\nSize: 160x90\nDuration: 1s\n',
    );
    const dataDir = join(dir, 'library');
    const bin = join(repoRoot, 'bin', 'shotline.mjs');
    const env = { ...process.env, SHOTLINE_DATA_DIR: '' };
    const first = await run(process.execPath, [bin, 'batch', file, '--provider', 'local', '--data-dir', dataDir], {
      env,
    });
    expect(first.stdout).toMatch(/kite\.txt\tsucceeded\tjob 1\tclip 1\n$/);
    expect(first.stderr).toContain('✓ kite.txt: clip #1 “Kite”');
    const listedJobs = await run(process.execPath, [bin, 'jobs', '--json', '--data-dir', dataDir], { env });
    const [job] = Job.array().parse(JSON.parse(listedJobs.stdout));
    expect(job).toMatchObject({ state: 'succeeded', provider: 'local', clipId: 1, params: { width: 160, height: 90 } });
    // The engine's render report is kept with the clip: all of it, including what it did not understand.
    const db = openDatabase(join(dataDir, 'library.db'), { readonly: true });
    const stored = db.prepare<[], string | null>('SELECT report_json FROM clips WHERE id = 1').pluck().get();
    db.close();
    const written = JSON.parse(stored ?? 'null') as { understood?: unknown[] };
    expect(RenderReport.parse(written)).toMatchObject({
      engine: 'local',
      durationMs: 1000,
      shots: [{ index: 0, startMs: 0, endMs: 1000 }],
      notUnderstood: [{ shot: 0, field: 'style', text: 'glorbulent' }],
    });
    expect(written.understood).toEqual(expect.arrayContaining([expect.objectContaining({ text: 'kite' })]));
    const failure = await run(process.execPath, [bin, 'batch', join(dir, 'missing.txt'), '--provider', 'local'], {
      env,
    }).then(
      () => ({ code: 0, stderr: '' }),
      (error: unknown) => error as { code: number; stderr: string },
    );
    expect(failure.code).toBe(1);
    expect(failure.stderr).toContain('missing.txt: cannot read the prompt file');
  });
});

import { join } from 'node:path';
import { expect, onTestFinished, test } from 'vitest';
import type { Job } from '../../../shared/jobs';
import { burstRender } from '../../../../test/support/bursts';
import { expectStudioError, makeAudio, rejectionOf, tempDir, waitFor } from '../../../../test/support/fixtures';
import { createStudio, type Studio } from '../studio';
import type { LocalRender } from '../../providers/types';

const TWO_SHOTS = [
  'Title: Hallway',
  'Scene: An empty hallway.',
  'Audio: room tone, door slam at 00:02',
  'Duration: 3s',
  '',
  'Shot 2: Stairs',
  'Scene: A stairwell.',
  'Audio: knock at 00:01, glass break at 00:02.500',
  'Duration: 3s',
].join('\n');

async function open(render: LocalRender): Promise<Studio> {
  const dir = await tempDir('shotline-drift-');
  const studio = await createStudio({ dataDir: join(dir, 'data'), env: {}, render });
  onTestFinished(() => studio.close());
  return studio;
}

/** Queues the prompt on the built-in engine's stand-in and waits for its clip. */
async function clipFrom(studio: Studio, projectId: number, promptText: string): Promise<number> {
  const queued = await studio.call('jobs.enqueue', { projectId, provider: 'local', promptText });
  let job: Job = queued;
  await waitFor(async () => {
    job = await studio.call('jobs.get', { id: queued.id });
    return job.state === 'succeeded' || job.state === 'failed';
  }, 20);
  if (job.clipId === null) throw new Error(`the render failed: ${job.errorMessage ?? ''}`);
  return job.clipId;
}

test('cues.drift hears each asked sound in the clip and reports how far it landed from its time', async () => {
  // The door slam sounds 150 ms late, the knock 80 ms early, the glass break not at all.
  const studio = await open(burstRender([2150, 3920]));
  const project = await studio.call('projects.create', { name: 'Foley' });
  const clipId = await clipFrom(studio, project.id, TWO_SHOTS);

  const report = await studio.call('cues.drift', { clipId });
  expect(report.state).toBe('measured');
  expect(report.windowMs).toBe(1000);
  expect(report.directions.map((d) => [d.shot, d.label, d.askedMs])).toEqual([
    [0, 'door slam', 2000],
    [1, 'knock', 4000],
    [1, 'glass break', 5500],
  ]);
  const [slam, knock, glass] = report.directions;
  expect(slam?.driftMs).toBeGreaterThanOrEqual(130);
  expect(slam?.driftMs).toBeLessThanOrEqual(170);
  expect(slam?.heardMs).toBe((slam?.askedMs ?? 0) + (slam?.driftMs ?? 0));
  expect(knock?.driftMs).toBeGreaterThanOrEqual(-100);
  expect(knock?.driftMs).toBeLessThanOrEqual(-60);
  expect(glass).toMatchObject({ heardMs: null, driftMs: null });

  const untimed = await clipFrom(studio, project.id, 'Title: Field\nScene: A field.\nAudio: wind\nDuration: 2s');
  expect(await studio.call('cues.drift', { clipId: untimed })).toEqual({
    state: 'no_directions',
    windowMs: 1000,
    directions: [],
  });
});

test('cues.drift reports a timed line of dialogue by where its speech starts', async () => {
  // The door slams on time; the line starts 120 ms after its asked 00:03.
  const studio = await open(burstRender([2000, 3120]));
  const project = await studio.call('projects.create', { name: 'Lines' });
  const prompt = [
    'Title: Hallway',
    'Scene: An empty hallway.',
    'Audio: door slam at 00:02',
    'Dialogue: [00:03] Ana: "Who is there?"',
    'Dialogue: Ben: "Only me."',
    'Duration: 5s',
  ].join('\n');
  const clipId = await clipFrom(studio, project.id, prompt);
  const report = await studio.call('cues.drift', { clipId });
  expect(report.directions.map((d) => [d.label, d.askedMs, d.kind ?? 'sound'])).toEqual([
    ['door slam', 2000, 'sound'],
    ['Ana: "Who is there?"', 3000, 'dialogue'],
  ]);
  const line = report.directions[1];
  expect(line?.driftMs).toBeGreaterThanOrEqual(100);
  expect(line?.driftMs).toBeLessThanOrEqual(140);
});

test("cues.drift tells a prompt whose timed sounds all fall at or after the clip's end from one that times none", async () => {
  const studio = await open(burstRender([1000]));
  const project = await studio.call('projects.create', { name: 'Bells' });
  // Only an Audio line, every sound past the 2 s clip it makes (the bell right at its end).
  const late = await clipFrom(studio, project.id, 'Audio: a bell rings at 00:02, thunder at 00:05\nDuration: 2s');
  expect(await studio.call('cues.drift', { clipId: late })).toEqual({
    state: 'past_end',
    windowMs: 1000,
    directions: [],
    pastEnd: [
      { shot: 0, label: 'a bell rings', askedMs: 2000 },
      { shot: 0, label: 'thunder', askedMs: 5000 },
    ],
  });

  // Some inside, some after: those inside are measured, the others listed, never dropped unsaid.
  const some = await clipFrom(studio, project.id, 'Audio: a bell rings at 00:01, thunder at 00:05\nDuration: 3s');
  const report = await studio.call('cues.drift', { clipId: some });
  expect(report.state).toBe('measured');
  expect(report.directions.map((d) => [d.label, d.askedMs])).toEqual([['a bell rings', 1000]]);
  expect(Math.abs(report.directions[0]?.driftMs ?? 99)).toBeLessThanOrEqual(30);
  expect(report.pastEnd).toEqual([{ shot: 0, label: 'thunder', askedMs: 5000 }]);

  // An audio-only prompt whose sounds fit is measured whole, with nothing after the end.
  const fits = await clipFrom(studio, project.id, 'Audio: a bell rings at 00:01, thunder at 00:02');
  const whole = await studio.call('cues.drift', { clipId: fits });
  expect(whole.state).toBe('measured');
  expect(whole.directions.map((d) => d.askedMs)).toEqual([1000, 2000]);
  expect(whole.pastEnd).toBeUndefined();
});

test('cues.drift says so for a clip without a prompt or without sound, and refuses an unknown clip', async () => {
  const studio = await open(burstRender([], { silent: true }));
  const project = await studio.call('projects.create', { name: 'Odds' });
  const silent = await clipFrom(studio, project.id, TWO_SHOTS);
  const mute = await studio.call('cues.drift', { clipId: silent });
  expect(mute.state).toBe('no_sound');
  expect(mute.directions.map((d) => [d.label, d.askedMs, d.heardMs])).toEqual([
    ['door slam', 2000, null],
    ['knock', 4000, null],
    ['glass break', 5500, null],
  ]);

  const dir = await tempDir();
  const imported = await studio.call('clips.import', {
    projectId: project.id,
    sources: [{ kind: 'path', path: await makeAudio(dir, 'tone.wav', 2) }],
    taskId: 't',
  });
  const tone = imported.clips[0]?.id ?? 0;
  expect(await studio.call('cues.drift', { clipId: tone })).toEqual({
    state: 'no_prompt',
    windowMs: 1000,
    directions: [],
  });

  expectStudioError(await rejectionOf(studio.call('cues.drift', { clipId: 987_654 })), 'not_found', 'Clip 987654');
  const extra = await studio.invoke('cues.drift', { clipId: tone, windowMs: 5 });
  expect(extra).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  expect(JSON.stringify(extra)).toContain('windowMs');
  const bad = await studio.invoke('cues.drift', { clipId: 'seven' });
  expect(JSON.stringify(bad)).toContain('clipId');
});

import { randomBytes } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, onTestFinished, test } from 'vitest';
import type { EventPayload } from '../../../shared/contract';
import { makeAudio, rejectionOf, tempDir, waitFor } from '../../../../test/support/fixtures';
import { createStudio, type Studio } from '../studio';

type Progress = EventPayload<'cues.peaksProgress'>;

async function open(): Promise<{ studio: Studio; dir: string; dataDir: string; progress: Progress[] }> {
  const dir = await tempDir();
  const dataDir = join(dir, 'data');
  const studio = await createStudio({ dataDir });
  onTestFinished(() => studio.close());
  const progress: Progress[] = [];
  studio.onEvent((name, payload) => {
    if (name === 'cues.peaksProgress') progress.push(payload as Progress);
  });
  return { studio, dir, dataDir, progress };
}

/** The states in order, each run of one state as one. */
const states = (progress: Progress[]): string[] =>
  progress.map((p) => p.state).filter((state, i, all) => state !== all[i - 1]);

const storedPath = (dataDir: string, id: string): string => join(dataDir, 'media', id.slice(0, 2), id);

test('an imported clip gets its peaks in the background, announcing its progress, without being opened', async () => {
  const { studio, dir, progress } = await open();
  const project = await studio.call('projects.create', { name: 'Long takes' });
  const audio = await makeAudio(dir, 'minute.wav', 60);
  const imported = await studio.call('clips.import', {
    projectId: project.id,
    sources: [{ kind: 'path', path: audio }],
    taskId: 't',
  });
  const clipId = imported.clips[0]?.id ?? 0;
  await waitFor(() => progress.some((p) => p.clipId === clipId && p.state !== 'computing'));

  const mine = progress.filter((p) => p.clipId === clipId);
  expect(mine[0]).toEqual({ clipId, state: 'computing', fraction: 0 });
  expect(mine[mine.length - 1]).toEqual({ clipId, state: 'done', fraction: 1 });
  const fractions = mine.filter((p) => p.state === 'computing').map((p) => p.fraction);
  // Reported as ffmpeg's output arrives, at most once a hundredth of the way, in order.
  expect(fractions.length).toBeGreaterThan(5);
  expect(fractions).toEqual([...new Set(fractions)].sort((a, b) => a - b));
  expect(fractions.filter((f) => f > 0 && f < 1).length).toBeGreaterThan(5);

  const clip = await studio.call('clips.get', { id: clipId });
  expect(clip.peaksId).toMatch(/^[0-9a-f]{64}$/);
  const peaks = await studio.call('cues.peaks', { clipId });
  expect(peaks?.durationMs).toBeGreaterThan(59_900);
  // Read back as stored: no second computation.
  expect(progress.filter((p) => p.clipId === clipId)).toHaveLength(mine.length);

  // A view asks for the one level it draws, and learns which others there are.
  const rates = peaks?.levels.map((level) => level.pairsPerSecond) ?? [];
  expect(rates).toEqual([100, 12.5, 1.5625]);
  expect(await studio.call('cues.peakLevel', { clipId, pixelsPerSecond: 10 })).toEqual({
    peaksId: clip.peaksId,
    durationMs: peaks?.durationMs,
    rates,
    level: peaks?.levels[1],
  });
  expect((await studio.call('cues.peakLevel', { clipId, pixelsPerSecond: 4000 }))?.level).toEqual(peaks?.levels[0]);
  expect(progress.filter((p) => p.clipId === clipId)).toHaveLength(mine.length);
});

test('a clip whose peaks cannot be computed says why, and is computed again when asked', async () => {
  const { studio, dir, dataDir, progress } = await open();
  const project = await studio.call('projects.create', { name: 'Damaged' });
  const audio = await makeAudio(dir, 'tone.wav', 3);
  const imported = await studio.call('clips.import', {
    projectId: project.id,
    sources: [{ kind: 'path', path: audio }],
    taskId: 't',
  });
  const clipId = imported.clips[0]?.id ?? 0;
  await waitFor(() => progress.some((p) => p.clipId === clipId && p.state === 'done'));
  const clip = await studio.call('clips.get', { id: clipId });

  // As in a library whose peaks were never made, and whose stored media was then damaged.
  await rm(storedPath(dataDir, clip.peaksId ?? ''));
  const media = storedPath(dataDir, clip.mediaId);
  const original = await readFile(media);
  await writeFile(media, randomBytes(original.length));
  progress.length = 0;

  const failed = await studio.invoke('cues.peaks', { clipId });
  expect(failed).toMatchObject({ ok: false, error: { code: 'unsupported_media' } });
  const message = failed.ok ? '' : failed.error.message;
  expect(message).toMatch(/^The clip's sound could not be read for its waveform: .+/);
  expect(states(progress)).toEqual(['computing', 'failed']);
  expect(progress[progress.length - 1]).toEqual({ clipId, state: 'failed', fraction: 0, message });

  // A failure is not remembered: the next ask computes again, and succeeds once the file is whole.
  expect(await rejectionOf(studio.call('cues.peaks', { clipId }))).toMatchObject({ code: 'unsupported_media' });
  await writeFile(media, original);
  progress.length = 0;
  const peaks = await studio.call('cues.peaks', { clipId });
  expect(peaks?.levels[0]?.pairsPerSecond).toBe(100);
  expect(states(progress)).toEqual(['computing', 'done']);
  expect((await studio.call('clips.get', { id: clipId })).peaksId).toMatch(/^[0-9a-f]{64}$/);
});

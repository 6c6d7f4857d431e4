import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, onTestFinished, test } from 'vitest';
import type { EventName } from '../../../shared/contract';
import { decodePeakValues } from '../../../shared/cues/peaks';
import { makeAudio, makeVideo, tempDir } from '../../../../test/support/fixtures';
import { createStudio } from '../studio';

test('cue calls validate their input, answer with cues and announce changes', async () => {
  const dir = await tempDir();
  const studio = await createStudio({ dataDir: join(dir, 'data') });
  onTestFinished(() => studio.close());
  const events: { name: EventName; payload: unknown }[] = [];
  studio.onEvent((name, payload) => events.push({ name, payload }));
  const project = await studio.call('projects.create', { name: 'Sound' });
  const audio = await makeAudio(dir, 'tone.wav', 3);
  const imported = await studio.call('clips.import', {
    projectId: project.id,
    sources: [{ kind: 'path', path: audio }],
    taskId: 't',
  });
  const clipId = imported.clips[0]?.id ?? 0;

  const [made] = await studio.call('cues.create', {
    clipId,
    cues: [{ startMs: 1500, endMs: null, label: 'knock', note: '', kind: 'sfx', color: null }],
  });
  expect(made).toMatchObject({ clipId, startMs: 1500, endMs: null, label: 'knock', kind: 'sfx' });
  expect(events).toContainEqual({ name: 'cues.changed', payload: { clipId } });

  const badKind = await studio.invoke('cues.create', {
    clipId,
    cues: [{ startMs: 0, endMs: null, label: 'x', note: '', kind: 'explosion', color: null }],
  });
  expect(badKind).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  expect(JSON.stringify(badKind)).toContain('cues.0.kind');
  const negative = await studio.invoke('cues.update', { id: made?.id, patch: { startMs: -1 } });
  expect(JSON.stringify(negative)).toContain('cue start must not be negative');
  const extra = await studio.invoke('cues.update', { id: made?.id, patch: { label: 'x', volume: 3 } });
  expect(JSON.stringify(extra)).toContain('volume');

  const file = await studio.call('cues.export', { clipId, format: 'audacity' });
  expect(file).toEqual({ fileName: 'tone cues.txt', mimeType: 'text/plain', text: '1.500000\t1.500000\tknock [sfx]\n' });
  expect((await studio.call('clips.search', { query: 'knock' })).map((c) => c.id)).toEqual([clipId]);
  expect(await studio.call('cues.delete', { ids: [made?.id ?? 0] })).toEqual({ deleted: 1 });
  expect(await studio.call('cues.list', { clipId })).toEqual([]);
});

test('cues.peaks computes a clip its waveform once, stores it, and answers null for a clip without sound', async () => {
  const dir = await tempDir();
  const dataDir = join(dir, 'data');
  const studio = await createStudio({ dataDir });
  onTestFinished(() => studio.close());
  const project = await studio.call('projects.create', { name: 'Peaks' });
  const audio = await makeAudio(dir, 'tone.wav', 3);
  const silent = await makeVideo(dir, 'silent.mp4', { seconds: 1, audio: false });
  const imported = await studio.call('clips.import', {
    projectId: project.id,
    sources: [
      { kind: 'path', path: audio },
      { kind: 'path', path: silent },
    ],
    taskId: 't',
  });
  const [tone, picture] = imported.clips;
  if (!tone || !picture) throw new Error(`import failed: ${JSON.stringify(imported.failures)}`);
  expect(tone.peaksId).toBeNull();

  const peaks = await studio.call('cues.peaks', { clipId: tone.id });
  expect(peaks).toMatchObject({ format: 'shotline-peaks', version: 2 });
  expect(peaks?.durationMs).toBeGreaterThan(2900);
  const base = peaks?.levels[0];
  expect(base?.pairsPerSecond).toBe(100);
  const values = Array.from(decodePeakValues(base?.data ?? ''));
  expect(values.length).toBeGreaterThanOrEqual(598);
  // ffmpeg's sine source plays at one eighth of full scale: 127 / 8 ≈ 16.
  expect(Math.max(...values)).toBeGreaterThan(12);
  expect(Math.max(...values)).toBeLessThan(20);

  const stored = await studio.call('clips.get', { id: tone.id });
  expect(stored.peaksId).toMatch(/^[0-9a-f]{64}$/);
  // The next open reads the stored file: it answers the same with the clip's media gone.
  await rm(join(dataDir, 'media', tone.mediaId.slice(0, 2), tone.mediaId));
  expect(await studio.call('cues.peaks', { clipId: tone.id })).toEqual(peaks);

  expect(await studio.call('cues.peaks', { clipId: picture.id })).toBeNull();
  const missing = await studio.invoke('cues.peaks', { clipId: 99999 });
  expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
});

import { join } from 'node:path';
import { expect, onTestFinished, test } from 'vitest';
import type { EventName } from '../../../shared/contract';
import { makeAudio, tempDir } from '../../../../test/support/fixtures';
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
  expect(file).toEqual({ fileName: 'tone cues.txt', mimeType: 'text/plain', text: '1.500000\t1.500000\tknock\n' });
  expect((await studio.call('clips.search', { query: 'knock' })).map((c) => c.id)).toEqual([clipId]);
  expect(await studio.call('cues.delete', { ids: [made?.id ?? 0] })).toEqual({ deleted: 1 });
  expect(await studio.call('cues.list', { clipId })).toEqual([]);
});

import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, onTestFinished, test } from 'vitest';
import { seedFamily } from '../../../../test/library/family';
import { tempDir } from '../../../../test/support/fixtures';
import { openDatabase } from '../../db/connection';
import { Projects } from '../../library/projects';
import { createStudio } from '../studio';

async function studioWithFamily(): Promise<{
  invoke: (name: 'lineage.get' | 'lineage.changes', input: unknown) => Promise<unknown>;
  ids: number[];
}> {
  const dataDir = join(await tempDir(), 'data');
  await mkdir(dataDir, { recursive: true });
  const db = openDatabase(join(dataDir, 'library.db'));
  const ids = seedFamily(db, { projectId: new Projects(db).create('Family').id, size: 3, shape: 'chain' });
  db.close();
  const studio = await createStudio({ dataDir, render: null });
  onTestFinished(() => studio.close());
  return { invoke: (name, input) => studio.invoke(name, input), ids };
}

describe('lineage calls through the studio', () => {
  test('answer a line and a family, and what a clip changed', async () => {
    const { invoke, ids } = await studioWithFamily();
    const [a, b, c] = ids;
    const line = (await invoke('lineage.get', { clipId: b })) as { ok: true; value: { nodes: { id: number }[] } };
    expect(line.ok).toBe(true);
    expect(line.value.nodes.map((n) => n.id)).toEqual([a, b, c]);
    expect(await invoke('lineage.changes', { clipId: a })).toEqual({ ok: true, value: null });
  });

  test('refuse what is not a lineage question, saying what was wrong', async () => {
    const { invoke } = await studioWithFamily();
    expect(await invoke('lineage.get', { clipId: 1, scope: 'cousins' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringMatching(/^lineage\.get: scope: .*"line"/) as unknown },
    });
    expect(await invoke('lineage.get', { clipId: 0 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await invoke('lineage.get', { clipId: 999 })).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: expect.stringContaining('Clip 999 does not exist') as unknown },
    });
  });
});

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, onTestFinished, test } from 'vitest';
import type { EventPayload } from '../../../shared/contract';
import type { Clip } from '../../../shared/domain';
import { ffprobeJson, libraryDb, makeVideo, tempDir, waitFor } from '../../../../test/support/fixtures';
import { createStudio, type Studio } from '../studio';

type Progress = EventPayload<'library.cardPostersProgress'>;

const storedPath = (dataDir: string, id: string): string => join(dataDir, 'media', id.slice(0, 2), id);

async function openStudio(dataDir: string): Promise<{ studio: Studio; progress: Progress[] }> {
  const studio = await createStudio({ dataDir });
  onTestFinished(() => studio.close());
  const progress: Progress[] = [];
  studio.onEvent((name, payload) => {
    if (name === 'library.cardPostersProgress') progress.push(payload as Progress);
  });
  return { studio, progress };
}

test('clips without card posters get them in the background when the studio opens, one per poster', async () => {
  const dir = await tempDir();
  const dataDir = join(dir, 'data');
  // A library whose clips have posters but no card posters, as one from before them is.
  const first = await openStudio(dataDir);
  const project = await first.studio.call('projects.create', { name: 'Older' });
  const videos = [
    await makeVideo(dir, 'wide.mp4', { width: 1280, height: 720, seconds: 1, audio: false }),
    await makeVideo(dir, 'tall.mp4', { width: 240, height: 428, seconds: 1, audio: false }),
  ];
  const imported = await first.studio.call('clips.import', {
    projectId: project.id,
    sources: videos.map((path) => ({ kind: 'path' as const, path })),
    taskId: 't',
  });
  const [wide, tall] = imported.clips;
  if (!wide || !tall) throw new Error('both videos should import');
  await first.studio.close();
  const db = libraryDb(dataDir);
  const made = db.prepare('SELECT DISTINCT card_poster_hash FROM clips').pluck().all() as string[];
  expect(made).toHaveLength(2);
  db.exec('UPDATE clips SET card_poster_hash = NULL');
  for (const id of made) {
    db.prepare('DELETE FROM media WHERE id = ?').run(id);
    rmSync(storedPath(dataDir, id));
  }
  // A remix-like second clip showing the wide clip's poster, and a clip whose poster is no picture.
  const copy = (id: number): number =>
    Number(
      db
        .prepare(
          `INSERT INTO clips (project_id, title, provider, duration_ms, media_hash, poster_hash, created_at)
           SELECT project_id, title || ' again', provider, duration_ms, media_hash, poster_hash, created_at + 1 FROM clips WHERE id = ?`,
        )
        .run(id).lastInsertRowid,
    );
  const again = copy(wide.id);
  const broken = copy(tall.id);
  const junk = Buffer.from('this poster was cut short');
  const junkId = createHash('sha256').update(junk).digest('hex');
  mkdirSync(join(dataDir, 'media', junkId.slice(0, 2)), { recursive: true });
  writeFileSync(storedPath(dataDir, junkId), junk);
  db.prepare(`INSERT INTO media (id, mime_type, bytes, created_at) VALUES (?, 'image/jpeg', ?, 0)`).run(
    junkId,
    junk.length,
  );
  db.prepare('UPDATE clips SET poster_hash = ? WHERE id = ?').run(junkId, broken);

  const { studio, progress } = await openStudio(dataDir);
  await waitFor(() => progress.some((p) => p.done === p.total));
  // Three posters lacked one; the last event says all three were seen to.
  expect(progress.at(-1)).toEqual({ done: 3, total: 3 });
  const get = (id: number): Promise<Clip> => studio.call('clips.get', { id });
  const [wideNow, againNow, tallNow, brokenNow] = await Promise.all([wide.id, again, tall.id, broken].map(get));
  // Clips showing one poster share its card poster.
  expect(wideNow?.cardPosterId).toMatch(/^[0-9a-f]{64}$/);
  expect(againNow?.cardPosterId).toBe(wideNow?.cardPosterId);
  expect(tallNow?.cardPosterId).toMatch(/^[0-9a-f]{64}$/);
  // A poster that is no picture leaves its clip showing the poster as it is.
  expect(brokenNow?.cardPosterId).toBeNull();
  const size = async (id: string | null | undefined): Promise<unknown> =>
    ((await ffprobeJson(storedPath(dataDir, id ?? ''))) as { streams: { width: number; height: number }[] })
      .streams[0];
  expect(await size(wideNow?.cardPosterId)).toMatchObject({ width: 320, height: 180 });
  // A poster narrower than a card keeps its width.
  expect(await size(tallNow?.cardPosterId)).toMatchObject({ width: 240, height: 428 });
  expect(existsSync(storedPath(dataDir, wideNow?.cardPosterId ?? ''))).toBe(true);
  expect(db.prepare('SELECT mime_type FROM media WHERE id = ?').pluck().get(wideNow?.cardPosterId)).toBe('image/jpeg');

  // Opened again, nothing is left to make but the broken one, which is tried again and announced.
  await studio.close();
  const third = await openStudio(dataDir);
  await waitFor(() => third.progress.some((p) => p.done === p.total));
  expect(third.progress.at(-1)).toEqual({ done: 1, total: 1 });
  expect((await third.studio.call('clips.get', { id: broken })).cardPosterId).toBeNull();
});

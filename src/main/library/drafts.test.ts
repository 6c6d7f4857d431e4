import { join } from 'node:path';
import { describe, expect, onTestFinished, test } from 'vitest';
import { createStudio, type Studio } from '../core/studio';
import { expectStudioError, libraryDb, rejectionOf, tempDir } from '../../../test/support/fixtures';

async function open(dataDir?: string): Promise<Studio> {
  const studio = await createStudio({ dataDir: dataDir ?? join(await tempDir(), 'data') });
  onTestFinished(() => studio.close());
  return studio;
}

const TEXT = 'Scene: A fox crosses a snowy meadow.\nCamera: Telephoto wide shot.';

describe('drafts', () => {
  test('a project has no draft until one is saved', async () => {
    const studio = await open();
    const p = await studio.call('projects.create', { name: 'P' });
    expect(await studio.call('drafts.get', { projectId: p.id })).toBeNull();
  });

  test('save then get gives the text back, and the newest save wins', async () => {
    const studio = await open();
    const p = await studio.call('projects.create', { name: 'P' });
    const first = await studio.call('drafts.save', { projectId: p.id, text: 'Scene: first' });
    expect(first.updatedAt).toBeGreaterThan(0);
    await studio.call('drafts.save', { projectId: p.id, text: TEXT });
    const draft = await studio.call('drafts.get', { projectId: p.id });
    expect(draft?.text).toBe(TEXT);
    expect(draft?.updatedAt).toBeGreaterThanOrEqual(first.updatedAt);
  });

  test('each project keeps its own draft, and an empty text is a draft too', async () => {
    const studio = await open();
    const a = await studio.call('projects.create', { name: 'A' });
    const b = await studio.call('projects.create', { name: 'B' });
    await studio.call('drafts.save', { projectId: a.id, text: 'Scene: a' });
    await studio.call('drafts.save', { projectId: b.id, text: '' });
    expect((await studio.call('drafts.get', { projectId: a.id }))?.text).toBe('Scene: a');
    expect((await studio.call('drafts.get', { projectId: b.id }))?.text).toBe('');
  });

  test('drafts survive a restart', async () => {
    const dataDir = join(await tempDir(), 'data');
    const first = await createStudio({ dataDir });
    const p = await first.call('projects.create', { name: 'P' });
    await first.call('drafts.save', { projectId: p.id, text: TEXT });
    await first.close();
    const second = await open(dataDir);
    expect((await second.call('drafts.get', { projectId: p.id }))?.text).toBe(TEXT);
  });

  test('an unknown project is not found; a deleted project keeps its draft until the Trash is emptied', async () => {
    const studio = await open();
    expectStudioError(
      await rejectionOf(studio.call('drafts.save', { projectId: 42, text: 'x' })),
      'not_found',
      'Project 42 does not exist',
    );
    const p = await studio.call('projects.create', { name: 'P' });
    await studio.call('drafts.save', { projectId: p.id, text: TEXT });
    await studio.call('projects.delete', { id: p.id });
    const drafts = (): number =>
      libraryDb(studio.dataDir)
        .prepare("SELECT count(*) FROM settings WHERE key LIKE 'draft:%'")
        .pluck()
        .get() as number;
    expect(drafts()).toBe(1);
    await studio.call('library.emptyTrash', {});
    const rows = libraryDb(studio.dataDir)
      .prepare("SELECT count(*) AS n FROM settings WHERE key LIKE 'draft:%'")
      .get() as {
      n: number;
    };
    expect(rows.n).toBe(0);
  });

  test('a draft longer than the limit is refused with the limit named', async () => {
    const studio = await open();
    const p = await studio.call('projects.create', { name: 'P' });
    expectStudioError(
      await rejectionOf(studio.call('drafts.save', { projectId: p.id, text: 'x'.repeat(100_001) })),
      'invalid_input',
      'drafts.save: text: a draft must be at most 100000 characters',
    );
  });

  test('the clip a draft remixes is kept beside it, survives a restart, is refused when malformed, and goes with the project', async () => {
    const dataDir = join(await tempDir(), 'data');
    const first = await createStudio({ dataDir });
    const p = await first.call('projects.create', { name: 'P' });
    expect(await first.call('drafts.remixLink', { projectId: p.id })).toBeNull();
    const link = {
      clipId: 7,
      title: 'Lantern at dusk',
      provider: 'local',
      model: null,
      width: 1280,
      height: 720,
      seed: 42,
      keepSeed: true,
      continueMode: null,
    };
    await first.call('drafts.setRemixLink', { projectId: p.id, link });
    await first.close();
    // Another window, or the studio started again: the link is there with the draft.
    const studio = await open(dataDir);
    expect(await studio.call('drafts.remixLink', { projectId: p.id })).toEqual(link);
    expectStudioError(
      await rejectionOf(
        studio.call('drafts.setRemixLink', { projectId: p.id, link: { ...link, clipId: -1 } }),
      ),
      'invalid_input',
    );
    expect(await studio.call('drafts.remixLink', { projectId: p.id })).toEqual(link);
    // A row that no longer reads as a link (written by hand, or by another version) is no link.
    libraryDb(dataDir)
      .prepare("UPDATE settings SET value_json = '{\"clipId\":\"x\"}' WHERE key = ?")
      .run(`remix:project:${p.id}`);
    expect(await studio.call('drafts.remixLink', { projectId: p.id })).toBeNull();
    await studio.call('drafts.setRemixLink', { projectId: p.id, link });
    await studio.call('drafts.setRemixLink', { projectId: p.id, link: null });
    expect(await studio.call('drafts.remixLink', { projectId: p.id })).toBeNull();
    await studio.call('drafts.setRemixLink', { projectId: p.id, link });
    await studio.call('projects.delete', { id: p.id });
    await studio.call('library.emptyTrash', {});
    const rows = libraryDb(dataDir).prepare("SELECT count(*) FROM settings WHERE key LIKE 'remix:%'").pluck().get();
    expect(rows).toBe(0);
  });
});

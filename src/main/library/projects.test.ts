import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { describe, expect, onTestFinished, test } from 'vitest';
import { Project } from '../../shared/domain';
import { openDatabase } from '../db/connection';
import { expectStudioError, tempDir, thrownBy } from '../../../test/support/fixtures';
import { Clips } from './clips';
import { Projects } from './projects';
import { Trash } from './trash';

async function library(): Promise<{ db: Database; projects: Projects; clips: Clips }> {
  const dir = await tempDir();
  const db = openDatabase(join(dir, 'library.db'));
  onTestFinished(() => {
    db.close();
  });
  return { db, projects: new Projects(db), clips: new Clips(db) };
}

/** Stores a one-byte video under `mediaId` and returns a maker of clips of it in `projectId`. */
function clipsOfOneVideo(
  clips: Clips,
  projectId: number,
  mediaId: string,
): (title: string, inProject?: number) => number {
  clips.upsertMedia({
    id: mediaId,
    mimeType: 'video/mp4',
    bytes: 1,
    durationMs: 1,
    width: 1,
    height: 1,
    fps: 1,
    videoCodec: 'h264',
    audioCodec: null,
  });
  return (title, inProject = projectId) =>
    clips.insert({
      projectId: inProject,
      title,
      provider: 'import',
      durationMs: 1,
      width: 1,
      height: 1,
      fps: 1,
      mediaId,
      posterId: null,
    }).id;
}

describe('Projects', () => {
  test('create returns the stored project', async () => {
    const { projects } = await library();
    const project = projects.create('Launch film', 1000);
    expect(project).toEqual({
      id: project.id,
      name: 'Launch film',
      archived: false,
      clipCount: 0,
      createdAt: 1000,
      updatedAt: 1000,
    });
    expect(Project.parse(project)).toEqual(project);
    expect(projects.get(project.id)).toEqual(project);
  });

  test('rename and archive update the project and its updatedAt', async () => {
    const { projects } = await library();
    const project = projects.create('Draft', 1000);
    const renamed = projects.rename(project.id, 'Final');
    expect(renamed).toMatchObject({ name: 'Final', createdAt: 1000 });
    expect(renamed.updatedAt).toBeGreaterThan(1000);
    expect(projects.setArchived(project.id, true).archived).toBe(true);
    expect(projects.setArchived(project.id, false).archived).toBe(false);
  });

  test('list hides archived projects unless asked, and puts them last', async () => {
    const { projects } = await library();
    const older = projects.create('Older', 1000);
    const newer = projects.create('Newer', 2000);
    const shelved = projects.create('Shelved', 3000);
    projects.setArchived(shelved.id, true);
    expect(projects.list(false).map((p) => p.id)).toEqual([newer.id, older.id]);
    expect(projects.list(true).map((p) => p.id)).toEqual([newer.id, older.id, shelved.id]);
  });

  test('list keeps its order when clips are imported into or moved to an older project', async () => {
    const { db, projects, clips } = await library();
    const first = projects.create('First', 1000);
    const second = projects.create('Second', 2000);
    const third = projects.create('Third', 3000);
    const order = (): number[] => projects.list(false).map((p) => p.id);
    expect(order()).toEqual([third.id, second.id, first.id]);
    // What an import into a project and a move of clips to one do to it.
    const clip = clipsOfOneVideo(clips, first.id, 'e'.repeat(64))('Harbour at dawn');
    projects.touch(first.id);
    expect(order()).toEqual([third.id, second.id, first.id]);
    db.prepare('UPDATE clips SET project_id = ? WHERE id = ?').run(second.id, clip);
    projects.touch(second.id);
    projects.rename(first.id, 'First, renamed');
    expect(order()).toEqual([third.id, second.id, first.id]);
  });

  test('clipCount counts the project’s clips', async () => {
    const { projects, clips } = await library();
    const project = projects.create('P');
    const mediaId = 'd'.repeat(64);
    clips.upsertMedia({
      id: mediaId,
      mimeType: 'audio/wav',
      bytes: 1,
      durationMs: 1,
      width: null,
      height: null,
      fps: null,
      videoCodec: null,
      audioCodec: 'pcm_s16le',
    });
    for (const title of ['a', 'b']) {
      clips.insert({
        projectId: project.id,
        title,
        provider: 'import',
        durationMs: 1,
        width: null,
        height: null,
        fps: null,
        mediaId,
        posterId: null,
      });
    }
    expect(projects.get(project.id).clipCount).toBe(2);
  });

  test('delete moves the clips to the Trash; emptying it removes the project with its jobs and templates, keeping shared media', async () => {
    const { db, projects, clips } = await library();
    const project = projects.create('Doomed');
    const survivor = projects.create('Survivor');
    const insert = clipsOfOneVideo(clips, project.id, 'e'.repeat(64));
    const clip = insert('gone');
    const kept = insert('kept', survivor.id);
    db.prepare("INSERT INTO cues (clip_id, start_ms, label, created_at, updated_at) VALUES (?, 0, 'c', 0, 0)").run(
      clip,
    );
    db.prepare("INSERT INTO tags (name) VALUES ('t')").run();
    db.prepare('INSERT INTO clip_tags (clip_id, tag_id) SELECT ?, id FROM tags').run(clip);
    const job = Number(
      db
        .prepare(
          "INSERT INTO jobs (project_id, provider, prompt_text, idempotency_key, created_at, updated_at) VALUES (?, 'local', 'p', 'k1', 0, 0)",
        )
        .run(project.id).lastInsertRowid,
    );
    db.prepare("INSERT INTO templates (project_id, name, body, created_at, updated_at) VALUES (?, 'n', 'b', 0, 0)").run(
      project.id,
    );

    const trash = new Trash(db);
    expect(projects.delete(project.id, 5000)).toEqual({ trashedClips: 1, unfinishedJobs: [job] });

    expectStudioError(
      thrownBy(() => projects.get(project.id)),
      'not_found',
      'was deleted; restore one of its clips from the Trash',
    );
    expect(projects.list(true).map((p) => p.id)).toEqual([survivor.id]);
    const count = (table: string): unknown => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get();
    // Nothing is deleted yet: the clip waits in the Trash with its cues and tags.
    expect(clips.get(clip).trashedAt).toBe(5000);
    expect([count('clips'), count('cues'), count('clip_tags'), count('jobs'), count('templates')]).toEqual([
      2, 1, 1, 1, 1,
    ]);
    expect(clips.search('gone')).toEqual([]);

    await trash.empty({ pathOf: () => null, remove: () => Promise.resolve() });

    expectStudioError(
      thrownBy(() => projects.get(project.id)),
      'not_found',
      `Project ${project.id} does not exist`,
    );
    expect(count('clips')).toBe(1);
    expect(clips.get(kept).title).toBe('kept');
    expect(count('cues')).toBe(0);
    expect(count('clip_tags')).toBe(0);
    expect(count('jobs')).toBe(0);
    expect(count('templates')).toBe(0);
    expect(count('tags')).toBe(1);
    // The media file the surviving clip shares stays.
    expect(count('media')).toBe(1);
    expect(clips.search('kept').map((c) => c.id)).toEqual([kept]);
  });

  test('restore undoes a delete: the clips it moved come back, those trashed before stay; the name is freed meanwhile', async () => {
    const { db, projects, clips } = await library();
    const project = projects.create('Coast');
    const insert = clipsOfOneVideo(clips, project.id, 'f'.repeat(64));
    const live = insert('live');
    const before = insert('trashed before');
    db.prepare('UPDATE clips SET trashed_at = 10 WHERE id = ?').run(before);
    projects.delete(project.id, 20);
    // A deleted project's name is free; its own comes back numbered.
    const taken = projects.create('coast');
    expect(projects.restore(project.id)).toMatchObject({ id: project.id, name: 'Coast 2', clipCount: 1 });
    expect([clips.get(live).trashedAt, clips.get(before).trashedAt]).toEqual([null, 10]);
    expect(
      projects
        .list(false)
        .map((p) => p.id)
        .sort(),
    ).toEqual([project.id, taken.id].sort());
    // Restoring a project that is not deleted changes nothing.
    expect(projects.restore(project.id).name).toBe('Coast 2');
  });

  test('a missing project is not found for every operation', async () => {
    const { projects } = await library();
    const attempts = [
      () => projects.get(77),
      () => projects.rename(77, 'x'),
      () => projects.setArchived(77, true),
      () => {
        projects.delete(77);
      },
    ];
    for (const attempt of attempts) expectStudioError(thrownBy(attempt), 'not_found', 'Project 77 does not exist');
  });

  test('two projects cannot share a name, whatever its case or spacing, archived or not', async () => {
    const { projects } = await library();
    const coast = projects.create('Coast');
    const harbour = projects.create('Harbour');
    expectStudioError(
      thrownBy(() => projects.create(' coast ')),
      'conflict',
      'A project named “Coast” already exists',
    );
    expectStudioError(
      thrownBy(() => projects.rename(harbour.id, 'COAST')),
      'conflict',
      'choose another name',
    );
    projects.setArchived(coast.id, true);
    expectStudioError(
      thrownBy(() => projects.create('Coast')),
      'conflict',
      '“Coast” already exists (archived)',
    );
    // Renaming a project to its own name, or a new case of it, is no clash.
    expect(projects.rename(coast.id, 'COAST').name).toBe('COAST');
    expect(projects.list(true).map((p) => p.name)).toEqual(['Harbour', 'COAST']);
    // Letters beyond ASCII fold too.
    projects.create('Été à Żabbar');
    expectStudioError(
      thrownBy(() => projects.create('ÉTÉ À ŻABBAR')),
      'conflict',
      'A project named “Été à Żabbar” already exists',
    );
    expect(projects.freeName('été à żabbar')).toBe('été à żabbar 2');
  });

  test('freeName numbers a taken name for projects made without asking', async () => {
    const { projects } = await library();
    expect(projects.freeName('Coast')).toBe('Coast');
    projects.create('Coast');
    projects.create('Coast 2');
    expect(projects.freeName('coast')).toBe('coast 3');
  });
});

import { join } from 'node:path';
import { describe, expect, onTestFinished, test } from 'vitest';
import { events, Reply, type EventName } from '../../shared/contract';
import { Clip, Project } from '../../shared/domain';
import { RenderReport } from '../../shared/renderReport';
import { openDatabase } from '../db/connection';
import { latestVersion } from '../db/migrations/index';
import { createStudio, type Studio } from './studio';
import {
  expectStudioError,
  libraryDb,
  makeAudio,
  makeImage,
  makeTextFile,
  makeVideo,
  rejectionOf,
  storedObjects,
  tempDir,
} from '../../../test/support/fixtures';

interface Recorded {
  name: EventName;
  payload: unknown;
}

async function studio(): Promise<{ studio: Studio; dir: string; events: Recorded[] }> {
  const dir = await tempDir();
  const created = await createStudio({ dataDir: join(dir, 'data'), version: '9.9.9' });
  onTestFinished(() => created.close());
  const recorded: Recorded[] = [];
  created.onEvent((name, payload) => recorded.push({ name, payload }));
  return { studio: created, dir, events: recorded };
}

/** Unwraps a successful reply; fails the test with the error otherwise. */
function value(reply: Reply): unknown {
  expect(Reply.parse(reply)).toEqual(reply);
  if (!reply.ok) throw new Error(`expected success, got ${reply.error.code}: ${reply.error.message}`);
  return reply.value;
}

function failure(reply: Reply): { code: string; message: string } {
  expect(Reply.parse(reply)).toEqual(reply);
  if (reply.ok) throw new Error(`expected an error, got ${JSON.stringify(reply.value)}`);
  return reply.error;
}

describe('contract validation through invoke', () => {
  test('an empty project name is invalid input that names the field', async () => {
    const { studio: s } = await studio();
    const error = failure(await s.invoke('projects.create', { name: '' }));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toBe('projects.create: name: project name must not be empty');
  });

  test('a blank name is trimmed to empty and refused', async () => {
    const { studio: s } = await studio();
    expect(failure(await s.invoke('projects.create', { name: '   ' })).message).toContain(
      'name: project name must not be empty',
    );
  });

  test('a too-long name says the limit', async () => {
    const { studio: s } = await studio();
    expect(failure(await s.invoke('projects.create', { name: 'x'.repeat(121) })).message).toContain(
      'name: project name must be at most 120 characters',
    );
  });

  test('a wrong-typed id names the id, not the valid name', async () => {
    const { studio: s } = await studio();
    const error = failure(await s.invoke('projects.rename', { id: 'x', name: 'a' }));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(/^projects\.rename: id: /);
    expect(error.message).not.toMatch(/\bname:/);
  });

  test.each([
    ['a negative id', 'projects.delete', { id: -1 }, 'id: '],
    ['a fractional id', 'clips.get', { id: 1.5 }, 'id: '],
    ['a missing input', 'projects.create', undefined, 'name: '],
    ['a null input', 'projects.create', null, 'name: '],
    [
      'no files to import',
      'clips.import',
      { projectId: 1, sources: [], taskId: 't' },
      'sources: choose at least one file to import',
    ],
    [
      'a malformed upload id',
      'clips.import',
      { projectId: 1, sources: [{ kind: 'upload', uploadId: '../etc', name: 'a.mp4' }], taskId: 't' },
      'sources.0.uploadId: must be an upload id',
    ],
    [
      'an unknown source kind',
      'clips.import',
      { projectId: 1, sources: [{ kind: 'url', url: 'x' }], taskId: 't' },
      'sources.0.kind',
    ],
    ['empty search text', 'clips.search', { query: '  ' }, 'query: search text must not be empty'],
    ['an archived flag that is not a boolean', 'projects.setArchived', { id: 1, archived: 'yes' }, 'archived: '],
    ['a clip id given as text', 'clips.report', { id: '7' }, 'id: '],
    ['a report asked for without a clip', 'clips.report', {}, 'id: '],
  ])('%s is invalid input naming the field', async (_what, name, input, expected) => {
    const { studio: s } = await studio();
    const error = failure(await s.invoke(name, input));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain(`${name}: ${expected}`);
  });

  test.each([['projects.explode'], ['__proto__'], ['toString'], [''], [42], [null]])(
    'an unknown call %j is refused',
    async (name) => {
      const { studio: s } = await studio();
      const error = failure(await s.invoke(name, {}));
      expect(error).toEqual({ code: 'invalid_input', message: `Unknown call: ${String(name)}` });
    },
  );

  test('call throws the same StudioError that invoke wraps', async () => {
    const { studio: s } = await studio();
    expectStudioError(await rejectionOf(s.call('projects.create', { name: '' })), 'invalid_input', 'name');
  });

  test('unknown input keys are refused by name, and nothing is done', async () => {
    const { studio: s } = await studio();
    const reply = await s.invoke('projects.create', { name: 'Keys', archived: true, id: 99 });
    expect(reply).toEqual({
      ok: false,
      error: {
        code: 'invalid_input',
        message:
          'projects.create: archived: unknown field, not part of this call; id: unknown field, not part of this call',
      },
    });
    expect(value(await s.invoke('projects.list', {}))).toEqual([]);
  });

  test('an answer outside the contract (a row another version wrote) is said plainly, with where the details are', async () => {
    const { studio: s, dir } = await studio();
    const project = value(await s.invoke('projects.create', { name: 'Rows' })) as Project;
    const imported = value(
      await s.invoke('clips.import', {
        projectId: project.id,
        sources: [{ kind: 'path', path: await makeVideo(dir, 'take.mp4') }],
        taskId: 'rows',
      }),
    ) as { clips: Clip[] };
    // A colour label no version of the contract has (written past the table's own check).
    const db = libraryDb(join(dir, 'data'));
    db.pragma('ignore_check_constraints = ON');
    db.prepare("UPDATE clips SET color_label = 'chartreuse' WHERE id = ?").run(imported.clips[0]?.id);
    const reply = await s.invoke('clips.list', { projectId: project.id });
    expect(reply.ok).toBe(false);
    const { code, message } = failure(reply);
    expect(code).toBe('internal');
    expect(message).toBe(
      'clips.list ran, but its answer is not what this version of the studio gives (details are in logs/shotline.log, in the library folder). Restart the studio and reload this page; if it happens again, report it with that log.',
    );
    expect(message).not.toContain('"expected"');
  });
});

describe('not found', () => {
  test.each([
    ['projects.rename', { id: 404, name: 'x' }, 'Project 404'],
    ['projects.setArchived', { id: 404, archived: true }, 'Project 404'],
    ['projects.delete', { id: 404 }, 'Project 404'],
    ['clips.list', { projectId: 404 }, 'Project 404'],
    ['clips.get', { id: 404 }, 'Clip 404'],
    ['clips.rename', { id: 404, title: 'x' }, 'Clip 404'],
    ['clips.delete', { id: 404 }, 'Clip 404'],
    ['clips.report', { id: 404 }, 'Clip 404'],
    ['clips.import', { projectId: 404, sources: [{ kind: 'path', path: '/nowhere.mp4' }], taskId: 't' }, 'Project 404'],
  ])('%s of a missing row is not_found', async (name, input, subject) => {
    const { studio: s, events: recorded } = await studio();
    const error = failure(await s.invoke(name, input));
    expect(error.code).toBe('not_found');
    expect(error.message).toContain(`${subject} does not exist`);
    expect(recorded).toEqual([]);
  });
});

describe('project flows', () => {
  test('app.info reports the version and data folder', async () => {
    const { studio: s, dir } = await studio();
    expect(value(await s.invoke('app.info', {}))).toEqual({ version: '9.9.9', dataDir: join(dir, 'data') });
  });

  test('create, rename, archive, restore and delete', async () => {
    const { studio: s, events: recorded } = await studio();
    const list = async (includeArchived = false): Promise<string[]> =>
      Project.array()
        .parse(value(await s.invoke('projects.list', { includeArchived })))
        .map((p) => p.name);

    const created = Project.parse(value(await s.invoke('projects.create', { name: '  Night shoot  ' })));
    expect(created).toMatchObject({ name: 'Night shoot', archived: false, clipCount: 0 });
    expect(await list()).toEqual(['Night shoot']);

    const renamed = Project.parse(value(await s.invoke('projects.rename', { id: created.id, name: 'Day shoot' })));
    expect(renamed).toMatchObject({ id: created.id, name: 'Day shoot' });

    expect(value(await s.invoke('projects.setArchived', { id: created.id, archived: true }))).toMatchObject({
      archived: true,
    });
    expect(await list()).toEqual([]);
    expect(await list(true)).toEqual(['Day shoot']);
    expect(value(await s.invoke('projects.setArchived', { id: created.id, archived: false }))).toMatchObject({
      archived: false,
    });
    expect(await list()).toEqual(['Day shoot']);

    expect(value(await s.invoke('projects.delete', { id: created.id }))).toEqual({ ok: true, trashedClips: 0 });
    expect(await list(true)).toEqual([]);
    expect(failure(await s.invoke('projects.rename', { id: created.id, name: 'x' })).code).toBe('not_found');

    // Deleting moves the project's clips into the Trash, so the clips and the Trash hear of it too.
    expect(recorded.map((e) => e.name)).toEqual([
      ...Array<EventName>(4).fill('projects.changed'),
      'clips.changed',
      'library.trashChanged',
      'projects.changed',
    ]);
  });

  test('deleting a project moves its clips to the Trash, where search leaves them; emptying it deletes them', async () => {
    const { studio: s, dir } = await studio();
    const doomed = Project.parse(value(await s.invoke('projects.create', { name: 'Doomed' })));
    const kept = Project.parse(value(await s.invoke('projects.create', { name: 'Kept' })));
    const file = await makeAudio(dir, 'thunder.wav', 1);
    for (const project of [doomed, kept]) {
      await s.invoke('clips.import', {
        projectId: project.id,
        sources: [{ kind: 'path', path: file }],
        taskId: `t${project.id}`,
      });
    }
    const [doomedClip] = Clip.array().parse(value(await s.invoke('clips.list', { projectId: doomed.id })));
    expect(doomedClip).toBeDefined();
    expect(Clip.array().parse(value(await s.invoke('clips.search', { query: 'thunder' })))).toHaveLength(2);

    value(await s.invoke('projects.delete', { id: doomed.id }));

    expect(Clip.parse(value(await s.invoke('clips.get', { id: doomedClip?.id ?? 0 }))).trashedAt).not.toBeNull();
    const found = Clip.array().parse(value(await s.invoke('clips.search', { query: 'thunder' })));
    expect(found.map((c) => c.projectId)).toEqual([kept.id]);
    expect(libraryDb(s.dataDir).prepare('SELECT count(*) FROM clips').pluck().get()).toBe(2);
    value(await s.invoke('library.emptyTrash', {}));
    expect(failure(await s.invoke('clips.get', { id: doomedClip?.id ?? 0 })).code).toBe('not_found');
    expect(libraryDb(s.dataDir).prepare('SELECT count(*) FROM clips').pluck().get()).toBe(1);
  });

  test('clip rename, search within a project and delete', async () => {
    const { studio: s, dir, events: recorded } = await studio();
    const project = Project.parse(value(await s.invoke('projects.create', { name: 'P' })));
    const file = await makeAudio(dir, 'rain.wav', 1);
    await s.invoke('clips.import', { projectId: project.id, sources: [{ kind: 'path', path: file }], taskId: 't' });
    const [clip] = Clip.array().parse(value(await s.invoke('clips.list', { projectId: project.id })));
    if (!clip) throw new Error('no clip imported');
    recorded.length = 0;

    const renamed = Clip.parse(value(await s.invoke('clips.rename', { id: clip.id, title: '  Storm  ' })));
    expect(renamed.title).toBe('Storm');
    expect(
      Clip.array().parse(value(await s.invoke('clips.search', { query: 'storm', projectId: project.id }))),
    ).toEqual([renamed]);
    expect(value(await s.invoke('clips.search', { query: 'rain' }))).toEqual([]);
    expect(failure(await s.invoke('clips.rename', { id: clip.id, title: '' })).message).toContain(
      'title: clip title must not be empty',
    );

    expect(value(await s.invoke('clips.delete', { id: clip.id }))).toEqual({ ok: true });
    expect(value(await s.invoke('clips.list', { projectId: project.id }))).toEqual([]);
    const [after] = Project.array().parse(value(await s.invoke('projects.list', {})));
    expect(after?.clipCount).toBe(0);
    // Deleting moves the clip to the Trash, which says so too.
    expect(recorded.map((e) => e.name)).toEqual([
      'clips.changed',
      'clips.changed',
      'projects.changed',
      'library.trashChanged',
    ]);
  });
});

describe('clips.report through the studio', () => {
  test('an imported clip has no report; a stored one is read back; a malformed one is refused clearly', async () => {
    const { studio: s, dir } = await studio();
    const project = Project.parse(value(await s.invoke('projects.create', { name: 'P' })));
    const file = await makeAudio(dir, 'rain.wav', 1);
    await s.invoke('clips.import', { projectId: project.id, sources: [{ kind: 'path', path: file }], taskId: 't' });
    const [clip] = Clip.array().parse(value(await s.invoke('clips.list', { projectId: project.id })));
    if (!clip) throw new Error('no clip imported');
    expect(value(await s.invoke('clips.report', { id: clip.id }))).toBeNull();

    const report = {
      engine: 'local',
      version: 1,
      durationMs: 1000,
      shots: [{ index: 0, startMs: 0, endMs: 1000 }],
      notUnderstood: [{ shot: 0, field: 'scene', text: 'zeppelin', reason: 'not in the vocabulary' }],
      sounds: [],
      notes: [],
    };
    const store = libraryDb(s.dataDir).prepare('UPDATE clips SET report_json = ? WHERE id = ?');
    store.run(JSON.stringify(report), clip.id);
    expect(RenderReport.parse(value(await s.invoke('clips.report', { id: clip.id })))).toEqual(report);

    store.run(JSON.stringify({ ...report, notUnderstood: [{ text: 'zeppelin' }] }), clip.id);
    const error = failure(await s.invoke('clips.report', { id: clip.id }));
    expect(error.code).toBe('internal');
    expect(error.message).toMatch(
      new RegExp(`^The render report stored with clip ${clip.id} cannot be read: notUnderstood\\.0\\.shot: `),
    );
  });
});

describe('clips.import through the studio', () => {
  test('a mixed batch returns clips and failures and reports progress to the end of every file', async () => {
    const { studio: s, dir, events: recorded } = await studio();
    const project = Project.parse(value(await s.invoke('projects.create', { name: 'Batch' })));
    recorded.length = 0;
    const files = [
      await makeVideo(dir, 'opening.mp4', { seconds: 1 }),
      await makeTextFile(dir, 'notes.mp4'),
      await makeAudio(dir, 'score.mp3', 1),
      await makeImage(dir, 'board.png'),
    ];

    const result = value(
      await s.invoke('clips.import', {
        projectId: project.id,
        sources: files.map((path) => ({ kind: 'path', path })),
        taskId: 'batch-1',
      }),
    ) as { clips: Clip[]; failures: { name: string; message: string }[] };

    expect(result.clips.map((c) => [c.title, c.mimeType])).toEqual([
      ['opening', 'video/mp4'],
      ['score', 'audio/mpeg'],
    ]);
    expect(result.failures.map((f) => f.name)).toEqual(['notes.mp4', 'board.png']);
    expect(result.failures[0]?.message).toMatch(/notes\.mp4 is not a video or audio file/);

    const progress = recorded
      .filter((e) => e.name === 'import.progress')
      .map((e) => events['import.progress'].parse(e.payload));
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.every((p) => p.taskId === 'batch-1' && p.total === 4)).toBe(true);
    const lastOf = (index: number) => progress.filter((p) => p.index === index).at(-1);
    expect([0, 1, 2, 3].map((i) => lastOf(i)?.phase)).toEqual(['done', 'failed', 'done', 'failed']);
    expect([0, 1, 2, 3].map((i) => lastOf(i)?.name)).toEqual(['opening.mp4', 'notes.mp4', 'score.mp3', 'board.png']);
    expect(lastOf(1)?.message).toContain('notes.mp4');
    const fractions = progress.map((p) => p.fraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(fractions.at(-1)).toBe(1);
    expect(progress.at(-1)?.phase).toBe('failed');

    expect(recorded.filter((e) => e.name === 'clips.changed').map((e) => e.payload)).toEqual([
      { projectId: project.id },
      { projectId: project.id },
    ]);
    // Waveforms and sprite sheets for the new clips are made in the background and report on their own.
    const background = new Set(['cues.peaksProgress', 'clips.spriteProgress']);
    expect(recorded.filter((e) => !background.has(e.name)).at(-1)?.name).toBe('projects.changed');
    const [after] = Project.array().parse(value(await s.invoke('projects.list', {})));
    expect(after).toMatchObject({ id: project.id, clipCount: 2 });
  });

  test('the project counts each clip as its file is done, while the rest of the batch still imports', async () => {
    const { studio: s, dir } = await studio();
    const project = Project.parse(value(await s.invoke('projects.create', { name: 'Counting' })));
    const counts: Promise<number | undefined>[] = [];
    s.onEvent((name) => {
      if (name === 'projects.changed')
        counts.push(s.call('projects.list', {}).then((list) => list.find((p) => p.id === project.id)?.clipCount));
    });
    const files = [await makeAudio(dir, 'one.wav', 1, 300), await makeAudio(dir, 'two.wav', 1, 500)];
    await s.invoke('clips.import', {
      projectId: project.id,
      sources: files.map((path) => ({ kind: 'path', path })),
      taskId: 'count',
    });
    // Told after the first clip (1), after the second (2), and once the batch ends (2).
    expect(await Promise.all(counts)).toEqual([1, 2, 2]);
  });

  test('a batch where nothing imports stores nothing and leaves the project untouched', async () => {
    const { studio: s, dir, events: recorded } = await studio();
    const project = Project.parse(value(await s.invoke('projects.create', { name: 'Empty' })));
    recorded.length = 0;
    const files = [await makeTextFile(dir, 'a.mp4'), await makeTextFile(dir, 'b.wav', '')];
    const result = value(
      await s.invoke('clips.import', {
        projectId: project.id,
        sources: files.map((path) => ({ kind: 'path', path })),
        taskId: 't',
      }),
    ) as { clips: unknown[]; failures: unknown[] };
    expect(result.clips).toEqual([]);
    expect(result.failures).toHaveLength(2);
    expect(await storedObjects(join(s.dataDir, 'media'))).toEqual([]);
    expect(recorded.map((e) => e.name)).not.toContain('projects.changed');
    expect(recorded.map((e) => e.name)).not.toContain('clips.changed');
  });

  test('closing the studio cancels a running import', async () => {
    const dir = await tempDir();
    const s = await createStudio({ dataDir: join(dir, 'data') });
    const project = Project.parse(value(await s.invoke('projects.create', { name: 'P' })));
    const file = await makeVideo(dir, 'long.mp4', { seconds: 1 });
    const importing = s.invoke('clips.import', {
      projectId: project.id,
      sources: [{ kind: 'path', path: file }],
      taskId: 't',
    });
    await s.close();
    const error = failure(await importing);
    expect(error.code).toBe('canceled');
    // Closed means the library lock is free again: another studio can open the folder.
    await (await createStudio({ dataDir: join(dir, 'data') })).close();
    const reopened = openDatabase(join(dir, 'data', 'library.db'));
    expect(reopened.prepare('SELECT count(*) FROM clips').pluck().get()).toBe(0);
    reopened.close();
  });
});

describe('opening the studio', () => {
  test('refuses a library from a newer Shotline', async () => {
    const dir = await tempDir();
    const dataDir = join(dir, 'data');
    const s = await createStudio({ dataDir });
    await s.close();
    const db = openDatabase(join(dataDir, 'library.db'));
    db.pragma(`user_version = ${latestVersion + 1}`);
    db.close();
    await expect(createStudio({ dataDir })).rejects.toThrow(/newer version of Shotline/);
  });

  test('keeps the library across restarts', async () => {
    const dir = await tempDir();
    const dataDir = join(dir, 'data');
    const first = await createStudio({ dataDir });
    value(await first.invoke('projects.create', { name: 'Persisted' }));
    await first.close();
    const second = await createStudio({ dataDir });
    onTestFinished(() => second.close());
    expect(
      Project.array()
        .parse(value(await second.invoke('projects.list', {})))
        .map((p) => p.name),
    ).toEqual(['Persisted']);
  });
});

import { describe, expect, test } from 'vitest';
import { Trash } from '../library/trash';
import { library, newJob } from '../../../test/jobs/harness';
import { makeVideo, tempDir } from '../../../test/support/fixtures';
import { ingestOutput } from './ingest';
import { Ledger } from './ledger';
import { JobStore } from './store';

/** A cloud job whose output is downloading, and the call that ingests that output at 6000. */
async function downloadingOutput() {
  const lib = await library();
  const jobs = new JobStore(lib.db);
  const job = jobs.insert(newJob(lib.projectId, { provider: 'veo' }), 1000);
  jobs.move(job.id, 'submitting', {}, 1100);
  jobs.move(job.id, 'running', { remote_id: 'op-1' }, 1200);
  const downloading = jobs.move(job.id, 'downloading', {}, 1300);
  const output = await makeVideo(await tempDir(), 'out.mp4', { seconds: 1 });
  const ingest = () =>
    ingestOutput(
      { db: lib.db, store: lib.store, clips: lib.clips, jobs, ledger: new Ledger(lib.db, () => 6000) },
      downloading,
      output,
      { costUsd: null, signal: new AbortController().signal, now: () => 6000, onProgress: () => undefined },
    );
  return { lib, ingest };
}

describe('ingesting a finished output', () => {
  test(
    'into a project deleted meanwhile: the clip goes to the Trash with the project and comes back with it',
    { timeout: 60_000 },
    async () => {
      const { lib, ingest } = await downloadingOutput();

      // The project goes to the Trash while the output is still downloading.
      const { trashedClips } = lib.projects.delete(lib.projectId, 5000);
      expect(trashedClips).toBe(0);
      const { clip, job: done } = await ingest();
      expect(done.state).toBe('succeeded');
      expect(clip.trashedAt).toBe(5000);
      expect(lib.clips.list(lib.projectId)).toEqual([]);
      const trash = new Trash(lib.db).list(0, 10);
      expect(trash.clips.map((c) => [c.id, c.project])).toEqual([[clip.id, { name: 'Jobs', deleted: true }]]);

      // Undoing the deletion brings the clip back with the project.
      lib.projects.restore(lib.projectId);
      expect(lib.clips.list(lib.projectId).map((c) => c.id)).toEqual([clip.id]);
      expect(new Trash(lib.db).list(0, 10).total).toBe(0);
    },
  );

  test('into a project still there: the clip is in the library, not the Trash', { timeout: 60_000 }, async () => {
    const { lib, ingest } = await downloadingOutput();
    const { clip } = await ingest();
    expect(clip.trashedAt).toBeNull();
    expect(lib.clips.list(lib.projectId).map((c) => c.id)).toEqual([clip.id]);
  });
});

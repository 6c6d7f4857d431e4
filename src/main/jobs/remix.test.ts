import { describe, expect, test } from 'vitest';
import { Cues } from '../library/cues';
import { Lineage } from '../library/lineage';
import { registryOf } from '../providers/index';
import { createLocalProvider } from '../providers/local/provider';
import { idle, preferBundledMediaTools, queueHarness, settled } from '../../../test/jobs/harness';
import { testRender } from '../../../test/jobs/test-render';

preferBundledMediaTools();

const ORIGINAL =
  'Title: Lighthouse\nScene: a lighthouse in fog\nAudio: foghorn at 00:01\nStyle: soft light\nDuration: 2s';
const REMIX =
  'Title: Lighthouse\nScene: a lighthouse in fog\nAudio: foghorn at 00:01.500\nStyle: noir, hard shadows\nDuration: 2s';

describe('a job with a parent clip', () => {
  test(
    'makes a child that keeps what it changed and the parent’s cues, marked inherited',
    { timeout: 60_000 },
    async () => {
      const h = await queueHarness(registryOf(createLocalProvider(testRender())));
      h.queue.start();
      const first = await settled(
        h.queue,
        h.queue.enqueue({ projectId: h.projectId, provider: 'local', promptText: ORIGINAL }).id,
      );
      const parentId = first.clipId ?? 0;
      const cues = new Cues(h.db);
      cues.create(parentId, [
        { startMs: 300, endMs: null, label: 'foghorn lands', note: '', kind: 'note', color: null },
      ]);

      const queued = h.queue.enqueue({
        projectId: h.projectId,
        provider: 'local',
        promptText: REMIX,
        parentClipId: parentId,
        options: { seed: 42 },
      });
      const second = await settled(h.queue, queued.id);
      await idle(h.queue);
      expect(second.state).toBe('succeeded');
      const child = h.clips.get(second.clipId ?? 0);
      expect(child.parentId).toBe(parentId);

      const lineage = new Lineage(h.db);
      const changes = lineage.changes(child.id);
      expect(changes?.shots[0]?.fields.map((f) => f.key)).toEqual(['style']);
      expect(changes?.shots[0]?.timed).toEqual([
        { key: 'audio', label: 'foghorn', beforeMs: 1000, afterMs: 1500, deltaMs: 500, change: 'moved' },
      ]);
      expect(changes?.params.map((p) => p.name)).toContain('seed');
      expect(cues.list(child.id).map((c) => [c.startMs, c.label, c.inherited])).toEqual([[300, 'foghorn lands', true]]);
      expect(lineage.get(child.id).nodes.map((n) => n.id)).toEqual([parentId, child.id]);
      // The original stays as it was.
      expect(lineage.changes(parentId)).toBeNull();
      expect(cues.list(parentId).map((c) => c.inherited)).toEqual([false]);
    },
  );
});

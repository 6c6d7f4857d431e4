/** A family of remixes written straight into a library database, for lineage tests and benchmarks. */
import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';

export interface FamilyOptions {
  projectId: number;
  size: number;
  /** chain: each version remixes the one before; tree: each remixes a random earlier one (seeded). */
  shape: 'chain' | 'tree';
  seed?: number;
  /** Also add this many unrelated clips, so a query that scans the table would show. */
  strangers?: number;
}

/** A small seeded generator, so a family has the same shape on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Ids of the family in insertion order; the first is the original. */
export function seedFamily(db: Database, options: FamilyOptions): number[] {
  const media = createHash('sha256').update(`family media ${options.projectId}`).digest('hex');
  db.prepare(
    `INSERT INTO media (id, mime_type, bytes, created_at) VALUES (?, 'video/mp4', 1, 0) ON CONFLICT (id) DO NOTHING`,
  ).run(media);
  const stranger = db.prepare(
    `INSERT INTO clips (project_id, title, provider, duration_ms, media_hash, created_at) VALUES (?, ?, 'local', 4000, ?, ?)`,
  );
  const version = db.prepare(
    `INSERT INTO clips (project_id, title, prompt_text, provider, duration_ms, media_hash, parent_clip_id, created_at)
     VALUES (?, ?, 'Scene: a lighthouse', 'local', 4000, ?, ?, ?)`,
  );
  const next = random(options.seed ?? 1);
  const ids: number[] = [];
  db.transaction(() => {
    for (let i = 0; i < (options.strangers ?? 0); i++) {
      stranger.run(options.projectId, `Stranger ${i}`, media, i);
    }
    for (let i = 0; i < options.size; i++) {
      const parent =
        i === 0 ? null : options.shape === 'chain' ? (ids[i - 1] ?? null) : (ids[Math.floor(next() * i)] ?? null);
      const { lastInsertRowid } = version.run(options.projectId, `Version ${i + 1}`, media, parent, 1_000 + i);
      ids.push(Number(lastInsertRowid));
    }
  })();
  return ids;
}

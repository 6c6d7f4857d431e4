/**
 * A generated library for the library benchmarks: one project of N clips with prompts,
 * tags, ratings, flags, remixes and cues. Rows are written straight into a migrated
 * library.db (the studio made it); what is measured afterwards goes through the contract.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createStudio, type Studio } from '../src/main/core/studio';
import { cardPosterOf } from '../src/main/media/cardPoster';

const PLACES = [
  'harbour',
  'lighthouse',
  'alley',
  'market',
  'desert',
  'forest',
  'rooftop',
  'subway',
  'glacier',
  'canyon',
];
const TIMES = ['dawn', 'noon', 'dusk', 'night', 'storm', 'fog', 'snow', 'rain'];
const SUBJECTS = ['fisherman', 'courier', 'dancer', 'fox', 'drone', 'train', 'kite', 'lantern', 'violinist', 'cyclist'];
const CAMERAS = ['slow dolly in', 'crane up', 'handheld follow', 'static wide', 'orbit left', 'whip pan'];
const STYLES = ['35mm film grain', 'anamorphic flare', 'pastel watercolour', 'noir high contrast', 'documentary'];
const SOUNDS = ['gulls', 'thunder', 'footsteps', 'crowd murmur', 'engine hum', 'wind chimes', 'waves', 'sirens'];
const PROVIDERS = ['local', 'veo', 'runway', 'comfyui', 'import'];
/**
 * Words with accents, in one clip in nine, and the same words without them in another one in nine:
 * a search typed with an accent finds the first only (ClipQueries: accents).
 */
const MOODS = ['café crème', 'Ñandú été', 'élan brûlée', 'ÉTÉ señor', 'crème fraîche', 'naïve Zoë', 'Café Ñandú'];
const PLAIN_MOODS = MOODS.map((mood) => mood.normalize('NFD').replace(/\p{M}/gu, ''));

/** A small deterministic generator, so every run measures the same library. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const TAG_POOL = Array.from(
  { length: 300 },
  (_, i) => `${PLACES[i % PLACES.length] ?? ''}-${TIMES[i % TIMES.length] ?? ''}-${i}`,
);

export function fillLibrary(dbPath: string, projectId: number, count: number): void {
  const db = new Database(dbPath);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const next = random(42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const insertMedia = db.prepare(
    `INSERT INTO media (id, mime_type, bytes, duration_ms, width, height, fps, video_codec, audio_codec, created_at)
     VALUES (?, 'video/mp4', ?, ?, 1280, 720, 24, 'h264', 'aac', ?)`,
  );
  const insertClip = db.prepare(
    `INSERT INTO clips (project_id, title, prompt_text, provider, model, seed, duration_ms, width, height, fps,
                        media_hash, parent_clip_id, rating, flag, color_label, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, 1280, 720, 24, ?, ?, ?, ?, ?, ?)`,
  );
  const insertTag = db.prepare('INSERT INTO tags (name) VALUES (?) ON CONFLICT (name) DO NOTHING');
  const tagId = db.prepare<[string], number>('SELECT id FROM tags WHERE name = ?').pluck();
  const insertClipTag = db.prepare('INSERT OR IGNORE INTO clip_tags (clip_id, tag_id) VALUES (?, ?)');
  const insertCue = db.prepare(
    `INSERT INTO cues (clip_id, start_ms, label, note, kind, created_at, updated_at) VALUES (?, ?, ?, ?, 'note', 0, 0)`,
  );
  const colors = ['red', 'orange', 'yellow', 'green', 'blue', 'purple'];
  db.transaction(() => {
    const tagIds = TAG_POOL.map((name) => {
      insertTag.run(name);
      return tagId.get(name) ?? 0;
    });
    const start = Date.UTC(2025, 0, 1);
    let lastId = 0;
    for (let i = 0; i < count; i++) {
      const place = pick(PLACES);
      const time = pick(TIMES);
      const subject = pick(SUBJECTS);
      const title = `${subject} at the ${place}, ${time} ${i}`;
      const prompt = [
        `Title: ${title}`,
        `Scene: a ${subject} crosses the ${place} at ${time}`,
        `Camera: ${pick(CAMERAS)}`,
        `Audio: ${pick(SOUNDS)} with distant ${pick(SOUNDS)}`,
        `Style: ${pick(STYLES)}`,
        // From the clip's number, not the generator, so the rest of the library stays as it was.
        ...(i % 9 === 0 ? [`Mood: ${MOODS[(i / 9) % MOODS.length] ?? ''}`] : []),
        ...(i % 9 === 4 ? [`Mood: ${PLAIN_MOODS[((i - 4) / 9) % PLAIN_MOODS.length] ?? ''}`] : []),
      ].join('\n');
      const hash = createHash('sha256').update(`bench clip ${i}`).digest('hex');
      const createdAt = start + i * 60_000;
      insertMedia.run(hash, 2_000_000 + Math.floor(next() * 30_000_000), 4000, createdAt);
      const remix = lastId > 0 && next() < 0.15 ? lastId : null;
      const { lastInsertRowid } = insertClip.run(
        projectId,
        title,
        prompt,
        pick(PROVIDERS),
        'model-a',
        Math.floor(next() * 1e9),
        2000 + Math.floor(next() * 10_000),
        hash,
        remix,
        next() < 0.5 ? Math.floor(next() * 6) : null,
        next() < 0.2 ? (next() < 0.5 ? 1 : -1) : 0,
        next() < 0.2 ? pick(colors) : null,
        createdAt,
      );
      lastId = Number(lastInsertRowid);
      const tags = Math.floor(next() * 4);
      for (let t = 0; t < tags; t++) insertClipTag.run(lastId, pick(tagIds));
      if (next() < 0.3) {
        insertCue.run(lastId, 500, `${pick(SOUNDS)} lands late`, `check the ${place} mix`);
        insertCue.run(lastId, 1500, `${pick(SOUNDS)} cue`, '');
      }
    }
  })();
  // A bulk load leaves the search index in many small segments; merge them as migration 0007 does.
  db.exec("INSERT INTO clip_search (clip_search) VALUES ('optimize')");
  db.exec('ANALYZE');
  db.close();
}

/**
 * Gives the generated clips posters as the studio makes them (JPEG, 640 wide, and its card size):
 * `distinct` different pictures, shared round-robin, so a grid scrolled over the library loads and
 * decodes real images rather than drawing placeholders. Done once per library.
 */
export async function addPosters(dataDir: string, distinct = 2000): Promise<void> {
  addFullPosters(dataDir, distinct);
  await addCardPosters(dataDir);
}

/** Card posters for the posters that lack one, as the studio makes them (a library generated before them gets them here). */
async function addCardPosters(dataDir: string): Promise<void> {
  const db = new Database(join(dataDir, 'library.db'));
  try {
    const posters = db
      .prepare('SELECT DISTINCT poster_hash FROM clips WHERE poster_hash IS NOT NULL AND card_poster_hash IS NULL')
      .pluck()
      .all() as string[];
    if (posters.length === 0) return;
    const made: [string, Buffer][] = [];
    for (const poster of posters)
      made.push([poster, await cardPosterOf(readFileSync(join(dataDir, 'media', poster.slice(0, 2), poster)))]);
    const insertMedia = db.prepare(
      `INSERT OR IGNORE INTO media (id, mime_type, bytes, created_at) VALUES (?, 'image/jpeg', ?, ?)`,
    );
    const point = db.prepare('UPDATE clips SET card_poster_hash = ? WHERE poster_hash = ?');
    db.transaction(() => {
      for (const [poster, bytes] of made) {
        const hash = createHash('sha256').update(bytes).digest('hex');
        mkdirSync(join(dataDir, 'media', hash.slice(0, 2)), { recursive: true });
        writeFileSync(join(dataDir, 'media', hash.slice(0, 2), hash), bytes);
        insertMedia.run(hash, bytes.length, Date.now());
        point.run(hash, poster);
      }
    })();
  } finally {
    db.close();
  }
}

function addFullPosters(dataDir: string, distinct: number): void {
  const db = new Database(join(dataDir, 'library.db'));
  try {
    if (db.prepare('SELECT 1 FROM clips WHERE poster_hash IS NOT NULL LIMIT 1').get() !== undefined) return;
    const frames = mkdtempSync(join(tmpdir(), 'shotline-posters-'));
    try {
      const made = spawnSync('ffmpeg', [
        '-v',
        'error',
        '-f',
        'lavfi',
        '-i',
        `testsrc2=size=640x360:rate=25:duration=${distinct / 25}`,
        '-q:v',
        '4',
        join(frames, 'p%05d.jpg'),
      ]);
      if (made.status !== 0) throw new Error(`ffmpeg could not make posters: ${made.stderr.toString()}`);
      const insertMedia = db.prepare(
        `INSERT OR IGNORE INTO media (id, mime_type, bytes, width, height, created_at)
         VALUES (?, 'image/jpeg', ?, 640, 360, ?)`,
      );
      db.exec('CREATE TEMP TABLE bench_posters (k INTEGER PRIMARY KEY, hash TEXT NOT NULL)');
      const insertPoster = db.prepare('INSERT INTO bench_posters (k, hash) VALUES (?, ?)');
      const files = readdirSync(frames).sort();
      db.transaction(() => {
        files.forEach((name, k) => {
          const bytes = readFileSync(join(frames, name));
          const hash = createHash('sha256').update(bytes).digest('hex');
          mkdirSync(join(dataDir, 'media', hash.slice(0, 2)), { recursive: true });
          writeFileSync(join(dataDir, 'media', hash.slice(0, 2), hash), bytes);
          insertMedia.run(hash, bytes.length, Date.now());
          insertPoster.run(k, hash);
        });
        db.prepare('UPDATE clips SET poster_hash = (SELECT hash FROM bench_posters WHERE k = clips.id % ?)').run(
          files.length,
        );
      })();
    } finally {
      rmSync(frames, { recursive: true, force: true });
    }
  } finally {
    db.close();
  }
}

/** A studio over a generated library of `count` clips in dataDir, made on first use and reused after. */
export async function openLibrary(dataDir: string, count: number): Promise<{ studio: Studio; projectId: number }> {
  if (!existsSync(join(dataDir, 'library.db'))) {
    const studio = await createStudio({ dataDir });
    const project = await studio.call('projects.create', { name: 'Bench' });
    await studio.close();
    const started = performance.now();
    fillLibrary(join(dataDir, 'library.db'), project.id, count);
    console.log(
      `generated ${count.toLocaleString('en')} clips in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  }
  const studio = await createStudio({ dataDir });
  const [project] = await studio.call('projects.list', {});
  if (!project) throw new Error(`no project in ${dataDir}`);
  return { studio, projectId: project.id };
}

/**
 * The library at 100,000 clips, through the contract (Studio.call, as the app calls it):
 * search (titles, prompts, tags, cue text), grid pages of 200 clips in each sort, with
 * and without filters, and the ids of a Shift+click's range. Prints p50 / p95 / max in milliseconds.
 *
 *   npx tsx bench/library.ts [clips] [folder to keep the generated library in, and reuse]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ClipQueryInput } from '../src/shared/library/organise';
import { openLibrary, TAG_POOL } from './libraryData';

const count = Number(process.argv[2] ?? '100000');
const kept = process.argv[3];

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;
}

/**
 * Wall time, and CPU time of this process (user + system), which other work on a shared machine
 * inflates far less. `before` runs untimed ahead of each run.
 */
async function measure(
  label: string,
  runs: readonly (() => Promise<unknown>)[],
  before: () => Promise<unknown> = () => Promise.resolve(),
): Promise<void> {
  for (const run of runs.slice(0, 5)) await run(); // warm the page cache and statement cache
  const times: number[] = [];
  const cpu: number[] = [];
  for (const run of runs) {
    await before();
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const fmt = (n: number): string => n.toFixed(2).padStart(7);
  console.log(
    `${label.padEnd(44)} p50 ${fmt(percentile(times, 50))}  p95 ${fmt(percentile(times, 95))}  max ${fmt(times.at(-1) ?? 0)} ms` +
      `  CPU p50 ${fmt(percentile(cpu, 50))}  p95 ${fmt(percentile(cpu, 95))} ms  (${times.length} runs)`,
  );
}

async function main(): Promise<void> {
  const dir = kept ?? mkdtempSync(join(tmpdir(), 'shotline-library-bench-'));
  const dataDir = join(dir, 'data');
  try {
    const { studio, projectId } = await openLibrary(dataDir, count);
    const project = { id: projectId };
    console.log(
      `load average ${loadavg()
        .map((n) => n.toFixed(2))
        .join(' ')}`,
    );
    const page =
      (query: ClipQueryInput, offset = 0) =>
      () =>
        studio.call('library.query', { projectId: project.id, query, offset, limit: 200 });

    const words = [
      'harbour',
      'fox',
      'lantern dusk',
      'thunder',
      'anamorphic',
      'crowd',
      'gla',
      'violinist rooftop',
      'lands late',
      'sirens',
    ];
    const tags = TAG_POOL.slice(0, 20);
    const texts = [...words, ...tags, ...words.map((w) => `${w} fog`)];
    await measure(
      'search, best matches first (200 hits)',
      texts.map((text) => page({ text, sort: { by: 'relevance', dir: 'desc' } })),
    );
    await measure(
      'search, newest first (200 hits)',
      texts.map((text) => page({ text })),
    );
    // A word typed with an accent asks for it (ClipQueries: accents); one clip in nine has such words.
    await measure(
      'search with accents, best matches first',
      ['café', 'é', 'fog café', 'crème', 'harbour é'].map((text) =>
        page({ text, sort: { by: 'relevance', dir: 'desc' } }),
      ),
    );
    const accented = ['café', 'é', 'fog café', 'crème', 'harbour é', 'Ñandú', 'ÉTÉ', 'crème fraîche', 'É cafe', 'ñ'];
    for (const text of accented) {
      await measure(
        `  "${text}", best matches first`,
        Array.from({ length: 12 }, () => page({ text, sort: { by: 'relevance', dir: 'desc' } })),
      );
    }
    await measure(
      'search with accents, newest first',
      accented.map((text) => page({ text })),
    );
    // A new star keeps the counts of searches not filtered by rating (ClipQueries.keepingCounts)…
    const [top] = (await page({})()).hits;
    let stars = 0;
    const rateTop = (): Promise<unknown> =>
      studio.call('library.setRating', { ids: [top?.clip.id ?? 1], rating: (stars = (stars % 5) + 1) });
    await measure(
      'search with accents after a new star',
      accented.map((text) => page({ text, sort: { by: 'relevance', dir: 'desc' } })),
      rateTop,
    );
    await studio.call('library.setRating', { ids: [top?.clip.id ?? 1], rating: top?.clip.rating ?? 0 });
    // …while a tag put on or taken off a clip makes the next search count its clips again.
    const marked = { tagged: false };
    const tagTop = (): Promise<unknown> => {
      marked.tagged = !marked.tagged;
      const change = { ids: [top?.clip.id ?? 1], tags: ['bench mark'] };
      return studio.call(marked.tagged ? 'library.addTags' : 'library.removeTags', change);
    };
    await measure(
      'search with accents after a new tag (counts)',
      accented.map((text) => page({ text, sort: { by: 'relevance', dir: 'desc' } })),
      tagTop,
    );
    if (marked.tagged) await tagTop();
    await measure(
      'search by date, filtered (rating ≥ 3)',
      words.map((text) => page({ text, filter: { minRating: 3 }, sort: { by: 'created', dir: 'desc' } })),
    );
    const offsets = Array.from({ length: 60 }, (_, i) => Math.floor(((i * 7919) % 500) * (count / 500)));
    for (const by of ['created', 'title', 'duration', 'rating'] as const) {
      await measure(
        `grid page of 200, sorted by ${by}`,
        offsets.map((offset) => page({ sort: { by, dir: 'desc' } }, offset)),
      );
    }
    // A tag put on or taken off a clip makes the next page count its clips again.
    const touch = tagTop;
    await measure(
      'grid page of 200 after a change (counts again)',
      offsets.slice(0, 20).map((offset) => page({ sort: { by: 'created', dir: 'desc' } }, offset)),
      touch,
    );
    if (marked.tagged) await touch();
    await measure(
      'grid page, tag filter',
      tags.map((tag) => page({ filter: { tag } })),
    );
    await measure(
      'grid page, picks rated ≥ 4',
      offsets.slice(0, 20).map(() => page({ filter: { flag: 'pick', minRating: 4 } })),
    );
    await measure(
      'grid page, remixes with cues',
      offsets.slice(0, 20).map(() => page({ filter: { isRemix: true, hasCues: true } })),
    );
    await measure(
      'list page, sorted by size',
      offsets.slice(0, 20).map((offset) => page({ sort: { by: 'size', dir: 'asc' } }, offset)),
    );
    // Shift+click from a clip near the top to one far down: the ids between, no clip rows.
    const range = (query: ClipQueryInput, offset: number, limit: number) => () =>
      studio.call('library.queryIdRange', { projectId: project.id, query, offset, limit });
    await measure(
      'Shift+click range of 10,000, sorted by title',
      offsets.slice(0, 20).map((offset) => range({ sort: { by: 'title', dir: 'asc' } }, offset, 10_000)),
    );
    await measure(
      'Shift+click range of 50,000, newest first',
      offsets.slice(0, 10).map((offset) => range({}, offset, 50_000)),
    );
    await measure(
      'Shift+click range of 2,000, search best first',
      words.map((text) => range({ text, sort: { by: 'relevance', dir: 'desc' } }, 100, 2_000)),
    );
    await measure(
      'tag suggestions',
      ['ha', 'fo', 'gl', 'de', 'ca'].map(
        (prefix) => () => studio.call('library.tags', { projectId: project.id, prefix }),
      ),
    );
    console.log(
      `load average ${loadavg()
        .map((n) => n.toFixed(2))
        .join(' ')}`,
    );
    await studio.close();
  } finally {
    if (kept === undefined) rmSync(dir, { recursive: true, force: true });
  }
}

await main();

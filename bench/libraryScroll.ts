/**
 * Scrolling the library grid over 100,000 clips in Chromium, against the browser studio
 * (build first: npx electron-vite build). The generated clips have posters and card posters (JPEGs
 * as the studio makes them; cards show the 320 px card poster), so the grid loads and decodes
 * pictures as a real library does. The grid scrolls a
 * steady 240 px a frame (a fling: the grid loads no poster for cards that fly past), at a reading pace
 * of 40 px a frame (every poster shown loads and decodes), then jumps to far places in the library (a
 * jump every tenth frame).
 *
 * Two measures per mode. Frame times are requestAnimationFrame deltas: what a creator sees, but
 * under vsync they sit at 16.7 ms even for a page that does nothing (this headless Chromium
 * ignores --disable-frame-rate-limit), and a busy machine stretches them. Main-thread work per
 * frame comes from a performance trace: the CPU time of every task the renderer's main thread
 * ran from one animation frame to the next, which other processes on a shared machine inflate
 * far less, split by kind of work. The load average is printed with both.
 *
 *   npx tsx bench/libraryScroll.ts [clips] [folder to keep the generated library in, and reuse]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { startServer, stopServer } from '../e2e/studio';
import { chromiumPath } from '../scripts/chromium.mjs';
import { describeKinds, describeWork, traceFrames } from './frameWork';
import { addPosters, openLibrary } from './libraryData';

const count = Number(process.argv[2] ?? '100000');
const kept = process.argv[3];

// Runs in the page; a string, so this script type-checks without the DOM's types.
const SCROLL = (mode: 'steady' | 'jumps', frames: number, step = 240): string => `new Promise((resolve) => {
  const scroller = document.querySelector('.clip-scroller');
  const times = [];
  let last = performance.now();
  let frame = 0;
  let seed = 7;
  function step(now) {
    times.push(now - last);
    last = now;
    if (${JSON.stringify(mode)} === 'steady') scroller.scrollTop += ${step};
    else if (frame % 10 === 0) {
      seed = (seed * 16807) % 2147483647;
      scroller.scrollTop = (seed / 2147483647) * (scroller.scrollHeight - scroller.clientHeight);
    } else scroller.scrollTop += ${step};
    frame += 1;
    if (frame < ${frames}) requestAnimationFrame(step);
    else resolve({ times: times.slice(1), cards: document.querySelectorAll('[role=listitem]').length, height: scroller.scrollHeight });
  }
  requestAnimationFrame((now) => { last = now; requestAnimationFrame(step); });
})`;

interface ScrollResult {
  times: number[];
  cards: number;
  height: number;
}

function summary(times: readonly number[]): string {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;
  const over = sorted.filter((t) => t > 16.7).length;
  return `p50 ${at(50).toFixed(1)}  p95 ${at(95).toFixed(1)}  max ${(sorted.at(-1) ?? 0).toFixed(1)} ms; ${over} of ${sorted.length} frames over 16.7 ms`;
}

async function main(): Promise<void> {
  const dir = kept ?? mkdtempSync(join(tmpdir(), 'shotline-scroll-bench-'));
  const dataDir = join(dir, 'data');
  const { studio } = await openLibrary(dataDir, count);
  await studio.close();
  await addPosters(dataDir);
  const server = await startServer(dataDir);
  const executablePath = chromiumPath();
  const browser = await chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    // What this machine gives a page that does nothing but scroll: the floor the grid's figures stand on.
    const baseline = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await baseline.setContent(
      '<div class="clip-scroller" style="height:900px;overflow:auto"><div style="height:20000000px"></div></div>',
    );
    const still = await baseline.evaluate<ScrollResult>(SCROLL('steady', 600));
    await baseline.close();
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, bypassCSP: true });
    await page.goto(server.url);
    const grid = page.getByRole('list', { name: 'Clips' });
    await grid.getByRole('listitem').first().waitFor({ timeout: 120_000 });
    const load = (): string =>
      loadavg()
        .map((n) => n.toFixed(2))
        .join(' ');
    const loadBefore = load();
    let steady: ScrollResult | undefined;
    const steadyWork = await traceFrames(browser, page, async () => {
      steady = await page.evaluate<ScrollResult>(SCROLL('steady', 600));
    });
    // Reading pace: slow enough that the grid loads every poster it shows (a fling or a jump loads none on the way).
    let slow: ScrollResult | undefined;
    const slowWork = await traceFrames(browser, page, async () => {
      slow = await page.evaluate<ScrollResult>(SCROLL('steady', 600, 40));
    });
    let jumps: ScrollResult | undefined;
    const jumpsWork = await traceFrames(browser, page, async () => {
      jumps = await page.evaluate<ScrollResult>(SCROLL('jumps', 600));
    });
    if (!steady || !slow || !jumps) throw new Error('the scroll did not finish');
    console.log(`load average before ${loadBefore}, after ${load()} (${cpus().length} cores)`);
    console.log(`library: ${count.toLocaleString('en')} clips; grid ${steady.height.toLocaleString('en')} px tall`);
    console.log(`cards in the DOM while scrolling: ${steady.cards}`);
    console.log(`static page, same scroll:     ${summary(still.times)}`);
    for (const [name, result, work] of [
      ['steady scroll, 240 px a frame', steady, steadyWork],
      ['slow scroll, 40 px a frame (posters load)', slow, slowWork],
      ['jumps across the library', jumps, jumpsWork],
    ] as const) {
      console.log(`${name}:`);
      console.log(`  frame times (rAF, vsync):  ${summary(result.times)}`);
      console.log(`  main thread per frame:     ${describeWork(work)}`);
      console.log(`  mean per frame by kind:    ${describeKinds(work)}`);
    }
  } finally {
    await browser.close();
    await stopServer(server.child);
    if (kept === undefined) rmSync(dir, { recursive: true, force: true });
  }
}

await main();

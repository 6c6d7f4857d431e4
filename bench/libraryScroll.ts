/**
 * Scrolling the library grid over 100,000 clips in Chromium, against the browser studio
 * (build first: npx electron-vite build). Frame times come from requestAnimationFrame while
 * the grid scrolls a steady 240 px a frame, then while it jumps to far places in the library.
 *
 *   npx tsx bench/libraryScroll.ts [clips] [folder to keep the generated library in, and reuse]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { startServer, stopServer } from '../e2e/studio';
import { chromiumPath } from '../scripts/chromium.mjs';
import { describeEvents, describeWork, traceFrames } from './frameWork';
import { openLibrary } from './libraryData';

const count = Number(process.argv[2] ?? '100000');
const kept = process.argv[3];

// Runs in the page; a string, so this script type-checks without the DOM's types.
const SCROLL = (mode: 'steady' | 'jumps', frames: number): string => `new Promise((resolve) => {
  const scroller = document.querySelector('.clip-scroller');
  const times = [];
  let last = performance.now();
  let frame = 0;
  let seed = 7;
  function step(now) {
    times.push(now - last);
    last = now;
    if (${JSON.stringify(mode)} === 'steady') scroller.scrollTop += 240;
    else if (frame % 10 === 0) {
      seed = (seed * 16807) % 2147483647;
      scroller.scrollTop = (seed / 2147483647) * (scroller.scrollHeight - scroller.clientHeight);
    } else scroller.scrollTop += 240;
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
  const server = await startServer(dataDir);
  const executablePath = chromiumPath();
  const browser = await chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, bypassCSP: true });
    await page.goto(server.url);
    const grid = page.getByRole('list', { name: 'Clips' });
    await grid.getByRole('listitem').first().waitFor({ timeout: 120_000 });
    // Main-thread time by kind (script, style, layout, all tasks), which a busy machine inflates far
    // less than frame times: what the page itself costs per frame.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const metrics = async (): Promise<Map<string, number>> =>
      new Map((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
    const work = (before: Map<string, number>, after: Map<string, number>, frames: number): string =>
      ['TaskDuration', 'ScriptDuration', 'RecalcStyleDuration', 'LayoutDuration']
        .map((name) => {
          const ms = (((after.get(name) ?? 0) - (before.get(name) ?? 0)) * 1000) / frames;
          return `${name.replace('Duration', '')} ${ms.toFixed(2)}`;
        })
        .join(', ');
    const start = await metrics();
    let steady: ScrollResult | undefined;
    const steadyWork = await traceFrames(browser, page, async () => {
      steady = await page.evaluate<ScrollResult>(SCROLL('steady', 600));
    });
    const middle = await metrics();
    let jumps: ScrollResult | undefined;
    const jumpsWork = await traceFrames(browser, page, async () => {
      jumps = await page.evaluate<ScrollResult>(SCROLL('jumps', 600));
    });
    const end = await metrics();
    if (!steady || !jumps) throw new Error('the scroll did not finish');
    console.log(`trace steady: ${describeWork(steadyWork)}`);
    console.log(`  by event: ${describeEvents(steadyWork, 14)}`);
    console.log(`trace jumps: ${describeWork(jumpsWork)}`);
    console.log(`  by event: ${describeEvents(jumpsWork, 14)}`);
    console.log(
      `load average ${loadavg()
        .map((n) => n.toFixed(2))
        .join(' ')}`,
    );
    console.log(`main thread per frame, steady (ms): ${work(start, middle, steady.times.length + 1)}`);
    console.log(`main thread per frame, jumps (ms):  ${work(middle, end, jumps.times.length + 1)}`);
    console.log(`library: ${count.toLocaleString('en')} clips; grid ${steady.height.toLocaleString('en')} px tall`);
    console.log(`cards in the DOM while scrolling: ${steady.cards}`);
    console.log(`steady scroll, 240 px a frame:   ${summary(steady.times)}`);
    console.log(`jumps across the library:        ${summary(jumps.times)}`);
  } finally {
    await browser.close();
    await stopServer(server.child);
    if (kept === undefined) rmSync(dir, { recursive: true, force: true });
  }
}

await main();

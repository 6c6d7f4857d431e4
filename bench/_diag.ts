import { writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { startServer, stopServer } from '../e2e/studio';
import { chromiumPath } from '../scripts/chromium.mjs';

const mode = process.argv[2] ?? 'steady';
const out = process.argv[3] ?? '/tmp/gs-trace.json';
const cats = (process.env.CATS ?? 'toplevel,devtools.timeline,disabled-by-default-devtools.timeline,v8,blink,cc,loading,disabled-by-default-v8.cpu_profiler').split(',');
const SCROLL = (mode: string, frames: number): string => `new Promise((resolve) => {
  const scroller = document.querySelector('.clip-scroller');
  let frame = 0; let seed = 7;
  function step(now) {
    if (${JSON.stringify(mode)} === 'steady') scroller.scrollTop += 240;
    else if (frame % 10 === 0) { seed = (seed * 16807) % 2147483647; scroller.scrollTop = (seed / 2147483647) * (scroller.scrollHeight - scroller.clientHeight); }
    else scroller.scrollTop += 240;
    frame += 1;
    if (frame < ${frames}) requestAnimationFrame(step); else resolve(0);
  }
  requestAnimationFrame(step);
})`;
const server = await startServer('/tmp/gs-bench/data');
const executablePath = chromiumPath();
const browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: ['--no-sandbox', '--disable-gpu', ...(process.env.ARGS ? process.env.ARGS.split(' ') : [])] });
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, bypassCSP: true });
  await page.goto(server.url);
  await page.getByRole('list', { name: 'Clips' }).getByRole('listitem').first().waitFor({ timeout: 120_000 });
  await page.evaluate(SCROLL(mode, 60));
  await browser.startTracing(page, { categories: cats });
  await page.evaluate(SCROLL(mode, 300));
  writeFileSync(out, await browser.stopTracing());
} finally {
  await browser.close();
  await stopServer(server.child);
}

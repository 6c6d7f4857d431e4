/**
 * The cue timeline's speed in Chromium against the browser studio, as a creator meets it:
 * (a) opening a one-hour clip whose peaks are stored, from the click on its card in the library
 * to the waveform drawn (target under 300 ms), and (b) with 2,000 cues on that clip, the frame
 * times (requestAnimationFrame deltas, p95; target under 16.7 ms) while the cue list scrolls
 * and while the waveform zooms in and out. Figures only, not a pass/fail test; the machine's
 * other work moves them, so the load average is printed with them.
 *
 *   npx tsx bench/timelineFrames.ts [minutes] [opens]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { startServer, stopServer } from '../e2e/studio';
import { chromiumPath } from '../scripts/chromium.mjs';

const minutes = Number(process.argv[2] ?? '60');
const opens = Number(process.argv[3] ?? '7');
const cueCount = 2000;

// The page-side code is written as strings: this script type-checks without the DOM's types,
// and the page is opened with bypassCSP so the studio's CSP lets them run.
const WAVE_ROOT = "document.querySelector('.cue-timeline__wave > div')?.shadowRoot";
const WAVE_DRAWN = `((${WAVE_ROOT}?.querySelector('canvas')?.width ?? 0) > 0)`;
/** The title of the clip the inspector (and so the timeline under it) shows. */
const SHOWN_TITLE = "document.querySelector('.inspector__title')?.textContent";

function makeAudio(path: string, seconds: number): void {
  const made = spawnSync('ffmpeg', [
    '-v',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    `sine=frequency=330:sample_rate=48000:duration=${seconds}`,
    '-af',
    'volume=enable=lt(mod(t\\,3)\\,1):volume=4',
    '-ac',
    '2',
    '-c:a',
    'aac',
    '-b:a',
    '96k',
    path,
  ]);
  if (made.status !== 0) throw new Error(made.stderr.toString());
}

const percentile = (values: number[], p: number): number =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))] ?? NaN;
const median = (values: number[]): number => percentile(values, 0.5);

/**
 * Clicks the card whose title is `title` from inside the page and resolves with the ms from the
 * click to the first animation frame that shows a drawn waveform.
 */
function openClip(page: Page, title: string): Promise<number> {
  return page.evaluate<number>(`new Promise((resolve, reject) => {
    const card = [...document.querySelectorAll('[aria-label="Clips"] [role="listitem"]')].find((li) => li.textContent.includes(${JSON.stringify(title)}));
    if (!card) return reject(new Error('no card for ${title}'));
    const target = card.querySelector('button') ?? card;
    const start = performance.now();
    target.click();
    const check = () => {
      if (${WAVE_DRAWN} && ${SHOWN_TITLE} === ${JSON.stringify(title)}) return resolve(performance.now() - start);
      if (performance.now() - start > 120000) return reject(new Error('the waveform did not appear'));
      requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  })`);
}

/** Records rAF deltas while `work` runs in the page; resolves with them. */
async function frameTimes(page: Page, work: string): Promise<number[]> {
  const result = await page.evaluate<(number | string)[]>(`new Promise((resolve) => {
    const deltas = [];
    let last = performance.now();
    let done = false;
    const tick = (now) => {
      deltas.push(now - last);
      last = now;
      if (!done) requestAnimationFrame(tick);
      else resolve(deltas);
    };
    requestAnimationFrame((now) => {
      last = now;
      requestAnimationFrame(tick);
      Promise.resolve()
        .then(${work})
        .then(
          () => { done = true; },
          (error) => { deltas.length = 0; deltas.push(String(error)); done = true; },
        );
    });
  })`);
  const failure = result.find((d): d is string => typeof d === 'string');
  if (failure !== undefined) throw new Error(`the page's work failed: ${failure}`);
  return result as number[];
}

/** Scrolls the cue list down and back up, three rows a frame. */
const SCROLL_LIST = `async () => {
  const list = document.querySelector('.cue-list__scroll');
  const step = 90;
  const pause = () => new Promise((r) => requestAnimationFrame(() => r()));
  for (let i = 0; i < 90; i++) { list.scrollTop += step; await pause(); }
  for (let i = 0; i < 90; i++) { list.scrollTop -= step; await pause(); }
}`;

/** Zooms the waveform in and out with the timeline's own keys, a step every 120 ms. */
const ZOOM_KEYS = `async () => {
  const wait = (ms) => new Promise((r) => setTimeout(r, ms));
  const press = (key) => document.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
  document.activeElement?.blur?.();
  for (let i = 0; i < 8; i++) { press('+'); await wait(120); }
  for (let i = 0; i < 8; i++) { press('-'); await wait(120); }
}`;

/** Zooms with the mouse wheel over the waveform (wavesurfer's Zoom plugin), as a trackpad would. */
const ZOOM_WHEEL = `async () => {
  const wave = document.querySelector('.cue-timeline__wave > div');
  const box = wave.getBoundingClientRect();
  const pause = () => new Promise((r) => requestAnimationFrame(() => r()));
  const wheel = (deltaY) => wave.dispatchEvent(new WheelEvent('wheel', { deltaY, clientX: box.left + box.width / 2, clientY: box.top + box.height / 2, bubbles: true, cancelable: true }));
  for (let i = 0; i < 30; i++) { wheel(-40); await pause(); }
  for (let i = 0; i < 30; i++) { wheel(40); await pause(); }
}`;

function summary(name: string, deltas: number[]): string {
  const over = deltas.filter((d) => d > 16.7).length;
  return `${name}: ${deltas.length} frames, p50 ${median(deltas).toFixed(1)} ms, p95 ${percentile(deltas, 0.95).toFixed(1)} ms, max ${Math.max(...deltas).toFixed(1)} ms, ${over} over 16.7 ms`;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'shotline-bench-frames-'));
  const hour = join(dir, 'Hour take.m4a');
  const short = join(dir, 'Short take.m4a');
  process.stdout.write(`Making ${minutes} min of 48 kHz stereo AAC…\n`);
  makeAudio(hour, minutes * 60);
  makeAudio(short, 10);
  const lines = ['start,end,label,kind,note,color'];
  const kinds = ['sfx', 'dialogue', 'music', 'ambience', 'note'];
  for (let i = 0; i < cueCount; i++) {
    const start = ((i * (minutes * 60 - 2)) / cueCount).toFixed(3);
    const end = i % 3 === 0 ? (Number(start) + 1.5).toFixed(3) : '';
    lines.push(`${start},${end},Cue ${i + 1},${kinds[i % kinds.length] ?? 'note'},,`);
  }
  const csv = join(dir, 'cues.csv');
  writeFileSync(csv, lines.join('\n'));

  const server = await startServer(join(dir, 'data'));
  const executablePath = chromiumPath();
  const browser = await chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, bypassCSP: true });
    await page.goto(server.url);
    await page.getByRole('button', { name: 'New project' }).first().click();
    await page.getByRole('textbox', { name: 'Project name' }).fill('Bench');
    await page.getByRole('textbox', { name: 'Project name' }).press('Enter');
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import clips' }).first().click();
    await (await chooser).setFiles([hour, short]);
    const cards = page.getByRole('list', { name: 'Clips' }).getByRole('listitem');
    await cards.nth(1).waitFor({ timeout: 300_000 });
    // The first open waits for the peaks computed in the background after the import.
    const began = performance.now();
    const step = (what: string): void =>
      void process.stdout.write(`${((performance.now() - began) / 1000).toFixed(0)} s: ${what}…\n`);
    step('first open');
    const firstStart = performance.now();
    await cards.filter({ hasText: 'Hour take' }).click();
    await page.waitForFunction(WAVE_DRAWN, undefined, { timeout: 600_000 });
    const firstOpen = performance.now() - firstStart;

    step('opening with stored peaks');
    const openTimes: number[] = [];
    for (let i = 0; i < opens; i++) {
      await cards.filter({ hasText: 'Short take' }).click();
      await page.waitForFunction(`${WAVE_DRAWN} && ${SHOWN_TITLE} === 'Short take'`);
      await page.waitForTimeout(300);
      openTimes.push(await openClip(page, 'Hour take'));
      await page.waitForTimeout(300);
    }

    step(`importing ${cueCount} cues`);
    const timeline = page.getByRole('region', { name: 'Cue timeline' });
    const files = page.waitForEvent('filechooser');
    await timeline.getByRole('button', { name: 'Import cues' }).click();
    await (await files).setFiles(csv);
    await timeline.locator('.cue-list__head').getByText(String(cueCount)).waitFor({ timeout: 120_000 });
    await page.waitForFunction(
      `(${WAVE_ROOT}?.querySelectorAll("[part~='marker'], [part~='region']").length ?? 0) >= ${cueCount}`,
      undefined,
      { timeout: 300_000, polling: 200 },
    );
    await page.waitForTimeout(500);
    step('frame times');
    const idle = await frameTimes(page, 'async () => new Promise((r) => setTimeout(r, 1000))');
    const scroll = await frameTimes(page, SCROLL_LIST);
    const zoomKeys = await frameTimes(page, ZOOM_KEYS);
    const zoomWheel = await frameTimes(page, ZOOM_WHEEL);

    console.log(
      `clip: ${minutes} min of 48 kHz stereo; ${cueCount} cues; load average ${loadavg()[0]?.toFixed(1) ?? '?'}`,
    );
    console.log(`first open (peaks computed in the background after import): ${firstOpen.toFixed(0)} ms`);
    console.log(
      `open with stored peaks, click to waveform drawn: ${openTimes.map((t) => t.toFixed(0)).join(', ')} ms (median ${median(openTimes).toFixed(0)} ms)`,
    );
    console.log(summary('idle', idle));
    console.log(summary('cue list scroll', scroll));
    console.log(summary('zoom by keys', zoomKeys));
    console.log(summary('zoom by wheel', zoomWheel));
  } finally {
    await browser.close();
    await stopServer(server.child);
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();

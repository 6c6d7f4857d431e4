/**
 * The cue timeline's speed in Chromium against the browser studio, as a creator meets it:
 * (a) opening a one-hour clip whose peaks are stored, from the click on its card in the library
 * to the waveform drawn (target under 300 ms), with where the time went (the peaks call's
 * request and reply, and the drawing after it); and (b) with 2,000 cues on that clip, the frame
 * times while the cue list scrolls and while the waveform zooms in and out by keys, by a mouse
 * wheel and by a trackpad (target p95 under 16.7 ms). Frame times are given two ways:
 * requestAnimationFrame deltas, which under vsync are whole multiples of 16.7 ms however little a frame cost, and the main thread's work per frame
 * from a performance trace (the renderer's tasks between one frame's start and the next), which
 * is what a frame really cost (wall time, and the thread's own CPU time, which load does not
 * stretch). Figures only, not a pass/fail test; the machine's other work moves
 * them, so the load average is printed with them. The generated sound is kept in the temp
 * directory between runs (encoding an hour takes a while).
 *
 *   npx tsx bench/timelineFrames.ts [minutes] [opens]
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { startServer, stopServer } from '../e2e/studio';
import { chromiumPath } from '../scripts/chromium.mjs';

const minutes = Number(process.argv[2] ?? '60');
const opens = Number(process.argv[3] ?? '7');
const cueCount = 2000;
/** Where to write a performance trace of one more open (for the DevTools Performance panel), if set. */
const profileOpen = process.env.BENCH_PROFILE_OPEN;
/** A folder to keep the frame runs' traces and CPU profiles in, if set. */
const traceDir = process.env.BENCH_TRACE_DIR;

// The page-side code is written as strings: this script type-checks without the DOM's types,
// and the page is opened with bypassCSP so the studio's CSP lets them run.
const WAVE_ROOT = "document.querySelector('.cue-timeline__wave > div')?.shadowRoot";
const WAVE_DRAWN = `((${WAVE_ROOT}?.querySelector('[part~="wave"] canvas')?.width ?? 0) > 0)`;
/** The title of the clip the inspector (and so the timeline under it) shows. */
const SHOWN_TITLE = "document.querySelector('.inspector__title')?.textContent";

/** Makes the bench's sound once per length and copies it from the temp directory afterwards. */
function makeAudio(path: string, seconds: number): void {
  const cacheDir = join(tmpdir(), 'shotline-bench-sound');
  const cached = join(cacheDir, `tone-${String(seconds)}s.m4a`);
  if (!existsSync(cached)) {
    mkdirSync(cacheDir, { recursive: true });
    encodeAudio(`${cached}.part.m4a`, seconds);
    renameSync(`${cached}.part.m4a`, cached);
  }
  copyFileSync(cached, path);
}

function encodeAudio(path: string, seconds: number): void {
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
 * Notes each call the page sends over the studio's socket and when each reply arrives (before
 * the page's own client reads it), so an open can be split into waiting for the peaks and the
 * work after them.
 */
const WIRE_TAP = `(() => {
  const Native = window.WebSocket;
  window.__wire = [];
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (event) => {
        if (typeof event.data !== 'string') return;
        const id = /"id":(\\d+)/.exec(event.data.slice(0, 60));
        window.__wire.push({ dir: 'in', t: performance.now(), id: id ? Number(id[1]) : -1, bytes: event.data.length });
      });
    }
    send(data) {
      try {
        const frame = JSON.parse(data);
        window.__wire.push({ dir: 'out', t: performance.now(), id: frame.id, name: frame.name });
      } catch {}
      return super.send(data);
    }
  };
})()`;

interface Opened {
  /** Click to the first frame showing the drawn waveform. */
  total: number;
  /** Click to the peaks call leaving the page, and to its reply arriving; -1 when not seen. */
  peaksSent: number;
  peaksReplied: number;
  peaksBytes: number;
  calls: string[];
}

/**
 * Clicks the card whose title is `title` from inside the page and resolves with the ms from the
 * click to the first animation frame that shows a drawn waveform, and what went over the wire.
 */
function openClip(page: Page, title: string): Promise<Opened> {
  return page.evaluate<Opened>(`new Promise((resolve, reject) => {
    const card = [...document.querySelectorAll('[aria-label="Clips"] [role="listitem"]')].find((li) => li.textContent.includes(${JSON.stringify(title)}));
    if (!card) return reject(new Error('no card for ${title}'));
    const target = card.querySelector('button') ?? card;
    window.__wire.length = 0;
    const start = performance.now();
    target.click();
    const check = () => {
      if (${WAVE_DRAWN} && ${SHOWN_TITLE} === ${JSON.stringify(title)}) {
        const total = performance.now() - start;
        const wire = window.__wire;
        const sent = wire.find((w) => w.dir === 'out' && w.name === 'cues.peakLevel');
        const reply = sent && wire.find((w) => w.dir === 'in' && w.id === sent.id);
        return resolve({
          total,
          peaksSent: sent ? sent.t - start : -1,
          peaksReplied: reply ? reply.t - start : -1,
          peaksBytes: reply ? reply.bytes : 0,
          calls: wire.filter((w) => w.dir === 'out' && w.t - start < total).map((w) => w.name),
        });
      }
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

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** The thread's own CPU time in the event; the wall time (`dur`) also counts time the thread waited for a core. */
  tdur?: number;
  args?: { name?: string };
}

/**
 * The renderer main thread's work per frame in a trace: the durations of its top-level tasks
 * summed from one frame's start (BeginMainThreadFrame) to the next, in ms; by the wall clock, or
 * by the thread's own CPU time, which the machine's other work does not stretch.
 */
export function workPerFrame(events: readonly TraceEvent[], clock: 'wall' | 'cpu' = 'wall'): number[] {
  const mains = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${String(e.pid)}:${String(e.tid)}`),
  );
  const byThread = new Map<string, { frames: number[]; tasks: TraceEvent[] }>();
  for (const e of events) {
    const thread = `${String(e.pid)}:${String(e.tid)}`;
    if (!mains.has(thread)) continue;
    let entry = byThread.get(thread);
    if (!entry) byThread.set(thread, (entry = { frames: [], tasks: [] }));
    if (e.name === 'BeginMainThreadFrame') entry.frames.push(e.ts);
    else if (e.name === 'ThreadControllerImpl::RunTask' && e.ph === 'X') entry.tasks.push(e);
  }
  // The page's renderer is the one that drew the most frames.
  const page = [...byThread.values()].sort((a, b) => b.frames.length - a.frames.length)[0];
  if (!page || page.frames.length < 2) return [];
  const frames = [...page.frames].sort((a, b) => a - b);
  const work = new Array<number>(frames.length - 1).fill(0);
  for (const task of page.tasks) {
    // The last frame whose start is at or before the task's.
    let lo = 0;
    let hi = frames.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((frames[mid] ?? 0) <= task.ts) lo = mid;
      else hi = mid - 1;
    }
    if (task.ts < (frames[0] ?? 0) || lo >= work.length) continue;
    work[lo] = (work[lo] ?? 0) + ((clock === 'cpu' ? task.tdur : undefined) ?? task.dur ?? 0) / 1000;
  }
  return work;
}

interface Frames {
  deltas: number[];
  work: number[];
  cpu: number[];
}

/** Frame times of `work` both ways: rAF deltas and main-thread work per frame from a trace. */
async function measured(browser: Browser, page: Page, name: string, work: string): Promise<Frames> {
  await browser.startTracing(page, {
    categories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline.frame'],
  });
  const cdp = traceDir ? await page.context().newCDPSession(page) : null;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
    await cdp.send('Profiler.start');
  }
  const deltas = await frameTimes(page, work);
  const buffer = await browser.stopTracing();
  if (traceDir && cdp) {
    writeFileSync(join(traceDir, `${name}.trace.json`), buffer);
    writeFileSync(join(traceDir, `${name}.cpuprofile`), JSON.stringify((await cdp.send('Profiler.stop')).profile));
  }
  const trace = JSON.parse(buffer.toString()) as { traceEvents: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(trace) ? trace : trace.traceEvents;
  return { deltas, work: workPerFrame(events), cpu: workPerFrame(events, 'cpu') };
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
  // The plugin listens on the scroller inside wavesurfer's shadow root; an event sent to the host never reaches it.
  const wave = document.querySelector('.cue-timeline__wave > div').shadowRoot.querySelector('[part~="scroll"]');
  const box = wave.getBoundingClientRect();
  const pause = () => new Promise((r) => requestAnimationFrame(() => r()));
  const wheel = (deltaY) => wave.dispatchEvent(new WheelEvent('wheel', { deltaY, clientX: box.left + box.width / 2, clientY: box.top + box.height / 2, bubbles: true, cancelable: true }));
  for (let i = 0; i < 30; i++) { wheel(-40); await pause(); }
  for (let i = 0; i < 30; i++) { wheel(40); await pause(); }
}`;

/**
 * Zooms as a trackpad does: several small wheel events within each frame (four a frame here),
 * where a mouse wheel sends one larger step.
 */
const ZOOM_TRACKPAD = `async () => {
  const wave = document.querySelector('.cue-timeline__wave > div').shadowRoot.querySelector('[part~="scroll"]');
  const box = wave.getBoundingClientRect();
  const pause = () => new Promise((r) => requestAnimationFrame(() => r()));
  const wheel = (deltaY) => wave.dispatchEvent(new WheelEvent('wheel', { deltaY, clientX: box.left + box.width / 3, clientY: box.top + box.height / 2, bubbles: true, cancelable: true }));
  for (let i = 0; i < 30; i++) { for (let k = 0; k < 4; k++) wheel(-10); await pause(); }
  for (let i = 0; i < 30; i++) { for (let k = 0; k < 4; k++) wheel(10); await pause(); }
}`;

function figures(values: number[]): string {
  const over = values.filter((d) => d > 16.7).length;
  return `${String(values.length)} frames, p50 ${median(values).toFixed(1)} ms, p95 ${percentile(values, 0.95).toFixed(1)} ms, max ${Math.max(...values).toFixed(1)} ms, ${String(over)} over 16.7 ms`;
}

function summary(name: string, run: Frames): string {
  return `${name}\n  rAF deltas: ${figures(run.deltas)}\n  main-thread work per frame: ${figures(run.work)}\n  main-thread CPU per frame: ${figures(run.cpu)}`;
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
    await page.addInitScript(WIRE_TAP);
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
    const openTimes: Opened[] = [];
    for (let i = 0; i < opens; i++) {
      await cards.filter({ hasText: 'Short take' }).click();
      await page.waitForFunction(`${WAVE_DRAWN} && ${SHOWN_TITLE} === 'Short take'`);
      await page.waitForTimeout(300);
      openTimes.push(await openClip(page, 'Hour take'));
      await page.waitForTimeout(300);
    }
    if (profileOpen) {
      await cards.filter({ hasText: 'Short take' }).click();
      await page.waitForFunction(`${WAVE_DRAWN} && ${SHOWN_TITLE} === 'Short take'`);
      await page.waitForTimeout(300);
      await browser.startTracing(page, {
        categories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline.frame', 'v8', 'blink'],
      });
      await openClip(page, 'Hour take');
      writeFileSync(profileOpen, await browser.stopTracing());
      process.stdout.write(`wrote a performance trace of one open to ${profileOpen}\n`);
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
    const idle = await measured(browser, page, 'idle', 'async () => new Promise((r) => setTimeout(r, 1000))');
    const scroll = await measured(browser, page, 'scroll', SCROLL_LIST);
    const zoomKeys = await measured(browser, page, 'zoom-keys', ZOOM_KEYS);
    const zoomWheel = await measured(browser, page, 'zoom-wheel', ZOOM_WHEEL);
    const zoomTrackpad = await measured(browser, page, 'zoom-trackpad', ZOOM_TRACKPAD);

    console.log(
      `clip: ${minutes} min of 48 kHz stereo; ${cueCount} cues; load average ${loadavg()[0]?.toFixed(1) ?? '?'}`,
    );
    console.log(`first open (peaks computed in the background after import): ${firstOpen.toFixed(0)} ms`);
    const totals = openTimes.map((o) => o.total);
    console.log(
      `open with stored peaks, click to waveform drawn: ${totals.map((t) => t.toFixed(0)).join(', ')} ms (median ${median(totals).toFixed(0)} ms)`,
    );
    console.log(
      `  peaks call sent at (median) ${median(openTimes.map((o) => o.peaksSent)).toFixed(0)} ms, reply in at ${median(openTimes.map((o) => o.peaksReplied)).toFixed(0)} ms (${((openTimes[0]?.peaksBytes ?? 0) / 1024).toFixed(0)} KiB), drawn at ${median(totals).toFixed(0)} ms`,
    );
    console.log(`  calls before the waveform was drawn: ${openTimes.at(-1)?.calls.join(', ') ?? ''}`);
    console.log(summary('idle', idle));
    console.log(summary('cue list scroll', scroll));
    console.log(summary('zoom by keys', zoomKeys));
    console.log(summary('zoom by wheel', zoomWheel));
    console.log(summary('zoom by trackpad (4 wheel events a frame)', zoomTrackpad));
  } finally {
    await browser.close();
    await stopServer(server.child);
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();

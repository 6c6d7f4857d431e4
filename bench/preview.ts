/**
 * Live preview speed. First the engine alone: for each example prompt, how long a preview takes
 * to its first frame (cold: a new worker; warm: the kept one) and how many times faster than
 * real time it draws. Then the Prompt view in Chromium against the browser studio (build first:
 * npx electron-vite build): the time from the last key typed to the first frame of the new
 * preview on screen, pause included, for a first preview and for later edits.
 *
 *   npx tsx bench/preview.ts [edits]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { startServer, stopServer } from '../e2e/studio';
import { chromiumPath } from '../scripts/chromium.mjs';
import { examplePrompts } from '../src/main/engine/examples';
import { EnginePreviewer } from '../src/main/engine/preview/previewer';
import { PREVIEW_FPS, PREVIEW_HEIGHT, PREVIEW_MAX_MS, PREVIEW_WIDTH } from '../src/shared/preview';

const edits = Number(process.argv[2] ?? '5');
const work = mkdtempSync(join(tmpdir(), 'shotline-preview-bench-'));

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};

async function engineAlone(): Promise<void> {
  console.log(`Engine alone, ${PREVIEW_WIDTH}x${PREVIEW_HEIGHT} at ${PREVIEW_FPS} fps (no pause, no transport):`);
  console.log('prompt          first frame cold  first frame warm  drawing speed');
  let run = 0;
  for (const [name, input] of Object.entries(examplePrompts)) {
    const times: number[] = [];
    let speed = 0;
    for (const fresh of [true, false]) {
      const previewer = fresh ? new EnginePreviewer() : shared;
      const began = performance.now();
      let first = 0;
      const { info } = await previewer.preview(
        {
          input,
          fromShot: 0,
          toShot: input.shots.length - 1,
          width: PREVIEW_WIDTH,
          height: PREVIEW_HEIGHT,
          fps: PREVIEW_FPS,
          seed: 1,
          maxMs: PREVIEW_MAX_MS,
          workDir: join(work, `run${run++}`),
        },
        {
          onFrame: (index) => {
            if (index === 0) first = performance.now() - began;
          },
        },
      );
      times.push(first);
      speed = info.durationMs / (performance.now() - began);
      if (fresh) await previewer.close();
    }
    console.log(
      `${name.padEnd(16)}${`${times[0]?.toFixed(0)} ms`.padEnd(18)}${`${times[1]?.toFixed(0)} ms`.padEnd(18)}${speed.toFixed(1)}x real time`,
    );
  }
}

const shared = new EnginePreviewer();

async function inChromium(): Promise<void> {
  const dataDir = join(work, 'data');
  const server = await startServer(dataDir);
  const path = chromiumPath();
  const browser = await chromium.launch({
    ...(path ? { executablePath: path } : {}),
    args: ['--no-sandbox', '--disable-gpu', '--autoplay-policy=no-user-gesture-required'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, bypassCSP: true });
    await page.goto(server.url);
    await page.getByRole('button', { name: 'New project' }).first().click();
    await page.getByRole('textbox', { name: 'Project name' }).fill('Bench');
    await page.getByRole('textbox', { name: 'Project name' }).press('Enter');
    await page.getByRole('tab', { name: 'Prompt' }).click();
    const editor = page.getByRole('textbox', { name: 'Prompt editor' });
    await editor.click();
    const frame = page.locator('.live-preview__frame');
    const pauses: number[] = [];
    const scenes = ['harbour at dusk', 'forest in the rain', 'city street at night', 'beach at noon', 'snowy field'];
    for (let i = 0; i <= edits; i++) {
      const before = await frame.getAttribute('data-preview');
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.type(
        `Scene: A man walks through a ${scenes[i % scenes.length] ?? 'meadow'}.\nCamera: slow push-in\nDuration: 4s`,
        { delay: 20 },
      );
      const typed = performance.now();
      // Written as a string: this script type-checks without the DOM's types.
      await page.waitForFunction(
        `(() => {
          const image = document.querySelector('.live-preview__frame');
          const shown = image?.dataset.preview;
          return shown !== undefined && shown !== ${JSON.stringify(before)} && image.dataset.frame !== undefined;
        })()`,
        undefined,
        { timeout: 60_000, polling: 10 },
      );
      pauses.push(performance.now() - typed);
      // Let it play out, as a creator reading it would.
      await page.waitForTimeout(1500);
    }
    const [cold, ...warm] = pauses;
    console.log('');
    console.log('Prompt view in Chromium, last key to first frame of the new preview (the 500 ms pause included):');
    console.log(`  first preview (new worker): ${cold?.toFixed(0)} ms`);
    console.log(
      `  later edits: median ${median(warm).toFixed(0)} ms, each ${warm.map((m) => m.toFixed(0)).join(', ')} ms`,
    );
  } finally {
    await browser.close();
    await stopServer(server.child);
  }
}

try {
  await engineAlone();
  await inChromium();
} finally {
  await shared.close();
  rmSync(work, { recursive: true, force: true });
}

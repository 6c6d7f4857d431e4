/**
 * The cue timeline in Chromium against the browser studio (build first: npx electron-vite build):
 * how long a 10-minute clip's waveform takes to appear the first time (peaks computed and
 * stored) and the next (peaks read back), how long 2,000 imported cues take to show, and how
 * many waveform regions and list rows one label edit touches (it should be one region).
 *
 *   npx tsx bench/cueTimeline.ts [minutes]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { startServer, stopServer } from '../e2e/studio';
import { chromiumPath } from '../scripts/chromium.mjs';

const minutes = Number(process.argv[2] ?? '10');
const cueCount = 2000;

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await work();
  return [value, performance.now() - start];
}

// The page-side checks are written as strings: this script type-checks without the DOM's types.
const WAVE_ROOT = "document.querySelector('.cue-timeline__wave > div')?.shadowRoot";

async function waveformShown(page: Page): Promise<void> {
  await page.waitForFunction(`(${WAVE_ROOT}?.querySelector('canvas')?.width ?? 0) > 0`, undefined, {
    timeout: 300_000,
  });
}

/** Starts counting the region elements that change (the edit should change one). */
const WATCH_REGIONS = `(() => {
  const regions = ${WAVE_ROOT}?.querySelector('[part="regions-container"]');
  const touched = new Set();
  new MutationObserver((records) => {
    for (const record of records) {
      let node = record.target;
      while (node && node.parentNode !== regions) node = node.parentNode;
      if (node) touched.add(node);
    }
  }).observe(regions, { subtree: true, childList: true, attributes: true, characterData: true });
  window.touchedRegions = touched;
})()`;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'shotline-bench-'));
  const clip = join(dir, 'Long take.m4a');
  const made = spawnSync('ffmpeg', [
    '-v',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    `sine=frequency=330:duration=${minutes * 60}`,
    '-af',
    'volume=enable=lt(mod(t\\,3)\\,1):volume=4',
    '-c:a',
    'aac',
    '-b:a',
    '64k',
    clip,
  ]);
  if (made.status !== 0) throw new Error(made.stderr.toString());
  const lines = ['start,end,label,kind,note,color'];
  const kinds = ['sfx', 'dialogue', 'music', 'ambience', 'note'];
  for (let i = 0; i < cueCount; i++) {
    const start = ((i * (minutes * 60 - 2)) / cueCount).toFixed(3);
    lines.push(`${start},,Cue ${i + 1},${kinds[i % kinds.length] ?? 'note'},,`);
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
    // The page-side checks are strings, which the studio's CSP would refuse to evaluate.
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, bypassCSP: true });
    await page.goto(server.url);
    await page.getByRole('button', { name: 'New project' }).first().click();
    await page.getByRole('textbox', { name: 'Project name' }).fill('Bench');
    await page.getByRole('textbox', { name: 'Project name' }).press('Enter');
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import clips' }).first().click();
    await (await chooser).setFiles(clip);
    const card = page.getByRole('list', { name: 'Clips' }).getByRole('listitem').first();
    await card.waitFor({ timeout: 120_000 });

    const [, firstOpen] = await timed(async () => {
      await card.click();
      await waveformShown(page);
    });
    await page.reload();
    const [, secondOpen] = await timed(async () => {
      const again = page.getByRole('list', { name: 'Clips' }).getByRole('listitem').first();
      if (!(await page.getByRole('region', { name: 'Cue timeline' }).isVisible())) await again.click();
      await waveformShown(page);
    });

    const timeline = page.getByRole('region', { name: 'Cue timeline' });
    const files = page.waitForEvent('filechooser');
    await timeline.getByRole('button', { name: 'Import cues' }).click();
    const [, importMs] = await timed(async () => {
      await (await files).setFiles(csv);
      await timeline.locator('.cue-list__head').getByText(String(cueCount)).waitFor({ timeout: 120_000 });
    });
    const [, drawnMs] = await timed(() =>
      page.waitForFunction(
        `(${WAVE_ROOT}?.querySelectorAll("[part~='marker']").length ?? 0) >= ${cueCount}`,
        undefined,
        {
          timeout: 300_000,
          polling: 100,
        },
      ),
    );
    const rows = await timeline.getByRole('list', { name: 'Cues' }).getByRole('listitem').count();

    // Count what one label edit changes in the waveform's regions and in the list.
    await page.evaluate(WATCH_REGIONS);
    await timeline.getByRole('list', { name: 'Cues' }).getByRole('listitem').first().click();
    await page.waitForTimeout(300);
    await page.evaluate('window.touchedRegions.clear()');
    const label = timeline.getByRole('textbox', { name: 'Cue label' });
    const [, editMs] = await timed(async () => {
      await label.fill('renamed');
      await label.press('Enter');
      await timeline.getByRole('list', { name: 'Cues' }).getByText('renamed').waitFor();
    });
    await page.waitForTimeout(500);
    const touched = Number(await page.evaluate('window.touchedRegions.size'));

    console.log(`clip: ${minutes} min of sound; ${cueCount} cues`);
    console.log(`waveform, first open (peaks computed and stored): ${firstOpen.toFixed(0)} ms`);
    console.log(`waveform, next open (stored peaks read):          ${secondOpen.toFixed(0)} ms`);
    console.log(`import ${cueCount} cues until the list shows them:      ${importMs.toFixed(0)} ms`);
    console.log(`then until all ${cueCount} regions are drawn:        ${drawnMs.toFixed(0)} ms`);
    console.log(`list rows in the DOM for ${cueCount} cues:                ${rows}`);
    console.log(`one label edit, Enter to list updated:            ${editMs.toFixed(0)} ms`);
    console.log(`waveform regions touched by that edit:            ${touched}`);
  } finally {
    await browser.close();
    await stopServer(server.child);
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();

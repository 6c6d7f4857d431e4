import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, importInto, makeClip, test } from './studio';
/** Twenty cues of every kind, points and ranges, some with notes, as a foley pass leaves them. */
const CUES_CSV = [
  'start,end,label,kind,note',
  '0.400,,door creak,sfx,',
  '0.900,9.000,rain on the window,ambience,steady bed',
  '1.600,,Anna: "Who\'s there?",dialogue,',
  '2.200,,footsteps on gravel,sfx,',
  '2.900,6.500,low strings,music,swell under the line',
  '3.400,,glass clink,sfx,',
  '4.100,,Ben: "Only me.",dialogue,a little louder',
  '4.800,,check the grade here,note,',
  '5.300,,door slam,sfx,lands late',
  '6.000,7.200,thunder roll,sfx,',
  '6.700,,Anna: "You\'re soaked.",dialogue,',
  '7.500,12.000,wind in the trees,ambience,',
  '8.200,,kettle click,sfx,',
  '9.100,,too quiet?,note,compare with take 2',
  '9.800,14.000,piano motif,music,',
  '10.600,,Ben: "Is there tea?",dialogue,',
  '11.300,,cup on saucer,sfx,',
  '12.400,,chair scrape,sfx,',
  '13.200,,end the cue here,note,',
  '14.000,,clock chime,sfx,',
].join('\n');

test('at 1400×900 the timeline with twenty cues shows a usable list beside the waveform, the editor and the export menu', async ({
  page,
  studio,
  workDir,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1400, height: 900 });
  await importInto(page, studio.url, makeClip(join(workDir, 'Kitchen.mp4'), 15), 'Kitchen');
  const timeline = page.getByRole('region', { name: 'Cue timeline' });
  await expect(timeline.locator('[part~="wave"] canvas')).toBeVisible({ timeout: 30_000 });
  await timeline
    .getByLabel('Cue file')
    .setInputFiles({ name: 'foley.csv', mimeType: 'text/csv', buffer: Buffer.from(CUES_CSV) });
  await expect(timeline.getByRole('status').filter({ hasText: 'Imported' })).toHaveText('Imported 20 cues.');

  const rows = timeline.getByRole('list', { name: 'Cues' }).getByRole('listitem');
  await rows.filter({ hasText: 'door slam' }).click();
  await expect(timeline.getByRole('textbox', { name: 'Cue label' })).toHaveValue('door slam');
  // The picture has sought there too: the waveform's cursor stands on the cue (5.3 s of 15).
  await expect
    .poll(() =>
      timeline
        .locator('.cue-timeline__wave > div')
        .evaluate((host) => host.shadowRoot?.querySelector<HTMLElement>('[part~="cursor"]')?.style.left ?? ''),
    )
    .toMatch(/^35\.3/);
  await page.screenshot({ path: 'test-results/cue-timeline-1400x900.png' });

  // A creator reads the list: at this size it shows a screenful of cues, not three or four.
  let whole = 0;
  for (const row of await rows.all()) if (await row.isVisible()) whole += (await isWhollyInList(row)) ? 1 : 0;
  expect(whole).toBeGreaterThanOrEqual(6);

  await timeline.getByRole('button', { name: 'Export cues' }).click();
  await expect(page.getByRole('menuitem', { name: 'DaVinci Resolve EDL' })).toBeInViewport({ ratio: 1 });
  await page.screenshot({ path: 'test-results/cue-export-menu-1400x900.png' });
});

/** Whether a row is wholly on screen: inside the window and every box that clips it (the list's scroller, the side panel). */
async function isWhollyInList(row: Locator): Promise<boolean> {
  return row.evaluate((element) => {
    const r = element.getBoundingClientRect();
    if (r.height === 0 || r.top < 0 || r.bottom > window.innerHeight) return false;
    for (let box = element.parentElement; box && box !== document.body; box = box.parentElement) {
      if (getComputedStyle(box).overflowY === 'visible') continue;
      const view = box.getBoundingClientRect();
      if (r.top < view.top - 0.5 || r.bottom > view.bottom + 0.5) return false;
    }
    return true;
  });
}

/** The brightest pixel on screen in a box of the page, as luminance 0–255 (read from a screenshot). */
async function brightestIn(page: Page, box: { x: number; y: number; width: number; height: number }): Promise<number> {
  const png = await page.screenshot({ clip: box });
  return page.evaluate(
    async (bytes) => {
      const bitmap = await createImageBitmap(new Blob([new Uint8Array(bytes)], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d');
      if (!context) return -1;
      context.drawImage(bitmap, 0, 0);
      const { data } = context.getImageData(0, 0, bitmap.width, bitmap.height);
      let best = 0;
      for (let i = 0; i < data.length; i += 4)
        best = Math.max(best, 0.2126 * (data[i] ?? 0) + 0.7152 * (data[i + 1] ?? 0) + 0.0722 * (data[i + 2] ?? 0));
      return best;
    },
    [...png],
  );
}

/** Where the waveform's parts are on the page: its strip, the cursor's x, and wavesurfer's whole element. */
function waveBoxes(page: Page): Promise<{ strip: DOMRect; cursorX: number; host: DOMRect; box: DOMRect }> {
  return page.evaluate(() => {
    const box = document.querySelector<HTMLElement>('.cue-timeline__wave');
    const host = box?.firstElementChild;
    const strip = host?.shadowRoot?.querySelector('[part~="wave"]');
    const cursor = host?.shadowRoot?.querySelector('[part~="cursor"]');
    if (!box || !host || !strip || !cursor) throw new Error('no waveform');
    return {
      strip: strip.getBoundingClientRect().toJSON() as DOMRect,
      cursorX: cursor.getBoundingClientRect().left,
      host: host.getBoundingClientRect().toJSON() as DOMRect,
      box: box.getBoundingClientRect().toJSON() as DOMRect,
    };
  });
}

test('at 1280×800 the played part of the waveform is brighter, the waveform fills the track down to the drift report, and the toolbar keeps to one line', async ({
  page,
  studio,
  workDir,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await importInto(page, studio.url, makeClip(join(workDir, 'Kitchen.mp4'), 8), 'Kitchen');
  const timeline = page.getByRole('region', { name: 'Cue timeline' });
  await expect(timeline.locator('[part~="wave"] canvas')).toBeVisible({ timeout: 30_000 });
  // As tall as it goes (its default at this size leaves two rows of cards above it).
  await page.getByRole('separator', { name: 'Cue timeline height' }).focus();
  await page.keyboard.press('End');
  const drift = timeline.locator('.cue-drift');
  await expect(drift).toContainText('not made from a prompt');
  await timeline.getByRole('status', { name: 'Playhead' }).click();
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowRight');
  await expect(timeline.getByRole('status', { name: 'Playhead' })).toHaveText('00:03.000');
  await page.mouse.move(0, 0);

  // The tone is as loud throughout: only the playhead tells the two halves apart.
  // The cursor stands at 3 s of 8.
  const cursorAt = async (): Promise<number> => {
    const { strip, cursorX } = await waveBoxes(page);
    return Math.abs((cursorX - strip.x) / strip.width - 3 / 8);
  };
  await expect.poll(cursorAt).toBeLessThan(0.01);
  const { strip, cursorX } = await waveBoxes(page);
  const half = (from: number, to: number) => ({ x: from, y: strip.y, width: to - from, height: strip.height });
  const played = await brightestIn(page, half(strip.x + 8, cursorX - 8));
  const ahead = await brightestIn(page, half(cursorX + 8, strip.right - 8));
  expect(ahead).toBeGreaterThan(60);
  expect(played).toBeGreaterThan(ahead + 40);

  // No empty band: the waveform takes the height the drift report leaves, and the report is as
  // high as its text, ending at the track's padding.
  const { host, box } = await waveBoxes(page);
  expect(strip.height).toBeGreaterThan(156);
  expect(Math.abs(box.bottom - host.bottom)).toBeLessThanOrEqual(1);
  const gaps = await drift.evaluate((element) => {
    const last = element.lastElementChild?.getBoundingClientRect();
    const track = element.parentElement;
    if (!last || !track) throw new Error('no drift report');
    const own = element.getBoundingClientRect();
    const inside = own.bottom - last.bottom;
    const below = track.getBoundingClientRect().bottom - parseFloat(getComputedStyle(track).paddingBottom) - own.bottom;
    return { inside, below };
  });
  expect(gaps.inside).toBeLessThanOrEqual(2);
  expect(Math.abs(gaps.below)).toBeLessThanOrEqual(2);

  // With a range marked, the toolbar still keeps to one line, no control broken over two.
  await timeline.getByRole('status', { name: 'Playhead' }).click();
  await page.keyboard.press('i');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('o');
  await expect(timeline.locator('[aria-label="Range marks"]')).toHaveText(/00:03\.000.*00:04\.000/);
  const controls = await timeline.getByRole('toolbar', { name: 'Cue tools' }).evaluate((bar) =>
    [...bar.children].map((child) => {
      const r = child.getBoundingClientRect();
      return {
        name: child.getAttribute('aria-label') ?? child.textContent,
        middle: r.top + r.height / 2,
        height: r.height,
      };
    }),
  );
  for (const control of controls) {
    expect(control.height, `${control.name} stays one line`).toBeLessThanOrEqual(32);
    expect(
      Math.abs(control.middle - (controls[0]?.middle ?? 0)),
      `${control.name} is on the first line`,
    ).toBeLessThanOrEqual(3);
  }
  await page.screenshot({ path: 'test-results/cue-timeline-1280x800.png' });
});

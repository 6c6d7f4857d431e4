import { join } from 'node:path';
import type { Locator } from '@playwright/test';
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

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, importInto, test } from './studio';

/** A 6-second clip whose sound is silent but for two tone bursts, at 1.0–1.5 s and 4.0–4.5 s. */
function makeBurstClip(path: string): string {
  const result = spawnSync('ffmpeg', [
    '-v',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    'testsrc2=duration=6:size=320x180:rate=25',
    '-f',
    'lavfi',
    '-i',
    "aevalsrc='if(between(t,1,1.5)+between(t,4,4.5),0.8*sin(2*PI*660*t),0)':d=6:s=44100",
    '-shortest',
    '-c:v',
    'libx264',
    '-pix_fmt',
    'yuv420p',
    '-c:a',
    'aac',
    '-movflags',
    '+faststart',
    path,
  ]);
  if (result.status !== 0) throw new Error(`ffmpeg could not make the clip: ${result.stderr.toString()}`);
  return path;
}

/** How much ink the waveform's canvas has in a one-pixel column at `fraction` of its width. */
function inkAt(page: Page, fraction: number): Promise<number> {
  return page.evaluate((at) => {
    const host = document.querySelector('.cue-timeline__wave > div');
    const canvas = host?.shadowRoot?.querySelector<HTMLCanvasElement>('[part~="wave"] canvas');
    const context = canvas?.getContext('2d');
    if (!canvas || !context) return -1;
    const x = Math.min(canvas.width - 1, Math.round(canvas.width * at));
    const { data } = context.getImageData(x, 0, 1, canvas.height);
    let ink = 0;
    for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) ink += 1;
    return ink;
  }, fraction);
}

test('a creator marks a cue on the waveform, exports it, finds it after a reload and turns it into a prompt direction', async ({
  page,
  studio,
  workDir,
}) => {
  const clipPath = makeBurstClip(join(workDir, 'Door slam.mp4'));
  const card = await importInto(page, studio.url, clipPath, 'Door slam');

  const timeline = page.getByRole('region', { name: 'Cue timeline' });
  await expect(timeline).toBeVisible();
  await expect(timeline.locator('[part~="wave"] canvas')).toBeVisible({ timeout: 30_000 });
  // The bursts are drawn where they sound, and the silence between them is flat.
  await expect.poll(() => inkAt(page, 1.25 / 6), { timeout: 15_000 }).toBeGreaterThan(20);
  expect(await inkAt(page, 2.75 / 6)).toBeLessThan(6);
  expect(await inkAt(page, 4.25 / 6)).toBeGreaterThan(20);

  const playhead = timeline.getByRole('status', { name: 'Playhead' });
  // Keys go to the timeline once focus is back on the page.
  await playhead.click();
  await page.keyboard.press('End');
  await expect(playhead).not.toHaveText('00:00.000');
  await page.keyboard.press('Home');
  await expect(playhead).toHaveText('00:00.000');
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowRight');
  await expect(playhead).toHaveText('00:03.000');

  await page.keyboard.press('m');
  const label = timeline.getByRole('textbox', { name: 'Cue label' });
  await expect(label).toBeFocused();
  await expect(label).toHaveValue('Cue 1');
  await page.keyboard.type('door slam');
  await page.keyboard.press('Enter');
  const list = timeline.getByRole('list', { name: 'Cues' });
  await expect(list.getByRole('listitem')).toHaveText([/00:03\.000\s*door slam\s*sfx/]);

  await timeline.getByRole('button', { name: 'Export cues' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'Audacity labels' }).click();
  const file = await (await download).path();
  expect(readFileSync(file, 'utf8').split('\n')).toContain('3.000000\t3.000000\tdoor slam [sfx]');

  await page.reload();
  const again = page.getByRole('region', { name: 'Cue timeline' });
  if (!(await again.isVisible())) await card.click();
  await expect(again.getByRole('list', { name: 'Cues' }).getByRole('listitem')).toHaveText([/00:03\.000\s*door slam/]);

  await again.getByRole('button', { name: 'Cues to prompt' }).click();
  const editor = page.getByRole('textbox', { name: 'Prompt editor' });
  await expect(editor).toBeVisible();
  await expect(editor).toContainText('Audio: door slam at 00:03');
});

import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, makeClip, test } from './studio';

async function importInto(page: Page, url: string, clipPath: string, title: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('button', { name: 'New project' }).first().click();
  const name = page.getByRole('textbox', { name: 'Project name' });
  await name.fill('Foley pass');
  await name.press('Enter');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import clips' }).first().click();
  await (await chooser).setFiles(clipPath);
  const card = page.getByRole('list', { name: 'Clips' }).getByRole('listitem').filter({ hasText: title });
  await expect(card).toBeVisible({ timeout: 30_000 });
  await card.click();
}

/** Moves the player as its own controls do: the timeline learns it from the media element. */
async function scrubPlayer(page: Page, seconds: number): Promise<void> {
  await page.evaluate(async (at) => {
    const video = document.querySelector<HTMLVideoElement>('video[aria-label="Player"]');
    if (!video) throw new Error('no player');
    const seeked = new Promise((resolve) => video.addEventListener('seeked', resolve, { once: true }));
    video.currentTime = at;
    await seeked;
  }, seconds);
}

/** Runs in the page: asks for waveform peaks wait until the test lets them go. */
function holdPeaks(): void {
  const send = Object.getOwnPropertyDescriptor(WebSocket.prototype, 'send')?.value as (
    this: WebSocket,
    data: string | ArrayBufferLike | Blob | ArrayBufferView,
  ) => void;
  const held: [WebSocket, string][] = [];
  let holding = true;
  WebSocket.prototype.send = function (this: WebSocket, data: string | ArrayBufferLike | Blob | ArrayBufferView) {
    if (holding && typeof data === 'string' && data.includes('"name":"cues.peaks"')) held.push([this, data]);
    else send.call(this, data);
  };
  (window as unknown as { releasePeaks: () => void }).releasePeaks = () => {
    holding = false;
    for (const [socket, data] of held.splice(0)) send.call(socket, data);
  };
}

test('the first M marks the time the player shows, even before the waveform is drawn', async ({
  page,
  studio,
  workDir,
}) => {
  // The waveform's peaks are held back, as while they are still being computed for a new import.
  await page.addInitScript(holdPeaks);
  await importInto(page, studio.url, makeClip(join(workDir, 'Door slam.mp4'), 6), 'Door slam');

  const timeline = page.getByRole('region', { name: 'Cue timeline' });
  await expect(timeline.getByText('Drawing the waveform…')).toBeVisible();
  const playhead = timeline.getByRole('status', { name: 'Playhead' });
  await scrubPlayer(page, 3);
  await expect(playhead).toHaveText('00:03.000');
  await playhead.click();
  await page.keyboard.press('m');
  const label = timeline.getByRole('textbox', { name: 'Cue label' });
  await expect(label).toBeFocused();
  await page.keyboard.type('door slam');
  await page.keyboard.press('Enter');
  const list = timeline.getByRole('list', { name: 'Cues' });
  await expect(list.getByRole('listitem')).toHaveText([/00:03\.000\s*door slam/]);

  // Once drawn, the marker sits at 3 s of 6, and the stored time is still 3 s.
  await page.evaluate(() => (window as unknown as { releasePeaks: () => void }).releasePeaks());
  await expect(timeline.locator('canvas').first()).toBeVisible({ timeout: 30_000 });
  const markerLeft = (): Promise<string[]> =>
    page.evaluate(() => {
      const host = document.querySelector('.cue-timeline__wave > div');
      const parts = host?.shadowRoot?.querySelectorAll<HTMLElement>('[part~="marker"]') ?? [];
      return [...parts].map((element) => element.style.left);
    });
  await expect.poll(markerLeft).toEqual(['50%']);
  await page.reload();
  const again = page.getByRole('region', { name: 'Cue timeline' });
  if (!(await again.isVisible()))
    await page.getByRole('list', { name: 'Clips' }).getByRole('listitem').filter({ hasText: 'Door slam' }).click();
  await expect(again.getByRole('list', { name: 'Cues' }).getByRole('listitem')).toHaveText([/00:03\.000\s*door slam/]);
});

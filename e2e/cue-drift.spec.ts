import { join } from 'node:path';
import { openPromptStudio, paste } from './prompt-helpers';
import { expect, importInto, test } from './studio';
import { makeBurstClip } from '../test/support/bursts';

const BELL = `Title: Harbour bell
Scene: A fishing boat rocks beside a harbour wall at dusk.
Camera: Static wide shot at eye level.
Audio: Waves against the wall, bell at 00:01
Size: 320x180
Duration: 2s`;

test('a clip rendered from a prompt shows where its bell was heard against where it was asked', async ({
  page,
  studio,
}) => {
  test.setTimeout(150_000);
  const editor = await openPromptStudio(page, studio.url, 'Harbour film');
  await paste(editor, BELL);
  const compiled = page.getByRole('region', { name: 'Compiled prompt' });
  await compiled.getByRole('combobox', { name: 'Provider' }).selectOption('local');
  await page.getByRole('button', { name: 'Queue', exact: true }).click();
  await page.getByRole('tab', { name: 'Library' }).click();
  const card = page.getByRole('list', { name: 'Clips' }).getByRole('listitem').filter({ hasText: 'Harbour bell' });
  await expect(card).toBeVisible({ timeout: 120_000 });
  await card.click();

  const timeline = page.getByRole('region', { name: 'Cue timeline' });
  const drift = timeline.getByRole('group', { name: 'Drift' });
  const bell = drift.getByRole('list', { name: 'Drift by direction' }).getByRole('listitem');
  await expect(bell).toHaveCount(1, { timeout: 30_000 });
  await expect(bell).toContainText('bell');
  await expect(bell).toContainText('00:01.000 →');
  // The built-in engine places a directed sound within 20 ms of its time (its own tests say so).
  const text = (await bell.textContent()) ?? '';
  const match = /([+−]?)(\d+) ms/.exec(text);
  expect(match, text).not.toBeNull();
  expect(Number(match?.[2])).toBeLessThanOrEqual(20);
  const heard = /→ 00:(\d\d)\.(\d{3})/.exec(text);
  expect(Math.abs(Number(heard?.[1]) * 1000 + Number(heard?.[2]) - 1000)).toBeLessThanOrEqual(20);

  // On the waveform: a mark from asked to heard.
  await expect
    .poll(() =>
      page.evaluate(() => {
        const host = document.querySelector('.cue-timeline__wave > div');
        return host?.shadowRoot?.querySelectorAll('.drift-marks .drift-tick--heard').length ?? -1;
      }),
    )
    .toBe(1);

  // A cue marked at the bell's time carries its drift in the cue list.
  const playhead = timeline.getByRole('status', { name: 'Playhead' });
  await playhead.click();
  await page.keyboard.press('Home');
  await page.keyboard.press('Shift+ArrowRight');
  await expect(playhead).toHaveText('00:01.000');
  await page.keyboard.press('m');
  await expect(timeline.getByRole('textbox', { name: 'Cue label' })).toBeFocused();
  await page.keyboard.type('bell');
  await page.keyboard.press('Enter');
  const row = timeline.getByRole('list', { name: 'Cues' }).getByRole('listitem');
  await expect(row).toHaveText([/00:01\.000\s*bell\s*[+−]?\d+ ms\s*sfx/]);
});

test('a clip that was not made from a prompt says there is nothing to measure', async ({ page, studio, workDir }) => {
  const clipPath = await makeBurstClip(join(workDir, 'Field recording.mp4'), { seconds: 3, burstsMs: [1000] });
  await importInto(page, studio.url, clipPath, 'Field recording', 'Imports');
  const drift = page.getByRole('region', { name: 'Cue timeline' }).getByRole('group', { name: 'Drift' });
  await expect(drift).toContainText('This clip was not made from a prompt here', { timeout: 30_000 });
});

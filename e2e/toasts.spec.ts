import { join } from 'node:path';
import type { Locator } from '@playwright/test';
import { expect, importClips, makeClip, test } from './studio';

const SHOTS = process.env['SHOTS'] ?? process.env['SHOTLINE_SHOTS'];

type Box = { x: number; y: number; width: number; height: number };

async function boxOf(locator: Locator): Promise<Box> {
  const box = await locator.boundingBox();
  if (!box) throw new Error(`${locator.toString()} has no box`);
  return box;
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

test('at 1280×800 a run of quick library edits shows at most two toasts, and none covers the inspector’s rating, colour label or tag field', async ({
  page,
  studio,
  workDir,
}) => {
  test.setTimeout(180_000);
  const files = ['Harbour at dawn', 'Alley in the rain', 'Market crowd'].map((title, i) =>
    makeClip(join(workDir, `${title}.mp4`), 1 + i),
  );
  await page.setViewportSize({ width: 1280, height: 800 });
  const grid = await importClips(page, studio.url, files, 'Night shoot');
  const button = (title: string): Locator =>
    grid.getByRole('listitem').filter({ hasText: title }).getByRole('button', { name: title });
  const bar = page.getByRole('toolbar', { name: 'Selected clips' });
  const notes = page.getByRole('region', { name: 'Notifications' }).locator('.toast');

  // Several quick edits: rename two clips, then rate and tag all three, rate them again and take
  // that back with Ctrl+Z on one clip; each edit to several clips and each undo says so in a toast.
  for (const [title, renamed] of [
    ['Alley in the rain', 'Alley, take 2'],
    ['Harbour at dawn', 'Harbour, take 2'],
  ] as const) {
    await button(title).click();
    await page.keyboard.press('F2');
    const titleBox = page.getByRole('textbox', { name: 'Clip title' });
    await titleBox.fill(renamed);
    await titleBox.press('Enter');
    await expect(button(renamed)).toBeVisible();
  }
  await button('Harbour, take 2').click();
  await page.keyboard.press('ControlOrMeta+a');
  await expect(bar).toContainText('3 selected');
  const rate = bar.getByRole('combobox', { name: 'Rate selected' });
  await rate.selectOption({ label: '★★★★' });
  const tag = bar.getByRole('textbox', { name: 'Tag selected' });
  await tag.fill('rain');
  await tag.press('Enter');
  await rate.selectOption({ label: '★★' });
  await button('Harbour, take 2').click();
  await expect(bar).toHaveCount(0);
  await page.keyboard.press('ControlOrMeta+z');
  await expect(page.getByText('Undone: Rate 3 clips 2 stars')).toBeVisible();

  const organiser = page.getByRole('complementary', { name: 'Inspector' }).getByRole('region', { name: 'Organise' });
  const controls = {
    Rating: organiser.getByRole('radiogroup', { name: 'Rating' }),
    'Colour label': organiser.getByRole('radiogroup', { name: 'Colour label' }),
    'Add tag': organiser.getByRole('textbox', { name: 'Add tag' }),
    // The stack sits above the open cue timeline, not over its controls.
    'Cue timeline': page.getByRole('region', { name: 'Cue timeline' }),
  };
  if (SHOTS) await page.screenshot({ path: join(SHOTS, 'toasts-1280.png') });
  for (const note of await notes.all()) {
    const noteBox = await boxOf(note);
    for (const [name, control] of Object.entries(controls)) {
      await expect(control).toBeInViewport();
      const box = await boxOf(control);
      expect(overlaps(noteBox, box), `a toast covers ${name}: ${JSON.stringify({ noteBox, box })}`).toBe(false);
    }
  }
  // The newest two notes show: the last bulk edit with its Undo, and the undo of it.
  await expect(notes).toHaveCount(2);
  await expect(notes.first()).toContainText('Rated 3 clips 2 stars');
  await expect(notes.first().getByRole('button', { name: 'Undo' })).toBeVisible();
  // The inspector's controls stay usable while the toasts show.
  await controls.Rating.getByRole('radio', { name: '2 stars' }).click();
  await expect(controls.Rating.getByRole('radio', { name: '2 stars' })).toHaveAttribute('aria-checked', 'true');
});

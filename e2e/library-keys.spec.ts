import { join } from 'node:path';
import type { Locator } from '@playwright/test';
import { expect, importClips, makeClip, test } from './studio';

const SHOTS = process.env['SHOTS'] ?? process.env['SHOTLINE_SHOTS'];

/** Whether an element's content fits its box without being cut or scrolled sideways. */
function fitsSideways(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => element.scrollWidth <= element.clientWidth + 1);
}

test('Delete and Ctrl+A act on the chosen clips in the grid and list; several chosen show as a selection in the inspector', async ({
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
  const card = (title: string): Locator => grid.getByRole('listitem').filter({ hasText: title });
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  const bar = page.getByRole('toolbar', { name: 'Selected clips' });

  await card('Harbour at dawn').click();
  await expect(inspector.getByRole('region', { name: 'Clip details' })).toBeVisible();
  await card('Market crowd').click({ modifiers: ['ControlOrMeta'] });
  await expect(bar).toContainText('2 selected');
  // The inspector speaks of both clips, not of the last one clicked.
  await expect(inspector.getByRole('heading', { name: '2 clips selected' })).toBeVisible();
  await expect(inspector.getByRole('region', { name: 'Clip details' })).toHaveCount(0);
  await expect(inspector.getByLabel('Player')).toHaveCount(0);
  // 1 s and 3 s of clip, together.
  await expect(inspector.getByText('00:04.0')).toBeVisible();
  await expect(inspector.getByText(/^\d+(\.\d)? (KB|MB)$/)).toBeVisible();

  // Ctrl+click on a chosen clip leaves it out: the inspector shows the one still chosen.
  await card('Alley in the rain').click({ modifiers: ['ControlOrMeta'] });
  await expect(inspector.getByRole('heading', { name: '3 clips selected' })).toBeVisible();
  await card('Alley in the rain').click({ modifiers: ['ControlOrMeta'] });
  await card('Market crowd').click({ modifiers: ['ControlOrMeta'] });
  await expect(bar).toHaveCount(0);
  await expect(inspector.getByRole('region', { name: 'Clip details' })).toContainText('Harbour at dawn');
  await card('Market crowd').click({ modifiers: ['ControlOrMeta'] });
  await expect(bar).toContainText('2 selected');

  // Typing in the bar's tag field keeps Delete and Ctrl+A for the text.
  const tag = bar.getByRole('textbox', { name: 'Tag selected' });
  await tag.fill('dusk');
  await tag.press('ControlOrMeta+a');
  await tag.press('Delete');
  await expect(tag).toHaveValue('');
  await expect(grid.getByRole('listitem')).toHaveCount(3);
  await expect(bar).toContainText('2 selected');

  // Delete with focus on a card moves every chosen clip to the Trash, with Undo.
  await card('Market crowd').getByRole('button', { name: 'Market crowd' }).focus();
  await page.keyboard.press('Delete');
  await expect(page.getByText('Moved 2 clips to the Trash')).toBeVisible();
  await expect(grid.getByRole('listitem')).toHaveCount(1);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(grid.getByRole('listitem')).toHaveCount(3);
  await expect(bar).toContainText('2 selected');

  // A card's own Delete clip takes that clip only, though it is one of those chosen.
  await card('Market crowd').hover();
  await card('Market crowd').getByRole('button', { name: 'Delete clip' }).click();
  await expect(page.getByText('Moved 1 clip to the Trash')).toBeVisible();
  await expect(grid.getByRole('listitem')).toHaveCount(2);
  await expect(card('Harbour at dawn')).toHaveCount(1);
  await page.getByRole('button', { name: 'Undo' }).last().click();
  await expect(grid.getByRole('listitem')).toHaveCount(3);

  // Ctrl+A (⌘A) chooses every clip in view.
  await card('Alley in the rain').getByRole('button', { name: 'Alley in the rain' }).focus();
  await page.keyboard.press('ControlOrMeta+a');
  await expect(bar).toContainText('3 selected');
  await expect(inspector.getByRole('heading', { name: '3 clips selected' })).toBeVisible();
  await expect(inspector.getByText('00:06.0')).toBeVisible();
  if (SHOTS) await page.screenshot({ path: join(SHOTS, 'grid-selection-1280.png') });
  // Escape clears the choice, as the bar's Clear selection says.
  await page.keyboard.press('Escape');
  await expect(bar).toHaveCount(0);

  // The same keys in the list; Backspace is the delete key only on macOS.
  await page.getByRole('button', { name: 'List', exact: true }).click();
  const table = page.getByRole('table', { name: 'Clips' });
  await table.getByRole('row').filter({ hasText: 'Alley in the rain' }).click();
  await expect(bar).toHaveCount(0);
  await table
    .getByRole('row')
    .filter({ hasText: 'Harbour at dawn' })
    .click({ modifiers: ['ControlOrMeta'] });
  await expect(bar).toContainText('2 selected');
  if (process.platform !== 'darwin') {
    await page.keyboard.press('Backspace');
    await expect(table.getByRole('row')).toHaveCount(4);
  }
  await page.keyboard.press('Delete');
  await expect(page.getByText('Moved 2 clips to the Trash')).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(2);
  await page.getByRole('button', { name: 'Trash', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Trash' }).getByRole('listitem')).toHaveCount(2);
});

test('at 1280 × 800 the bulk bar shows its tag field whole and the list shows every column without scrolling sideways', async ({
  page,
  studio,
  workDir,
}) => {
  test.setTimeout(120_000);
  const files = ['Harbour at dawn', 'Alley in the rain'].map((title, i) =>
    makeClip(join(workDir, `${title}.mp4`), 1 + i),
  );
  await page.setViewportSize({ width: 1280, height: 800 });
  const grid = await importClips(page, studio.url, files, 'Night shoot');
  await grid.getByRole('listitem').first().click();
  await grid
    .getByRole('listitem')
    .nth(1)
    .click({ modifiers: ['ControlOrMeta'] });
  const bar = page.getByRole('toolbar', { name: 'Selected clips' });
  await expect(bar).toBeVisible();
  if (SHOTS) await page.screenshot({ path: join(SHOTS, 'bulk-bar-1280.png') });
  expect(await fitsSideways(bar)).toBe(true);
  const barBox = await bar.boundingBox();
  for (const control of [
    bar.getByRole('textbox', { name: 'Tag selected' }),
    bar.getByRole('button', { name: 'Move to Trash' }),
    bar.getByRole('button', { name: 'Clear selection' }),
  ]) {
    const box = await control.boundingBox();
    expect(box && barBox && box.x + box.width <= barBox.x + barBox.width).toBe(true);
    // Wide enough to read what is typed.
    expect(box && box.width >= 24).toBe(true);
  }
  const tagBox = await bar.getByRole('textbox', { name: 'Tag selected' }).boundingBox();
  expect(tagBox?.width ?? 0).toBeGreaterThanOrEqual(120);

  await page.getByRole('button', { name: 'List', exact: true }).click();
  const table = page.getByRole('table', { name: 'Clips' });
  await expect(table.getByRole('row')).toHaveCount(3);
  if (SHOTS) await page.screenshot({ path: join(SHOTS, 'list-1280.png') });
  expect(await fitsSideways(page.locator('.clip-list'))).toBe(true);
  await expect(table.getByRole('columnheader', { name: 'Created' })).toBeInViewport({ ratio: 1 });
  // One clip chosen: the inspector is back to that clip's details.
  await table.getByRole('row').nth(1).click();
  await expect(page.getByRole('region', { name: 'Clip details' })).toBeVisible();
  if (SHOTS) await page.screenshot({ path: join(SHOTS, 'list-one-1280.png') });
  expect(await fitsSideways(page.locator('.clip-list'))).toBe(true);
});

test('a click on a clip keeps the keys in the library: 0–5, Shift+arrows, Delete and Ctrl+Z act on it', async ({
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
  const card = (title: string): Locator => grid.getByRole('listitem').filter({ hasText: title });
  const button = (title: string): Locator => grid.getByRole('button', { name: title, exact: true });
  const bar = page.getByRole('toolbar', { name: 'Selected clips' });
  const order = (await grid
    .getByRole('listitem')
    .getByRole('button', { name: /^(Harbour|Alley|Market)/ })
    .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label')))) as [string, string, string];
  const [first, second, third] = order;

  // One click: the clip is chosen, its timeline shows, and focus stays on its card.
  await button(first).click();
  await expect(page.getByRole('region', { name: 'Cue timeline' })).toBeVisible();
  await expect(button(first)).toBeFocused();
  await page.keyboard.press('3');
  await expect(card(first).getByRole('img', { name: '3 stars' })).toBeVisible();
  // Ctrl+Z (⌘Z) undoes the library's last change and says so; Ctrl+Shift+Z redoes it.
  await page.keyboard.press('ControlOrMeta+z');
  await expect(page.getByText(`Undone: Rate “${first}” 3 stars`)).toBeVisible();
  await expect(card(first).getByRole('img', { name: '3 stars' })).toHaveCount(0);
  await page.keyboard.press('ControlOrMeta+Shift+z');
  await expect(card(first).getByRole('img', { name: '3 stars' })).toBeVisible();
  // A rename is on the same history: Ctrl+Z gives the old title back and leaves the rating alone.
  await page.keyboard.press('F2');
  const titleBox = page.getByRole('textbox', { name: 'Clip title' });
  await titleBox.fill('Renamed take');
  await titleBox.press('Enter');
  await button('Renamed take').click();
  await page.keyboard.press('ControlOrMeta+z');
  await expect(page.getByText(`Undone: Rename “${first}”`)).toBeVisible();
  await expect(button(first)).toBeVisible();
  await expect(card(first).getByRole('img', { name: '3 stars' })).toBeVisible();
  await button(first).click();

  // Shift+arrows extend the choice from the clip clicked.
  await page.keyboard.press('Shift+ArrowRight');
  await expect(bar).toContainText('2 selected');
  await expect(button(second)).toBeFocused();
  await page.keyboard.press('p');
  await expect(page.getByText('Picked 2 clips')).toBeVisible();

  // Delete with one clip chosen by a click moves it to the Trash; Ctrl+Z brings it back.
  await button(third).click();
  await expect(bar).toHaveCount(0);
  await expect(button(third)).toBeFocused();
  await page.keyboard.press('Delete');
  await expect(page.getByText('Moved 1 clip to the Trash')).toBeVisible();
  await expect(grid.getByRole('listitem')).toHaveCount(2);
  // The clip beside it is chosen and focused, so the keys go on working (it was the last: the one before).
  await expect(button(second)).toBeFocused();
  await expect(button(second)).toHaveAttribute('aria-current', 'true');
  await page.keyboard.press('ControlOrMeta+z');
  await expect(page.getByText('Undone: Move 1 clip to the Trash')).toBeVisible();
  await expect(grid.getByRole('listitem')).toHaveCount(3);

  // Clips moved to another project come back with Ctrl+Z too.
  await page.getByRole('button', { name: 'New project' }).first().click();
  await page.getByRole('textbox', { name: 'Project name' }).fill('Selects');
  await page.getByRole('textbox', { name: 'Project name' }).press('Enter');
  await page
    .getByRole('button', { name: /^Night shoot/ })
    .first()
    .click();
  await expect(grid.getByRole('listitem')).toHaveCount(3);
  await button(first).click();
  await button(second).click({ modifiers: ['Shift'] });
  await expect(bar).toContainText('2 selected');
  await bar.getByRole('combobox', { name: 'Move selected to project' }).selectOption({ label: 'Selects' });
  await expect(page.getByText('Moved 2 clips to “Selects”')).toBeVisible();
  await expect(grid.getByRole('listitem')).toHaveCount(1);
  await page.keyboard.press('ControlOrMeta+z');
  await expect(page.getByText('Undone: Move 2 clips to “Selects”')).toBeVisible();
  await expect(grid.getByRole('listitem')).toHaveCount(3);

  // The same in the list: a click keeps focus on the row, Shift+↓ extends the choice.
  await page.getByRole('button', { name: 'List', exact: true }).click();
  const table = page.getByRole('table', { name: 'Clips' });
  const row = (title: string): Locator => table.getByRole('row').filter({ hasText: title });
  await row(first).click();
  await expect(row(first)).toBeFocused();
  await page.keyboard.press('Shift+ArrowDown');
  await expect(bar).toContainText('2 selected');
  await page.keyboard.press('Delete');
  await expect(page.getByText('Moved 2 clips to the Trash')).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(row(third)).toBeFocused();
  await expect(row(third)).toHaveAttribute('aria-selected', 'true');
});

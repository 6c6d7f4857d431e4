import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, importClips, makeClip, test } from './studio';

/** Waits until the focus is on an element inside `region`, never left on the page's body. */
async function expectFocusIn(page: Page, region: Locator): Promise<void> {
  await expect(region).toBeVisible();
  await expect
    .poll(() =>
      region.evaluate((element) => {
        const active = document.activeElement;
        if (active === null || active === document.body) return 'body';
        return element.contains(active) ? 'inside' : `outside: ${active.outerHTML.slice(0, 120)}`;
      }),
    )
    .toBe('inside');
}

test('after moving, deleting, restoring, emptying and exporting clips the keyboard focus is on what comes next, never lost', async ({
  page,
  studio,
  workDir,
}) => {
  test.setTimeout(120_000);
  const titles = ['Harbour at dawn', 'Alley in the rain', 'Market crowd', 'Night ferry', 'Rooftop wind', 'Pier lights'];
  // Lengths differ so that no clip is a copy of another.
  const files = titles.map((title, i) => makeClip(join(workDir, `${title}.mp4`), 1 + i / 4));
  const grid = await importClips(page, studio.url, files, 'Night shoot');
  const button = (title: string): Locator => grid.getByRole('button', { name: title, exact: true });
  const bar = page.getByRole('toolbar', { name: 'Selected clips' });

  // A second project to move clips to; then back to the first.
  await page.getByRole('button', { name: 'New project' }).first().click();
  await page.getByRole('textbox', { name: 'Project name' }).fill('Selects');
  await page.getByRole('textbox', { name: 'Project name' }).press('Enter');
  await page
    .getByRole('button', { name: /^Night shoot/ })
    .first()
    .click();
  await expect(grid.getByRole('listitem')).toHaveCount(6);

  // Several chosen, moved from the bar: the clip after them has the focus, as after Delete.
  await button('Harbour at dawn').click();
  await button('Alley in the rain').click({ modifiers: ['Shift'] });
  await expect(bar).toContainText('2 selected');
  await bar.getByRole('combobox', { name: 'Move selected to project' }).selectOption({ label: 'Selects' });
  await expect(page.getByText('Moved 2 clips to “Selects”')).toBeVisible();
  await expect(grid.getByRole('listitem')).toHaveCount(4);
  await expectFocusIn(page, grid);
  await expect(button('Market crowd')).toBeFocused();
  await expect(button('Market crowd')).toHaveAttribute('aria-current', 'true');

  // Delete from the keyboard, then Move to Trash from the bar: each time the next clip takes the focus.
  await page.keyboard.press('Delete');
  await expect(page.getByText('Moved 1 clip to the Trash')).toBeVisible();
  await expect(grid.getByRole('listitem')).toHaveCount(3);
  await expectFocusIn(page, grid);
  await expect(button('Night ferry')).toBeFocused();
  await button('Rooftop wind').click({ modifiers: ['Shift'] });
  await expect(bar).toContainText('2 selected');
  await bar.getByRole('button', { name: 'Move to Trash' }).click();
  await expect(grid.getByRole('listitem')).toHaveCount(1);
  await expectFocusIn(page, grid);
  await expect(button('Pier lights')).toBeFocused();

  // In the Trash: a restore leaves the focus on the row now in its place, emptying on the Trash.
  await page.getByRole('button', { name: 'Trash', exact: true }).click();
  const trash = page.getByRole('region', { name: 'Trash' });
  await expect(trash.getByRole('listitem')).toHaveCount(3);
  await trash.getByRole('button', { name: 'Restore Market crowd' }).click();
  await expect(trash.getByRole('listitem')).toHaveCount(2);
  await expectFocusIn(page, trash.getByRole('list', { name: 'Clips in the Trash' }));
  await trash.getByRole('button', { name: 'Empty trash' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Empty trash' }).click();
  await expect(trash.getByText('The Trash is empty')).toBeVisible();
  await expectFocusIn(page, trash);
  await page.keyboard.press('Escape');
  await expect(trash).toHaveCount(0);
  await expect(grid.getByRole('listitem')).toHaveCount(2);

  // Export clip: the focus stays in the dialog, lands on Close when done, and goes back to the button.
  await button('Pier lights').click();
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  const exportButton = inspector.getByRole('button', { name: 'Export clip' });
  await exportButton.click();
  const dialog = page.getByRole('dialog', { name: 'Export clip' });
  await expectFocusIn(page, dialog);
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export' }).click();
  await download;
  await expect(dialog.getByRole('button', { name: 'Close', exact: true }).last()).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expectFocusIn(page, inspector);
  await expect(exportButton).toBeFocused();
});

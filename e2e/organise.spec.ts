import { join } from 'node:path';
import { expect, importClips, importInto, makeClip, test } from './studio';

const SHOTS = process.env['SHOTLINE_SHOTS'];

test('a creator rates and tags a clip, finds it by its tag after a reload, and empties the Trash', async ({
  page,
  studio,
  workDir,
}) => {
  test.setTimeout(180_000);
  const files = ['Harbour at dawn', 'Alley in the rain', 'Market crowd'].map((title, i) =>
    makeClip(join(workDir, `${title}.mp4`), 2 + i),
  );
  await page.setViewportSize({ width: 1440, height: 900 });
  const grid = await importClips(page, studio.url, files, 'Night shoot');
  const card = (title: string) => grid.getByRole('listitem').filter({ hasText: title });

  await card('Harbour at dawn').click();
  const organiser = page.getByRole('region', { name: 'Organise' });
  const rating = organiser.getByRole('radiogroup', { name: 'Rating' });
  await rating.getByRole('radio', { name: '4 stars' }).click();
  await expect(rating.getByRole('radio', { name: '4 stars' })).toHaveAttribute('aria-checked', 'true');
  const addTag = organiser.getByRole('textbox', { name: 'Add tag' });
  await addTag.fill('keeper');
  await addTag.press('Enter');
  await addTag.fill('golden hour');
  await addTag.press('Enter');
  await expect(organiser.getByRole('button', { name: 'Remove tag keeper' })).toBeVisible();
  await expect(card('Harbour at dawn').getByRole('img', { name: '4 stars' })).toBeVisible();
  // Beside its stars the card shows one tag and "+1"; its tag list names both.
  await expect(card('Harbour at dawn').getByLabel('Tags: golden hour, keeper')).toContainText('+1');

  // Undo and redo: the last tag comes off and goes back on, then the rating.
  await organiser.getByRole('button', { name: 'Remove tag golden hour' }).focus();
  await page.keyboard.press('ControlOrMeta+z');
  await expect(organiser.getByRole('button', { name: 'Remove tag golden hour' })).toHaveCount(0);
  await expect(page.getByText('Undone: Tag “Harbour at dawn” “golden hour”')).toBeVisible();
  // Focus stays in the library (with focus nowhere, the open cue timeline takes the keys for its own history).
  await rating.getByRole('radio', { name: '4 stars' }).focus();
  await page.keyboard.press('ControlOrMeta+Shift+z');
  await expect(organiser.getByRole('button', { name: 'Remove tag golden hour' })).toBeVisible();

  // Hover scrub: the imported clip's sprite sheet is made in the background; moving across the
  // card shows its frames, leaving shows the poster again.
  const harbour = card('Harbour at dawn');
  const scrub = harbour.locator('.clip-card__scrub');
  const box = await harbour.locator('.clip-card__poster').boundingBox();
  if (!box) throw new Error('the card has no poster box');
  await expect
    .poll(
      async () => {
        await page.mouse.move(box.x + box.width * 0.15, box.y + box.height / 2);
        await page.mouse.move(box.x + box.width * 0.25, box.y + box.height / 2);
        return scrub.count();
      },
      { timeout: 60_000 },
    )
    .toBe(1);
  await expect(scrub).toHaveAttribute('data-tile', '2');
  await page.mouse.move(box.x + box.width * 0.95, box.y + box.height / 2);
  await expect(scrub).toHaveAttribute('data-tile', '9');
  if (SHOTS) await page.screenshot({ path: join(SHOTS, 'grid-hover-scrub.png') });
  await page.mouse.move(box.x + box.width / 2, box.y - 60);
  await expect(scrub).toHaveCount(0);

  // Keys work on the chosen clip: 2 stars and Pick for the market; a colour label by click.
  await card('Market crowd').click();
  await page.keyboard.press('2');
  await page.keyboard.press('p');
  await organiser.getByRole('radio', { name: 'Green' }).click();
  await expect(card('Market crowd').getByRole('img', { name: '2 stars' })).toBeVisible();
  await expect(card('Market crowd')).toContainText('Pick');
  if (SHOTS) await page.screenshot({ path: join(SHOTS, 'grid-ratings-tags.png') });

  // Layout the eye checks: the Pick badge and a tag each keep their own room on the card, a
  // disabled accent button has lost its fill, and naming a smart collection keeps the view switch on the bar's line.
  await card('Harbour at dawn').click();
  await page.keyboard.press('p');
  const marks = card('Harbour at dawn').locator('.clip-card__marks');
  await expect(marks).toContainText('Pick');
  const pick = await marks.locator('.clip-marks__flag').boundingBox();
  const firstTag = await marks.locator('.tag-chip').first().boundingBox();
  if (!pick || !firstTag) throw new Error('the card marks have no boxes');
  expect(firstTag.x).toBeGreaterThanOrEqual(pick.x + pick.width);
  // A long tag shortens to an ellipsis; nothing is cut off at the card's edge ("+1" whole).
  const more = await marks.locator('.tag-chip--more').boundingBox();
  const room = await marks.boundingBox();
  if (!more || !room) throw new Error('the card marks have no boxes');
  expect(more.x + more.width).toBeLessThanOrEqual(room.x + room.width);
  const fill = (name: string) =>
    page.getByRole('button', { name, exact: true }).evaluate((b) => getComputedStyle(b).backgroundColor);
  await expect(page.getByRole('button', { name: 'Cues to prompt' })).toBeDisabled();
  expect(await fill('Cues to prompt')).not.toBe(await fill('Import clips'));
  await page.getByRole('searchbox', { name: 'Search clips' }).fill('harbour');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByRole('textbox', { name: 'Smart collection name' }).fill('Best harbour takes for the final edit');
  const sortBox = await page.getByRole('combobox', { name: 'Sort by' }).boundingBox();
  const viewBox = await page.getByRole('group', { name: 'View' }).boundingBox();
  expect(Math.abs((viewBox?.y ?? 0) - (sortBox?.y ?? 100))).toBeLessThan(8);
  await page.getByRole('textbox', { name: 'Smart collection name' }).press('Escape');
  await page.getByRole('searchbox', { name: 'Search clips' }).fill('');

  await page.reload();
  await page.getByRole('searchbox', { name: 'Search clips' }).fill('keeper');
  await expect(grid.getByRole('listitem')).toHaveCount(1);
  await expect(card('Harbour at dawn')).toBeVisible();
  await expect(card('Harbour at dawn').locator('mark')).toHaveText('keeper');
  // The project keeps its search across a reload.
  await page.reload();
  await expect(page.getByRole('searchbox', { name: 'Search clips' })).toHaveValue('keeper');
  await expect(grid.getByRole('listitem')).toHaveCount(1);
  await expect(card('Harbour at dawn').locator('mark')).toHaveText('keeper');
  await page.getByRole('searchbox', { name: 'Search clips' }).fill('');
  await expect(grid.getByRole('listitem')).toHaveCount(3);

  // The same clip through the tag filter, then the list view sorted by rating.
  await page.getByRole('button', { name: 'Filters', exact: true }).click();
  await page.getByRole('combobox', { name: 'Tag' }).selectOption('keeper');
  await expect(grid.getByRole('listitem')).toHaveCount(1);
  await page.getByRole('button', { name: 'Clear filters' }).first().click();
  await page.getByRole('button', { name: 'Filters', exact: true }).click();
  await page.getByRole('button', { name: 'List' }).click();
  const table = page.getByRole('table', { name: 'Clips' });
  await table.getByRole('button', { name: 'Rating' }).click();
  await expect(table.getByRole('row').nth(1)).toContainText('Harbour at dawn');
  await expect(table.getByRole('columnheader', { name: 'Rating' })).toHaveAttribute('aria-sort', 'descending');
  if (SHOTS) await page.screenshot({ path: join(SHOTS, 'list-view.png') });
  // The date shows without scrolling sideways: a narrow pane leaves out technical columns instead.
  const created = table.getByRole('columnheader', { name: 'Created' });
  await created.scrollIntoViewIfNeeded();
  await expect(created).toBeInViewport();

  // Multi-select in the list, then to the Trash; emptying it reports the space freed.
  await table.getByRole('row').filter({ hasText: 'Alley in the rain' }).click();
  await table
    .getByRole('row')
    .filter({ hasText: 'Market crowd' })
    .click({ modifiers: ['Control'] });
  const bar = page.getByRole('toolbar', { name: 'Selected clips' });
  await expect(bar).toContainText('2 selected');
  // Every selected row looks selected, the striped (even) ones too, unlike the one left out.
  const background = (title: string): Promise<string> =>
    table
      .getByRole('row')
      .filter({ hasText: title })
      .locator('td')
      .first()
      .evaluate((cell) => getComputedStyle(cell).backgroundColor);
  await page.mouse.move(0, 0);
  const [alley, market, unselected] = await Promise.all(
    ['Alley in the rain', 'Market crowd', 'Harbour at dawn'].map(background),
  );
  expect(alley).toBe(market);
  expect(unselected).not.toBe(alley);
  // Export clip from the selection's menu: one dialog for both.
  await bar.getByRole('button', { name: 'More actions on selected' }).click();
  await page
    .getByRole('menu', { name: 'More actions on selected' })
    .getByRole('menuitem', { name: /^Export clip/ })
    .click();
  const exportDialog = page.getByRole('dialog', { name: 'Export 2 clips' });
  await expect(exportDialog).toBeVisible();
  await exportDialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(exportDialog).toHaveCount(0);
  await bar.getByRole('button', { name: 'Move to Trash' }).click();
  await expect(table.getByRole('row')).toHaveCount(2);
  await page.getByRole('button', { name: 'Trash', exact: true }).click();
  const trash = page.getByRole('region', { name: 'Trash' });
  await expect(trash.getByRole('listitem')).toHaveCount(2);
  // Beside the Trash the viewer plays none of the library's clips, and no cue timeline shows.
  await expect(page.getByText('Restore a clip to play it and see its details.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Cue timeline' })).toHaveCount(0);
  await trash.getByRole('button', { name: 'Restore Market crowd' }).click();
  await expect(trash.getByRole('listitem')).toHaveCount(1);
  if (SHOTS) await page.screenshot({ path: join(SHOTS, 'trash.png') });
  await trash.getByRole('button', { name: 'Empty trash' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Empty trash' }).click();
  await expect(page.getByText(/Emptied the Trash: [\d.]+ (KB|MB) freed/)).toBeVisible();
  await expect(trash.getByText('The Trash is empty')).toBeVisible();
  // Escape goes back to the library.
  await page.keyboard.press('Escape');
  await expect(trash).toHaveCount(0);
  await expect(table.getByRole('row')).toHaveCount(3);
});

test('deleting a project moves its clips to the Trash: Undo brings it back, and so does restoring a clip', async ({
  page,
  studio,
  workDir,
}) => {
  test.setTimeout(120_000);
  const clip = makeClip(join(workDir, 'Harbour at dawn.mp4'), 2);
  await importInto(page, studio.url, clip, 'Harbour at dawn', 'Night shoot');
  await page.getByRole('button', { name: 'New project' }).first().click();
  await page.getByRole('textbox', { name: 'Project name' }).fill('Keep');
  await page.getByRole('textbox', { name: 'Project name' }).press('Enter');
  const projects = page.getByRole('list', { name: 'Projects' });
  const row = projects.getByRole('listitem').filter({ hasText: 'Night shoot' });
  const grid = page.getByRole('list', { name: 'Clips' });

  const deleteNightShoot = async (): Promise<void> => {
    await row.hover();
    await row.getByRole('button', { name: 'Delete project' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete project?' });
    await expect(dialog).toContainText('Delete “Night shoot”? 1 clip will move to the Trash');
    await expect(dialog).not.toContainText('cannot be undone');
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await expect(row).toHaveCount(0);
  };

  await deleteNightShoot();
  await expect(page.getByText('1 clip moved to the Trash; restoring one brings the project back.')).toBeVisible();
  // Undo on the toast: the project and its clip are back.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(row).toHaveCount(1);
  await row.getByRole('button', { name: /Night shoot/ }).click();
  await expect(grid.getByRole('listitem').filter({ hasText: 'Harbour at dawn' })).toBeVisible();

  // Deleted again, its clip waits in the Trash, which says where restoring puts it.
  await deleteNightShoot();
  await page.getByRole('button', { name: 'Trash', exact: true }).click();
  const trash = page.getByRole('region', { name: 'Trash' });
  const trashed = trash.getByRole('listitem').filter({ hasText: 'Harbour at dawn' });
  await expect(trashed).toContainText('From deleted project “Night shoot”, restored with it');
  await trash.getByRole('button', { name: 'Restore Harbour at dawn' }).click();
  await expect(trash.getByText('The Trash is empty')).toBeVisible();
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('1');
});

test('moving clips to a project that has one of their files already moves the others, names the one that stayed, and Undo brings back the rest', async ({
  page,
  studio,
  workDir,
}) => {
  test.setTimeout(150_000);
  const harbour = makeClip(join(workDir, 'Harbour at dawn.mp4'), 1);
  const market = makeClip(join(workDir, 'Market crowd.mp4'), 2);
  await importClips(page, studio.url, [harbour], 'Selects');
  const grid = await importClips(page, studio.url, [harbour, market], 'Night shoot');
  const card = (title: string) => grid.getByRole('listitem').filter({ hasText: title });
  const projects = page.getByRole('list', { name: 'Projects' });
  const project = (name: string) => projects.getByRole('listitem').filter({ hasText: name });

  await card('Harbour at dawn').click();
  await card('Market crowd').click({ modifiers: ['ControlOrMeta'] });
  const bar = page.getByRole('toolbar', { name: 'Selected clips' });
  await expect(bar).toContainText('2 selected');
  await bar.getByRole('combobox', { name: 'Move selected to project' }).selectOption({ label: 'Selects' });

  await expect(page.getByText('Moved 1 clip to “Selects”')).toBeVisible();
  await expect(page.getByText('“Harbour at dawn” stayed here: “Selects” already has its file')).toBeVisible();
  // The clip that stayed is still here, and still chosen, so the creator sees which it is.
  await expect(grid.getByRole('listitem')).toHaveCount(1);
  await expect(card('Harbour at dawn')).toBeVisible();
  await expect(card('Harbour at dawn').getByRole('button', { name: 'Harbour at dawn' })).toHaveAttribute(
    'aria-current',
    'true',
  );
  await expect(project('Selects')).toContainText('2');

  // Undo brings back the clip that went; the one that stayed is not moved twice.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(grid.getByRole('listitem')).toHaveCount(2);
  await expect(project('Selects')).toContainText('1');
  await project('Selects')
    .getByRole('button', { name: /Selects/ })
    .click();
  await expect(grid.getByRole('listitem')).toHaveCount(1);
  await expect(card('Harbour at dawn')).toBeVisible();
});

test('one clip moves to another project from its inspector, and Ctrl+Z brings it back', async ({
  page,
  studio,
  workDir,
}) => {
  test.setTimeout(150_000);
  const harbour = makeClip(join(workDir, 'Harbour at dawn.mp4'), 1);
  const market = makeClip(join(workDir, 'Market crowd.mp4'), 2);
  const grid = await importClips(page, studio.url, [harbour, market], 'Night shoot');
  const card = (title: string) => grid.getByRole('listitem').filter({ hasText: title });
  const projects = page.getByRole('list', { name: 'Projects' });
  const project = (name: string) => projects.getByRole('listitem').filter({ hasText: name });
  await page.getByRole('button', { name: 'New project' }).first().click();
  const name = page.getByRole('textbox', { name: 'Project name' });
  await name.fill('Selects');
  await name.press('Enter');
  await expect(project('Selects').getByRole('button', { name: /^Selects/ })).toHaveAttribute('aria-current', 'true');
  await project('Night shoot')
    .getByRole('button', { name: /^Night shoot/ })
    .click();
  await expect(grid.getByRole('listitem')).toHaveCount(2);

  await card('Harbour at dawn').click();
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  const moveTo = inspector.getByRole('combobox', { name: 'Move clip to project' });
  await expect(moveTo).toBeEnabled();
  // Only the other project is offered.
  await expect(moveTo.getByRole('option')).toHaveText(['Move to…', 'Selects']);
  await moveTo.selectOption({ label: 'Selects' });

  await expect(page.getByText('Moved 1 clip to “Selects”')).toBeVisible();
  await expect(grid.getByRole('listitem')).toHaveCount(1);
  await expect(card('Market crowd')).toBeVisible();
  await expect(project('Selects').locator('.project-row__count')).toHaveText('1');
  if (SHOTS) await page.screenshot({ path: join(SHOTS, 'inspector-moved-one.png') });

  await page.locator('body').press('ControlOrMeta+z');
  await expect(page.getByText('Undone: Move 1 clip to “Selects”')).toBeVisible();
  await expect(grid.getByRole('listitem')).toHaveCount(2);
  await expect(card('Harbour at dawn')).toBeVisible();
  await expect(project('Selects').locator('.project-row__count')).toHaveText('0');
});

test('a renamed project gets its old name back with Ctrl+Z, and the new one again with Ctrl+Shift+Z', async ({
  page,
  studio,
}) => {
  await page.goto(studio.url);
  await page.getByRole('button', { name: 'New project' }).first().click();
  const name = page.getByRole('textbox', { name: 'Project name' });
  await name.fill('Harbour');
  await name.press('Enter');
  const projects = page.getByRole('list', { name: 'Projects' });
  await expect(projects.getByRole('listitem')).toHaveCount(1);
  await projects.getByRole('button', { name: 'Rename project' }).click();
  const field = projects.getByRole('textbox', { name: 'Project name' });
  await field.fill('Harbour at dawn');
  await field.press('Enter');
  await expect(projects.getByRole('listitem').first()).toContainText('Harbour at dawn');
  await page.locator('body').press('ControlOrMeta+z');
  await expect(page.getByRole('status').filter({ hasText: 'Undone: Rename the project “Harbour”' })).toBeVisible();
  await expect(projects.getByRole('listitem').first()).not.toContainText('at dawn');
  await expect(projects.getByRole('listitem').first()).toContainText('Harbour');
  await page.locator('body').press('ControlOrMeta+Shift+z');
  await expect(projects.getByRole('listitem').first()).toContainText('Harbour at dawn');
});

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { openPromptStudio, pasteOver } from './prompt-helpers';
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

/** Where the screenshots of these checks go for review; set SHOTLINE_SHOTS to move them. */
const shots = process.env.SHOTLINE_SHOTS ?? '/work/shots/focus';

async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: join(shots, `${name}.png`) });
}

/** Replaces the editor's text with `text`, as a paste over everything does. */
async function replaceText(editor: Locator, text: string): Promise<void> {
  await pasteOver(editor, text);
  await expect(editor).toHaveText(text.replaceAll('\n', ''));
}

test('after Queue the focus is back in the prompt editor; after Cancel on the next job or the Jobs list; after Show clip on the clip', async ({
  page,
  studio,
}) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  const editor = await openPromptStudio(page, studio.url, 'Queue drill');
  await page
    .getByRole('region', { name: 'Compiled prompt' })
    .getByRole('combobox', { name: 'Provider' })
    .selectOption('local');
  const queueButton = page.getByRole('button', { name: 'Queue', exact: true });

  // Queue pressed with the mouse or from the keyboard: the editor has the focus again, to write the next take.
  await replaceText(editor, 'Title: Harbour bell\nScene: a boat beside a harbour wall\nSize: 320x180\nDuration: 1s');
  await queueButton.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Queued “Harbour bell”' })).toBeVisible();
  await expectFocusIn(page, editor);
  await expect(editor).toBeFocused();
  // Three long renders (the engine's longest, in full HD): the first runs while the other two wait,
  // and is still running when it is cancelled at the end, however fast the machine.
  for (const title of ['Long take one', 'Long take two', 'Long take three']) {
    await replaceText(editor, `Title: ${title}\nScene: a field of wheat in wind\nSize: 1920x1080\nDuration: 60s`);
    await queueButton.click();
    await expect(page.getByRole('status').filter({ hasText: `Queued “${title}”` })).toBeVisible();
    await expect(editor).toBeFocused();
  }
  await shoot(page, 'prompt-after-queue');

  await page.getByRole('tab', { name: 'Jobs' }).click();
  const jobs = page.getByRole('region', { name: 'Jobs' });
  const queue = jobs.getByRole('list', { name: 'Queue' });
  const row = (title: string): Locator => jobs.getByRole('listitem', { name: title, exact: true });
  await expect(
    jobs.getByRole('list', { name: 'Finished' }).getByRole('listitem', { name: 'Harbour bell' }),
  ).toContainText('Done', { timeout: 90_000 });
  await expect(row('Long take one')).toContainText('Running', { timeout: 30_000 });
  await expect(queue.getByRole('listitem')).toHaveCount(3);

  // Cancel a waiting job: the job after it has the focus, then, with none after, the one before.
  await row('Long take two').getByRole('button', { name: 'Cancel' }).click();
  await expect(queue.getByRole('listitem')).toHaveCount(2);
  await expect(row('Long take three')).toBeFocused();
  await shoot(page, 'jobs-after-cancel');
  await row('Long take three').getByRole('button', { name: 'Cancel' }).focus();
  await page.keyboard.press('Enter');
  await expect(queue.getByRole('listitem')).toHaveCount(1);
  await expect(row('Long take one')).toBeFocused();
  // The last one, running: nothing is left in the queue, so the Jobs list has the focus.
  await row('Long take one').getByRole('button', { name: 'Cancel' }).click();
  await expect(jobs.getByText('Nothing queued or running.')).toBeVisible({ timeout: 30_000 });
  await expectFocusIn(page, jobs);

  // Show clip: the library opens with the clip chosen and its card focused.
  await jobs.getByRole('listitem', { name: 'Harbour bell' }).getByRole('button', { name: 'Show clip' }).click();
  await expect(page.getByRole('tab', { name: 'Library' })).toHaveAttribute('aria-selected', 'true');
  const grid = page.getByRole('list', { name: 'Clips' });
  const card = grid.getByRole('button', { name: 'Harbour bell', exact: true });
  await expect(card).toBeFocused();
  await expect(card).toHaveAttribute('aria-current', 'true');
  await shoot(page, 'library-after-show-clip');

  // Duplicate queues the same prompt again, its button busy meanwhile: the focus stays on it.
  await page.getByRole('tab', { name: 'Jobs' }).click();
  const finishedBell = jobs.getByRole('list', { name: 'Finished' }).getByRole('listitem', { name: 'Harbour bell' });
  const duplicate = finishedBell.getByRole('button', { name: 'Duplicate' });
  await duplicate.focus();
  // The copy may finish at once and join the Finished list under the same title: the focus is
  // checked on the very button that was pressed, wherever the copy lands.
  const pressed = await duplicate.elementHandle();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Queued a copy of “Harbour bell”' })).toBeVisible();
  await expect.poll(() => pressed.evaluate((button) => button === document.activeElement)).toBe(true);
  await expect(
    jobs.getByRole('listitem', { name: 'Harbour bell' }),
    'the copy is a job of its own',
  ).toHaveCount(2, { timeout: 60_000 });
  expect(await pressed.evaluate((button) => button.isConnected && button === document.activeElement)).toBe(true);
});

test('switching Grid → List → Grid keeps the chosen clip chosen and in view; deleting every clip leaves the focus on the empty state, whose Choose files imports', async ({
  page,
  studio,
  workDir,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  const titles = Array.from({ length: 18 }, (_, i) => `Take ${String(i + 1).padStart(2, '0')}`);
  const files = titles.map((title, i) => makeClip(join(workDir, `${title}.mp4`), 0.5 + i / 8, '160x90'));
  // More clips than the grid draws: wait for the count, not the cards.
  await importClips(page, studio.url, files.slice(0, 1), 'Many takes');
  const chooseMore = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import clips' }).click();
  await (await chooseMore).setFiles(files.slice(1));
  await expect(page.locator('.canvas__count')).toHaveText('18 clips', { timeout: 90_000 });
  const grid = page.getByRole('list', { name: 'Clips' });
  const controls = page.getByRole('group', { name: 'View' });

  // The last clip, chosen from the keyboard, far down the grid.
  await grid.getByRole('button', { name: 'Take 18', exact: true }).click();
  await page.keyboard.press('End');
  const lastTitle = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
  expect(lastTitle).toMatch(/^Take \d\d$/);
  const lastCard = grid.getByRole('button', { name: lastTitle, exact: true });
  await expect(lastCard).toBeFocused();
  await expect(lastCard).toHaveAttribute('aria-current', 'true');
  // Scrolled back to the top, so the grid no longer shows it.
  await page.locator('.clip-scroller').evaluate((element) => element.scrollTo(0, 0));
  await expect(lastCard).not.toBeInViewport();

  await controls.getByRole('button', { name: 'List' }).click();
  const table = page.getByRole('table', { name: 'Clips' });
  const row = table.locator('tr[data-clip-id]').filter({ hasText: lastTitle });
  await expect(row).toBeInViewport();
  await expect(row).toHaveAttribute('aria-selected', 'true');
  await expect(row).toHaveAttribute('tabindex', '0');
  await shoot(page, 'list-after-switch');
  await controls.getByRole('button', { name: 'Grid' }).click();
  await expect(lastCard).toBeInViewport();
  await expect(lastCard).toHaveAttribute('aria-current', 'true');
  await expect(lastCard).toHaveAttribute('tabindex', '0');
  await shoot(page, 'grid-after-switch');

  // Every clip chosen and deleted: the empty project's own action has the focus.
  await lastCard.focus();
  await page.keyboard.press('ControlOrMeta+a');
  await expect(page.getByRole('toolbar', { name: 'Selected clips' })).toContainText('18 selected');
  await page.keyboard.press('Delete');
  await expect(page.getByText('This project has no clips yet')).toBeVisible();
  const choose = page.getByRole('main').getByRole('button', { name: 'Choose files' });
  await expect(choose).toBeFocused();
  // The toolbar's Import clips is an icon at this width; the empty state says what to press and has it.
  await expect(page.getByRole('button', { name: 'Import clips' })).toHaveCount(1);
  await shoot(page, 'empty-project-1280');
  // At every window size the empty state's action is there, whole, beside the words that name it.
  for (const size of [
    { width: 1024, height: 768 },
    { width: 800, height: 600 },
    { width: 1280, height: 800 },
  ]) {
    await page.setViewportSize(size);
    await expect(choose).toBeInViewport({ ratio: 1 });
    await expect(page.getByRole('main')).toContainText('or choose them from a folder');
    await shoot(page, `empty-project-${size.width}`);
  }
  await expect(choose).toBeFocused();
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Enter');
  await (await chooser).setFiles(files.slice(0, 1));
  await expect(grid.getByRole('listitem')).toHaveCount(1, { timeout: 60_000 });
});

const BEACON = `Title: Beacon
Scene: a beacon on a hill at night
Style: Soft lighting, warm tones.
Size: 160x90
Duration: 1s`;

test('the Versions graph by keyboard: each version a named Tab stop with its number and a focus ring, Enter or a click selects it and its card takes the focus; the lines are no Tab stops', async ({
  page,
  studio,
}) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  const editor = await openPromptStudio(page, studio.url, 'Beacon family');
  await page
    .getByRole('region', { name: 'Compiled prompt' })
    .getByRole('combobox', { name: 'Provider' })
    .selectOption('local');
  await replaceText(editor, BEACON);
  await page.getByRole('button', { name: 'Queue', exact: true }).click();
  await page.getByRole('tab', { name: 'Library' }).click();
  const grid = page.getByRole('list', { name: 'Clips' });
  await expect(grid.getByRole('listitem')).toHaveCount(1, { timeout: 120_000 });
  await grid.getByRole('button', { name: 'Beacon', exact: true }).click();
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await inspector.getByRole('button', { name: 'Remix', exact: true }).click();
  await replaceText(editor, BEACON.replace('Soft lighting, warm tones.', 'Noir, deep shadows.'));
  await page.getByRole('button', { name: 'Queue', exact: true }).click();
  await page.getByRole('tab', { name: 'Library' }).click();
  await expect(grid.getByRole('listitem')).toHaveCount(2, { timeout: 120_000 });
  const remixTitle = (await grid.locator('[data-clip-button]').first().getAttribute('aria-label')) ?? '';
  expect(remixTitle).not.toBe('Beacon');
  const parentCard = grid.getByRole('button', { name: 'Beacon', exact: true });
  const remixCard = grid.getByRole('button', { name: remixTitle, exact: true });

  await remixCard.click();
  await inspector.getByRole('button', { name: 'Versions', exact: true }).click();
  const graph = page.getByRole('region', { name: 'Version graph' });
  const v1 = graph.getByRole('button', { name: 'v1 · Beacon', exact: true });
  const v2 = graph.getByRole('button', { name: `v2 · ${remixTitle}`, exact: true });
  await expect(v1).toBeVisible();
  // Each node shows its number, as the Lineage does.
  await expect(v1).toContainText('v1');
  await expect(v2).toContainText('v2');
  await expect(v2).toHaveAttribute('aria-current', 'true');

  // Tab from the view's heading reaches the two versions, then the zoom controls: never a line.
  const stops: string[] = [];
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press('Tab');
    stops.push(
      await page.evaluate(() => {
        const active = document.activeElement;
        return `${active?.getAttribute('aria-roledescription') ?? active?.tagName ?? ''}: ${active?.getAttribute('aria-label') ?? active?.textContent ?? ''}`;
      }),
    );
  }
  expect(stops.filter((stop) => stop.startsWith('node'))).toEqual(['node: v1 · Beacon', `node: v2 · ${remixTitle}`]);
  expect(stops.filter((stop) => stop.startsWith('edge'))).toEqual([]);
  await expect(graph.locator('.react-flow__edge[tabindex]')).toHaveCount(0);

  // A focused node shows the focus ring.
  await v1.focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await expect(v1).toBeFocused();
  const ring = await v1.locator('.version-node').evaluate((card) => getComputedStyle(card).boxShadow);
  expect(ring).toContain('rgb(127, 176, 255)');
  await shoot(page, 'versions-node-focused');

  // Enter selects the version: the library shows it chosen, its card focused.
  await page.keyboard.press('Enter');
  await expect(graph).toHaveCount(0);
  await expect(parentCard).toBeFocused();
  await expect(parentCard).toHaveAttribute('aria-current', 'true');

  // A click on a node does the same.
  await inspector.getByRole('button', { name: 'Versions', exact: true }).click();
  await graph.getByRole('button', { name: `v2 · ${remixTitle}`, exact: true }).click();
  await expect(graph).toHaveCount(0);
  await expect(remixCard).toBeFocused();
  await expect(remixCard).toHaveAttribute('aria-current', 'true');
});

test('Escape in the cue timeline hands the keys back to the library: first it clears the chosen cue, then the clip’s card has the focus and 0–5 and the arrows work', async ({
  page,
  studio,
  workDir,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  const files = ['Harbour at dawn', 'Alley in the rain'].map((title, i) =>
    makeClip(join(workDir, `${title}.mp4`), 1 + i),
  );
  const grid = await importClips(page, studio.url, files, 'Night shoot');
  const cards = grid.locator('[data-clip-button]');
  const [first, second] = (await cards.evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label')))) as [
    string,
    string,
  ];
  const button = (title: string): Locator => grid.getByRole('button', { name: title, exact: true });

  // Enter opens the clip: its timeline has the keys (→ moves the playhead, M adds a cue).
  await button(first).click();
  await page.keyboard.press('Enter');
  const timeline = page.getByRole('region', { name: 'Cue timeline' });
  await expect(timeline).toBeFocused();
  const playhead = timeline.getByRole('status', { name: 'Playhead' });
  await expect(timeline.locator('[part~="wave"] canvas')).toBeVisible({ timeout: 30_000 });
  await page.keyboard.press('Shift+ArrowRight');
  await expect(playhead).toHaveText('00:01.000');
  await page.keyboard.press('m');
  const label = timeline.getByRole('textbox', { name: 'Cue label' });
  await expect(label).toBeFocused();
  await page.keyboard.type('door');
  await page.keyboard.press('Enter');
  const cueList = timeline.getByRole('list', { name: 'Cues' });
  await expect(cueList.getByRole('listitem')).toHaveCount(1);

  // A cue chosen in the timeline: the first Escape lets it go and the keys stay there.
  await cueList.getByRole('listitem').first().click();
  await expect(label).toHaveValue('door');
  await page.keyboard.press('Escape');
  await expect(label).toHaveCount(0);
  await expectFocusIn(page, timeline);
  // With nothing there to let go, Escape gives the focus back to the clip's card.
  await page.keyboard.press('Escape');
  await expect(button(first)).toBeFocused();
  // From the new cue's kind, a list box, Escape leaves the timeline alike.
  await page.keyboard.press('Enter');
  await expect(timeline).toBeFocused();
  await timeline.getByRole('combobox', { name: 'New cue kind' }).focus();
  await page.keyboard.press('Escape');
  await expect(button(first)).toBeFocused();
  await page.keyboard.press('3');
  await expect(
    grid.getByRole('listitem').filter({ hasText: first }).getByRole('img', { name: '3 stars' }),
  ).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(button(second)).toBeFocused();
  await expect(button(second)).toHaveAttribute('aria-current', 'true');
});

test('after Clear filters, a view switched with Alt+1 or Alt+3, an import from Choose files… and Ctrl+Z after deleting every clip, the focus is on what the creator works on next, never lost', async ({
  page,
  studio,
  workDir,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  const files = ['Harbour at dawn', 'Alley in the rain', 'Market crowd', 'Night ferry'].map((title, i) =>
    makeClip(join(workDir, `${title}.mp4`), 1 + i / 4, '160x90'),
  );
  const grid = await importClips(page, studio.url, files.slice(0, 2), 'Night shoot');
  const button = (title: string): Locator => grid.getByRole('button', { name: title, exact: true });
  const search = page.getByRole('searchbox', { name: 'Search clips' });

  // Filters that find nothing: the empty state's Clear filters leaves the focus in the search box.
  await page.getByRole('button', { name: 'Filters', exact: true }).click();
  await page.getByRole('combobox', { name: 'Rating at least' }).selectOption({ index: 1 });
  await expect(page.getByText('No clips match these filters')).toBeVisible();
  await page.getByRole('main').locator('.empty-state').getByRole('button', { name: 'Clear filters' }).click();
  await expect(grid.getByRole('listitem')).toHaveCount(2);
  await expect(search).toBeFocused();
  // The filters' own Clear filters, which then has nothing to clear: their first control has the focus.
  await page.getByRole('combobox', { name: 'Rating at least' }).selectOption({ index: 1 });
  const clear = page.getByRole('group', { name: 'Filters' }).getByRole('button', { name: 'Clear filters' });
  await clear.click();
  await expect(clear).toBeDisabled();
  await expect(page.getByRole('combobox', { name: 'Provider' })).toBeFocused();
  await expect(grid.getByRole('listitem')).toHaveCount(2);

  // Alt+3 from the library: the Jobs list has the focus; Alt+1 back: the chosen clip's card.
  const chosen = (await grid.locator('[data-clip-button]').last().getAttribute('aria-label')) ?? '';
  await button(chosen).click();
  await page.keyboard.press('Alt+3');
  await expect(page.getByRole('tab', { name: 'Jobs' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('region', { name: 'Jobs' })).toBeFocused();
  await page.keyboard.press('Alt+1');
  await expect(button(chosen)).toBeFocused();
  await expect(button(chosen)).toHaveAttribute('aria-current', 'true');
  // From the View tabs themselves (a click, or the arrows), the new view's tab has the focus, to go on.
  await page.getByRole('tab', { name: 'Jobs' }).click();
  await expect(page.getByRole('tab', { name: 'Jobs' })).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('tab', { name: 'Prompt' })).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('tab', { name: 'Library' })).toBeFocused();
  await expect(page.getByRole('tab', { name: 'Library' })).toHaveAttribute('aria-selected', 'true');

  // Every clip deleted: the empty project's Choose files… has the focus; Ctrl+Z brings them back,
  // chosen as they were, the clip in the inspector focused.
  await button(chosen).click();
  await page.keyboard.press('ControlOrMeta+a');
  const bar = page.getByRole('toolbar', { name: 'Selected clips' });
  await expect(bar).toContainText('2 selected');
  await page.keyboard.press('Delete');
  const choose = page.getByRole('main').getByRole('button', { name: 'Choose files' });
  await expect(choose).toBeFocused();
  await page.keyboard.press('ControlOrMeta+z');
  await expect(page.getByText('Undone: Move 2 clips to the Trash')).toBeVisible();
  await expect(grid.getByRole('listitem')).toHaveCount(2);
  await expect(button(chosen)).toBeFocused();
  await expect(button(chosen)).toHaveAttribute('aria-current', 'true');
  await expect(bar).toContainText('2 selected');

  // Deleted again, then files chosen with Choose files…: the first clip imported is chosen and focused.
  await page.keyboard.press('Delete');
  await expect(choose).toBeFocused();
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Enter');
  await (await chooser).setFiles(files.slice(2));
  await expect(grid.getByRole('listitem')).toHaveCount(2, { timeout: 60_000 });
  await expect(button('Market crowd')).toBeFocused();
  await expect(button('Market crowd')).toHaveAttribute('aria-current', 'true');
  await shoot(page, 'library-after-import');
});

import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { openPromptStudio, paste, pasteOver, remixChosen, renderedClip } from './prompt-helpers';
import { expect, importClips, makeClip, test } from './studio';

const SHOTS = process.env['SHOTS'] ?? process.env['SHOTLINE_SHOTS'];
const PROJECT = "The Lighthouse Keeper's Daughter, foley pass";
const LONG = 'A very long clip title that describes the harbour at dawn';
const WINDOWS = [
  { width: 1280, height: 800 },
  { width: 1024, height: 768 },
  { width: 800, height: 600 },
] as const;

type Box = { name: string; left: number; top: number; right: number; bottom: number };

/** The boxes of a bar's visible controls (and its title), each named as a creator would call it. */
function controlBoxes(bar: Locator): Promise<Box[]> {
  return bar.evaluate((element) => {
    const found = element.querySelectorAll<HTMLElement>('button, input, select, h1, [role="tab"], output');
    return [...found]
      .filter((c) => c.getClientRects().length > 0 && getComputedStyle(c).visibility !== 'hidden')
      .filter((c) => !c.closest('[role="tab"]') || c.getAttribute('role') === 'tab')
      .filter((c) => !(c instanceof HTMLInputElement && c.type === 'file'))
      .map((c) => {
        const r = c.getBoundingClientRect();
        const name = c.getAttribute('aria-label') ?? (c.textContent.trim() || c.tagName);
        return { name, left: r.left, top: r.top, right: r.right, bottom: r.bottom };
      })
      .filter((b) => b.right - b.left > 1);
  });
}

/** No control of the bar overlaps another, spills out of the bar, or is scrolled out of it. */
async function expectTidy(bar: Locator, where: string): Promise<void> {
  const outer = await bar.boundingBox();
  if (!outer) throw new Error(`${where}: the bar is not shown`);
  const boxes = await controlBoxes(bar);
  expect(boxes.length, `${where}: controls found`).toBeGreaterThan(2);
  for (const box of boxes) {
    expect(box.left, `${where}: ${box.name} starts inside the bar`).toBeGreaterThanOrEqual(outer.x - 0.5);
    expect(box.right, `${where}: ${box.name} ends inside the bar`).toBeLessThanOrEqual(outer.x + outer.width + 0.5);
  }
  // Tabs sit inside their tab list: only siblings in the bar are compared.
  for (const [i, a] of boxes.entries())
    for (const b of boxes.slice(i + 1)) {
      const apart =
        a.right <= b.left + 0.5 || b.right <= a.left + 0.5 || a.bottom <= b.top + 0.5 || b.bottom <= a.top + 0.5;
      expect(apart, `${where}: ${a.name} and ${b.name} do not overlap`).toBe(true);
    }
  expect(await bar.evaluate((e) => e.scrollWidth <= e.clientWidth + 1), `${where}: nothing is cut off`).toBe(true);
}

/** How many of a heading's characters are shown before its ellipsis (all of them when it fits). */
function charactersShown(heading: Locator): Promise<number> {
  return heading.evaluate((element) => {
    const text = element.firstChild;
    if (!text || text.nodeType !== Node.TEXT_NODE) return 0;
    const room = element.getBoundingClientRect().right;
    const range = document.createRange();
    let shown = 0;
    for (let i = 1; i <= (text.textContent ?? '').length; i++) {
      range.setStart(text, 0);
      range.setEnd(text, i);
      if (range.getBoundingClientRect().right > room + 0.5) break;
      shown = i;
    }
    return shown;
  });
}

/** Whether an element is wholly in view: inside the window and every box around it that clips. */
function whollyShown(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => {
    const r = element.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return false;
    if (r.top < -0.5 || r.left < -0.5 || r.bottom > window.innerHeight + 0.5 || r.right > window.innerWidth + 0.5)
      return false;
    for (let box = element.parentElement; box && box !== document.body; box = box.parentElement) {
      const style = getComputedStyle(box);
      if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
      const view = box.getBoundingClientRect();
      if (
        r.top < view.top - 0.5 ||
        r.bottom > view.bottom + 0.5 ||
        r.left < view.left - 0.5 ||
        r.right > view.right + 0.5
      )
        return false;
    }
    return true;
  });
}

/** The names of the controls in `within` that `cover` lies over, even in part. */
async function controlsUnder(cover: Locator, within: Locator): Promise<string[]> {
  const area = await within.elementHandle();
  return cover.evaluate((over, area) => {
    const o = over.getBoundingClientRect();
    const found = area.querySelectorAll<HTMLElement>('button, input, select, textarea, [role="radio"], [tabindex="0"]');
    return [...found]
      .filter((c) => !over.contains(c) && c.getClientRects().length > 0)
      .filter((c) => {
        const r = c.getBoundingClientRect();
        return r.width > 0 && r.left < o.right && o.left < r.right && r.top < o.bottom && o.top < r.bottom;
      })
      .map((c) => c.getAttribute('aria-label') ?? (c.textContent.trim() || c.tagName));
  }, area);
}

async function shoot(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

async function newProjectWith(page: Page, url: string, files: string[]): Promise<Locator> {
  return (await importClips(page, url, files, PROJECT)).getByRole('listitem');
}

test('at 1280×800 the inspector shows every organising control whole beside the open cue timeline, and the timeline folds away and stays folded', async ({
  page,
  studio,
  workDir,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  const cards = await newProjectWith(page, studio.url, [makeClip(join(workDir, `${LONG}.mp4`), 4)]);
  await cards.first().click();
  const timeline = page.getByRole('region', { name: 'Cue timeline' });
  await expect(timeline.locator('[part~="wave"] canvas')).toBeVisible({ timeout: 30_000 });
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  const organiser = inspector.getByRole('region', { name: 'Organise' });
  const controls = [
    inspector.getByRole('button', { name: 'Export clip' }),
    organiser.getByRole('radiogroup', { name: 'Rating' }),
    organiser.getByRole('button', { name: 'Pick' }),
    organiser.getByRole('button', { name: 'Reject' }),
    organiser.getByRole('radiogroup', { name: 'Colour label' }),
    organiser.getByRole('textbox', { name: 'Add tag' }),
    inspector.getByRole('button', { name: 'Remix', exact: true }),
    inspector.getByRole('button', { name: 'Compare' }),
    inspector.getByRole('button', { name: 'Versions' }),
  ];
  // All of them at once, without scrolling the inspector.
  for (const control of controls) expect(await whollyShown(control)).toBe(true);
  // And the timeline is not laid over them.
  const timelineBox = await timeline.boundingBox();
  const inspectorBox = await inspector.boundingBox();
  if (!timelineBox || !inspectorBox) throw new Error('no timeline or inspector');
  expect(timelineBox.x + timelineBox.width).toBeLessThanOrEqual(inspectorBox.x + 0.5);
  await shoot(page, 'inspector-1280x800');

  // A tag too long is refused under its field, in the flow: it covers no control around it.
  const addTag = organiser.getByRole('textbox', { name: 'Add tag' });
  await addTag.fill('x'.repeat(45));
  await addTag.press('Enter');
  const problem = organiser.getByRole('alert');
  await expect(problem).toContainText('is too long: at most 40 characters');
  expect(await controlsUnder(problem, inspector)).toEqual([]);
  await shoot(page, 'inspector-tag-too-long-1280x800');
  await addTag.press('Escape');
  await expect(problem).toHaveCount(0);

  // The timeline folds to its bar: a disclosure, by mouse or by keyboard.
  const disclosure = timeline.getByRole('button', { name: 'Cue timeline' });
  await expect(disclosure).toHaveAttribute('aria-expanded', 'true');
  await disclosure.click();
  await expect(disclosure).toHaveAttribute('aria-expanded', 'false');
  await expect(timeline.getByLabel('Waveform')).toHaveCount(0);
  expect((await timeline.boundingBox())?.height ?? 999).toBeLessThan(60);
  await shoot(page, 'timeline-folded-1280x800');

  // Remembered across a reload.
  await page.reload();
  await cards.first().click();
  await expect(disclosure).toHaveAttribute('aria-expanded', 'false');
  await disclosure.focus();
  await page.keyboard.press('Enter');
  await expect(disclosure).toHaveAttribute('aria-expanded', 'true');
  await expect(timeline.locator('[part~="wave"] canvas')).toBeVisible({ timeout: 30_000 });
  await expect(disclosure).toBeFocused();
  // Space is the player's play / pause everywhere (NLE-style); Enter works the disclosure both ways.
  await page.keyboard.press('Enter');
  await expect(disclosure).toHaveAttribute('aria-expanded', 'false');
  await expect(disclosure).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(disclosure).toHaveAttribute('aria-expanded', 'true');
  await page.reload();
  await cards.first().click();
  await expect(timeline.getByRole('button', { name: 'Cue timeline' })).toHaveAttribute('aria-expanded', 'true');
});

test('the library, Trash and Prompt toolbars keep every control whole and apart at 1280, 1024 and 800 px, with a job queued; the project name shows at 1280', async ({
  page,
  studio,
  workDir,
}) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  const files = [makeClip(join(workDir, `${LONG}.mp4`), 3), makeClip(join(workDir, 'Alley in the rain.mp4'), 2)];
  const editor = await openPromptStudio(page, studio.url, PROJECT);
  // A long render (the engine's longest, in full HD) keeps a job in the queue until it is cancelled
  // at the end, however slow the machine: the Jobs tab shows its count.
  await paste(editor, 'Title: Long take\nScene: a field of wheat in wind\nSize: 1920x1080\nDuration: 60s');
  await page.getByRole('button', { name: 'Queue', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Queued “Long take”' })).toBeVisible();
  await page.getByRole('tab', { name: 'Library' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import clips' }).click();
  await (await chooser).setFiles(files);
  const cards = page.getByRole('list', { name: 'Clips' }).getByRole('listitem');
  await expect(cards).toHaveCount(2, { timeout: 60_000 });
  await cards.filter({ hasText: 'harbour' }).click();
  await expect(page.getByRole('tab', { name: 'Jobs' })).toContainText('1');

  const bar = page.locator('.canvas__toolbar');
  const name = bar.getByRole('heading', { level: 1 });
  const controls = page.locator('.library-controls__bar');
  const search = bar.getByRole('searchbox', { name: 'Search clips' });
  for (const size of WINDOWS) {
    await page.setViewportSize(size);
    await expectTidy(bar, `library at ${size.width}`);
    // The row under it (sort, filters, smart collections, Save, the view) is whole in the window too.
    await expectTidy(controls, `library controls at ${size.width}`);
    for (const control of await controls.locator('button, select, input').all())
      if (await control.isVisible())
        expect(
          await whollyShown(control),
          `${size.width}: ${(await control.getAttribute('aria-label')) ?? (await control.textContent())} is whole`,
        ).toBe(true);
    // The search keeps room for a few words; a long project name is cut instead.
    expect((await search.boundingBox())?.width ?? 0, `${size.width}: search width`).toBeGreaterThanOrEqual(
      size.width === 800 ? 120 : 200,
    );
    // Nothing of the toolbar reaches into the inspector.
    const canvas = await page.getByRole('main').boundingBox();
    const toolbar = await bar.boundingBox();
    if (!canvas || !toolbar) throw new Error('no canvas');
    expect(toolbar.x + toolbar.width).toBeLessThanOrEqual(canvas.x + canvas.width + 0.5);
    if (size.width === 1280) {
      expect(await charactersShown(name)).toBeGreaterThanOrEqual(12);
      await expect(name).toHaveAttribute('title', new RegExp(`^${PROJECT}`));
      await expect(bar.getByRole('button', { name: 'Import clips' })).toBeVisible();
      await expect(bar.getByRole('button', { name: 'Trash' })).toBeVisible();
    }
    await shoot(page, `library-header-${size.width}`);
  }
  // Where Trash, Import clips and the Grid / List switch have gone into More, they are there under the same names.
  await expect(bar.getByRole('button', { name: 'Import clips' })).toBeHidden();
  await expect(controls.getByRole('button', { name: 'List' })).toBeHidden();
  await bar.getByRole('button', { name: 'More' }).click();
  await expect(page.getByRole('menuitem', { name: 'Grid' })).toHaveAttribute('aria-current', 'true');
  await page.getByRole('menuitem', { name: 'List' }).click();
  await expect(page.getByRole('table', { name: 'Clips' })).toBeVisible();
  await expectTidy(controls, 'library controls in the list at 800');
  await bar.getByRole('button', { name: 'More' }).click();
  await expect(page.getByRole('menuitem', { name: 'List' })).toHaveAttribute('aria-current', 'true');
  await page.getByRole('menuitem', { name: 'Grid' }).click();
  await expect(page.getByRole('list', { name: 'Clips' })).toBeVisible();
  await bar.getByRole('button', { name: 'More' }).click();
  await expect(page.getByRole('menuitem', { name: 'Import clips' })).toBeVisible();
  await page.getByRole('menuitem', { name: 'Trash' }).click();
  await expect(page.getByText('The Trash is empty')).toBeVisible();

  for (const size of WINDOWS) {
    await page.setViewportSize(size);
    await expectTidy(bar, `Trash at ${size.width}`);
    await shoot(page, `trash-header-${size.width}`);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  await bar.getByRole('button', { name: 'Back to clips' }).click();

  await page.getByRole('tab', { name: 'Prompt' }).click();
  const promptBar = page.locator('.prompt-toolbar');
  for (const size of WINDOWS) {
    await page.setViewportSize(size);
    await expectTidy(promptBar, `Prompt at ${size.width}`);
    await expect(promptBar.getByRole('button', { name: 'Save as template' })).toBeVisible();
    await shoot(page, `prompt-header-${size.width}`);
  }
  // The icon-only tabs keep their names: the keyboard and a click still reach every view.
  await page.getByRole('tab', { name: 'Jobs' }).click();
  const queue = page.getByRole('list', { name: 'Queue' });
  await queue.getByRole('listitem').getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('Nothing queued or running.')).toBeVisible();
});

test('two versions of a long title are told apart in the list, the lineage, Compare and the Versions graph, and Compare’s toolbar stays whole', async ({
  page,
  studio,
}) => {
  test.setTimeout(150_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  const prompt = `Title: ${LONG}\nScene: A harbour at dawn, boats rocking.\nCamera: Static wide shot.\nAudio: Waves on the quay, bell at 00:01\nSize: 320x180\nDuration: 2s`;
  const { editor, cards } = await renderedClip(page, studio.url, PROJECT, prompt);
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await remixChosen(page);
  await pasteOver(editor, prompt.replace('Static wide shot.', 'Slow push-in.'));
  await page.getByRole('button', { name: 'Queue', exact: true }).click();
  await page.getByRole('tab', { name: 'Library' }).click();
  // Until it lands, the remix shows in the lineage under the clip it remixes.
  const lineage = inspector.getByRole('region', { name: 'Lineage' });
  const coming = lineage.locator('.lineage__row--pending');
  await expect(coming).toContainText(/^v2 .*(queued|starting|rendering \d+%) · Built-in engine$/);
  await shoot(page, 'lineage-remix-pending-1280');
  await expect(cards).toHaveCount(2, { timeout: 120_000 });
  await expect(coming).toHaveCount(0);

  /** The shown ends of the titles in a place: each wholly in view, and no two alike. */
  async function expectToldApart(where: Locator, label: string): Promise<void> {
    const tails = where.locator('.middle-title__tail');
    await expect(tails).toHaveCount(2);
    for (const tail of await tails.all()) expect(await whollyShown(tail), `${label}: the end is shown`).toBe(true);
    const [a, b] = await tails.allTextContents();
    expect(a, `${label}: the two ends differ`).not.toBe(b);
    await expect(tails.filter({ hasText: /v2$/ })).toHaveCount(1);
  }

  await expectToldApart(page.getByRole('list', { name: 'Clips' }), 'grid');
  await page.getByRole('button', { name: 'List' }).click();
  await expectToldApart(page.getByRole('table', { name: 'Clips' }), 'list');
  await shoot(page, 'list-versions-1280');

  // At 1024×768 beside the inspector, the first version picked keeps a readable title beside its
  // Pick badge and v1: other columns give way first.
  const table = page.getByRole('table', { name: 'Clips' });
  const original = table
    .getByRole('row')
    .filter({ hasText: LONG })
    .filter({ hasNotText: `${LONG} v2` });
  await original.click();
  await page.keyboard.press('p');
  await expect(original.locator('.clip-marks__flag--pick')).toBeVisible();
  await expect(original.locator('.version-badge')).toHaveText('v1');
  for (const size of [{ width: 1024, height: 768 }]) {
    await page.setViewportSize(size);
    await expect(inspector).toBeVisible();
    const title = original.locator('.middle-title');
    const room = await title.evaluate((element) => element.getBoundingClientRect().width);
    const columns = await table.evaluate((element) =>
      [...element.querySelectorAll('th')]
        .filter((th) => th.getClientRects().length > 0)
        .map((th) => `${th.textContent.replace(/[▲▼]/, '')} ${Math.round(th.getBoundingClientRect().width)}`)
        .join(', '),
    );
    console.log(`list at ${size.width}×${size.height} beside the inspector: title ${room.toFixed(0)} px; ${columns}`);
    expect(room, `${size.width}: the picked v1's title beside its badges`).toBeGreaterThanOrEqual(140);
    expect(await whollyShown(original.locator('.middle-title__tail')), `${size.width}: the end shows`).toBe(true);
    expect(await fitsSideways(page.locator('.clip-list')), `${size.width}: the list fits`).toBe(true);
    await shoot(page, `list-pick-v1-${size.width}`);
  }
  // At 1280 the date has the room to stay.
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(table.getByRole('columnheader', { name: /Created/ })).toBeVisible();
  await shoot(page, 'list-pick-v1-1280');
  await page.getByRole('button', { name: 'Grid' }).click();
  await cards.filter({ hasText: `${LONG} v2` }).click();
  await expectToldApart(inspector.getByRole('region', { name: 'Lineage' }), 'lineage');

  await inspector.getByRole('button', { name: 'Compare' }).click();
  const compare = page.getByRole('main');
  await expectToldApart(compare.locator('.compare__stage'), 'Compare');
  // The pickers name every version alike, number first, so a cut name still says which it is.
  const pickedB = compare.getByRole('combobox', { name: 'Version B' }).locator('option:checked');
  await expect(pickedB).toHaveText(new RegExp(`^\\s*v2 · ${LONG} · \\S`));
  await expect(compare.getByRole('combobox', { name: 'Version A' }).locator('option:checked')).toHaveText(
    new RegExp(`^v1 · ${LONG} · \\S`),
  );
  for (const size of WINDOWS) {
    await page.setViewportSize(size);
    await expectTidy(compare.locator('.toolbar'), `Compare at ${size.width}`);
    await shoot(page, `compare-${size.width}`);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.keyboard.press('Escape');
  await inspector.getByRole('button', { name: 'Versions' }).click();
  await expectToldApart(page.getByRole('region', { name: 'Version graph' }), 'Versions');
  await shoot(page, 'versions-1280');
});

/** Whether an element's content fits its box without being cut or scrolled sideways. */
function fitsSideways(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => element.scrollWidth <= element.clientWidth + 1);
}

/** Whether the focused element and its focus ring are wholly inside the clips' scroller. */
function focusRingShown(page: Page): Promise<{ ring: number; scroller: number; top: boolean; bottom: boolean }> {
  return page.evaluate(() => {
    const focused = document.activeElement;
    const scroller = focused?.closest('.clip-scroller');
    if (!(focused instanceof HTMLElement) || !scroller) throw new Error('no clip has the focus');
    const style = getComputedStyle(focused);
    const out = Math.max(0, parseFloat(style.outlineWidth) + parseFloat(style.outlineOffset));
    const r = focused.getBoundingClientRect();
    const view = scroller.getBoundingClientRect();
    return {
      ring: r.top - out,
      scroller: view.top,
      top: r.top - out >= view.top - 0.5,
      bottom: r.bottom + out <= view.bottom + 0.5,
    };
  });
}

test('with several clips chosen by keyboard, the focused card and its ring stay whole under the selection bar at 1024 and 800 px; the library at each size', async ({
  page,
  studio,
  workDir,
}) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  const titles = ['Harbour at dawn', 'Alley in the rain', 'Market crowd', LONG, 'Gulls over the pier'];
  const cards = await newProjectWith(
    page,
    studio.url,
    titles.map((title, i) => makeClip(join(workDir, `${title}.mp4`), 1 + i)),
  );
  // Ratings and tags on a few cards, for the pictures.
  const organiser = page.getByRole('region', { name: 'Organise' });
  for (const i of [0, 1, 3]) {
    await cards.nth(i).click();
    await page.keyboard.press(String(5 - i));
    const addTag = organiser.getByRole('textbox', { name: 'Add tag' });
    await addTag.fill(i === 1 ? 'keeper, golden hour' : 'night');
    await addTag.press('Enter');
    await expect(organiser.getByRole('button', { name: /^Remove tag/ }).first()).toBeVisible();
  }
  const selectionBar = page.getByRole('toolbar', { name: 'Selected clips' });
  for (const size of WINDOWS) {
    await page.setViewportSize(size);
    await expect(page.getByRole('list', { name: 'Clips' })).toBeVisible();
    await shoot(page, `library-grid-${size.width}`);
    const more = page.locator('.canvas__toolbar').getByRole('button', { name: 'More' });
    const inMore = await more.isVisible();
    if (inMore) {
      await more.click();
      await page.getByRole('menuitem', { name: 'List' }).click();
    } else await page.getByRole('button', { name: 'List' }).click();
    const table = page.getByRole('table', { name: 'Clips' });
    await expect(table).toBeVisible();
    // The list fits its pane: no sideways scrolling, the titles in view.
    expect(await fitsSideways(page.locator('.clip-list')), `list at ${size.width} fits`).toBe(true);
    expect(await whollyShown(table.getByRole('columnheader', { name: 'Title' })), `${size.width}: Title`).toBe(true);
    const firstTitle = table.getByRole('row').nth(1).getByRole('cell').first();
    expect(await whollyShown(firstTitle), `${size.width}: the first clip's title`).toBe(true);
    await shoot(page, `library-list-${size.width}`);
    if (inMore) {
      await more.click();
      await page.getByRole('menuitem', { name: 'Grid' }).click();
    } else await page.getByRole('button', { name: 'Grid' }).click();

    // From the last card, Shift+Arrow keys choose upwards; each card moved to has the focus and its ring.
    await cards.last().click();
    await page.keyboard.press('Shift+ArrowLeft');
    await expect(selectionBar).toBeVisible();
    await expectTidy(selectionBar, `selection bar at ${size.width}`);
    for (let step = 0; step < titles.length; step++) {
      await page.keyboard.press('Shift+ArrowUp');
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      const shown = await focusRingShown(page);
      expect(
        shown.top,
        `${size.width}, step ${step}: the ring's top (${shown.ring}) is under the bar (${shown.scroller})`,
      ).toBe(true);
      expect(shown.bottom, `${size.width}, step ${step}: the ring's bottom is in view`).toBe(true);
    }
    await shoot(page, `library-selection-${size.width}`);
    await page.keyboard.press('Escape');
    await expect(selectionBar).toHaveCount(0);
  }
});

/** How many of a middle-cut title's characters show: its start before the ellipsis, and its end. */
function middleTitleShown(title: Locator): Promise<number> {
  return title.evaluate((element) => {
    let shown = 0;
    for (const part of element.querySelectorAll<HTMLElement>('.middle-title__head, .middle-title__tail')) {
      const text = part.firstChild;
      if (!text || text.nodeType !== Node.TEXT_NODE) continue;
      const room = part.getBoundingClientRect().right;
      const range = document.createRange();
      for (let i = 1; i <= (text.textContent ?? '').length; i++) {
        range.setStart(text, 0);
        range.setEnd(text, i);
        if (range.getBoundingClientRect().right > room + 0.5) break;
        shown += 1;
      }
    }
    return shown;
  });
}

test('at 1280×800 with a clip chosen, the list gives a picked clip’s long title the room beside its badge, and Created is as wide as its dates', async ({
  page,
  studio,
  workDir,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  const title = 'Über den Dächern der Stadt bei Nacht, Regen auf dem Glas';
  const cards = await newProjectWith(page, studio.url, [
    makeClip(join(workDir, `${title}.mp4`), 1),
    makeClip(join(workDir, 'Alley in the rain.mp4'), 2),
  ]);
  await cards.filter({ hasText: 'Über' }).click();
  await page.keyboard.press('p');
  await expect(page.getByRole('region', { name: 'Organise' }).getByRole('button', { name: 'Pick' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await page.getByRole('button', { name: 'List' }).click();
  const table = page.getByRole('table', { name: 'Clips' });
  const row = table.getByRole('row').filter({ hasText: 'Über' });
  await expect(row.locator('.clip-marks__flag--pick')).toBeVisible();
  const shown = await middleTitleShown(row.locator('.middle-title'));
  const widths = await table.evaluate((element) =>
    Object.fromEntries(
      [...element.querySelectorAll('th')].map((th) => [
        th.textContent.replace(/[▲▼]/, ''),
        th.getBoundingClientRect().width,
      ]),
    ),
  );
  console.log(
    `list at 1280×800 beside the inspector: ${shown} characters of the title shown; columns ${JSON.stringify(widths)}`,
  );
  expect(shown, 'characters of the title shown beside its Pick badge').toBeGreaterThanOrEqual(24);
  // The end stays whole: versions differ there.
  const tail = row.locator('.middle-title__tail');
  expect(await whollyShown(tail), 'the end of the title is in view').toBe(true);
  // Measured to the fraction of a pixel: a tail short by less than one still loses letters for an ellipsis.
  const cut = await tail.evaluate((element) => {
    const range = document.createRange();
    range.selectNodeContents(element);
    return range.getBoundingClientRect().width - element.getBoundingClientRect().width;
  });
  expect(cut, 'the end of the title is not cut').toBeLessThanOrEqual(0.01);
  // Every date shows whole, and the column is no wider than its widest date needs.
  for (const cell of await table.locator('td.clip-list__cell--created').all()) {
    const fit = await cell.evaluate((element) => {
      const range = document.createRange();
      range.selectNodeContents(element);
      const style = getComputedStyle(element);
      const room = element.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      return { text: range.getBoundingClientRect().width, room, cut: element.scrollWidth > element.clientWidth };
    });
    expect(fit.cut, 'a date is cut').toBe(false);
    expect(fit.room - fit.text, 'room left beside a date').toBeLessThan(48);
  }
  await shoot(page, 'list-pick-1280x800');
});

/** The part of a box (0 to 1 of its height) inside another's, top to bottom. */
async function shownHeight(box: Locator, within: Locator): Promise<number> {
  const b = await box.boundingBox();
  const w = await within.boundingBox();
  if (!b || !w) return 0;
  return Math.max(0, Math.min(b.y + b.height, w.y + w.height) - Math.max(b.y, w.y)) / b.height;
}

test('at 1280×800 with a clip chosen the cards keep two rows above the cue timeline, whose height the creator drags and the studio remembers; the open project stays in view in the sidebar, an export message too', async ({
  page,
  studio,
  workDir,
}) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  const files = ['Harbour at dawn', 'Alley in the rain', 'Market crowd', 'Gulls over the pier'].map((title, i) =>
    makeClip(join(workDir, `${title}.mp4`), 1, `${320 + 16 * i}x180`),
  );
  const cards = await newProjectWith(page, studio.url, files);
  // More projects than the sidebar shows at once: the one with the clips goes to the end of the list.
  for (let i = 1; i <= 20; i++) {
    await page.getByRole('button', { name: 'New project' }).first().click();
    const name = page.getByRole('textbox', { name: 'Project name' });
    await name.fill(`Session ${String(i).padStart(2, '0')}`);
    await name.press('Enter');
    await expect(
      page.getByRole('button', { name: new RegExp(`^Session ${String(i).padStart(2, '0')}`) }),
    ).toHaveAttribute('aria-current', 'true');
  }
  const projects = page.getByRole('list', { name: 'Projects' });
  const open = projects.getByRole('button', { name: new RegExp(`^${PROJECT}`) });
  await open.click();
  await expect(open).toHaveAttribute('aria-current', 'true');
  await cards.first().click();
  const timeline = page.getByRole('region', { name: 'Cue timeline' });
  await expect(timeline.locator('[part~="wave"] canvas')).toBeVisible({ timeout: 30_000 });

  // Two rows of cards show above the timeline: the first whole, the second at least half.
  const scroller = page.locator('.clip-scroller');
  const rows = page.locator('.clip-grid__row');
  const first = await shownHeight(rows.nth(0), scroller);
  const second = await shownHeight(rows.nth(1), scroller);
  const listBox = await projects.boundingBox();
  const timelineBox = await timeline.boundingBox();
  console.log(
    `1280×800, a clip chosen: timeline ${timelineBox?.height} px, cards' rows shown ${first.toFixed(2)} and ${second.toFixed(2)}, project list ${listBox?.height} px`,
  );
  expect(first, 'the first row of cards is whole').toBeGreaterThanOrEqual(0.99);
  expect(second, 'the second row of cards shows at least half').toBeGreaterThanOrEqual(0.5);
  expect(listBox?.height ?? 0, 'the project list keeps room').toBeGreaterThanOrEqual(250);
  // The list got shorter as the timeline opened: the open project is still in view.
  expect(await whollyShown(open), 'the open project is in view').toBe(true);
  await shoot(page, 'split-1280x800');

  // Its top edge shares the height: dragged up 100 px, the timeline is 100 px taller, and stays so.
  const edge = page.getByRole('separator', { name: 'Cue timeline height' });
  const edgeBox = await edge.boundingBox();
  if (!edgeBox || !timelineBox) throw new Error('no timeline edge');
  await page.mouse.move(edgeBox.x + 200, edgeBox.y + edgeBox.height / 2);
  await page.mouse.down();
  await page.mouse.move(edgeBox.x + 200, edgeBox.y + edgeBox.height / 2 - 50, { steps: 4 });
  await page.mouse.move(edgeBox.x + 200, edgeBox.y + edgeBox.height / 2 - 100, { steps: 4 });
  await page.mouse.up();
  expect(Math.abs(((await timeline.boundingBox())?.height ?? 0) - (timelineBox.height + 100))).toBeLessThanOrEqual(1);
  await page.reload();
  await cards.first().click();
  await expect(timeline.locator('[part~="wave"] canvas')).toBeVisible({ timeout: 30_000 });
  expect(Math.abs(((await timeline.boundingBox())?.height ?? 0) - (timelineBox.height + 100))).toBeLessThanOrEqual(1);
  // By keyboard: a step down, and as tall as it goes, which still leaves a row of cards whole.
  await edge.focus();
  await page.keyboard.press('ArrowDown');
  expect(Math.abs(((await timeline.boundingBox())?.height ?? 0) - (timelineBox.height + 84))).toBeLessThanOrEqual(1);
  await page.keyboard.press('End');
  await expect(edge).toHaveAttribute('aria-valuenow', /\d+/);
  expect(await shownHeight(rows.nth(0), scroller), 'a row of cards stays whole').toBeGreaterThanOrEqual(0.99);
  // The playhead did not move: the edge's arrows are its own.
  await expect(timeline.getByRole('status', { name: 'Playhead' })).toHaveText('00:00.000');
  await shoot(page, 'split-tallest-1280x800');
  // A double click goes back to the default.
  await edge.dblclick();
  expect(Math.abs(((await timeline.boundingBox())?.height ?? 0) - timelineBox.height)).toBeLessThanOrEqual(1);

  // A project file's message under the list leaves it rows, and the open project in view.
  await expect(open).toHaveAttribute('aria-current', 'true');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export project…' }).click();
  await download;
  const files_ = page.getByRole('region', { name: 'Project files' });
  await expect(files_.getByRole('status')).toContainText('Exported');
  const withMessage = (await projects.boundingBox())?.height ?? 0;
  console.log(`with the export message: project list ${withMessage} px`);
  expect(withMessage, 'the project list keeps three rows beside the message').toBeGreaterThanOrEqual(93);
  expect(await whollyShown(open), 'the open project is in view beside the message').toBe(true);
  await shoot(page, 'split-export-message-1280x800');
});

test('at 800×600 with a clip chosen the open Filters stay above the cue timeline, however tall it is made', async ({
  page,
  studio,
  workDir,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  const cards = await newProjectWith(page, studio.url, [makeClip(join(workDir, `${LONG}.mp4`), 2)]);
  await page.setViewportSize({ width: 800, height: 600 });
  await cards.first().click();
  const timeline = page.getByRole('region', { name: 'Cue timeline' });
  await expect(timeline.locator('[part~="wave"] canvas')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: /^Filters/ }).click();
  const filters = page.getByRole('group', { name: 'Filters' });
  await expect(filters).toBeVisible();
  const canvas = page.getByRole('main');
  /** The canvas's controls that reach into the timeline, and whether the canvas spills over it. */
  const overlaps = async (): Promise<string[]> => {
    const line = (await timeline.boundingBox())?.y ?? 0;
    const found = await canvas.evaluate((element, line) => {
      const controls = element.querySelectorAll<HTMLElement>('button, input, select, [role="group"]');
      return [...controls]
        .filter((c) => c.getClientRects().length > 0)
        .filter((c) => {
          // What a scrolled box hides is not over the timeline.
          const r = c.getBoundingClientRect();
          let bottom = r.bottom;
          for (let box = c.parentElement; box && box !== element.parentElement; box = box.parentElement) {
            const style = getComputedStyle(box);
            if (style.overflowY !== 'visible') bottom = Math.min(bottom, box.getBoundingClientRect().bottom);
          }
          return bottom > line + 0.5 && r.top < bottom;
        })
        .map((c) => c.getAttribute('aria-label') ?? (c.textContent.trim() || c.tagName));
    }, line);
    const spill = await canvas.evaluate((element) => element.scrollHeight > element.clientHeight + 1);
    return spill ? [...found, 'the canvas runs over'] : found;
  };
  expect(await overlaps(), 'the canvas over the cue timeline').toEqual([]);
  await shoot(page, 'filters-800x600');
  // As tall as the timeline goes.
  await page.getByRole('separator', { name: 'Cue timeline height' }).focus();
  await page.keyboard.press('End');
  expect(await overlaps(), 'the canvas over the tallest cue timeline').toEqual([]);
  await shoot(page, 'filters-tallest-800x600');
});

/** How far a box's text runs past it (≤ 0 when it shows whole), to the fraction of a pixel. */
function textOverrun(part: Locator): Promise<number> {
  return part.evaluate((element) => {
    const range = document.createRange();
    range.selectNodeContents(element);
    return range.getBoundingClientRect().right - element.getBoundingClientRect().right;
  });
}

/** Exports the open project as a bundle to `bundle`, then imports that bundle back into the library. */
async function importOwnBundle(page: Page, bundle: string): Promise<void> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export project…' }).click();
  await (await download).saveAs(bundle);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import project…' }).click();
  await (await chooser).setFiles(bundle);
}

test('a project imported from its own bundle reads “… (imported)” in the sidebar, cut in the middle, at 1280, 1024 and 800 px', async ({
  page,
  studio,
  workDir,
}) => {
  test.setTimeout(150_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await newProjectWith(page, studio.url, [makeClip(join(workDir, 'Harbour at dawn.mp4'), 1)]);
  await importOwnBundle(page, join(workDir, 'lighthouse.shotline'));
  const projects = page.getByRole('list', { name: 'Projects' });
  const imported = projects.getByRole('button', { name: new RegExp(`^${PROJECT} \\(imported\\)`) });
  await expect(imported).toHaveAttribute('aria-current', 'true', { timeout: 60_000 });
  const original = projects.locator('button[aria-current]').or(projects.locator('button[data-project-id]')).filter({
    hasNotText: '(imported)',
  });
  // The whole name in the row's tooltip.
  await expect(imported).toHaveAttribute('title', new RegExp(`^${PROJECT} \\(imported\\) — 1 clip`));
  for (const size of WINDOWS) {
    await page.setViewportSize(size);
    const end = imported.locator('.middle-title__tail');
    await expect(end).toHaveText(/\(imported\)$/);
    expect(await textOverrun(end), `${size.width}: “(imported)” shows whole`).toBeLessThanOrEqual(0.01);
    const shown = [
      await imported.locator('.middle-title').evaluate((e) => e.getBoundingClientRect().width),
      await original.locator('.middle-title').evaluate((e) => e.getBoundingClientRect().width),
    ];
    console.log(`${size.width}: names ${shown.map((w) => w.toFixed(0)).join(' / ')} px wide`);
    expect(
      await middleTitleShown(imported.locator('.middle-title')),
      `${size.width}: its start shows too`,
    ).toBeGreaterThan((await end.textContent())?.length ?? 0);
    // The original, with no aside, keeps its start as before.
    expect(
      await middleTitleShown(original.locator('.middle-title')),
      `${size.width}: the original's start`,
    ).toBeGreaterThanOrEqual(12);
    await shoot(page, `sidebar-imported-${size.width}`);
  }
});

test('at 800×600 the Trash explains its sizes across the view, and a clip whose file another clip uses says so instead of “frees 0 B”', async ({
  page,
  studio,
  workDir,
}) => {
  test.setTimeout(150_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await newProjectWith(page, studio.url, [makeClip(join(workDir, 'Harbour at dawn.mp4'), 1)]);
  // The project imported from its own bundle: its clip uses the same file as the original.
  await importOwnBundle(page, join(workDir, 'harbour.shotline'));
  await expect(
    page.getByRole('list', { name: 'Projects' }).getByRole('button', { name: /\(imported\)/ }),
  ).toHaveAttribute('aria-current', 'true', { timeout: 60_000 });
  const card = page.getByRole('list', { name: 'Clips' }).getByRole('listitem');
  await card.getByRole('button', { name: 'Harbour at dawn' }).click();
  await page.keyboard.press('Delete');
  await expect(card).toHaveCount(0);

  await page.setViewportSize({ width: 800, height: 600 });
  await page.locator('.canvas__toolbar').getByRole('button', { name: 'More' }).click();
  await page.getByRole('menuitem', { name: 'Trash' }).click();
  const trash = page.getByRole('region', { name: 'Trash' });
  const row = trash.getByRole('listitem');
  await expect(row).toContainText('shares its file with 1 clip');
  await expect(row).not.toContainText('frees 0 B');
  const meta = row.locator('.trash__meta');
  expect(await fitsSideways(meta), 'the row says it whole').toBe(true);
  expect(await whollyShown(meta.getByText(/shares its file with 1 clip/)), 'the shared file is in view').toBe(true);
  await expect(trash).toContainText('emptying frees 0 B');
  const note = trash.getByText(/^Sizes are what emptying frees/);
  const noteBox = await note.boundingBox();
  const viewBox = await trash.boundingBox();
  if (!noteBox || !viewBox) throw new Error('no note');
  const lines = Math.round(noteBox.height / parseFloat(await note.evaluate((e) => getComputedStyle(e).lineHeight)));
  console.log(`Trash at 800×600: the note ${noteBox.width} px wide in a ${viewBox.width} px view, ${lines} lines`);
  expect(noteBox.width, 'the note takes the view’s width').toBeGreaterThanOrEqual(viewBox.width * 0.8);
  expect(lines, 'the note’s lines').toBeLessThanOrEqual(6);
  await shoot(page, 'trash-shared-800x600');
});

test('at 800×600 the Export dialog ends a long title in an ellipsis, whole in its tooltip, and the file is named after whole words and the date', async ({
  page,
  studio,
  workDir,
}) => {
  test.setTimeout(120_000);
  const title = 'The Lighthouse Keeper’s Daughter walks along the harbour wall at dawn, gulls wheeling over the boats';
  const cards = await newProjectWith(page, studio.url, [makeClip(join(workDir, `${title}.mp4`), 1)]);
  await page.setViewportSize({ width: 800, height: 600 });
  await cards.first().click();
  await page.getByRole('complementary', { name: 'Inspector' }).getByRole('button', { name: 'Export clip' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export clip' });
  const shown = dialog.getByTitle(title, { exact: true });
  await expect(shown).toHaveText(title);
  // The box holding the words cuts them with an ellipsis: a flex row would cut them bare.
  const cut = await shown.evaluate((element) => {
    const holder = [...element.childNodes].some(
      (n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '',
    )
      ? element
      : element.querySelector('span');
    if (!holder) return null;
    const style = getComputedStyle(holder);
    return {
      ellipsis: style.textOverflow === 'ellipsis' && !/flex|grid/.test(style.display),
      overflows: holder.scrollWidth > holder.clientWidth,
    };
  });
  expect(cut, 'the title is cut with an ellipsis').toEqual({ ellipsis: true, overflows: true });
  // Inside the dialog (in the top layer: the inspector it was opened from does not clip it).
  const [box, around] = [await shown.boundingBox(), await dialog.boundingBox()];
  if (!box || !around) throw new Error('no title or dialog');
  expect(box.x + box.width, 'the title ends inside the dialog').toBeLessThanOrEqual(around.x + around.width);
  await shoot(page, 'export-dialog-long-title-800x600');
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  expect((await download).suggestedFilename()).toMatch(
    /^The Lighthouse Keeper’s Daughter walks along the harbour wall at dawn, gulls \d{4}-\d\d-\d\d \d{4}\.mp4$/,
  );
});

/** Shows the clips as a grid or a list, from the toolbar or, in a narrow window, its More menu. */
async function showAs(page: Page, layout: 'Grid' | 'List'): Promise<void> {
  const more = page.locator('.canvas__toolbar').getByRole('button', { name: 'More' });
  if (await more.isVisible()) {
    await more.click();
    await page.getByRole('menuitem', { name: layout }).click();
  } else await page.getByRole('button', { name: layout }).click();
}

test('while searching, what each clip matched has a line of its own: under a card’s stars and tags, and under a title in the list', async ({
  page,
  studio,
  workDir,
}) => {
  test.setTimeout(150_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  const titles = ['Harbour at dawn', `${LONG}, harbour wall`, 'Alley in the rain'];
  const cards = await newProjectWith(
    page,
    studio.url,
    titles.map((title, i) => makeClip(join(workDir, `${title}.mp4`), 1 + i)),
  );
  const organiser = page.getByRole('region', { name: 'Organise' });
  for (const title of titles.slice(0, 2)) {
    await cards.getByRole('button', { name: title, exact: true }).click();
    await page.keyboard.press('4');
    const addTag = organiser.getByRole('textbox', { name: 'Add tag' });
    await addTag.fill('keeper');
    await addTag.press('Enter');
    await expect(organiser.getByRole('button', { name: /^Remove tag/ })).toHaveCount(1);
  }
  await page.keyboard.press('Escape');
  await page.getByRole('searchbox', { name: 'Search clips' }).fill('harbour');
  await expect(cards).toHaveCount(2);

  for (const size of [
    { width: 1280, height: 800 },
    { width: 1024, height: 768 },
  ]) {
    await page.setViewportSize(size);
    // The grid: the stars and the tag stay; the snippet is under them, whole inside its card.
    for (const card of await cards.all()) {
      const snippet = card.locator('.snippet');
      await expect(snippet.locator('mark').first()).toHaveText(/harbour/i);
      await expect(card.getByRole('img', { name: '4 stars' })).toBeVisible();
      await expect(card.getByLabel('Tags: keeper')).toBeVisible();
      const [marks, line, box] = [
        await card.locator('.clip-card__marks').boundingBox(),
        await snippet.boundingBox(),
        await card.boundingBox(),
      ];
      if (!marks || !line || !box) throw new Error('no marks, snippet or card');
      expect(line.y, `${size.width}: the snippet is under the marks`).toBeGreaterThanOrEqual(
        marks.y + marks.height - 0.5,
      );
      expect(line.y + line.height, `${size.width}: the snippet is inside its card`).toBeLessThanOrEqual(
        box.y + box.height + 0.5,
      );
    }
    await shoot(page, `search-grid-${size.width}`);

    // The list: the snippet under the title, as wide as the title's column.
    await showAs(page, 'List');
    const table = page.getByRole('table', { name: 'Clips' });
    for (const row of await table
      .getByRole('row')
      .filter({ has: page.locator('.snippet') })
      .all()) {
      const geometry = await row.locator('td.clip-list__cell--title').evaluate((cell) => {
        const title = cell.querySelector('.clip-list__title')?.getBoundingClientRect();
        const snippet = cell.querySelector('.snippet')?.getBoundingClientRect();
        const style = getComputedStyle(cell);
        const room = cell.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        return title && snippet
          ? {
              titleBottom: title.bottom,
              snippetTop: snippet.top,
              width: snippet.width,
              room,
              rowBottom: cell.getBoundingClientRect().bottom,
              snippetBottom: snippet.bottom,
            }
          : null;
      });
      if (!geometry) throw new Error('no title or snippet in the row');
      expect(geometry.snippetTop, `${size.width}: the snippet is under the title`).toBeGreaterThanOrEqual(
        geometry.titleBottom - 0.5,
      );
      expect(geometry.width, `${size.width}: the snippet has the column's width`).toBeGreaterThanOrEqual(
        geometry.room - 1,
      );
      expect(geometry.snippetBottom, `${size.width}: the snippet is inside its row`).toBeLessThanOrEqual(
        geometry.rowBottom + 0.5,
      );
    }
    await expect(table.getByRole('row').filter({ has: page.locator('.snippet') })).toHaveCount(2);
    await shoot(page, `search-list-${size.width}`);
    await showAs(page, 'Grid');
  }
});

test('at 1280×800 and 1024×768 beside the library the cue tools keep to one line; in the Prompt view the “Queued” note leaves the Problems bar whole', async ({
  page,
  studio,
  workDir,
}) => {
  test.setTimeout(150_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  const cards = await newProjectWith(page, studio.url, [makeClip(join(workDir, 'Harbour at dawn.mp4'), 2)]);
  await cards.first().click();
  const timeline = page.getByRole('region', { name: 'Cue timeline' });
  await expect(timeline.locator('[part~="wave"] canvas')).toBeVisible({ timeout: 30_000 });
  const bar = timeline.getByRole('toolbar', { name: 'Cue tools' });
  for (const size of [
    { width: 1280, height: 800 },
    { width: 1024, height: 768 },
  ]) {
    await page.setViewportSize(size);
    const lines = await bar.evaluate((element) =>
      [...element.children]
        .filter((child) => child.getClientRects().length > 0)
        .map((child) => {
          const r = child.getBoundingClientRect();
          return { name: child.getAttribute('aria-label') ?? child.textContent.trim(), middle: r.top + r.height / 2 };
        }),
    );
    const first = lines[0]?.middle ?? 0;
    for (const control of lines)
      expect(
        Math.abs(control.middle - first),
        `${control.name} is on the first line at ${size.width}`,
      ).toBeLessThanOrEqual(3);
    // The buttons keep their names whether their words show or not.
    for (const name of ['Import cues', 'Export cues', 'Cues to prompt', 'Shortcuts'])
      await expect(bar.getByRole('button', { name, exact: true })).toBeVisible();
    await expectTidy(bar, `cue tools at ${size.width}`);
    await shoot(page, `cue-tools-${size.width}x${size.height}`);
  }
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.getByRole('tab', { name: 'Prompt' }).click();
  const editor = page.getByRole('textbox', { name: 'Prompt editor' });
  await paste(
    editor,
    'Title: Gulls\nScene: gulls over the pier\nSize: 320x180\nDuration: 1s\nCamera: tilt up sideways',
  );
  const problems = page.getByRole('region', { name: 'Problems' });
  await expect(problems).toBeVisible();
  await page.getByRole('button', { name: 'Queue', exact: true }).click();
  const toast = page.getByRole('status').filter({ hasText: 'Queued “Gulls”' });
  await expect(toast).toBeVisible();
  // Read at once: the note fades after a few seconds.
  const under = await controlsUnder(toast, problems);
  const [note, bottom] = await toast.evaluate((element) => {
    const head = document.querySelector('.problems__head');
    if (!head) throw new Error('no Problems bar');
    return [element.getBoundingClientRect().toJSON(), head.getBoundingClientRect().toJSON()] as DOMRect[];
  });
  await shoot(page, 'prompt-queued-1280x800');
  if (!note || !bottom) throw new Error('no toast or Problems bar');
  console.log(`Prompt view at 1280×800: the note ${JSON.stringify(note)}, the Problems bar ${JSON.stringify(bottom)}`);
  expect(note.bottom, 'the note ends above the Problems bar').toBeLessThanOrEqual(bottom.top + 0.5);
  expect(under, 'controls under the note').toEqual([]);
});

test('at 800×600 “Move to…” stays inside the clips with a long project name to offer, for several clips and for one', async ({
  page,
  studio,
  workDir,
}) => {
  test.setTimeout(150_000);
  const other = 'Harbour night exteriors, second unit, pick-ups '.repeat(3).trim().slice(0, 120);
  await page.setViewportSize({ width: 1280, height: 800 });
  const cards = await newProjectWith(
    page,
    studio.url,
    ['Harbour at dawn', 'Market crowd'].map((title, i) => makeClip(join(workDir, `${title}.mp4`), 1 + i)),
  );
  const projects = page.getByRole('list', { name: 'Projects' });
  await page.getByRole('button', { name: 'New project' }).first().click();
  const name = page.getByRole('textbox', { name: 'Project name' });
  await name.fill(other);
  await name.press('Enter');
  await expect(projects.getByRole('button', { name: /^Harbour night/ })).toHaveAttribute('aria-current', 'true');
  await projects.getByRole('button', { name: /^The Lighthouse/ }).click();
  await expect(cards).toHaveCount(2);
  await page.setViewportSize({ width: 800, height: 600 });

  await cards.first().click();
  await cards.last().click({ modifiers: ['Shift'] });
  const bar = page.getByRole('toolbar', { name: 'Selected clips' });
  await expect(bar).toContainText('2 selected');
  await expectTidy(bar, 'selection bar at 800 with a long project to move to');
  const canvas = await page.locator('.canvas').boundingBox();
  const moveSelected = await bar.getByRole('combobox', { name: 'Move selected to project' }).boundingBox();
  if (!canvas || !moveSelected) throw new Error('the clips or Move to… are not shown');
  expect(moveSelected.x + moveSelected.width, 'Move to… ends inside the clips').toBeLessThanOrEqual(
    canvas.x + canvas.width + 0.5,
  );
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  expect(await controlsUnder(bar.getByRole('combobox', { name: 'Move selected to project' }), inspector)).toEqual([]);
  await shoot(page, 'selection-move-to-800');

  await page.keyboard.press('Escape');
  await cards.first().click();
  const moveOne = inspector.getByRole('combobox', { name: 'Move clip to project' });
  await expect(moveOne).toBeVisible();
  expect(await whollyShown(moveOne), 'the inspector’s Move to… is wholly in its panel').toBe(true);
  expect(await inspector.locator('.inspector__details').evaluate((e) => e.scrollWidth <= e.clientWidth + 1)).toBe(true);
  await shoot(page, 'inspector-move-to-800');
});

test('at 1280×800 the Trash gives the project’s name the room the library gives it', async ({
  page,
  studio,
  workDir,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  const cards = await newProjectWith(page, studio.url, [makeClip(join(workDir, 'Harbour at dawn.mp4'), 1)]);
  const bar = page.locator('.canvas__toolbar');
  const name = bar.getByRole('heading', { level: 1 });
  const inLibrary = await charactersShown(name);
  await shoot(page, 'library-title-1280');
  await cards.first().click();
  await page.keyboard.press('Delete');
  await expect(cards).toHaveCount(0);
  await bar.getByRole('button', { name: 'Trash' }).click();
  await expect(page.getByRole('button', { name: 'Restore Harbour at dawn' })).toBeVisible();
  await shoot(page, 'trash-title-1280');
  await expectTidy(bar, 'Trash at 1280');
  expect(await charactersShown(name), 'the name in the Trash shows as much as in the library').toBeGreaterThanOrEqual(
    Math.min(inLibrary, PROJECT.length),
  );
});

/** Whether a field shows all of its text: a select as wide as its chosen version's name. */
function showsWhole(field: Locator): Promise<boolean> {
  return field.evaluate((element) => element.scrollWidth <= element.clientWidth + 1);
}

test('Compare with Wipe on keeps its toolbar, its version pickers (named, whole) and its offsets whole at 1280, 1024 and 800 px; the Lineage shows its dates whole at 1024', async ({
  page,
  studio,
}) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  const prompt = `Title: Lantern at dusk\nScene: A harbour at dusk, lanterns on the quay.\nCamera: Static wide shot.\nSize: 320x180\nDuration: 2s`;
  const { editor, cards } = await renderedClip(page, studio.url, 'Trip B — réimport', prompt);
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await remixChosen(page);
  await pasteOver(editor, prompt.replace('Static wide shot.', 'Slow push-in.'));
  await page.getByRole('button', { name: 'Queue', exact: true }).click();
  await page.getByRole('tab', { name: 'Library' }).click();
  await expect(cards).toHaveCount(2, { timeout: 120_000 });
  await cards.filter({ hasText: 'Lantern at dusk v2' }).click();

  // The Lineage beside the library at 1024: each version's engine, date and time, none cut.
  await page.setViewportSize({ width: 1024, height: 768 });
  const lineage = inspector.getByRole('region', { name: 'Lineage' });
  const metas = lineage.locator('.lineage__meta');
  await expect(metas).toHaveCount(2);
  await expect(lineage.getByRole('button', { name: 'Restore this version' })).toBeVisible();
  for (const meta of await metas.all()) {
    await expect(meta).toContainText(/Built-in engine · \w{3} \d{1,2}, \d{4}, \d{1,2}:\d{2}\s?[AP]M/);
    expect(await fitsSideways(meta), 'the meta line is not cut').toBe(true);
    for (const part of await meta.locator('.lineage__meta-part').all())
      expect(await whollyShown(part), `${await part.textContent()} is whole`).toBe(true);
  }
  await shoot(page, 'lineage-dates-1024');

  await page.setViewportSize({ width: 1280, height: 800 });
  await inspector.getByRole('button', { name: 'Compare' }).click();
  const compare = page.getByRole('main');
  await compare.getByRole('checkbox', { name: 'Wipe' }).check();
  const pickers = ['Version A', 'Version B'].map((name) => compare.getByRole('combobox', { name }));
  const wipeAt = compare.getByRole('slider', { name: 'Wipe position' });
  const hints = compare.locator('.compare__offset-hint');
  await expect(hints).toHaveCount(2);
  for (const size of WINDOWS) {
    await page.setViewportSize(size);
    await expect(wipeAt).toBeVisible();
    await shoot(page, `compare-wipe-${size.width}`);
    await expectTidy(compare.locator('.toolbar'), `Compare at ${size.width}`);
    for (const [i, picker] of pickers.entries()) {
      const label = compare.getByText(`Version ${'AB'[i] ?? ''}`, { exact: true });
      await expect(label, `${size.width}: the picker's name is shown`).toBeVisible();
      expect(await whollyShown(label), `${size.width}: the picker's name is whole`).toBe(true);
      expect(await whollyShown(picker), `${size.width}: picker ${i} is whole`).toBe(true);
      // A name this short always has the room: never an ellipsis; the tooltip has it whole anyway.
      const chosen = (await picker.locator('option:checked').textContent())?.trim() ?? '';
      expect(chosen).toMatch(/^v[12] · Lantern at dusk · \w{3} \d/);
      expect(await showsWhole(picker), `${size.width}: “${chosen}” shows whole`).toBe(true);
      await expect(picker).toHaveAttribute('title', chosen);
    }
    // The two pickers apart, in their row.
    const row = compare.locator('.compare__versions');
    expect(await fitsSideways(row), `${size.width}: the pickers' row fits`).toBe(true);
    const [a, b] = await controlBoxes(row);
    if (!a || !b) throw new Error('the pickers are not shown');
    const apart = a.right <= b.left + 0.5 || a.bottom <= b.top + 0.5;
    expect(apart, `${size.width}: the pickers do not overlap`).toBe(true);
    // The offsets: each hint on one line, whole; the wipe slider whole, its thumb too; nothing cut.
    const offsets = compare.locator('.compare__offsets');
    expect(await fitsSideways(offsets), `${size.width}: the offsets fit`).toBe(true);
    for (const hint of await hints.all()) {
      const lines = await hint.evaluate(
        (e) => e.getBoundingClientRect().height / parseFloat(getComputedStyle(e).lineHeight),
      );
      expect(lines, `${size.width}: the offset hint is one line`).toBeLessThan(1.5);
      await hint.scrollIntoViewIfNeeded();
      expect(await whollyShown(hint), `${size.width}: the offset hint is whole`).toBe(true);
    }
    await wipeAt.scrollIntoViewIfNeeded();
    expect(await whollyShown(wipeAt), `${size.width}: the wipe slider is whole`).toBe(true);
    const slider = await wipeAt.boundingBox();
    expect(slider?.width ?? 0, `${size.width}: the wipe slider has room to move`).toBeGreaterThanOrEqual(96);
    await shoot(page, `compare-offsets-${size.width}`);
  }
});

test('with several clips chosen, the selection bar keeps to two lines at 1280, 1024 and 800 px and covers no card: the grid starts under it', async ({
  page,
  studio,
  workDir,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  const titles = ['Harbour at dawn', 'Alley in the rain', 'Market crowd', 'Gulls over the pier', 'Lantern'];
  const cards = await newProjectWith(
    page,
    studio.url,
    titles.map((title, i) => makeClip(join(workDir, `${title}.mp4`), 1 + i)),
  );
  await cards.first().click();
  await cards.nth(2).click({ modifiers: ['Shift'] });
  const bar = page.getByRole('toolbar', { name: 'Selected clips' });
  await expect(bar).toContainText('3 selected');
  const grid = page.getByRole('list', { name: 'Clips' });
  for (const size of WINDOWS) {
    await page.setViewportSize(size);
    await expect(bar).toBeVisible();
    // After a resize the grid may still scroll its focused card into view: scroll to the top until
    // it stays there for two frames.
    await expect
      .poll(() =>
        page.locator('.clip-scroller').evaluate(
          (e) =>
            new Promise<number>((done) => {
              e.scrollTo({ top: 0 });
              requestAnimationFrame(() => requestAnimationFrame(() => done(e.scrollTop)));
            }),
        ),
      )
      .toBe(0);
    await shoot(page, `selection-bar-${size.width}`);
    await expectTidy(bar, `selection bar at ${size.width}`);
    // Two lines at most: the tallest control twice, and the gaps and padding around them.
    const boxes = await controlBoxes(bar);
    const tops = [...new Set(boxes.map((b) => Math.round(b.top / 8)))];
    expect(tops.length, `${size.width}: the bar's lines (${JSON.stringify(boxes)})`).toBeLessThanOrEqual(2);
    const height = (await bar.boundingBox())?.height ?? 999;
    expect(height, `${size.width}: the bar's height`).toBeLessThanOrEqual(80);
    // Every action keeps its name, icon or not.
    for (const name of ['Rate selected', 'Colour label selected', 'Move selected to project', 'Tag selected'])
      await expect(bar.getByRole(name === 'Tag selected' ? 'textbox' : 'combobox', { name })).toBeVisible();
    for (const name of ['More actions on selected', 'Move to Trash', 'Clear selection'])
      await expect(bar.getByRole('button', { name })).toBeVisible();
    // The bar lies over no card, and the first row's titles show whole under it.
    expect(await controlsUnder(bar, grid), `${size.width}: cards under the bar`).toEqual([]);
    const barBox = await bar.boundingBox();
    const gridBox = await page.locator('.clip-scroller').boundingBox();
    if (!barBox || !gridBox) throw new Error('no bar or grid');
    expect(gridBox.y, `${size.width}: the grid starts under the bar`).toBeGreaterThanOrEqual(
      barBox.y + barBox.height - 0.5,
    );
    const firstTitle = cards.first().locator('.clip-card__title, .middle-title').first();
    expect(await whollyShown(firstTitle), `${size.width}: the first card's title is whole`).toBe(true);
  }
  // Icon-only at 800, the Trash button still says what it does.
  await expect(bar.getByRole('button', { name: 'Move to Trash' })).toHaveAttribute('title', /Trash/);
});

test('at 1280×800 the header shows a short project name whole beside the search box, and the details table keeps its labels clear of their values', async ({
  page,
  studio,
  workDir,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  const bar = page.locator('.canvas__toolbar');
  const name = bar.getByRole('heading', { level: 1 });
  const cards = await importClips(
    page,
    studio.url,
    [makeClip(join(workDir, 'Harbour at dawn.mp4'), 1)],
    'Fresh (imported)',
  );
  await cards.getByRole('listitem').first().click();
  await expect(inspector.getByRole('heading', { name: 'Harbour at dawn' })).toBeVisible();
  // A long name is cut once the search box is down to its minimum, and pushes nothing out of the bar.
  for (const project of ['Fresh (imported)', 'Trip B — réimport', PROJECT]) {
    if (project !== 'Fresh (imported)') {
      await page.getByRole('button', { name: 'New project' }).first().click();
      const field = page.getByRole('textbox', { name: 'Project name' });
      await field.fill(project);
      await field.press('Enter');
    }
    await expect(name).toHaveText(project);
    await shoot(page, `header-${project.slice(0, 5)}-1280`);
    if (project !== PROJECT) expect(await charactersShown(name), `“${project}” shows whole`).toBe(project.length);
    await expectTidy(bar, `library toolbar with “${project}”`);
    const search = await bar.getByRole('searchbox').boundingBox();
    expect(search?.width ?? 0, 'the search box keeps a usable width').toBeGreaterThanOrEqual(180);
  }

  // Back to the clip: every label in the details ends before its value starts.
  await page
    .getByRole('list', { name: 'Projects' })
    .getByRole('button', { name: /^Fresh/ })
    .click();
  await page.getByRole('list', { name: 'Clips' }).getByRole('listitem').first().click();
  const details = inspector.locator('dl.props');
  await details.scrollIntoViewIfNeeded();
  await shoot(page, 'inspector-details-1280');
  const rows = await details.evaluate((dl) =>
    [...dl.querySelectorAll('dt')].map((dt) => {
      const dd = dt.nextElementSibling;
      const range = document.createRange();
      range.selectNodeContents(dt);
      const text = range.getBoundingClientRect();
      return {
        label: dt.textContent,
        textRight: text.right,
        labelRight: dt.getBoundingClientRect().right,
        valueLeft: dd?.getBoundingClientRect().left ?? 0,
        lines: Math.round(text.height / parseFloat(getComputedStyle(dt).lineHeight)),
      };
    }),
  );
  expect(rows.map((r) => r.label)).toContain('Video codec');
  for (const row of rows) {
    expect(row.textRight, `${row.label}: its words end inside its column`).toBeLessThanOrEqual(row.labelRight + 0.5);
    expect(row.valueLeft - row.textRight, `${row.label}: a gap before its value`).toBeGreaterThanOrEqual(8);
    expect(row.lines, `${row.label}: one line`).toBe(1);
  }
});

test('the viewer’s key hints stay whole at 1280, 1024 and 800 px: a hint that has no room moves down, never split from its key', async ({
  page,
  studio,
  workDir,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const grid = await importClips(page, studio.url, [makeClip(join(workDir, 'Harbour at dawn.mp4'), 2)], 'Hints');
  await grid.getByRole('listitem').first().click();
  const keys = page.locator('.viewer__keys');
  await expect(keys).toContainText('step a frame');
  for (const size of WINDOWS) {
    await page.setViewportSize(size);
    const heights = await keys.evaluate((row) =>
      [...row.children].map((hint) => {
        const box = hint.getBoundingClientRect();
        return {
          text: hint.textContent,
          lines: Math.round(box.height / parseFloat(getComputedStyle(hint).lineHeight)),
        };
      }),
    );
    for (const hint of heights) expect(hint, `${hint.text} at ${size.width} px`).toMatchObject({ lines: 1 });
  }
});

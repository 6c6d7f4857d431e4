import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { openPromptStudio, paste, pasteOver, remixChosen, renderedClip } from './prompt-helpers';
import { expect, test } from './studio';

const LIGHTHOUSE = `Title: Lighthouse at dusk
Scene: A lighthouse on a cliff above the sea at dusk.
Camera: Static wide shot.
Motion: Waves roll in; the beam turns.
Audio: Waves on rocks, gull cry at 00:01
Style: Soft lighting, warm tones.
Size: 320x180
Duration: 2s`;

const NEW_STYLE = 'Style: Noir, high contrast, deep shadows.';

/** Where the screenshots of this feature go for review; set SHOTLINE_SHOTS to move them. */
const shots = process.env.SHOTLINE_SHOTS ?? '/work/shots/remix';

async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: join(shots, `${name}.png`) });
}

test('a clip rendered on the built-in engine is remixed with a new Style, and both versions are in its lineage, compared and graphed', async ({
  page,
  studio,
}) => {
  test.setTimeout(420_000);
  const editor = await openPromptStudio(page, studio.url, 'Remix film');
  await paste(editor, LIGHTHOUSE);
  const compiled = page.getByRole('region', { name: 'Compiled prompt' });
  await compiled.getByRole('combobox', { name: 'Provider' }).selectOption('local');
  await page.getByRole('button', { name: 'Queue', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Queued “Lighthouse at dusk”' })).toBeVisible();

  await page.getByRole('tab', { name: 'Library' }).click();
  const cards = page.getByRole('list', { name: 'Clips' }).getByRole('listitem');
  await expect(cards).toHaveCount(1, { timeout: 120_000 });
  await cards.first().click();
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  const lineage = inspector.getByRole('region', { name: 'Lineage' });
  await expect(lineage).toContainText('No other versions yet');

  // A cue on the parent, where the gull should cry: the remix inherits it.
  const timeline = page.getByRole('region', { name: 'Cue timeline' });
  const playhead = timeline.getByRole('status', { name: 'Playhead' });
  await expect(timeline.locator('[part~="wave"] canvas')).toBeVisible({ timeout: 30_000 });
  await playhead.click();
  await page.keyboard.press('Home');
  await page.keyboard.press('Shift+ArrowRight');
  await expect(playhead).toHaveText('00:01.000');
  await page.keyboard.press('m');
  await expect(timeline.getByRole('textbox', { name: 'Cue label' })).toBeFocused();
  await page.keyboard.type('gull cry');
  await page.keyboard.press('Enter');
  const cueList = timeline.getByRole('list', { name: 'Cues' });
  await expect(cueList.getByRole('listitem')).toHaveText([/00:01\.000\s*gull cry/]);

  // Remix: the Prompt view opens on the clip's prompt, linked to the clip, with its provider.
  await inspector.getByRole('button', { name: 'Remix', exact: true }).click();
  await expect(page.getByRole('tab', { name: 'Prompt' })).toHaveAttribute('aria-selected', 'true');
  const remixBar = page.getByRole('group', { name: 'Remix' });
  await expect(remixBar).toContainText('Remix of Lighthouse at dusk');
  await expect(remixBar).toContainText('320×180');
  await expect(remixBar.getByRole('button', { name: 'Unlink' })).toBeVisible();
  await expect(compiled.getByRole('combobox', { name: 'Provider' })).toHaveValue('local');
  await expect(editor).toContainText('Style: Soft lighting, warm tones.');

  // The built-in engine has no way of its own to carry a clip on; Veo offers Extend beside Regenerate.
  const remixAs = remixBar.getByRole('combobox', { name: 'Remix as' });
  await expect(remixAs).toHaveCount(0);
  await compiled.getByRole('combobox', { name: 'Provider' }).selectOption('veo');
  await expect(remixAs).toHaveValue('regenerate');
  await expect(remixAs.getByRole('option')).toHaveText(['Regenerate', 'Extend']);
  await compiled.getByRole('combobox', { name: 'Provider' }).selectOption('local');
  await expect(remixAs).toHaveCount(0);

  // Change the Style line and queue the remix.
  await pasteOver(editor, LIGHTHOUSE.replace('Style: Soft lighting, warm tones.', NEW_STYLE));
  await expect(editor).not.toContainText('warm tones');
  await expect(editor).toContainText(NEW_STYLE);
  await page.getByRole('button', { name: 'Queue', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Queued “Lighthouse at dusk”' }).last()).toBeVisible();

  // The remix lands beside its parent; selecting it shows both in its lineage, the remix marked.
  await page.getByRole('tab', { name: 'Library' }).click();
  await expect(cards).toHaveCount(2, { timeout: 120_000 });
  await cards.first().click();
  const versions = lineage.getByRole('listitem');
  await expect(versions).toHaveCount(2);
  const current = lineage.locator('[aria-current="true"]');
  await expect(current).toHaveCount(1);
  // The parent is the outer item, the remix nested under it and marked as the selected clip.
  await expect(versions.nth(1).locator('[aria-current="true"]')).toHaveCount(1);
  await expect(versions.nth(0).getByRole('button', { name: 'Restore this version' })).toBeVisible();
  await expect(inspector).toContainText('Shot 1: Style');
  // The remix kept its parent's title, so it is named with its version number.
  await expect(versions.nth(1).locator('[aria-current="true"]')).toContainText('Lighthouse at dusk v2');
  await expect(cards.filter({ hasText: 'Lighthouse at dusk v2' })).toHaveCount(1);
  // The parent's cue came with it, tagged as inherited, on the list and on the waveform.
  await expect(cueList.getByRole('listitem')).toHaveText([/00:01\.000\s*inherited\s*gull cry/]);
  await expect(timeline.locator('.cue-flag--inherited')).toHaveCount(1);
  await lineage.scrollIntoViewIfNeeded();
  await shoot(page, 'lineage');

  // The remix kept what it changed against its parent after a reload too.
  await page.reload();
  await cards.first().click();
  await expect(lineage.getByRole('listitem')).toHaveCount(2);

  // Compare: the parent in Player A, the remix in Player B, and the new Style line in the diff.
  await inspector.getByRole('button', { name: 'Compare', exact: true }).click();
  const playerA = page.getByLabel('Player A', { exact: true });
  const playerB = page.getByLabel('Player B', { exact: true });
  await expect(playerA).toBeVisible();
  await expect(playerB).toBeVisible();
  const diff = page.getByRole('region', { name: 'Prompt diff' });
  const shot = diff.getByRole('region', { name: 'Shot 1' });
  await expect(shot).toContainText('Style');
  await expect(shot.locator('ins')).toContainText(['Noir']);
  await expect(shot.locator('del').first()).toContainText('Soft');
  await expect(diff.getByRole('cell', { name: 'gull cry' })).toBeVisible();
  // Both versions asked for the gull at 00:01: where each was heard, side by side.
  const drift = page.getByRole('region', { name: 'Cue drift' });
  await expect(drift.getByRole('row', { name: /gull cry/ })).toBeVisible({ timeout: 30_000 });
  await expect(drift.getByRole('row', { name: /gull cry/ })).toContainText(/00:01.*→.*00:01.*→/);

  // Playing runs both in step; only one is heard, and S hands the sound to the other.
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect
    .poll(() => playerA.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 10_000 })
    .toBeGreaterThan(0.3);
  const [timeA, timeB] = await Promise.all([
    playerA.evaluate((v: HTMLVideoElement) => v.currentTime),
    playerB.evaluate((v: HTMLVideoElement) => v.currentTime),
  ]);
  expect(Math.abs(timeA - timeB)).toBeLessThan(0.25);
  expect(await playerA.evaluate((v: HTMLVideoElement) => v.muted)).toBe(false);
  expect(await playerB.evaluate((v: HTMLVideoElement) => v.muted)).toBe(true);
  await page.locator('body').press('s');
  await expect.poll(() => playerA.evaluate((v: HTMLVideoElement) => v.muted)).toBe(true);
  expect(await playerB.evaluate((v: HTMLVideoElement) => v.muted)).toBe(false);
  // The two-second clips end together and the transport stops.
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible({ timeout: 10_000 });
  expect(await playerB.evaluate((v: HTMLVideoElement) => v.paused)).toBe(true);
  await page.getByRole('slider', { name: 'Position' }).fill('1');
  await shoot(page, 'compare');
  await page.getByRole('checkbox', { name: 'Wipe' }).check();
  await expect(page.getByRole('slider', { name: 'Wipe position' })).toBeVisible();
  await shoot(page, 'compare-wipe');
  await page.getByRole('button', { name: 'Close' }).click();

  // Versions: the family as a graph, each version with its poster.
  await inspector.getByRole('button', { name: 'Versions', exact: true }).click();
  const graph = page.getByRole('region', { name: 'Version graph' });
  await expect(graph.locator('.version-node')).toHaveCount(2);
  await expect(graph.locator('.version-node img')).toHaveCount(2);
  await expect(graph.locator('.version-node[aria-current="true"]')).toHaveCount(1);
  await expect(graph.locator('.version-node[aria-current="true"]')).toContainText('Lighthouse at dusk v2');
  await shoot(page, 'versions');
  await page.getByRole('button', { name: 'Close' }).click();

  // A version chosen in the Lineage from the keyboard: its card is chosen and takes the focus.
  await versions.nth(0).locator('.lineage__pick').first().focus();
  await page.keyboard.press('Enter');
  const parentCard = page.getByRole('list', { name: 'Clips' }).getByRole('button', { name: 'Lighthouse at dusk', exact: true });
  await expect(parentCard).toHaveAttribute('aria-current', 'true');
  await expect(parentCard).toBeFocused();
  await expect(lineage.locator('[aria-current="true"]')).toContainText('Lighthouse at dusk');
  await expect(lineage.locator('[aria-current="true"]')).not.toContainText('v2');
  // Back to the remix, whose lineage offers its parent's prompt.
  await versions.nth(1).locator('.lineage__pick').click();
  await expect(lineage.locator('[aria-current="true"]')).toContainText('Lighthouse at dusk v2');

  // Restore this version: the parent's prompt becomes the draft again, as a remix of the parent.
  await versions.nth(0).getByRole('button', { name: 'Restore this version' }).click();
  // The draft holds the remix's prompt now, so the studio asks before replacing it.
  const replace = page.getByRole('dialog', { name: 'Replace the draft?' });
  await replace.getByRole('button', { name: 'Replace' }).click();
  await expect(page.getByRole('tab', { name: 'Prompt' })).toHaveAttribute('aria-selected', 'true');
  await expect(editor).toContainText('Style: Soft lighting, warm tones.');
  await expect(remixBar).toContainText('Remix of Lighthouse at dusk');

  // Rating and tags (rate 4 stars, tag, reload, find the clip by its tag) join here with the
  // library's organisation: the Rating radio group and the "Add tag" box in the inspector.
});

test('once a remix is queued the draft is no longer linked: Queue again makes a new clip, Remix again another version', async ({
  page,
  studio,
}) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  const { editor, cards } = await renderedClip(page, studio.url, 'Queued remix', LIGHTHOUSE);
  const queue = page.getByRole('button', { name: 'Queue', exact: true });
  await remixChosen(page);
  const remixBar = page.getByRole('group', { name: 'Remix' });
  await expect(remixBar).toContainText('Remix of Lighthouse at dusk');

  // Another window on the library (a new browser profile, nothing stored in it) sees the draft as
  // the remix it is: the link is kept by the studio beside the draft.
  const browser = page.context().browser();
  if (!browser) throw new Error('no browser');
  const elsewhere = await browser.newContext();
  const other = await elsewhere.newPage();
  await other.goto(studio.url);
  await other.getByRole('tab', { name: 'Prompt' }).click();
  await expect(other.getByRole('group', { name: 'Remix' })).toContainText('Remix of Lighthouse at dusk');
  await elsewhere.close();

  // Queued: the line says so, the draft is unlinked, and the focus is back in the editor.
  await queue.click();
  await expect(page.getByRole('status').filter({ hasText: 'Queued “Lighthouse at dusk”' }).last()).toBeVisible();
  await expect(remixBar).toContainText('Queued a new version of Lighthouse at dusk');
  await expect(remixBar).toContainText('no longer linked');
  await expect(remixBar).not.toContainText('Remix of');
  await expect(remixBar.getByRole('button', { name: 'Unlink' })).toHaveCount(0);
  await expect(editor).toBeFocused();
  await shoot(page, 'remix-queued-1280');
  await page.setViewportSize({ width: 800, height: 600 });
  await shoot(page, 'remix-queued-800');
  await page.setViewportSize({ width: 1280, height: 800 });

  // Queue again: a new clip, not a third version.
  await page.keyboard.press('ControlOrMeta+Enter');

  // Remix again links the draft to the same clip; Unlink takes the bar away, the focus staying in the editor.
  await remixBar.getByRole('button', { name: 'Remix again' }).click();
  await expect(remixBar).toContainText('Remix of Lighthouse at dusk');
  await expect(editor).toBeFocused();
  await remixBar.getByRole('button', { name: 'Unlink' }).click();
  await expect(remixBar).toHaveCount(0);
  await expect(editor).toBeFocused();

  await page.getByRole('tab', { name: 'Library' }).click();
  await expect(page.locator('.canvas__count')).toHaveText('3 clips', { timeout: 180_000 });
  await expect(cards.filter({ hasText: 'Lighthouse at dusk v2' })).toHaveCount(1);
  await expect(cards.filter({ hasText: 'Lighthouse at dusk v3' })).toHaveCount(0);
});

test('in Compare the wipe line is dragged with the pointer, and an offset out of range or not a number says the range beside its field', async ({
  page,
  studio,
}) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  const { editor, cards } = await renderedClip(page, studio.url, 'Wipe film', LIGHTHOUSE);
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await remixChosen(page);
  await pasteOver(editor, LIGHTHOUSE.replace('Style: Soft lighting, warm tones.', NEW_STYLE));
  await page.getByRole('button', { name: 'Queue', exact: true }).click();
  await page.getByRole('tab', { name: 'Library' }).click();
  await expect(cards).toHaveCount(2, { timeout: 120_000 });
  await cards.first().click();
  await inspector.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(page.getByLabel('Player B', { exact: true })).toBeVisible();

  // Offsets: past the clip's length is held to it, letters are not taken; each says the range.
  const offsetA = page.getByRole('spinbutton', { name: /Offset A/ });
  await offsetA.fill('99999');
  await expect(offsetA).toHaveValue('2000');
  await expect(page.getByRole('alert')).toHaveText('Out of range: held at 2,000 ms. An offset is within ±2,000 ms.');
  await offsetA.fill('120');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await offsetA.click();
  await offsetA.press('ControlOrMeta+a');
  await page.keyboard.type('abc');
  await offsetA.press('Tab');
  await expect(offsetA).toHaveValue('120');
  await expect(page.getByRole('alert')).toHaveText('Not a number: kept 120 ms. Type milliseconds within ±2,000 ms.');

  // The wipe line follows the pointer across the picture; the slider shows where it went.
  await page.getByRole('checkbox', { name: 'Wipe' }).check();
  const slider = page.getByRole('slider', { name: 'Wipe position' });
  await expect(slider).toHaveValue('50');
  const stage = await page.locator('.compare__stage').boundingBox();
  const line = await page.locator('.compare__wipe-line').boundingBox();
  if (!stage || !line) throw new Error('the wipe is not shown');
  const y = stage.y + stage.height / 2;
  await page.mouse.move(line.x + line.width / 2, y);
  await page.mouse.down();
  await page.mouse.move(stage.x + stage.width * 0.4, y, { steps: 4 });
  await page.mouse.move(stage.x + stage.width * 0.25, y, { steps: 4 });
  await page.mouse.up();
  await expect(slider).toHaveValue('25');
  const moved = await page.locator('.compare__wipe-line').boundingBox();
  expect(Math.abs((moved?.x ?? 0) + (moved?.width ?? 0) / 2 - (stage.x + stage.width * 0.25))).toBeLessThan(2);
  // Player B shows only to the right of the line.
  await expect(page.locator('.compare__pane--b')).toHaveAttribute('style', /inset\(0px 0px 0px 25%\)/);
  await shoot(page, 'compare-wipe-dragged');
});

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openPromptStudio, paste } from './prompt-helpers';
import { expect, test } from './studio';

const LANTERN = `Title: Lantern at dusk
Scene: A young girl releases a lantern by a riverside at dusk.
Camera: Slow push-in, 50mm depth-of-field, hand-held feel.
Motion: Hair gently moves; lantern rises; ripples form.
Audio: Crickets in the background, soft water splash at 00:03, wind chime at 00:06.
Dialogue: [00:02] Girl: "Go on, fly!"
Style: Soft lighting, warm tones, no grain, subtle vignette.
Negative: no close-ups, no product logos
Duration: 8s`;

test('a creator fills a template, fixes a lint finding, saves it as a template and finds it after a reload', async ({
  page,
  studio,
}) => {
  const editor = await openPromptStudio(page, studio.url, 'Harbour film');

  // Pick a template and fill one of its variables.
  await page.getByRole('button', { name: 'Templates', exact: true }).click();
  const templates = page.getByRole('dialog', { name: 'Templates' });
  await expect(templates).toBeVisible();
  await templates.getByRole('option', { name: 'Cinematic five-line' }).click();
  const variables = templates.getByRole('form', { name: 'Variables' });
  const scene = variables.getByRole('textbox', { name: 'Scene' });
  await expect(scene).toHaveValue('A young girl releases a paper lantern by a riverside at dusk.');
  await expect(scene).toHaveAccessibleDescription('Who or what is in frame, where, and what they do. Use verbs.');
  await scene.fill('A fisherman mends a net on a jetty at dawn.');
  await expect(templates.getByLabel('Template preview')).toContainText(
    'Scene: A fisherman mends a net on a jetty at dawn.',
  );
  await templates.getByRole('button', { name: 'Use template' }).click();
  await expect(templates).toBeHidden();
  await expect(editor).toContainText('Scene: A fisherman mends a net on a jetty at dawn.');
  await expect(editor).toContainText('Camera: Slow push-in at eye level');

  const problems = page.getByRole('region', { name: 'Problems' });
  await expect(problems).toContainText('No problems');

  // Take the Camera line out: the linter notices and offers a fix.
  await editor.getByText('Camera', { exact: true }).click();
  await page.keyboard.press('Control+Shift+K');
  await expect(editor).not.toContainText('Camera:');
  const finding = problems.getByRole('listitem').filter({ hasText: 'Shot 1 has no Camera line' });
  await expect(finding).toBeVisible();
  await expect(finding).toContainText('Ln 1, Col 1');
  await expect(page.getByRole('region', { name: 'Shots' })).toContainText('not set');

  // Clicking the finding puts the cursor on it; its quick fix adds the line.
  await finding.getByRole('button', { name: /Shot 1 has no Camera line/ }).click();
  await expect(editor).toBeFocused();
  await finding.getByRole('button', { name: 'Add a Camera line' }).click();
  await expect(problems).not.toContainText('no Camera line');
  await expect(problems).toContainText('No problems');
  await expect(editor).toContainText('Camera: static medium shot at eye level');

  // Undo brings the finding back; redo applies the fix again.
  await page.keyboard.press('Control+z');
  await expect(problems).toContainText('Shot 1 has no Camera line');
  await page.keyboard.press('Control+Shift+Z');
  await expect(problems).toContainText('No problems');
  await expect(editor).toContainText('Camera: static medium shot at eye level');

  // Save it as a template for every project.
  await page.getByRole('button', { name: 'Save as template' }).click();
  const save = page.getByRole('dialog', { name: 'Save as template' });
  await save.getByRole('textbox', { name: 'Template name' }).fill('Jetty at dawn');
  await save.getByRole('textbox', { name: 'Description' }).fill('A quiet harbour opening');
  await save.getByRole('radio', { name: 'All projects' }).check();
  await save.getByRole('button', { name: 'Save template' }).click();
  await expect(save).toBeHidden();
  await expect(page.getByText('Saved template “Jetty at dawn”')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Draft saved' })).toBeVisible();

  // After a reload the draft is back and so is the template.
  await page.reload();
  const restored = page.getByRole('textbox', { name: 'Prompt editor' });
  await expect(restored).toContainText('Scene: A fisherman mends a net on a jetty at dawn.');
  await expect(restored).toContainText('Camera: static medium shot at eye level');
  await page.getByRole('button', { name: 'Templates', exact: true }).click();
  const again = page.getByRole('dialog', { name: 'Templates' });
  const mine = again.getByRole('option', { name: 'Jetty at dawn' });
  await expect(mine).toBeVisible();
  await expect(again.getByRole('group', { name: 'All projects' })).toContainText('Jetty at dawn');
  await mine.click();
  await expect(again.getByLabel('Template preview')).toContainText('Camera: static medium shot at eye level');
  await expect(again.getByRole('button', { name: 'Delete Jetty at dawn' })).toBeVisible();
});

test('the lantern example is understood shot by shot, with its timed events on the strip', async ({ page, studio }) => {
  const editor = await openPromptStudio(page, studio.url, 'Lantern festival');
  await paste(editor, LANTERN);
  await expect(editor).toContainText('Duration: 8s');

  const shots = page.getByRole('region', { name: 'Shots' });
  const shot = shots.getByRole('article', { name: 'Shot 1' });
  await expect(shot).toBeVisible();
  await expect(shots.getByRole('article')).toHaveCount(1);
  await expect(shot).toContainText('Lantern at dusk');
  await expect(shot).toContainText('8s');
  await expect(shot).toContainText('Slow push-in, 50mm depth-of-field, hand-held feel.');
  await expect(shot).toContainText('Crickets in the background');

  const sounds = shot.getByRole('list', { name: 'Timed sounds in shot 1' });
  const splash = sounds.getByRole('button', { name: 'soft water splash at 00:03' });
  const chime = sounds.getByRole('button', { name: 'wind chime at 00:06' });
  const line = shot
    .getByRole('list', { name: 'Dialogue in shot 1' })
    .getByRole('button', { name: 'Girl at 00:02: Go on, fly!' });
  await expect(splash).toBeVisible();
  await expect(chime).toBeVisible();
  await expect(line).toBeVisible();
  // Placed by time on an 8 s ruler.
  await expect(splash.locator('xpath=..')).toHaveAttribute('style', /left: 37\.5%/);
  await expect(chime.locator('xpath=..')).toHaveAttribute('style', /left: 75%/);
  await expect(line.locator('xpath=..')).toHaveAttribute('style', /left: 25%/);
  const [splashBox, chimeBox, lineBox] = await Promise.all([
    splash.boundingBox(),
    chime.boundingBox(),
    line.boundingBox(),
  ]);
  expect(lineBox && splashBox && chimeBox && lineBox.x < splashBox.x && splashBox.x < chimeBox.x).toBe(true);

  // Clicking a marker selects its words in the editor.
  await chime.click();
  await expect(editor).toBeFocused();
  expect(await page.evaluate(() => document.getSelection()?.toString())).toMatch(/^wind chime at 00:06/);

  await expect(page.getByRole('region', { name: 'Problems' })).toContainText('No problems');

  // The compiled preview shows the exact request and what a provider drops.
  const compiled = page.getByRole('region', { name: 'Compiled prompt' });
  await compiled.getByRole('combobox', { name: 'Provider' }).selectOption({ label: 'Google Veo (Gemini API)' });
  await expect(compiled.getByLabel('Request body')).toContainText('"durationSeconds": 8');
  await expect(compiled.getByLabel('Request body')).toContainText('"negativePrompt": "close-ups, product logos"');
  await expect(compiled).toContainText('Nothing dropped');
  await expect(compiled).not.toContainText('the preview names');
  // The built-in engine takes every line, and says where to see the words it does not draw.
  await compiled.getByRole('combobox', { name: 'Provider' }).selectOption('local');
  await expect(compiled).toContainText(
    'Nothing dropped: every line reaches Built-in engine. It draws the words it knows; the preview names any it does not.',
  );
  await compiled.getByRole('combobox', { name: 'Provider' }).selectOption({ label: 'Runway API' });
  await expect(compiled).toContainText('Dropped');
  await expect(compiled).toContainText('the Audio and Dialogue lines are left out');
  await expect(compiled.getByLabel('Request body')).toContainText('"promptText"');
});

test('templates import with a clear refusal for a bad file, export, duplicate and delete', async ({
  page,
  studio,
  workDir,
}) => {
  const bad = join(workDir, 'broken.json');
  writeFileSync(bad, JSON.stringify({ name: 'Broken', body: 'Scene: {{who}} waits.' }));
  const good = join(workDir, 'harbour.json');
  writeFileSync(
    good,
    JSON.stringify({
      shotline: 'template',
      version: 1,
      name: 'Harbour at dawn',
      description: 'Boats leave',
      variables: [{ name: 'boat', default: 'A trawler', description: 'What sails out' }],
      body: 'Scene: {{boat}} leaves the harbour.\nCamera: Wide shot from the pier.',
    }),
  );

  await openPromptStudio(page, studio.url, 'Imports');
  await page.getByRole('button', { name: 'Templates', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Templates' });

  let chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Import…' }).click();
  await (await chooser).setFiles(bad);
  await expect(dialog.getByRole('alert')).toContainText(
    'Could not import broken.json: The template file is not valid: body: the body uses {{who}} but no variable "who" is declared.',
  );
  await expect(dialog.getByRole('option', { name: 'Broken' })).toHaveCount(0);

  chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Import…' }).click();
  await (await chooser).setFiles(good);
  const imported = dialog.getByRole('option', { name: 'Harbour at dawn' });
  await expect(imported).toHaveAttribute('aria-selected', 'true');
  await expect(dialog.getByRole('textbox', { name: 'Boat' })).toHaveValue('A trawler');

  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export Harbour at dawn' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('harbour-at-dawn.shotline-template.json');
  const exported = JSON.parse(readFileSync(await file.path(), 'utf8')) as { name: string; body: string };
  expect(exported.name).toBe('Harbour at dawn');
  expect(exported.body).toContain('{{boat}}');

  // Built-ins cannot be deleted, but a copy can.
  await dialog.getByRole('option', { name: 'Horror sting' }).click();
  await expect(dialog.getByRole('button', { name: 'Delete Horror sting' })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Duplicate Horror sting' }).click();
  const copy = dialog.getByRole('option', { name: 'Horror sting copy' });
  await expect(copy).toHaveAttribute('aria-selected', 'true');
  await dialog.getByRole('button', { name: 'Rename Horror sting copy' }).click();
  const rename = dialog.getByRole('textbox', { name: 'Template name' });
  await rename.fill('Farmhouse sting');
  await rename.press('Enter');
  await expect(dialog.getByRole('option', { name: 'Farmhouse sting' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Delete Farmhouse sting' }).click();
  await page.getByRole('dialog', { name: 'Delete template?' }).getByRole('button', { name: 'Delete' }).click();
  await expect(dialog.getByRole('option', { name: 'Farmhouse sting' })).toHaveCount(0);
  await expect(dialog.getByRole('option', { name: 'Horror sting' })).toBeVisible();
});

test('autocomplete offers the words the built-in engine understands', async ({ page, studio }) => {
  const editor = await openPromptStudio(page, studio.url, 'Vocabulary');
  await editor.click();
  await page.keyboard.type('Scene: A paper lant');
  const options = page.getByRole('listbox').getByRole('option');
  const lantern = options.filter({ hasText: /^lantern/ }).first();
  await expect(lantern).toBeVisible();
  // CodeMirror ignores keys meant for a completion list in its first 75 ms, so that keys typed
  // before a person could see the list still go to the text; choose it as a person does, after.
  await page.waitForTimeout(200);
  await page.keyboard.press('Enter');
  await expect(editor).toContainText('Scene: A paper lantern');
});

test('a prose prompt shows how it was read, field by field, what was not used, and converts to key lines', async ({
  page,
  studio,
}) => {
  const editor = await openPromptStudio(page, studio.url, 'Lighthouse');
  await paste(
    editor,
    'A lighthouse keeper climbs the stairs at dusk. Slow dolly in. She says "Not tonight." Shot on 35mm film.\n' +
      'Audio: gull at 00:04 at 00:05\nDuration: 6s',
  );
  const reading = page.getByRole('region', { name: 'How it was read' });
  await expect(reading.getByRole('list', { name: 'Camera' })).toHaveText('Slow dolly in');
  await expect(reading.getByRole('list', { name: 'Dialogue' })).toHaveText('She: "Not tonight."');
  await expect(reading.getByRole('list', { name: 'Style' })).toHaveText('Shot on 35mm film');
  await expect(reading.getByRole('list', { name: 'Shot timing' })).toHaveText('6s');
  await expect(reading.getByRole('list', { name: 'Not used' })).toContainText('at 00:05');
  await expect(reading).toContainText('Nothing for Motion, Negative.');
  await page.screenshot({ path: 'test-results/prompt-how-it-was-read.png' });

  await reading.getByRole('button', { name: 'Convert to structured' }).click();
  await expect(editor).toContainText('Camera: Slow dolly in');
  await expect(editor).toContainText('She: "Not tonight."');
  await expect(editor).toContainText('Audio: gull at 00:04');
  // Written in key lines, there is no prose left to explain.
  await expect(reading).toBeHidden();
});

test('a prompt edit reloaded before its autosave is kept; when it cannot be kept, the browser asks before leaving', async ({
  page,
  studio,
}) => {
  const editor = await openPromptStudio(page, studio.url, 'Quick edits');
  await editor.click();
  await page.keyboard.type('Scene: a heron lands on the jetty.');
  // Straight away, well inside the autosave's pause.
  await page.reload();
  const reloaded = page.getByRole('textbox', { name: 'Prompt editor' });
  await expect(reloaded).toContainText('Scene: a heron lands on the jetty.');
  await expect(page.getByRole('status').filter({ hasText: 'Draft saved' })).toBeVisible();
  // Saved for good: it is there after another reload too.
  await page.reload();
  await expect(reloaded).toContainText('Scene: a heron lands on the jetty.');

  // With the studio out of reach and the page's storage refusing the text, leaving with an edit
  // not yet saved asks first.
  await page.evaluate(() => {
    WebSocket.prototype.send = () => undefined;
    Storage.prototype.setItem = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await reloaded.click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Gulls circle.');
  const asked = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  const dialog = await asked;
  expect(dialog.type()).toBe('beforeunload');
  await dialog.dismiss();
  await expect(reloaded).toContainText('Gulls circle.');
});

test('in an 800 px window the Problems panel keeps each message whole across the row, with its place and fix below it', async ({
  page,
  studio,
}) => {
  await page.setViewportSize({ width: 800, height: 700 });
  const editor = await openPromptStudio(page, studio.url, 'Narrow problems');
  await paste(
    editor,
    'Scene: A kitchen at night.\nDialogue: Mia: "See you." at 7:30 pm\nTom: "Go." Thenheleavesthroughthebackdoorwithoutaword\nDuration: 8s',
  );
  const problems = page.getByRole('region', { name: 'Problems' });
  const finding = problems.getByRole('listitem').filter({ hasText: 'Shot 1 has no Camera line' });
  await expect(finding).toBeVisible();
  const boxes = await finding.evaluate((row) => {
    const box = (selector: string): DOMRect => {
      const found = row.querySelector(selector);
      if (!found) throw new Error(`no ${selector}`);
      return found.getBoundingClientRect();
    };
    return { row: row.getBoundingClientRect(), message: box('.problem__message'), fix: box('.problem__fix') };
  });
  // The words take most of the row (not a column a word wide), and the fix sits under them.
  expect(boxes.message.width).toBeGreaterThan(boxes.row.width * 0.7);
  expect(boxes.fix.top).toBeGreaterThanOrEqual(boxes.message.bottom);
  expect(boxes.fix.right).toBeLessThanOrEqual(boxes.row.right + 0.5);
  // The words after a line's quote are named as left out, not called an unclosed quote.
  await expect(problems).toContainText('“at 7:30 pm” after them is left out');
  await expect(problems).not.toContainText('never closed');
  // A long unbroken word wraps inside its row: the list never scrolls sideways.
  await expect(problems).toContainText('Thenheleaves');
  const list = problems.getByRole('list');
  expect(await list.evaluate((l) => l.scrollWidth - l.clientWidth)).toBeLessThanOrEqual(0);
});

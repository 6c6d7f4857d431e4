import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openPromptStudio } from './prompt-helpers';
import { expect, test } from './studio';

const KEY = 'key_runway_e2e_0123456789wxyz';

test('Settings opens with Ctrl+, saves a key that shows only its ending, and removes it', async ({ page, studio }) => {
  await openPromptStudio(page, studio.url, 'Keys');
  const compiled = page.getByRole('region', { name: 'Compiled prompt' });
  await compiled.getByRole('combobox', { name: 'Provider' }).selectOption('runway');
  // The Prompt view says Runway cannot take a job yet, and what to do.
  const warning = compiled.getByRole('alert');
  await expect(warning).toContainText('Runway API is not ready.');
  await expect(warning).toContainText('Settings (Ctrl+,)');

  await page.keyboard.press('Control+Comma');
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await expect(settings).toBeVisible();
  const runway = settings.getByRole('form', { name: 'Runway API' });
  await expect(runway).toContainText('Not set');
  await runway.getByLabel('Runway API').fill(KEY);
  await runway.getByRole('button', { name: 'Save key' }).click();
  await expect(runway).toContainText('Set, ends in …wxyz (saved in Shotline)');
  // The field is emptied and the key itself is nowhere on the page.
  await expect(runway.getByLabel('Runway API')).toHaveValue('');
  expect(await page.content()).not.toContain(KEY);
  const saved = JSON.parse(await readFile(join(studio.dataDir, 'settings.json'), 'utf8')) as { keys: unknown };
  expect(saved.keys).toEqual({ runway: KEY });

  // Without a restart, the Prompt view now has Runway ready.
  await settings.getByRole('button', { name: 'Close' }).click();
  await expect(settings).toBeHidden();
  await expect(compiled.getByRole('alert')).toHaveCount(0);

  await page.keyboard.press('Control+Comma');
  await settings.getByRole('form', { name: 'Runway API' }).getByRole('button', { name: 'Remove' }).click();
  await expect(settings.getByRole('form', { name: 'Runway API' })).toContainText('Not set');
  await page.keyboard.press('Escape');
  await expect(compiled.getByRole('alert')).toContainText('Runway API is not ready.');
});

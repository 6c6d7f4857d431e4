import type { Locator, Page } from '@playwright/test';
import { expect } from './studio';

/** Creates a project and opens its prompt studio; returns the editor. */
export async function openPromptStudio(page: Page, url: string, project: string): Promise<Locator> {
  await page.goto(url);
  await page.getByRole('button', { name: 'New project' }).first().click();
  const name = page.getByRole('textbox', { name: 'Project name' });
  await name.fill(project);
  await name.press('Enter');
  await expect(page.getByText(project).first()).toBeVisible();
  await page.getByRole('tab', { name: 'Prompt' }).click();
  const editor = page.getByRole('textbox', { name: 'Prompt editor' });
  await expect(editor).toBeVisible();
  return editor;
}

/** Pastes text into the editor the way the clipboard does. */
export async function paste(editor: Locator, text: string): Promise<void> {
  await editor.click();
  await editor.evaluate((element, pasted) => {
    const data = new DataTransfer();
    data.setData('text/plain', pasted);
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

/** Pastes text over the editor's whole text, chosen with Ctrl+A first, the way a creator replaces a prompt. */
export async function pasteOver(editor: Locator, text: string): Promise<void> {
  await editor.click();
  await editor.press('ControlOrMeta+a');
  // Dispatched on the chosen text as it stands (paste() clicks first, which would unchoose it).
  await editor.evaluate((element, pasted) => {
    const data = new DataTransfer();
    data.setData('text/plain', pasted);
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

/**
 * A new project whose prompt is rendered on the built-in engine: queued from the Prompt view, the
 * clip landed in the library and chosen. Returns the editor and the clips' cards.
 */
export async function renderedClip(
  page: Page,
  url: string,
  project: string,
  prompt: string,
): Promise<{ editor: Locator; cards: Locator }> {
  const editor = await openPromptStudio(page, url, project);
  await paste(editor, prompt);
  await page
    .getByRole('region', { name: 'Compiled prompt' })
    .getByRole('combobox', { name: 'Provider' })
    .selectOption('local');
  await page.getByRole('button', { name: 'Queue', exact: true }).click();
  await page.getByRole('tab', { name: 'Library' }).click();
  const cards = page.getByRole('list', { name: 'Clips' }).getByRole('listitem');
  await expect(cards).toHaveCount(1, { timeout: 120_000 });
  await cards.first().click();
  return { editor, cards };
}

/** Remix on the chosen clip: the Prompt view opens linked to it, replacing the draft when asked. */
export async function remixChosen(page: Page): Promise<void> {
  await page
    .getByRole('complementary', { name: 'Inspector' })
    .getByRole('button', { name: 'Remix', exact: true })
    .click();
  const replace = page.getByRole('button', { name: 'Replace' });
  if (await replace.isVisible()) await replace.click();
  await expect(page.getByRole('group', { name: 'Remix' })).toBeVisible();
}

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

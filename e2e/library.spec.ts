import { join } from 'node:path';
import { expect, makeClip, test } from './studio';

test('a creator makes a project, imports a clip, plays it, and finds it again after a reload and a restart', async ({
  page,
  studio,
  workDir,
}) => {
  const clipPath = makeClip(join(workDir, 'Harbour at dawn.mp4'), 3);

  await page.goto(studio.url);
  await page.getByRole('button', { name: 'New project' }).first().click();
  const name = page.getByRole('textbox', { name: 'Project name' });
  await name.fill('Lantern festival');
  await name.press('Enter');
  await expect(page.getByText('Lantern festival').first()).toBeVisible();

  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import clips' }).first().click();
  await (await chooser).setFiles(clipPath);

  const clips = page.getByRole('list', { name: 'Clips' });
  const card = clips.getByRole('listitem').filter({ hasText: 'Harbour at dawn' });
  await expect(card).toBeVisible({ timeout: 30_000 });
  await expect(card).toContainText('0:03');
  await expect(card).toContainText('640×360');

  await card.click();
  const player = page.getByLabel('Player');
  await expect(player).toBeVisible();
  await player.evaluate((video: HTMLVideoElement) => {
    video.muted = true;
    return video.play();
  });
  await expect
    .poll(() => player.evaluate((video: HTMLVideoElement) => video.currentTime), { timeout: 15_000 })
    .toBeGreaterThan(0.3);

  // Seeking needs range requests: jump near the end and play on from there.
  await player.evaluate((video: HTMLVideoElement) => {
    video.currentTime = 2.5;
  });
  await expect.poll(() => player.evaluate((video: HTMLVideoElement) => video.currentTime)).toBeGreaterThan(2.4);
  // Only the built-in engine writes a render report; by now the inspector has long had its answer.
  await expect(page.getByRole('region', { name: 'Clip details' })).toContainText('Imported file');
  await expect(page.getByRole('region', { name: 'Render report' })).toHaveCount(0);

  await page.reload();
  await expect(
    page.getByRole('list', { name: 'Clips' }).getByRole('listitem').filter({ hasText: 'Harbour at dawn' }),
  ).toBeVisible();

  await studio.restart();
  await page.goto(studio.url);
  await expect(page.getByText('Lantern festival').first()).toBeVisible();
  const again = page.getByRole('list', { name: 'Clips' }).getByRole('listitem').filter({ hasText: 'Harbour at dawn' });
  await expect(again).toBeVisible();
  await expect(again).toContainText('0:03');
});

test('the browser studio refuses a request without its token', async ({ page, studio }) => {
  const origin = new URL(studio.url).origin;
  await page.goto(origin + '/');
  await expect(page.getByRole('alert').filter({ hasText: 'access token' }).first()).toBeVisible();
  expect((await page.request.get(origin + '/session')).status()).toBe(401);
});

test('the token leaves the address bar, never becomes a cookie, and opens nothing from another port', async ({
  page,
  studio,
}) => {
  await page.goto(studio.url);
  await expect(page.getByRole('button', { name: 'New project' }).first()).toBeVisible();
  await expect.poll(() => page.url()).not.toContain('token=');
  expect(await page.context().cookies()).toEqual([]);
  const origin = new URL(studio.url).origin;
  const token = new URL(studio.url).searchParams.get('token') ?? '';
  // What a page on another port of 127.0.0.1 could send: cookies and all, but not this tab's storage.
  expect((await page.request.get(origin + '/session')).status()).toBe(401);
  expect(
    (await page.request.get(origin + '/session', { headers: { Authorization: `Bearer ${token}` } })).status(),
  ).toBe(204);
  await page.reload();
  await expect(page.getByRole('button', { name: 'New project' }).first()).toBeVisible();
  await expect(page.getByText('access token')).toHaveCount(0);
});

test('a file that is not media is refused with a message and nothing is added', async ({ page, studio, workDir }) => {
  const { writeFileSync } = await import('node:fs');
  const notes = join(workDir, 'notes.mp4');
  writeFileSync(notes, 'these are shot notes, not a video');

  await page.goto(studio.url);
  await page.getByRole('button', { name: 'New project' }).first().click();
  await page.getByRole('textbox', { name: 'Project name' }).fill('Rejects');
  await page.getByRole('textbox', { name: 'Project name' }).press('Enter');

  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import clips' }).first().click();
  await (await chooser).setFiles(notes);

  await expect(page.getByText(/notes\.mp4 is not a video or audio file/)).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('list', { name: 'Clips' }).getByRole('listitem')).toHaveCount(0);
});

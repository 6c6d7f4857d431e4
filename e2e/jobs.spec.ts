import { openPromptStudio, paste } from './prompt-helpers';
import { expect, test } from './studio';

const HARBOUR = `Title: Harbour bell
Scene: A fishing boat rocks beside a harbour wall at dusk.
Camera: Static wide shot at eye level.
Motion: The boat bobs; gulls circle.
Audio: Waves against the wall, bell at 00:01
Style: zorblaxian
Size: 320x180
Duration: 2s`;

test('a prompt queued on the built-in engine shows its progress in Jobs and lands in Clips, ready to play', async ({
  page,
  studio,
}) => {
  test.setTimeout(120_000);
  const editor = await openPromptStudio(page, studio.url, 'Harbour film');
  await paste(editor, HARBOUR);
  await expect(page.getByRole('region', { name: 'Problems' })).toContainText('No problems');
  const compiled = page.getByRole('region', { name: 'Compiled prompt' });
  await compiled.getByRole('combobox', { name: 'Provider' }).selectOption('local');
  await expect(compiled).toContainText('320x180');

  await page.getByRole('button', { name: 'Queue', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Queued “Harbour bell”' })).toBeVisible();

  // The Jobs screen: the job in the Queue list, its progress bar moving. A short render can pass
  // through its running state, and out of the Queue list, in a fraction of a second, so the page
  // itself looks at every frame it paints from before the screen opens: in one frame, the row in
  // the Queue list says Running with its elapsed time, its provider and size, offers Cancel, and
  // its progress bar has moved.
  const sawRunningRow = page.waitForFunction(
    () =>
      [...document.querySelectorAll<HTMLElement>('ul[aria-label="Queue"] > li[aria-label="Harbour bell"]')].some(
        (row) => {
          const bar = row.querySelector('[role="progressbar"][aria-label="Progress of Harbour bell"]');
          const text = row.textContent;
          const cancel = [...row.querySelectorAll('button')].some((button) => button.textContent === 'Cancel');
          return (
            Number(bar?.getAttribute('aria-valuenow') ?? 0) > 0 &&
            cancel &&
            ['Running', 'elapsed', 'Built-in engine', '320×180'].every((part) => text.includes(part))
          );
        },
      ),
    undefined,
    { polling: 'raf', timeout: 60_000 },
  );
  await page.keyboard.press('Alt+3');
  await expect(page.getByRole('tab', { name: 'Jobs' })).toHaveAttribute('aria-selected', 'true');
  const jobs = page.getByRole('region', { name: 'Jobs' });
  await expect(jobs).toBeVisible();
  await sawRunningRow;

  // Back in the library, the clip appears by itself when the job is done.
  await page.getByRole('tab', { name: 'Library' }).click();
  const card = page.getByRole('list', { name: 'Clips' }).getByRole('listitem').filter({ hasText: 'Harbour bell' });
  await expect(card).toBeVisible({ timeout: 90_000 });
  await expect(card).toContainText('320×180');
  await expect(card).toContainText('0:02');
  await expect(page.getByRole('status').filter({ hasText: 'Clip ready: “Harbour bell”' })).toBeVisible();

  await card.click();
  const player = page.getByLabel('Player');
  await expect(player).toBeVisible();

  // The inspector tells what the engine made of the prompt: the made-up style word it did not
  // understand, named with its prompt line, and the bell it placed where the prompt asked.
  const report = page.getByRole('region', { name: 'Render report' });
  await expect(report).toBeVisible();
  const missing = report.getByRole('group', { name: 'Not understood' });
  const word = missing.getByRole('listitem').filter({ hasText: 'zorblaxian' });
  await expect(word).toHaveCount(1);
  await expect(word).toContainText('Style');
  await expect(report.getByText('Everything in the prompt was understood.')).toHaveCount(0);
  const bell = report.getByRole('list', { name: 'Sound events' }).getByRole('listitem').filter({ hasText: 'bell' });
  await expect(bell).toContainText('00:01');
  await expect(bell).toContainText('directive');
  await player.evaluate((video: HTMLVideoElement) => {
    video.muted = true;
    return video.play();
  });
  await expect
    .poll(() => player.evaluate((video: HTMLVideoElement) => video.currentTime), { timeout: 15_000 })
    .toBeGreaterThan(0.3);

  // The job is listed as done, and leads back to its clip.
  await page.getByRole('tab', { name: 'Jobs' }).click();
  const done = jobs.getByRole('list', { name: 'Finished' }).getByRole('listitem', { name: 'Harbour bell' });
  await expect(done).toContainText('Done');
  await expect(jobs.getByRole('list', { name: 'Queue' })).toHaveCount(0);
  await done.getByRole('button', { name: 'Show clip' }).click();
  await expect(page.getByRole('tab', { name: 'Library' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByLabel('Player')).toBeVisible();
});

test('a queued job can be canceled and retried, and the filters narrow the list', async ({ page, studio }) => {
  test.setTimeout(120_000);
  const editor = await openPromptStudio(page, studio.url, 'Queue drill');
  // Two long renders: the first runs while the second waits in the queue.
  await paste(editor, 'Title: Long take\nScene: a field of wheat in wind\nSize: 1920x1080\nDuration: 60s');
  await page.getByRole('button', { name: 'Queue', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Queued “Long take”' })).toBeVisible();
  await editor.click();
  await page.keyboard.press('Control+Enter');
  await page.getByRole('tab', { name: 'Jobs' }).click();

  const queue = page.getByRole('list', { name: 'Queue' });
  await expect(queue.getByRole('listitem')).toHaveCount(2);
  const [first, second] = [queue.getByRole('listitem').nth(0), queue.getByRole('listitem').nth(1)];
  await expect(first).toContainText('Running', { timeout: 30_000 });
  await expect(second).toContainText('Queued');

  await second.getByRole('button', { name: 'Cancel' }).click();
  const finished = page.getByRole('list', { name: 'Finished' });
  const canceled = finished.getByRole('listitem').filter({ hasText: 'Canceled' });
  await expect(canceled).toBeVisible();
  await first.getByRole('button', { name: 'Cancel' }).click();
  await expect(finished.getByRole('listitem').filter({ hasText: 'Canceled' })).toHaveCount(2);
  await expect(page.getByText('Nothing queued or running.')).toBeVisible();

  await page.getByRole('combobox', { name: 'State' }).selectOption('succeeded');
  await expect(page.getByText('Nothing here matches the filters.')).toBeVisible();
  await page.getByRole('combobox', { name: 'State' }).selectOption('canceled');
  await expect(finished.getByRole('listitem')).toHaveCount(2);
  await page.getByRole('combobox', { name: 'Provider' }).selectOption('veo');
  await expect(page.getByText('Nothing here matches the filters.')).toBeVisible();
  await page.getByRole('combobox', { name: 'Provider' }).selectOption('all');
  await page.getByRole('combobox', { name: 'State' }).selectOption('all');

  await finished.getByRole('listitem').first().getByRole('button', { name: 'Retry' }).click();
  await expect(queue.getByRole('listitem')).toHaveCount(1);
  await queue.getByRole('listitem').getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('Nothing queued or running.')).toBeVisible();
});

test('queueing on a provider without its key says which variable to set', async ({ page, studio }) => {
  test.skip(Boolean(process.env.GEMINI_API_KEY), 'GEMINI_API_KEY is set in this environment');
  const editor = await openPromptStudio(page, studio.url, 'Cloud');
  await paste(editor, HARBOUR);
  await page
    .getByRole('region', { name: 'Compiled prompt' })
    .getByRole('combobox', { name: 'Provider' })
    .selectOption('veo');
  await page.getByRole('button', { name: 'Queue', exact: true }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'Could not queue the prompt' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('GEMINI_API_KEY');
  await page.getByRole('tab', { name: 'Jobs' }).click();
  await expect(page.getByText('No jobs yet')).toBeVisible();
});

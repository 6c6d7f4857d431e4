import { join } from 'node:path';
import { expect, importInto, makeClip, test } from './studio';

const shots = '/work/shots/export-bundle';

test('a creator exports a clip with its metadata, exports the project as one file and imports it back', async ({
  page,
  studio,
  workDir,
}) => {
  // Two exports, an upload and an import in one story: more than the default minute on a busy machine.
  test.setTimeout(180_000);
  const clipPath = makeClip(join(workDir, 'Harbour at dawn.mp4'), 3);
  await importInto(page, studio.url, clipPath, 'Harbour at dawn', 'Lantern festival');

  await page.getByRole('button', { name: 'Export clip' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export clip' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('checkbox', { name: 'Include cues as a file' }).check();
  await dialog.getByRole('combobox', { name: 'Cue file format' }).selectOption('webvtt');
  await page.screenshot({ path: join(shots, 'export-clip-dialog.png') });
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export' }).click();
  const clipFile = await download;
  expect(clipFile.suggestedFilename()).toMatch(/^Harbour at dawn \d{4}-\d\d-\d\d \d{4}\.mp4$/);
  await expect(dialog.getByRole('status')).toContainText('Downloading Harbour at dawn');
  await expect(dialog).toContainText('has no cues, so no cue file was written');
  await page.screenshot({ path: join(shots, 'export-clip-done.png') });
  await dialog.getByRole('button', { name: 'Close', exact: true }).last().click();
  await expect(dialog).toHaveCount(0);

  const bundleDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export project…' }).click();
  const bundle = await bundleDownload;
  expect(bundle.suggestedFilename()).toMatch(/^Lantern festival \d{4}-\d\d-\d\d \d{4}\.shotline$/);
  const transfer = page.getByRole('region', { name: 'Project files' });
  await expect(transfer.getByRole('status')).toContainText('Exported “Lantern festival”: 1 clip, 0 cues');
  await expect(page.getByRole('button', { name: 'Export project…' })).toBeFocused();
  await page.screenshot({ path: join(shots, 'export-project-done.png') });
  const bundlePath = join(workDir, bundle.suggestedFilename());
  await bundle.saveAs(bundlePath);

  const bundleChooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import project…' }).click();
  await (await bundleChooser).setFiles(bundlePath);
  await expect(transfer.getByRole('status')).toContainText('Imported “Lantern festival (imported)”: 1 clip, 0 cues', {
    timeout: 30_000,
  });
  const projects = page.getByRole('list', { name: 'Projects' });
  await expect(projects.getByRole('listitem').filter({ hasText: 'Lantern festival' })).toHaveCount(2);
  await expect(
    page.getByRole('list', { name: 'Clips' }).getByRole('listitem').filter({ hasText: 'Harbour at dawn' }),
  ).toBeVisible();
  // The focus is back on the button that started the import, not lost to the page.
  await expect(page.getByRole('button', { name: 'Import project…' })).toBeFocused();
  await page.screenshot({ path: join(shots, 'import-project-done.png') });

  // A file that is not a bundle says why, and adds nothing.
  const notBundle = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import project…' }).click();
  await (await notBundle).setFiles(clipPath);
  await expect(transfer.getByRole('alert')).toContainText(
    'Harbour at dawn.mp4 cannot be imported: it is not a Shotline project bundle',
  );
  await expect(transfer.getByRole('alert')).toContainText('choose a .shotline file, as Export project… writes one.');
  await expect(page.getByRole('button', { name: 'Import project…' })).toBeFocused();
  await expect(projects.getByRole('listitem').filter({ hasText: 'Lantern festival' })).toHaveCount(2);
  await page.screenshot({ path: join(shots, 'import-project-refused.png') });
});

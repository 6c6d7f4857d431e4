// The desktop save dialog's options and the check on what the window asks to save; nothing here loads Electron.
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { readSaveRequest, saveDialogOptions } from './saveFile';

test('a save request is a file name, a type and text, and nothing else', () => {
  const file = { fileName: 'Hallway cues.srt', mimeType: 'application/x-subrip', text: '1\n' };
  expect(readSaveRequest(file)).toEqual(file);
  expect(readSaveRequest({ ...file, fileName: '../../.bashrc' })).toMatch(/fileName: a file name, not a path/);
  expect(readSaveRequest({ ...file, fileName: 'C:\\x.srt' })).toMatch(/fileName: a file name, not a path/);
  expect(readSaveRequest({ ...file, fileName: '' })).toMatch(/fileName: a file name is needed/);
  expect(readSaveRequest({ ...file, path: '/etc/passwd' })).toMatch(/path: unknown field/);
  expect(readSaveRequest({ ...file, text: 7 })).toMatch(/^The file could not be saved: text:/);
  expect(readSaveRequest(null)).toMatch(/^The file could not be saved/);
});

test('the dialog opens in the folder with the suggested name and offers the file’s own type first', () => {
  const folder = join('/home', 'maya', 'Documents');
  expect(saveDialogOptions('Hallway cues.otio', folder)).toMatchObject({
    defaultPath: join(folder, 'Hallway cues.otio'),
    filters: [
      { name: 'OTIO file', extensions: ['otio'] },
      { name: 'All files', extensions: ['*'] },
    ],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  });
  expect(saveDialogOptions('cues', folder).filters).toEqual([{ name: 'All files', extensions: ['*'] }]);
});

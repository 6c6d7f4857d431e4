import { join } from 'node:path';
import { expect, test } from 'vitest';
import { besideChosen, intoFolder, SaveExportsRequest } from './exportTargets';

test('a sidecar follows the name chosen for its clip', () => {
  expect(besideChosen(join('/x', 'Harbour.mp4'), ['Dawn 2026-12-03 2014.mp4', 'Dawn 2026-12-03 2014.srt'])).toEqual([
    join('/x', 'Harbour.mp4'),
    join('/x', 'Harbour.srt'),
  ]);
});

test('files saved into a folder never overwrite what is there, nor each other', () => {
  expect(intoFolder('/f', ['a.mp4', 'a.mp4', '../b.mp4'], ['A.mp4'])).toEqual([
    join('/f', 'a (2).mp4'),
    join('/f', 'a (3).mp4'),
    join('/f', 'b.mp4'),
  ]);
});

test('the request from the window is checked before any dialog opens', () => {
  expect(SaveExportsRequest.safeParse({ files: [{ id: 'nope', fileName: 'a' }], mode: 'file' }).success).toBe(false);
  expect(SaveExportsRequest.safeParse({ files: [], mode: 'folder' }).success).toBe(false);
  expect(
    SaveExportsRequest.safeParse({ files: [{ id: 'a'.repeat(32), fileName: 'a.mp4' }], mode: 'file' }).success,
  ).toBe(true);
});

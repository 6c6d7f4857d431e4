/** The desktop's side of exporting: the save dialog, copying from the studio's exports, and Reveal in folder. */
import { copyFile, readdir } from 'node:fs/promises';
import { dialog, shell, type BrowserWindow } from 'electron';
import type { Studio } from '../../core/studio';
import { log } from '../../log/logger';
import { besideChosen, intoFolder, SaveExportsRequest } from './exportTargets';

export interface DesktopExports {
  save(win: BrowserWindow, request: unknown): Promise<{ paths: string[] } | null>;
  reveal(path: unknown): void;
}

export function desktopExports(studio: Studio): DesktopExports {
  // Reveal opens only what this window saved: a path from the renderer is not trusted otherwise.
  const saved = new Set<string>();
  return {
    async save(win, input) {
      const request = SaveExportsRequest.parse(input);
      const files = await Promise.all(request.files.map((f) => studio.exports.find(f.id)));
      const found = files.filter((f) => f !== null);
      if (found.length !== files.length)
        throw new Error('An export is gone (exports are kept for an hour). Export it again.');
      let targets: string[];
      if (request.mode === 'file') {
        const first = found[0];
        if (!first) return null;
        const answer = await dialog.showSaveDialog(win, { title: 'Export', defaultPath: first.fileName });
        if (answer.canceled || !answer.filePath) return null;
        targets = besideChosen(
          answer.filePath,
          found.map((f) => f.fileName),
        );
      } else {
        const answer = await dialog.showOpenDialog(win, {
          title: 'Export into folder',
          properties: ['openDirectory', 'createDirectory'],
        });
        const folder = answer.filePaths[0];
        if (answer.canceled || folder === undefined) return null;
        targets = intoFolder(
          folder,
          found.map((f) => f.fileName),
          await readdir(folder),
        );
      }
      for (const [index, file] of found.entries()) {
        const target = targets[index];
        if (target === undefined) continue;
        await copyFile(file.path, target);
        saved.add(target);
      }
      log.info(`exported ${found.length} file(s) to ${targets[0] ?? ''}`);
      return { paths: targets };
    },
    reveal(path) {
      if (typeof path === 'string' && saved.has(path)) shell.showItemInFolder(path);
    },
  };
}

/** Where the desktop puts exported files once the creator has chosen a place (no Electron here: tested as is). */
import { basename, dirname, extname, join } from 'node:path';
import { z } from 'zod';
import { ExportId } from '../../../shared/exports';
import { uniqueFileName } from '../../../shared/exportName';

export const SaveExportsRequest = z.strictObject({
  files: z
    .array(z.strictObject({ id: ExportId, fileName: z.string().min(1).max(255) }))
    .min(1)
    .max(1000),
  mode: z.enum(['file', 'folder']),
});

/**
 * The paths for 'file' mode: the first file where the dialog said; the others beside it, taking
 * the chosen name with their own extension ("Harbour.mp4" chosen → "Harbour.srt").
 */
export function besideChosen(chosen: string, fileNames: readonly string[]): string[] {
  const stem = basename(chosen, extname(chosen));
  return fileNames.map((name, index) => (index === 0 ? chosen : join(dirname(chosen), stem + extname(name))));
}

/** The paths for 'folder' mode: each file under its own name, numbered when the folder already has one. */
export function intoFolder(folder: string, fileNames: readonly string[], existing: readonly string[]): string[] {
  const taken = new Set(existing);
  return fileNames.map((name) => {
    const unique = uniqueFileName(basename(name), taken);
    taken.add(unique);
    return join(folder, unique);
  });
}

/**
 * What the desktop's save dialog is asked for an export, and the check on what the window
 * sends; nothing here loads Electron, so it is tested without it. The window never names a
 * path: the creator picks it in the system dialog.
 */
import { join } from 'node:path';
import type { SaveDialogOptions } from 'electron';
import { z } from 'zod';
import type { SaveFileRequest } from '../../../shared/bridge';
import { describeIssues } from '../../../shared/issues';

/** A larger text than any export makes (cue files stop at 2,000,000 characters). */
const MAX_TEXT_CHARS = 16_000_000;

const Request = z.strictObject({
  fileName: z
    .string()
    .min(1, 'a file name is needed')
    .max(255, 'a file name is at most 255 characters')
    .refine((name) => !/[/\\]/.test(name) && name !== '.' && name !== '..', 'a file name, not a path'),
  mimeType: z.string().max(255),
  text: z.string().max(MAX_TEXT_CHARS, 'the file is too large to save'),
});

/** The request, or a sentence saying what was wrong with it. */
export function readSaveRequest(input: unknown): SaveFileRequest | string {
  const parsed = Request.safeParse(input);
  return parsed.success ? parsed.data : `The file could not be saved: ${describeIssues(parsed.error)}`;
}

/** The dialog opens in `folder` with the suggested name, offering the file's own type first. */
export function saveDialogOptions(fileName: string, folder: string): SaveDialogOptions {
  const dot = fileName.lastIndexOf('.');
  const extension = dot > 0 ? fileName.slice(dot + 1) : '';
  return {
    title: `Save “${fileName}”`,
    defaultPath: join(folder, fileName),
    buttonLabel: 'Save',
    filters: [
      ...(extension === '' ? [] : [{ name: `${extension.toUpperCase()} file`, extensions: [extension] }]),
      { name: 'All files', extensions: ['*'] },
    ],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
}

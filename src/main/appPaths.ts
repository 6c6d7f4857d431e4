import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The checkout or installed package root (this file lives in src/main). */
export const appRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The built studio (electron-vite's renderer output) that both hosts serve. */
export const rendererDir = join(appRoot, 'out', 'renderer');

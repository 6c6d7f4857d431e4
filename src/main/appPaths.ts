import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The checkout or installed package root: this module lives in src/main, or once built in out/main
 * (electron.vite.config.ts keeps every chunk there).
 */
export const appRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The built studio (electron-vite's renderer output) that both hosts serve. */
export const rendererDir = join(appRoot, 'out', 'renderer');

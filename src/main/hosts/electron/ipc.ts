/**
 * The desktop host: the studio's calls over ipcMain, its events to the window, and media over
 * the shotline-media:// protocol. Trust decisions live in trust.ts, where they are tested.
 */
import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import {
  app as electronApp,
  dialog,
  ipcMain,
  net,
  protocol,
  safeStorage,
  type BrowserWindow,
  type IpcMainInvokeEvent,
} from 'electron';
import {
  callChannel,
  EVENT_CHANNEL,
  REVEAL_FILE_CHANNEL,
  SAVE_EXPORTS_CHANNEL,
  SAVE_FILE_CHANNEL,
  type SaveFileResult,
} from '../../../shared/bridge';
import { callNames, type Reply } from '../../../shared/contract';
import { MEDIA_SCHEME } from '../../../shared/wire';
import type { SafeStorageLike } from '../../providers/keys';
import type { Studio } from '../../core/studio';
import { serveMedia } from '../media';
import { readSaveRequest, saveDialogOptions } from './saveFile';
import { desktopExports } from './saveExports';
import { APP_SCHEME, CONTENT_SECURITY_POLICY_HEADER, isTrustedSender, mediaIdFromUrl, resolveAppAsset } from './trust';
import { log } from '../../log/logger';

export interface AppWindow {
  /** The window whose main frame may call the studio, if it is open. */
  window(): BrowserWindow | null;
  /** The URL that window loads (the dev server in development, else app://shotline/index.html). */
  entry: string;
}

const REFUSED_MESSAGE = "Refused a studio call that did not come from Shotline's own window.";
const refused: Reply = { ok: false, error: { code: 'invalid_input', message: REFUSED_MESSAGE } };

function fromAppWindow(event: IpcMainInvokeEvent, app: AppWindow): boolean {
  const win = app.window();
  const frame = event.senderFrame;
  if (!win || win.isDestroyed() || !frame || event.sender !== win.webContents) return false;
  const main = win.webContents.mainFrame;
  if (frame.processId !== main.processId || frame.routingId !== main.routingId) return false;
  return isTrustedSender(frame.url, app.entry);
}

/** Answers every contract call on 'studio:<call>' and forwards studio events. Returns its undo. */
export function registerStudioIpc(studio: Studio, app: AppWindow): () => void {
  for (const name of callNames) {
    ipcMain.handle(callChannel(name), (event, input: unknown) => {
      if (!fromAppWindow(event, app)) {
        log.warn(`refused ${name} from ${event.senderFrame?.url ?? 'a closed frame'}`);
        return refused;
      }
      return studio.invoke(name, input);
    });
  }
  const exports = desktopExports(studio);
  ipcMain.handle(SAVE_EXPORTS_CHANNEL, (event, request: unknown) => {
    const win = app.window();
    if (!fromAppWindow(event, app) || !win) return null;
    return exports.save(win, request);
  });
  ipcMain.handle(REVEAL_FILE_CHANNEL, (event, path: unknown) => {
    if (fromAppWindow(event, app)) exports.reveal(path);
  });
  const unsubscribe = studio.onEvent((name, payload) => {
    const win = app.window();
    if (win && !win.isDestroyed()) win.webContents.send(EVENT_CHANNEL, name, payload);
  });
  return () => {
    unsubscribe();
    for (const name of callNames) ipcMain.removeHandler(callChannel(name));
    ipcMain.removeHandler(SAVE_EXPORTS_CHANNEL);
    ipcMain.removeHandler(REVEAL_FILE_CHANNEL);
  };
}

/** Saves an export where the creator picks in the system's save dialog. Returns its undo. */
export function registerSaveFile(app: AppWindow): () => void {
  ipcMain.handle(SAVE_FILE_CHANNEL, async (event, input: unknown): Promise<SaveFileResult> => {
    const win = app.window();
    if (!win || !fromAppWindow(event, app)) return { outcome: 'failed', message: REFUSED_MESSAGE };
    const request = readSaveRequest(input);
    if (typeof request === 'string') return { outcome: 'failed', message: request };
    const choice = await dialog.showSaveDialog(
      win,
      saveDialogOptions(request.fileName, electronApp.getPath('documents')),
    );
    if (choice.canceled || !choice.filePath) return { outcome: 'canceled' };
    try {
      await writeFile(choice.filePath, request.text, 'utf8');
      return { outcome: 'saved', path: choice.filePath };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { outcome: 'failed', message: `${basename(choice.filePath)} could not be written: ${reason}` };
    }
  });
  return () => ipcMain.removeHandler(SAVE_FILE_CHANNEL);
}

/**
 * Must run before the app is ready, once (a second call replaces the first): app:// is a
 * standard, secure origin for the renderer instead of file://; shotline-media:// lets <video>
 * stream and seek.
 */
export function registerSchemes(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
    { scheme: MEDIA_SCHEME, privileges: { standard: true, secure: true, stream: true, supportFetchAPI: true } },
  ]);
}

/** Serves the built renderer from `rendererDir` as app://shotline/…, with the CSP header; nothing outside it. */
export function registerAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppAsset(rendererDir, request.url);
    if (file === null) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain' } });
    const answer = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(answer.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY_HEADER);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(answer.body, { status: answer.status, headers });
  });
}

/** Serves `shotline-media://media/<id>` through the one Range-aware media handler. */
export function registerMediaProtocol(studio: Studio): void {
  protocol.handle(MEDIA_SCHEME, async (request) => {
    const id = mediaIdFromUrl(request.url);
    if (id === null) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain' } });
    const answer = await serveMedia(studio.media, {
      id,
      method: request.method,
      range: request.headers.get('Range') ?? undefined,
    });
    const body = answer.body ? Readable.toWeb(answer.body) : null;
    return new Response(body, { status: answer.status, headers: answer.headers });
  });
}

/**
 * Electron's safeStorage as the studio's key file needs it (the OS keychain encrypts the
 * API keys saved in the app). Call after the app is ready.
 */
export function keychain(): SafeStorageLike {
  return {
    isEncryptionAvailable: () => safeStorage.isEncryptionAvailable(),
    encryptString: (plainText) => safeStorage.encryptString(plainText),
    decryptString: (encrypted) => safeStorage.decryptString(encrypted),
  };
}

/**
 * The Electron entry: one hardened window over the studio core. Everything the window can reach
 * goes through ipc.ts (IPC with sender checks, the app:// and shotline-media:// protocols).
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, Menu, session, type MenuItemConstructorOptions } from 'electron';
import { electronNativeBinding } from './runtime';
import {
  keychain,
  registerAppProtocol,
  registerMediaProtocol,
  registerSaveFile,
  registerSchemes,
  registerStudioIpc,
} from './ipc';
import { CONTENT_SECURITY_POLICY_HEADER, dataDirFlag, isAppUrl, isPermissionAllowed, rendererEntry } from './trust';
import { resolveDataDir } from '../../core/dataDir';
import { createStudio, type Studio } from '../../core/studio';
import { log } from '../../log/logger';

const outDir = fileURLToPath(new URL('..', import.meta.url));
const rendererDir = join(outDir, 'renderer');
// The dev server only in development; a packaged app always loads its own app:// page.
const entry = rendererEntry(app.isPackaged, process.env);

// The CLI, the browser studio and the desktop share one library folder by default:
// <appData>/Shotline, which is also what paths.ts defaultDataDir() names.
app.setName('Shotline');
const explicitDir = dataDirFlag(process.argv) ?? process.env.SHOTLINE_DATA_DIR;
const dataDir = explicitDir ? resolveDataDir(explicitDir) : join(app.getPath('appData'), 'Shotline');
// One running app per library: Chromium's profile (and so the single-instance lock) follows it.
app.setPath('userData', explicitDir ? join(dataDir, 'desktop-profile') : dataDir);

registerSchemes();

let mainWindow: BrowserWindow | null = null;
let studio: Studio | null = null;

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Shotline',
    backgroundColor: '#111214',
    webPreferences: {
      preload: join(outDir, 'preload', 'index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  void win.loadURL(entry);
  return win;
}

/** Every web contents, including any the app did not mean to create, stays on the app's own page. */
function lockDown(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => {
      if (!isAppUrl(event.url, entry)) event.preventDefault();
    });
    contents.on('will-redirect', (event) => {
      if (!isAppUrl(event.url, entry)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    // A second window would have no studio behind it (IPC answers only the main window's frame).
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl, entry));
  });
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY_HEADER] },
    });
  });
}

function buildMenu(): void {
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' } as const] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function explain(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/NODE_MODULE_VERSION|different Node\.js version/.test(message)) {
    return (
      "Shotline's database module is built for Node.js, not for Electron. Run `npm install` again " +
      'with network access so it can build one for Electron, or use the browser studio (`npx shotline serve`).' +
      `\n\n${message}`
    );
  }
  return message;
}

async function start(): Promise<void> {
  lockDown();
  buildMenu();
  try {
    const nativeBinding = electronNativeBinding(app.getAppPath());
    studio = await createStudio({
      dataDir,
      version: app.getVersion(),
      safeStorage: keychain(),
      ...(nativeBinding ? { nativeBinding } : {}),
    });
  } catch (error) {
    dialog.showErrorBox('Shotline could not open its library', explain(error));
    app.exit(1);
    return;
  }
  registerAppProtocol(rendererDir);
  registerMediaProtocol(studio);
  registerStudioIpc(studio, { window: () => mainWindow, entry });
  registerSaveFile({ window: () => mainWindow, entry });
  mainWindow = createWindow();
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('activate', () => {
    if (studio && !mainWindow) mainWindow = createWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  let closing = false;
  app.on('will-quit', (event) => {
    if (!studio || closing) return;
    closing = true;
    event.preventDefault();
    void studio.close().finally(() => app.quit());
  });
  app.whenReady().then(start, (error: unknown) => {
    log.error('the desktop app could not start', error);
    app.exit(1);
  });
}

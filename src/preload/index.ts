/**
 * Exposes `window.studio` (DesktopBridge) to the sandboxed renderer: named calls only, never
 * raw ipcRenderer. A sandboxed preload can require only 'electron', so nothing here loads zod;
 * the main process validates every input against the contract.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import {
  callChannel,
  EVENT_CHANNEL,
  isBridgedCall,
  REVEAL_FILE_CHANNEL,
  SAVE_EXPORTS_CHANNEL,
  SAVE_FILE_CHANNEL,
  type DesktopBridge,
  type SaveFileResult,
} from '../shared/bridge';
import type { EventName, Reply } from '../shared/contract';

const studio: DesktopBridge = {
  invoke(name, input) {
    if (!isBridgedCall(name)) {
      const reply: Reply = { ok: false, error: { code: 'invalid_input', message: `Unknown call: ${String(name)}` } };
      return Promise.resolve(reply);
    }
    return ipcRenderer.invoke(callChannel(name), input) as Promise<Reply>;
  },
  subscribe(listener) {
    // Wrapped so the renderer never sees the IpcRendererEvent (it carries ipcRenderer itself).
    const forward = (_event: IpcRendererEvent, name: EventName, payload: unknown) => listener(name, payload);
    ipcRenderer.on(EVENT_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, forward);
    };
  },
  pathForFile(file) {
    return webUtils.getPathForFile(file);
  },
  saveFile(file) {
    return ipcRenderer.invoke(SAVE_FILE_CHANNEL, file) as Promise<SaveFileResult>;
  },
  saveExports(request) {
    return ipcRenderer.invoke(SAVE_EXPORTS_CHANNEL, request) as Promise<{ paths: string[] } | null>;
  },
  revealFile(path) {
    return ipcRenderer.invoke(REVEAL_FILE_CHANNEL, path) as Promise<void>;
  },
};

contextBridge.exposeInMainWorld('studio', studio);

/**
 * What the desktop preload exposes as `window.studio`, and the IPC channels behind it.
 * This file must not load zod at runtime: the sandboxed preload can require only 'electron',
 * so it imports types from the contract and nothing else.
 */
import type { CallName, StudioBridge } from './contract';

/** Exported files (by export id) for the desktop to save where the creator chooses. */
export interface SaveExportsRequest {
  files: { id: string; fileName: string }[];
  /**
   * 'file': a save dialog for the first file; the others (a clip's cue sidecar) go beside it,
   * named after the name chosen. 'folder': one folder for them all, each under its own name.
   */
  mode: 'file' | 'folder';
}

export interface DesktopBridge extends StudioBridge {
  /** The file-system path of a dropped or chosen file, for importing it in place. */
  pathForFile(file: File): string;
  /** Asks where to save exported files and copies them there; null when the creator cancels. */
  saveExports(request: SaveExportsRequest): Promise<{ paths: string[] } | null>;
  /** Shows a file this window saved in the system's file manager. */
  revealFile(path: string): Promise<void>;
  /** Asks where to save a text file in the system's save dialog, and writes it there. */
  saveFile(file: SaveFileRequest): Promise<SaveFileResult>;
}

/** A text file made by the studio (an export), named as the studio suggests. */
export interface SaveFileRequest {
  fileName: string;
  mimeType: string;
  text: string;
}

export type SaveFileResult =
  { outcome: 'saved'; path: string } | { outcome: 'canceled' } | { outcome: 'failed'; message: string };

/** The ipcMain.handle channel behind saveFile. */
export const SAVE_FILE_CHANNEL = 'studio:save-file';

/** The desktop-only channels beside the contract's calls (dialogs and the file manager). */
export const SAVE_EXPORTS_CHANNEL = 'desktop:saveExports';
export const REVEAL_FILE_CHANNEL = 'desktop:revealFile';

/** ipcMain.handle channel of a call: 'studio:clips.list'. */
export const callChannel = (name: CallName): `studio:${CallName}` => `studio:${name}`;

/** The channel the main process sends (name, payload) events on. */
export const EVENT_CHANNEL = 'studio:event';

/**
 * The contract's call names without the contract's schemas. `satisfies Record<CallName, true>`
 * makes a call added to (or removed from) the contract without this list a type error.
 */
const bridgedCalls = {
  'app.info': true,
  'projects.list': true,
  'projects.create': true,
  'projects.rename': true,
  'projects.setArchived': true,
  'projects.delete': true,
  'projects.restore': true,
  'clips.list': true,
  'clips.get': true,
  'clips.rename': true,
  'clips.delete': true,
  'clips.report': true,
  'clips.search': true,
  'clips.import': true,
  'clips.sprite': true,
  'templates.list': true,
  'templates.save': true,
  'templates.rename': true,
  'templates.duplicate': true,
  'templates.delete': true,
  'templates.import': true,
  'templates.export': true,
  'drafts.get': true,
  'drafts.save': true,
  'drafts.remixLink': true,
  'drafts.setRemixLink': true,
  'jobs.enqueue': true,
  'jobs.list': true,
  'jobs.get': true,
  'jobs.update': true,
  'jobs.cancel': true,
  'jobs.retry': true,
  'jobs.moveToFront': true,
  'jobs.duplicate': true,
  'jobs.decide': true,
  'jobs.spend': true,
  'jobs.spendHistory': true,
  'jobs.setBudget': true,
  'jobs.providers': true,
  'engine.vocabulary': true,
  'cues.list': true,
  'cues.create': true,
  'cues.update': true,
  'cues.delete': true,
  'cues.import': true,
  'cues.export': true,
  'settings.get': true,
  'settings.setKey': true,
  'settings.removeKey': true,
  'settings.testKey': true,
  'settings.setComfyUrl': true,
  'settings.testComfy': true,
  'settings.readWorkflow': true,
  'settings.saveWorkflow': true,
  'settings.removeWorkflow': true,
  'settings.setDefaultProvider': true,
  'cues.peaks': true,
  'cues.peakLevel': true,
  'lineage.get': true,
  'lineage.changes': true,
  'cues.drift': true,
  'exports.clips': true,
  'exports.project': true,
  'exports.importProject': true,
  'exports.discard': true,
  'library.query': true,
  'library.queryIds': true,
  'library.queryIdRange': true,
  'library.selectionSummary': true,
  'library.setRating': true,
  'library.setFlag': true,
  'library.setColor': true,
  'library.addTags': true,
  'library.removeTags': true,
  'library.tags': true,
  'library.move': true,
  'library.trash': true,
  'library.restore': true,
  'library.trashList': true,
  'library.emptyTrash': true,
  'library.filters': true,
  'library.saveFilter': true,
  'library.deleteFilter': true,
  'preview.start': true,
  'preview.cancel': true,
  'preview.warm': true,
} as const satisfies Record<CallName, true>;

/** isCallName for code that must not load zod (the preload). */
export function isBridgedCall(name: unknown): name is CallName {
  return typeof name === 'string' && Object.hasOwn(bridgedCalls, name);
}

/**
 * What the desktop preload exposes as `window.studio`, and the IPC channels behind it.
 * This file must not load zod at runtime: the sandboxed preload can require only 'electron',
 * so it imports types from the contract and nothing else.
 */
import type { CallName, StudioBridge } from './contract';

export interface DesktopBridge extends StudioBridge {
  /** The file-system path of a dropped or chosen file, for importing it in place. */
  pathForFile(file: File): string;
}

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
  'clips.list': true,
  'clips.get': true,
  'clips.rename': true,
  'clips.delete': true,
  'clips.report': true,
  'clips.search': true,
  'clips.import': true,
  'templates.list': true,
  'templates.save': true,
  'templates.rename': true,
  'templates.duplicate': true,
  'templates.delete': true,
  'templates.import': true,
  'templates.export': true,
  'drafts.get': true,
  'drafts.save': true,
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
  'lineage.get': true,
  'lineage.changes': true,
  'preview.start': true,
  'preview.cancel': true,
  'preview.warm': true,
} as const satisfies Record<CallName, true>;

/** isCallName for code that must not load zod (the preload). */
export function isBridgedCall(name: unknown): name is CallName {
  return typeof name === 'string' && Object.hasOwn(bridgedCalls, name);
}

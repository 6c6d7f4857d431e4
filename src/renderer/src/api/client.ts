/**
 * The renderer's one typed client for the studio, generated from the contract.
 * It hides which host it talks to: the desktop preload bridge (window.studio) or the browser
 * studio's WebSocket. Every reply and event is validated with the contract's schemas.
 */
import {
  Reply,
  calls,
  describeIssues,
  events,
  isEventName,
  type CallInput,
  type CallName,
  type CallOutput,
  type ErrorCode,
  type EventName,
  type EventPayload,
  type StudioBridge,
} from '../../../shared/contract';
import type { DesktopBridge, SaveExportsRequest, SaveFileRequest, SaveFileResult } from '../../../shared/bridge';
import type { Clip, ImportAlready, ImportFailure, ImportPhase, ImportSource } from '../../../shared/domain';
import { mediaSignature } from '../../../shared/mediaSignature';
import { DOWNLOAD_PATH, downloadSignedId, MEDIA_PATH, MEDIA_SCHEME, MEDIA_SIGNATURE_PARAM } from '../../../shared/wire';
import { accessToken } from './access';
import { SocketTransport } from './socket';
import { ConnectionLostError, type ConnectionState, type Transport } from './transport';
import { uploadFile } from './upload';

export type { ConnectionState } from './transport';

/** 'disconnected' is the client's own code: the studio could not be reached or the answer was lost. */
export type ClientErrorCode = ErrorCode | 'disconnected';

/** A failed call, carrying the studio's code and its message for the creator. */
export class StudioCallError extends Error {
  constructor(
    readonly call: CallName,
    readonly code: ClientErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'StudioCallError';
  }
}

export interface ImportProgress {
  taskId: string;
  /** Index of the file in the list passed to importFiles. */
  index: number;
  total: number;
  name: string;
  phase: ImportPhase;
  /** 0..1 over the whole import, uploads included. */
  fraction: number;
  message?: string;
}

export interface ImportResult {
  clips: Clip[];
  /** One entry per file that was already in the project (imported before, or earlier in this import). */
  already: ImportAlready[];
  failures: ImportFailure[];
}

export interface StudioClient {
  /** Runs a call and resolves with its value, or rejects with a StudioCallError. */
  call<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>>;
  /** Listens for one event with a validated payload. Returns the unsubscribe. */
  on<K extends EventName>(name: K, handler: (payload: EventPayload<K>) => void): () => void;
  connectionState(): ConnectionState;
  onConnectionState(listener: (state: ConnectionState) => void): () => void;
  /** A URL for <video src> / <img src> that serves a stored media object. */
  mediaUrl(mediaId: string): string;
  /** Imports files into a project, reporting upload and import progress as one task. */
  importFiles(
    projectId: number,
    files: readonly File[],
    onProgress: (progress: ImportProgress) => void,
  ): Promise<ImportResult>;
  /**
   * Hands exported files (by export id) to the creator: the browser downloads each; the desktop
   * asks where to save them. Resolves with the saved paths (desktop), [] (browser), or null when
   * the creator canceled the dialog.
   */
  saveExports(request: SaveExportsRequest): Promise<string[] | null>;
  /** Shows a saved file in the system's file manager (desktop only). */
  revealFile(path: string): Promise<void>;
  /** A file the studio can read: its path on the desktop, an upload in the browser studio (0..1 progress). */
  sourceForFile(file: File, onUpload: (fraction: number) => void): Promise<ImportSource>;
  readonly host: 'desktop' | 'browser';
  /** The desktop's save dialog for a file the studio made; null in the browser studio, which downloads. */
  readonly saveFile: ((file: SaveFileRequest) => Promise<SaveFileResult>) | null;
}

const MAX_SOURCES_PER_CALL = 500;
/** Share of a browser import's progress bar that the uploads fill; the studio's own work fills the rest. */
const UPLOAD_SHARE = 0.5;

function newTaskId(): string {
  // getRandomValues works in insecure contexts too (a browser studio opened over plain http on a LAN).
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function bridgeTransport(bridge: StudioBridge): Transport {
  return {
    invoke: (name, input) => bridge.invoke(name, input),
    subscribe: (listener) => bridge.subscribe(listener),
    state: () => 'open',
    onState: () => () => undefined,
  };
}

/**
 * @param token the browser studio's access token (null for the desktop, or a page without one):
 *   uploads send it, and media links carry a signature made with it.
 */
export function createStudioClient(
  transport: Transport,
  bridge: DesktopBridge | null,
  token: string | null = null,
): StudioClient {
  const handlers = new Map<EventName, Set<(payload: unknown) => void>>();

  transport.subscribe((name, payload) => {
    if (!isEventName(name)) return;
    const listeners = handlers.get(name);
    if (!listeners || listeners.size === 0) return;
    const parsed = events[name].safeParse(payload);
    if (!parsed.success) {
      console.warn(
        `Shotline: ignored a ${name} event that does not match the contract: ${describeIssues(parsed.error)}`,
      );
      return;
    }
    for (const handler of [...listeners]) handler(parsed.data);
  });

  async function call<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>> {
    let raw: unknown;
    try {
      raw = await transport.invoke(name, input);
    } catch (error) {
      if (error instanceof ConnectionLostError) throw new StudioCallError(name, 'disconnected', error.message);
      throw new StudioCallError(name, 'internal', `${name} failed before reaching the studio: ${errorText(error)}`);
    }
    const envelope = Reply.safeParse(raw);
    if (!envelope.success) {
      throw new StudioCallError(
        name,
        'internal',
        `The studio answered ${name} in a shape this version of Shotline does not understand.`,
      );
    }
    if (!envelope.data.ok) throw new StudioCallError(name, envelope.data.error.code, envelope.data.error.message);
    const value = calls[name].output.safeParse(envelope.data.value);
    if (!value.success) {
      throw new StudioCallError(
        name,
        'internal',
        `The studio's answer to ${name} does not match the contract: ${describeIssues(value.error)}`,
      );
    }
    return value.data as CallOutput<K>;
  }

  function on<K extends EventName>(name: K, handler: (payload: EventPayload<K>) => void): () => void {
    let listeners = handlers.get(name);
    if (!listeners) {
      listeners = new Set();
      handlers.set(name, listeners);
    }
    const wrapped = handler as (payload: unknown) => void;
    listeners.add(wrapped);
    return () => {
      listeners.delete(wrapped);
    };
  }

  const mediaUrls = new Map<string, string>();
  function mediaUrl(mediaId: string): string {
    const id = encodeURIComponent(mediaId);
    if (bridge) return `${MEDIA_SCHEME}://media/${id}`;
    let url = mediaUrls.get(mediaId);
    if (url === undefined) {
      // <video> and <img> cannot send a header: the link carries a signature that opens this id only.
      url = `${MEDIA_PATH}${id}?${MEDIA_SIGNATURE_PARAM}=${token === null ? '' : mediaSignature(token, mediaId)}`;
      mediaUrls.set(mediaId, url);
    }
    return url;
  }

  /** Runs clips.import in batches the contract accepts, mapping progress back to the caller's file indexes. */
  async function importSources(
    projectId: number,
    entries: readonly { source: ImportSource; fileIndex: number }[],
    fileCount: number,
    offset: number,
    onProgress: (progress: ImportProgress) => void,
  ): Promise<ImportResult> {
    const result: ImportResult = { clips: [], already: [], failures: [] };
    for (let start = 0; start < entries.length; start += MAX_SOURCES_PER_CALL) {
      const batch = entries.slice(start, start + MAX_SOURCES_PER_CALL);
      const taskId = newTaskId();
      const before = start / entries.length;
      const share = batch.length / entries.length;
      const unsubscribe = on('import.progress', (p) => {
        if (p.taskId !== taskId) return;
        onProgress({
          taskId,
          index: batch[p.index]?.fileIndex ?? p.index,
          total: fileCount,
          name: p.name,
          phase: p.phase,
          fraction: offset + (1 - offset) * (before + share * p.fraction),
          ...(p.message !== undefined ? { message: p.message } : {}),
        });
      });
      try {
        const answer = await call('clips.import', { projectId, sources: batch.map((e) => e.source), taskId });
        result.clips.push(...answer.clips);
        result.already.push(...answer.already);
        result.failures.push(...answer.failures);
      } finally {
        unsubscribe();
      }
    }
    return result;
  }

  async function importFiles(
    projectId: number,
    files: readonly File[],
    onProgress: (progress: ImportProgress) => void,
  ): Promise<ImportResult> {
    const failures: ImportFailure[] = [];
    const entries: { source: ImportSource; fileIndex: number }[] = [];
    const total = files.length;
    const fail = (index: number, name: string, message: string): void => {
      failures.push({ name, message });
      onProgress({ taskId: '', index, total, name, phase: 'failed', fraction: 0, message });
    };

    if (bridge) {
      files.forEach((file, index) => {
        let path = '';
        try {
          path = bridge.pathForFile(file);
        } catch {
          path = '';
        }
        if (path) entries.push({ source: { kind: 'path', path }, fileIndex: index });
        else
          fail(
            index,
            file.name,
            `${file.name} has no location on disk. Save it to a folder first, then import it from there.`,
          );
      });
      if (entries.length === 0) return { clips: [], already: [], failures };
      const result = await importSources(projectId, entries, total, 0, onProgress);
      return { ...result, failures: [...failures, ...result.failures] };
    }

    const totalBytes = files.reduce((sum, file) => sum + file.size, 0) || 1;
    let sentBytes = 0;
    for (const [index, file] of files.entries()) {
      const report = (loaded: number): void =>
        onProgress({
          taskId: '',
          index,
          total,
          name: file.name,
          phase: 'upload',
          fraction: Math.min(UPLOAD_SHARE, (UPLOAD_SHARE * (sentBytes + loaded)) / totalBytes),
        });
      report(0);
      try {
        const uploadId = await uploadFile(file, token, (loaded) => report(loaded));
        const name = (file.name || 'Untitled clip').slice(0, 255);
        entries.push({ source: { kind: 'upload', uploadId, name }, fileIndex: index });
      } catch (error) {
        fail(index, file.name, errorText(error));
      }
      sentBytes += file.size;
    }
    if (entries.length === 0) return { clips: [], already: [], failures };
    const result = await importSources(projectId, entries, total, UPLOAD_SHARE, onProgress);
    return { ...result, failures: [...failures, ...result.failures] };
  }

  async function saveExports(request: SaveExportsRequest): Promise<string[] | null> {
    if (bridge) return (await bridge.saveExports(request))?.paths ?? null;
    for (const file of request.files) {
      const sig = token === null ? '' : mediaSignature(token, downloadSignedId(file.id));
      const link = document.createElement('a');
      link.href = `${DOWNLOAD_PATH}${encodeURIComponent(file.id)}?${MEDIA_SIGNATURE_PARAM}=${sig}`;
      link.download = file.fileName;
      link.rel = 'noopener';
      document.body.append(link);
      link.click();
      link.remove();
    }
    return [];
  }

  async function sourceForFile(file: File, onUpload: (fraction: number) => void): Promise<ImportSource> {
    if (bridge) {
      const path = bridge.pathForFile(file);
      if (!path)
        throw new Error(`${file.name} has no location on disk. Save it to a folder first, then import it from there.`);
      return { kind: 'path', path };
    }
    const uploadId = await uploadFile(file, token, (loaded) => onUpload(file.size > 0 ? loaded / file.size : 1));
    return { kind: 'upload', uploadId, name: (file.name || 'bundle').slice(0, 255) };
  }

  return {
    call,
    on,
    saveExports,
    revealFile: (path) => (bridge ? bridge.revealFile(path) : Promise.resolve()),
    sourceForFile,
    connectionState: () => transport.state(),
    onConnectionState: (listener) => transport.onState(listener),
    mediaUrl,
    importFiles,
    host: bridge ? 'desktop' : 'browser',
    saveFile: bridge ? (file) => bridge.saveFile(file) : null,
  };
}

function desktopBridge(): DesktopBridge | null {
  const candidate = (window as unknown as { studio?: Partial<DesktopBridge> }).studio;
  if (candidate && typeof candidate.invoke === 'function' && typeof candidate.subscribe === 'function') {
    return candidate as DesktopBridge;
  }
  return null;
}

function connect(): StudioClient {
  const bridge = desktopBridge();
  if (bridge) return createStudioClient(bridgeTransport(bridge), bridge);
  return createStudioClient(SocketTransport.forPage(), null, accessToken());
}

/** The studio this window talks to. */
export const studio: StudioClient = connect();
export const mediaUrl = (mediaId: string): string => studio.mediaUrl(mediaId);
export const importFiles: StudioClient['importFiles'] = (projectId, files, onProgress) =>
  studio.importFiles(projectId, files, onProgress);

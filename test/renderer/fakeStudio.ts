/**
 * A desktop bridge (what the preload exposes as `window.studio`) for renderer tests: the real
 * typed client runs over it, and each test says how the studio answers. A handler returns the
 * call's value, or throws a StudioError, which travels back as the studio's error reply.
 */
import type { DesktopBridge, SaveExportsRequest, SaveFileRequest, SaveFileResult } from '../../src/shared/bridge';
import type { CallInput, CallName, CallOutput, EventName, EventPayload, Reply } from '../../src/shared/contract';
import { StudioError } from '../../src/shared/errors';

type Handler<K extends CallName> = (input: CallInput<K>) => CallOutput<K> | Promise<CallOutput<K>>;

export interface FakeStudio {
  readonly bridge: DesktopBridge;
  /** Every call the renderer made, in order. */
  readonly calls: { name: CallName; input: unknown }[];
  /** Every file the renderer asked the desktop to save, in order. */
  readonly saved: SaveFileRequest[];
  /** How the save dialog answers; the creator cancels unless a test says otherwise. */
  answerSave(handler: (file: SaveFileRequest) => SaveFileResult): void;
  /** What the renderer asked the desktop to save (each saved as /saved/<file name>) and reveal. */
  readonly saves: SaveExportsRequest[];
  readonly revealed: string[];
  answer<K extends CallName>(name: K, handler: Handler<K>): void;
  emit<K extends EventName>(name: K, payload: EventPayload<K>): void;
  /** Forgets the calls and the answers; listeners stay, since the client subscribes once. */
  reset(): void;
}

export function createFakeStudio(): FakeStudio {
  const handlers = new Map<CallName, (input: unknown) => unknown>();
  const listeners = new Set<(name: EventName, payload: unknown) => void>();
  const calls: { name: CallName; input: unknown }[] = [];
  const saved: SaveFileRequest[] = [];
  const canceled = (): SaveFileResult => ({ outcome: 'canceled' });
  let save: (file: SaveFileRequest) => SaveFileResult = canceled;
  const saves: SaveExportsRequest[] = [];
  const revealed: string[] = [];

  async function invoke(name: CallName, input: unknown): Promise<Reply> {
    calls.push({ name, input });
    const handler = handlers.get(name);
    if (!handler) return { ok: false, error: { code: 'internal', message: `${name}: no answer set in this test` } };
    try {
      return { ok: true, value: await handler(input) };
    } catch (error) {
      if (error instanceof StudioError) return { ok: false, error: { code: error.code, message: error.message } };
      throw error;
    }
  }

  return {
    bridge: {
      invoke,
      subscribe(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      pathForFile: (file) => `/imports/${file.name}`,
      saveFile(file) {
        saved.push(file);
        return Promise.resolve(save(file));
      },
      saveExports(request) {
        saves.push(request);
        return Promise.resolve({ paths: request.files.map((f) => `/saved/${f.fileName}`) });
      },
      revealFile(path) {
        revealed.push(path);
        return Promise.resolve();
      },
    },
    calls,
    saved,
    answerSave(handler) {
      save = handler;
    },
    saves,
    revealed,
    answer(name, handler) {
      handlers.set(name, handler as (input: unknown) => unknown);
    },
    emit(name, payload) {
      for (const listener of [...listeners]) listener(name, payload);
    },
    reset() {
      handlers.clear();
      calls.length = 0;
      saved.length = 0;
      save = canceled;
      saves.length = 0;
      revealed.length = 0;
    },
  };
}

/** The bridge the setup file installs before any renderer module loads. */
export const fakeStudio: FakeStudio = createFakeStudio();

/**
 * The preview worker's entry: runs previews one after another, each cancellable through a shared
 * flag (seen between frames) or a message, and posts their frames and sound back as they are made.
 */
import { parentPort, type MessagePort } from 'node:worker_threads';
import { StudioError } from '../../../shared/errors';
import type { PreviewInfo, PreviewRequest } from './run';

export type PreviewWorkerRequest =
  { type: 'start'; id: number; request: PreviewRequest; cancel: SharedArrayBuffer } | { type: 'cancel'; id: number };

export type PreviewWorkerMessage =
  | { type: 'started'; id: number; info: PreviewInfo }
  | { type: 'frame'; id: number; index: number; jpeg: Uint8Array }
  | { type: 'sound'; id: number; wav: Uint8Array }
  | { type: 'done'; id: number; info: PreviewInfo }
  | { type: 'failed'; id: number; code: string; message: string };

function serve(port: MessagePort): void {
  // Loading the drawing code (Skia) takes most of a second: done as soon as the worker starts.
  const loaded = import('./run');
  loaded.catch(() => undefined);
  const canceled = new Set<number>();
  // One preview at a time: a new one waits for the last to see its cancel, at most a frame away.
  let queue: Promise<void> = Promise.resolve();
  const post = (m: PreviewWorkerMessage): void => port.postMessage(m);
  const bytes = (b: Buffer): Uint8Array => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  port.on('message', (m: PreviewWorkerRequest) => {
    if (m.type === 'cancel') {
      canceled.add(m.id);
      return;
    }
    const { id } = m;
    const flag = new Int32Array(m.cancel);
    queue = queue.then(async () => {
      try {
        const { runPreview } = await loaded;
        const info = await runPreview(m.request, {
          aborted: () => canceled.has(id) || Atomics.load(flag, 0) !== 0,
          started: (started) => post({ type: 'started', id, info: started }),
          frame: (index, jpeg) => post({ type: 'frame', id, index, jpeg: bytes(jpeg) }),
          sound: (wav) => post({ type: 'sound', id, wav: bytes(wav) }),
        });
        post({ type: 'done', id, info });
      } catch (error) {
        const code = error instanceof StudioError ? error.code : 'internal';
        post({ type: 'failed', id, code, message: error instanceof Error ? error.message : String(error) });
      } finally {
        canceled.delete(id);
      }
    });
  });
}

if (parentPort) serve(parentPort);

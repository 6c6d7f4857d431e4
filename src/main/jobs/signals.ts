/**
 * How a running job is interrupted and how runs wait. A job's signal fires with a reason: a
 * quit (STOP) leaves the job for the next start, a cancel (CANCEL) ends it.
 */

export const STOP = 'stop';
export const CANCEL = 'cancel';

export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

/** Read through a call so the compiler does not assume an await left it unchanged. */
export function isAborted(signal: AbortSignal): boolean {
  return signal.aborted;
}

/** Resolves after ms, or early when the signal aborts. */
export function realSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (isAborted(signal)) {
      resolve();
      return;
    }
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, Math.min(Math.max(0, ms), 2_147_483_647));
    signal.addEventListener('abort', done, { once: true });
  });
}

export function untilAborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (isAborted(signal)) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

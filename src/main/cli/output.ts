/** What the command-line commands write to (process.stdout and stderr, or a test's buffer), and their shared helpers. */
export { formatElapsed as formatSpan } from '../../shared/time';

export interface CliOutput {
  write(text: string): unknown;
  /** A terminal: progress is redrawn on one line instead of logged line by line. */
  isTTY?: boolean;
  columns?: number;
}

/** Resolves on the first Ctrl+C (SIGINT) or SIGTERM; `dispose` stops listening. While it listens, Ctrl+C does not kill the process. */
export function interruption(): { interrupted: Promise<void>; dispose: () => void } {
  let dispose = (): void => undefined;
  const interrupted = new Promise<void>((resolve) => {
    const stop = (): void => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    dispose = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    };
  });
  return { interrupted, dispose };
}

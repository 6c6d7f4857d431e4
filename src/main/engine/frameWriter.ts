/**
 * The thread that feeds frames to the picture's ffmpeg. Drawing a frame is synchronous Skia work,
 * and while it runs, the drawing thread's event loop cannot refill ffmpeg's stdin: a socket holds
 * about 200 KB, a frame 3.7 MB, so ffmpeg would wait out every draw. This thread does nothing but
 * copy frames from a shared ring into ffmpeg, so ffmpeg encodes while the next frame is drawn.
 *
 * It is plain JavaScript, run with `eval`, so it starts in milliseconds with no build or loader.
 * Protocol: control[0] counts frames put in the ring, control[1] frames handed to the kernel
 * (a slot is free again once its frame is); messages carry the rest.
 */

/** Sent to the writer. */
export type WriterRequest = { type: 'end' } | { type: 'kill' };

/** Sent by the writer. */
export type WriterMessage =
  | { type: 'spawned'; pid: number | undefined }
  | { type: 'exit'; code: number | null; stderr: string; error: string | null };

export interface WriterData {
  command: string;
  args: string[];
  ring: SharedArrayBuffer;
  control: SharedArrayBuffer;
  frameBytes: number;
  slots: number;
}

export const frameWriterSource = String.raw`
const { workerData, parentPort } = require('node:worker_threads');
const { spawn } = require('node:child_process');
const { command, args, ring, control, frameBytes, slots } = workerData;
const ctl = new Int32Array(control);
let error = null;
let ending = false;
let stderr = [];
const child = spawn(command, args, { stdio: ['pipe', 'ignore', 'pipe'], windowsHide: true });
child.stderr.on('data', (chunk) => {
  stderr.push(chunk);
  // Only the tail is kept; ffmpeg's errors and its -benchmark line come last.
  if (stderr.length > 100) stderr = stderr.slice(-50);
});
child.stdin.on('error', (e) => { error = error || e.message; });
child.on('error', (e) => { error = error || e.message; });
child.on('close', (code) => {
  parentPort.postMessage({ type: 'exit', code, stderr: Buffer.concat(stderr).toString('utf8'), error });
  parentPort.close();
});
parentPort.postMessage({ type: 'spawned', pid: child.pid });
parentPort.on('message', (m) => {
  if (m.type === 'kill') child.kill('SIGKILL');
  if (m.type === 'end') { ending = true; Atomics.notify(ctl, 0); }
});
let next = 0;
(async () => {
  while (child.exitCode === null && child.signalCode === null && error === null) {
    const put = Atomics.load(ctl, 0);
    if (next < put) {
      const k = next++;
      const frame = Buffer.from(ring, (k % slots) * frameBytes, frameBytes);
      child.stdin.write(frame, () => { Atomics.store(ctl, 1, k + 1); Atomics.notify(ctl, 1); });
      continue;
    }
    if (ending) { child.stdin.end(); return; }
    const wait = Atomics.waitAsync(ctl, 0, put, 100);
    if (wait.async) await wait.value;
  }
})();
`;

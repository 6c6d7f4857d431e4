/**
 * What a page's main thread does per frame, from a Chromium performance trace. Frame times from
 * requestAnimationFrame sit at 16.7 ms under vsync even for a page that does nothing, and a busy
 * machine stretches them further; the main thread's CPU time per frame (thread time, which
 * other processes on the machine do not inflate) is what the page itself costs.
 */
import type { Browser, Page } from '@playwright/test';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

export interface FrameWork {
  frames: number;
  /** Main-thread CPU time (ms) of each frame: the tasks that ran from one animation frame to the next. */
  cpu: number[];
  /** The same tasks' wall time (ms), which includes time the thread waited for a core. */
  wall: number[];
  /** Self CPU time (ms per frame) by trace event name, largest first. */
  byEvent: [string, number][];
}

// What DevTools' performance panel records: enough to name the work, light enough not to be it.
const CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline'];

/** Runs `work` under a trace and sums the page's main-thread work frame by frame. */
export async function traceFrames(browser: Browser, page: Page, work: () => Promise<unknown>): Promise<FrameWork> {
  await browser.startTracing(page, { categories: CATEGORIES });
  await work();
  const buffer = await browser.stopTracing();
  const { traceEvents } = JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] };
  return frameWork(traceEvents);
}

function mainThread(events: readonly TraceEvent[]): { pid: number; tid: number } {
  const frames = new Map<string, number>();
  const mains = new Set<string>();
  for (const event of events) {
    const key = `${event.pid}:${event.tid}`;
    if (event.ph === 'M' && event.name === 'thread_name' && event.args?.name === 'CrRendererMain') mains.add(key);
    if (event.name === 'FireAnimationFrame') frames.set(key, (frames.get(key) ?? 0) + 1);
  }
  const best = [...mains].sort((a, b) => (frames.get(b) ?? 0) - (frames.get(a) ?? 0))[0];
  if (best === undefined) throw new Error('the trace has no renderer main thread');
  const [pid, tid] = best.split(':').map(Number);
  return { pid: pid ?? 0, tid: tid ?? 0 };
}

const cpuOf = (event: TraceEvent): number => event.tdur ?? event.dur ?? 0;

/**
 * When each animation frame starts. A frame runs every requestAnimationFrame callback in one task,
 * each traced as its own FireAnimationFrame: only the first of a task starts a frame, so a page
 * with two callbacks a frame is not counted as having twice the frames at half the work.
 */
function animationFrames(mine: readonly TraceEvent[], tasks: readonly TraceEvent[]): number[] {
  const starts: number[] = [];
  let task = 0;
  let lastTask = -1;
  for (const event of mine) {
    if (event.name !== 'FireAnimationFrame') continue;
    while (task < tasks.length && (tasks[task]?.ts ?? 0) + (tasks[task]?.dur ?? 0) < event.ts) task++;
    const inside = task < tasks.length && (tasks[task]?.ts ?? Infinity) <= event.ts;
    if (inside && task === lastTask) continue;
    if (inside) lastTask = task;
    starts.push(event.ts);
  }
  return starts;
}

export function frameWork(events: readonly TraceEvent[]): FrameWork {
  const { pid, tid } = mainThread(events);
  const mine = events
    .filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const tasks = mine.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask');
  const frameStarts = animationFrames(mine, tasks);
  const cpu = new Array<number>(Math.max(0, frameStarts.length - 1)).fill(0);
  const wall = [...cpu];
  let frame = 0;
  let busyUntil = -Infinity;
  for (const task of tasks) {
    // A task nested in another (RunTask inside ThreadControllerImpl::RunTask) is counted once.
    if (task.ts < busyUntil) continue;
    busyUntil = task.ts + (task.dur ?? 0);
    while (frame < frameStarts.length - 1 && task.ts >= (frameStarts[frame + 1] ?? Infinity)) frame++;
    const start = frameStarts[frame];
    if (start === undefined || task.ts + (task.dur ?? 0) < start || frame >= cpu.length) continue;
    cpu[frame] = (cpu[frame] ?? 0) + cpuOf(task) / 1000;
    wall[frame] = (wall[frame] ?? 0) + (task.dur ?? 0) / 1000;
  }
  // Self time by name: each event's CPU time less that of the events nested directly inside it.
  const first = frameStarts[0] ?? 0;
  const last = frameStarts.at(-1) ?? 0;
  const self = new Map<string, number>();
  const stack: { event: TraceEvent; end: number; children: number }[] = [];
  const close = (until: number): void => {
    while (stack.length > 0 && (stack.at(-1)?.end ?? 0) <= until) {
      const done = stack.pop();
      if (!done) break;
      const ownTime = cpuOf(done.event) - done.children;
      if (done.event.ts >= first && done.event.ts < last)
        self.set(done.event.name, (self.get(done.event.name) ?? 0) + ownTime / 1000);
      const parent = stack.at(-1);
      if (parent) parent.children += cpuOf(done.event);
    }
  };
  for (const event of mine) {
    close(event.ts);
    stack.push({ event, end: event.ts + (event.dur ?? 0), children: 0 });
  }
  close(Infinity);
  const frames = cpu.length;
  const byEvent = [...self.entries()]
    .map(([name, ms]): [string, number] => [name, frames > 0 ? ms / frames : 0])
    .sort((a, b) => b[1] - a[1]);
  return { frames, cpu, wall, byEvent };
}

export function percentileOf(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;
}

/** One line: main-thread CPU and wall time per frame, p50/p95/max. */
export function describeWork(work: FrameWork): string {
  const line = (values: readonly number[]): string =>
    `p50 ${percentileOf(values, 50).toFixed(1)}  p95 ${percentileOf(values, 95).toFixed(1)}  max ${Math.max(0, ...values).toFixed(1)}`;
  const over = work.cpu.filter((ms) => ms > 16.7).length;
  return `cpu ${line(work.cpu)} ms (${over} of ${work.frames} over 16.7); wall ${line(work.wall)} ms`;
}

// Trace event names by the kind of work they are; what no kind names is the task's own overhead
// (scheduling, message handling, garbage collection outside script).
const KINDS: readonly [string, RegExp][] = [
  [
    'script',
    /^(FunctionCall|EvaluateScript|EventDispatch|TimerFire|FireAnimationFrame|RunMicrotasks|v8\.|V8\.|MinorGC|MajorGC|GCEvent)/,
  ],
  ['style', /^(UpdateLayoutTree|RecalculateStyles|ParseAuthorStyleSheet)/],
  ['layout', /^(Layout|UpdateLayerTree)$/],
  ['paint', /^(PrePaint|Paint|PaintImage|Layerize|Commit|UpdateLayer|ScrollLayer|Decode|ImageDecode|Rasterize)/],
];

/** Mean CPU time per frame by kind of work: script, style, layout, paint (with layerize and commit), other. */
export function describeKinds(work: FrameWork): string {
  const sums = new Map<string, number>();
  for (const [name, ms] of work.byEvent) {
    const kind = KINDS.find(([, pattern]) => pattern.test(name))?.[0] ?? 'other';
    sums.set(kind, (sums.get(kind) ?? 0) + ms);
  }
  return ['script', 'style', 'layout', 'paint', 'other']
    .map((kind) => `${kind} ${(sums.get(kind) ?? 0).toFixed(2)}`)
    .join(', ');
}

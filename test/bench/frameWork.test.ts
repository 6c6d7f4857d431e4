import { expect, test } from 'vitest';
import { frameWork } from '../../bench/frameWork';

type TraceEvent = Parameters<typeof frameWork>[0][number];

const MAIN = { pid: 1, tid: 2 };
const thread: TraceEvent = { ...MAIN, ph: 'M', name: 'thread_name', ts: 0, args: { name: 'CrRendererMain' } };
const task = (ts: number, ms: number) => ({ ...MAIN, ph: 'X', name: 'RunTask', ts, dur: ms * 1000, tdur: ms * 1000 });
const animationFrame = (ts: number) => ({ ...MAIN, ph: 'X', name: 'FireAnimationFrame', ts, dur: 100, tdur: 100 });

test('two animation frame callbacks in one task are one frame, its work counted once', () => {
  // Three frames 16.7 ms apart, each a task of 10 ms that runs two callbacks; the last one only closes the second frame.
  const events: TraceEvent[] = [thread];
  for (const start of [0, 16_700, 33_400]) events.push(task(start, 10), animationFrame(start), animationFrame(start + 300));
  const work = frameWork(events);
  expect(work.frames).toBe(2);
  expect(work.cpu).toEqual([10, 10]);
});

test('callbacks in tasks of their own start frames of their own', () => {
  const events: TraceEvent[] = [thread];
  for (const [start, ms] of [[0, 4], [16_700, 6], [33_400, 1]] as const) events.push(task(start, ms), animationFrame(start));
  expect(frameWork(events).cpu).toEqual([4, 6]);
});

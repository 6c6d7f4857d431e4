import { act, render } from '@testing-library/react';
import { useLayoutEffect, type JSX } from 'react';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { useNextFrameRender } from './useNextFrameRender';

// Animation frames run when the test says, each with its start time.
let callbacks: FrameRequestCallback[] = [];
let now = 0;
function runFrame(): void {
  now += 16;
  const due = callbacks;
  callbacks = [];
  act(() => {
    for (const callback of due) callback(now);
  });
}

beforeEach(() => {
  callbacks = [];
  now = 1000;
  vi.spyOn(performance, 'now').mockImplementation(() => now);
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => callbacks.push(callback));
  vi.stubGlobal('cancelAnimationFrame', () => undefined);
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

let renders = 0;
let ask: () => void = () => undefined;
function Counter(): JSX.Element {
  const renderNextFrame = useNextFrameRender();
  // Every render commits: counting commits counts renders.
  useLayoutEffect(() => {
    renders += 1;
    ask = renderNextFrame;
  });
  return <p>counter</p>;
}

test('asking twice before a frame renders once, in that frame', () => {
  render(<Counter />);
  renders = 0;
  ask();
  ask();
  expect(renders).toBe(0);
  runFrame();
  expect(renders).toBe(1);
  runFrame();
  expect(renders).toBe(1);
});

test('a frame that has rendered already is left alone; a render meanwhile answers what was asked before it', () => {
  const { rerender } = render(<Counter />);
  renders = 0;
  ask();
  // A scroll renders at the start of the next frame, before its animation frame callbacks.
  now += 16;
  rerender(<Counter />);
  now -= 16;
  runFrame();
  expect(renders).toBe(1);
  ask();
  now += 16;
  rerender(<Counter />);
  ask();
  now -= 16;
  runFrame();
  expect(renders).toBe(2);
  runFrame();
  expect(renders).toBe(3);
});

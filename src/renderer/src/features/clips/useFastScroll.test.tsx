import { act, render } from '@testing-library/react';
import { useRef, type JSX } from 'react';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { SCROLL_SETTLE_MS, useFastScroll } from './useFastScroll';

let now = 1000;

function Scroller(): JSX.Element {
  const ref = useRef<HTMLDivElement>(null);
  const fast = useFastScroll(ref);
  return <div ref={ref} data-testid="scroller" data-fast={fast} />;
}

beforeEach(() => {
  vi.useFakeTimers();
  now = 1000;
  vi.spyOn(performance, 'now').mockImplementation(() => now);
  // happy-dom lays nothing out: the scroller is 800 pixels tall.
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(800);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

function scrollTo(element: HTMLElement, top: number, after: number): void {
  now += after;
  element.scrollTop = top;
  act(() => {
    element.dispatchEvent(new Event('scroll'));
  });
}

test('a slow scroll is not fast; a fling is, until it has been slow for a moment; a jump is at once', () => {
  const { getByTestId } = render(<Scroller />);
  const element = getByTestId('scroller');
  const fast = (): boolean => element.dataset['fast'] === 'true';
  // Reading pace: 40 pixels a frame, and a wheel notch of 120 after a pause.
  let top = 0;
  for (let frame = 0; frame < 10; frame++) scrollTo(element, (top += 40), 16.7);
  scrollTo(element, (top += 120), 400);
  expect(fast()).toBe(false);
  // A fling: 240 pixels a frame.
  scrollTo(element, (top += 240), 16.7);
  expect(fast()).toBe(true);
  scrollTo(element, (top += 240), 16.7);
  // Slowing down keeps it fast for the settle time, then not.
  scrollTo(element, (top += 20), 16.7);
  act(() => {
    vi.advanceTimersByTime(SCROLL_SETTLE_MS - 20);
  });
  expect(fast()).toBe(true);
  act(() => {
    vi.advanceTimersByTime(20);
  });
  expect(fast()).toBe(false);
  // A jump further than the scroller is tall, however long after the last scroll.
  scrollTo(element, (top += 5000), 2000);
  expect(fast()).toBe(true);
  act(() => {
    vi.advanceTimersByTime(SCROLL_SETTLE_MS);
  });
  expect(fast()).toBe(false);
});

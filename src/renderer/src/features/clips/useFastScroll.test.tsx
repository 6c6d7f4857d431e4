import { act, render } from '@testing-library/react';
import { useEffect, type JSX } from 'react';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { SCROLL_SETTLE_MS, useFastScroll } from './useFastScroll';

let now = 1000;

let tell: (offset: number) => void = () => undefined;

/** An 800 pixel tall viewport whose scroll offsets the test reports, as the virtualizer does. */
function Scroller(): JSX.Element {
  const { fast, moved } = useFastScroll();
  useEffect(() => {
    tell = (offset) => moved(offset, 800);
  }, [moved]);
  return <div data-testid="scroller" data-fast={fast} />;
}

beforeEach(() => {
  vi.useFakeTimers();
  now = 1000;
  vi.spyOn(performance, 'now').mockImplementation(() => now);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

function scrollTo(top: number, after: number): void {
  now += after;
  act(() => {
    tell(top);
  });
}

test('a slow scroll is not fast; a fling is, until it has been slow for a moment; a jump is at once', () => {
  const { getByTestId } = render(<Scroller />);
  const element = getByTestId('scroller');
  const fast = (): boolean => element.dataset['fast'] === 'true';
  // Reading pace: 40 pixels a frame, and a wheel notch of 120 after a pause.
  let top = 0;
  for (let frame = 0; frame < 10; frame++) scrollTo((top += 40), 16.7);
  scrollTo((top += 120), 400);
  expect(fast()).toBe(false);
  // A fling: 240 pixels a frame.
  scrollTo((top += 240), 16.7);
  expect(fast()).toBe(true);
  scrollTo((top += 240), 16.7);
  // Slowing down keeps it fast for the settle time, then not.
  scrollTo((top += 20), 16.7);
  act(() => {
    vi.advanceTimersByTime(SCROLL_SETTLE_MS - 20);
  });
  expect(fast()).toBe(true);
  act(() => {
    vi.advanceTimersByTime(20);
  });
  expect(fast()).toBe(false);
  // Long steps one after another on a page whose frames come late: a fling all the same.
  scrollTo((top += 240), 1000);
  expect(fast()).toBe(false);
  scrollTo((top += 240), 120);
  expect(fast()).toBe(true);
  act(() => {
    vi.advanceTimersByTime(SCROLL_SETTLE_MS);
  });
  expect(fast()).toBe(false);
  // A jump further than the scroller is tall, however long after the last scroll.
  scrollTo((top += 5000), 2000);
  expect(fast()).toBe(true);
  act(() => {
    vi.advanceTimersByTime(SCROLL_SETTLE_MS);
  });
  expect(fast()).toBe(false);
});

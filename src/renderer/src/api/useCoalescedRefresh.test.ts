import { renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { useCoalescedRefresh } from './useCoalescedRefresh';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('useCoalescedRefresh', () => {
  test('a burst of requests loads once, a delay after the first', () => {
    const load = vi.fn();
    const { result } = renderHook(() => useCoalescedRefresh(load, 100));
    result.current();
    vi.advanceTimersByTime(60);
    result.current();
    result.current();
    vi.advanceTimersByTime(39);
    expect(load).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(load).toHaveBeenCalledTimes(1);
  });

  test('a request after the load has run schedules another', () => {
    const load = vi.fn();
    const { result } = renderHook(() => useCoalescedRefresh(load, 100));
    result.current();
    vi.advanceTimersByTime(100);
    result.current();
    vi.advanceTimersByTime(100);
    expect(load).toHaveBeenCalledTimes(2);
  });

  test('nothing loads after the component goes away', () => {
    const load = vi.fn();
    const { result, unmount } = renderHook(() => useCoalescedRefresh(load, 100));
    result.current();
    unmount();
    vi.advanceTimersByTime(500);
    expect(load).not.toHaveBeenCalled();
  });

  test('a pending refresh of the old load is dropped when the load changes, and the new one can be scheduled', () => {
    const first = vi.fn();
    const second = vi.fn();
    const { result, rerender } = renderHook(({ load }) => useCoalescedRefresh(load, 100), {
      initialProps: { load: first },
    });
    result.current();
    rerender({ load: second });
    result.current();
    vi.advanceTimersByTime(100);
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(1);
  });
});

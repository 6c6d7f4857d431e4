import { renderHook } from '@testing-library/react';
import { expect, test, vi } from 'vitest';
import { useRevealClip } from './useRevealClip';

test('a clip made current is scrolled to once it is loaded, and only when it changes', () => {
  const loaded = new Map([
    [5, 40],
    [6, 41],
  ]);
  const indexOf = (id: number): number => loaded.get(id) ?? -1;
  const scrollTo = vi.fn<(index: number) => void>();
  const { rerender } = renderHook<undefined, { id: number | null }>(
    ({ id }) => {
      useRevealClip(id, indexOf, scrollTo);
      return undefined;
    },
    {
      initialProps: { id: 5 },
    },
  );
  expect(scrollTo).toHaveBeenLastCalledWith(40);
  rerender({ id: 5 });
  expect(scrollTo).toHaveBeenCalledTimes(1);

  // Not loaded yet: scrolled to when its page arrives.
  rerender({ id: 900 });
  expect(scrollTo).toHaveBeenCalledTimes(1);
  loaded.set(900, 1200);
  rerender({ id: 900 });
  expect(scrollTo).toHaveBeenLastCalledWith(1200);
  rerender({ id: null });
  rerender({ id: 6 });
  expect(scrollTo).toHaveBeenLastCalledWith(41);
  expect(scrollTo).toHaveBeenCalledTimes(3);
});

test('a view that has not measured itself yet waits to scroll to the current clip until it has', () => {
  const indexOf = (id: number): number => (id === 5 ? 40 : -1);
  const scrollTo = vi.fn<(index: number) => void>();
  const { rerender } = renderHook<undefined, { ready: boolean }>(
    ({ ready }) => {
      useRevealClip(5, indexOf, scrollTo, ready);
      return undefined;
    },
    { initialProps: { ready: false } },
  );
  expect(scrollTo).not.toHaveBeenCalled();
  rerender({ ready: true });
  expect(scrollTo).toHaveBeenCalledTimes(1);
  expect(scrollTo).toHaveBeenLastCalledWith(40);
});

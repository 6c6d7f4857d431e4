import { act, renderHook } from '@testing-library/react';
import { expect, test } from 'vitest';
import { useSingleFlight } from './useSingleFlight';

test('a second call while the first is under way does nothing; after it settles the action runs again', async () => {
  const calls: string[] = [];
  let settle: () => void = () => undefined;
  const action = (text: string): Promise<void> => {
    calls.push(text);
    return new Promise<void>((resolve) => {
      settle = resolve;
    });
  };
  const { result } = renderHook(() => useSingleFlight(action));
  act(() => {
    result.current.run('Scene: a pier');
    result.current.run('Scene: a pier');
  });
  await act(async () => {
    await Promise.resolve();
  });
  expect(calls).toEqual(['Scene: a pier']);
  expect(result.current.busy).toBe(true);
  result.current.run('Scene: a pier');
  await act(async () => {
    settle();
    await Promise.resolve();
  });
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
  expect(calls).toHaveLength(1);
  expect(result.current.busy).toBe(false);
  act(() => result.current.run('Scene: a pier at night'));
  await act(async () => {
    await Promise.resolve();
  });
  expect(calls).toEqual(['Scene: a pier', 'Scene: a pier at night']);
});

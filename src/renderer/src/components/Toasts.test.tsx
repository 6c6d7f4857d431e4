import { act, render, screen } from '@testing-library/react';
import { useEffect, type JSX } from 'react';
import { expect, test, vi } from 'vitest';
import { ERROR_LIFETIME_MS, MAX_TOASTS, ToastProvider, useToaster } from './Toasts';

function Shows({ tone }: { tone: 'error' | 'info' }): JSX.Element | null {
  const toaster = useToaster();
  useEffect(() => toaster.show(tone, tone === 'error' ? 'Could not queue the prompt' : 'Saved'), [toaster, tone]);
  return null;
}

test('an error toast closes by itself, later than an info toast, and keeps its close button meanwhile', () => {
  vi.useFakeTimers();
  try {
    render(
      <ToastProvider>
        <Shows tone="error" />
        <Shows tone="info" />
      </ToastProvider>,
    );
    const error = screen.getByRole('alert');
    expect(error.textContent).toContain('Could not queue the prompt');
    expect(error.querySelector('button')).not.toBeNull();
    act(() => {
      vi.advanceTimersByTime(5_000);
    });
    // The confirmation is gone; the error is still there to read.
    expect(screen.queryByText('Saved')).toBeNull();
    expect(screen.queryByRole('alert')).not.toBeNull();
    act(() => {
      vi.advanceTimersByTime(ERROR_LIFETIME_MS);
    });
    expect(screen.queryByRole('alert')).toBeNull();
  } finally {
    vi.useRealTimers();
  }
});

function Buttons(): JSX.Element {
  const toaster = useToaster();
  return (
    <>
      {['Rated 3 clips', 'Tagged 3 clips “rain”', 'Renamed the clip'].map((title) => (
        <button
          key={title}
          type="button"
          onClick={() => toaster.show('success', title, '', { label: 'Undo', run: () => undoes.push(title) })}
        >
          {`do ${title}`}
        </button>
      ))}
    </>
  );
}
const undoes: string[] = [];

test(`at most ${MAX_TOASTS} toasts show, the newest replacing the oldest, and the same note again is one toast`, () => {
  vi.useFakeTimers();
  try {
    render(
      <ToastProvider>
        <Buttons />
      </ToastProvider>,
    );
    const stack = screen.getByRole('region', { name: 'Notifications' });
    const titles = (): string[] => [...stack.querySelectorAll('.toast__title')].map((t) => t.textContent);
    const press = (name: string): void => act(() => screen.getByRole('button', { name }).click());

    press('do Rated 3 clips');
    press('do Tagged 3 clips “rain”');
    press('do Renamed the clip');
    expect(titles()).toEqual(['Tagged 3 clips “rain”', 'Renamed the clip']);
    // Each toast keeps its role and its Undo.
    expect(screen.getAllByRole('status')).toHaveLength(2);
    expect(screen.getAllByRole('button', { name: 'Undo' })).toHaveLength(2);

    // The same edit again: one toast, moved to the newest place, with the newest Undo and a fresh lifetime.
    act(() => {
      vi.advanceTimersByTime(6_000);
    });
    press('do Tagged 3 clips “rain”');
    expect(titles()).toEqual(['Renamed the clip', 'Tagged 3 clips “rain”']);
    act(() => {
      vi.advanceTimersByTime(3_000);
    });
    // The rename's time is up; the tag toast, shown again 3 s ago, is still there.
    expect(titles()).toEqual(['Tagged 3 clips “rain”']);
    press('Undo');
    expect(undoes).toEqual(['Tagged 3 clips “rain”']);
    expect(titles()).toEqual([]);
  } finally {
    vi.useRealTimers();
  }
});

import { act, render, screen } from '@testing-library/react';
import { useEffect, type JSX } from 'react';
import { expect, test, vi } from 'vitest';
import { ERROR_LIFETIME_MS, ToastProvider, useToaster } from './Toasts';

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

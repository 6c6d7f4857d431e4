import { act, fireEvent, render, screen } from '@testing-library/react';
import { createRef } from 'react';
import { expect, test, vi } from 'vitest';
import { SearchBox } from './SearchBox';

test('a search set elsewhere (a smart collection) shows in the box and is not sent back', () => {
  vi.useFakeTimers();
  try {
    const sent: string[] = [];
    const ref = createRef<HTMLInputElement>();
    const onQueryChange = (text: string): void => {
      sent.push(text);
    };
    const { rerender } = render(<SearchBox value="" onQueryChange={onQueryChange} disabled={false} inputRef={ref} />);
    rerender(<SearchBox value="lantern" onQueryChange={onQueryChange} disabled={false} inputRef={ref} />);
    const box = screen.getByRole<HTMLInputElement>('searchbox', { name: 'Search clips' });
    expect(box.value).toBe('lantern');
    act(() => {
      vi.advanceTimersByTime(500);
    });
    expect(sent).toEqual([]);

    // Typing still searches, and clearing from outside empties the box.
    fireEvent.change(box, { target: { value: 'lantern fog' } });
    act(() => {
      vi.advanceTimersByTime(500);
    });
    expect(sent).toEqual(['lantern fog']);
    rerender(<SearchBox value="" onQueryChange={onQueryChange} disabled={false} inputRef={ref} />);
    expect(box.value).toBe('');
    act(() => {
      vi.advanceTimersByTime(500);
    });
    expect(sent).toEqual(['lantern fog']);
  } finally {
    vi.useRealTimers();
  }
});

test('an edit still waiting is sent at once when the field is left or the page goes away', () => {
  vi.useFakeTimers();
  try {
    const sent: string[] = [];
    const ref = createRef<HTMLInputElement>();
    render(<SearchBox value="alley" onQueryChange={(text) => sent.push(text)} disabled={false} inputRef={ref} />);
    const box = screen.getByRole<HTMLInputElement>('searchbox', { name: 'Search clips' });
    // Cleared, then another project clicked before the pause is over: the field loses focus first.
    fireEvent.change(box, { target: { value: '' } });
    fireEvent.blur(box);
    expect(sent).toEqual(['']);
    // Typed, then the page reloaded at once.
    fireEvent.change(box, { target: { value: 'rocket' } });
    window.dispatchEvent(new Event('pagehide'));
    expect(sent).toEqual(['', 'rocket']);
    // Nothing is sent twice when the pause then ends.
    act(() => {
      vi.advanceTimersByTime(500);
    });
    expect(sent).toEqual(['', 'rocket']);
  } finally {
    vi.useRealTimers();
  }
});

import { act, render, waitFor } from '@testing-library/react';
import type { JSX } from 'react';
import { expect, test } from 'vitest';
import type { ClipQuery } from '../../../../shared/library/organise';
import { fakeStudio } from '../../../../../test/renderer/fakeStudio';
import { aClip } from '../../../../../test/renderer/records';
import { ToastProvider } from '../../components/Toasts';
import { PAGE_SIZE } from './clipPageCache';
import { useClipPages, type ClipPages } from './useClipPages';
import { useClipSelection, type ClipSelection } from './useClipSelection';

const QUERY: ClipQuery = { text: 'harbour', filter: { minRating: 2 }, sort: { by: 'title', dir: 'asc' } };
const TOTAL = 100_000;
/** The clip at place `index` of the query has id 1000 + index. */
const idAt = (index: number): number => 1000 + index;

function answerLibrary(): void {
  fakeStudio.answer('library.query', ({ offset = 0, limit = PAGE_SIZE }) => ({
    total: TOTAL,
    hits: Array.from({ length: Math.min(limit, TOTAL - offset) }, (_, i) => ({
      clip: aClip({ id: idAt(offset + i) }),
      snippet: null,
      version: null,
    })),
  }));
  fakeStudio.answer('library.queryIdRange', ({ offset, limit }) => ({
    ids: Array.from({ length: Math.min(limit, TOTAL - offset) }, (_, i) => idAt(offset + i)),
  }));
}

function harness(): () => { pages: ClipPages; selection: ClipSelection } {
  let latest: { pages: ClipPages; selection: ClipSelection } | null = null;
  function Library(): null {
    const pages = useClipPages(1, QUERY);
    latest = { pages, selection: useClipSelection(pages) };
    return null;
  }
  function App(): JSX.Element {
    return (
      <ToastProvider>
        <Library />
      </ToastProvider>
    );
  }
  render(<App />);
  return () => {
    if (!latest) throw new Error('not rendered');
    return latest;
  };
}

const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => idAt(from + i));
const sorted = (ids: ReadonlySet<number>): number[] => [...ids].sort((a, b) => a - b);

test('Shift+click chooses the whole range in the query’s order, pages not loaded included', async () => {
  answerLibrary();
  const now = harness();
  await waitFor(() => expect(now().pages.total).toBe(TOTAL));
  // Only the first page is loaded.
  expect(now().pages.hitAt(PAGE_SIZE)).toBeUndefined();
  act(() => now().selection.choose(aClip({ id: idAt(5) }), 5, { toggle: false, range: false }));
  act(() => now().selection.choose(aClip({ id: idAt(4321) }), 4321, { toggle: false, range: true }));
  // The loaded part at once, then the whole range from the studio, asked for in the same query.
  expect(sorted(now().selection.ids)).toEqual(range(5, PAGE_SIZE - 1));
  await waitFor(() => expect(now().selection.ids.size).toBe(4321 - 5 + 1));
  expect(sorted(now().selection.ids)).toEqual(range(5, 4321));
  expect(fakeStudio.calls.filter((c) => c.name === 'library.queryIdRange').map((c) => c.input)).toEqual([
    { projectId: 1, query: QUERY, offset: 5, limit: 4317 },
  ]);

  // Backwards from the anchor, added to the choice with Ctrl+Shift.
  act(() => now().selection.choose(aClip({ id: idAt(0) }), 0, { toggle: true, range: true }));
  expect(sorted(now().selection.ids)).toEqual(range(0, 4321));
});

test('a range answered after a later choice does not replace it', async () => {
  answerLibrary();
  const now = harness();
  await waitFor(() => expect(now().pages.total).toBe(TOTAL));
  act(() => now().selection.choose(aClip({ id: idAt(3) }), 3, { toggle: false, range: false }));
  act(() => now().selection.choose(aClip({ id: idAt(900) }), 900, { toggle: false, range: true }));
  act(() => now().selection.choose(aClip({ id: idAt(7) }), 7, { toggle: false, range: false }));
  await waitFor(() => expect(fakeStudio.calls.some((c) => c.name === 'library.queryIdRange')).toBe(true));
  await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
  expect(sorted(now().selection.ids)).toEqual([idAt(7)]);
});

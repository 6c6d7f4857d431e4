import { act, render, waitFor } from '@testing-library/react';
import type { JSX } from 'react';
import { expect, test, vi } from 'vitest';
import type { ClipQuery } from '../../../../shared/library/organise';
import { fakeStudio } from '../../../../../test/renderer/fakeStudio';
import { aClip } from '../../../../../test/renderer/records';
import { JUMP_SETTLE_MS, PAGE_SIZE } from './clipPageCache';
import { useClipPages, useLoadedPages, type ClipPages } from './useClipPages';

const QUERY: ClipQuery = { text: '', filter: {}, sort: { by: 'created', dir: 'desc' } };
const TOTAL = 100_000;

/** A library of TOTAL clips, numbered from 1 in order; titles carry `suffix`. */
function answerPages(suffix = ''): void {
  fakeStudio.answer('library.query', ({ offset = 0, limit = PAGE_SIZE }) => ({
    total: TOTAL,
    hits: Array.from({ length: Math.min(limit, TOTAL - offset) }, (_, i) => ({
      clip: aClip({ id: offset + i + 1, title: `Clip ${offset + i + 1}${suffix}` }),
      snippet: null,
      version: null,
    })),
  }));
}

/** Offsets of the pages asked for so far. */
function offsetsAsked(): number[] {
  return fakeStudio.calls
    .filter((call) => call.name === 'library.query')
    .map((call) => (call.input as { offset: number }).offset);
}

/** The studio (which holds the pages) and a grid (which shows rows), each counting its renders. */
function harness(): { renders: { studio: number; grid: number }; pages: () => ClipPages } {
  const renders = { studio: 0, grid: 0 };
  let latest: ClipPages | null = null;
  function Grid({ pages }: { pages: ClipPages }): JSX.Element {
    useLoadedPages(pages);
    renders.grid += 1;
    return <p>{pages.hitAt(PAGE_SIZE * 3)?.clip.title ?? 'loading'}</p>;
  }
  function Studio(): JSX.Element {
    const pages = useClipPages(1, QUERY);
    latest = pages;
    renders.studio += 1;
    return <Grid pages={pages} />;
  }
  render(<Studio />);
  return {
    renders,
    pages: () => {
      if (!latest) throw new Error('not rendered');
      return latest;
    },
  };
}

test('a page loaded by scrolling re-renders the grid only; a change re-renders the studio with the new clips', async () => {
  answerPages();
  const { renders, pages } = harness();
  await waitFor(() => expect(pages().total).toBe(TOTAL));
  // Scrolling on from the first page: the next pages load at once, straight into the grid.
  act(() => pages().ensure(PAGE_SIZE - 10, PAGE_SIZE * 3 + 10));
  await waitFor(() => expect(pages().hitAt(PAGE_SIZE * 3)?.clip.title).toBe(`Clip ${PAGE_SIZE * 3 + 1}`));
  const studioRenders = renders.studio;
  const gridRenders = renders.grid;
  act(() => pages().ensure(PAGE_SIZE * 4 - 10, PAGE_SIZE * 4 + 10));
  await waitFor(() => expect(pages().hitAt(PAGE_SIZE * 4)?.clip.title).toBe(`Clip ${PAGE_SIZE * 4 + 1}`));
  expect(renders.studio).toBe(studioRenders);
  expect(renders.grid).toBeGreaterThan(gridRenders);
  expect(pages().find(PAGE_SIZE * 4 + 1)?.title).toBe(`Clip ${PAGE_SIZE * 4 + 1}`);
  expect(pages().indexOf(PAGE_SIZE * 4 + 1)).toBe(PAGE_SIZE * 4);

  // A change reloads the loaded pages on screen (the rows last asked for), and what reads a
  // loaded clip (the viewer) sees the new one.
  answerPages(' (renamed)');
  const asked = offsetsAsked().length;
  fakeStudio.emit('clips.changed', { projectId: 1 });
  await waitFor(() => expect(pages().find(PAGE_SIZE * 4 + 1)?.title).toBe(`Clip ${PAGE_SIZE * 4 + 1} (renamed)`));
  expect(renders.studio).toBeGreaterThan(studioRenders);
  expect(pages().find(PAGE_SIZE * 3 + 1)?.title).toBe(`Clip ${PAGE_SIZE * 3 + 1} (renamed)`);
  expect(offsetsAsked().slice(asked).sort((a, b) => a - b)).toEqual([PAGE_SIZE * 3, PAGE_SIZE * 4]);
  // The pages off screen keep what they showed, and are read again when they come back into view.
  expect(pages().find(1)?.title).toBe('Clip 1');
  act(() => pages().ensure(0, 30));
  await waitFor(() => expect(pages().find(1)?.title).toBe('Clip 1 (renamed)'));
  expect(offsetsAsked().slice(asked).sort((a, b) => a - b)).toEqual([0, PAGE_SIZE * 3, PAGE_SIZE * 4]);
  // Back where it was, nothing is read again.
  act(() => pages().ensure(PAGE_SIZE * 4 - 10, PAGE_SIZE * 4 + 10));
  await act(() => new Promise((resolve) => setTimeout(resolve, JUMP_SETTLE_MS * 2)));
  expect(offsetsAsked().slice(asked)).toHaveLength(3);
});

test('fast jumps across the library fetch only where they stop; scrolling on from loaded rows fetches at once', async () => {
  answerPages();
  const { pages } = harness();
  await waitFor(() => expect(pages().total).toBe(TOTAL));
  vi.useFakeTimers();
  try {
    // Four jumps within JUMP_SETTLE_MS of the first: none fetches before they settle.
    for (const row of [20_000, 41_000, 70_100, 90_000]) {
      act(() => pages().ensure(row, row + 30));
      act(() => {
        vi.advanceTimersByTime(JUMP_SETTLE_MS / 5);
      });
    }
    expect(offsetsAsked()).toEqual([0]);
    await act(() => vi.advanceTimersByTimeAsync(JUMP_SETTLE_MS));
    expect(offsetsAsked()).toEqual([0, 90_000]);
    expect(pages().hitAt(90_000)?.clip.id).toBe(90_001);
    // From there on the grid scrolls into the next page: it loads without waiting.
    act(() => pages().ensure(90_000 + PAGE_SIZE - 20, 90_000 + PAGE_SIZE + 10));
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(offsetsAsked()).toEqual([0, 90_000, 90_000 + PAGE_SIZE]);
  } finally {
    vi.useRealTimers();
  }
});

import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useMemo, useState, type JSX } from 'react';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { Clip } from '../../../../shared/domain';
import { aClip } from '../../../../../test/renderer/records';
import type { ClipPages } from '../library/useClipPages';
import { ClipGrid } from './ClipGrid';
import { fillBudget } from './cardFill';

// Every card works out its technical line once per render: counting those calls counts card renders.
const cardRenders = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../format/media', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../format/media')>();
  return {
    ...actual,
    formatResolution: (clip: Parameters<typeof actual.formatResolution>[0]) => {
      cardRenders.count += 1;
      return actual.formatResolution(clip);
    },
  };
});

const titles = ['Dawn', 'Harbour', 'Lanterns', 'Market', 'Night', 'Rain', 'Tide'];
const clips = titles.map((title, i) => aClip({ id: i + 1, title }));

/** Pages over a list held in memory, as useClipPages gives them once loaded. */
function pagesOf(list: readonly Clip[]): ClipPages {
  return {
    total: list.length,
    error: null,
    hitAt: (index) => {
      const clip = list[index];
      return clip ? { clip, snippet: null, version: null } : undefined;
    },
    ensure: () => undefined,
    find: (id) => list.find((c) => c.id === id),
    indexOf: (id) => list.findIndex((c) => c.id === id),
    idRange: (start, end) => Promise.resolve(list.slice(start, end + 1).map((c) => c.id)),
    // Every page is loaded from the start.
    subscribe: () => () => undefined,
    version: () => 0,
  };
}

// happy-dom lays nothing out: a 700 by 800 pixel grid holds three columns of cards and shows four rows.
beforeEach(() => {
  cardRenders.count = 0;
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(700);
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(800);
});
afterEach(() => {
  vi.restoreAllMocks();
});

function Harness({ onAskDelete = () => undefined }: { onAskDelete?: (clip: Clip) => void }): JSX.Element {
  const [list, setList] = useState(clips);
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [currentId, setCurrentId] = useState<number | null>(null);
  const pages = useMemo(() => pagesOf(list), [list]);
  return (
    <ClipGrid
      pages={pages}
      total={list.length}
      selectedIds={selected}
      currentId={currentId}
      onChoose={(clip, index, how) => {
        setCurrentId(clip.id);
        if (how.toggle) {
          const next = new Set(selected);
          if (next.has(clip.id)) next.delete(clip.id);
          else next.add(clip.id);
          setSelected(next);
        } else if (how.range && currentId !== null) {
          const from = list.findIndex((c) => c.id === currentId);
          const [a, b] = from <= index ? [from, index] : [index, from];
          setSelected(new Set(list.slice(a, b + 1).map((c) => c.id)));
        } else {
          setSelected(new Set([clip.id]));
        }
      }}
      onRename={(clip, title) => {
        setList((previous) => previous.map((c) => (c.id === clip.id ? { ...c, title } : c)));
        return Promise.resolve();
      }}
      onAskDelete={onAskDelete}
    />
  );
}

const card = (title: string): HTMLElement => screen.getByRole('button', { name: title });

async function focusOn(title: string) {
  const user = userEvent.setup();
  render(<Harness />);
  await user.click(card(title));
  return user;
}

describe('ClipGrid keyboard', () => {
  test('the list is one tab stop: the first card until one is selected, then the selected one', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const grid = screen.getByRole('list', { name: 'Clips' });
    expect(within(grid).getAllByRole('listitem')).toHaveLength(clips.length);
    expect(card('Dawn').tabIndex).toBe(0);
    expect(card('Market').tabIndex).toBe(-1);
    await user.click(card('Market'));
    expect(card('Market').tabIndex).toBe(0);
    expect(card('Market').getAttribute('aria-current')).toBe('true');
    expect(card('Dawn').tabIndex).toBe(-1);
  });

  test('Left and Right move one card and stop at the ends', async () => {
    const user = await focusOn('Harbour');
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(card('Lanterns'));
    expect(card('Lanterns').getAttribute('aria-current')).toBe('true');
    await user.keyboard('{ArrowLeft}{ArrowLeft}{ArrowLeft}');
    expect(document.activeElement).toBe(card('Dawn'));
  });

  test('Up and Down move a whole row; Down on the last row goes to the last card', async () => {
    const user = await focusOn('Harbour');
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(card('Night'));
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(card('Tide'));
    await user.keyboard('{ArrowUp}');
    expect(document.activeElement).toBe(card('Market'));
  });

  test('Home and End jump to the first and last card', async () => {
    const user = await focusOn('Market');
    await user.keyboard('{End}');
    expect(document.activeElement).toBe(card('Tide'));
    await user.keyboard('{Home}');
    expect(document.activeElement).toBe(card('Dawn'));
  });

  test('F2 renames in place; after saving, the renamed card has the focus again', async () => {
    const user = await focusOn('Lanterns');
    await user.keyboard('{F2}');
    const field = screen.getByRole('textbox', { name: 'Clip title' });
    expect(document.activeElement).toBe(field);
    // Arrow keys belong to the field while renaming, not to the grid.
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('textbox', { name: 'Clip title' })).toBe(field);
    await user.keyboard('{Control>}a{/Control}Lantern walk{Enter}');
    expect(screen.queryByRole('textbox', { name: 'Clip title' })).toBeNull();
    expect(document.activeElement).toBe(card('Lantern walk'));
  });

  test('Ctrl or Cmd adds a card to the selection; Shift takes the range from the last one chosen', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.click(card('Harbour'));
    await user.keyboard('{Control>}');
    await user.click(card('Night'));
    await user.keyboard('{/Control}');
    const chosen = (): string[] => titles.filter((title) => card(title).getAttribute('aria-current') === 'true');
    expect(chosen()).toEqual(['Harbour', 'Night']);
    await user.keyboard('{Shift>}');
    await user.click(card('Tide'));
    await user.keyboard('{/Shift}');
    expect(chosen()).toEqual(['Night', 'Rain', 'Tide']);
  });

  test('choosing a card re-renders that card and the one it replaces, not the others', () => {
    render(<Harness />);
    cardRenders.count = 0;
    // Market becomes the selection and the tab stop, which Dawn (the first card) was. The click
    // alone, so that pointing at and focusing the card (which re-render it) do not count.
    fireEvent.click(card('Market'));
    expect(cardRenders.count).toBe(2);
    cardRenders.count = 0;
    fireEvent.click(card('Night'));
    expect(cardRenders.count).toBe(2);
  });

  test('the rename and delete buttons exist only on the card pointed at or focused', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    expect(screen.queryByRole('button', { name: 'Delete clip' })).toBeNull();
    const rain = screen.getAllByRole('listitem')[5];
    if (!rain) throw new Error('no sixth card');
    await user.hover(rain);
    expect(within(rain).getByRole('button', { name: 'Delete clip' })).toBeTruthy();
    await user.unhover(rain);
    expect(screen.queryByRole('button', { name: 'Delete clip' })).toBeNull();
    await user.click(card('Dawn'));
    await user.unhover(screen.getAllByRole('listitem')[0] as HTMLElement);
    // Focus stays on Dawn: its buttons stay for the keyboard.
    expect(
      within(screen.getAllByRole('listitem')[0] as HTMLElement).getByRole('button', { name: 'Rename clip' }),
    ).toBeTruthy();
  });

  test('only the rows on screen are in the page, whatever the number of clips', () => {
    const many = Array.from({ length: 100_000 }, (_, i) => aClip({ id: i + 1, title: `Clip ${i + 1}` }));
    render(
      <ClipGrid
        pages={pagesOf(many)}
        total={many.length}
        selectedIds={new Set()}
        currentId={null}
        onChoose={() => undefined}
        onRename={() => Promise.resolve()}
        onAskDelete={() => undefined}
      />,
    );
    const items = within(screen.getByRole('list', { name: 'Clips' })).getAllByRole('listitem');
    expect(items.length).toBeGreaterThan(0);
    expect(items.length).toBeLessThan(60);
    expect(items[0]?.getAttribute('aria-setsize')).toBe('100000');
  });
});

describe('ClipGrid jumps', () => {
  // Animation frames run when the test says; every task until the next one sees the same frame time.
  let frameStart = 1000;
  let callbacks: FrameRequestCallback[] = [];
  beforeEach(() => {
    frameStart = 1000;
    callbacks = [];
    vi.spyOn(document.timeline, 'currentTime', 'get').mockImplementation(() => frameStart);
    vi.spyOn(performance, 'now').mockImplementation(() => frameStart + 1);
    vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => callbacks.push(callback));
    vi.stubGlobal('cancelAnimationFrame', () => undefined);
  });
  afterEach(() => vi.unstubAllGlobals());
  function nextFrame(): void {
    frameStart += 16;
    const due = callbacks;
    callbacks = [];
    act(() => {
      for (const callback of due) callback(frameStart);
    });
  }

  test('a page that arrives is shown at the start of the next frame, not in the task that received it', () => {
    const loaded: Clip[] = [];
    const listeners = new Set<() => void>();
    let version = 0;
    const pages: ClipPages = {
      ...pagesOf(loaded),
      total: clips.length,
      hitAt: (index) => {
        const clip = loaded[index];
        return clip ? { clip, snippet: null, version: null } : undefined;
      },
      subscribe: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      version: () => version,
    };
    render(
      <ClipGrid
        pages={pages}
        total={clips.length}
        selectedIds={new Set()}
        currentId={null}
        onChoose={() => undefined}
        onRename={() => Promise.resolve()}
        onAskDelete={() => undefined}
      />,
    );
    const grid = screen.getByRole('list', { name: 'Clips' });
    expect(within(grid).queryAllByRole('listitem')).toHaveLength(0);
    act(() => {
      loaded.push(...clips);
      version += 1;
      for (const listener of listeners) listener();
    });
    expect(within(grid).queryAllByRole('listitem')).toHaveLength(0);
    nextFrame();
    expect(within(grid).getAllByRole('listitem')).toHaveLength(clips.length);
  });

  test('a jump far across the library builds a few cards a frame, those on screen first, the rest in the frames after', () => {
    const many = Array.from({ length: 100_000 }, (_, i) => aClip({ id: i + 1, title: `Clip ${i + 1}` }));
    render(
      <ClipGrid
        pages={pagesOf(many)}
        total={many.length}
        selectedIds={new Set()}
        currentId={null}
        onChoose={() => undefined}
        onRename={() => Promise.resolve()}
        onAskDelete={() => undefined}
      />,
    );
    const grid = screen.getByRole('list', { name: 'Clips' });
    const cards = (): HTMLElement[] => within(grid).queryAllByRole('listitem');
    const loading = (): number => grid.querySelectorAll('.clip-card--loading').length;
    const shown = cards().length;
    expect(loading()).toBe(0);
    nextFrame();
    const scroller = grid.parentElement as HTMLElement;
    scroller.scrollTop = 3_000_000;
    fireEvent.scroll(scroller);
    // The jump's frame builds one budget of cards (its renders share it); the others wait as loading boxes.
    expect(cards()).toHaveLength(fillBudget(3));
    expect(loading()).toBeGreaterThan(0);
    // On screen first: the first card built is in the row at the top of the view, not one built ahead of it.
    const rowOf = (card: HTMLElement | undefined): number => Math.floor((Number(card?.getAttribute('aria-posinset')) - 1) / 3);
    const topRow = Math.min(...cards().map(rowOf));
    const rows = new Set(cards().map(rowOf));
    expect(rows.size).toBe(Math.ceil(fillBudget(3) / 3));
    nextFrame();
    expect(cards().length).toBeLessThanOrEqual(fillBudget(3) * 2);
    for (let frame = 0; frame < 10 && loading() > 0; frame++) nextFrame();
    expect(loading()).toBe(0);
    expect(cards().length).toBeGreaterThanOrEqual(shown);
    // Rows built ahead of the view came last: the row above the first one built is there now.
    expect(cards().some((card) => rowOf(card) < topRow)).toBe(true);
  });
});

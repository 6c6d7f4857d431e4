import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type JSX, type KeyboardEvent } from 'react';
import type { Clip } from '../../../../shared/domain';
import type { ClipPages } from '../library/useClipPages';
import { ClipCard, type CardActions, type ChooseHow } from './ClipCard';
import { fillBudget, fillCards } from './cardFill';
import { useNextFrameRender } from './useNextFrameRender';
import './ClipGrid.css';
import { useRevealClip } from '../library/useRevealClip';
import { useFastScroll } from './useFastScroll';

export type { ChooseHow } from './ClipCard';

interface ClipGridProps {
  pages: ClipPages;
  total: number;
  selectedIds: ReadonlySet<number>;
  /** The clip in the inspector: the tab stop, and where arrow keys start. */
  currentId: number | null;
  onChoose: (clip: Clip, index: number, how: ChooseHow) => void;
  onRename: (clip: Clip, title: string) => Promise<void>;
  onAskDelete: (clip: Clip) => void;
  /** A search is on: each card has a line more, for what it matched. */
  snippets?: boolean;
}

const MIN_CARD = 196;
const GAP = 16;
const PADDING = 16;
/** Room kept between a card scrolled to and the grid's edge: its focus ring (2 px, 3 px out) stays whole. */
const RING_ROOM = 8;
/** Title, technical line and marks under the 16:9 poster, borders included. */
const INFO_HEIGHT = 84;
/** The line a search adds under the marks, for what it matched (ClipGrid.css: .clip-card .snippet). */
export const SNIPPET_HEIGHT = 24;

function layout(width: number, snippets: boolean): { columns: number; rowHeight: number } {
  const inner = Math.max(MIN_CARD, width - PADDING * 2);
  const columns = Math.max(1, Math.floor((inner + GAP) / (MIN_CARD + GAP)));
  const card = (inner - GAP * (columns - 1)) / columns;
  const info = INFO_HEIGHT + (snippets ? SNIPPET_HEIGHT : 0);
  return { columns, rowHeight: Math.round((card * 9) / 16 + info + GAP) };
}

/** When the frame being made started: the same for every task until the next frame starts. */
function frameTime(): number {
  const time = document.timeline.currentTime;
  return typeof time === 'number' ? time : performance.now();
}

/** The clips as cards, in rows that exist only while on screen, so a library of any size scrolls. */
export function ClipGrid(props: ClipGridProps): JSX.Element {
  const { pages, total, selectedIds, currentId, onChoose, onRename, onAskDelete, snippets = false } = props;
  const [renamingId, setRenamingId] = useState<number | null>(null);
  // Null until the grid has measured itself: its columns before that are a guess.
  const [width, setWidth] = useState<number | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  // Cards flung past load no poster: decoding pictures nobody sees would hold up the frames.
  const { fast: flinging, moved } = useFastScroll();
  const focusIndex = useRef<number | null>(null);
  const renderNextFrame = useNextFrameRender();
  // A page loaded by scrolling re-renders the grid alone, at the start of the next frame rather than
  // in the task that received it; the cards already shown are memoised.
  const pagesShown = pages.version();
  useEffect(() => {
    const unsubscribe = pages.subscribe(renderNextFrame);
    if (pages.version() !== pagesShown) renderNextFrame();
    return unsubscribe;
  }, [pages, pagesShown, renderNextFrame]);
  const { columns, rowHeight } = layout(width ?? 1000, snippets);
  const rows = Math.ceil(total / columns);

  // The cards' one actions object reads the latest handlers, so it never changes and a memoised
  // card is not re-rendered because a parent re-rendered.
  const handlers = useRef({ onChoose, onRename, onAskDelete });
  useLayoutEffect(() => {
    handlers.current = { onChoose, onRename, onAskDelete };
  });
  const actions = useMemo<CardActions>(
    () => ({
      choose: (clip, index, how) => handlers.current.onChoose(clip, index, how),
      startRename: (clip) => setRenamingId(clip.id),
      endRename: (index) => {
        setRenamingId(null);
        focusIndex.current = index;
      },
      rename: (clip, title) => handlers.current.onRename(clip, title),
      askDelete: (clip) => handlers.current.onAskDelete(clip),
    }),
    [],
  );

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const observer = new ResizeObserver(() => {
      setWidth(element.clientWidth);
      // The bulk bar appearing above the grid (or going) changes its height: the focused card
      // stays whole in view, its ring too (scroll-padding in ClipGrid.css).
      const focused = document.activeElement;
      if (focused instanceof HTMLElement && focused !== element && element.contains(focused))
        focused.scrollIntoView({ block: 'nearest' });
    });
    observer.observe(element);
    setWidth(element.clientWidth || 1000);
    return () => observer.disconnect();
  }, []);

  // The virtualizer's answers change with every scroll; this component re-renders with it, unmemoised, by design.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 2,
    paddingStart: PADDING,
    paddingEnd: PADDING,
    scrollPaddingStart: RING_ROOM,
    scrollPaddingEnd: RING_ROOM,
    initialRect: { width: 1000, height: 800 },
    onChange: (instance) => moved(instance.scrollOffset ?? 0, instance.scrollRect?.height ?? 0),
  });
  useEffect(() => virtualizer.measure(), [virtualizer, rowHeight]);

  const items = virtualizer.getVirtualItems();
  const firstRow = items[0]?.index ?? 0;
  const lastRow = items.at(-1)?.index ?? 0;

  // While flung, or right after a jump, a frame builds only so many new cards, those on screen
  // first; the others show as loading boxes and are built in the frames after.
  const built = useRef<{ ids: ReadonlySet<number>; first: number; last: number; frame: number; spent: number }>({
    ids: new Set(),
    first: 0,
    last: -1,
    frame: -1,
    spent: 0,
  });
  const jumped = built.current.ids.size > 0 && (firstRow > built.current.last || lastRow < built.current.first);
  const top = virtualizer.scrollOffset ?? 0;
  const bottom = top + (virtualizer.scrollRect?.height ?? 0);
  const onScreen = items.filter((row) => row.end > top && row.start < bottom);
  const wanted: number[] = [];
  for (const row of [...onScreen, ...items.filter((row) => !onScreen.includes(row))]) {
    for (let index = row.index * columns; index < Math.min(total, (row.index + 1) * columns); index++) {
      const hit = pages.hitAt(index);
      if (hit) wanted.push(hit.clip.id);
    }
  }
  // The budget is a frame's: every render from the frame's start (the scroll's, a page's) shares it.
  const frame = frameTime();
  const spent = built.current.frame === frame ? built.current.spent : 0;
  const fill =
    flinging || jumped
      ? fillCards(wanted, built.current.ids, Math.max(0, fillBudget(columns) - spent))
      : { build: new Set(wanted), deferred: false };
  useLayoutEffect(() => {
    const before = built.current.ids;
    let added = 0;
    for (const id of fill.build) if (!before.has(id)) added += 1;
    built.current = { ids: fill.build, first: firstRow, last: lastRow, frame, spent: spent + added };
    if (fill.deferred) renderNextFrame();
  });
  useEffect(() => {
    if (total > 0) pages.ensure(firstRow * columns, (lastRow + 1) * columns - 1);
  }, [pages, firstRow, lastRow, columns, total]);

  function focusCard(index: number): boolean {
    const hit = pages.hitAt(index);
    const button = hit
      ? scroller.current?.querySelector<HTMLButtonElement>(`button[data-clip-button="${hit.clip.id}"]`)
      : null;
    button?.focus();
    return Boolean(button);
  }

  // A card moved to by the keyboard may render a frame later (scrolled into view); focus it then.
  useEffect(() => {
    if (focusIndex.current !== null && focusCard(focusIndex.current)) focusIndex.current = null;
  });

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    const target = event.target as HTMLElement;
    const idText = target.closest<HTMLElement>('[data-clip-id]')?.dataset['clipId'];
    if (idText === undefined) return;
    const index = pages.indexOf(Number(idText));
    const clip = pages.hitAt(index)?.clip;
    if (!clip) return;
    const moves: Record<string, number> = {
      ArrowRight: index + 1,
      ArrowLeft: index - 1,
      ArrowDown: index + columns,
      ArrowUp: index - columns,
      Home: 0,
      End: total - 1,
      PageDown: index + columns * 3,
      PageUp: index - columns * 3,
    };
    if (event.key === 'F2') {
      event.preventDefault();
      setRenamingId(clip.id);
      return;
    }
    // Delete and Ctrl+A are the library's keys (useLibraryKeys): they act on the selection.
    const wanted = moves[event.key];
    if (wanted === undefined) return;
    event.preventDefault();
    const nextIndex = Math.max(0, Math.min(total - 1, wanted));
    if (nextIndex === index) return;
    virtualizer.scrollToIndex(Math.floor(nextIndex / columns), { align: 'auto' });
    const next = pages.hitAt(nextIndex)?.clip;
    if (next) onChoose(next, nextIndex, { toggle: false, range: event.shiftKey });
    focusIndex.current = nextIndex;
    if (focusCard(nextIndex)) focusIndex.current = null;
  }

  useRevealClip(
    currentId,
    (id) => pages.indexOf(id),
    (index) => virtualizer.scrollToIndex(Math.floor(index / columns), { align: 'auto' }),
    width !== null,
  );
  const tabStopId = currentId ?? pages.hitAt(firstRow * columns)?.clip.id ?? null;

  return (
    <div ref={scroller} className="clip-scroller" onKeyDown={onKeyDown}>
      <div
        className="clip-grid clip-grid--virtual"
        role="list"
        aria-label="Clips"
        style={{ height: virtualizer.getTotalSize() }}
      >
        {items.map((row) => (
          <div
            key={row.key}
            role="none"
            className="clip-grid__row"
            style={{
              gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`,
              height: rowHeight - GAP,
              transform: `translateY(${row.start}px)`,
            }}
          >
            {Array.from({ length: columns }, (_, column) => {
              const index = row.index * columns + column;
              if (index >= total) return null;
              const hit = pages.hitAt(index);
              if (!hit || !fill.build.has(hit.clip.id))
                return <div key={`loading-${index}`} className="clip-card clip-card--loading" aria-hidden="true" />;
              const { clip } = hit;
              return (
                <ClipCard
                  key={clip.id}
                  clip={clip}
                  index={index}
                  total={total}
                  snippet={hit.snippet}
                  selected={selectedIds.has(clip.id)}
                  tabStop={clip.id === tabStopId}
                  renaming={clip.id === renamingId}
                  deferPoster={flinging}
                  actions={actions}
                />
              );
            })}
          </div>
        ))}
      </div>
    </div>
  );
}

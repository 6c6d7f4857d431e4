import { useVirtualizer } from '@tanstack/react-virtual';
import {
  memo,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type JSX,
  type KeyboardEvent,
} from 'react';
import type { Clip } from '../../../../shared/domain';
import { firstDirection, type ClipSort, type SnippetPart, type SortKey } from '../../../../shared/library/organise';
import { InlineEdit } from '../../components/InlineEdit';
import { MiddleTitle } from '../../components/MiddleTitle';
import { VersionBadge } from '../../components/VersionBadge';
import { formatBytes } from '../../format/bytes';
import { formatClipLength, formatDateTime, formatFps } from '../../format/media';
import { opensClip, type ChooseHow } from '../clips/ClipCard';
import { ClipMarks, Snippet, Stars } from './ClipMarks';
import { providerName } from '../remix/versionNames';
import { useLoadedPages, type ClipPages } from './useClipPages';
import { useRevealClip } from './useRevealClip';
import { createdColumnWidth } from './createdColumn';
import './ClipList.css';

interface Column {
  key: Exclude<SortKey, 'relevance'>;
  label: string;
  cell: (clip: Clip) => string | JSX.Element;
  numeric?: boolean;
}

// The organising columns beside the title, so they stay in view when a narrow pane scrolls sideways.
const COLUMNS: readonly Column[] = [
  { key: 'title', label: 'Title', cell: (clip) => clip.title },
  {
    key: 'rating',
    label: 'Rating',
    cell: (clip) =>
      clip.rating === null ? <span className="clip-list__none">—</span> : <Stars rating={clip.rating} />,
  },
  { key: 'tags', label: 'Tags', cell: (clip) => clip.tags.join(', ') },
  { key: 'duration', label: 'Duration', cell: (clip) => formatClipLength(clip.durationMs), numeric: true },
  { key: 'size', label: 'Size', cell: (clip) => formatBytes(clip.bytes), numeric: true },
  { key: 'fps', label: 'FPS', cell: (clip) => formatFps(clip.fps) ?? '—', numeric: true },
  { key: 'provider', label: 'Provider', cell: (clip) => providerName(clip.provider) },
  { key: 'model', label: 'Model', cell: (clip) => clip.model ?? '—' },
  { key: 'seed', label: 'Seed', cell: (clip) => (clip.seed === null ? '—' : String(clip.seed)), numeric: true },
  { key: 'created', label: 'Created', cell: (clip) => formatDateTime(clip.createdAt), numeric: true },
];

const ROW_HEIGHT = 36;
/** While searching, a row has a second line under its title for what the search matched. */
const SEARCH_ROW_HEIGHT = 54;

interface ClipListProps {
  pages: ClipPages;
  total: number;
  sort: ClipSort;
  onSort: (sort: ClipSort) => void;
  selectedIds: ReadonlySet<number>;
  currentId: number | null;
  onChoose: (clip: Clip, index: number, how: ChooseHow) => void;
  onRename: (clip: Clip, title: string) => Promise<void>;
  /** A search is on: rows are taller, with what each matched under its title. */
  snippets?: boolean;
}

/** What a row can ask of the list: one object for every row, the same from render to render. */
interface RowActions {
  choose(clip: Clip, index: number, how: ChooseHow): void;
  rename(clip: Clip, title: string): Promise<void>;
  /** The rename field closed (saved or cancelled): the row has the focus again. */
  endRename(clip: Clip): void;
}

/** The clips as a table with sortable columns; only the rows on screen exist. */
export function ClipList(props: ClipListProps): JSX.Element {
  const { pages, total, sort, onSort, selectedIds, currentId, onChoose, onRename, snippets = false } = props;
  const rowHeight = snippets ? SEARCH_ROW_HEIGHT : ROW_HEIGHT;
  const scroller = useRef<HTMLDivElement>(null);
  const table = useRef<HTMLTableElement>(null);
  const [renamingId, setRenamingId] = useState<number | null>(null);
  // The Created column as wide as this locale's widest date in the list's own font; the title takes the rest.
  const [createdWidth, setCreatedWidth] = useState<number | null>(null);
  useLayoutEffect(() => {
    const element = table.current;
    if (!element) return;
    const style = getComputedStyle(element);
    const cell = getComputedStyle(element.querySelector('.clip-list__sort') ?? element);
    setCreatedWidth(createdColumnWidth(style.font, parseFloat(cell.paddingLeft) + parseFloat(cell.paddingRight)));
  }, []);
  useLoadedPages(pages);
  // The virtualizer's answers change with every scroll; this component re-renders with it, unmemoised, by design.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 10,
    initialRect: { width: 1000, height: 800 },
  });
  useEffect(() => virtualizer.measure(), [virtualizer, rowHeight]);
  // The rows' one choose function reads the latest handler, so a memoised row re-renders only
  // when its own clip or state changes, not on every row scrolled in.
  const handlers = useRef({ onChoose, onRename });
  useLayoutEffect(() => {
    handlers.current = { onChoose, onRename };
  });
  const focusRow = useCallback((clipId: number) => {
    // After a frame: the row may re-render, or move when the list is sorted by title.
    requestAnimationFrame(() => scroller.current?.querySelector<HTMLElement>(`tr[data-clip-id="${clipId}"]`)?.focus());
  }, []);
  const actions = useMemo<RowActions>(
    () => ({
      choose: (clip, index, how) => handlers.current.onChoose(clip, index, how),
      rename: (clip, title) => handlers.current.onRename(clip, title),
      endRename: (clip) => {
        setRenamingId(null);
        focusRow(clip.id);
      },
    }),
    [focusRow],
  );

  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  useEffect(() => {
    if (total > 0) pages.ensure(first, last);
  }, [pages, first, last, total]);

  useRevealClip(
    currentId,
    (id) => pages.indexOf(id),
    (index) => virtualizer.scrollToIndex(index, { align: 'auto' }),
  );

  const before = items[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);

  function onKeyDown(event: KeyboardEvent<HTMLTableSectionElement>): void {
    const row = (event.target as HTMLElement).closest<HTMLElement>('[data-index]');
    const index = Number(row?.dataset['index'] ?? NaN);
    const clip = pages.hitAt(index)?.clip;
    if (!clip) return;
    if (event.key === 'F2') {
      event.preventDefault();
      setRenamingId(clip.id);
      return;
    }
    if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey && !event.shiftKey && !event.altKey) {
      event.preventDefault();
      onChoose(clip, index, { toggle: false, range: false, open: true });
      return;
    }
    const step = { ArrowDown: 1, ArrowUp: -1, PageDown: 15, PageUp: -15 }[event.key];
    // Delete and Ctrl+A are the library's keys (useLibraryKeys): they act on the selection.
    if (step === undefined) return;
    event.preventDefault();
    const nextIndex = Math.max(0, Math.min(total - 1, index + step));
    virtualizer.scrollToIndex(nextIndex, { align: 'auto' });
    const next = pages.hitAt(nextIndex)?.clip;
    if (next) onChoose(next, nextIndex, { toggle: false, range: event.shiftKey });
    requestAnimationFrame(() => scroller.current?.querySelector<HTMLElement>(`tr[data-index="${nextIndex}"]`)?.focus());
  }

  return (
    <div ref={scroller} className="clip-scroller clip-list">
      <table
        ref={table}
        className="clip-list__table"
        aria-label="Clips"
        aria-rowcount={total + 1}
        style={createdWidth === null ? undefined : ({ '--clip-list-created': `${createdWidth}px` } as CSSProperties)}
      >
        <thead>
          <tr>
            {COLUMNS.map((column) => {
              const active = sort.by === column.key;
              return (
                <th
                  key={column.key}
                  scope="col"
                  className={`clip-list__head clip-list__head--${column.key}${column.numeric ? ' clip-list__num' : ''}`}
                  aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
                >
                  <button
                    type="button"
                    className="clip-list__sort"
                    title={`Sort by ${column.label.toLowerCase()}`}
                    onClick={() =>
                      onSort({
                        by: column.key,
                        dir: active && sort.dir === 'desc' ? 'asc' : active ? 'desc' : firstDirection(column.key),
                      })
                    }
                  >
                    {column.label}
                    <span className="clip-list__arrow" aria-hidden="true">
                      {active ? (sort.dir === 'asc' ? '▲' : '▼') : ''}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody onKeyDown={onKeyDown}>
          {before > 0 && (
            <tr aria-hidden="true" style={{ height: before }}>
              <td colSpan={COLUMNS.length} />
            </tr>
          )}
          {items.map((item) => {
            const hit = pages.hitAt(item.index);
            if (!hit) {
              return (
                <tr key={item.key} className="clip-list__row clip-list__row--loading" style={{ height: rowHeight }}>
                  <td colSpan={COLUMNS.length} />
                </tr>
              );
            }
            return (
              <ClipRow
                key={item.key}
                clip={hit.clip}
                snippet={hit.snippet}
                version={hit.version}
                index={item.index}
                height={rowHeight}
                selected={selectedIds.has(hit.clip.id)}
                tabStop={hit.clip.id === currentId || (currentId === null && item.index === first)}
                renaming={hit.clip.id === renamingId}
                actions={actions}
              />
            );
          })}
          {after > 0 && (
            <tr aria-hidden="true" style={{ height: after }}>
              <td colSpan={COLUMNS.length} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}

interface ClipRowProps {
  clip: Clip;
  snippet: readonly SnippetPart[] | null;
  /** Its number in its family; null for a clip with no other version. */
  version: number | null;
  index: number;
  height: number;
  selected: boolean;
  tabStop: boolean;
  renaming: boolean;
  actions: RowActions;
}

const ClipRow = memo(function ClipRow({
  clip,
  snippet,
  version,
  index,
  height,
  selected,
  tabStop,
  renaming,
  actions,
}: ClipRowProps): JSX.Element {
  return (
    <tr
      data-index={index}
      data-clip-id={clip.id}
      aria-rowindex={index + 2}
      aria-selected={selected}
      tabIndex={tabStop ? 0 : -1}
      className={`clip-list__row${selected ? ' clip-list__row--selected' : ''}`}
      style={{ height }}
      onClick={(event) => {
        actions.choose(clip, index, {
          toggle: event.ctrlKey || event.metaKey,
          range: event.shiftKey,
          open: opensClip(event),
        });
      }}
    >
      {COLUMNS.map((column) => (
        <td
          key={column.key}
          className={`clip-list__cell clip-list__cell--${column.key}${column.numeric ? ' clip-list__num' : ''}`}
        >
          {column.key === 'title' && renaming ? (
            <InlineEdit
              label="Clip title"
              field="title"
              initial={clip.title}
              onSubmit={async (title) => {
                await actions.rename(clip, title);
                actions.endRename(clip);
              }}
              onCancel={() => actions.endRename(clip)}
            />
          ) : column.key === 'title' ? (
            <>
              <span className="clip-list__title">
                <ClipMarks clip={{ ...clip, rating: null }} />
                {version !== null && (
                  <>
                    <VersionBadge version={version} />{' '}
                  </>
                )}
                <MiddleTitle title={clip.title} />
              </span>
              {/* What the search matched, on its own line under the title, as wide as the column. */}
              {snippet && <Snippet parts={snippet} />}
            </>
          ) : (
            column.cell(clip)
          )}
        </td>
      ))}
    </tr>
  );
});

import { useEffect, useRef, useState, type JSX } from 'react';
import {
  firstDirection,
  type ClipFilter,
  type ClipQuery,
  type SavedFilter,
  type SortKey,
} from '../../../../shared/library/organise';
import { cleanTitle } from '../../../../shared/domain';
import { COLOR_LABELS } from '../../../../shared/library/labels';
import { PROVIDERS } from '../../../../shared/prompt/providers';
import { studio } from '../../api/client';
import { useStudioEvent } from '../../api/hooks';
import { Icon } from '../../components/Icon';
import { useToaster } from '../../components/Toasts';
import { COLOR_NAMES } from './ClipMarks';
import './LibraryControls.css';

export type LibraryLayout = 'grid' | 'list';

const SORTS: readonly { key: SortKey; label: string }[] = [
  { key: 'created', label: 'Date' },
  { key: 'title', label: 'Title' },
  { key: 'duration', label: 'Duration' },
  { key: 'rating', label: 'Rating' },
];

const DAY_MS = 86_400_000;
const toDay = (ms: number | undefined): string => (ms === undefined ? '' : new Date(ms).toISOString().slice(0, 10));
const fromDay = (text: string): number | undefined => (text === '' ? undefined : Date.parse(`${text}T00:00:00Z`));

interface Props {
  projectId: number;
  query: ClipQuery;
  onQuery: (query: ClipQuery) => void;
  layout: LibraryLayout;
  onLayout: (layout: LibraryLayout) => void;
}

function without<K extends keyof ClipFilter>(filter: ClipFilter, key: K, value: ClipFilter[K] | undefined): ClipFilter {
  const rest = Object.fromEntries(Object.entries(filter).filter(([name]) => name !== key)) as ClipFilter;
  return value === undefined ? rest : { ...rest, [key]: value };
}

export function activeFilters(filter: ClipFilter): number {
  return Object.values(filter).filter((value) => value !== undefined).length;
}

/** Sort, filters, smart collections and the grid/list switch above the clips. */
export function LibraryControls({ projectId, query, onQuery, layout, onLayout }: Props): JSX.Element {
  const toaster = useToaster();
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState<SavedFilter[]>([]);
  const [tags, setTags] = useState<string[]>([]);
  const [naming, setNaming] = useState<string | null>(null);
  // The name field closes (saved, or Escape) and its form goes: the focus moves to the smart
  // collections, where the new one shows, rather than being lost.
  const collections = useRef<HTMLSelectElement>(null);
  // Clear filters disables itself: the focus goes to the filters' first control instead of the page.
  const firstFilter = useRef<HTMLSelectElement>(null);
  const wasNaming = useRef(false);
  useEffect(() => {
    if (naming !== null) {
      wasNaming.current = true;
      return;
    }
    if (!wasNaming.current) return;
    wasNaming.current = false;
    const active = document.activeElement;
    if (active === null || active === document.body) collections.current?.focus();
  }, [naming]);
  const { filter } = query;
  // A range that ends before it starts stays in the date fields with a note and is not applied;
  // it belongs to the filter it was typed over, so any other change of filters drops it.
  const [badRange, setBadRange] = useState<{ over: ClipFilter; from: string; to: string } | null>(null);
  const pendingRange = badRange?.over === filter ? badRange : null;
  const fromText = pendingRange?.from ?? toDay(filter.from);
  const toText = pendingRange?.to ?? (filter.to === undefined ? '' : toDay(filter.to - DAY_MS));
  function changeDates(from: string, to: string): void {
    if (from !== '' && to !== '' && to < from) {
      setBadRange({ over: filter, from, to });
      return;
    }
    setBadRange(null);
    const until = fromDay(to);
    onQuery({
      ...query,
      filter: without(without(filter, 'from', fromDay(from)), 'to', until === undefined ? undefined : until + DAY_MS),
    });
  }
  const setFilter = <K extends keyof ClipFilter>(key: K, value: ClipFilter[K] | undefined): void =>
    onQuery({ ...query, filter: without(filter, key, value) });

  const loadSaved = (): void => {
    studio.call('library.filters', { projectId }).then(setSaved, () => undefined);
  };
  useEffect(loadSaved, [projectId]);
  useStudioEvent('library.filtersChanged', (payload) => {
    if (payload.projectId === projectId) loadSaved();
  });
  useEffect(() => {
    if (!open) return;
    studio.call('library.tags', { projectId, limit: 200 }).then(
      (list) => setTags(list.map((t) => t.name)),
      () => undefined,
    );
  }, [open, projectId]);

  const count = activeFilters(filter);
  const current = saved.find((s) => JSON.stringify(s.query) === JSON.stringify(query));
  /** The saved filter the name being typed would replace, if any. */
  const namesake = naming === null ? undefined : saved.find((s) => s.name === cleanTitle(naming));

  return (
    <div className="library-controls">
      <div className="library-controls__bar">
        <label className="library-controls__field">
          <span className="library-controls__label library-controls__sort-label">Sort</span>
          <select
            className="field field--sm"
            aria-label="Sort by"
            value={query.sort.by}
            onChange={(event) => {
              const by = event.target.value as SortKey;
              onQuery({ ...query, sort: { by, dir: firstDirection(by) } });
            }}
          >
            {query.text !== '' && <option value="relevance">Best match</option>}
            {SORTS.map((sort) => (
              <option key={sort.key} value={sort.key}>
                {sort.label}
              </option>
            ))}
            {!SORTS.some((s) => s.key === query.sort.by) && query.sort.by !== 'relevance' && (
              <option value={query.sort.by}>{(query.sort.by[0] ?? '').toUpperCase() + query.sort.by.slice(1)}</option>
            )}
          </select>
        </label>
        <button
          type="button"
          className="icon-btn"
          aria-label={query.sort.dir === 'asc' ? 'Ascending' : 'Descending'}
          title={query.sort.dir === 'asc' ? 'Ascending (click for descending)' : 'Descending (click for ascending)'}
          onClick={() => onQuery({ ...query, sort: { ...query.sort, dir: query.sort.dir === 'asc' ? 'desc' : 'asc' } })}
        >
          {query.sort.dir === 'asc' ? '↑' : '↓'}
        </button>
        <button
          type="button"
          className={`btn btn--sm${count > 0 ? ' btn--active' : ''}`}
          aria-expanded={open}
          onClick={() => setOpen(!open)}
        >
          Filters{count > 0 ? ` (${count})` : ''}
        </button>
        <select
          ref={collections}
          className="field field--sm library-controls__saved"
          aria-label="Smart collections"
          value={current?.id ?? ''}
          onChange={(event) => {
            const chosen = saved.find((s) => String(s.id) === event.target.value);
            onQuery(chosen ? chosen.query : { ...query, text: '', filter: {} });
          }}
        >
          <option value="">{saved.length === 0 ? 'No smart collections' : 'Smart collections…'}</option>
          {saved.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
        {naming === null ? (
          <button
            type="button"
            className="btn btn--sm"
            disabled={count === 0 && query.text === ''}
            title="Save this search and these filters as a smart collection"
            onClick={() => setNaming(current?.name ?? '')}
          >
            <Icon name="save" size={14} />
            <span className="library-controls__save-label">Save</span>
          </button>
        ) : (
          <form
            className="library-controls__name"
            onSubmit={(event) => {
              event.preventDefault();
              const replaced = namesake;
              studio.call('library.saveFilter', { projectId, name: naming, query }).then(
                (made) => {
                  setNaming(null);
                  if (!replaced) {
                    toaster.show('success', `Saved “${made.name}”`, 'Find it under Smart collections.');
                    return;
                  }
                  // The search and filters it had before are one click away.
                  toaster.show(
                    'success',
                    `${replaced.id === current?.id ? 'Updated' : 'Replaced'} “${made.name}”`,
                    'It now shows this search and these filters.',
                    {
                      label: 'Undo',
                      run: () => {
                        studio
                          .call('library.saveFilter', { projectId, name: replaced.name, query: replaced.query })
                          .catch((error: unknown) => toaster.error('Could not undo', error));
                      },
                    },
                  );
                },
                (error: unknown) => toaster.error('Could not save the smart collection', error),
              );
            }}
          >
            <input
              className="field field--sm"
              aria-label="Smart collection name"
              placeholder="Name"
              value={naming}
              autoFocus
              onChange={(event) => setNaming(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === 'Escape') setNaming(null);
              }}
            />
            <button
              type="submit"
              className="btn btn--sm btn--primary"
              title={namesake ? `Replace the smart collection “${namesake.name}” with this search` : undefined}
            >
              {namesake && namesake.id !== current?.id ? 'Replace' : 'Save'}
            </button>
            {namesake && namesake.id !== current?.id && (
              <span className="library-controls__replaces" role="note">
                A smart collection has this name
              </span>
            )}
          </form>
        )}
        {current && (
          <button
            type="button"
            className="icon-btn"
            aria-label={`Delete smart collection ${current.name}`}
            title={`Delete “${current.name}”`}
            onClick={() => {
              studio
                .call('library.deleteFilter', { id: current.id })
                .catch((error: unknown) => toaster.error('Could not delete the smart collection', error));
            }}
          >
            <Icon name="trash" size={14} />
          </button>
        )}
        <span className="library-controls__spacer" />
        {/* A narrow canvas offers these two in the toolbar's More menu instead (LibraryControls.css). */}
        <div className="segmented library-controls__view" role="group" aria-label="View">
          {(['grid', 'list'] as const).map((value) => (
            <button
              key={value}
              type="button"
              className="segmented__item"
              aria-pressed={layout === value}
              onClick={() => onLayout(value)}
            >
              {value === 'grid' ? 'Grid' : 'List'}
            </button>
          ))}
        </div>
      </div>
      {open && (
        <div className="library-controls__filters" role="group" aria-label="Filters">
          <select
            ref={firstFilter}
            className="field field--sm"
            aria-label="Provider"
            value={filter.provider ?? ''}
            onChange={(event) => setFilter('provider', event.target.value || undefined)}
          >
            <option value="">Any provider</option>
            {Object.entries(PROVIDERS).map(([id, provider]) => (
              <option key={id} value={id}>
                {provider.label}
              </option>
            ))}
            <option value="import">Imported</option>
          </select>
          <select
            className="field field--sm"
            aria-label="Tag"
            value={filter.tag ?? ''}
            onChange={(event) => setFilter('tag', event.target.value || undefined)}
          >
            <option value="">Any tag</option>
            {[...new Set([...(filter.tag ? [filter.tag] : []), ...tags])].map((tag) => (
              <option key={tag} value={tag}>
                {tag}
              </option>
            ))}
          </select>
          <select
            className="field field--sm"
            aria-label="Rating at least"
            value={filter.minRating ?? ''}
            onChange={(event) => setFilter('minRating', event.target.value ? Number(event.target.value) : undefined)}
          >
            <option value="">Any rating</option>
            {[1, 2, 3, 4, 5].map((n) => (
              <option key={n} value={n}>
                {'★'.repeat(n)} or more
              </option>
            ))}
          </select>
          <select
            className="field field--sm"
            aria-label="Flag"
            value={filter.flag ?? ''}
            onChange={(event) => setFilter('flag', (event.target.value || undefined) as ClipFilter['flag'])}
          >
            <option value="">Any flag</option>
            <option value="pick">Picks</option>
            <option value="reject">Rejects</option>
            <option value="flagged">Picked or rejected</option>
            <option value="unflagged">Not flagged</option>
          </select>
          <select
            className="field field--sm"
            aria-label="Colour label"
            value={filter.color ?? ''}
            onChange={(event) => setFilter('color', (event.target.value || undefined) as ClipFilter['color'])}
          >
            <option value="">Any colour</option>
            {COLOR_LABELS.map((color) => (
              <option key={color} value={color}>
                {COLOR_NAMES[color]}
              </option>
            ))}
          </select>
          <label className="check">
            <input
              type="checkbox"
              checked={filter.hasCues === true}
              onChange={(event) => setFilter('hasCues', event.target.checked ? true : undefined)}
            />
            Has cues
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={filter.isRemix === true}
              onChange={(event) => setFilter('isRemix', event.target.checked ? true : undefined)}
            />
            Remixes
          </label>
          <label className="library-controls__field">
            <span className="library-controls__label">From</span>
            <input
              type="date"
              className="field field--sm"
              aria-label="Made from"
              aria-invalid={pendingRange !== null}
              aria-describedby={pendingRange ? 'library-date-range-error' : undefined}
              value={fromText}
              onChange={(event) => changeDates(event.target.value, toText)}
            />
          </label>
          <label className="library-controls__field">
            <span className="library-controls__label">To</span>
            <input
              type="date"
              className="field field--sm"
              aria-label="Made until"
              aria-invalid={pendingRange !== null}
              aria-describedby={pendingRange ? 'library-date-range-error' : undefined}
              value={toText}
              onChange={(event) => changeDates(fromText, event.target.value)}
            />
          </label>
          {pendingRange && (
            <p id="library-date-range-error" className="library-controls__error" role="alert">
              The range ends before it starts: choose a To date on or after From.
            </p>
          )}
          <button
            type="button"
            className="btn btn--sm"
            disabled={count === 0 && pendingRange === null && query.text === ''}
            title="Clear the filters and the search"
            onClick={() => {
              setBadRange(null);
              onQuery({ ...query, text: '', filter: {} });
              firstFilter.current?.focus();
            }}
          >
            Clear filters
          </button>
        </div>
      )}
    </div>
  );
}

import { useRef, useState, type DragEvent, type JSX, type ReactNode, type RefObject } from 'react';
import type { Clip, Project } from '../../../../shared/domain';
import type { ClipQuery } from '../../../../shared/library/organise';
import { EmptyState } from '../../components/EmptyState';
import { Icon } from '../../components/Icon';
import { MenuButton } from '../../components/MenuButton';
import { countClips } from '../../format/media';
import { modKey } from '../../format/shortcuts';
import { focusClipSoon } from '../library/clipAfter';
import { ClipList } from '../library/ClipList';
import { activeFilters, LibraryControls, type LibraryLayout } from '../library/LibraryControls';
import { SelectionBar } from '../library/SelectionBar';
import { TrashView } from '../library/TrashView';
import { useLibraryKeys } from '../library/useLibraryKeys';
import type { ClipPages } from '../library/useClipPages';
import { ClipGrid, type ChooseHow } from './ClipGrid';
import { ImportTray } from './ImportTray';
import { SearchBox } from './SearchBox';
import type { Imports } from './useImports';
import './ClipsCanvas.css';

export type LibraryState = 'loading' | 'empty' | 'all-archived' | 'ready';

interface ClipsCanvasProps {
  library: LibraryState;
  project: Project | null;
  projects: readonly Project[];
  pages: ClipPages;
  /** The search, filters and sort the pages answer. */
  query: ClipQuery;
  onQuery: (query: ClipQuery) => void;
  onQueryChange: (text: string) => void;
  layout: LibraryLayout;
  onLayout: (layout: LibraryLayout) => void;
  showTrash: boolean;
  onShowTrash: (show: boolean) => void;
  selectedIds: ReadonlySet<number>;
  /** The clip in the inspector. */
  currentId: number | null;
  onChoose: (clip: Clip, index: number, how: ChooseHow) => void;
  onClearSelection: () => void;
  onRename: (clip: Clip, title: string) => Promise<void>;
  onAskDelete: (clip: Clip) => void;
  onTrash: (ids: readonly number[]) => void;
  /** Ctrl+A (⌘A): every clip the search and filters find. */
  onSelectAll: () => void;
  onMove: (ids: readonly number[], projectId: number) => void;
  onError: (title: string, error: unknown) => void;
  onNewProject: () => void;
  imports: Imports;
  fileInput: RefObject<HTMLInputElement | null>;
  searchInput: RefObject<HTMLInputElement | null>;
  /** The Library / Prompt switch, shown at the start of the toolbar. */
  viewSwitch?: ReactNode;
}

function hasFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer.types).includes('Files');
}

export function ClipsCanvas(props: ClipsCanvasProps): JSX.Element {
  const { project, pages, imports, library, fileInput, searchInput, query } = props;
  const total = pages.total;
  const searching = query.text !== '' || activeFilters(query.filter) > 0;
  const [dragging, setDragging] = useState(false);
  const depth = useRef(0);
  const showsControls = project !== null && !props.showTrash && library === 'ready';
  const showsClips = showsControls && total !== null && total > 0;
  useLibraryKeys(showsClips, {
    trash: () => {
      const ids =
        props.selectedIds.size > 0 ? [...props.selectedIds] : props.currentId !== null ? [props.currentId] : [];
      props.onTrash(ids);
    },
    selectAll: props.onSelectAll,
    clear: () => {
      if (props.selectedIds.size < 2) return false;
      props.onClearSelection();
      return true;
    },
    several: () => props.selectedIds.size > 1,
  });

  function startImport(files: File[]): void {
    if (project && files.length > 0) imports.start(project.id, files);
  }

  const dropHandlers = {
    onDragEnter(event: DragEvent<HTMLElement>) {
      if (!hasFiles(event)) return;
      event.preventDefault();
      depth.current += 1;
      setDragging(true);
    },
    onDragOver(event: DragEvent<HTMLElement>) {
      if (!hasFiles(event)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = project ? 'copy' : 'none';
    },
    onDragLeave(event: DragEvent<HTMLElement>) {
      if (!hasFiles(event)) return;
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setDragging(false);
    },
    onDrop(event: DragEvent<HTMLElement>) {
      if (!hasFiles(event)) return;
      event.preventDefault();
      depth.current = 0;
      setDragging(false);
      startImport(Array.from(event.dataTransfer.files));
    },
  };

  const visibleFailures = imports.failures.filter((f) => f.projectId === project?.id);
  const visibleTasks = imports.tasks.filter((t) => t.projectId === project?.id);

  let body: JSX.Element | null = null;
  if (library === 'empty') {
    body = (
      <EmptyState
        icon="folder"
        title="No projects yet"
        action={
          <button type="button" className="btn btn--primary" onClick={props.onNewProject}>
            <Icon name="plus" />
            New project
          </button>
        }
      >
        Create your first project to start collecting clips
      </EmptyState>
    );
  } else if (library === 'all-archived') {
    body = (
      <EmptyState icon="archive" title="Every project is archived">
        Turn on Show archived in the sidebar to open one, or create a new project.
      </EmptyState>
    );
  } else if (library === 'ready' && !project) {
    body = (
      <EmptyState icon="folder" title="No project open">
        Choose a project in the sidebar.
      </EmptyState>
    );
  } else if (project && props.showTrash) {
    body = <TrashView onLeave={() => props.onShowTrash(false)} />;
  } else if (project && total !== null) {
    if (total > 0) {
      body =
        props.layout === 'list' ? (
          <ClipList
            pages={pages}
            total={total}
            sort={query.sort}
            onSort={(sort) => props.onQuery({ ...query, sort })}
            snippets={query.text !== ''}
            selectedIds={props.selectedIds}
            currentId={props.currentId}
            onChoose={props.onChoose}
            onRename={props.onRename}
          />
        ) : (
          <ClipGrid
            pages={pages}
            total={total}
            selectedIds={props.selectedIds}
            currentId={props.currentId}
            onChoose={props.onChoose}
            onRename={props.onRename}
            onAskDelete={props.onAskDelete}
            snippets={query.text !== ''}
          />
        );
    } else if (pages.error !== null) {
      body = (
        <EmptyState icon="warning" title={query.text === '' ? 'Could not load the clips' : 'Search failed'}>
          {pages.error}
        </EmptyState>
      );
    } else if (searching) {
      body = (
        <EmptyState
          icon="search"
          focusable
          title={query.text !== '' ? `No clips match “${query.text}”` : 'No clips match these filters'}
          action={
            activeFilters(query.filter) > 0 ? (
              <button
                type="button"
                className="btn"
                onClick={() => {
                  props.onQuery({ ...query, text: '', filter: {} });
                  // This empty state goes with the filters: the search box, cleared too, takes the focus.
                  searchInput.current?.focus();
                }}
              >
                Clear filters
              </button>
            ) : undefined
          }
        >
          {query.text !== ''
            ? 'Try other words, or clear the search.'
            : 'Loosen or clear the filters to see more clips.'}
        </EmptyState>
      );
    } else {
      body = (
        <div className="canvas__dropzone">
          <EmptyState
            icon="import"
            title="This project has no clips yet"
            action={
              // Named apart from the toolbar's Import clips, which a narrow canvas shows as an icon only.
              <button
                type="button"
                className="btn btn--primary"
                title={`Import video or audio files (${modKey('I')})`}
                onClick={() => fileInput.current?.click()}
              >
                <Icon name="import" />
                Choose files…
              </button>
            }
          >
            Drop video or audio files here, or choose them from a folder ({modKey('I')}).
          </EmptyState>
        </div>
      );
    }
  }

  const clipSummary = props.showTrash
    ? null
    : project && total !== null
      ? searching
        ? `${total.toLocaleString('en')} of ${countClips(project.clipCount)}`
        : countClips(project.clipCount)
      : null;

  return (
    <main className="view canvas" {...dropHandlers}>
      <div className="toolbar canvas__toolbar">
        <div className="toolbar__title canvas__title">
          {props.viewSwitch}
          <h1
            className="truncate canvas__name"
            title={project ? [project.name, clipSummary].filter(Boolean).join(' · ') : undefined}
          >
            {project ? project.name : 'Library'}
          </h1>
          {clipSummary !== null && <span className="toolbar__meta canvas__count tabular">{clipSummary}</span>}
          {project?.archived && <span className="badge">Archived</span>}
          {props.showTrash && <span className="badge">Trash</span>}
        </div>
        <div className="canvas__actions">
          {/* The Trash lists every project's deleted clips and is not searched: its room goes to the name. */}
          {!props.showTrash && (
            <SearchBox
              key={project?.id ?? 'none'}
              value={query.text}
              onQueryChange={props.onQueryChange}
              disabled={!project}
              inputRef={searchInput}
            />
          )}
          {/* A narrow canvas shows these two as icons, a narrower one in the More menu (ClipsCanvas.css). */}
          <button
            type="button"
            className="btn canvas__inline"
            aria-pressed={props.showTrash}
            aria-label={props.showTrash ? 'Back to clips' : 'Trash'}
            title={props.showTrash ? 'Back to the clips (Esc)' : 'Trash: deleted clips, ready to restore'}
            onClick={() => props.onShowTrash(!props.showTrash)}
          >
            <Icon name={props.showTrash ? 'film' : 'trash'} />
            {props.showTrash ? <span className="btn__label">Back to clips</span> : null}
          </button>
          <button
            type="button"
            className="btn btn--primary canvas__inline"
            disabled={!project}
            title={`Import video or audio files (${modKey('I')})`}
            onClick={() => fileInput.current?.click()}
          >
            <Icon name="import" />
            <span className="btn__label">Import clips</span>
          </button>
          <div className="canvas__more">
            <MenuButton
              label="More"
              title={showsControls ? 'More: Trash, Import clips, Grid or List' : 'More: Trash, Import clips'}
              disabled={!project}
              items={[
                {
                  label: props.showTrash ? 'Back to clips' : 'Trash',
                  run: () => props.onShowTrash(!props.showTrash),
                },
                { label: 'Import clips', hint: modKey('I'), run: () => fileInput.current?.click() },
                // The library controls' Grid / List switch, which this narrow a canvas leaves out (LibraryControls.css).
                ...(showsControls
                  ? (['grid', 'list'] as const).map((value) => ({
                      label: value === 'grid' ? 'Grid' : 'List',
                      current: props.layout === value,
                      run: () => props.onLayout(value),
                    }))
                  : []),
              ]}
            >
              <Icon name="more" />
            </MenuButton>
          </div>
          <input
            ref={fileInput}
            type="file"
            accept="video/*,audio/*"
            multiple
            hidden
            aria-label="Choose video or audio files to import"
            onChange={(event) => {
              const files = Array.from(event.target.files ?? []);
              event.target.value = '';
              startImport(files);
            }}
          />
        </div>
      </div>

      {showsControls && (
        <LibraryControls
          projectId={project.id}
          query={query}
          onQuery={props.onQuery}
          layout={props.layout}
          onLayout={props.onLayout}
        />
      )}
      {project && !props.showTrash && props.selectedIds.size > 1 && (
        <SelectionBar
          ids={[...props.selectedIds]}
          projects={props.projects}
          currentProjectId={project.id}
          onMove={(projectId) => props.onMove([...props.selectedIds], projectId)}
          onTrash={() => props.onTrash([...props.selectedIds])}
          onClear={() => {
            // The bar goes with the choice: the focus it had goes to the clip in the inspector.
            const current = props.currentId;
            props.onClearSelection();
            if (current !== null) focusClipSoon(current);
          }}
          onError={props.onError}
        />
      )}

      <div className="canvas__body">{body}</div>

      <ImportTray
        tasks={visibleTasks}
        failures={visibleFailures}
        onDismiss={imports.dismiss}
        onDismissAll={imports.dismissAll}
        onDismissTask={imports.dismissTask}
      />

      {dragging && (
        <div className={`drop-overlay${project ? '' : ' drop-overlay--refused'}`} aria-hidden="true">
          <div className="drop-overlay__card">
            <Icon name={project ? 'import' : 'warning'} size={28} strokeWidth={1.3} />
            <p className="drop-overlay__title">
              {project ? `Drop to import into “${project.name}”` : 'Open a project first'}
            </p>
            <p className="drop-overlay__text">
              {project
                ? 'Video and audio files become clips in this project.'
                : 'Create or choose a project, then drop your files on it.'}
            </p>
          </div>
        </div>
      )}
    </main>
  );
}

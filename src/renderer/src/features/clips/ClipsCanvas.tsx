import { useRef, useState, type DragEvent, type JSX, type ReactNode, type RefObject } from 'react';
import type { Clip, Project } from '../../../../shared/domain';
import { EmptyState } from '../../components/EmptyState';
import { Icon } from '../../components/Icon';
import { countClips } from '../../format/media';
import { modKey } from '../../format/shortcuts';
import { ClipGrid } from './ClipGrid';
import { ImportTray } from './ImportTray';
import { SearchBox } from './SearchBox';
import type { Imports } from './useImports';
import './ClipsCanvas.css';

export type LibraryState = 'loading' | 'empty' | 'all-archived' | 'ready';

interface ClipsCanvasProps {
  library: LibraryState;
  project: Project | null;
  clips: Clip[] | null;
  /** The search these clips answer ('' for all). */
  query: string;
  onQueryChange: (query: string) => void;
  selectedId: number | null;
  onSelect: (clip: Clip) => void;
  onRename: (clip: Clip, title: string) => Promise<void>;
  onAskDelete: (clip: Clip) => void;
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
  const { project, clips, imports, library, fileInput, searchInput } = props;
  const [dragging, setDragging] = useState(false);
  const depth = useRef(0);

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
  } else if (project && clips) {
    if (clips.length > 0) {
      body = (
        <ClipGrid
          clips={clips}
          selectedId={props.selectedId}
          onSelect={props.onSelect}
          onRename={props.onRename}
          onAskDelete={props.onAskDelete}
        />
      );
    } else if (props.query !== '') {
      body = (
        <EmptyState icon="search" title={`No clips match “${props.query}”`}>
          Try other words, or clear the search.
        </EmptyState>
      );
    } else {
      body = (
        <div className="canvas__dropzone">
          <EmptyState icon="import" title="This project has no clips yet">
            Drop video or audio files here, or choose Import clips
          </EmptyState>
        </div>
      );
    }
  }

  const clipSummary =
    project && clips
      ? props.query !== ''
        ? `${clips.length} of ${countClips(project.clipCount)}`
        : countClips(project.clipCount)
      : null;

  return (
    <main className="view canvas" {...dropHandlers}>
      <div className="toolbar canvas__toolbar">
        <div className="toolbar__title canvas__title">
          {props.viewSwitch}
          <h1 className="truncate" title={project?.name}>
            {project ? project.name : 'Library'}
          </h1>
          {clipSummary !== null && <span className="toolbar__meta canvas__count tabular">{clipSummary}</span>}
          {project?.archived && <span className="badge">Archived</span>}
        </div>
        <div className="canvas__actions">
          <SearchBox
            key={project?.id ?? 'none'}
            onQueryChange={props.onQueryChange}
            disabled={!project}
            inputRef={searchInput}
          />
          <button
            type="button"
            className="btn btn--primary"
            disabled={!project}
            title={`Import video or audio files (${modKey('I')})`}
            onClick={() => fileInput.current?.click()}
          >
            <Icon name="import" />
            Import clips
          </button>
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

      <div className="canvas__body">{body}</div>

      <ImportTray
        tasks={visibleTasks}
        failures={visibleFailures}
        onDismiss={imports.dismiss}
        onDismissAll={imports.dismissAll}
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

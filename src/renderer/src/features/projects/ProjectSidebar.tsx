import { useEffect, useRef, useState, type JSX, type KeyboardEvent } from 'react';
import type { Project } from '../../../../shared/domain';
import { Icon } from '../../components/Icon';
import { InlineEdit } from '../../components/InlineEdit';
import { MiddleTitle } from '../../components/MiddleTitle';
import { ProjectTransfer } from '../exports/ProjectTransfer';
import { countClips } from '../../format/media';
import { deleteKey } from '../../format/shortcuts';
import './ProjectSidebar.css';

interface ProjectSidebarProps {
  /** Projects to list (archived ones only when shown); null while loading. */
  projects: Project[] | null;
  /** True when the library has no projects at all; the canvas then offers "New project". */
  libraryEmpty: boolean;
  openId: number | null;
  onOpen: (id: number) => void;
  creating: boolean;
  onCreatingChange: (creating: boolean) => void;
  onCreate: (name: string) => Promise<void>;
  onRename: (id: number, name: string) => Promise<void>;
  onSetArchived: (project: Project, archived: boolean) => void;
  onAskDelete: (project: Project) => void;
  showArchived: boolean;
  onShowArchivedChange: (show: boolean) => void;
  /** A project whose row should take keyboard focus once it is listed. */
  focusId: number | null;
  onFocused: () => void;
}

export function ProjectSidebar(props: ProjectSidebarProps): JSX.Element {
  const { projects, openId, creating, focusId, onFocused } = props;
  const [renamingId, setRenamingId] = useState<number | null>(null);
  // A row to focus once it is rendered as a button again (after rename), whenever React commits that.
  const localFocusId = useRef<number | null>(null);
  const list = useRef<HTMLUListElement>(null);

  function rowButton(id: number): HTMLButtonElement | null {
    return list.current?.querySelector<HTMLButtonElement>(`button[data-project-id="${id}"]`) ?? null;
  }

  useEffect(() => {
    if (focusId === null || !projects?.some((p) => p.id === focusId)) return;
    rowButton(focusId)?.focus();
    onFocused();
  }, [focusId, projects, onFocused]);

  const openListed = projects?.some((p) => p.id === openId) ?? false;
  // The open project's row stays in view: when it opens (an import, a keyboard move) and when
  // the list gets shorter (the cue timeline opening under it, a project file's message).
  useEffect(() => {
    const element = list.current;
    if (openId === null || !element) return;
    const reveal = (): void => rowButton(openId)?.scrollIntoView({ block: 'nearest' });
    reveal();
    const observer = new ResizeObserver(reveal);
    observer.observe(element);
    return () => observer.disconnect();
  }, [openId, openListed]);

  useEffect(() => {
    const id = localFocusId.current;
    if (id === null || renamingId === id) return;
    const button = rowButton(id);
    if (!button) return;
    button.focus();
    localFocusId.current = null;
  });

  function startCreate(): void {
    setRenamingId(null);
    props.onCreatingChange(true);
  }

  function startRename(id: number): void {
    props.onCreatingChange(false);
    setRenamingId(id);
  }

  function onListKeyDown(event: KeyboardEvent<HTMLUListElement>): void {
    if (!projects || projects.length === 0) return;
    const target = event.target as HTMLElement;
    const idText = target.closest<HTMLElement>('[data-row-id]')?.dataset['rowId'];
    if (idText === undefined) return;
    const index = projects.findIndex((p) => String(p.id) === idText);
    const project = projects[index];
    if (!project) return;
    let next: Project | undefined;
    switch (event.key) {
      case 'ArrowDown':
        next = projects[Math.min(projects.length - 1, index + 1)];
        break;
      case 'ArrowUp':
        next = projects[Math.max(0, index - 1)];
        break;
      case 'Home':
        next = projects[0];
        break;
      case 'End':
        next = projects.at(-1);
        break;
      case 'F2':
        event.preventDefault();
        startRename(project.id);
        return;
      case 'Delete':
      case 'Backspace':
        event.preventDefault();
        props.onAskDelete(project);
        return;
      default:
        return;
    }
    event.preventDefault();
    if (!next) return;
    props.onOpen(next.id);
    rowButton(next.id)?.focus();
  }

  // One tab stop for the whole list: the open project's row, else the first.
  const tabStopId = projects?.some((p) => p.id === openId) ? openId : (projects?.[0]?.id ?? null);
  const firstArchivedId = projects?.find((p) => p.archived)?.id ?? null;

  return (
    <aside className="sidebar">
      <div className="sidebar__brand">
        <span className="sidebar__logo" aria-hidden="true">
          <Icon name="clapper" size={14} strokeWidth={1.6} />
        </span>
        <span className="sidebar__wordmark">Shotline</span>
      </div>

      <div className="sidebar__head">
        <h2 className="eyebrow">Projects</h2>
        {!props.libraryEmpty && (
          <button type="button" className="icon-btn" aria-label="New project" title="New project" onClick={startCreate}>
            <Icon name="plus" />
          </button>
        )}
      </div>

      <ul ref={list} className="project-list" aria-label="Projects" onKeyDown={onListKeyDown}>
        {creating && (
          <li className="project-row project-row--editing">
            <Icon name="folder" className="project-row__icon" />
            <InlineEdit
              label="Project name"
              field="name"
              initial=""
              placeholder="Project name"
              onSubmit={props.onCreate}
              onCancel={() => props.onCreatingChange(false)}
            />
          </li>
        )}
        {projects?.map((project) => {
          const open = project.id === openId;
          const editing = project.id === renamingId;
          const classes = [
            'project-row',
            open && 'project-row--open',
            project.archived && 'project-row--archived',
            project.id === firstArchivedId && 'project-row--first-archived',
            editing && 'project-row--editing',
          ]
            .filter(Boolean)
            .join(' ');
          return (
            <li key={project.id} className={classes} data-row-id={project.id}>
              {editing ? (
                <>
                  <Icon name={project.archived ? 'archive' : 'folder'} className="project-row__icon" />
                  <InlineEdit
                    label="Project name"
                    field="name"
                    initial={project.name}
                    onSubmit={async (name) => {
                      await props.onRename(project.id, name);
                      setRenamingId(null);
                      localFocusId.current = project.id;
                    }}
                    onCancel={() => {
                      setRenamingId(null);
                      localFocusId.current = project.id;
                    }}
                  />
                </>
              ) : (
                <>
                  <button
                    type="button"
                    className="project-row__main"
                    data-project-id={project.id}
                    aria-current={open ? 'true' : undefined}
                    tabIndex={project.id === tabStopId ? 0 : -1}
                    title={`${project.name} — ${countClips(project.clipCount)}${project.archived ? ' (archived)' : ''}\nF2 rename · ${deleteKey} delete · ↑↓ move`}
                    onClick={() => props.onOpen(project.id)}
                    onDoubleClick={() => startRename(project.id)}
                  >
                    <Icon name={project.archived ? 'archive' : 'folder'} className="project-row__icon" />
                    {/* "The Lighthouse… (imported)" still tells an import from its original; other names are cut at their end. */}
                    <MiddleTitle title={project.name} className="project-row__name" tooltip={false} keep="aside" />
                    <span className="project-row__count tabular" aria-hidden="true">
                      {project.clipCount}
                    </span>
                    <span className="visually-hidden">, {countClips(project.clipCount)}</span>
                  </button>
                  <span className="project-row__actions">
                    <button
                      type="button"
                      className="icon-btn"
                      tabIndex={open ? 0 : -1}
                      aria-label="Rename project"
                      title="Rename (F2)"
                      onClick={() => startRename(project.id)}
                    >
                      <Icon name="pencil" size={14} />
                    </button>
                    <button
                      type="button"
                      className="icon-btn"
                      tabIndex={open ? 0 : -1}
                      aria-label={project.archived ? 'Unarchive project' : 'Archive project'}
                      title={project.archived ? 'Unarchive' : 'Archive'}
                      onClick={() => props.onSetArchived(project, !project.archived)}
                    >
                      <Icon name={project.archived ? 'unarchive' : 'archive'} size={14} />
                    </button>
                    <button
                      type="button"
                      className="icon-btn icon-btn--danger"
                      tabIndex={open ? 0 : -1}
                      aria-label="Delete project"
                      title={`Delete… (${deleteKey})`}
                      onClick={() => props.onAskDelete(project)}
                    >
                      <Icon name="trash" size={14} />
                    </button>
                  </span>
                </>
              )}
            </li>
          );
        })}
      </ul>

      {projects !== null && projects.length === 0 && !creating && (
        <p className="sidebar__note">{props.libraryEmpty ? 'No projects yet.' : 'Every project is archived.'}</p>
      )}

      <ProjectTransfer project={projects?.find((p) => p.id === openId) ?? null} onImported={props.onOpen} />

      <div className="sidebar__foot">
        <label className="switch">
          <input
            type="checkbox"
            checked={props.showArchived}
            onChange={(event) => props.onShowArchivedChange(event.target.checked)}
          />
          Show archived
        </label>
      </div>
    </aside>
  );
}

import { useEffect, useRef, type JSX } from 'react';
import type { Project } from '../../../../shared/domain';
import { studio } from '../../api/client';
import { Icon } from '../../components/Icon';
import { ProgressBar } from '../../components/ProgressBar';
import { useProjectTransfer } from './useProjectTransfer';
import './Exports.css';

interface ProjectTransferProps {
  /** The open project, which "Export project…" writes; null when none is open. */
  project: Project | null;
  onImported: (projectId: number) => void;
}

/** The sidebar's "Export project…" and "Import project…", with their progress and outcome. */
export function ProjectTransfer({ project, onImported }: ProjectTransferProps): JSX.Element {
  const input = useRef<HTMLInputElement>(null);
  const { state, exportProject, importProject, dismiss } = useProjectTransfer((imported) => onImported(imported.id));
  const busy = state.status === 'working';
  const region = useRef<HTMLElement>(null);
  const started = useRef<HTMLButtonElement | null>(null);
  // The button whose work the message below tells of: Dismiss gives the focus back to it.
  const opener = useRef<HTMLButtonElement | null>(null);

  // The button pressed is disabled while its work runs: the focus waits on this region meanwhile,
  // then goes back to that button, instead of being lost.
  useEffect(() => {
    const here = region.current;
    const active = document.activeElement;
    if (!here) return;
    if (busy) {
      const disabledHere = active instanceof HTMLButtonElement && active.disabled && here.contains(active);
      if (disabledHere) {
        started.current = active;
        opener.current = active;
      }
      // An import starts from a file chooser, which may hand the focus to the page when it closes.
      const lost = active === document.body || active === null;
      if (disabledHere || (lost && started.current !== null)) here.focus({ preventScroll: true });
    } else if (started.current !== null) {
      if (active === here || active === document.body || active === null) started.current.focus();
      started.current = null;
    }
  }, [busy]);

  return (
    <section ref={region} className="transfer" aria-label="Project files" tabIndex={-1}>
      <div className="transfer__actions">
        <button
          type="button"
          className="btn btn--ghost btn--sm"
          disabled={busy || project === null}
          title={
            project
              ? `Save “${project.name}” with its clips, cues and media as one .shotline file`
              : 'Open a project to export it'
          }
          onClick={(event) => {
            if (!project) return;
            // Disabled while the export runs, which may hand the focus to the page: it comes back here.
            started.current = event.currentTarget;
            opener.current = event.currentTarget;
            void exportProject(project);
          }}
        >
          <Icon name="export" size={14} />
          Export project…
        </button>
        <button
          type="button"
          className="btn btn--ghost btn--sm"
          disabled={busy}
          title="Add a project from a .shotline file"
          onClick={(event) => {
            // The import runs once a file is chosen: this button has the focus back when it ends.
            started.current = event.currentTarget;
            opener.current = event.currentTarget;
            input.current?.click();
          }}
        >
          <Icon name="import" size={14} />
          Import project…
        </button>
        <input
          ref={input}
          type="file"
          accept=".shotline"
          hidden
          aria-hidden="true"
          tabIndex={-1}
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void importProject(file);
          }}
        />
      </div>
      {state.status === 'working' && (
        <div className="transfer__status" role="status">
          <p className="transfer__label truncate" title={state.label}>
            {state.label}
          </p>
          <ProgressBar value={state.fraction} label="Project file progress" />
        </div>
      )}
      {(state.status === 'done' || state.status === 'failed') && (
        <div
          className={`transfer__status transfer__status--${state.status}`}
          role={state.status === 'failed' ? 'alert' : 'status'}
        >
          <p className="transfer__message">{state.message}</p>
          {state.status === 'done' &&
            state.notes.map((note) => (
              <p key={note} className="transfer__note">
                {note}
              </p>
            ))}
          <div className="transfer__buttons">
            {state.status === 'done' && state.path !== null && studio.host === 'desktop' && (
              <button
                type="button"
                className="btn btn--sm"
                onClick={() => {
                  if (state.path !== null) void studio.revealFile(state.path);
                }}
              >
                Reveal in folder
              </button>
            )}
            <button
              type="button"
              className="btn btn--ghost btn--sm"
              onClick={() => {
                // The message and its buttons go: the focus goes back to what started it, else to
                // the first of the actions above it, never to the page.
                const back =
                  opener.current?.isConnected && !opener.current.disabled
                    ? opener.current
                    : region.current?.querySelector<HTMLButtonElement>('.transfer__actions button:not(:disabled)');
                back?.focus();
                dismiss();
              }}
            >
              Dismiss
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

import type { JSX } from 'react';
import type { ImportPhase } from '../../../../shared/domain';
import { Icon } from '../../components/Icon';
import { ProgressBar } from '../../components/ProgressBar';
import { countClips } from '../../format/media';
import type { ImportFailureNote, ImportTask } from './useImports';
import './ImportTray.css';

const PHASE_LABEL: Record<ImportPhase, string> = {
  upload: 'Uploading',
  probe: 'Reading',
  copy: 'Copying into the library',
  poster: 'Making a poster frame',
  done: 'Imported',
  failed: 'Failed',
};

/** What the creator can do about a failed import, after the studio's own explanation. */
function nextStep(message: string): string | null {
  // The studio's own message often already says what to do.
  if (/\b(choose|try|check|save|open)\b/i.test(message)) return null;
  if (/could not be read as video or audio|unsupported|not supported|no video or audio/i.test(message)) {
    return 'Choose a video or audio file (for example MP4, MOV, WebM, MP3 or WAV) and import it again.';
  }
  if (/connection|reach the studio|reconnect/i.test(message)) {
    return 'Once the studio is reachable again, import the file again.';
  }
  if (/does not exist|cannot be read|not a file/i.test(message)) {
    return 'Check that the file is still there and readable, then import it again.';
  }
  return 'Check the file, then import it again.';
}

/** How many skipped files the summary names before it counts the rest. */
const NAMED_ALREADY = 3;

/** What a finished import did: clips added, and files that were in the project already (named, the rest counted). */
export function doneLine(task: Pick<ImportTask, 'imported' | 'already'>): string {
  const [only] = task.already;
  const named = task.already.slice(0, NAMED_ALREADY).map((file) => file.name);
  const rest = task.already.length - named.length;
  const already =
    task.already.length === 0
      ? null
      : task.already.length === 1 && only !== undefined
        ? `${only.name} is already in this project as “${only.title}”`
        : `${task.already.length} files already in this project: ${named.join(', ')}${rest > 0 ? ` and ${rest} more` : ''}`;
  if (task.imported === 0 && already !== null) return already;
  return already === null
    ? `Imported ${countClips(task.imported)}`
    : `Imported ${countClips(task.imported)} · ${already}`;
}

/**
 * A dismissed note's button goes with it: the focus goes to the next note's Dismiss (else the one
 * before), and with none left to the chosen clip's card, else the first card, else Import clips.
 */
function dismissFrom(button: HTMLElement, dismiss: () => void): void {
  const tray = button.closest('.import-tray');
  const others = tray ? [...tray.querySelectorAll<HTMLElement>('[data-dismiss]')] : [];
  const at = others.indexOf(button);
  const next =
    others[at + 1] ??
    others[at - 1] ??
    document.querySelector<HTMLElement>('[data-clip-button][aria-current="true"], tr[data-clip-id][aria-selected="true"]') ??
    document.querySelector<HTMLElement>('[data-clip-button], tr[data-clip-id]') ??
    document.querySelector<HTMLElement>('.canvas button.btn--primary');
  const hadFocus = document.activeElement === button;
  dismiss();
  if (hadFocus && next) requestAnimationFrame(() => next.focus());
}

export function ImportTray({
  tasks,
  failures,
  onDismiss,
  onDismissAll,
  onDismissTask,
}: {
  tasks: ImportTask[];
  failures: ImportFailureNote[];
  onDismiss: (key: number) => void;
  onDismissAll: () => void;
  onDismissTask: (key: number) => void;
}): JSX.Element | null {
  if (tasks.length === 0 && failures.length === 0) return null;
  return (
    <section className="import-tray" aria-label="Imports">
      {tasks.map((task) => {
        const done = task.status === 'done';
        const position = task.fileCount > 1 ? `${Math.min(task.index + 1, task.fileCount)} of ${task.fileCount}` : null;
        return (
          <div key={task.key} className={`import-row${done ? ' import-row--done' : ''}`}>
            <Icon name={done ? 'check' : 'import'} className="import-row__icon" />
            <div className="import-row__main">
              <div className="import-row__line">
                {done ? (
                  <span className="import-row__name truncate" role="status" title={doneLine(task)}>
                    {doneLine(task)}
                  </span>
                ) : (
                  <>
                    <span className="import-row__name truncate" title={task.name}>
                      {task.name}
                    </span>
                    <span className="import-row__phase">{PHASE_LABEL[task.phase]}</span>
                    {position !== null && <span className="import-row__count">{position}</span>}
                  </>
                )}
                {!(done && task.imported === 0) && (
                  <span className="import-row__percent tabular">{Math.round(task.fraction * 100)}%</span>
                )}
              </div>
              <ProgressBar
                value={task.fraction}
                state={done ? 'done' : 'running'}
                label={done ? 'Import finished' : `Importing ${task.name}`}
              />
            </div>
            {done && task.already.length > 0 && (
              <button
                type="button"
                className="icon-btn"
                aria-label="Dismiss the import summary"
                title="Dismiss"
                data-dismiss=""
                onClick={(event) => dismissFrom(event.currentTarget, () => onDismissTask(task.key))}
              >
                <Icon name="close" size={14} />
              </button>
            )}
          </div>
        );
      })}
      {failures.length > 1 && (
        <div className="import-tray__failures-head">
          <span className="eyebrow">{failures.length} files could not be imported</span>
          <button type="button" className="btn btn--ghost btn--sm" onClick={onDismissAll}>
            Dismiss all
          </button>
        </div>
      )}
      {failures.map((failure) => (
        <div key={failure.key} className="import-failure" role="alert">
          <Icon name="warning" className="import-failure__icon" />
          <div className="import-failure__text">
            <p className="import-failure__title truncate" title={failure.name}>
              {failure.name} was not imported
            </p>
            <p className="import-failure__message">{failure.message}</p>
            {nextStep(failure.message) !== null && <p className="import-failure__hint">{nextStep(failure.message)}</p>}
          </div>
          <button
            type="button"
            className="icon-btn"
            aria-label={`Dismiss the error about ${failure.name}`}
            title="Dismiss"
            data-dismiss=""
            onClick={(event) => dismissFrom(event.currentTarget, () => onDismiss(failure.key))}
          >
            <Icon name="close" size={14} />
          </button>
        </div>
      ))}
    </section>
  );
}

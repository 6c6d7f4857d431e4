import { useRef, type JSX, type KeyboardEvent } from 'react';
import { Icon, type IconName } from '../components/Icon';
import './ViewSwitch.css';

export type StudioView = 'library' | 'prompt' | 'jobs';

export const VIEWS: { id: StudioView; label: string; shortcut: string; code: string; icon: IconName }[] = [
  { id: 'library', label: 'Library', shortcut: 'Alt+1', code: 'Digit1', icon: 'film' },
  { id: 'prompt', label: 'Prompt', shortcut: 'Alt+2', code: 'Digit2', icon: 'pencil' },
  { id: 'jobs', label: 'Jobs', shortcut: 'Alt+3', code: 'Digit3', icon: 'clapper' },
];

export function isStudioView(value: unknown): value is StudioView {
  return VIEWS.some((v) => v.id === value);
}

/** Switches the canvas between the project's clip library, its prompt studio and the job queue. */
export function ViewSwitch({
  view,
  onChange,
  promptDisabled,
  pendingJobs = 0,
}: {
  view: StudioView;
  onChange: (view: StudioView) => void;
  promptDisabled: boolean;
  /** Jobs queued or running, shown on the Jobs tab. */
  pendingJobs?: number;
}): JSX.Element {
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const enabled = VIEWS.filter((v) => !(v.id === 'prompt' && promptDisabled));

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    const at = enabled.findIndex((v) => v.id === view);
    const step = event.key === 'ArrowRight' ? 1 : -1;
    const next = enabled[(at + step + enabled.length) % enabled.length];
    if (!next) return;
    onChange(next.id);
    tabs.current[VIEWS.findIndex((v) => v.id === next.id)]?.focus();
  }

  return (
    <div className="view-switch" role="tablist" aria-label="View" onKeyDown={onKeyDown}>
      {VIEWS.map((v, i) => (
        <button
          key={v.id}
          ref={(el) => {
            tabs.current[i] = el;
          }}
          type="button"
          role="tab"
          aria-selected={view === v.id}
          tabIndex={view === v.id ? 0 : -1}
          disabled={v.id === 'prompt' && promptDisabled}
          className={`view-switch__tab${view === v.id ? ' view-switch__tab--active' : ''}`}
          title={
            v.id === 'jobs' && pendingJobs > 0
              ? `${v.label} (${v.shortcut}): ${pendingJobs} queued or running`
              : `${v.label} (${v.shortcut})`
          }
          onClick={() => onChange(v.id)}
        >
          {/* A narrow view shows the icon alone; the label stays the tab's name (ViewSwitch.css). */}
          <Icon name={v.icon} size={14} className="view-switch__icon" />
          <span className="view-switch__label">{v.label}</span>
          {v.id === 'jobs' && pendingJobs > 0 && (
            <span className="view-switch__count tabular" aria-hidden="true">
              {pendingJobs}
            </span>
          )}
        </button>
      ))}
    </div>
  );
}

import { useRef, type JSX, type KeyboardEvent } from 'react';
import './ViewSwitch.css';

export type StudioView = 'library' | 'prompt';

const VIEWS: { id: StudioView; label: string; shortcut: string }[] = [
  { id: 'library', label: 'Library', shortcut: 'Alt+1' },
  { id: 'prompt', label: 'Prompt', shortcut: 'Alt+2' },
];

/** Switches the canvas between the project's clip library and its prompt studio. */
export function ViewSwitch({
  view,
  onChange,
  promptDisabled,
}: {
  view: StudioView;
  onChange: (view: StudioView) => void;
  promptDisabled: boolean;
}): JSX.Element {
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    const next: StudioView = view === 'library' ? 'prompt' : 'library';
    if (next === 'prompt' && promptDisabled) return;
    onChange(next);
    tabs.current[VIEWS.findIndex((v) => v.id === next)]?.focus();
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
          title={`${v.label} (${v.shortcut})`}
          onClick={() => onChange(v.id)}
        >
          {v.label}
        </button>
      ))}
    </div>
  );
}

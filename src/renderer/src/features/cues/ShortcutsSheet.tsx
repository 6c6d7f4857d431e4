import { useEffect, useRef, type JSX } from 'react';
import { FOCUS_RULE, SHORTCUTS } from './keymap';

/** The cue timeline's keys, as a modal sheet; Escape or the button closes it. */
export function ShortcutsSheet({ onClose }: { onClose: () => void }): JSX.Element {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);
  return (
    <dialog ref={dialog} className="cue-shortcuts" aria-label="Cue timeline shortcuts" onClose={onClose}>
      <h2>Cue timeline shortcuts</h2>
      <p className="cue-shortcuts__rule">{FOCUS_RULE}</p>
      <dl>
        {SHORTCUTS.map(([keys, what]) => (
          <div key={keys} className="cue-shortcuts__row">
            <dt>
              <kbd>{keys}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <button type="button" className="btn btn--sm" onClick={() => dialog.current?.close()}>
        Close
      </button>
    </dialog>
  );
}

import { useEffect, useId, useRef, type JSX, type ReactNode } from 'react';
import { Icon } from '../../components/Icon';

interface ModalProps {
  /** The heading, which is also the dialog's accessible name. */
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Extra controls in the header, left of the close button. */
  actions?: ReactNode;
  className?: string;
  /** Stops Escape and the close button while something is being saved. */
  busy?: boolean;
}

/** A modal <dialog>: focus stays inside, Escape closes, focus returns to where it was. Mount it to open it. */
export function Modal({ title, onClose, children, actions, className, busy = false }: ModalProps): JSX.Element {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const latestClose = useRef(onClose);
  useEffect(() => {
    latestClose.current = onClose;
  });

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    const returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!element.open) element.showModal();
    const first = element.querySelector<HTMLElement>('[data-autofocus]');
    first?.focus();
    return () => {
      if (element.open) element.close();
      if (returnFocus?.isConnected) returnFocus.focus();
    };
  }, []);

  return (
    <dialog
      ref={dialog}
      className={['modal', className].filter(Boolean).join(' ')}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) latestClose.current();
      }}
      onKeyDown={(event) => event.stopPropagation()}
    >
      <header className="modal__head">
        <h2 id={titleId} className="modal__title">
          {title}
        </h2>
        <div className="modal__actions">
          {actions}
          <button
            type="button"
            className="icon-btn"
            aria-label="Close"
            title="Close (Esc)"
            disabled={busy}
            onClick={() => latestClose.current()}
          >
            <Icon name="close" size={14} />
          </button>
        </div>
      </header>
      {children}
    </dialog>
  );
}

import { createContext, useCallback, useContext, useMemo, useRef, useState, type JSX, type ReactNode } from 'react';
import { messageOf } from '../api/messages';
import { Icon } from './Icon';
import './Toasts.css';

export type ToastTone = 'error' | 'success' | 'info';

/** One button on a toast, such as Undo; the toast closes when it is used. */
export interface ToastAction {
  label: string;
  run: () => void;
}

interface Toast {
  id: number;
  tone: ToastTone;
  title: string;
  message: string;
  action?: ToastAction;
}

interface Toaster {
  show(tone: ToastTone, title: string, message?: string, action?: ToastAction): void;
  /** Shows a failed call with the studio's own message. */
  error(title: string, error: unknown): void;
}

const ToasterContext = createContext<Toaster | null>(null);

const MAX_TOASTS = 4;
const INFO_LIFETIME_MS = 4_000;
/** Errors take longer to read and act on, so they stay three times as long; the close button ends any sooner. */
export const ERROR_LIFETIME_MS = 12_000;

export function useToaster(): Toaster {
  const toaster = useContext(ToasterContext);
  if (!toaster) throw new Error('useToaster must be used inside <ToastProvider>');
  return toaster;
}

/** Holds the notification stack. Every toast fades on its own, errors after longer; each has a close button. */
export function ToastProvider({ children }: { children: ReactNode }): JSX.Element {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => setToasts((list) => list.filter((t) => t.id !== id)), []);

  const show = useCallback(
    (tone: ToastTone, title: string, message = '', action?: ToastAction) => {
      const id = nextId.current++;
      setToasts((list) => {
        // The same failure twice in a row (a retry storm) is shown once.
        const last = list.at(-1);
        if (last && last.title === title && last.message === message) return list;
        return [...list, { id, tone, title, message, ...(action ? { action } : {}) }].slice(-MAX_TOASTS);
      });
      // A toast with an action stays a little longer, so there is time to use it.
      const lifetime = tone === 'error' ? ERROR_LIFETIME_MS : INFO_LIFETIME_MS;
      setTimeout(() => dismiss(id), action ? lifetime * 2 : lifetime);
    },
    [dismiss],
  );

  const toaster = useMemo<Toaster>(
    () => ({ show, error: (title, error) => show('error', title, messageOf(error)) }),
    [show],
  );

  return (
    <ToasterContext.Provider value={toaster}>
      {children}
      <section className="toasts" aria-label="Notifications">
        {toasts.map((toast) => (
          <div
            key={toast.id}
            className={`toast toast--${toast.tone}`}
            role={toast.tone === 'error' ? 'alert' : 'status'}
          >
            <Icon name={toast.tone === 'error' ? 'warning' : 'check'} className="toast__icon" />
            <div className="toast__text">
              <p className="toast__title">{toast.title}</p>
              {toast.message && <p className="toast__message">{toast.message}</p>}
            </div>
            {toast.action && (
              <button
                type="button"
                className="btn btn--sm toast__action"
                onClick={() => {
                  toast.action?.run();
                  dismiss(toast.id);
                }}
              >
                {toast.action.label}
              </button>
            )}
            <button
              type="button"
              className="icon-btn toast__close"
              aria-label="Dismiss"
              title="Dismiss"
              onClick={() => dismiss(toast.id)}
            >
              <Icon name="close" size={14} />
            </button>
          </div>
        ))}
      </section>
    </ToasterContext.Provider>
  );
}

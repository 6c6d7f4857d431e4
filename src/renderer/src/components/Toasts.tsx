import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type JSX, type ReactNode } from 'react';
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
  /** Takes away the toasts with this title: a note that no longer holds (the prompt now has text). */
  clear(title: string): void;
  /** Shows a failed call with the studio's own message. */
  error(title: string, error: unknown): void;
}

const ToasterContext = createContext<Toaster | null>(null);

/**
 * At most this many toasts show at once, the newest replacing the oldest, so a run of quick edits
 * never builds a wall of notes over the work.
 */
export const MAX_TOASTS = 2;
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
  const [toasts, setToasts] = useState<readonly Toast[]>([]);
  // The stack as last set, so that `show` can coalesce and time toasts outside a state updater.
  const current = useRef<readonly Toast[]>([]);
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>());
  const nextId = useRef(1);

  const update = useCallback((list: readonly Toast[]) => {
    for (const [id, timer] of timers.current) {
      if (list.some((t) => t.id === id)) continue;
      clearTimeout(timer);
      timers.current.delete(id);
    }
    current.current = list;
    setToasts(list);
  }, []);

  const dismiss = useCallback((id: number) => update(current.current.filter((t) => t.id !== id)), [update]);

  useEffect(() => {
    const pending = timers.current;
    return () => {
      for (const timer of pending.values()) clearTimeout(timer);
      pending.clear();
    };
  }, []);

  const show = useCallback(
    (tone: ToastTone, title: string, message = '', action?: ToastAction) => {
      // The same note again (a retry storm, the same edit twice) is one toast: it moves to the
      // front with the newest action and its time starts again.
      const same = current.current.find((t) => t.tone === tone && t.title === title && t.message === message);
      const id = same?.id ?? nextId.current++;
      const others = current.current.filter((t) => t.id !== id);
      const toast: Toast = { id, tone, title, message, ...(action ? { action } : {}) };
      const previous = timers.current.get(id);
      if (previous !== undefined) clearTimeout(previous);
      // A toast with an action stays a little longer, so there is time to use it.
      const lifetime = tone === 'error' ? ERROR_LIFETIME_MS : INFO_LIFETIME_MS;
      timers.current.set(
        id,
        setTimeout(() => dismiss(id), action ? lifetime * 2 : lifetime),
      );
      update([...others, toast].slice(-MAX_TOASTS));
    },
    [dismiss, update],
  );

  const toaster = useMemo<Toaster>(
    () => ({
      show,
      error: (title, error) => show('error', title, messageOf(error)),
      clear: (title) => update(current.current.filter((t) => t.title !== title)),
    }),
    [show, update],
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

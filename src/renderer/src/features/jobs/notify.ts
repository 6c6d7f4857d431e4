/**
 * System notifications for finished jobs, where the platform offers them and the creator
 * allowed them. Nothing waits on the permission: it is asked once, on a click (browsers only
 * ask from a user gesture), and until it is granted the studio's own toasts are enough.
 */

function supported(): boolean {
  return typeof window !== 'undefined' && 'Notification' in window;
}

/** Asks once, from a click handler; never blocks and never throws. */
export function askToNotify(): void {
  if (!supported() || Notification.permission !== 'default') return;
  try {
    void Notification.requestPermission().catch(() => undefined);
  } catch {
    // Old engines take a callback and return nothing; the answer arrives on its own.
  }
}

/**
 * Shows a system notification when allowed and the studio is not in front (its toasts cover that
 * case), or whatever is in front with `always`: for what must not be missed, such as a paid job
 * that may have been charged and needs a decision.
 */
export function notify(title: string, body: string, tag: string, options: { always?: boolean } = {}): void {
  if (!supported() || Notification.permission !== 'granted') return;
  if (options.always !== true && document.visibilityState === 'visible' && document.hasFocus()) return;
  try {
    const note = new Notification(title, { body, tag, silent: false });
    note.onclick = () => {
      window.focus();
      note.close();
    };
  } catch {
    // Some platforms (Android Chrome) allow notifications only from a service worker.
  }
}

/**
 * Where the focus goes when a view replaces the one it was in. Giving it back to the control that
 * opened a full view (Compare, Versions) when it closes: the library is rebuilt while the view
 * shows, so the control itself may be gone: then the one now in its place (the same kind, the same
 * name) gets the focus, or else the chosen clip. And into the view switched to (Alt+1…3, the View
 * tabs).
 */
export interface FocusReturn {
  element: HTMLElement;
  tag: string;
  name: string;
}

function nameOf(element: HTMLElement): string {
  return (element.getAttribute('aria-label') ?? element.textContent).trim();
}

/** The control with the focus now, to give it back later; null when nothing has it. */
export function rememberFocus(): FocusReturn | null {
  const element = document.activeElement;
  if (!(element instanceof HTMLElement) || element === document.body) return null;
  return { element, tag: element.tagName, name: nameOf(element) };
}

/** Focuses the remembered control, its replacement, or the clip that is the library's tab stop. */
export function returnFocus(saved: FocusReturn | null): void {
  if (saved?.element.isConnected) {
    saved.element.focus();
    if (document.activeElement === saved.element) return;
  }
  if (saved !== null && saved.name !== '') {
    const again = [...document.querySelectorAll<HTMLElement>(saved.tag)].find(
      (element) => nameOf(element) === saved.name && !(element as HTMLButtonElement).disabled,
    );
    if (again) {
      again.focus();
      if (document.activeElement === again) return;
    }
  }
  document
    .querySelector<HTMLElement>('.canvas [data-clip-button][tabindex="0"], .canvas tr[data-clip-id][tabindex="0"]')
    ?.focus();
}

/** Where the focus goes in a view just switched to with its key (Alt+1…3); the Prompt view focuses its own editor. */
const VIEW_FOCUS: Record<'library' | 'jobs', string> = {
  // The chosen clip (the library's tab stop), else the empty state's action or the empty state.
  library:
    '.canvas [data-clip-button][tabindex="0"], .canvas tr[data-clip-id][tabindex="0"], ' +
    '.canvas__body .empty-state__action button:not(:disabled), .canvas__body .empty-state[tabindex]',
  jobs: '.jobs-view .jobs',
};

/** Focuses the selected tab of the View switch in the view shown (each view draws its own). */
export function focusSelectedTab(): void {
  document
    .querySelector<HTMLElement>('main [role="tablist"][aria-label="View"] [role="tab"][aria-selected="true"]')
    ?.focus();
}

/**
 * After the view is switched with its key, the focus that was in the old view is nowhere: once
 * the new view is drawn it goes to what the view is for (the chosen clip, the Jobs list; the
 * Prompt view focuses its editor itself), or to the view's selected tab when that does not come.
 * Focus the creator has put somewhere, or that was never lost (the sidebar), stays. For about a
 * second.
 */
export function focusViewSoon(view: 'library' | 'prompt' | 'jobs'): void {
  let frames = 0;
  // The control that had the focus, until the old view goes with it.
  const from = document.activeElement;
  const tick = (): void => {
    const active = document.activeElement;
    const lost = active === null || active === document.body;
    // Focus put somewhere since: it stays.
    if (!lost && active !== from) return;
    if (lost) {
      const content = view === 'prompt' ? null : document.querySelector<HTMLElement>(VIEW_FOCUS[view]);
      if (content) content.focus();
      // A moment for the view's content to be drawn before its selected tab takes the focus instead.
      else if (frames >= 30) focusSelectedTab();
      if (document.activeElement !== document.body) return;
    }
    if (frames++ < 60) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

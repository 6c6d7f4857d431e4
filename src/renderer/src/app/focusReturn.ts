/**
 * Giving the focus back to the control that opened a full view (Compare, Versions) when it closes.
 * The library is rebuilt while the view shows, so the control itself may be gone: then the one
 * now in its place (the same kind, the same name) gets the focus, or else the chosen clip.
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

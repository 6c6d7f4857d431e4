import type { Clip } from '../../../../shared/domain';
import type { ClipPages } from './useClipPages';

/**
 * The clip to choose once `ids` leave the list (moved to the Trash): the first loaded one after
 * the last of them, else the nearest before the first; with its index once they are gone.
 */
export function clipAfter(
  pages: Pick<ClipPages, 'indexOf' | 'hitAt'>,
  ids: readonly number[],
): { clip: Clip; index: number } | null {
  const gone = new Set(ids);
  const indexes = ids.map((id) => pages.indexOf(id)).filter((i) => i >= 0);
  if (indexes.length === 0) return null;
  const first = Math.min(...indexes);
  const last = Math.max(...indexes);
  for (let i = last + 1; ; i++) {
    const hit = pages.hitAt(i);
    if (!hit) break;
    if (!gone.has(hit.clip.id)) return { clip: hit.clip, index: i - indexes.filter((k) => k < i).length };
  }
  for (let i = first - 1; i >= 0; i--) {
    const hit = pages.hitAt(i);
    if (!hit) break;
    if (!gone.has(hit.clip.id)) return { clip: hit.clip, index: i };
  }
  return null;
}

/**
 * Where focus counts as the library's: a clip's card or row, the bar of actions on the chosen
 * clips, or the empty state shown while there are none (it goes as soon as clips show).
 */
const LIBRARY_FOCUS = '[data-clip-id], [data-library-focus], .canvas__body .empty-state';

/** The empty state the library shows without clips, and its action. */
const EMPTY_LIBRARY = '.canvas__body .empty-state';

/** Whether the focus is on a clip or on the actions on the chosen ones (so it should follow the clip chosen next). */
export function focusIsInLibrary(): boolean {
  return document.activeElement?.closest(LIBRARY_FOCUS) != null;
}

/** Focuses a clip's card or list row, else the clip that is the library's tab stop; false when neither is drawn. */
export function focusClip(id: number): boolean {
  const target =
    document.querySelector<HTMLElement>(`[data-clip-button="${id}"], tr[data-clip-id="${id}"]`) ??
    document.querySelector<HTMLElement>(
      '.canvas [data-clip-button][tabindex="0"], .canvas tr[data-clip-id][tabindex="0"]',
    );
  target?.focus();
  return target !== null && document.activeElement === target;
}

/**
 * Whether the focus is nowhere, or on the library's empty state, which goes as soon as clips show:
 * clips that come (imported, brought back) should take it.
 */
export function focusWaitsForClips(): boolean {
  const active = document.activeElement;
  return active === null || active === document.body || active.closest(EMPTY_LIBRARY) !== null;
}

/**
 * Focuses a clip's card or list row once it is drawn, and again if the list's reload after the
 * change replaces the element, for about a second (`frames`); it stops as soon as something other
 * than the library holds focus. `from` is the control that acted, in a view on its way out (Show
 * clip in Jobs): the focus still on it counts as lost too.
 */
export function focusClipSoon(
  id: number,
  { frames: most = 60, from = null }: { frames?: number; from?: Element | null } = {},
): void {
  let frames = 0;
  let focused = false;
  const lost = (active: Element | null): boolean =>
    active === null || active === document.body || (from !== null && active === from);
  const tick = (): void => {
    const active = document.activeElement;
    if (!lost(active) && active?.closest(LIBRARY_FOCUS) == null) return;
    const target = document.querySelector<HTMLElement>(`[data-clip-button="${id}"], tr[data-clip-id="${id}"]`);
    // The creator has moved on (an arrow key): leave focus where it went.
    if (focused && !lost(active) && active !== target) return;
    if (target && active !== target) {
      target.focus();
      focused = true;
    }
    if (frames++ < most) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

/**
 * After the last clips shown have gone (every one chosen, then moved to the Trash or to another
 * project), the focus would be nowhere: once the empty state shows, its action has the focus, or
 * the empty state itself where it has none. For about two seconds, while the focus is nowhere.
 */
export function focusEmptyLibrarySoon(): void {
  let frames = 0;
  const tick = (): void => {
    const active = document.activeElement;
    if (active !== null && active !== document.body && active.closest(LIBRARY_FOCUS) === null) return;
    const target =
      document.querySelector<HTMLElement>('.canvas__body .empty-state__action button:not(:disabled)') ??
      document.querySelector<HTMLElement>('.canvas__body .empty-state[tabindex]');
    if (target) {
      target.focus();
      return;
    }
    if (frames++ < 120) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

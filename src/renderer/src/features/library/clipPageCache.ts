import type { ClipHit } from '../../../../shared/library/calls';

/**
 * Clips per request; the grid asks for the pages its visible rows need. A hundred: a page is read
 * and checked in the task that receives it, between two frames, and half the clips take half that
 * time; a jump's landing needs about thirty.
 */
export const PAGE_SIZE = 100;
/** How long a page far from every loaded page waits, so a fast run of jumps loads only where it stops. */
export const JUMP_SETTLE_MS = 80;

/**
 * The loaded pages of one query, held outside React state: a page that arrives tells its
 * subscribers (the grid or list that shows rows) instead of re-rendering the whole studio.
 */
export class ClipPageCache {
  private readonly pages = new Map<number, readonly ClipHit[]>();
  /** Loaded pages a change may have made out of date: shown until read again, which happens when they are wanted. */
  private readonly stale = new Set<number>();
  private readonly listeners = new Set<() => void>();
  private changes = 0;

  has(page: number): boolean {
    return this.pages.has(page);
  }

  /** Loaded, but a change since may have made it out of date. */
  isStale(page: number): boolean {
    return this.stale.has(page);
  }

  loadedPages(): number[] {
    return [...this.pages.keys()];
  }

  hitAt(index: number): ClipHit | undefined {
    return this.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];
  }

  set(page: number, hits: readonly ClipHit[]): void {
    this.pages.set(page, hits);
    this.stale.delete(page);
    this.changes += 1;
    for (const listener of [...this.listeners]) listener();
  }

  /** Counts the pages set so far: what a component that shows rows re-renders on. */
  readonly version = (): number => this.changes;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Index of a loaded clip, or -1. */
  indexOf(id: number): number {
    for (const [page, hits] of this.pages) {
      const at = hits.findIndex((hit) => hit.clip.id === id);
      if (at !== -1) return page * PAGE_SIZE + at;
    }
    return -1;
  }

  /** After a change: every loaded page but `fresh` (those read again now) is to be read again when next wanted. */
  markStale(fresh: readonly number[]): void {
    for (const page of this.pages.keys()) if (!fresh.includes(page)) this.stale.add(page);
  }

  /** The pages that hold rows start..end. */
  static pagesOf(start: number, end: number): number[] {
    const pages: number[] = [];
    for (let page = Math.floor(Math.max(0, start) / PAGE_SIZE); page <= Math.floor(end / PAGE_SIZE); page++) {
      pages.push(page);
    }
    return pages;
  }

  /**
   * The pages rows start..end need that are not loaded (or are out of date), and whether they can
   * load at once: they can when one of them borders a loaded page (the grid scrolls on from what
   * it shows); a run of pages far from all of them is where a jump landed, and may be passed at once.
   */
  missing(start: number, end: number): { pages: number[]; near: boolean } {
    const pages = ClipPageCache.pagesOf(start, end).filter((page) => !this.pages.has(page) || this.stale.has(page));
    const near = pages.some((page) => this.pages.has(page - 1) || this.pages.has(page + 1));
    return { pages, near };
  }
}

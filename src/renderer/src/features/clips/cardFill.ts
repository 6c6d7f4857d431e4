/**
 * How many cards a flung grid builds in one frame. A jump across the library (or the page of clips
 * arriving where it landed) would otherwise build every card of every row at once, and building,
 * styling and laying out two dozen cards takes longer than a frame. A row scrolled in at speed is
 * at most a row of cards, so a fling's steady frames are never held back.
 */
export function fillBudget(columns: number): number {
  return Math.max(8, columns);
}

export interface CardFill {
  /** The clips to show as cards now: those shown already, then new ones up to the budget. */
  build: ReadonlySet<number>;
  /** Whether some clips wait for a later frame (they show as loading boxes meanwhile). */
  deferred: boolean;
}

/**
 * Which of the clips the grid would show get a card now. `wanted` lists them most wanted first
 * (those on screen before those in the rows built ahead of the scroll); a clip that has a card
 * already keeps it, and at most `budget` clips get a new one.
 */
export function fillCards(wanted: readonly number[], shown: ReadonlySet<number>, budget: number): CardFill {
  const build = new Set<number>();
  let left = budget;
  let deferred = false;
  for (const id of wanted) {
    if (shown.has(id)) build.add(id);
    else if (left > 0) {
      build.add(id);
      left -= 1;
    } else deferred = true;
  }
  return { build, deferred };
}

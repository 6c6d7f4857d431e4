import { useEffect, useRef } from 'react';

/**
 * Scrolls the current clip into view once it is loaded, each time another clip becomes current:
 * one chosen elsewhere (a version in its lineage, a file imported again) may be far down the grid,
 * and a grid or list just shown (Grid / List) opens on it. `ready` is false while the view has not
 * measured itself yet (the grid's columns), when a position worked out would be wrong.
 */
export function useRevealClip(
  currentId: number | null,
  indexOf: (id: number) => number,
  scrollTo: (index: number) => void,
  ready = true,
): void {
  const revealed = useRef<number | null>(null);
  useEffect(() => {
    if (!ready || currentId === null || currentId === revealed.current) return;
    const index = indexOf(currentId);
    if (index === -1) return;
    revealed.current = currentId;
    scrollTo(index);
  });
}

import { useCallback, useState } from 'react';
import type { Clip } from '../../../../shared/domain';
import type { ClipPages } from './useClipPages';

export interface ClipSelection {
  ids: ReadonlySet<number>;
  /** Click: this clip only. Ctrl/Cmd: add or remove it. Shift: the range from the last click. */
  choose(clip: Clip, index: number, how: { toggle: boolean; range: boolean }): void;
  clear(): void;
  set: (ids: readonly number[]) => void;
}

/** Multi-selection in the library's order; the anchor is where the last plain or Ctrl click landed. */
export function useClipSelection(pages: ClipPages): ClipSelection {
  const [ids, setIds] = useState<ReadonlySet<number>>(new Set());
  const [anchor, setAnchor] = useState<number | null>(null);

  const choose = useCallback(
    (clip: Clip, index: number, how: { toggle: boolean; range: boolean }) => {
      if (how.range && anchor !== null) {
        const next = new Set<number>(how.toggle ? ids : []);
        const [from, to] = anchor <= index ? [anchor, index] : [index, anchor];
        for (let i = from; i <= to; i++) {
          const hit = pages.hitAt(i);
          if (hit) next.add(hit.clip.id);
        }
        setIds(next);
        return;
      }
      setAnchor(index);
      if (how.toggle) {
        const next = new Set(ids);
        if (next.has(clip.id)) next.delete(clip.id);
        else next.add(clip.id);
        setIds(next);
      } else {
        setIds(new Set([clip.id]));
      }
    },
    [anchor, ids, pages],
  );

  return {
    ids,
    choose,
    clear: useCallback(() => setIds(new Set()), []),
    set: useCallback((list: readonly number[]) => setIds(new Set(list)), []),
  };
}

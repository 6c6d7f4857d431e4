import { useCallback, useRef, useState } from 'react';
import type { Clip } from '../../../../shared/domain';
import { MAX_BULK_CLIPS } from '../../../../shared/library/organise';
import { useToaster } from '../../components/Toasts';
import type { ClipPages } from './useClipPages';

export interface ClipSelection {
  ids: ReadonlySet<number>;
  /** Click: this clip only. Ctrl/Cmd: add or remove it. Shift: the range from the last click. */
  choose(clip: Clip, index: number, how: { toggle: boolean; range: boolean }): void;
  clear(): void;
  set: (ids: readonly number[]) => void;
}

/**
 * Multi-selection in the library's order; the anchor is where the last plain or Ctrl click landed.
 * A range reaching rows not loaded is chosen from the loaded ones at once, then whole when the
 * studio has said which clips lie between (in the same search, filters and sort).
 */
export function useClipSelection(pages: ClipPages): ClipSelection {
  const toaster = useToaster();
  const [ids, setIds] = useState<ReadonlySet<number>>(new Set());
  const [anchor, setAnchor] = useState<number | null>(null);
  // Counts choices, so a range answered late never overrides a choice made since.
  const latest = useRef(0);

  const choose = useCallback(
    (clip: Clip, index: number, how: { toggle: boolean; range: boolean }) => {
      const mine = ++latest.current;
      if (how.range && anchor !== null) {
        const base = how.toggle ? ids : new Set<number>();
        const [from, wanted] = anchor <= index ? [anchor, index] : [index, anchor];
        const to = Math.min(wanted, from + MAX_BULK_CLIPS - 1);
        const next = new Set<number>(base);
        let whole = true;
        for (let i = from; i <= to; i++) {
          const hit = pages.hitAt(i);
          if (hit) next.add(hit.clip.id);
          else whole = false;
        }
        setIds(next);
        if (to < wanted)
          toaster.show(
            'info',
            `Chose the first ${MAX_BULK_CLIPS.toLocaleString('en')} clips of the range`,
            'One change reaches at most that many clips.',
          );
        if (whole) return;
        pages.idRange(from, to).then(
          (range) => {
            if (mine === latest.current) setIds(new Set([...base, ...range]));
          },
          (error: unknown) => {
            if (mine === latest.current) toaster.error('Could not choose every clip in the range', error);
          },
        );
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
    [anchor, ids, pages, toaster],
  );

  return {
    ids,
    choose,
    clear: useCallback(() => {
      latest.current += 1;
      setIds(new Set());
    }, []),
    set: useCallback((list: readonly number[]) => {
      latest.current += 1;
      setIds(new Set(list));
    }, []),
  };
}

import { useEffect } from 'react';
import type { Clip } from '../../../../shared/domain';
import { isTextEntry, modalOpen } from '../../format/shortcuts';
import { useOrganise } from './OrganiseHistory';

/**
 * 0–5 rate, P picks, X rejects (again clears) the chosen clips, the way photo and video
 * managers do; never while typing or with a modifier held. Each is undoable (OrganiseHistory).
 */
export function useOrganiseKeys(ids: readonly number[], current: Clip | null, onError: (error: unknown) => void): void {
  const organise = useOrganise();
  useEffect(() => {
    if (ids.length === 0) return;
    function onKeyDown(event: KeyboardEvent): void {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      if (modalOpen() || isTextEntry(event.target)) return;
      const key = event.key.toLowerCase();
      let work: Promise<unknown> | null = null;
      if (/^[0-5]$/.test(key)) work = organise.rate(ids, Number(key));
      else if (key === 'p') work = organise.flag(ids, current?.flag === 'pick' && ids.length === 1 ? null : 'pick');
      else if (key === 'x') work = organise.flag(ids, current?.flag === 'reject' && ids.length === 1 ? null : 'reject');
      if (!work) return;
      event.preventDefault();
      work.catch(onError);
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [ids, current, onError, organise]);
}

/** The keys as a component, for a place inside the organising history that has no markup of its own. */
export function OrganiseKeys(props: {
  ids: readonly number[];
  current: Clip | null;
  onError: (error: unknown) => void;
}): null {
  useOrganiseKeys(props.ids, props.current, props.onError);
  return null;
}

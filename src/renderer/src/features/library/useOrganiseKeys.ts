import { useEffect } from 'react';
import { isTextEntry, modalOpen } from '../../format/shortcuts';
import { useOrganise } from './OrganiseHistory';

/**
 * 0–5 rate, P picks, X rejects (again clears) the chosen clips, the way photo and video
 * managers do; never while typing or with a modifier held. Each is undoable (OrganiseHistory).
 */
export function useOrganiseKeys(ids: readonly number[], onError: (error: unknown) => void): void {
  const organise = useOrganise();
  useEffect(() => {
    if (ids.length === 0) return;
    function onKeyDown(event: KeyboardEvent): void {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      if (modalOpen() || isTextEntry(event.target)) return;
      const key = event.key.toLowerCase();
      let work: Promise<unknown> | null = null;
      if (/^[0-5]$/.test(key)) work = organise.rate(ids, Number(key));
      // Toggled when its turn comes, not from the clip as this render saw it: keys pressed
      // quickly each see the one before.
      else if (key === 'p') work = organise.toggleFlag(ids, 'pick');
      else if (key === 'x') work = organise.toggleFlag(ids, 'reject');
      if (!work) return;
      event.preventDefault();
      work.catch(onError);
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [ids, onError, organise]);
}

/** The keys as a component, for a place inside the organising history that has no markup of its own. */
export function OrganiseKeys(props: { ids: readonly number[]; onError: (error: unknown) => void }): null {
  useOrganiseKeys(props.ids, props.onError);
  return null;
}

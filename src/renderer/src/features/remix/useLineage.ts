import { useCallback, useEffect, useRef, useState } from 'react';
import type { Lineage, LineageScope } from '../../../../shared/remix/calls';
import { studio } from '../../api/client';
import { useOnReconnect, useStudioEvent } from '../../api/hooks';
import { messageOf } from '../../api/messages';

export interface LineageState {
  /** null while the first answer is pending. */
  lineage: Lineage | null;
  error: string | null;
}

/** A clip's versions, read again whenever a clip changes in its project (a remix landing there). */
export function useLineage(
  clipId: number | null,
  projectId: number | null,
  scope: LineageScope = 'line',
): LineageState {
  const [state, setState] = useState<{ key: string } & LineageState>({ key: '', lineage: null, error: null });
  const generation = useRef(0);
  const key = `${clipId ?? ''}|${scope}`;

  const load = useCallback(() => {
    if (clipId === null) return;
    const mine = ++generation.current;
    studio.call('lineage.get', { clipId, scope }).then(
      (lineage) => {
        if (mine === generation.current) setState({ key, lineage, error: null });
      },
      (error: unknown) => {
        if (mine === generation.current) setState({ key, lineage: null, error: messageOf(error) });
      },
    );
  }, [clipId, scope, key]);

  useEffect(load, [load]);
  useStudioEvent('clips.changed', (payload) => {
    if (payload.projectId === projectId) load();
  });
  useOnReconnect(load);

  return state.key === key ? { lineage: state.lineage, error: state.error } : { lineage: null, error: null };
}

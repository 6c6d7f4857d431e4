import { useCallback, useEffect, useRef, useState } from 'react';
import type { Project } from '../../../../shared/domain';
import { studio } from '../../api/client';
import { useOnReconnect, useStudioEvent } from '../../api/hooks';
import { useCoalescedRefresh } from '../../api/useCoalescedRefresh';
import { useToaster } from '../../components/Toasts';

export interface ProjectsState {
  /** Every project, archived ones included; null until the first answer. */
  all: Project[] | null;
  refresh: () => void;
}

/** The project library, kept fresh by 'projects.changed' and after reconnecting. */
export function useProjects(): ProjectsState {
  const [all, setAll] = useState<Project[] | null>(null);
  const toaster = useToaster();
  const generation = useRef(0);

  const refresh = useCallback(() => {
    const mine = ++generation.current;
    studio.call('projects.list', { includeArchived: true }).then(
      (projects) => {
        if (mine === generation.current) setAll(projects);
      },
      (error: unknown) => {
        if (mine === generation.current) toaster.error('Could not load your projects', error);
      },
    );
  }, [toaster]);

  useEffect(refresh, [refresh]);
  // An import tells after every clip, so the counts follow it; a batch costs a reload a moment, not one a file.
  const refreshSoon = useCoalescedRefresh(refresh, 150);
  useStudioEvent('projects.changed', refreshSoon);
  useOnReconnect(refresh);

  return { all, refresh };
}

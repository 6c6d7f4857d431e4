import { useCallback, useEffect, useState } from 'react';
import type { Template } from '../../../../shared/prompt/template';
import { studio } from '../../api/client';
import { useOnReconnect, useStudioEvent } from '../../api/hooks';
import { messageOf } from '../../api/messages';

export interface TemplatesState {
  /** Null while loading. */
  templates: Template[] | null;
  error: string | null;
  refresh(): void;
}

/** Built-ins, templates for every project and this project's own, kept fresh by templates.changed. */
export function useTemplates(projectId: number): TemplatesState {
  const [templates, setTemplates] = useState<Template[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const refresh = useCallback(() => setGeneration((g) => g + 1), []);

  useEffect(() => {
    let live = true;
    studio.call('templates.list', { projectId }).then(
      (list) => {
        if (!live) return;
        setTemplates(list);
        setError(null);
      },
      (caught: unknown) => {
        if (live) setError(messageOf(caught));
      },
    );
    return () => {
      live = false;
    };
  }, [projectId, generation]);

  useStudioEvent('templates.changed', (payload) => {
    if (payload.projectId === null || payload.projectId === projectId) refresh();
  });
  useOnReconnect(refresh);

  return { templates, error, refresh };
}

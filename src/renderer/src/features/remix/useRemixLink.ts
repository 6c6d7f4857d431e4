import { useCallback, useRef, useState } from 'react';
import type { Clip } from '../../../../shared/domain';
import { RemixLink } from '../../../../shared/remix/remixLink';
import { studio } from '../../api/client';
import { readStored, writeStored } from '../../app/storage';

export type { RemixLink };

const key = (projectId: number): string => `shotline.remix.${projectId}`;

function read(projectId: number): RemixLink | null {
  try {
    const parsed = RemixLink.safeParse(JSON.parse(readStored(key(projectId)) ?? 'null'));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function linkOf(clip: Clip): RemixLink {
  return {
    clipId: clip.id,
    title: clip.title,
    provider: clip.provider,
    model: clip.model,
    width: clip.width,
    height: clip.height,
    seed: clip.seed,
    keepSeed: clip.seed !== null,
    continueMode: null,
  };
}

export interface RemixLinks {
  linkFor: (projectId: number) => RemixLink | null;
  link: (projectId: number, link: RemixLink | null) => void;
}

/**
 * Each project's remix link, kept by the studio beside the draft (`drafts.remixLink`), so a new
 * window, another browser or the desktop app sees the draft as the remix it is. This window's copy
 * (local storage) answers at once while the studio's is read; the studio's wins unless the link
 * was changed here meanwhile.
 */
export function useRemixLinks(): RemixLinks {
  const [links, setLinks] = useState<Record<number, RemixLink | null>>({});
  // Projects whose link has been asked of the studio (or set here, which needs no asking).
  const asked = useRef(new Set<number>());
  const linkFor = useCallback(
    (projectId: number) => {
      if (!asked.current.has(projectId)) {
        asked.current.add(projectId);
        studio.call('drafts.remixLink', { projectId }).then(
          (stored) => {
            writeStored(key(projectId), stored === null ? null : JSON.stringify(stored));
            setLinks((current) => (projectId in current ? current : { ...current, [projectId]: stored }));
          },
          () => {
            // The project is gone, or the studio cannot answer: this window's copy stands.
          },
        );
      }
      return projectId in links ? (links[projectId] ?? null) : read(projectId);
    },
    [links],
  );
  const link = useCallback((projectId: number, next: RemixLink | null) => {
    asked.current.add(projectId);
    writeStored(key(projectId), next === null ? null : JSON.stringify(next));
    setLinks((current) => ({ ...current, [projectId]: next }));
    studio.call('drafts.setRemixLink', { projectId, link: next }).catch(() => {
      // Kept in this window at least; the next change tries again.
    });
  }, []);
  return { linkFor, link };
}

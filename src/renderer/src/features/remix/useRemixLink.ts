import { useCallback, useState } from 'react';
import type { Clip } from '../../../../shared/domain';
import type { ContinueMode } from '../../../../shared/prompt/continuation';
import { readStored, writeStored } from '../../app/storage';

/** The clip a project's draft remixes, with what the remix starts from. */
export interface RemixLink {
  clipId: number;
  title: string;
  provider: string;
  model: string | null;
  width: number | null;
  height: number | null;
  seed: number | null;
  keepSeed: boolean;
  /** Carry the clip on with the provider's own means instead of regenerating it; absent or null: Regenerate. */
  continueMode?: ContinueMode | null;
}

const key = (projectId: number): string => `shotline.remix.${projectId}`;

function isLink(value: unknown): value is RemixLink {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.clipId === 'number' && typeof v.title === 'string' && typeof v.provider === 'string';
}

function read(projectId: number): RemixLink | null {
  try {
    const value: unknown = JSON.parse(readStored(key(projectId)) ?? 'null');
    return isLink(value) ? value : null;
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

/** Each project's remix link, kept with the draft across reloads (in this browser or window). */
export function useRemixLinks(): RemixLinks {
  const [links, setLinks] = useState<Record<number, RemixLink | null>>({});
  const linkFor = useCallback(
    (projectId: number) => (projectId in links ? (links[projectId] ?? null) : read(projectId)),
    [links],
  );
  const link = useCallback((projectId: number, next: RemixLink | null) => {
    writeStored(key(projectId), next === null ? null : JSON.stringify(next));
    setLinks((current) => ({ ...current, [projectId]: next }));
  }, []);
  return { linkFor, link };
}

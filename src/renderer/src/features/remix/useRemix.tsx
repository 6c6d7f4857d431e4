import { useCallback, useState, type JSX } from 'react';
import type { Clip } from '../../../../shared/domain';
import type { CallInput } from '../../../../shared/contract';
import { parse } from '../../../../shared/prompt/parse';
import type { ContinueMode } from '../../../../shared/prompt/continuation';
import { isSizeAllowed, modelFor, ProviderId } from '../../../../shared/prompt/providers';
import { studio } from '../../api/client';
import { writeStored } from '../../app/storage';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useToaster } from '../../components/Toasts';
import { targetFor, type Target } from '../prompt/analysis';
import { TARGET_KEY } from '../prompt/PromptStudio';
import { continueChoice } from './continueChoice';
import { linkOf, useRemixLinks, type RemixLink } from './useRemixLink';

type EnqueueExtras = Pick<CallInput<'jobs.enqueue'>, 'parentClipId' | 'options' | 'continueFrom'>;

export interface RemixState {
  linkFor: (projectId: number) => RemixLink | null;
  /** Links the project's draft to a clip (null: unlinked); either way a Remix queued line goes. */
  link: (projectId: number, link: RemixLink | null) => void;
  /** The remix just queued from the project's draft, which is no longer linked to it; null when none. */
  queuedFor: (projectId: number) => RemixLink | null;
  /**
   * A remix of `clipId` was queued from the project's draft: the draft is unlinked, so queueing it
   * again makes a new clip rather than silently another version, and the line says so.
   */
  queued: (projectId: number, clipId: number) => void;
  /** Puts the Remix queued line away. */
  dismissQueued: (projectId: number) => void;
  /** Opens the Prompt view with the clip's prompt as a draft linked to the clip. */
  remix: (clip: Clip) => void;
  /** The same for a version picked by id (Restore this version). */
  restore: (clipId: number) => void;
  /**
   * What jobs.enqueue needs besides the text for a draft that remixes a clip; `offered` are the
   * continue modes the target provider offers now (the link's chosen one is used if among them).
   */
  enqueueExtras: (projectId: number, text: string, target: Target, offered?: readonly ContinueMode[]) => EnqueueExtras;
  /** A confirmation to mount while one is pending. */
  dialog: JSX.Element | null;
}

/**
 * Starting a remix: the draft gets the clip's prompt (asking first when it would replace a
 * different one), the Prompt view its provider and model, and queueing links the new clip to it.
 */
export function useRemix(openPrompt: (projectId: number) => void): RemixState {
  const toaster = useToaster();
  const { linkFor, link: keepLink } = useRemixLinks();
  const [pending, setPending] = useState<{ clip: Clip; draft: string } | null>(null);
  // Per project, the link a queued remix had; for this window only, like a toast.
  const [queuedLinks, setQueuedLinks] = useState<Record<number, RemixLink | undefined>>({});

  const dismissQueued = useCallback((projectId: number) => {
    setQueuedLinks((current) => (current[projectId] ? { ...current, [projectId]: undefined } : current));
  }, []);
  const link = useCallback(
    (projectId: number, next: RemixLink | null) => {
      keepLink(projectId, next);
      dismissQueued(projectId);
    },
    [keepLink, dismissQueued],
  );
  const queuedFor = useCallback((projectId: number) => queuedLinks[projectId] ?? null, [queuedLinks]);
  const queued = useCallback(
    (projectId: number, clipId: number) => {
      const current = linkFor(projectId);
      // Linked to another clip meanwhile (a Remix started while this one was being queued): that link stays.
      if (current?.clipId !== clipId) return;
      keepLink(projectId, null);
      setQueuedLinks((links) => ({ ...links, [projectId]: current }));
    },
    [linkFor, keepLink],
  );

  const apply = useCallback(
    async (clip: Clip) => {
      // A clip made without a prompt (an import) has none to give: the draft stays as it is.
      if (hasPrompt(clip)) await studio.call('drafts.save', { projectId: clip.projectId, text: clip.promptText ?? '' });
      link(clip.projectId, linkOf(clip));
      const provider = ProviderId.safeParse(clip.provider);
      if (provider.success) writeStored(TARGET_KEY, JSON.stringify(targetFor(provider.data, clip.model)));
      openPrompt(clip.projectId);
    },
    [link, openPrompt],
  );

  const start = useCallback(
    (clip: Clip) => {
      studio.call('drafts.get', { projectId: clip.projectId }).then(
        (draft) => {
          const text = draft?.text ?? '';
          if (!hasPrompt(clip)) {
            toaster.show(
              'info',
              `“${clip.title}” has no prompt`,
              text.trim() === ''
                ? 'Write the prompt for its remix; queueing it makes the new version.'
                : 'The draft is kept: edit it into the prompt for its remix, or write a new one.',
            );
            return apply(clip);
          }
          if (text.trim() === '' || text === clip.promptText) return apply(clip);
          setPending({ clip, draft: text });
          return undefined;
        },
        (error: unknown) => toaster.error('Could not open the remix', error),
      );
    },
    [apply, toaster],
  );

  const restore = useCallback(
    (clipId: number) => {
      studio
        .call('clips.get', { id: clipId })
        .then(start, (error: unknown) => toaster.error('Could not restore that version', error));
    },
    [start, toaster],
  );

  const enqueueExtras = useCallback(
    (projectId: number, text: string, target: Target, offered: readonly ContinueMode[] = []): EnqueueExtras => {
      const remixOf = linkFor(projectId);
      if (!remixOf) return { options: { model: target.model } };
      const continued = continueChoice(remixOf, target, offered);
      if (continued) {
        // The clip itself sets the length and shape; only the model and a kept seed go along.
        return {
          parentClipId: remixOf.clipId,
          continueFrom: continued.continueFrom,
          options: {
            model: continued.model,
            ...(remixOf.keepSeed && remixOf.seed !== null && remixOf.seed >= 0 ? { seed: remixOf.seed } : {}),
          },
        };
      }
      // The parent's size is kept while the draft asks for none and the target model makes that
      // size (an imported 640×360 clip remixed on the built-in engine stays 640×360).
      const parentSize =
        remixOf.width !== null && remixOf.height !== null ? { width: remixOf.width, height: remixOf.height } : null;
      const keepSize =
        parentSize !== null &&
        parse(text).doc.size === null &&
        isSizeAllowed(modelFor(target.provider, target.model).model.sizes, parentSize);
      return {
        parentClipId: remixOf.clipId,
        options: {
          model: target.model,
          ...(keepSize ? { size: parentSize } : {}),
          ...(remixOf.keepSeed && remixOf.seed !== null && remixOf.seed >= 0 ? { seed: remixOf.seed } : {}),
        },
      };
    },
    [linkFor],
  );

  const dialog = pending ? (
    <ConfirmDialog
      title="Replace the draft?"
      confirmLabel="Replace"
      tone="primary"
      onConfirm={async () => {
        await apply(pending.clip);
        setPending(null);
      }}
      onCancel={() => setPending(null)}
    >
      The project’s draft holds another prompt. Replace it with the prompt of “{pending.clip.title}” to remix it?
    </ConfirmDialog>
  ) : null;

  return { linkFor, link, queuedFor, queued, dismissQueued, remix: start, restore, enqueueExtras, dialog };
}

/** Whether a clip has a prompt to remix from (an imported clip may have none). */
function hasPrompt(clip: Clip): boolean {
  return (clip.promptText ?? '').trim() !== '';
}

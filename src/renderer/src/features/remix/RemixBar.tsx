import type { JSX } from 'react';
import { CONTINUE_MODES, ContinueMode } from '../../../../shared/prompt/continuation';
import { ProviderId, PROVIDERS } from '../../../../shared/prompt/providers';
import { Icon } from '../../components/Icon';
import type { RemixLink } from './useRemixLink';
import { useRemixSource } from './useRemixSource';
import './RemixBar.css';

interface RemixBarProps {
  link: RemixLink;
  onUnlink: () => void;
  onKeepSeed: (keep: boolean) => void;
  /** The chosen provider's own ways to carry the clip on; the choice is offered only when there are some. */
  modes?: readonly ContinueMode[];
  onMode?: (mode: ContinueMode | null) => void;
}

const REGENERATE = 'regenerate';

/** Above the editor while the draft remixes a clip: which clip, what is kept, and a way out. */
export function RemixBar({ link, onUnlink, onKeepSeed, modes = [], onMode }: RemixBarProps): JSX.Element {
  const source = useRemixSource(link.clipId);
  const gone = source !== 'present';
  const known = ProviderId.safeParse(link.provider);
  const provider = known.success ? PROVIDERS[known.data].label : link.provider;
  const facts = [
    provider,
    link.model,
    link.width !== null && link.height !== null ? `${link.width}×${link.height}` : null,
    link.seed !== null ? `seed ${link.seed}` : 'no recorded seed',
  ].filter((part): part is string => part !== null);
  return (
    <div className="remix-bar" role="group" aria-label="Remix">
      <Icon name="film" size={14} />
      <span className="remix-bar__what truncate">
        Remix of <strong>{link.title}</strong>
        {gone && (
          <span className="remix-bar__gone">
            {source === 'deleted'
              ? ' — its source clip was deleted. Unlink to queue this draft as a new clip.'
              : ' — its source clip is in the Trash. Restore it, or unlink to queue this draft as a new clip.'}
          </span>
        )}
      </span>
      <span
        className="remix-bar__facts tabular truncate"
        title="Started from the clip's provider, model, size and seed"
      >
        {facts.join(' · ')}
      </span>
      {!gone && modes.length > 0 && onMode && (
        <ContinueChoice modes={modes} chosen={link.continueMode ?? null} onMode={onMode} />
      )}
      <label
        className="switch remix-bar__seed"
        title={link.seed === null ? 'The clip has no recorded seed' : undefined}
      >
        <input
          type="checkbox"
          checked={link.keepSeed && link.seed !== null}
          disabled={link.seed === null}
          onChange={(event) => onKeepSeed(event.target.checked)}
        />
        Keep seed
      </label>
      <button
        type="button"
        className={`btn btn--sm ${gone ? 'btn--primary' : 'btn--ghost'}`}
        onClick={onUnlink}
        title="Queue this draft as a new clip, not a remix"
      >
        Unlink
      </button>
    </div>
  );
}

/** Regenerate from the prompt, or one of the provider's own continue modes (Extend, Video to video, Video input). */
function ContinueChoice({
  modes,
  chosen,
  onMode,
}: {
  modes: readonly ContinueMode[];
  chosen: ContinueMode | null;
  onMode: (mode: ContinueMode | null) => void;
}): JSX.Element {
  const value = chosen !== null && modes.includes(chosen) ? chosen : REGENERATE;
  const hint = value === REGENERATE ? 'Make a new clip from the prompt alone' : CONTINUE_MODES[value].hint;
  return (
    <label className="remix-bar__mode" title={hint}>
      Remix as
      <select
        aria-label="Remix as"
        className="field field--sm"
        value={value}
        onChange={(event) => {
          const picked = ContinueMode.safeParse(event.target.value);
          onMode(picked.success ? picked.data : null);
        }}
      >
        <option value={REGENERATE}>Regenerate</option>
        {modes.map((mode) => (
          <option key={mode} value={mode}>
            {CONTINUE_MODES[mode].label}
          </option>
        ))}
      </select>
    </label>
  );
}

interface RemixQueuedBarProps {
  /** The link the queued remix had: its clip, and what to link again. */
  link: RemixLink;
  onLinkAgain: () => void;
  onDismiss: () => void;
}

/**
 * In the Remix bar's place once a remix is queued: the draft is no longer linked, so queueing it
 * again makes a new clip unless the creator links it to the same clip again for another version.
 */
export function RemixQueuedBar({ link, onLinkAgain, onDismiss }: RemixQueuedBarProps): JSX.Element {
  return (
    <div className="remix-bar remix-bar--queued" role="group" aria-label="Remix">
      <Icon name="check" size={14} />
      <span className="remix-bar__what remix-bar__queued">
        Queued a new version of <strong>{link.title}</strong>. The draft is no longer linked: Queue makes a new clip.
      </span>
      <button
        type="button"
        className="btn btn--sm"
        onClick={onLinkAgain}
        title={`Link the draft to “${link.title}” again, to queue another version of it`}
      >
        Remix again
      </button>
      <button type="button" className="icon-btn" aria-label="Dismiss" title="Dismiss" onClick={onDismiss}>
        <Icon name="close" size={14} />
      </button>
    </div>
  );
}

import type { JSX } from 'react';
import { ProviderId, PROVIDERS } from '../../../../shared/prompt/providers';
import { Icon } from '../../components/Icon';
import type { RemixLink } from './useRemixLink';
import './RemixBar.css';

interface RemixBarProps {
  link: RemixLink;
  onUnlink: () => void;
  onKeepSeed: (keep: boolean) => void;
}

/** Above the editor while the draft remixes a clip: which clip, what is kept, and a way out. */
export function RemixBar({ link, onUnlink, onKeepSeed }: RemixBarProps): JSX.Element {
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
      </span>
      <span
        className="remix-bar__facts tabular truncate"
        title="Started from the clip's provider, model, size and seed"
      >
        {facts.join(' · ')}
      </span>
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
        className="btn btn--ghost btn--sm"
        onClick={onUnlink}
        title="Queue this draft as a new clip, not a remix"
      >
        Unlink
      </button>
    </div>
  );
}

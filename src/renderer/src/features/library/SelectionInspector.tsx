import { useEffect, useState, type JSX } from 'react';
import { studio } from '../../api/client';
import { messageOf } from '../../api/messages';
import { Icon } from '../../components/Icon';
import { formatBytes } from '../../format/bytes';
import { formatClipLength } from '../../format/media';
import { deleteKey } from '../../format/shortcuts';
import '../player/PlayerPanel.css';
import './SelectionInspector.css';

interface Summary {
  clips: number;
  durationMs: number;
  bytes: number;
}

interface Props {
  ids: ReadonlySet<number>;
  onTrash: () => void;
  onClear: () => void;
}

/**
 * The inspector while several clips are chosen: how many, their length and size together, and
 * what can be done with them all (the bar above the clips has the rest), never one clip's details.
 */
export function SelectionInspector({ ids, onTrash, onClear }: Props): JSX.Element {
  const [answer, setAnswer] = useState<{ ids: ReadonlySet<number>; summary: Summary | null; error: string | null }>({
    ids,
    summary: null,
    error: null,
  });
  useEffect(() => {
    let live = true;
    studio.call('library.selectionSummary', { ids: [...ids] }).then(
      (summary) => live && setAnswer({ ids, summary, error: null }),
      (error: unknown) => live && setAnswer({ ids, summary: null, error: messageOf(error) }),
    );
    return () => {
      live = false;
    };
  }, [ids]);
  const current = answer.ids === ids ? answer : null;
  const count = `${ids.size.toLocaleString('en')} clips selected`;

  return (
    <aside className="inspector" aria-label="Inspector">
      <div className="panel-head">
        <h2 className="eyebrow">Selection</h2>
      </div>
      <section className="inspector__details" aria-label="Selected clips">
        <h3 className="inspector__title tabular">{count}</h3>
        <dl className="props" aria-busy={current?.summary ? undefined : true}>
          <div className="props__row">
            <dt>Total duration</dt>
            <dd className="tabular">{current?.summary ? formatClipLength(current.summary.durationMs) : '…'}</dd>
          </div>
          <div className="props__row">
            <dt>Total size</dt>
            <dd className="tabular">{current?.summary ? formatBytes(current.summary.bytes) : '…'}</dd>
          </div>
        </dl>
        {current?.error != null && (
          <p className="selection-inspector__error" role="alert">
            Could not add up the selection: {current.error}
          </p>
        )}
        <p className="selection-inspector__hint">
          Rate, label, tag, move, export or flag them all with the bar above the clips; keys 0–5, P and X act on them all too.
          Click one clip to see its details.
        </p>
        <div className="inspector__actions">
          <button
            type="button"
            className="btn btn--sm btn--danger-quiet"
            onClick={onTrash}
            title={`Move to Trash (${deleteKey})`}
          >
            <Icon name="trash" size={14} />
            Move {ids.size.toLocaleString('en')} to Trash
          </button>
          <button type="button" className="btn btn--sm" onClick={onClear}>
            Clear selection
          </button>
        </div>
      </section>
    </aside>
  );
}

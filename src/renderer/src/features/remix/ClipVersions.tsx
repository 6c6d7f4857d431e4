import { useEffect, useState, type JSX } from 'react';
import type { Clip } from '../../../../shared/domain';
import { summarise } from '../../../../shared/remix/promptDiff';
import { studio } from '../../api/client';
import { formatDateTime } from '../../format/media';
import { ancestorIds, buildTree, otherBranchNote, otherBranchVersions, type TreeItem } from './lineageTree';
import { useLineage } from './useLineage';
import { providerName } from './versionNames';
import { Icon } from '../../components/Icon';
import { MiddleTitle } from '../../components/MiddleTitle';
import { VersionBadge } from '../../components/VersionBadge';
import './ClipVersions.css';

/** More versions than this, and the tree lists only the clip's ancestors and its own remixes. */
const MAX_LISTED = 200;

export interface VersionActions {
  onRemix: (clip: Clip) => void;
  /** Makes an ancestor's prompt the current draft. */
  onRestore: (clipId: number) => void;
  onSelectVersion: (clipId: number) => void;
  onCompare: (a: number, b: number) => void;
  onVersions: (clipId: number) => void;
}

function stars(rating: number | null): string | null {
  return rating === null || rating === 0 ? null : `${'★'.repeat(rating)}${'☆'.repeat(5 - rating)}`;
}

/** What the clip changed against its parent, in one line. */
function ChangesLine({ clip }: { clip: Clip }): JSX.Element | null {
  const [summary, setSummary] = useState<{ clipId: number; text: string } | null>(null);
  useEffect(() => {
    let live = true;
    if (clip.parentId === null) return;
    studio.call('lineage.changes', { clipId: clip.id }).then(
      (diff) => {
        if (live && diff) setSummary({ clipId: clip.id, text: summarise(diff) });
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [clip.id, clip.parentId]);
  if (clip.parentId === null || summary?.clipId !== clip.id) return null;
  return (
    <p className="versions__changes">
      <span className="eyebrow">Changed</span> {summary.text}
    </p>
  );
}

function LineageItem({
  item,
  clipId,
  ancestors,
  actions,
}: {
  item: TreeItem;
  clipId: number;
  ancestors: readonly number[];
  actions: VersionActions;
}): JSX.Element {
  const { node } = item;
  const current = node.id === clipId;
  const trashed = node.trashedAt !== null;
  const rating = stars(node.rating);
  return (
    <li className="lineage__item">
      <div
        className={`lineage__row${current ? ' lineage__row--current' : ''}${trashed ? ' lineage__row--trashed' : ''}`}
      >
        <button
          type="button"
          className="lineage__pick"
          aria-current={current ? 'true' : undefined}
          title={
            current
              ? 'The clip in the viewer'
              : trashed
                ? `“${node.title}” is in the Trash: restore it to open it`
                : `Select “${node.title}”`
          }
          onClick={() => actions.onSelectVersion(node.id)}
        >
          <span className="lineage__title">
            <VersionBadge version={node.version} /> <MiddleTitle title={node.title} />
            {trashed && <span className="badge lineage__trashed">In Trash</span>}
          </span>
          <span className="lineage__meta tabular">
            {providerName(node.provider)} · {formatDateTime(node.createdAt)}
            {rating !== null && (
              <>
                {' '}
                {/* An image of stars, named apart from the date before it ("4:05 PM · 1 star"). */}
                <span className="lineage__rating" role="img" aria-label={`· ${starsName(node.rating ?? 0)}`}>
                  · {rating}
                </span>
              </>
            )}
          </span>
        </button>
        {ancestors.includes(node.id) && !trashed && (
          <button
            type="button"
            className="btn btn--ghost btn--sm lineage__restore"
            aria-label="Restore this version"
            title={`Restore this version: make the prompt of “${node.title}” the current draft`}
            onClick={() => actions.onRestore(node.id)}
          >
            <Icon name="undo" size={14} />
            Restore
          </button>
        )}
      </div>
      {item.children.length > 0 && (
        <ul className="lineage__children">
          {item.children.map((child) => (
            <LineageItem key={child.node.id} item={child} clipId={clipId} ancestors={ancestors} actions={actions} />
          ))}
        </ul>
      )}
    </li>
  );
}

/** The inspector's remix tools: Remix, Compare, Versions, what changed, and the clip's lineage as a tree. */
export function ClipVersions({ clip, actions }: { clip: Clip; actions: VersionActions }): JSX.Element {
  const { lineage, error } = useLineage(clip.id, clip.projectId);
  const nodes = lineage?.nodes ?? [];
  const ancestors = ancestorIds(nodes, clip.id);
  const firstChild = nodes.find((n) => n.parentId === clip.id);
  // Compare with the parent by default; an original is compared with its first remix.
  const other = clip.parentId ?? firstChild?.id ?? null;
  // A long line stays readable here; the Versions view draws any size.
  const shown =
    nodes.length > MAX_LISTED
      ? nodes.filter((n) => ancestors.includes(n.id) || n.id === clip.id || n.parentId === clip.id)
      : nodes;
  const tree = buildTree(shown);

  return (
    <div className="versions">
      <div className="versions__actions">
        <button type="button" className="btn btn--primary btn--sm" onClick={() => actions.onRemix(clip)}>
          Remix
        </button>
        <button
          type="button"
          className="btn btn--sm"
          disabled={other === null}
          title={other === null ? 'No other version yet: remix this clip first' : 'Compare two versions side by side'}
          onClick={() => {
            if (other !== null)
              actions.onCompare(clip.parentId === null ? clip.id : other, clip.parentId === null ? other : clip.id);
          }}
        >
          Compare
        </button>
        <button
          type="button"
          className="btn btn--sm"
          disabled={nodes.length < 2}
          title="The whole family of versions as a graph"
          onClick={() => actions.onVersions(clip.id)}
        >
          Versions
        </button>
      </div>
      <ChangesLine clip={clip} />
      <section className="lineage" aria-label="Lineage">
        <h4 className="eyebrow">Lineage</h4>
        {error !== null ? (
          <p className="lineage__empty" role="alert">
            The versions of this clip could not be read: {error}
          </p>
        ) : lineage === null ? null : nodes.length < 2 ? (
          <p className="lineage__empty">No other versions yet. Remix this clip to start its lineage.</p>
        ) : (
          <>
            {shown.length < nodes.length && (
              <p className="lineage__empty">
                {nodes.length} versions: listing the clip’s ancestors and its own remixes. Versions shows them all.
              </p>
            )}
            <ul className="lineage__tree">
              {tree.map((item) => (
                <LineageItem key={item.node.id} item={item} clipId={clip.id} ancestors={ancestors} actions={actions} />
              ))}
            </ul>
            {shown.length === nodes.length && otherBranchNote(otherBranchVersions(nodes)) !== null && (
              <p className="lineage__empty">{otherBranchNote(otherBranchVersions(nodes))}</p>
            )}
          </>
        )}
      </section>
    </div>
  );
}

function starsName(count: number): string {
  return count === 1 ? '1 star' : `${count} stars`;
}

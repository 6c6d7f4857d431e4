import { useEffect, useState, type JSX } from 'react';
import type { Clip } from '../../../../shared/domain';
import type { Job } from '../../../../shared/jobs';
import { summarise } from '../../../../shared/remix/promptDiff';
import { studio } from '../../api/client';
import { formatDateTime } from '../../format/media';
import { ancestorIds, buildTree, otherBranchNote, otherBranchVersions, type TreeItem } from './lineageTree';
import { useLineage } from './useLineage';
import { providerName } from './versionNames';
import { isPending } from '../jobs/jobFormat';
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

/** A remix queued or under way: its job, and the number it will have in its family once known. */
interface PendingRemix {
  job: Job;
  version: number | null;
}

/** Where a remix's job stands, in a few words: "queued", "rendering 40%". */
export function pendingState(job: Pick<Job, 'state' | 'progress'>): string {
  const percent = `${Math.round(job.progress * 100)}%`;
  switch (job.state) {
    case 'queued':
      return 'queued';
    case 'submitting':
      return 'starting';
    case 'running':
      return `rendering ${percent}`;
    case 'downloading':
      return `downloading ${percent}`;
    case 'needs_decision':
      return 'needs a decision in Jobs';
    default:
      return job.state;
  }
}

/** A remix on its way, under the clip it remixes, until it lands (or is cancelled). */
function PendingItem({ remix }: { remix: PendingRemix }): JSX.Element {
  const { job, version } = remix;
  const state = pendingState(job);
  return (
    <li className="lineage__item">
      <div className="lineage__row lineage__row--pending" title={`“${job.title}” is ${state}: follow it in Jobs`}>
        <span className="lineage__title">
          {version !== null && <VersionBadge version={version} />} <MiddleTitle title={job.title} tooltip={false} />
        </span>
        <span className="lineage__meta tabular">
          {state} · {providerName(job.provider)}
        </span>
      </div>
    </li>
  );
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
  pending,
  actions,
}: {
  item: TreeItem;
  clipId: number;
  ancestors: readonly number[];
  pending: ReadonlyMap<number, readonly PendingRemix[]>;
  actions: VersionActions;
}): JSX.Element {
  const { node } = item;
  const coming = pending.get(node.id) ?? [];
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
            {/* Each part whole: a narrow inspector puts the date on a line of its own rather than cut it. */}
            <span className="lineage__meta-part">{providerName(node.provider)} ·</span>{' '}
            <span className="lineage__meta-part">{formatDateTime(node.createdAt)}</span>
            {rating !== null && (
              <>
                {' '}
                {/* An image of stars, named apart from the date before it ("4:05 PM · 1 star"). */}
                <span
                  className="lineage__rating lineage__meta-part"
                  role="img"
                  aria-label={`· ${starsName(node.rating ?? 0)}`}
                >
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
      {item.children.length + coming.length > 0 && (
        <ul className="lineage__children">
          {item.children.map((child) => (
            <LineageItem
              key={child.node.id}
              item={child}
              clipId={clipId}
              ancestors={ancestors}
              pending={pending}
              actions={actions}
            />
          ))}
          {coming.map((remix) => (
            <PendingItem key={`job-${remix.job.id}`} remix={remix} />
          ))}
        </ul>
      )}
    </li>
  );
}

/**
 * The inspector's remix tools: Remix, Compare, Versions, what changed, and the clip's lineage as a
 * tree, with the remixes of its versions still queued or rendering (`jobs`: the queue's jobs) under
 * the clips they remix.
 */
export function ClipVersions({
  clip,
  actions,
  jobs = null,
}: {
  clip: Clip;
  actions: VersionActions;
  jobs?: readonly Job[] | null;
}): JSX.Element {
  const { lineage, error } = useLineage(clip.id, clip.projectId);
  const nodes = lineage?.nodes ?? [];
  const coming = (jobs ?? []).filter(
    (job) => isPending(job.state) && job.parentClipId !== null && nodes.some((n) => n.id === job.parentClipId),
  );
  // The numbers they will have: after every version of the family, in the order the queue runs them.
  const family = useLineage(coming.length > 0 ? clip.id : null, clip.projectId, 'family').lineage;
  const pending = new Map<number, PendingRemix[]>();
  for (const [i, job] of coming.entries()) {
    const parent = job.parentClipId ?? 0;
    const version = family === null ? null : family.nodes.length + i + 1;
    pending.set(parent, [...(pending.get(parent) ?? []), { job, version }]);
  }
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
        ) : lineage === null ? null : nodes.length < 2 && coming.length === 0 ? (
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
                <LineageItem
                  key={item.node.id}
                  item={item}
                  clipId={clip.id}
                  ancestors={ancestors}
                  pending={pending}
                  actions={actions}
                />
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

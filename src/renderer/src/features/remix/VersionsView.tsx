import dagre from '@dagrejs/dagre';
import {
  Background,
  Controls,
  Handle,
  MiniMap,
  Position,
  ReactFlow,
  type Edge,
  type Node,
  type NodeProps,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useEffect, useMemo, useRef, type JSX, type KeyboardEvent as ReactKeyboardEvent, type ReactNode } from 'react';
import type { LineageNode } from '../../../../shared/remix/calls';
import { mediaUrl } from '../../api/client';
import { Icon } from '../../components/Icon';
import { MiddleTitle } from '../../components/MiddleTitle';
import { VersionBadge } from '../../components/VersionBadge';
import { formatDateTime } from '../../format/media';
import { modalOpen } from '../../format/shortcuts';
import { useLineage } from './useLineage';
import { providerName } from './versionNames';
import './VersionsView.css';

const NODE_WIDTH = 200;
const NODE_HEIGHT = 184;

type VersionData = { version: LineageNode; current: boolean } & Record<string, unknown>;
type VersionNode = Node<VersionData, 'version'>;

function VersionCard({ data }: NodeProps<VersionNode>): JSX.Element {
  const { version, current } = data;
  const trashed = version.trashedAt !== null;
  return (
    <div
      className={`version-node${current ? ' version-node--current' : ''}${trashed ? ' version-node--trashed' : ''}`}
      aria-current={current ? 'true' : undefined}
      title={trashed ? `“${version.title}” is in the Trash: restore it to open it` : undefined}
    >
      <Handle type="target" position={Position.Top} isConnectable={false} />
      <div className="version-node__poster">
        {version.posterId !== null ? (
          <img src={mediaUrl(version.posterId)} alt="" draggable={false} />
        ) : (
          <Icon name="film" size={24} />
        )}
      </div>
      <div className="version-node__text">
        <span className="version-node__title">
          <VersionBadge version={version.version} />
          <MiddleTitle title={version.title} />
        </span>
        <span className="version-node__meta truncate">
          {providerName(version.provider)}
          {version.rating ? ` · ${'★'.repeat(version.rating)}` : ''}
        </span>
        <span className="version-node__meta truncate tabular">
          {trashed ? <span className="badge">In Trash</span> : formatDateTime(version.createdAt)}
        </span>
      </div>
      <Handle type="source" position={Position.Bottom} isConnectable={false} />
    </div>
  );
}

const nodeTypes = { version: VersionCard };

/**
 * A version's node as screen readers name it: its number in the family (as the Lineage shows it),
 * its title, and whether it is in the Trash.
 */
function versionNodeName(version: LineageNode): string {
  return `v${version.version} · ${version.title}${version.trashedAt !== null ? ' (in the Trash)' : ''}`;
}

/** Enter or Space on a focused version node: the version's clip id, to select it as a click does; else null. */
function versionKeyed(event: ReactKeyboardEvent): number | null {
  if ((event.key !== 'Enter' && event.key !== ' ') || event.altKey || event.ctrlKey || event.metaKey) return null;
  if (!(event.target instanceof HTMLElement) || !event.target.matches('.react-flow__node')) return null;
  const id = Number(event.target.dataset.id);
  return Number.isInteger(id) && id > 0 ? id : null;
}

/** Lays the family out top to bottom, parents above their remixes. */
export function layoutFamily(
  nodes: readonly LineageNode[],
  currentId: number,
): { nodes: VersionNode[]; edges: Edge[] } {
  // dagre writes each node's centre into x and y.
  const graph = new dagre.graphlib.Graph<object, { width: number; height: number; x: number; y: number }, object>();
  graph.setGraph({ rankdir: 'TB', nodesep: 32, ranksep: 56 });
  graph.setDefaultEdgeLabel(() => ({}));
  const ids = new Set(nodes.map((n) => n.id));
  for (const n of nodes) graph.setNode(String(n.id), { width: NODE_WIDTH, height: NODE_HEIGHT, x: 0, y: 0 });
  const edges: Edge[] = [];
  for (const n of nodes) {
    if (n.parentId === null || !ids.has(n.parentId)) continue;
    graph.setEdge(String(n.parentId), String(n.id));
    // The lines say nothing the nodes' places do not: no Tab stop, hidden from screen readers.
    edges.push({
      id: `${n.parentId}-${n.id}`,
      source: String(n.parentId),
      target: String(n.id),
      focusable: false,
      domAttributes: { 'aria-hidden': 'true' },
    });
  }
  dagre.layout(graph);
  return {
    nodes: nodes.map((n) => {
      const at = graph.node(String(n.id));
      return {
        id: String(n.id),
        type: 'version',
        position: { x: at.x - NODE_WIDTH / 2, y: at.y - NODE_HEIGHT / 2 },
        data: { version: n, current: n.id === currentId },
        draggable: false,
        connectable: false,
        // A button to the keyboard and to screen readers: Enter selects the version, as a click does.
        ariaRole: 'button',
        ariaLabel: versionNodeName(n),
        domAttributes: { 'aria-current': n.id === currentId ? 'true' : undefined },
      };
    }),
    edges,
  };
}

interface VersionsViewProps {
  clipId: number;
  projectId: number;
  onSelectVersion: (clipId: number) => void;
  onCompare: (a: number, b: number) => void;
  onClose: () => void;
  viewSwitch: ReactNode;
}

/** The whole family of a clip as a zoomable graph; click a version to select it. */
export function VersionsView({
  clipId,
  projectId,
  onSelectVersion,
  onCompare,
  onClose,
  viewSwitch,
}: VersionsViewProps): JSX.Element {
  const { lineage, error } = useLineage(clipId, projectId, 'family');
  const graph = useMemo(() => (lineage ? layoutFamily(lineage.nodes, clipId) : null), [lineage, clipId]);
  const parentId = lineage?.nodes.find((n) => n.id === clipId)?.parentId ?? null;
  // Opening Versions takes the focus into it, so its keys and Tab start here.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent): void {
      if (event.key === 'Escape' && !modalOpen()) onClose();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [onClose]);

  return (
    <main className="view view--full versions-view">
      <div className="toolbar">
        <div className="toolbar__title">
          {viewSwitch}
          <h1 ref={heading} tabIndex={-1}>
            Versions
          </h1>
          {lineage && <span className="toolbar__meta tabular">{lineage.nodes.length} in this family</span>}
        </div>
        <div className="versions-view__tools">
          <button
            type="button"
            className="btn"
            disabled={parentId === null}
            onClick={() => parentId !== null && onCompare(parentId, clipId)}
          >
            Compare with parent
          </button>
          <button
            type="button"
            className="btn versions-view__close"
            onClick={onClose}
            title="Back to the library (Esc)"
          >
            <Icon name="close" size={14} />
            <span className="btn__label">Close</span>
          </button>
        </div>
      </div>
      <div
        className="versions-view__canvas"
        aria-label="Version graph"
        role="region"
        onKeyDown={(event) => {
          const id = versionKeyed(event);
          if (id === null) return;
          event.preventDefault();
          onSelectVersion(id);
        }}
      >
        {error !== null ? (
          <p className="versions-view__error" role="alert">
            The family of this clip could not be read: {error}
          </p>
        ) : (
          graph && (
            <ReactFlow
              nodes={graph.nodes}
              edges={graph.edges}
              nodeTypes={nodeTypes}
              colorMode="dark"
              fitView
              fitViewOptions={{ padding: 0.2, maxZoom: 1.2 }}
              minZoom={0.05}
              maxZoom={2}
              // A family of hundreds draws only what is on screen.
              onlyRenderVisibleElements={graph.nodes.length > 100}
              nodesDraggable={false}
              nodesConnectable={false}
              edgesFocusable={false}
              onNodeClick={(_, node) => onSelectVersion(Number(node.id))}
              proOptions={{ hideAttribution: true }}
            >
              <Background gap={24} />
              <Controls showInteractive={false} />
              {graph.nodes.length > 12 && <MiniMap pannable zoomable />}
            </ReactFlow>
          )
        )}
      </div>
    </main>
  );
}

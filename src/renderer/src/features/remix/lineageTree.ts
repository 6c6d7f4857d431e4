import type { LineageNode } from '../../../../shared/remix/calls';

export interface TreeItem {
  node: LineageNode;
  children: TreeItem[];
}

/** Nodes (parents listed before children) as a forest; a node whose parent is not listed is a root. */
export function buildTree(nodes: readonly LineageNode[]): TreeItem[] {
  const items = new Map<number, TreeItem>();
  const roots: TreeItem[] = [];
  for (const node of nodes) {
    const item: TreeItem = { node, children: [] };
    items.set(node.id, item);
    const parent = node.parentId === null ? undefined : items.get(node.parentId);
    if (parent) parent.children.push(item);
    else roots.push(item);
  }
  return roots;
}

/** The ids of a clip's ancestors in the listed nodes, nearest first. */
export function ancestorIds(nodes: readonly LineageNode[], clipId: number): number[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const out: number[] = [];
  let at = byId.get(clipId)?.parentId ?? null;
  while (at !== null && !out.includes(at)) {
    out.push(at);
    at = byId.get(at)?.parentId ?? null;
  }
  return out;
}

/**
 * The family's version numbers below the newest listed that the listed nodes lack: versions on
 * other branches of the family, which a clip's line (its ancestors and descendants) leaves out.
 */
export function otherBranchVersions(nodes: readonly LineageNode[]): number[] {
  const listed = new Set(nodes.map((n) => n.version));
  const newest = Math.max(0, ...listed);
  const missing: number[] = [];
  for (let v = 1; v < newest; v++) if (!listed.has(v)) missing.push(v);
  return missing;
}

/** "v3 is on another branch…", "v3 and v5 are…", "v2, v3, v6 and 2 more are…". */
export function otherBranchNote(missing: readonly number[]): string | null {
  if (missing.length === 0) return null;
  const named = missing.slice(0, 3).map((v) => `v${v}`);
  const rest = missing.length - named.length;
  const list =
    rest > 0
      ? `${named.join(', ')} and ${rest} more`
      : named.length === 1
        ? (named[0] ?? '')
        : `${named.slice(0, -1).join(', ')} and ${named.at(-1) ?? ''}`;
  return `${list} ${missing.length === 1 ? 'is on another branch' : 'are on other branches'} of this family: Versions shows them all.`;
}

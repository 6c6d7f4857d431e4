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

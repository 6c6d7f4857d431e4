import type { LineageNode } from '../../../../shared/remix/calls';
import { ProviderId, PROVIDERS } from '../../../../shared/prompt/providers';

/** A provider's name as the studio shows it elsewhere; imports and unknown ids as they are. */
export function providerName(provider: string): string {
  if (provider === 'import') return 'Imported';
  const known = ProviderId.safeParse(provider);
  return known.success ? PROVIDERS[known.data].label : provider;
}

/** v1, v2, … in the order a family's versions were made, so versions with one title can be told apart. */
export function versionNumbers(nodes: readonly LineageNode[]): Map<number, string> {
  const ordered = [...nodes].sort((x, y) => x.createdAt - y.createdAt || x.id - y.id);
  return new Map(ordered.map((n, i) => [n.id, `v${i + 1}`]));
}

import type { LineageNode } from '../../../../shared/remix/calls';
import { ProviderId, PROVIDERS } from '../../../../shared/prompt/providers';
import { baseTitle, titleVersion, versionOrder } from '../../../../shared/remix/versionTitle';
import { formatDateTime } from '../../format/media';

/** A provider's name as the studio shows it elsewhere; imports and unknown ids as they are. */
export function providerName(provider: string): string {
  if (provider === 'import') return 'Imported';
  const known = ProviderId.safeParse(provider);
  return known.success ? PROVIDERS[known.data].label : provider;
}

/**
 * v1, v2, … in the order a family's versions were made, for versions that share their title with
 * another (remixes made before remixes were numbered in their titles, versionTitle.ts); a version
 * whose title is its own needs no number and has none here.
 */
export function versionNumbers(nodes: readonly LineageNode[]): Map<number, string> {
  const order = versionOrder(nodes);
  const titles = new Map(nodes.map((n) => [n.id, n.title]));
  const count = new Map<string, number>();
  for (const n of nodes) count.set(n.title, (count.get(n.title) ?? 0) + 1);
  return new Map(
    [...order].flatMap(([id, version]): [number, string][] =>
      (count.get(titles.get(id) ?? '') ?? 0) > 1 ? [[id, `v${version}`]] : [],
    ),
  );
}

/** A version as pickers and captions name it: "v2 · Lighthouse" where titles repeat, else the title. */
export function versionName(node: Pick<LineageNode, 'id' | 'title'>, numbers: ReadonlyMap<number, string>): string {
  const number = numbers.get(node.id);
  return number === undefined ? node.title : `${number} · ${node.title}`;
}

/**
 * A version as Compare's pickers list it, every option alike: "v2 · Lighthouse at dusk · Dec 3,
 * 2026, 8:14 PM", its number first (so a name cut at its end still says which it is), then its
 * title without the number it carries, then when it was made. The number is the one its title
 * carries, else its number in the family; without either (a clip whose family has not loaded
 * yet) the option starts with the title.
 */
export function pickerName(node: { title: string; createdAt: number; version?: number }): string {
  const number = titleVersion(node.title) ?? node.version;
  const named = `${baseTitle(node.title)} · ${formatDateTime(node.createdAt)}`;
  return number === undefined ? named : `v${number} · ${named}`;
}

/**
 * How a remix is named: a version that keeps its parent's title is told apart by a version
 * number, "Lighthouse at dusk v2", counted over its whole family in the order versions were
 * made (the first version is v1 without saying so). A remix whose prompt gives it a title of its
 * own keeps that title. The Lineage tree, the Versions graph and Compare all show these titles.
 */

const SUFFIX = / v(\d+)$/;

/** The title without its version number: "Lighthouse at dusk v3" → "Lighthouse at dusk". */
export function baseTitle(title: string): string {
  return title.trim().replace(SUFFIX, '');
}

/** The version number a title carries; null for one without. */
export function titleVersion(title: string): number | null {
  const match = SUFFIX.exec(title.trim());
  return match ? Number(match[1]) : null;
}

const same = (a: string, b: string): boolean => a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;

/**
 * The title a new remix gets. `familyTitles`: the titles of every version in its family, itself
 * included. Numbers never repeat, even after a version was deleted for good.
 */
export function remixTitle(title: string, parentTitle: string, familyTitles: readonly string[]): string {
  const base = baseTitle(parentTitle);
  if (!same(baseTitle(title), base)) return title;
  const taken = familyTitles.filter((t) => same(baseTitle(t), base)).map((t) => titleVersion(t) ?? 1);
  const next = Math.max(familyTitles.length, ...taken.map((n) => n + 1));
  return `${base} v${next}`;
}

/**
 * Each version's number in its family: v1 for the first made (the original), then 2, 3… in the
 * order versions were made (oldest first; the lower id on a tie). `family`: every version in it.
 */
export function versionOrder(family: readonly { id: number; createdAt: number }[]): Map<number, number> {
  const ordered = [...family].sort((x, y) => x.createdAt - y.createdAt || x.id - y.id);
  return new Map(ordered.map((v, i) => [v.id, i + 1]));
}

/** Two versions' drift reports side by side: the same direction on both sides in one row. */
import type { DriftDirection, DriftReport } from '../../../../shared/cues/drift';

export interface DriftPair {
  label: string;
  a: DriftDirection | null;
  b: DriftDirection | null;
}

/** Labels compare as a prompt's Audio: line writes them: any case, commas and spacing aside. */
function key(label: string): string {
  return label.replace(/[,;]+/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** A report with something measured or listed; null for one that has nothing to compare. */
function listed(report: DriftReport | null): readonly DriftDirection[] {
  return report && (report.state === 'measured' || report.state === 'no_sound') ? report.directions : [];
}

/**
 * Pairs A's and B's directions: the n-th "door slam" of A with the n-th of B, in the order they
 * were asked for; one only a side asked for has the other side empty. Rows in asked order.
 */
export function pairDrift(a: DriftReport | null, b: DriftReport | null): DriftPair[] {
  const byAsked = (x: DriftDirection, y: DriftDirection): number => x.askedMs - y.askedMs;
  const left = [...listed(a)].sort(byAsked);
  const right = [...listed(b)].sort(byAsked);
  const taken = new Set<number>();
  const pairs: DriftPair[] = left.map((direction) => {
    const match = right.findIndex((other, i) => !taken.has(i) && key(other.label) === key(direction.label));
    if (match >= 0) taken.add(match);
    return { label: direction.label, a: direction, b: right[match] ?? null };
  });
  right.forEach((direction, i) => {
    if (!taken.has(i)) pairs.push({ label: direction.label, a: null, b: direction });
  });
  const at = (pair: DriftPair): number => pair.a?.askedMs ?? pair.b?.askedMs ?? 0;
  return pairs.sort((x, y) => at(x) - at(y));
}

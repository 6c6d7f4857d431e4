const UNITS = ['KB', 'MB', 'GB', 'TB'] as const;

/** A file size the way file managers show it: 1,000-based units, one decimal below 10. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value).toLocaleString('en')} ${UNITS[unit] ?? 'TB'}`;
}

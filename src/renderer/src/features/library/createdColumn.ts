import { formatDateTime } from '../../format/media';

/**
 * The dates the Created column may show that are widest in this locale: every month, with a
 * two-digit day and the latest hour and minute of a day (the 12-hour clock's "11:59 PM" too).
 */
export function widestDateCandidates(year = 2026): string[] {
  const dates: string[] = [];
  for (let month = 0; month < 12; month++)
    for (const hour of [11, 23]) dates.push(formatDateTime(new Date(year, month, 28, hour, 58).getTime()));
  return dates;
}

/**
 * How wide the Created column must be to show any date whole in `font` (the cell's own), padding
 * included: sized to its content, so the title beside it gets the rest. Null where the page cannot
 * measure text (the column then keeps its width in the style sheet).
 */
export function createdColumnWidth(font: string, padding: number): number | null {
  const context = document.createElement('canvas').getContext('2d');
  if (!context) return null;
  context.font = font;
  let widest = 0;
  for (const text of widestDateCandidates()) widest = Math.max(widest, context.measureText(text).width);
  return Math.ceil(widest + padding) + 2;
}

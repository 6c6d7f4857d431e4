/** "time_of_day" → "Time of day": the label a creator reads for a variable. */
export function variableLabel(name: string): string {
  const words = name
    .replace(/_+/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

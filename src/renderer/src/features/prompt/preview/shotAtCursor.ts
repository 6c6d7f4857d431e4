import { parse } from '../../../../../shared/prompt/parse';

/** The zero-based shot whose block holds the cursor: the last one that starts at or before it. */
export function shotAtCursor(text: string, cursor: number): number {
  const shots = parse(text).source.shots;
  let found = 0;
  shots.forEach((shot, i) => {
    if (shot.block.from <= cursor) found = i;
  });
  return found;
}

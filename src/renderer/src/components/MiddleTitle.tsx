import type { JSX } from 'react';
import { titleParts, type TitleEnd } from '../format/titleParts';
import './MiddleTitle.css';

/**
 * A title that truncates in the middle: its last words (where versions differ) stay in view and
 * the whole title is its tooltip. Reads as one text to assistive technology.
 */
export function MiddleTitle({
  title,
  className,
  tooltip = true,
  keep = 'words',
}: {
  title: string;
  className?: string;
  /** What of the end stays: the last words, or only a closing aside such as " (imported)". */
  keep?: TitleEnd;
  /** False where the element around it has a tooltip of its own that names the whole title. */
  tooltip?: boolean;
}): JSX.Element {
  const { head, tail } = titleParts(title, keep);
  return (
    <span className={`middle-title${className ? ` ${className}` : ''}`} title={tooltip ? title : undefined}>
      <span className="middle-title__head">{head}</span>
      {tail !== '' && <span className="middle-title__tail">{tail}</span>}
    </span>
  );
}

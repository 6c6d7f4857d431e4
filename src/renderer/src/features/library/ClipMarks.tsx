import type { JSX } from 'react';
import type { Clip } from '../../../../shared/domain';
import type { SnippetPart } from '../../../../shared/library/organise';
import { aroundFirstMatch } from './snippetWindow';
import './ClipMarks.css';

export const COLOR_NAMES = {
  red: 'Red',
  orange: 'Orange',
  yellow: 'Yellow',
  green: 'Green',
  blue: 'Blue',
  purple: 'Purple',
} as const;

/** Stars, flag and colour label as compact read-only marks for a card or a list row. */
export function ClipMarks({ clip }: { clip: Clip }): JSX.Element | null {
  if (clip.rating === null && clip.flag === null && clip.colorLabel === null) return null;
  return (
    <span className="clip-marks">
      {clip.colorLabel !== null && (
        <span
          className={`color-dot color-dot--${clip.colorLabel}`}
          role="img"
          aria-label={`${COLOR_NAMES[clip.colorLabel]} label`}
        />
      )}
      {clip.rating !== null && <Stars rating={clip.rating} />}
      {clip.flag === 'pick' && <span className="clip-marks__flag clip-marks__flag--pick">Pick</span>}
      {clip.flag === 'reject' && <span className="clip-marks__flag clip-marks__flag--reject">Reject</span>}
    </span>
  );
}

export function Stars({ rating }: { rating: number }): JSX.Element {
  return (
    <span className="stars" role="img" aria-label={rating === 1 ? '1 star' : `${rating} stars`}>
      {'★'.repeat(rating)}
      <span className="stars__empty">{'★'.repeat(5 - rating)}</span>
    </span>
  );
}

export function TagChips({ tags, max = 3 }: { tags: readonly string[]; max?: number }): JSX.Element | null {
  if (tags.length === 0) return null;
  const shown = tags.slice(0, max);
  return (
    <span className="tag-chips" aria-label={`Tags: ${tags.join(', ')}`}>
      {shown.map((tag) => (
        <span key={tag} className="tag-chip" aria-hidden="true">
          {tag}
        </span>
      ))}
      {tags.length > max && (
        <span className="tag-chip tag-chip--more" aria-hidden="true">
          +{tags.length - max}
        </span>
      )}
    </span>
  );
}

/** What a search matched, the matching words marked; the first match stands near the start, so it shows. */
export function Snippet({ parts }: { parts: readonly SnippetPart[] }): JSX.Element {
  return (
    <span className="snippet" title={parts.map((part) => part.text).join('')}>
      {aroundFirstMatch(parts).map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
    </span>
  );
}

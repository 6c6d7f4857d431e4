import type { JSX } from 'react';
import { SPRITE_TILES } from '../../../../shared/sprite';
import { mediaUrl } from '../../api/client';

interface Props {
  spriteId: string;
  /** The clip's picture size, so the tile sits exactly over the poster (both fitted, not cropped). */
  width: number;
  height: number;
  /** The card's 16:9 poster box. */
  boxAspect: number;
  tile: number;
  /** Where the pointer is, 0–1 across the card, for the position line. */
  fraction: number;
}

/** One frame of the clip from its sprite sheet, over the card's poster while the pointer scrubs. */
export function SpriteScrub({ spriteId, width, height, boxAspect, tile, fraction }: Props): JSX.Element {
  const aspect = width > 0 && height > 0 ? width / height : boxAspect;
  const wide = aspect >= boxAspect;
  return (
    <div className="clip-card__scrub" aria-hidden="true" data-tile={tile}>
      <div
        className="clip-card__scrub-frame"
        style={{
          aspectRatio: `${width} / ${height}`,
          ...(wide ? { width: '100%' } : { height: '100%' }),
          backgroundImage: `url("${mediaUrl(spriteId)}")`,
          backgroundSize: `${SPRITE_TILES * 100}% 100%`,
          backgroundPosition: `${(tile / (SPRITE_TILES - 1)) * 100}% 0`,
        }}
      />
      <div className="clip-card__scrub-line" style={{ left: `${Math.min(100, Math.max(0, fraction * 100))}%` }} />
    </div>
  );
}

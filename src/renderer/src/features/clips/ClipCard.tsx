import { memo, useRef, useState, type JSX, type MouseEvent, type PointerEvent } from 'react';
import type { Clip } from '../../../../shared/domain';
import type { SnippetPart } from '../../../../shared/library/organise';
import { CARD_POSTER_WIDTH } from '../../../../shared/library/cardPoster';
import { ClipMarks, Snippet, TagChips } from '../library/ClipMarks';
import { mediaUrl } from '../../api/client';
import { Icon } from '../../components/Icon';
import { InlineEdit } from '../../components/InlineEdit';
import { formatClipLength, formatFps, formatResolution, isAudioOnly } from '../../format/media';
import { deleteKey } from '../../format/shortcuts';
import { spriteTileAt } from '../../../../shared/sprite';
import { requestSprite, useSpriteProgress } from './spriteSheets';
import { SpriteScrub } from './SpriteScrub';
import { MiddleTitle } from '../../components/MiddleTitle';

const POSTER_ASPECT = 16 / 9;

export interface ChooseHow {
  toggle: boolean;
  range: boolean;
  /**
   * Opened (Enter on the clip, or a double-click), not just chosen by a click or the arrow keys:
   * the clip's timeline takes the keys, so arrows, Home and End move its playhead. A chosen clip
   * keeps the keys in the library: Delete, the arrows, 0–5, P and X act on the selection.
   */
  open?: boolean;
}

/**
 * Whether a click on a clip opens it: a click the keyboard made (Enter on the clip: `detail` 0)
 * or the second of a double-click. A single click only chooses it.
 */
export function opensClip(event: { detail: number; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean }): boolean {
  return event.detail !== 1 && !event.ctrlKey && !event.metaKey && !event.shiftKey;
}

/**
 * What a card can ask of the grid. One object for every card, the same from render to render,
 * so a card re-renders only when its own clip or state changes, not on every scrolled row.
 */
export interface CardActions {
  choose(clip: Clip, index: number, how: ChooseHow): void;
  startRename(clip: Clip): void;
  endRename(index: number): void;
  rename(clip: Clip, title: string): Promise<void>;
  askDelete(clip: Clip): void;
}

interface ClipCardProps {
  clip: Clip;
  /** Where the clip sits in the whole library query (0-based). */
  index: number;
  /** How many clips the query finds, for assistive technology; omitted outside a query. */
  total?: number;
  /** What a search matched in this clip, if searching. */
  snippet?: readonly SnippetPart[] | null;
  selected: boolean;
  tabStop: boolean;
  renaming: boolean;
  /** While true, a card whose poster has not started loading shows an empty poster box instead. */
  deferPoster?: boolean;
  actions: CardActions;
}

/** One clip in the grid: poster with duration, title and the technical line underneath. */
export const ClipCard = memo(function ClipCard({
  clip,
  index,
  total,
  snippet = null,
  selected,
  tabStop,
  renaming,
  deferPoster = false,
  actions,
}: ClipCardProps): JSX.Element {
  const [posterFailed, setPosterFailed] = useState(false);
  // Once asked for, a poster stays: a card keeps its picture when the grid is flung again.
  const [posterWanted, setPosterWanted] = useState(!deferPoster);
  if (!deferPoster && !posterWanted) setPosterWanted(true);
  const audio = isAudioOnly(clip);
  const details = audio
    ? ['Audio', clip.audioCodec?.toUpperCase() ?? null]
    : [formatResolution(clip), formatFps(clip.fps)];
  const meta = details.filter((part): part is string => part !== null).join(' · ');
  const showPoster = clip.posterId !== null && !posterFailed;
  const poster = useRef<HTMLDivElement>(null);
  const [scrub, setScrub] = useState<number | null>(null);
  // The rename and delete buttons exist only while the card is pointed at or focused: a scrolled-in
  // card is that much less to build, style and lay out.
  const [pointed, setPointed] = useState(false);
  const [focused, setFocused] = useState(false);
  const sprite = useSpriteProgress(clip.id);
  const spriteId = clip.spriteId ?? sprite?.spriteId ?? null;
  const hasPicture = !audio && clip.width !== null && clip.height !== null;

  const hit = useRef<HTMLButtonElement>(null);
  // A click anywhere on the card leaves focus on it, so the library's keys act on the clip chosen.
  const onSelect = (event: MouseEvent, open: boolean): void => {
    const toggle = event.ctrlKey || event.metaKey;
    if (document.activeElement !== hit.current) hit.current?.focus({ preventScroll: true });
    actions.choose(clip, index, { toggle, range: event.shiftKey, open });
  };
  const onRenameStart = (): void => actions.startRename(clip);

  // The pointer anywhere over the card scrubs: its place across the poster picks the frame.
  function onPointerMove(event: PointerEvent): void {
    if (!hasPicture || spriteId === null || renaming) return;
    const box = poster.current?.getBoundingClientRect();
    if (!box || box.width === 0) return;
    setScrub(Math.min(1, Math.max(0, (event.clientX - box.left) / box.width)));
  }

  return (
    <div
      role="listitem"
      className={`clip-card${selected ? ' clip-card--selected' : ''}`}
      data-clip-id={clip.id}
      {...(total === undefined ? {} : { 'aria-posinset': index + 1, 'aria-setsize': total })}
      onPointerEnter={() => {
        setPointed(true);
        // A clip from before imports had sprite sheets (or whose sheet failed) gets one now.
        if (hasPicture && spriteId === null) requestSprite(clip.id);
      }}
      onPointerMove={onPointerMove}
      onPointerLeave={() => {
        setPointed(false);
        setScrub(null);
      }}
      onFocus={() => setFocused(true)}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget)) setFocused(false);
      }}
    >
      <button
        type="button"
        className="clip-card__hit"
        data-clip-button={clip.id}
        aria-label={clip.title}
        aria-description={`${formatClipLength(clip.durationMs)}${meta ? `, ${meta}` : ''}`}
        aria-current={selected ? 'true' : undefined}
        tabIndex={tabStop ? 0 : -1}
        ref={hit}
        title={`${clip.title}\nEnter or double-click open · F2 rename · ${deleteKey} delete · arrows move`}
        onClick={(event) => onSelect(event, opensClip(event))}
      />
      <div className="clip-card__poster" ref={poster}>
        {showPoster && !posterWanted ? (
          <div className="clip-card__placeholder" />
        ) : showPoster && clip.posterId !== null ? (
          <img
            // The card-sized copy: a quarter of the full poster's pixels to decode as the grid scrolls.
            src={mediaUrl(clip.cardPosterId ?? clip.posterId)}
            alt=""
            // Sized like the 16:9 box it fills, and decoded off the frame that scrolls it in. Not lazy:
            // the grid only builds cards near the screen, so watching each one for visibility is waste.
            width={CARD_POSTER_WIDTH}
            height={(CARD_POSTER_WIDTH * 9) / 16}
            decoding="async"
            draggable={false}
            onError={() => setPosterFailed(true)}
          />
        ) : (
          <div className="clip-card__placeholder">
            <Icon name={audio ? 'audio' : 'film'} size={32} strokeWidth={1.2} />
          </div>
        )}
        {scrub !== null && spriteId !== null && clip.width !== null && clip.height !== null && (
          <SpriteScrub
            spriteId={spriteId}
            width={clip.width}
            height={clip.height}
            boxAspect={POSTER_ASPECT}
            tile={spriteTileAt(scrub)}
            fraction={scrub}
          />
        )}
        {spriteId === null && sprite?.state === 'computing' && (
          <div
            className="clip-card__sprite-progress"
            role="progressbar"
            aria-label="Making the hover preview"
            aria-valuenow={Math.round(sprite.fraction * 100)}
            aria-valuemin={0}
            aria-valuemax={100}
          >
            <span style={{ width: `${sprite.fraction * 100}%` }} />
          </div>
        )}
        <span className="clip-card__duration tabular">{formatClipLength(clip.durationMs)}</span>
      </div>
      <div className="clip-card__info">
        {renaming ? (
          <InlineEdit
            label="Clip title"
            field="title"
            initial={clip.title}
            onSubmit={async (title) => {
              await actions.rename(clip, title);
              actions.endRename(index);
            }}
            onCancel={() => actions.endRename(index)}
          />
        ) : (
          <p
            className="clip-card__title"
            title={`${clip.title}\nDouble-click or F2 to rename`}
            // A double-click on the title renames rather than opens.
            onClick={(event) => onSelect(event, false)}
            onDoubleClick={onRenameStart}
          >
            {/* Cut in the middle: versions of a clip differ at the end of their titles. */}
            <MiddleTitle title={clip.title} tooltip={false} />
          </p>
        )}
        <p className="clip-card__meta truncate tabular">{meta || '\u00a0'}</p>
        <div className="clip-card__marks">
          <ClipMarks clip={clip} />
          {/* Beside stars and a flag there is room for one tag to read whole. */}
          <TagChips tags={clip.tags} max={clip.rating !== null || clip.flag !== null ? 1 : 2} />
        </div>
        {/* What a search matched, on a line of its own under the marks (the grid makes the room). */}
        {snippet && <Snippet parts={snippet} />}
      </div>
      {(pointed || focused) && (
        <div className="clip-card__actions">
          <button
            type="button"
            className="icon-btn"
            tabIndex={-1}
            aria-label="Rename clip"
            title="Rename (F2)"
            onClick={onRenameStart}
          >
            <Icon name="pencil" size={14} />
          </button>
          <button
            type="button"
            className="icon-btn icon-btn--danger"
            tabIndex={-1}
            aria-label="Delete clip"
            title={`Delete… (${deleteKey})`}
            onClick={() => actions.askDelete(clip)}
          >
            <Icon name="trash" size={14} />
          </button>
        </div>
      )}
    </div>
  );
});

import { useRef, useState, type JSX, type MouseEvent, type PointerEvent } from 'react';
import type { Clip } from '../../../../shared/domain';
import type { SnippetPart } from '../../../../shared/library/organise';
import { ClipMarks, Snippet, TagChips } from '../library/ClipMarks';
import { mediaUrl } from '../../api/client';
import { Icon } from '../../components/Icon';
import { InlineEdit } from '../../components/InlineEdit';
import { formatClipLength, formatFps, formatResolution, isAudioOnly } from '../../format/media';
import { deleteKey } from '../../format/shortcuts';
import { spriteTileAt } from '../../../../shared/sprite';
import { requestSprite, useSpriteProgress } from './spriteSheets';
import { SpriteScrub } from './SpriteScrub';

const POSTER_ASPECT = 16 / 9;

interface ClipCardProps {
  clip: Clip;
  /** What a search matched in this clip, if searching. */
  snippet?: readonly SnippetPart[] | null;
  /** Position in the whole library query (1-based) and its size, for assistive technology. */
  position?: { index: number; total: number };
  selected: boolean;
  tabStop: boolean;
  renaming: boolean;
  onSelect: (event: MouseEvent) => void;
  onRenameStart: () => void;
  onRenameEnd: () => void;
  onRename: (title: string) => Promise<void>;
  onAskDelete: () => void;
}

/** One clip in the grid: poster with duration, title and the technical line underneath. */
export function ClipCard({
  clip,
  snippet = null,
  position,
  selected,
  tabStop,
  renaming,
  onSelect,
  onRenameStart,
  onRenameEnd,
  onRename,
  onAskDelete,
}: ClipCardProps): JSX.Element {
  const [posterFailed, setPosterFailed] = useState(false);
  const audio = isAudioOnly(clip);
  const details = audio
    ? ['Audio', clip.audioCodec?.toUpperCase() ?? null]
    : [formatResolution(clip), formatFps(clip.fps)];
  const meta = details.filter((part): part is string => part !== null).join(' · ');
  const showPoster = clip.posterId !== null && !posterFailed;
  const poster = useRef<HTMLDivElement>(null);
  const [scrub, setScrub] = useState<number | null>(null);
  const sprite = useSpriteProgress(clip.id);
  const spriteId = clip.spriteId ?? sprite?.spriteId ?? null;
  const hasPicture = !audio && clip.width !== null && clip.height !== null;

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
      {...(position ? { 'aria-posinset': position.index, 'aria-setsize': position.total } : {})}
      onPointerEnter={() => {
        // A clip from before imports had sprite sheets (or whose sheet failed) gets one now.
        if (hasPicture && spriteId === null) requestSprite(clip.id);
      }}
      onPointerMove={onPointerMove}
      onPointerLeave={() => setScrub(null)}
    >
      <button
        type="button"
        className="clip-card__hit"
        data-clip-button={clip.id}
        aria-label={clip.title}
        aria-description={`${formatClipLength(clip.durationMs)}${meta ? `, ${meta}` : ''}`}
        aria-current={selected ? 'true' : undefined}
        tabIndex={tabStop ? 0 : -1}
        title={`${clip.title}\nEnter open · F2 rename · ${deleteKey} delete · arrows move`}
        onClick={onSelect}
      />
      <div className="clip-card__poster" ref={poster}>
        {showPoster && clip.posterId !== null ? (
          <img
            src={mediaUrl(clip.posterId)}
            alt=""
            loading="lazy"
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
              await onRename(title);
              onRenameEnd();
            }}
            onCancel={onRenameEnd}
          />
        ) : (
          <p
            className="clip-card__title truncate"
            title={`${clip.title}\nDouble-click or F2 to rename`}
            onClick={onSelect}
            onDoubleClick={onRenameStart}
          >
            {clip.title}
          </p>
        )}
        <p className="clip-card__meta truncate tabular">{meta || '\u00a0'}</p>
        {snippet ? (
          <Snippet parts={snippet} />
        ) : (
          <div className="clip-card__marks">
            <ClipMarks clip={clip} />
            <TagChips tags={clip.tags} max={2} />
          </div>
        )}
      </div>
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
          onClick={onAskDelete}
        >
          <Icon name="trash" size={14} />
        </button>
      </div>
    </div>
  );
}

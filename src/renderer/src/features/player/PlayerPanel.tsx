import { useCallback, useEffect, useRef, useState, type JSX, type ReactNode } from 'react';
import type { Clip } from '../../../../shared/domain';
import { mediaUrl } from '../../api/client';
import { EmptyState } from '../../components/EmptyState';
import { Icon } from '../../components/Icon';
import { formatTime } from '../../../../shared/time';
import {
  formatClipLength,
  formatCodec,
  formatDateTime,
  formatFps,
  formatResolution,
  isAudioOnly,
} from '../../format/media';
import { isTextEntry, modalOpen } from '../../format/shortcuts';
import { stepFrames } from '../cues/cueTime';
import { useMediaTime } from '../cues/useMediaTime';
import { ClipOrganiser } from '../library/ClipOrganiser';
import { RenderReportSection } from './RenderReportSection';
import { ExportClipButton } from '../exports/ExportClipButton';
import './PlayerPanel.css';

/** Keys the viewer answers anywhere in the window, NLE-style, unless a field or dialog has them. */
function wantsKey(event: KeyboardEvent): boolean {
  if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return false;
  if (modalOpen() || isTextEntry(event.target)) return false;
  const target = event.target;
  // The video's own controls and form controls (checkboxes) already handle Space themselves.
  if (target instanceof HTMLVideoElement || target instanceof HTMLInputElement || target instanceof HTMLSelectElement)
    return false;
  // So do buttons (Pick, a colour label, a star), except a clip's card or row in the library,
  // which is chosen already: Space there plays it.
  if (event.key === ' ' && target instanceof HTMLElement && target.closest('[data-clip-id]') === null) {
    if (
      target.closest(
        'button, a[href], [role="button"], [role="radio"], [role="checkbox"], [role="switch"], [role="tab"], [role="menuitem"], [role="option"]',
      )
    )
      return false;
  }
  return true;
}

interface Props {
  clip: Clip | null;
  /** Told the player's media element as it comes and goes, for the cue timeline to drive. */
  onMedia?: (media: HTMLVideoElement | null) => void;
  /** More sections about the clip, under its details (versions and lineage). */
  children?: ReactNode;
  /** What the panel says with no clip, where "select a clip" would not fit (the Trash). */
  empty?: { title: string; text: string };
  /** More actions on the clip, beside Export (Move to…). */
  actions?: ReactNode;
}

const NO_CLIP = { title: 'No clip selected', text: 'Select a clip to play it here and see its details.' };

export function PlayerPanel({ clip, onMedia, children, empty = NO_CLIP, actions }: Props): JSX.Element {
  const video = useRef<HTMLVideoElement>(null);
  // Remembered per clip, so choosing another clip clears it without an effect.
  const [failure, setFailure] = useState<{ clipId: number; message: string } | null>(null);
  const failed = clip && failure?.clipId === clip.id ? failure.message : null;
  // The player's own controls round to whole seconds (a half-second clip reads 0:00 / 0:00):
  // this readout shows tenths, as the cards do.
  const [element, setElement] = useState<HTMLVideoElement | null>(null);
  const [played, setPlayed] = useState<{ media: HTMLVideoElement | null; ms: number }>({ media: null, ms: 0 });
  const onTime = useCallback((ms: number) => setPlayed({ media: element, ms }), [element]);
  useMediaTime(element, onTime);
  const playedMs = played.media === element && element !== null ? played.ms : 0;

  useEffect(() => {
    if (!clip) return;
    const fps = clip.fps && clip.fps > 0 ? clip.fps : 25;
    function onKeyDown(event: KeyboardEvent): void {
      const player = video.current;
      if (!player || !wantsKey(event)) return;
      if (event.key === ' ') {
        event.preventDefault();
        if (player.paused || player.ended) void player.play().catch(() => undefined);
        else player.pause();
      } else if (event.key === ',' || event.key === '.') {
        event.preventDefault();
        player.pause();
        // Counted in frames as the timeline's arrow keys count them, so both land on the same frame start.
        const nextMs = stepFrames(player.currentTime * 1000, fps, event.key === '.' ? 1 : -1);
        const endMs = Number.isFinite(player.duration) ? player.duration * 1000 : nextMs;
        player.currentTime = Math.max(0, Math.min(endMs, nextMs)) / 1000;
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [clip]);

  const audio = clip ? isAudioOnly(clip) : false;
  const rows: [string, string | null][] = clip
    ? [
        ['Duration', formatTime(clip.durationMs)],
        ['Resolution', formatResolution(clip)],
        ['Frame rate', formatFps(clip.fps)],
        ['Video codec', formatCodec(clip.videoCodec)],
        ['Audio codec', formatCodec(clip.audioCodec)],
        ['Format', clip.mimeType],
        ['Created', formatDateTime(clip.createdAt)],
        [
          'Source',
          clip.provider === 'import' ? 'Imported file' : [clip.provider, clip.model].filter(Boolean).join(' · '),
        ],
        ['Seed', clip.seed !== null ? String(clip.seed) : null],
      ]
    : [];

  return (
    <aside className="inspector" aria-label="Inspector">
      <div className="panel-head">
        <h2 className="eyebrow">Viewer</h2>
      </div>
      <div className="viewer">
        {clip ? (
          <>
            {audio && (
              <div className="viewer__audio-glyph" aria-hidden="true">
                <Icon name="audio" size={40} strokeWidth={1.1} />
              </div>
            )}
            <video
              key={clip.id}
              ref={(element) => {
                video.current = element;
                setElement(element);
                onMedia?.(element);
              }}
              className="viewer__video"
              aria-label="Player"
              controls
              preload="metadata"
              playsInline
              src={mediaUrl(clip.mediaId)}
              {...(clip.posterId !== null ? { poster: mediaUrl(clip.posterId) } : {})}
              onError={() =>
                setFailure({
                  clipId: clip.id,
                  message: `This clip cannot be played here${clip.videoCodec ? ` (${formatCodec(clip.videoCodec) ?? clip.videoCodec})` : ''}. It is still safe in your library.`,
                })
              }
            />
            {failed !== null && (
              <div className="viewer__error" role="alert">
                <Icon name="warning" />
                <p>{failed}</p>
              </div>
            )}
          </>
        ) : (
          <EmptyState compact icon="play" title={empty.title}>
            {empty.text}
          </EmptyState>
        )}
      </div>
      {clip && (
        <div className="viewer__keys">
          <span aria-hidden="true">
            <kbd>Space</kbd> play / pause
          </span>
          <span aria-hidden="true">
            <kbd>,</kbd> <kbd>.</kbd> step a frame
          </span>
          <span className="viewer__time tabular" role="timer" aria-label="Playback time">
            {formatClipLength(Math.min(playedMs, clip.durationMs))} / {formatClipLength(clip.durationMs)}
          </span>
        </div>
      )}
      {clip && (
        <section className="inspector__details" aria-label="Clip details">
          <h3 className="inspector__title" title={clip.title}>
            {clip.title}
          </h3>
          <div className="inspector__actions">
            <ExportClipButton clip={clip} />
            {actions}
          </div>
          <ClipOrganiser key={clip.id} clip={clip} />
          {children}
          {/* First, so words the engine did not understand are seen without scrolling. */}
          <RenderReportSection clipId={clip.id} />
          <dl className="props">
            {rows
              .filter((row): row is [string, string] => row[1] !== null && row[1] !== '')
              .map(([label, value]) => (
                <div key={label} className="props__row">
                  <dt>{label}</dt>
                  <dd className="tabular">{value}</dd>
                </div>
              ))}
          </dl>
          {clip.promptText && (
            <div className="inspector__prompt">
              <h4 className="eyebrow">Prompt</h4>
              <p>{clip.promptText}</p>
            </div>
          )}
        </section>
      )}
    </aside>
  );
}

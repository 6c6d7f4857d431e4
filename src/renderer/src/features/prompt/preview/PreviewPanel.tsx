import { useState, type JSX } from 'react';
import { PREVIEW_HEIGHT, PREVIEW_WIDTH } from '../../../../../shared/preview';
import { formatElapsed } from '../../../../../shared/time';
import { Icon } from '../../../components/Icon';
import { modKey } from '../../../format/shortcuts';
import { REPORT_FIELD_LABEL } from '../../../format/reportField';
import { sentence } from '../../../format/sentence';
import type { LivePreview, PreviewStatus } from './useLivePreview';
import './PreviewPanel.css';

/** The Play shortcut as the tooltip shows it. */
export const PLAY_SHORTCUT = modKey('Shift+P');

interface PreviewPanelProps {
  preview: LivePreview;
  /** Plays the whole prompt from its first shot. */
  onPlayAll: () => void;
  /** Plays the shot shown again. */
  onReplay: (shot: number | null) => void;
}

function what(status: PreviewStatus): string {
  switch (status.kind) {
    case 'empty':
    case 'idle':
      return '';
    case 'drawing':
    case 'failed':
      return status.target.shot === null ? 'Whole prompt' : `Shot ${status.target.shot + 1}`;
    case 'playing':
    case 'ended': {
      const { info, target } = status;
      return target.shot === null
        ? `Whole prompt · ${info.shots} shot${info.shots === 1 ? '' : 's'}`
        : `Shot ${target.shot + 1} of ${info.shots}`;
    }
  }
}

/** A small moving preview of the shot under the cursor, with its sound; Play runs the whole prompt. */
export function PreviewPanel({ preview, onPlayAll, onReplay }: PreviewPanelProps): JSX.Element {
  const { status, time, muted, setMuted, setImage, stop } = preview;
  const playingAll = (status.kind === 'playing' || status.kind === 'drawing') && status.target.shot === null;
  const hasPicture = status.kind === 'playing' || status.kind === 'ended';
  const label = what(status);

  return (
    <section className="live-preview" aria-label="Live preview">
      <header className="pane-head">
        <h2 className="eyebrow">Preview</h2>
        <span className="pane-head__meta tabular" aria-live="polite">
          {label}
        </span>
        <div className="live-preview__actions">
          <button
            type="button"
            className="icon-btn live-preview__icon"
            aria-label={muted ? 'Turn preview sound on' : 'Turn preview sound off'}
            aria-pressed={!muted}
            title={muted ? 'Sound off' : 'Sound on'}
            onClick={() => setMuted(!muted)}
          >
            <Icon name={muted ? 'offline' : 'audio'} />
          </button>
          <button
            type="button"
            className="btn btn--sm"
            disabled={status.kind === 'empty'}
            title={`${playingAll ? 'Stop' : 'Play the whole prompt'} (${PLAY_SHORTCUT})`}
            onClick={playingAll ? stop : onPlayAll}
          >
            <Icon name={playingAll ? 'stop' : 'play'} />
            {playingAll ? 'Stop' : 'Play'}
          </button>
        </div>
      </header>
      <div className="live-preview__stage" style={{ aspectRatio: `${PREVIEW_WIDTH} / ${PREVIEW_HEIGHT}` }}>
        <img
          ref={setImage}
          className={`live-preview__frame${hasPicture ? '' : ' live-preview__frame--stale'}`}
          alt={label === '' ? 'Preview' : `Preview of ${label.toLowerCase()}`}
          width={PREVIEW_WIDTH}
          height={PREVIEW_HEIGHT}
          hidden={status.kind === 'empty' || status.kind === 'idle' || status.kind === 'failed'}
        />
        {status.kind === 'ended' && (
          <button
            type="button"
            className="live-preview__replay"
            aria-label={`Play ${label.toLowerCase()} again`}
            onClick={() => onReplay(status.target.shot)}
          >
            <Icon name="play" size={22} />
          </button>
        )}
        <StageMessage status={status} />
      </div>
      <div className="live-preview__time" hidden={!hasPicture && status.kind !== 'drawing'}>
        <div
          className="live-preview__bar"
          role="progressbar"
          aria-label="Preview position"
          aria-valuemin={0}
          aria-valuemax={Math.round(time.duration * 10) / 10}
          aria-valuenow={Math.round(time.at * 10) / 10}
        >
          <div
            className="live-preview__fill"
            style={{ width: `${time.duration > 0 ? Math.min(100, (time.at / time.duration) * 100) : 0}%` }}
          />
        </div>
        <span className="tabular">
          {formatElapsed(Math.floor(time.at) * 1000)} / {formatElapsed(time.duration * 1000)}
        </span>
      </div>
      <NotUnderstoodNote status={status} />
    </section>
  );
}

/** Words shown at first in the note; a button shows the rest. */
const NOTE_WORDS = 4;

/**
 * What the engine did not understand in the shots previewed, before anything is queued; a render's
 * report lists the same words. Each word's tooltip says why and what the engine does instead
 * (nothing, or a labelled stand-in).
 */
function NotUnderstoodNote({ status }: { status: PreviewStatus }): JSX.Element | null {
  const [all, setAll] = useState(false);
  if (status.kind !== 'playing' && status.kind !== 'ended') return null;
  const { notUnderstood: items, fromShot, toShot } = status.info;
  if (items.length === 0) return null;
  const manyShots = toShot > fromShot;
  const shown = all ? items : items.slice(0, NOTE_WORDS);
  const rest = items.length - shown.length;
  return (
    <div className="live-preview__unknown" role="note" aria-label="Not understood by the built-in engine">
      <Icon name="warning" size={14} />
      <p>
        Not understood:{' '}
        {shown.map((item, i) => (
          <span key={`${item.shot}:${item.field}:${item.text}:${i}`} title={sentence(item.reason)}>
            {i > 0 ? ', ' : ''}“{item.text}” ({manyShots ? `shot ${item.shot + 1} · ` : ''}
            {REPORT_FIELD_LABEL[item.field]})
          </span>
        ))}
        {rest > 0 ? (
          <>
            {' '}
            <button type="button" className="live-preview__more" onClick={() => setAll(true)}>
              and {rest} more
            </button>
          </>
        ) : (
          '.'
        )}
      </p>
    </div>
  );
}

function StageMessage({ status }: { status: PreviewStatus }): JSX.Element | null {
  switch (status.kind) {
    case 'empty':
      return (
        <div className="live-preview__message">
          <p className="live-preview__title">Nothing to preview yet</p>
          <p>Write a scene and the shot under the cursor plays here, with its sound.</p>
        </div>
      );
    case 'idle':
      return (
        <div className="live-preview__message">
          <p>The shot under the cursor plays here when you pause typing.</p>
        </div>
      );
    case 'drawing':
      return (
        <div className="live-preview__message live-preview__message--over" role="status">
          <p>Drawing {status.target.shot === null ? 'the whole prompt' : `shot ${status.target.shot + 1}`}…</p>
        </div>
      );
    case 'failed':
      return (
        <div className="live-preview__message live-preview__message--failed" role="alert">
          <p className="live-preview__title">
            This {status.target.shot === null ? 'prompt' : 'shot'} cannot be previewed
          </p>
          <p>{sentence(status.message)}</p>
        </div>
      );
    case 'playing':
    case 'ended':
      return null;
  }
}

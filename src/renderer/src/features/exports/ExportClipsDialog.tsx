import { useEffect, useId, useRef, useState, type JSX } from 'react';
import { CUE_FILE_FORMATS } from '../../../../shared/cues/index';
import { CUE_FORMATS, type CueFormat } from '../../../../shared/cues/types';
import { studio } from '../../api/client';
import { Icon } from '../../components/Icon';
import { ProgressBar } from '../../components/ProgressBar';
import { Modal } from '../prompt/Modal';
import { useExportClips } from './useExportClips';
import './Exports.css';

interface ExportClipsDialogProps {
  /** One clip from the inspector, or a multi-selection. */
  clipIds: readonly number[];
  /** Names the clip in the heading when there is one. */
  title?: string;
  onClose: () => void;
}

/** Exports clips as files with their prompt, seed, provider and model inside, optionally with their cues beside them. */
export function ExportClipsDialog({ clipIds, title, onClose }: ExportClipsDialogProps): JSX.Element {
  const id = useId();
  const { state, run } = useExportClips();
  const [withCues, setWithCues] = useState(false);
  const [format, setFormat] = useState<CueFormat>('srt');
  const several = clipIds.length > 1;
  const heading = several ? `Export ${clipIds.length} clips` : 'Export clip';
  const busy = state.status === 'working';
  const desktop = studio.host === 'desktop';
  const form = useRef<HTMLFormElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const exportButton = useRef<HTMLButtonElement>(null);

  // The Export button that had the focus is disabled while working and gone once done: the focus
  // stays in the dialog, on the form while working, then on Close (or on Export again to retry).
  useEffect(() => {
    const here = form.current;
    if (!here) return;
    const lost = !here.contains(document.activeElement) || document.activeElement === here;
    if (state.status === 'working') {
      if (lost || (document.activeElement as HTMLButtonElement | null)?.disabled) here.focus({ preventScroll: true });
    } else if (lost) {
      (state.status === 'done' ? closeButton.current : exportButton.current)?.focus();
    }
  }, [state.status]);

  return (
    <Modal title={heading} className="export-dialog" onClose={onClose} busy={busy}>
      <form
        ref={form}
        tabIndex={-1}
        className="export-dialog__body"
        onSubmit={(event) => {
          event.preventDefault();
          void run(clipIds, withCues ? format : null);
        }}
      >
        {!several && title !== undefined && (
          <p className="export-dialog__clip">
            <Icon name="film" size={14} />
            {/* Its own box: text straight in the flex row would be cut without an ellipsis. */}
            <span className="truncate" title={title}>
              {title}
            </span>
          </p>
        )}
        <p className="export-dialog__hint">
          Saved under {several ? 'each clip’s' : 'the clip’s'} title and date, with the prompt, seed, provider and model
          written inside the file, so importing it into Shotline brings them back. The picture and sound are copied as
          they are, never re-encoded.
        </p>
        <div className="export-dialog__cues">
          <label className="switch">
            <input type="checkbox" checked={withCues} onChange={(event) => setWithCues(event.target.checked)} />
            Include cues as a file
          </label>
          <select
            id={`${id}-format`}
            className="field export-dialog__format"
            aria-label="Cue file format"
            value={format}
            disabled={!withCues}
            onChange={(event) => setFormat(event.target.value as CueFormat)}
          >
            {CUE_FORMATS.map((f) => (
              <option key={f} value={f}>
                {CUE_FILE_FORMATS[f].label} (.{CUE_FILE_FORMATS[f].extension})
              </option>
            ))}
          </select>
        </div>

        {state.status === 'working' && <ProgressBar value={state.fraction} label={`${heading} progress`} />}
        {state.status === 'done' && (
          <div className="export-dialog__done" role="status">
            <Icon name="check" size={14} />
            <div>
              <p>
                {state.paths === null
                  ? `Downloading ${state.fileNames.length === 1 ? (state.fileNames[0] ?? '') : `${state.fileNames.length} files`}.`
                  : `Saved ${state.paths.length === 1 ? (state.paths[0] ?? '') : `${state.paths.length} files`}.`}
              </p>
              {state.notes.map((note) => (
                <p key={note} className="export-dialog__note">
                  {note}
                </p>
              ))}
            </div>
          </div>
        )}
        {state.status === 'canceled' && <p className="export-dialog__hint">Nothing was saved.</p>}
        {state.status === 'failed' && (
          <p className="export-dialog__error sentence" role="alert">
            {state.message}
          </p>
        )}

        <footer className="modal__foot">
          {state.status === 'done' && state.paths?.[0] !== undefined && (
            <button
              type="button"
              className="btn"
              onClick={() => {
                const first = state.paths?.[0];
                if (first !== undefined) void studio.revealFile(first);
              }}
            >
              Reveal in folder
            </button>
          )}
          <button ref={closeButton} type="button" className="btn" onClick={onClose} disabled={busy}>
            {state.status === 'done' ? 'Close' : 'Cancel'}
          </button>
          {state.status !== 'done' && (
            <button ref={exportButton} type="submit" className="btn btn--primary" disabled={busy} data-autofocus>
              <Icon name="export" size={14} />
              {desktop ? 'Export…' : 'Export'}
            </button>
          )}
        </footer>
      </form>
    </Modal>
  );
}

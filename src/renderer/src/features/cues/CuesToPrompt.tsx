/**
 * "Cues to prompt": writes the cues into the clip's prompt as timed directions and opens it as
 * the project's draft, then says how many were written and which were left out (note cues).
 * A draft already being written there is never replaced unasked: the creator chooses to
 * replace it, to add the directions to it, or to leave it be.
 */
import { Icon } from '../../components/Icon';
import { useEffect, useId, useRef, useState, type JSX } from 'react';
import type { Cue } from '../../../../shared/cues/calls';
import { cuesToPrompt, promptCueCounts, promptCueReport } from '../../../../shared/cues/toPrompt';
import type { Clip } from '../../../../shared/domain';
import { studio } from '../../api/client';
import { messageOf } from '../../api/messages';
import { useToaster } from '../../components/Toasts';
import '../../components/ConfirmDialog.css';

interface Props {
  clip: Clip;
  /** The cues to write: the selected ones, or all. */
  cues: readonly Cue[];
  onOpenPrompt: () => void;
  onError: (message: string) => void;
}

interface Ask {
  draft: string;
  /** The clip's prompt with the cues written in. */
  replacement: string;
  /** The draft with the cues written in, placed by the draft's own shots. */
  added: string;
}

/** The draft's first written line, to say which draft it is. */
function firstLine(text: string): string {
  const line = text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  return line.length > 60 ? `${line.slice(0, 59)}…` : line.trim();
}

function ReplaceDraftDialog({
  ask,
  count,
  onChoose,
  onCancel,
}: {
  ask: Ask;
  count: number;
  onChoose: (text: string) => Promise<void>;
  onCancel: () => void;
}): JSX.Element {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    const returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!element.open) element.showModal();
    cancel.current?.focus();
    return () => {
      if (element.open) element.close();
      if (returnFocus?.isConnected) returnFocus.focus();
    };
  }, []);

  function choose(text: string): void {
    setBusy(true);
    setError(null);
    onChoose(text).catch((failure: unknown) => {
      setError(messageOf(failure));
      setBusy(false);
    });
  }

  const directions = count === 1 ? 'this cue' : `these ${count} cues`;
  return (
    <dialog
      ref={dialog}
      className="confirm-dialog"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onCancel();
      }}
      onKeyDown={(event) => event.stopPropagation()}
    >
      <h2 id={titleId} className="confirm-dialog__title">
        Replace the prompt draft?
      </h2>
      <div id={bodyId} className="confirm-dialog__body">
        <p>
          This project already has a prompt draft, starting “{firstLine(ask.draft)}”. Replacing it puts the clip’s
          prompt with {directions} as timed directions in its place; adding writes {directions} into the draft as it is.
        </p>
      </div>
      {error !== null && (
        <p className="confirm-dialog__error" role="alert">
          {error}
        </p>
      )}
      <div className="confirm-dialog__actions">
        <button ref={cancel} type="button" className="btn" onClick={onCancel} disabled={busy} title="Cancel (Esc)">
          Keep the draft
        </button>
        <button type="button" className="btn" disabled={busy} onClick={() => choose(ask.added)}>
          Add to the draft
        </button>
        <button type="button" className="btn btn--danger" disabled={busy} onClick={() => choose(ask.replacement)}>
          Replace the draft
        </button>
      </div>
    </dialog>
  );
}

export function CuesToPromptButton({ clip, cues, onOpenPrompt, onError }: Props): JSX.Element {
  const [ask, setAsk] = useState<Ask | null>(null);
  const toaster = useToaster();
  const counts = promptCueCounts(cues);

  async function write(text: string): Promise<void> {
    await studio.call('drafts.save', { projectId: clip.projectId, text });
    setAsk(null);
    onOpenPrompt();
    const { title, detail } = promptCueReport(counts);
    if (title !== null) toaster.show('info', title, detail);
  }

  async function start(): Promise<void> {
    const report = promptCueReport(counts);
    if (report.title === null) {
      onError(report.detail);
      return;
    }
    const replacement = cuesToPrompt(clip.promptText ?? '', cues, clip);
    const draft = await studio.call('drafts.get', { projectId: clip.projectId });
    if (draft === null || draft.text.trim() === '' || draft.text === replacement) await write(replacement);
    else setAsk({ draft: draft.text, replacement, added: cuesToPrompt(draft.text, cues, clip) });
  }

  return (
    <>
      <button
        type="button"
        className="btn btn--sm btn--primary"
        disabled={cues.length === 0}
        title="Cues to prompt"
        onClick={() => void start().catch((error: unknown) => onError(messageOf(error)))}
      >
        <Icon name="pencil" size={14} />
        <span className="cue-timeline__word">Cues to prompt</span>
      </button>
      {ask && <ReplaceDraftDialog ask={ask} count={counts.written} onChoose={write} onCancel={() => setAsk(null)} />}
    </>
  );
}

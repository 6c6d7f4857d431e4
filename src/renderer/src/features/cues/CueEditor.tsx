import { useId, useLayoutEffect, useRef, useState, type JSX, type RefObject } from 'react';
import type { Cue } from '../../../../shared/cues/calls';
import { CUE_KINDS, storableNote, type CueKind } from '../../../../shared/cues/types';
import type { CueFields } from './cueEdits';
import { formatClock } from './cueTime';
import { labelProblem } from './labelProblem';
import { cueColor } from './regionSync';
import type { TypedAhead } from './typeAhead';

interface Props {
  cue: Cue;
  labelInput: RefObject<HTMLInputElement | null>;
  onChange: (patch: Partial<CueFields>) => void;
  onDelete: () => void;
  /**
   * Set for a cue just added with M: the label field takes focus as it appears, with what was
   * typed while the cue was being made (so no keystroke after M is lost).
   */
  claimTyped?: () => TypedAhead;
  /** A label typed earlier that could not be stored: shown again, with what is wrong with it. */
  draft?: string | undefined;
  /** Told what the label field holds while it cannot be stored (null once it can). */
  onDraft?: (text: string | null) => void;
  /** The colour of each kind, as the creator set them. */
  kindColors?: Readonly<Record<CueKind, string>>;
}

/**
 * Done with a field: focus goes back to the timeline (not to the page), so its keys, Tab to the
 * next cue included, carry on from there.
 */
function leaveField(field: HTMLElement): void {
  const timeline = field.closest<HTMLElement>('.cue-timeline');
  if (timeline) timeline.focus({ preventScroll: true });
  else field.blur();
}

/** The selected cue's fields. The label commits on Enter or when the field is left. */
export function CueEditor({
  cue,
  labelInput,
  onChange,
  onDelete,
  claimTyped,
  draft,
  onDraft,
  kindColors,
}: Props): JSX.Element {
  const [label, setLabel] = useState(draft ?? cue.label);
  const [note, setNote] = useState(cue.note);
  const [problem, setProblem] = useState<string | null>(() => (draft === undefined ? null : labelProblem(draft)));
  const problemId = useId();
  // An edit from elsewhere (undo, another window) replaces what the fields show.
  const [shown, setShown] = useState({ label: cue.label, note: cue.note });
  if (shown.label !== cue.label || shown.note !== cue.note) {
    setShown({ label: cue.label, note: cue.note });
    setLabel(cue.label);
    setNote(cue.note);
    setProblem(null);
  }

  // Set when Enter or Escape has already settled the label, so leaving the field adds nothing.
  const settled = useRef(false);

  function commitLabel(text = label): boolean {
    const wrong = labelProblem(text);
    setProblem(wrong);
    onDraft?.(wrong === null ? null : text);
    if (wrong !== null) return false;
    const trimmed = text.trim();
    if (trimmed !== cue.label) onChange({ label: trimmed });
    return true;
  }

  // Runs before the browser hands over the next key: the field is focused as it appears.
  const claim = useRef(claimTyped);
  useLayoutEffect(() => {
    const take = claim.current;
    const input = labelInput.current;
    if (!take || !input) return;
    const typed = take();
    input.focus();
    if (typed.text === '') input.select();
    else setLabel(typed.text);
    if (typed.enter && commitLabel(typed.text || cue.label)) {
      settled.current = true;
      leaveField(input);
    }
    // Once, as the editor of the new cue appears.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <section className="cue-editor" aria-label="Cue editor">
      <div className="cue-editor__head">
        <span className="cue-editor__times tabular">
          {formatClock(cue.startMs)}
          {cue.endMs !== null && ` – ${formatClock(cue.endMs)}`}
        </span>
        <button type="button" className="btn btn--ghost btn--sm" onClick={onDelete}>
          Delete cue
        </button>
      </div>
      <div className="cue-editor__row">
        <label className="cue-editor__field cue-editor__field--grow">
          <span>Label</span>
          <input
            ref={labelInput}
            aria-label="Cue label"
            value={label}
            aria-invalid={problem !== null}
            aria-describedby={problem === null ? undefined : problemId}
            onChange={(event) => {
              setLabel(event.target.value);
              // Fixed as it is typed: the message goes as soon as the label can be stored.
              if (problem !== null && labelProblem(event.target.value) === null) {
                setProblem(null);
                onDraft?.(null);
              }
            }}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                // Committed, the timeline's keys (M, I, O, arrows) are the timeline's again.
                if (commitLabel()) {
                  settled.current = true;
                  leaveField(event.currentTarget);
                }
              } else if (event.key === 'Escape') {
                settled.current = true;
                setLabel(cue.label);
                setProblem(null);
                onDraft?.(null);
                leaveField(event.currentTarget);
              }
            }}
            onBlur={() => {
              if (settled.current) settled.current = false;
              else commitLabel();
            }}
          />
        </label>
        <label className="cue-editor__field">
          <span>Kind</span>
          <select
            aria-label="Cue kind"
            value={cue.kind}
            onChange={(event) => onChange({ kind: event.target.value as CueKind })}
          >
            {CUE_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {kind}
              </option>
            ))}
          </select>
        </label>
        <label className="cue-editor__field cue-editor__field--colour">
          <span>Colour</span>
          <input
            type="color"
            aria-label="Cue colour"
            value={cueColor(cue, kindColors)}
            onChange={(event) => onChange({ color: event.target.value.toLowerCase() })}
          />
        </label>
        {cue.color !== null && (
          <button type="button" className="btn btn--ghost btn--sm" onClick={() => onChange({ color: null })}>
            Kind colour
          </button>
        )}
      </div>
      {/* Straight under the label field, the row's first, across the editor's width. */}
      {problem !== null && (
        <p id={problemId} className="cue-editor__problem" role="alert">
          {problem}
        </p>
      )}
      <label className="cue-editor__field">
        <span>Note</span>
        <textarea
          aria-label="Cue note"
          rows={1}
          value={note}
          // What the box shows is what is stored: a pasted tab becomes a space, not a refusal.
          onChange={(event) => setNote(storableNote(event.target.value))}
          onBlur={() => {
            if (note !== cue.note) onChange({ note });
          }}
        />
      </label>
    </section>
  );
}

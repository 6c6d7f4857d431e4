import { useRef, useState, type JSX, type RefObject } from 'react';
import type { Cue } from '../../../../shared/cues/calls';
import { CUE_KINDS, CueLabel, type CueKind } from '../../../../shared/cues/types';
import type { CueFields } from './cueEdits';
import { formatClock } from './cueTime';
import { cueColor } from './regionSync';

interface Props {
  cue: Cue;
  labelInput: RefObject<HTMLInputElement | null>;
  onChange: (patch: Partial<CueFields>) => void;
  onDelete: () => void;
}

/** The selected cue's fields. The label commits on Enter or when the field is left. */
export function CueEditor({ cue, labelInput, onChange, onDelete }: Props): JSX.Element {
  const [label, setLabel] = useState(cue.label);
  const [note, setNote] = useState(cue.note);
  const [problem, setProblem] = useState<string | null>(null);
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

  function commitLabel(): boolean {
    const parsed = CueLabel.safeParse(label);
    if (!parsed.success) {
      setProblem(parsed.error.issues[0]?.message ?? 'this label cannot be used');
      return false;
    }
    setProblem(null);
    if (parsed.data !== cue.label) onChange({ label: parsed.data });
    return true;
  }

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
            onChange={(event) => setLabel(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                // Committed, the timeline's keys (M, I, O, arrows) are the timeline's again.
                if (commitLabel()) {
                  settled.current = true;
                  event.currentTarget.blur();
                }
              } else if (event.key === 'Escape') {
                settled.current = true;
                setLabel(cue.label);
                setProblem(null);
                event.currentTarget.blur();
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
            value={cueColor(cue)}
            onChange={(event) => onChange({ color: event.target.value.toLowerCase() })}
          />
        </label>
        {cue.color !== null && (
          <button type="button" className="btn btn--ghost btn--sm" onClick={() => onChange({ color: null })}>
            Kind colour
          </button>
        )}
      </div>
      {problem !== null && (
        <p className="cue-editor__problem" role="alert">
          {problem}
        </p>
      )}
      <label className="cue-editor__field">
        <span>Note</span>
        <textarea
          aria-label="Cue note"
          rows={1}
          value={note}
          onChange={(event) => setNote(event.target.value)}
          onBlur={() => {
            if (note !== cue.note) onChange({ note });
          }}
        />
      </label>
    </section>
  );
}

import { useEffect, useId, useRef, useState, type JSX, type KeyboardEvent } from 'react';
import { messageOf } from '../api/messages';
import './InlineEdit.css';

interface InlineEditProps {
  /** Accessible name of the textbox, e.g. "Project name". */
  label: string;
  initial: string;
  placeholder?: string;
  /** Field name the studio uses in validation messages ("name", "title"), stripped from inline errors. */
  field: string;
  /** Resolves when saved (the parent then closes the editor); rejects with the studio's error. */
  onSubmit: (value: string) => Promise<void>;
  onCancel: () => void;
  className?: string;
}

/**
 * A textbox that edits one value in place: Enter saves, Escape cancels, leaving the field saves
 * a change. The studio's validation message appears right under the field.
 */
export function InlineEdit({
  label,
  initial,
  placeholder,
  field,
  onSubmit,
  onCancel,
  className,
}: InlineEditProps): JSX.Element {
  const [value, setValue] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const settled = useRef(false);
  // A ref as well as state: blur can fire before React re-renders with busy = true.
  const busyNow = useRef(false);
  const input = useRef<HTMLInputElement>(null);
  const errorId = useId();

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  async function submit(): Promise<void> {
    if (busyNow.current) return;
    busyNow.current = true;
    setBusy(true);
    setError(null);
    try {
      await onSubmit(value);
      settled.current = true;
    } catch (caught) {
      setError(messageOf(caught, field));
      input.current?.focus();
    } finally {
      busyNow.current = false;
      setBusy(false);
    }
  }

  function cancel(): void {
    settled.current = true;
    onCancel();
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    // Keys typed here belong to the field, not to list navigation or global shortcuts.
    event.stopPropagation();
    if (event.key === 'Enter') {
      event.preventDefault();
      void submit();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      cancel();
    }
  }

  function onBlur(): void {
    if (settled.current || busyNow.current) return;
    const changed = value.trim() !== initial.trim();
    if (!changed || value.trim() === '' || error !== null) cancel();
    else void submit();
  }

  return (
    <div className={['inline-edit', className].filter(Boolean).join(' ')}>
      <input
        ref={input}
        className="field inline-edit__field"
        type="text"
        aria-label={label}
        value={value}
        placeholder={placeholder}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={error !== null}
        aria-describedby={error !== null ? errorId : undefined}
        aria-busy={busy}
        onChange={(event) => {
          setValue(event.target.value);
          if (error !== null) setError(null);
        }}
        onKeyDown={onKeyDown}
        onBlur={onBlur}
        onClick={(event) => event.stopPropagation()}
        onDoubleClick={(event) => event.stopPropagation()}
      />
      {error !== null && (
        <p id={errorId} className="field-error sentence" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
